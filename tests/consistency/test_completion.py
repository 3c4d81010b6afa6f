"""A milestone recorded complete with no date, and one delivered on a date: every page, report and
workbook says the first is "Complete — date not recorded" (``Milestone.status_words``) and
prints no date of delivery for it, gives the second its date, and calls neither late."""

import re

import pytest
from django.urls import reverse

from core.fuzzydates import parse
from milestones.models import Milestone
from milestones.services import milestone_create
from programmes.models import ServiceArea, StageDefinition

from .conftest import page, preview, row, text, workbook_rows

pytestmark = pytest.mark.django_db

UNDATED = "Complete — date not recorded"


@pytest.fixture
def area(programme):
    """Both were due in March 2009, long gone: unfinished, either would be late."""
    StageDefinition.objects.create(programme=programme, code="Stage 1", name="Stage 1")
    area = ServiceArea.objects.create(programme=programme, name="Shared Services")
    milestone_create(
        service_area=area,
        title="Undated",
        planned_completion=parse("March 2009"),
        status=Milestone.Status.COMPLETE,
    )
    milestone_create(
        service_area=area,
        title="Dated",
        planned_completion=parse("March 2009"),
        actual_completion=parse("15/01/2010"),  # marks it complete
    )
    return area


def no_delivery_date(words: str) -> bool:
    """Whether ``words`` hold no date but the planned March 2009: no invented delivery."""
    return not re.search(r"\b(?:20\d\d|Jan|Feb|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b", words)


def test_the_pages_say_the_date_was_not_recorded(reader_client, programme, area):
    undated, dated = (area.milestones.get(title=t) for t in ("Undated", "Dated"))

    words = text(page(reader_client, reverse("milestones:detail", args=[undated.pk])))
    assert f"Shared Services · {UNDATED}" in words
    assert "Actual completion — —" in words
    words = text(page(reader_client, reverse("milestones:detail", args=[dated.pk])))
    assert "Shared Services · Complete ·" in words
    assert "Actual completion 15/01/2010 15 Jan 2010" in words

    html = page(reader_client, reverse("programmes:service-area", args=[programme.slug, area.pk]))
    assert row(html, "Undated") == f"Undated — Mar 2009 — — {UNDATED} Not rated"
    assert row(html, "Dated") == "Dated — Mar 2009 — 15 Jan 2010 Complete Not rated"

    listed = page(reader_client, reverse("milestones:list", args=[programme.slug]))
    undated_row = row(listed, "Undated")
    assert UNDATED in undated_row and no_delivery_date(undated_row.replace("Mar 2009", ""))
    assert "15 Jan 2010 Complete" in row(listed, "Dated")
    overdue = page(
        reader_client, reverse("milestones:list", args=[programme.slug]), {"overdue": "on"}
    )
    assert "Undated" not in text(overdue) and "Dated" not in text(overdue)

    overview = text(page(reader_client, reverse("programmes:overview", args=[programme.slug])))
    assert "2 milestones 0 late 0 slipped 2 completed" in overview
    matrix = overview.split("Stages of the delivery plan", 1)[1]
    assert f"Undated: — → Mar 2009 {UNDATED}" in matrix
    assert "Dated: — → Mar 2009 Complete" in matrix


def test_the_reports_say_the_date_was_not_recorded(reader_client, programme, area):
    report = preview(reader_client, programme, "milestones")
    undated_row = row(report, "Undated")
    assert undated_row == f"Undated — Mar 2009 {UNDATED}"
    assert row(report, "Dated") == "Dated — Mar 2009 Delivered: 15 Jan 2010 Complete"
    assert not re.search(r"\bLate\b", text(report))

    closure = preview(reader_client, programme, "closure")
    assert row(closure, "Undated") == f"Undated Mar 2009 {UNDATED}"
    assert row(closure, "Dated") == "Dated Mar 2009 15 Jan 2010"


def test_the_workbook_says_the_date_was_not_recorded(reader_client, programme, area):
    rows = {r["Milestone"]: r for r in workbook_rows(reader_client, programme, "Milestones")}
    assert rows["Undated"]["Status"] == UNDATED
    assert rows["Undated"]["Actual completion"] is None
    assert rows["Undated"]["Actual completion (as written)"] is None
    assert rows["Dated"]["Status"] == "Complete"
    assert rows["Dated"]["Actual completion"].date().isoformat() == "2010-01-15"
