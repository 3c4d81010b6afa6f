"""The corpus of real published trackers (fixtures/trackers/) imports right the first time, as
a first-time user would: guessed mapping, default translations, no hand mapping."""

import io
import time
import zipfile

import pytest
from openpyxl import Workbook

from imports.corpus import run_corpus
from imports.reading import read_book

pytestmark = pytest.mark.django_db


def test_every_tracker_in_the_corpus_is_right_the_first_time():
    results = run_corpus()
    assert len(results) >= 5
    for result in results:
        assert not result.refused, (result.file_name, result.refused, result.wrong)
        assert result.wrong == [], result.file_name
        assert result.created == result.expected, result.file_name


def test_a_workbook_of_mostly_blank_formatted_rows_is_read_in_seconds():
    """Hundreds of thousands of rows formatted but empty (a sheet formatted to its foot)."""
    book = Workbook()
    sheet = book.active
    sheet.append(["Service Area", "Milestone", "Completion date"])
    sheet.append(["VPMM", "Go live", "March 2011"])
    buffer = io.BytesIO()
    book.save(buffer)
    source = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    xml = source.read("xl/worksheets/sheet1.xml").decode()
    blank = "".join(
        f'<row r="{r}">' + "".join(f'<c r="{c}{r}" s="0"/>' for c in "ABCDEFGHIJ") + "</row>"
        for r in range(3, 150_000)
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for member in source.infolist():
            content = source.read(member.filename)
            if member.filename == "xl/worksheets/sheet1.xml":
                content = xml.replace("</sheetData>", blank + "</sheetData>").encode()
            target.writestr(member.filename, content)
    data = out.getvalue()
    assert len(data) > 2_500_000
    started = time.perf_counter()
    book = read_book(data, "formatted.xlsx")
    assert time.perf_counter() - started < 20  # was minutes; about a second on a quiet machine
    assert [row.values[:3] for row in book.sheets[0].rows][1] == ("VPMM", "Go live", "March 2011")
