"""Opening an uploaded spreadsheet defensively.

Before any parser sees a file it is checked: its size, and what it really is, from its first bytes
rather than its name (an old .xls, a password-protected workbook, a PDF, a web page saved as
"Excel"). A workbook is then read by ``workbooks``, anything else as CSV by ``csv_files``; the
result is a ``Book`` (``books``), or ``SpreadsheetError`` with a message for the person who
uploaded the file.
"""

import hashlib
from pathlib import PurePath

from imports.books import Book, SpreadsheetError, max_bytes, megabytes
from imports.csv_files import read_csv
from imports.workbooks import compound_file_message, read_workbook

ZIP_MAGIC = b"PK\x03\x04"
EMPTY_ZIP_MAGIC = b"PK\x05\x06"
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Compound File: .xls, .doc, encrypted .xlsx


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
        return read_workbook(data, file_name, sha256)
    if start.startswith(OLE2_MAGIC):
        raise SpreadsheetError(compound_file_message(data))
    return read_csv(data, file_name, sha256)
