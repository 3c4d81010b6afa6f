"""The file as read is kept between an import's steps, sealed with the site's secret: a copy
changed in storage is never unpickled, and the upload itself is read again."""

import io
import pickle

import openpyxl

from imports.reading import read_book
from imports.uploads import sealed, unsealed


def workbook_bytes() -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Milestone", "Target date"])
    sheet.append(["Consult on the Local Plan", "Mar-11"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_a_sealed_copy_reads_back_as_the_same_book():
    book = read_book(workbook_bytes(), "tracker.xlsx")
    kept = unsealed(sealed(book))
    assert kept is not None
    assert kept.sha256 == book.sha256


class Exploding:
    def __reduce__(self):
        return (exec, ("raise SystemExit('unpickled')",))


def test_a_copy_changed_in_storage_is_never_unpickled():
    book = read_book(workbook_bytes(), "tracker.xlsx")
    seal, _, _ = sealed(book).partition(b"\n")
    assert unsealed(seal + b"\n" + pickle.dumps(Exploding())) is None
    assert unsealed(pickle.dumps(book)) is None  # an unsealed copy from an older version
