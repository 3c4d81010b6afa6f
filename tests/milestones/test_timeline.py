"""The timeline in figures: a milestone's bars from its fuzzy dates, and the months shown."""

from datetime import date
from types import SimpleNamespace

import pytest

from core import fuzzydates
from milestones.timeline import milestone_spans, timeline_range, timeline_rows
from programmes.models import Programme

AGMA = "agma-collaborative-services"


@pytest.mark.django_db
def test_timeline_range_is_capped_at_three_years_from_the_first_bar():
    rows = timeline_rows(Programme.objects.get(slug=AGMA))
    assert timeline_range(rows, today=date(2026, 1, 1)) == (date(2009, 1, 1), 36)


def test_timeline_range_with_nothing_dated():
    assert timeline_range([], today=date(2010, 7, 20)) == (date(2010, 1, 1), 12)


def test_the_months_chosen_start_at_their_first_month_and_are_at_most_five_years():
    """The page names the months and the drawing draws them from this one answer."""
    today = date(2010, 7, 20)
    assert timeline_range([], today=today, start=date(2009, 4, 9), months=6) == (
        date(2009, 4, 1),
        6,
    )
    assert timeline_range([], today=today, start=date(2009, 4, 9)) == (date(2009, 4, 1), 12)
    assert timeline_range([], today=today, months=120) == (date(2010, 1, 1), 60)


def test_milestone_spans_from_fuzzy_dates():
    milestone = SimpleNamespace(
        planned_start=fuzzydates.parse("Q1 2009"),
        planned_completion=fuzzydates.parse("end July 2009"),
        forecast_completion=fuzzydates.parse("September 2009"),
        actual_start=fuzzydates.parse("2 February 2009"),
        actual_completion=fuzzydates.parse(""),
    )
    planned, forecast, actual = milestone_spans(milestone)
    assert (planned.first, planned.last) == (date(2009, 1, 1), date(2009, 7, 31))
    assert (forecast.first, forecast.last) == (date(2009, 2, 2), date(2009, 9, 30))
    assert (actual.first, actual.last) == (date(2009, 2, 2), None)  # still under way
