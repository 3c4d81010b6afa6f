"""Workbooks of a programme's records, written row by row in openpyxl's write-only mode: a large
export keeps one row in memory at a time and never goes through a per-cell table renderer.

Every sheet has a bold header row that stays in view (frozen), an autofilter over its rows,
column widths to suit, real Excel dates with the words as written beside them, pound formats,
and RAG cells coloured with the rating's word in them. Text is always written as text: a comment
that starts with "=", "+", "-", "@", a tab or a carriage return is never a formula.

Each sheet's rows come from ``exports.rows``.
"""

import tempfile
from collections.abc import Iterable
from copy import copy
from decimal import Decimal

from django.db.models import QuerySet
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.packaging.custom import StringProperty
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from exports import columns
from exports.cells import EXCEL_CELL_LIMIT, EXCEL_ERRORS
from exports.columns import Sheet
from exports.rows import (
    ROWS,
    date_change_rows,
    in_tree_order,
    milestone_rows,
    reallocation_rows,
    savings_year_rows,
)
from exports.sheets import ABOUT_TITLE, SHEETS

# The custom document property that marks a workbook as our own export of one programme: an
# import reads the ID column only in a workbook with this mark, and only into that programme
# (a council's own "ID" or "Ref" is its reference, never ours).
EXPORT_MARK = "Programme tracker export"


def export_mark(programme) -> str:
    return f"programme {programme.pk}"


# Rows fetched from the database at a time: enough to keep queries few, few enough to keep
# memory flat however large the programme.
CHUNK = 2000

# A spreadsheet program runs a cell that starts with one of these as a formula (or, from a
# CSV, as a command); we write such text as text and mark it so (Excel's quote prefix).
# A line break first hides a formula as well as a tab does (text is kept with "\n" line endings).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")

DATE_FORMAT = "DD/MM/YYYY"
DATETIME_FORMAT = "DD/MM/YYYY HH:MM"
POUNDS = '"£"#,##0'
POUNDS_AND_PENCE = '"£"#,##0.00'

# The house RAG colours: light fills with dark text of the same hue (readable when printed in
# grey, and the word is always there too).
RAG_COLOURS = {
    "red": ("FFC7CE", "9C0006"),
    "amber_red": ("F8CBAD", "833C0B"),
    "amber": ("FFEB9C", "7F6000"),
    "amber_green": ("E2EFDA", "375623"),
    "green": ("C6EFCE", "006100"),
}


class _Styles:
    """Style objects made once and shared by every cell (openpyxl indexes them per workbook)."""

    header_font = Font(bold=True)
    header_fill = PatternFill("solid", fgColor="D9E1F2")
    header_border = Border(bottom=Side(style="thin", color="8EA9DB"))
    header_alignment = Alignment(wrap_text=True, vertical="top")
    wrapped = Alignment(wrap_text=True, vertical="top")
    top = Alignment(vertical="top")
    rag_fills = {
        rating: PatternFill("solid", fgColor=fill) for rating, (fill, _) in RAG_COLOURS.items()
    }
    rag_fonts = {rating: Font(color=ink, bold=True) for rating, (_, ink) in RAG_COLOURS.items()}


STYLES = _Styles()


# --- writing ----------------------------------------------------------------------------------


class ProgrammeWorkbook:
    """A workbook of one programme's records, one sheet per kind, built in write-only mode."""

    def __init__(self, programme):
        self.programme = programme
        self.book = Workbook(write_only=True)
        self.book.properties.title = programme.name
        self.book.properties.creator = "Programme milestone tracker"
        self.book.custom_doc_props.append(
            StringProperty(name=EXPORT_MARK, value=export_mark(programme))
        )
        self.sheets: list[Sheet] = []
        self.rows_written = 0
        self._style_cache: dict[tuple, object] = {}

    def add(self, sheet: Sheet, records: Iterable) -> int:
        """Write a sheet of ``records`` (a queryset is read in chunks); the number of rows."""
        if isinstance(records, QuerySet):
            records = records.iterator(chunk_size=CHUNK)
        ws = self.book.create_sheet(sheet.title)
        for index, column in enumerate(sheet.columns, start=1):
            ws.column_dimensions[get_column_letter(index)].width = column.width
        ws.freeze_panes = "A2"
        ws.append([self._header(ws, column.heading(self.programme)) for column in sheet.columns])
        count = 0
        for record in records:
            ws.append(
                [
                    self._cell(ws, column, column.value(record, self.programme))
                    for column in sheet.columns
                ]
            )
            count += 1
        last = get_column_letter(len(sheet.columns))
        ws.auto_filter.ref = f"A1:{last}{count + 1}"
        self.sheets.append(sheet)
        self.rows_written += count
        return count

    def add_about(self) -> None:
        """The sheet that explains every column of the sheets written so far."""
        ws = self.book.create_sheet(ABOUT_TITLE)
        for letter, width in zip("ABCD", (22, 28, 90, 12), strict=True):
            ws.column_dimensions[letter].width = width
        ws.freeze_panes = "A2"
        headings = ("Sheet", "Column", "What it holds", "Read back by an import")
        ws.append([self._header(ws, heading) for heading in headings])
        count = 0
        for sheet in self.sheets:
            readable = sheet.importable or sheet.key == "date_changes"
            ws.append(
                [
                    self._text(ws, sheet.title),
                    "",
                    self._text(ws, sheet.help, wrap=True),
                    "Yes" if readable else "No",
                ]
            )
            count += 1
            for column in sheet.columns:
                ws.append(
                    [
                        self._text(ws, sheet.title),
                        self._text(ws, column.heading(self.programme)),
                        self._text(ws, column.explanation(self.programme), wrap=True),
                        "Yes" if readable and column.importable else "No",
                    ]
                )
                count += 1
        ws.auto_filter.ref = f"A1:D{count + 1}"

    def save(self):
        """The workbook as an open temporary file, at its start (the caller closes it)."""
        target = tempfile.TemporaryFile()  # noqa: SIM115 — handed to the caller, who closes it
        self.book.save(target)
        target.seek(0)
        return target

    # --- cells ---------------------------------------------------------------------------------

    def _styled(self, ws, value, key, dress):
        """A cell of ``value`` in the style named ``key``; ``dress(cell)`` sets that style the
        first time. Setting a font or fill looks the style up in the workbook's list by hashing
        it, which cost more than the rest of an export together; after the first cell of a
        style, its looked-up indices are copied instead."""
        cell = WriteOnlyCell(ws, value)
        style = self._style_cache.get(key)
        if style is None:
            dress(cell)
            self._style_cache[key] = copy(cell._style)
        else:
            cell._style = copy(style)
        return cell

    def _header(self, ws, heading: str):
        def dress(cell):
            cell.font = STYLES.header_font
            cell.fill = STYLES.header_fill
            cell.border = STYLES.header_border
            cell.alignment = STYLES.header_alignment

        return self._styled(ws, self._clean(heading), ("header",), dress)

    def _cell(self, ws, column, value):
        if value is None or value == "":
            return None
        match column.cell:
            case columns.TEXT:
                return self._text(ws, value)
            case columns.LONG_TEXT:
                return self._text(ws, value, wrap=True)
            case columns.DATE | columns.DATETIME:
                number_format = DATE_FORMAT if column.cell == columns.DATE else DATETIME_FORMAT

                def dress(cell):
                    cell.number_format = number_format
                    cell.alignment = STYLES.top

                return self._styled(ws, value, ("date", number_format), dress)
            case columns.MONEY:
                whole = Decimal(value) == Decimal(value).to_integral_value()
                number_format = POUNDS if whole else POUNDS_AND_PENCE

                def dress(cell):
                    cell.number_format = number_format
                    cell.alignment = STYLES.top

                return self._styled(ws, value, ("money", number_format), dress)
            case columns.RAG:

                def dress(cell):
                    cell.fill = STYLES.rag_fills[value]
                    cell.font = STYLES.rag_fonts[value]
                    cell.alignment = STYLES.top

                words = self._clean(self.programme.rag_label(value))
                return self._styled(ws, words, ("rag", value), dress)
        return value

    @staticmethod
    def _clean(value) -> str:
        return ILLEGAL_CHARACTERS_RE.sub("", str(value))[:EXCEL_CELL_LIMIT]

    def _text(self, ws, value, *, wrap: bool = False, force_cell: bool = False):
        """Text as a text cell, never a formula or an error code; cut to Excel's limit."""
        value = self._clean(value)
        risky = value.startswith(FORMULA_STARTS) or value in EXCEL_ERRORS
        if not (risky or wrap or force_cell):
            return value

        def dress(cell):
            if risky:
                # Ask Excel to keep it a string when it is edited.
                cell.quotePrefix = True
            cell.alignment = STYLES.wrapped if wrap else STYLES.top

        cell = self._styled(ws, value, ("text", wrap, risky), dress)
        if risky:
            # openpyxl turns a string that starts with "=" into a formula and "#N/A" into an
            # error: say it is a string.
            cell.data_type = "s"
        return cell


def write_list(programme, key: str, records: QuerySet):
    """A list page's rows as a workbook (a temporary file): the sheet of ``key``, the sheets that
    go with it (a milestone's date changes, the savings re-allocations) and the column guide."""
    workbook = ProgrammeWorkbook(programme)
    if key == "savings":
        records = list(records)  # read once for the lines and their years (a few hundred at most)
    workbook.add(SHEETS[key], in_tree_order(records) if key == "budget" else records)
    if key == "milestones":
        workbook.add(SHEETS["date_changes"], date_change_rows(records))
    if key == "savings":
        workbook.add(SHEETS["savings_years"], savings_year_rows(records))
        workbook.add(SHEETS["reallocations"], reallocation_rows(programme))
    workbook.add_about()
    return workbook.save()


def write_programme(programme):
    """The whole programme as a workbook (a temporary file): one sheet per kind of record, the
    history of date changes, and a sheet that explains each column."""
    workbook = ProgrammeWorkbook(programme)
    milestones = milestone_rows(programme)
    workbook.add(SHEETS["milestones"], milestones)
    workbook.add(SHEETS["date_changes"], date_change_rows(milestones))
    for key in ("risks", "savings", "reallocations", "budget", "actions", "meetings"):
        records = ROWS[key](programme)
        if key == "savings":
            records = list(records)  # read once for the lines and their years
        workbook.add(SHEETS[key], in_tree_order(records) if key == "budget" else records)
        if key == "savings":
            workbook.add(SHEETS["savings_years"], savings_year_rows(records))
    workbook.add_about()
    return workbook.save()


def file_name(programme, what: str) -> str:
    """ "agma-collaborative-services-milestones-2010-03-31.xlsx"."""
    return f"{programme.slug}-{what}-{timezone.localdate():%Y-%m-%d}.xlsx"
