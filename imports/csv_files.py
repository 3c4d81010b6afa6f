"""Reading a CSV file: its encoding, its separator, and what it really is.

A file that is not a workbook is read as CSV, unless its first bytes say it is a PDF or a web page
saved with a spreadsheet's name (some systems export "Excel" files that way). The text is read as
UTF-8 (with or without Excel's byte-order mark), UTF-16 (Excel's "Unicode text"), or, failing
those, Windows-1252, which Excel on Windows writes; the separator is sniffed (comma, semicolon,
tab or bar).
"""

import csv
import io
from pathlib import PurePath

from exports.cells import EXCEL_ERRORS
from imports.books import (
    NOT_A_SPREADSHEET,
    UPLOAD_INSTEAD,
    Book,
    SpreadsheetError,
    sheet_of_rows,
)


def read_csv(data: bytes, file_name: str, sha256: str) -> Book:
    """The file as a book of one sheet named after the file, or ``SpreadsheetError``."""
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
        sheet = sheet_of_rows(name, csv.reader(io.StringIO(text, newline=""), dialect))
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
