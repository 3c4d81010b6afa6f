"""What an uploaded spreadsheet holds once read, and how much of one the tracker accepts.

A ``Book`` of ``SheetData``: each visible sheet's non-blank rows as plain values, and notes of
what was noticed (hidden sheets left out, blank rows skipped, merged cells filled in). The readers
(``workbooks``, ``csv_files``) build them; ``reading.read_book`` chooses the reader. Anything that
stops a file being read raises ``SpreadsheetError`` with a message for the person who uploaded it.
"""

from dataclasses import dataclass, field
from datetime import datetime

from django.conf import settings
from openpyxl.utils.datetime import CALENDAR_WINDOWS_1900

from imports.values import is_blank

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

    def turned(self) -> "SheetData":
        """The sheet turned round, for a tracker with one record a column: its columns become
        rows (numbered by column, from 1), with the same notes."""
        width = max((len(row.values) for row in self.rows), default=0)
        by_number = {row.number: row.values for row in self.rows}
        last = max(by_number, default=0)
        rows = []
        for column in range(width):
            values = tuple(
                by_number[number][column]
                if number in by_number and column < len(by_number[number])
                else None
                for number in range(1, last + 1)
            )
            if not all(is_blank(value) for value in values):
                rows.append(Row(column + 1, values))
        return SheetData(
            name=self.name,
            rows=rows,
            notes=list(self.notes),
            unsaved_formulas={(column, row) for row, column in self.unsaved_formulas},
            error_cells={(column, row) for row, column in self.error_cells},
        )


@dataclass
class Book:
    file_name: str
    sha256: str
    sheets: list[SheetData]
    hidden: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    epoch: datetime = CALENDAR_WINDOWS_1900  # Excel's day 0 (1904 for old Mac workbooks)
    # The programme whose export this is, from the mark our workbooks carry (None for any other
    # file): only then is the ID column our record's ID.
    exported_from: int | None = None

    def ours(self, programme) -> bool:
        """Whether the file is this programme's own export, so its IDs are our records' IDs."""
        return self.exported_from is not None and self.exported_from == programme.pk

    def sheet(self, name: str) -> SheetData | None:
        return next((sheet for sheet in self.sheets if sheet.name == name), None)


def sheet_of_rows(name: str, rows) -> SheetData:
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
