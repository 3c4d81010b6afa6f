"""The summary of what changed since the last report, from the audit history and the date
changes, and the marks it puts on changed rows."""

import pytest
from django.urls import reverse
from django.utils import timezone

from core.fuzzydates import parse
from core.records import record_create, record_edit
from milestones.models import DateChange, Milestone
from milestones.services import milestone_create, milestone_edit, milestone_reschedule
from programmes.models import Programme, Risk, SavingsLine
from reports.changes import changes_since

pytestmark = pytest.mark.django_db


@pytest.fixture
def agma():
    return Programme.objects.get(slug="agma-collaborative-services")


@pytest.fixture
def wigan():
    return Programme.objects.get(slug="wigan-support-services-review")


def summary(programme, since, **kwargs):
    return changes_since(programme=programme, since=since, since_label="then", **kwargs)


def test_nothing_changed(agma):
    result = summary(agma, timezone.now())
    assert result.is_empty
    assert result.marks == {}


def test_milestone_moves_completions_risk_and_new_ones(agma):
    since = timezone.now()
    finance = Milestone.objects.get(service_area__name="Transactional Finance", title="Stage 1")
    milestone_reschedule(
        milestone=finance, field="planned_completion", new=parse("July 2010"), reason="Late data"
    )
    finance.refresh_from_db()
    milestone_reschedule(
        milestone=finance, field="planned_completion", new=parse("August 2010"), reason="Again"
    )
    vpmm = Milestone.objects.get(service_area__name="VPMM", title="Stage 2a – Design")
    milestone_edit(milestone=vpmm, opened_version=vpmm.version, changes={"rag": "red"})
    vpmm.refresh_from_db()
    milestone_edit(
        milestone=vpmm,
        opened_version=vpmm.version,
        changes={"actual_completion": parse("March 2010")},
    )
    it = Milestone.objects.get(service_area__name="IT", title="Stage 1")
    milestone_reschedule(
        milestone=it, field="planned_completion", new=parse("April 2010"), reason="Quicker"
    )
    new = milestone_create(service_area=finance.service_area, title="Stage 2a")

    result = summary(agma, since)
    (slipped,) = result.slipped
    assert (slipped.title, str(slipped.old), str(slipped.new)) == (
        "Stage 1",
        "May 2010",
        "Aug 2010",
    )
    assert slipped.reasons == ["Late data", "Again"]
    assert [move.title for move in result.brought_forward] == ["Stage 1"]
    assert [item.title for item in result.completed] == ["Stage 2a – Design"]
    assert [(item.title, item.new) for item in result.at_risk] == [("Stage 2a – Design", "Red")]
    assert [item.title for item in result.milestones_added] == ["Stage 2a"]
    marks = result.marks["milestone"]
    assert marks[finance.pk] == "Slipped"
    assert marks[it.pk] == "Brought forward"
    assert marks[vpmm.pk] == "Completed, Now at risk"
    assert marks[new.pk] == "New"


def test_area_filter_limits_the_summary(agma):
    since = timezone.now()
    finance = Milestone.objects.get(service_area__name="Transactional Finance", title="Stage 1")
    milestone_reschedule(
        milestone=finance, field="planned_completion", new=parse("July 2010"), reason="Late"
    )
    other = agma.service_areas.get(name="VPMM")
    assert summary(agma, since, area_ids=[other.pk]).is_empty
    assert summary(agma, since, area_ids=[finance.service_area_id]).slipped


def test_risks_added_closed_and_rerated(wigan):
    since = timezone.now()
    leadership = Risk.objects.get(programme=wigan, title="Leadership")
    record_edit(record=leadership, opened_version=leadership.version, changes={"rag": "red"})
    smt = Risk.objects.get(programme=wigan, title="SMT")
    record_edit(record=smt, opened_version=smt.version, changes={"is_open": False})
    added = record_create(record=Risk(programme=wigan, title="Budget cuts", rag="amber"))

    result = summary(wigan, since)
    # High by Medium is Red on the matrix; its officer had chosen Amber, now Red.
    assert [(item.title, item.old, item.new) for item in result.risks_rated] == [
        ("Leadership", "Red (status chosen: Amber)", "Red")
    ]
    assert [item.title for item in result.risks_closed] == ["SMT"]
    assert [item.title for item in result.risks_added] == ["Budget cuts"]
    assert result.marks["risk"] == {
        leadership.pk: "Rating changed",
        smt.pk: "Closed",
        added.pk: "New",
    }


def test_a_risk_whose_likelihood_moves_it_off_red_is_rerated(wigan):
    since = timezone.now()
    behaviour = Risk.objects.get(programme=wigan, title="Behaviour")  # High by High, Red
    record_edit(record=behaviour, opened_version=behaviour.version, changes={"likelihood": 1})
    result = summary(wigan, since)
    assert [(item.title, item.old, item.new) for item in result.risks_rated] == [
        ("Behaviour", "Red", "Amber (status chosen: Red)")
    ]


def test_savings_movements(wigan):
    since = timezone.now()
    line = SavingsLine.objects.get(programme=wigan, financial_year=2008, target__isnull=False)
    record_edit(record=line, opened_version=line.version, changes={"forecast": 1200000})
    result = summary(wigan, since)
    (change,) = result.savings_changed
    assert (change.line, change.amount, change.old, change.new) == (
        "2008/09 cashable",
        "forecast",
        None,
        1200000,
    )
    assert result.marks["savings"] == {line.pk: "Changed"}


def test_a_first_forecast_later_than_the_plan_slipped(agma, reader_client):
    """Stage 0-1 is planned for June 2010 with no forecast: a first forecast of September 2010
    is a slip in the summary, the marks and the report's forecast line (not a "date changed")."""
    since = timezone.now()
    hr = Milestone.objects.get(service_area__name="Transactional HR", title="Stage 0-1")
    assert hr.forecast_completion_text == ""
    milestone_edit(
        milestone=hr,
        opened_version=hr.version,
        changes={"forecast_completion": parse("September 2010")},
        reason="Returns late",
    )

    result = summary(agma, since)
    (slipped,) = result.slipped
    assert (slipped.title, slipped.date, slipped.words) == (
        "Stage 0-1",
        "forecast completion",
        "as planned, extended to Sep 2010",
    )
    assert result.redated == []
    assert result.marks["milestone"][hr.pk] == "Slipped"

    page = reader_client.get(
        reverse("reports:preview", args=[agma.slug, "milestones"]),
        {
            "areas": hr.service_area_id,
            "since_date": timezone.localdate().strftime("%d/%m/%Y"),
            "normalise": "on",  # the slip in one style; by default the author's words
        },
    ).content.decode()
    assert "Forecast: as planned, extended to Sep 2010" in page


def test_a_rewording_is_not_reported_as_a_change(agma):
    since = timezone.now()
    hr = Milestone.objects.get(service_area__name="Transactional HR", title="Stage 0-1")
    milestone_edit(
        milestone=hr, opened_version=hr.version, changes={"planned_completion": parse("Jun 2010")}
    )
    hr.refresh_from_db()
    assert hr.planned_completion_text == "Jun 2010"
    # A rewording an older version recorded as a move is not a move either.
    DateChange.objects.create(
        milestone=hr,
        field="planned_start",
        old=parse("September '09"),
        new=parse("Sep 2009"),
        direction=DateChange.Direction.SAME,
        reason="Tidied",
    )
    assert summary(agma, since).date_moves == []
