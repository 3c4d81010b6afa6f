"""A long report prints in sections in parallel processes and reads as one document: every page
numbered "Page N of M" of the whole, the running header carried into every section, one
structure tree a screen reader can follow (the PDF/UA checks of test_pdf_structure), the outline
as printed in one go, and the same words in the same order. A short report prints in one go,
byte for byte as before."""

from dataclasses import dataclass
from datetime import date
from io import BytesIO
from itertools import pairwise

import pikepdf
import pypdfium2
import pytest
from django.conf import settings
from django.db import transaction
from django.test import override_settings
from pypdf import PdfReader

from programmes.models import Programme
from reports.kinds import build_report, get_kind
from reports.options import ReportOptions
from reports.rendering import render_pdf, report_html
from reports.sections import split_report
from seeds.large import make_large_programme

from .conftest import words
from .test_pdf_structure import structure

IN_ONE_GO = {"REPORT_SECTIONS_MIN_BYTES": 10**9}
IN_SECTIONS = {
    "REPORT_SECTIONS_MIN_BYTES": 1,
    "REPORT_SECTION_BYTES": 20_000,
    "REPORT_RENDER_PROCESSES": 2,
}
MM = 72 / 25.4


@dataclass
class Printed:
    html: str
    one_go: bytes
    sections: bytes
    pages: int


@pytest.fixture(scope="module")
def printed(django_db_setup, django_db_blocker) -> Printed:
    """A 160-milestone milestones report (about 30 pages) printed both ways, once."""
    with django_db_blocker.unblock(), transaction.atomic():
        make_large_programme(milestones=160, slug="sections", today=date(2026, 11, 30))
        programme = Programme.objects.get(slug="sections")
        report = build_report(
            get_kind("milestones"), programme, ReportOptions(as_at=date(2026, 11, 30))
        )
        with override_settings(**IN_ONE_GO):
            one_go = render_pdf(report)
        with override_settings(**IN_SECTIONS):
            sections = render_pdf(report)
        html = report_html(report)
        transaction.set_rollback(True)
    return Printed(html, one_go.content, sections.content, sections.pages)


def body_text(content: bytes) -> str:
    """The words inside the pages' margins (no running header or footer), page after page."""
    document = pypdfium2.PdfDocument(content)
    found = []
    for page in document:
        width, height = page.get_size()
        text = page.get_textpage().get_text_bounded(
            left=0, bottom=15 * MM, right=width, top=height - 18 * MM
        )
        found.append(text)
    return words(" ".join(found))


def outline(pdf: pikepdf.Pdf) -> list[tuple[int, str, int]]:
    """(depth, title, page number) of every bookmark, in order."""
    pages = {page.objgen: number for number, page in enumerate(pdf.pages, start=1)}
    found = []
    with pdf.open_outline() as tree:

        def walk(items, depth):
            for item in items:
                found.append((depth, item.title, pages[item.destination[0].objgen]))
                walk(item.children, depth + 1)

        walk(tree.root, 0)
    return found


def test_the_report_was_cut_into_sections(printed):
    pieces = split_report(printed.html, 6)
    assert len(pieces) >= 4
    assert pieces[0][1] == ""  # the first holds the masthead itself
    assert all("string-set: programme" in extra for _, extra in pieces[1:])
    # More pages than in one go only by the sections' fresh starts.
    one_go = len(PdfReader(BytesIO(printed.one_go)).pages)
    assert one_go <= printed.pages < one_go + len(pieces)


def test_every_page_is_numbered_of_the_whole(printed):
    reader = PdfReader(BytesIO(printed.sections))
    assert len(reader.pages) == printed.pages
    for number, page in enumerate(reader.pages, start=1):
        text = words(page.extract_text())
        assert text.count(f"Page {number} of {printed.pages}") == 1, number


def test_later_sections_carry_the_running_header(printed):
    reader = PdfReader(BytesIO(printed.sections))
    middle = words(reader.pages[printed.pages // 2].extract_text())
    for running in (
        "Large Improvement Programme (160 milestones)",
        "Milestones Report",
        "As at 30 November 2026",
        "Draft, not issued: printed",
    ):
        assert running in middle


def test_the_words_are_those_printed_in_one_go(printed):
    """The same words in the same order, leaving aside the table's header row repeated on each
    page and the list bullets, which text extraction reads at the end of their page."""
    header_row = "Milestone Start date Completion date Comment / current activity"

    def read(content):
        text = body_text(content).replace(header_row, "")
        bullets = sum(text.count(bullet) for bullet in "•◦")
        return words(text.replace("•", "").replace("◦", "")), bullets

    sections, sections_bullets = read(printed.sections)
    one_go, one_go_bullets = read(printed.one_go)
    assert len(sections) > 10_000
    assert sections == one_go
    assert sections_bullets == one_go_bullets > 0


def test_the_outline_is_that_printed_in_one_go(printed):
    merged = pikepdf.open(BytesIO(printed.sections))
    single = pikepdf.open(BytesIO(printed.one_go))
    found = outline(merged)
    assert [(depth, title) for depth, title, _ in found] == [
        (depth, title) for depth, title, _ in outline(single)
    ]
    assert [page for _, _, page in found] == sorted(page for _, _, page in found)
    assert found[-1][2] > printed.pages // 2  # the last bookmark is in a later section


def test_one_structure_tree_a_screen_reader_can_follow(printed):
    pdf = pikepdf.open(BytesIO(printed.sections))
    assert str(pdf.Root.Lang) == "en-GB"
    assert bool(pdf.Root.MarkInfo.Marked)
    assert bool(pdf.Root.ViewerPreferences.DisplayDocTitle)
    with pdf.open_metadata() as xmp:
        assert xmp["pdfuaid:part"] == "1"
        assert xmp["dc:title"] == str(pdf.docinfo.Title)
    elements = structure(pdf)
    assert [name for name, _, ancestors in elements if not ancestors] == ["/Document"]
    levels = [int(name[2]) for name, _, _ in elements if name in {"/H1", "/H2", "/H3"}]
    assert levels.count(1) == 1 and levels[0] == 1
    assert all(after <= before + 1 for before, after in pairwise(levels))
    merged_tables = sum(1 for name, _, _ in elements if name == "/Table")
    one_go = structure(pikepdf.open(BytesIO(printed.one_go)))
    assert merged_tables >= sum(1 for name, _, _ in one_go if name == "/Table")
    assert sum(1 for name, _, _ in elements if name == "/TH") >= sum(
        1 for name, _, _ in one_go if name == "/TH"
    )


def test_every_marked_content_is_found_in_the_parent_tree(printed):
    """Each page's marked content (MCID) leads, through the ParentTree, to an element of that
    page: how assistive technology finds the structure of what it reads."""
    pdf = pikepdf.open(BytesIO(printed.sections))
    nums = pdf.Root.StructTreeRoot.ParentTree.Nums
    tree = {int(nums[i]): nums[i + 1] for i in range(0, len(nums), 2)}
    for number, page in enumerate(pdf.pages):
        key = int(page.obj.StructParents)
        assert key == number
        mcids = [
            int(operands[1].MCID)
            for operands, operator in pikepdf.parse_content_stream(page)
            if str(operator) == "BDC" and isinstance(operands[1], pikepdf.Dictionary)
        ]
        assert mcids
        elements = tree[key]
        for mcid in mcids:
            assert elements[mcid].Pg.objgen == page.objgen


def test_a_short_report_prints_in_one_go(db):
    """Below the threshold nothing changes: the same bytes as printing in one go."""
    programme = Programme.objects.get(slug="wigan-support-services-review")
    report = build_report(get_kind("closure"), programme, ReportOptions(as_at=date(2008, 10, 6)))
    assert len(report_html(report)) < settings.REPORT_SECTIONS_MIN_BYTES
    default = render_pdf(report)
    with override_settings(**IN_ONE_GO):
        assert render_pdf(report).content == default.content
    assert default.pages > 10


def test_cutting_keeps_headings_and_table_ends_with_their_tables():
    """An appendix wrapping a table per area is opened up and repeated in each piece (its id
    only in the first); a heading stays with what follows, a table with the mark that ends it,
    and a later piece carries the running header's words, escaped for CSS."""
    rows = "".join(f"<tr><td>row {n}</td></tr>" for n in range(30))
    tables = "".join(
        f'<table><thead><tr><th data-continued="Area {n}">Date</th></tr></thead>'
        f'<tbody>{rows}</tbody></table><div class="table-end"></div>'
        for n in range(6)
    )
    html = (
        '<!doctype html><html lang="en-GB"><head><title>T</title></head><body>'
        '<div class="report-content"><header class="masthead">'
        '<p class="running-programme">Programme "A" \\ B</p><h1 class="title">Title</h1>'
        '<p class="as-at">As at 1 April 2010</p><p class="issue-note">Draft</p></header>'
        f'<section id="appendix"><h2>Appendix A</h2>{tables}</section></div></body></html>'
    )
    pieces = split_report(html, 3)
    assert len(pieces) == 3
    for piece, _ in pieces:
        assert piece.count("<section") == 1
        assert piece.count("<table>") == piece.count('class="table-end"')
    assert [piece.count('id="appendix"') for piece, _ in pieces] == [1, 0, 0]
    assert "<h2>Appendix A</h2><table>" in pieces[0][0].replace("\n", "")
    assert pieces[1][1] == (
        '.report-content { string-set: programme "Programme \\22 A\\22  \\5c  B", '
        'title "Title", as-at "As at 1 April 2010", issue "Draft", continued "" }'
    )
    assert sum(piece.count("<table>") for piece, _ in pieces) == 6
