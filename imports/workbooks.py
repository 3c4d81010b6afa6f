"""Reading an Excel workbook (.xlsx) safely.

A workbook is a zip of XML parts. Before openpyxl opens it, its zip directory is checked: what it
holds (a Word or OpenDocument file is not a workbook), whether it is zipped with a password, and
the sizes its parts declare once unpacked, so that a "zip bomb" is refused unopened (Python's
zipfile never unpacks more than a member declares). It is then read in openpyxl's read-only mode
with the results formulas last had (``data_only``). Its sheets' XML is scanned, through
defusedxml, for what read-only mode does not say: merged cells (their value is filled into every
row they span), formulas with no saved result, and cells holding an Excel error.

An old Office file (97–2003 "Compound File") is not read: ``compound_file_message`` says why.
"""

import io
import posixpath
import re
import zipfile
from dataclasses import dataclass, field
from datetime import datetime

from defusedxml.ElementTree import fromstring, iterparse
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter, range_boundaries

from exports.workbook import EXPORT_MARK
from imports.books import (
    DAMAGED,
    NOT_A_SPREADSHEET,
    UPLOAD_INSTEAD,
    Book,
    SpreadsheetError,
    max_bytes,
    megabytes,
    sheet_of_rows,
)
from imports.values import is_blank

UNPACK_FACTOR = 20  # a workbook may unpack to this many times the largest upload
MAX_ZIP_MEMBERS = 10_000
NOTES_SHOWN = 5


def compound_file_message(data: bytes) -> str:
    """Why a Compound File (Office 97–2003 format) cannot be read. Its directory names its
    streams in UTF-16: an encrypted workbook has "EncryptedPackage", an old workbook "Workbook"
    or "Book"."""
    if "EncryptedPackage".encode("utf-16-le") in data:
        return (
            "This workbook is protected with a password, so it cannot be read. Open it in Excel, "
            "remove the password (File, Info, Protect Workbook, Encrypt with Password, and clear "
            "it), save it and upload it again."
        )
    if any(name.encode("utf-16-le") in data for name in ("Workbook", "Book")):
        return (
            "This is an old Excel 97–2003 workbook (.xls), which the tracker cannot read. Open it "
            "in Excel and save it as an Excel Workbook (.xlsx), then upload that."
        )
    return (
        "This is an old Office document (97–2003 format), not a spreadsheet the tracker can "
        f"read. {UPLOAD_INSTEAD}"
    )


def _zip_message(names: set[str]) -> str:
    if "word/document.xml" in names:
        return f"This is a Word document, not a spreadsheet. {UPLOAD_INSTEAD}"
    if "ppt/presentation.xml" in names:
        return f"This is a PowerPoint file, not a spreadsheet. {UPLOAD_INSTEAD}"
    if "content.xml" in names and "mimetype" in names:
        return (
            "This is an OpenDocument file (from LibreOffice or OpenOffice). Open it there, save "
            "it as an Excel 2007-365 workbook (.xlsx) and upload that."
        )
    return f"This is a zip file, not an Excel workbook. {UPLOAD_INSTEAD}"


def _open_zip(data: bytes) -> zipfile.ZipFile:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as error:
        raise SpreadsheetError(DAMAGED) from error
    members = archive.infolist()
    if len(members) > MAX_ZIP_MEMBERS:
        raise SpreadsheetError(NOT_A_SPREADSHEET)
    names = {member.filename for member in members}
    if "[Content_Types].xml" not in names or not any(n.startswith("xl/") for n in names):
        raise SpreadsheetError(_zip_message(names))
    if any(member.flag_bits & 0x1 for member in members):
        raise SpreadsheetError(
            "The workbook is zipped with a password, so it cannot be read. Save it again from "
            "Excel without a password and upload it again."
        )
    declared = sum(member.file_size for member in members)
    limit = UNPACK_FACTOR * max_bytes()
    if declared > limit:
        raise SpreadsheetError(
            f"The workbook says it would unpack to {megabytes(declared)}, far more than a "
            f"spreadsheet should (the tracker allows {megabytes(limit)}); files built like this "
            "are used to exhaust servers, so it has not been opened. If it is a genuine workbook, "
            "split it into smaller ones."
        )
    return archive


def read_workbook(data: bytes, file_name: str, sha256: str) -> Book:
    """Every visible sheet of a workbook, or ``SpreadsheetError``."""
    archive = _open_zip(data)
    scans = _scan_sheets(archive)
    data = _without_empty_cells(archive, data)
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:
        # openpyxl raises many kinds of exception on a damaged workbook (KeyError for a missing
        # part, ValueError, TypeError, zlib and XML errors): to the user they all mean this.
        raise SpreadsheetError(DAMAGED) from error
    book = Book(file_name=file_name, sha256=sha256, sheets=[])
    book.exported_from = _export_mark(archive)
    try:
        book.epoch = workbook.epoch
        for worksheet in workbook.worksheets:
            if worksheet.sheet_state != "visible":
                book.hidden.append(worksheet.title)
                continue
            # Some programs write a wrong size into the sheet; read every row there is.
            worksheet.reset_dimensions()
            scan = scans.get(worksheet.title, _Scan())
            rows = _with_merges(_cell_values(worksheet.iter_rows()), scan.merges)
            sheet = sheet_of_rows(worksheet.title, rows)
            sheet.unsaved_formulas, sheet.error_cells = scan.unsaved, scan.errors
            sheet.notes[:0] = _merge_notes(scan.merges)
            book.sheets.append(sheet)
    except SpreadsheetError:
        raise
    except Exception as error:
        raise SpreadsheetError(DAMAGED) from error
    finally:
        workbook.close()
    if book.hidden:
        names = ", ".join(f'"{name}"' for name in book.hidden)
        book.notes.append(f"Hidden sheets are left out: {names}.")
    if not any(sheet.rows for sheet in book.sheets):
        raise SpreadsheetError(
            "The workbook has nothing to import: its visible sheets are empty."
            + (" Its other sheets are hidden." if book.hidden else "")
        )
    return book


# Cells with nothing in them (a style only) and rows of none: a sheet formatted down to row
# 1,048,576 holds millions of them, which openpyxl would visit one by one.
# (Literal starts, which the regular expression engine finds fast; a sheet written with a
# namespace prefix keeps its empty cells and is only slower to read.)
_EMPTY_CELL_RE = re.compile(rb"<c [^>]*/>")
_EMPTY_ROW_RE = re.compile(rb"<row [^>]*?(?:/>|>\s*</row>)")
EMPTY_WORTH_REMOVING = 1 << 20  # bytes of sheet XML


def _without_empty_cells(archive: zipfile.ZipFile, data: bytes) -> bytes:
    """The workbook with its sheets' empty cells and rows taken out, when there are many, so a
    file of mostly blank formatted rows is read in seconds; otherwise the workbook as it is."""
    members = archive.infolist()
    sheets = {
        member.filename
        for member in members
        if member.filename.startswith("xl/worksheets/") and member.filename.endswith(".xml")
    }
    if sum(member.file_size for member in members if member.filename in sheets) < (
        EMPTY_WORTH_REMOVING
    ):
        return data
    buffer = io.BytesIO()
    try:
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
            for member in members:
                content = archive.read(member.filename)
                if member.filename in sheets:
                    content = _EMPTY_ROW_RE.sub(b"", _EMPTY_CELL_RE.sub(b"", content))
                target.writestr(member, content)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, KeyError) as error:
        raise SpreadsheetError(DAMAGED) from error
    return buffer.getvalue()


def _export_mark(archive: zipfile.ZipFile) -> int | None:
    """The programme whose export this workbook is, from the custom document property our
    exports write (``exports.workbook.EXPORT_MARK``); None for any other workbook."""
    try:
        properties = fromstring(archive.read("docProps/custom.xml"))
    except Exception:
        return None  # no custom properties, or unreadable ones: not our export
    for prop in properties:
        if prop.get("name") == EXPORT_MARK:
            said = "".join(prop.itertext()).strip()
            found = re.fullmatch(r"programme (\d+)", said)
            return int(found[1]) if found else None
    return None


# A number format that shows a month and a year but no day ("mmm-yy", "mmmm yyyy"): the cell
# means the whole month, as it reads on screen, not its first day.
_MONTH_ONLY_RE = re.compile(r"^(?=.*m)(?=.*y)[^d]*$", re.IGNORECASE)


def _cell_values(rows):
    """Each row's values; a date cell formatted to show only a month and year becomes the words
    it shows ("Mar 2011"), so it is read as the whole month."""
    for cells in rows:
        values = []
        for cell in cells:
            value = getattr(cell, "value", None)
            if isinstance(value, datetime) and _month_only(getattr(cell, "number_format", "")):
                value = value.strftime("%b %Y")
            values.append(value)
        yield tuple(values)


def _month_only(number_format: str) -> bool:
    shown = re.sub(r'"[^"]*"|\[[^\]]*\]|\\.', "", number_format or "")  # quoted text, colours
    return bool(_MONTH_ONLY_RE.match(shown)) and "h" not in shown.lower()


def _with_merges(rows, merges: list[str]):
    """The rows with each merged range's value in the first column of every row it spans (a
    service area merged down over its stages belongs to each of them)."""
    if not merges:
        yield from rows
        return
    fills: dict[int, list[tuple[int, int, int]]] = {}  # first row -> (column, last row)
    for ref in merges:
        min_col, min_row, _, max_row = range_boundaries(ref)
        if max_row > min_row:
            fills.setdefault(min_row, []).append((min_col, max_row))
    pending: dict[int, tuple[int, object]] = {}  # column -> (last row, value)
    for number, values in enumerate(rows, start=1):
        values = list(values)
        for column, last in fills.get(number, []):
            value = values[column - 1] if column <= len(values) else None
            pending[column] = (last, value)
        for column, (last, value) in list(pending.items()):
            if number > last:
                del pending[column]
                continue
            while len(values) < column:
                values.append(None)
            if is_blank(values[column - 1]):
                values[column - 1] = value
        yield tuple(values)


def _merge_notes(merges: list[str]) -> list[str]:
    notes = []
    for ref in merges[:NOTES_SHOWN]:
        min_col, min_row, _, max_row = range_boundaries(ref)
        if max_row > min_row:
            notes.append(
                f"Cells {ref} are merged: their value is used in each of rows {min_row} to "
                f"{max_row}."
            )
        else:
            notes.append(
                f"Cells {ref} are merged: the value is read from column "
                f"{get_column_letter(min_col)} only."
            )
    if len(merges) > NOTES_SHOWN:
        notes.append(f"… and {len(merges) - NOTES_SHOWN} more ranges of merged cells.")
    return notes


# Formulas (<f>), merged ranges (<mergeCell>) and error cells (t="e") in a sheet's XML.
_SCAN_RE = re.compile(rb'<(?:[A-Za-z_][\w.-]*:)?(?:f|mergeCell)[\s/>]|\st="e"')


@dataclass
class _Scan:
    """What openpyxl's read-only mode does not say about a sheet."""

    merges: list[str] = field(default_factory=list)
    unsaved: set[tuple[int, int]] = field(default_factory=set)  # formulas with no result
    errors: set[tuple[int, int]] = field(default_factory=set)  # cells holding an Excel error


_RELATIONSHIP_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _scan_sheets(archive: zipfile.ZipFile) -> dict[str, _Scan]:
    """Each sheet's merged ranges, formulas without a saved result and error cells, which
    openpyxl's read-only mode does not report. Only sheets whose XML mentions them are parsed."""
    try:
        paths = _sheet_paths(archive)
    except Exception:
        return {}  # openpyxl will say whether the workbook can be read at all
    scans = {}
    for name, path in paths.items():
        try:
            if _worth_scanning(archive, path):
                scans[name] = _scan_sheet(archive, path)
        except (KeyError, zipfile.BadZipFile):
            continue
        except Exception as error:
            raise SpreadsheetError(DAMAGED) from error
    return scans


def _sheet_paths(archive: zipfile.ZipFile) -> dict[str, str]:
    """Sheet names and where their XML is, from the package's relationships."""
    package = fromstring(archive.read("_rels/.rels"))
    workbook_path = next(
        rel.get("Target").lstrip("/")
        for rel in package
        if rel.get("Type", "").endswith("/officeDocument")
    )
    folder, name = posixpath.split(workbook_path)
    rels = fromstring(archive.read(posixpath.join(folder, "_rels", f"{name}.rels")))
    targets = {}
    for rel in rels:
        target = rel.get("Target", "")
        full = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
        targets[rel.get("Id")] = posixpath.normpath(full)
    workbook = fromstring(archive.read(workbook_path))
    return {
        sheet.get("name"): targets[sheet.get(_RELATIONSHIP_ID)]
        for sheet in workbook.iter()
        if _local(sheet.tag) == "sheet" and sheet.get(_RELATIONSHIP_ID) in targets
    }


# Plain substrings that any formula, merged range or error cell contains: searched for first,
# far faster than the expression, which then decides.
_SCAN_HINTS = (b"<f", b":f", b"mergeCell", b't="e"')


def _worth_scanning(archive: zipfile.ZipFile, path: str) -> bool:
    tail = b""
    with archive.open(path) as stream:
        while chunk := stream.read(1 << 20):
            window = tail + chunk
            if any(hint in window for hint in _SCAN_HINTS) and _SCAN_RE.search(window):
                return True
            tail = chunk[-64:]
    return False


def _scan_sheet(archive: zipfile.ZipFile, path: str) -> _Scan:
    scan = _Scan()
    with archive.open(path) as stream:
        for _, element in iterparse(stream):
            tag = _local(element.tag)
            if tag == "c" and element.get("r"):
                children = {_local(child.tag): child for child in element}
                column, row, _, _ = range_boundaries(element.get("r"))
                # A formula Excel worked out has its result in <v> (an empty text result has
                # t="str"); a program that does not work formulas out writes no <v>, or an
                # empty one with no type, as openpyxl does.
                result = children.get("v")
                no_result = result is None or (not result.text and element.get("t", "n") == "n")
                if "f" in children and no_result:
                    scan.unsaved.add((row, column))
                elif element.get("t") == "e":
                    scan.errors.add((row, column))
                element.clear()
            elif tag == "mergeCell" and element.get("ref"):
                scan.merges.append(element.get("ref"))
            elif tag == "row":
                element.clear()
    return scan
