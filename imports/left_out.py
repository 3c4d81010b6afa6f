"""The rows an import left out ("import the rows that are right and list the others"), as a
workbook to put right and import again: each sheet's headings and rows as they were written,
with a last column saying why each was left out."""

import tempfile
from itertools import groupby

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font

from exports.workbook import FORMULA_STARTS

WHY = "Why it was left out"


def left_out_workbook(record):
    """The import's rows left out, as an open temporary .xlsx file (the caller closes it)."""
    book = Workbook()
    book.remove(book.active)
    rows = sorted(record.left_out, key=lambda row: (row["sheet"], row["row"]))
    for sheet_name, sheet_rows in groupby(rows, key=lambda row: row["sheet"]):
        sheet_rows = list(sheet_rows)
        sheet = book.create_sheet(_title(sheet_name, book))
        headings = max((row["headings"] for row in sheet_rows), key=len)
        sheet.append([*headings, WHY])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in sheet_rows:
            values = list(row["values"]) + [""] * (len(headings) - len(row["values"]))
            sheet.append([*map(_clean, values), _clean(" ".join(row["problems"]))])
            for cell in sheet[sheet.max_row]:
                if isinstance(cell.value, str) and cell.value.startswith(FORMULA_STARTS):
                    cell.data_type = "s"  # text as written, never a formula
    target = tempfile.TemporaryFile()  # noqa: SIM115 — handed to the caller, who closes it
    book.save(target)
    target.seek(0)
    return target


def _title(name: str, book) -> str:
    title = "".join(c for c in name if c not in "[]:*?/\\")[:31] or "Rows"
    return title if title not in book.sheetnames else f"{title[:28]} {len(book.sheetnames)}"


def _clean(value: str) -> str:
    return ILLEGAL_CHARACTERS_RE.sub("", str(value or ""))
