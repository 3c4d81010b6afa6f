"""The same moves of dates read the same on every page, report and workbook, because each asks
``core.slippage`` for its phrase ("Dec 2009, extended to Mar 2010, extended to Jun 2010"):

- Alpha's completion moved later twice, each with a reason;
- Bravo's was brought forward;
- Charlie's was only reworded ("Mar 2010" as "March 2010"): not a move, not slipped;
- Delta had no forecast and was given a first one later than its plan: a slip "as planned",
  never "earlier".
"""

import re

import pytest
from django.urls import reverse
from django.utils import timezone

from core.fuzzydates import parse
from milestones.models import Milestone
from milestones.services import milestone_create, milestone_edit
from programmes.models import ServiceArea, StageDefinition

from .conftest import page, preview, report_options, text, workbook_rows

pytestmark = pytest.mark.django_db

ALPHA = "Dec 2009, extended to Mar 2010, extended to Jun 2010"
BRAVO = "Mar 2010, brought forward to Feb 2010"
CHARLIE = "Mar 2010"
DELTA = "as planned, extended to Jun 2010"


def move(milestone, reason="", **changes):
    milestone_edit(
        milestone=milestone,
        opened_version=milestone.version,
        changes={name: parse(words) for name, words in changes.items()},
        reason=reason,
    )


@pytest.fixture
def area(programme):
    """One service area with one stage, and the four milestones moved as the module says."""
    # A stage, so the overview shows its matrix; the milestones are in its "Other milestones"
    # column, where each is named.
    StageDefinition.objects.create(programme=programme, code="Stage 1", name="Stage 1")
    area = ServiceArea.objects.create(programme=programme, name="Shared Services")

    def create(title, **dates):
        return milestone_create(
            service_area=area,
            title=title,
            status=Milestone.Status.IN_PROGRESS,
            **{name: parse(words) for name, words in dates.items()},
        )

    alpha = create("Alpha", planned_completion="December 2009")
    move(alpha, "Funding agreed late", planned_completion="March 2010")
    move(alpha, "Supplier late", planned_completion="June 2010")

    bravo = create("Bravo", planned_completion="March 2010")
    move(bravo, "Quicker than planned", planned_completion="February 2010")

    charlie = create("Charlie", planned_completion="Mar 2010")
    move(charlie, planned_completion="March 2010")  # the same month: needs no reason

    delta = create("Delta", planned_completion="March 2010")
    move(delta, "Returns late", forecast_completion="June 2010")
    return area


def for_each(words: str) -> dict[str, str]:
    """The part of ``words`` about each milestone: from its title to the next one's."""
    found = {}
    titles = ["Alpha", "Bravo", "Charlie", "Delta"]
    for title in titles:
        match = re.search(rf"\b{title}\b(.*?)(?=\b(?:{'|'.join(titles)})\b|$)", words, re.S)
        assert match, f"{title} is not there"
        found[title] = match.group(1)
    return found


def row_naming(html: str, title: str) -> str:
    """The text of the first table row that names ``title``."""
    for found in re.findall(r"<tr[^>]*>.*?</tr>", html, flags=re.S):
        if re.search(rf"\b{title}\b", words := text(found)):
            return words
    raise AssertionError(f"No row names {title!r}")


def rows_naming(html: str) -> dict[str, str]:
    return {title: row_naming(html, title) for title in ("Alpha", "Bravo", "Charlie", "Delta")}


def assert_phrases(place: str, parts: dict[str, str], charlie=CHARLIE):
    """Each milestone's part says its phrase, and no other move."""
    assert ALPHA in parts["Alpha"], place
    assert BRAVO in parts["Bravo"], place
    assert "extended to" not in parts["Bravo"], place
    assert charlie in parts["Charlie"], place
    assert not re.search("extended to|brought forward|changed to|reworded", parts["Charlie"]), place
    assert DELTA in parts["Delta"], place
    assert "earlier" not in parts["Delta"] and "brought forward" not in parts["Delta"], place


def test_the_milestone_pages_print_the_phrase(reader_client, area):
    for milestone in area.milestones.all():
        words = text(page(reader_client, reverse("milestones:detail", args=[milestone.pk])))
        expected = {"Alpha": ALPHA, "Bravo": BRAVO, "Delta": DELTA}.get(milestone.title)
        if expected:
            assert expected in words, milestone.title
        else:
            assert "The dates have not moved." in words
            assert not re.search("extended to|brought forward|changed to", words)
    delta = area.milestones.get(title="Delta")
    words = text(page(reader_client, reverse("milestones:detail", args=[delta.pk])))
    assert "(later)" in words and "(earlier)" not in words


def test_the_service_area_page_prints_the_phrase(reader_client, programme, area):
    html = page(reader_client, reverse("programmes:service-area", args=[programme.slug, area.pk]))
    assert_phrases("service area", rows_naming(html))


def test_the_milestone_list_prints_the_phrase_and_only_slipped_keeps_the_later_moves(
    reader_client, programme, area
):
    url = reverse("milestones:list", args=[programme.slug])
    html = page(reader_client, url)
    parts = rows_naming(html)
    assert_phrases("list", parts)
    assert [title for title, words in parts.items() if "Slipped" in words] == ["Alpha", "Delta"]

    only_slipped = text(page(reader_client, url, {"slipped": "on"}))
    assert [t for t in ("Alpha", "Bravo", "Charlie", "Delta") if t in only_slipped] == [
        "Alpha",
        "Delta",
    ]


def test_the_overview_counts_and_marks_the_later_moves_only(reader_client, programme, area):
    html = page(reader_client, reverse("programmes:overview", args=[programme.slug]))
    assert re.search(r"<strong>2</strong> slipped", html)
    cell = for_each(text(html).split("Stages of the delivery plan", 1)[1])
    assert "Jun 2010" in cell["Alpha"] and "slipped" in cell["Alpha"]
    assert "Feb 2010" in cell["Bravo"] and "slipped" not in cell["Bravo"]
    assert "Mar 2010" in cell["Charlie"] and "slipped" not in cell["Charlie"]
    assert "slipped" in cell["Delta"]


def test_the_summary_of_changes_prints_the_phrase(reader_client, programme, area):
    """Every move since the start of today, in the summary a committee report opens with."""
    today = timezone.localdate().strftime("%d/%m/%Y")
    for kind in ("milestones", "programme", "grid", "committee", "closure"):
        html = page(
            reader_client,
            reverse("reports:preview", args=[programme.slug, kind]),
            {"since_date": today, **report_options(kind)},
        )
        summary = text(html).split("What has changed since", 1)[1].split("New milestones")[0]
        slipped = summary.split("Milestones that slipped", 1)[1].split("Milestones brought")[0]
        forward = summary.split("Milestones brought forward", 1)[1]
        assert f"Alpha (Shared Services): completion {ALPHA}." in slipped, kind
        assert "Reason: Funding agreed late; Supplier late." in slipped, kind
        assert f"Delta (Shared Services): forecast completion {DELTA}." in slipped, kind
        assert f"Bravo (Shared Services): completion {BRAVO}." in forward, kind
        assert "Charlie" not in summary, kind


def test_the_reports_print_the_phrase(reader_client, programme, area):
    for kind in ("milestones", "programme", "closure"):
        assert_phrases(f"{kind} report", rows_naming(preview(reader_client, programme, kind)))


def test_the_grid_puts_each_milestone_in_the_month_it_is_now_due(reader_client, programme, area):
    html = page(
        reader_client,
        reverse("reports:preview", args=[programme.slug, "grid"]),
        {"first_month": "2009-12", "months": "7"},
    )
    months = ["Dec", "Jan", "Feb", "Mar", "Apr", "May", "Jun"]
    grid_row = re.search(
        r"<tr>\s*<th scope=\"row\"[^>]*>Shared Services</th>(.*?)</tr>", html, re.S
    )
    cells = [text(cell) for cell in re.findall(r"<td>(.*?)</td>", grid_row.group(1), re.S)]
    placed = dict(zip(months, cells, strict=False))
    assert "Alpha" in placed["Jun"] and "Alpha" not in placed["Dec"] + placed["Mar"]
    assert "Bravo" in placed["Feb"]
    assert "Charlie" in placed["Mar"]


def test_the_workbook_prints_the_phrase(reader_client, programme, area):
    rows = {r["Milestone"]: r for r in workbook_rows(reader_client, programme, "Milestones")}
    # The workbook gives each date as a real date and the words as written; its "Date changes"
    # column gives the moves in the reports' words.
    assert_phrases(
        "workbook",
        {title: " ".join(str(v) for v in rows[title].values() if v) for title in rows},
        charlie="March 2010",
    )
    assert rows["Alpha"]["Date changes"] == (
        f"Planned completion: {ALPHA} (Funding agreed late; Supplier late)"
    )
    assert rows["Charlie"]["Date changes"] is None
    moves = workbook_rows(reader_client, programme, "Date changes")
    assert [(m["Milestone"], m["Which way"]) for m in moves] == [
        ("Alpha", "later"),
        ("Alpha", "later"),
        ("Bravo", "earlier"),
        ("Delta", "later"),
    ]
