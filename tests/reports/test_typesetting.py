"""Committee-grade type (issue 11 §3), measured on the laid-out pages of each seed's own report
and of the risk and savings reports: body text at least 10 pt and table text at least 9 pt (the
running header and footer aside), and no word running out of its table cell."""

import pytest
from weasyprint.formatting_structure import boxes

from programmes.models import Programme
from reports.kinds import build_report, get_kind
from reports.options import ReportOptions
from reports.rendering import laid_out

from .conftest import SEED_AS_AT

PT = 4 / 3  # CSS pixels in a point

REPORTS = [
    ("milestones", "agma-collaborative-services"),
    ("programme", "enhanced-two-tier-working"),
    ("committee", "manchester-improvement-programme"),
    ("grid", "herts-programme-milestones-2008"),
    ("closure", "wigan-support-services-review"),
    ("risks", "wigan-support-services-review"),
    ("savings", "manchester-improvement-programme"),
]


def text_runs(box, in_table=False, cell=None):
    """Each run of text on a page outside its margins: (size in points, whether it is in a
    table, the text, the right edge of the cell holding it or None, the run's right edge)."""
    if isinstance(box, boxes.MarginBox):
        return
    in_table = in_table or isinstance(box, boxes.TableBox | boxes.TableCaptionBox)
    if isinstance(box, boxes.TableCellBox):
        cell = box.content_box_x() + box.width
    if isinstance(box, boxes.TextBox) and box.text.strip():
        size = box.style["font_size"] / PT
        yield size, in_table, box.text.strip(), cell, box.position_x + box.width
    for child in getattr(box, "children", []):
        yield from text_runs(child, in_table, cell)


@pytest.fixture(scope="module")
def pages(django_db_blocker):
    laid = {}

    def pages_of(kind: str, slug: str):
        if (kind, slug) not in laid:
            with django_db_blocker.unblock():
                programme = Programme.objects.get(slug=slug)
                report = build_report(
                    get_kind(kind), programme, ReportOptions(as_at=SEED_AS_AT[slug])
                )
                laid[kind, slug] = laid_out(report).pages
        return laid[kind, slug]

    return pages_of


@pytest.mark.django_db
@pytest.mark.parametrize(("kind", "slug"), REPORTS)
def test_body_text_is_at_least_10_pt_and_table_text_at_least_9_pt(pages, kind, slug):
    too_small = {
        (round(size, 1), text[:40])
        for page in pages(kind, slug)
        for size, in_table, text, _, _ in text_runs(page._page_box)
        if size < (9 if in_table else 10) - 0.01
    }
    assert too_small == set()


@pytest.mark.django_db
@pytest.mark.parametrize(("kind", "slug"), REPORTS)
def test_no_word_runs_out_of_its_table_cell(pages, kind, slug):
    """Money columns wrap and long words break inside their cells."""
    overflowing = [
        text[:40]
        for page in pages(kind, slug)
        for _, _, text, cell, right in text_runs(page._page_box)
        if cell is not None and right > cell + 0.5
    ]
    assert overflowing == []
