"""Opening an uploaded spreadsheet defensively.

Before any parser sees a file it is checked: its size; what it really is, from its first bytes
rather than its name (an old .xls, a password-protected workbook, a PDF, a web page saved as
"Excel"); and, for a workbook, the sizes its zip directory declares once unpacked, so that a "zip
bomb" is refused unopened (Python's zipfile never unpacks more than a member declares). Workbooks
are then read in openpyxl's read-only mode with the results formulas last had (``data_only``),
their XML parsed through defusedxml. CSV files are read as UTF-8 or, failing that, as
Windows-1252, which Excel on Windows writes.

The result is a ``Book`` of ``SheetData``: each visible sheet's non-blank rows as plain values,
merged cells filled in, and notes of what was noticed (hidden sheets left out, blank rows skipped,
formulas with no saved result). Anything that stops a file being read raises ``SpreadsheetError``
with a message for the person who uploaded it.
"""

import csv
import hashlib
import io
import posixpath
import re
import zipfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import PurePath

from defusedxml.ElementTree import fromstring, iterparse
from django.conf import settings
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter, range_boundaries
from openpyxl.utils.datetime import CALENDAR_WINDOWS_1900

from exports.cells import EXCEL_ERRORS
from imports.values import is_blank

ZIP_MAGIC = b"PK\x03\x04"
EMPTY_ZIP_MAGIC = b"PK\x05\x06"
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Compound File: .xls, .doc, encrypted .xlsx
UNPACK_FACTOR = 20  # a workbook may unpack to this many times the largest upload
MAX_ZIP_MEMBERS = 10_000
NOTES_SHOWN = 5

DAMAGED = (
    "The file could not be read: it is damaged or incomplete (perhaps it was not saved "
    "properly, or the upload was cut short). Open it in Excel, save it again and upload it again."
)
UPLOAD_INSTEAD = "Upload an Excel workbook (.xlsx) or a CSV file."
NOT_A_SPREADSHEET = f"This file is not a spreadsheet the tracker can read. {UPLOAD_INSTEAD}"


class SpreadsheetError(Exception):
    """A file that cannot be imported; the message says why and what to do, in plain English."""


def max_bytes() -> int:
    return getattr(settings, "SPREADSHEET_MAX_BYTES", 10 * 1024 * 1024)


def max_rows() -> int:
    return getattr(settings, "SPREADSHEET_MAX_ROWS", 50_000)


def megabytes(size: int) -> str:
    """A size as people read it: "10 MB", "2.5 MB", "48 KB"."""
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} KB"
    figure = f"{size / (1024 * 1024):,.1f}".removesuffix(".0")
    return f"{figure} MB"


@dataclass
class Row:
    number: int  # as Excel numbers it, from 1
    values: tuple


@dataclass
class SheetData:
    name: str
    rows: list[Row]  # the rows with something in them
    notes: list[str] = field(default_factory=list)
    # Cells whose formula has no saved result, and cells holding an Excel error (#REF!, #N/A),
    # as (row, column) numbers. Text that merely reads "#N/A" is not an error.
    unsaved_formulas: set[tuple[int, int]] = field(default_factory=set)
    error_cells: set[tuple[int, int]] = field(default_factory=set)


@dataclass
class Book:
    file_name: str
    sha256: str
    sheets: list[SheetData]
    hidden: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    epoch: datetime = CALENDAR_WINDOWS_1900  # Excel's day 0 (1904 for old Mac workbooks)

    def sheet(self, name: str) -> SheetData | None:
        return next((sheet for sheet in self.sheets if sheet.name == name), None)


def clean_file_name(name: str) -> str:
    """The name the user's computer gave the file, without any folders, at most 255 characters."""
    return PurePath(str(name).replace("\\", "/")).name[-255:] or "upload"


def read_book(data: bytes, file_name: str) -> Book:
    """Everything in an uploaded file that an import can use, or ``SpreadsheetError``."""
    file_name = clean_file_name(file_name)
    if not data:
        raise SpreadsheetError("The file is empty.")
    if len(data) > max_bytes():
        raise SpreadsheetError(
            f"The file is {megabytes(len(data))}; the largest the tracker accepts is "
            f"{megabytes(max_bytes())}. Split it, or delete the sheets you are not importing, "
            "and upload it again."
        )
    sha256 = hashlib.sha256(data).hexdigest()
    start = data[:8]
    if start.startswith((ZIP_MAGIC, EMPTY_ZIP_MAGIC)):
        return _read_workbook(data, file_name, sha256)
    if start.startswith(OLE2_MAGIC):
        raise SpreadsheetError(_compound_file_message(data))
    return _read_csv(data, file_name, sha256)


# --- what kind of file ------------------------------------------------------------------------


def _compound_file_message(data: bytes) -> str:
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


# --- workbooks --------------------------------------------------------------------------------


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


def _read_workbook(data: bytes, file_name: str, sha256: str) -> Book:
    archive = _open_zip(data)
    scans = _scan_sheets(archive)
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:
        # openpyxl raises many kinds of exception on a damaged workbook (KeyError for a missing
        # part, ValueError, TypeError, zlib and XML errors): to the user they all mean this.
        raise SpreadsheetError(DAMAGED) from error
    book = Book(file_name=file_name, sha256=sha256, sheets=[])
    try:
        book.epoch = workbook.epoch
        for worksheet in workbook.worksheets:
            if worksheet.sheet_state != "visible":
                book.hidden.append(worksheet.title)
                continue
            # Some programs write a wrong size into the sheet; read every row there is.
            worksheet.reset_dimensions()
            scan = scans.get(worksheet.title, _Scan())
            rows = _with_merges(worksheet.iter_rows(values_only=True), scan.merges)
            sheet = _sheet(worksheet.title, rows)
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


def _sheet(name: str, rows) -> SheetData:
    """A sheet's non-blank rows (counting the blank ones between them), refusing a sheet with
    more rows than an import takes."""
    limit = max_rows()
    kept: list[Row] = []
    for number, values in enumerate(rows, start=1):
        if all(is_blank(value) for value in values):
            continue
        if len(kept) >= limit:
            raise SpreadsheetError(
                f'Sheet "{name}" has more than {limit:,} rows; the tracker imports at most '
                f"{limit:,} rows at a time. Split the sheet and import it in parts."
            )
        kept.append(Row(number, tuple(values)))
    # Blank rows before the first row and after the last are no news; those between are.
    last = kept[-1].number if kept else 0
    first = kept[0].number if kept else 0
    between = max(0, last - first + 1 - len(kept))
    sheet = SheetData(name=name, rows=kept)
    if between:
        sheet.notes.append(f"{between:,} blank row{'s' if between != 1 else ''} skipped.")
    return sheet


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


def _worth_scanning(archive: zipfile.ZipFile, path: str) -> bool:
    tail = b""
    with archive.open(path) as stream:
        while chunk := stream.read(1 << 20):
            if _SCAN_RE.search(tail + chunk):
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


# --- CSV --------------------------------------------------------------------------------------


def _read_csv(data: bytes, file_name: str, sha256: str) -> Book:
    head = data[:1024].lstrip().lower()
    if head.startswith(b"%pdf"):
        raise SpreadsheetError(f"This is a PDF, not a spreadsheet. {UPLOAD_INSTEAD}")
    if head.startswith((b"<!doctype html", b"<html", b"<table")):
        raise SpreadsheetError(
            "This is a web page (HTML) saved with a spreadsheet's name, as some systems export "
            "\u201cExcel\u201d files. Open it in Excel, save it as an Excel Workbook (.xlsx) and "
            "upload that."
        )
    text, note = _decode(data)
    if "\x00" in text[:4096]:
        raise SpreadsheetError(NOT_A_SPREADSHEET)
    try:
        dialect = csv.Sniffer().sniff(text[:8192], delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel
    name = PurePath(file_name).stem or "CSV"
    try:
        sheet = _sheet(name, csv.reader(io.StringIO(text, newline=""), dialect))
    except csv.Error as error:
        raise SpreadsheetError(
            f"The file could not be read as CSV ({error}). Save it from Excel as \u201cCSV "
            "UTF-8\u201d and upload it again."
        ) from error
    if not sheet.rows:
        raise SpreadsheetError("The file has nothing to import: every row is blank.")
    # A CSV saved from Excel writes an error cell as its code (#REF!): it cannot be text here.
    sheet.error_cells = {
        (row.number, column)
        for row in sheet.rows
        for column, value in enumerate(row.values, start=1)
        if isinstance(value, str) and value.strip() in EXCEL_ERRORS
    }
    book = Book(file_name=file_name, sha256=sha256, sheets=[sheet])
    if note:
        book.notes.append(note)
    return book


def _decode(data: bytes) -> tuple[str, str]:
    """The text of a CSV file and a note of how it was read: UTF-8 (with or without Excel's
    byte-order mark), UTF-16 (Excel's "Unicode text"), else Windows-1252."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), ""
        except UnicodeDecodeError as error:
            raise SpreadsheetError(NOT_A_SPREADSHEET) from error
    try:
        return data.decode("utf-8-sig"), ""
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError as error:
        raise SpreadsheetError(
            "The file is not text in an encoding the tracker can read (UTF-8 or Windows-1252), "
            "so it is probably not a spreadsheet. Save it from Excel as \u201cCSV UTF-8\u201d "
            "and upload it again."
        ) from error
    if sum(not (ch.isprintable() or ch in "\r\n\t") for ch in text[:4096]) > 8:
        raise SpreadsheetError(NOT_A_SPREADSHEET)
    return text, "The file is not UTF-8: it was read as Windows-1252 (Western European)."
