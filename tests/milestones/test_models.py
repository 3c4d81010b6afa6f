from datetime import date
from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction

from core.fuzzydates import FuzzyDate, Precision, parse
from milestones import services
from milestones.models import Milestone
from tests.factories import MilestoneFactory, ServiceAreaFactory

pytestmark = pytest.mark.django_db


def test_a_fuzzy_date_is_stored_as_words_and_meaning():
    milestone = MilestoneFactory(planned_start=None, planned_completion=parse("end July 2007"))
    milestone.refresh_from_db()
    assert milestone.planned_completion_text == "end July 2007"
    assert milestone.planned_completion_earliest == date(2007, 7, 21)
    assert milestone.planned_completion_latest == date(2007, 7, 31)
    assert milestone.planned_completion.precision == Precision.END_MONTH
    assert str(milestone.planned_completion) == "end Jul 2007"


def test_setting_a_date_to_none_clears_all_four_columns():
    milestone = MilestoneFactory()
    milestone.planned_completion = None
    assert milestone.planned_completion == FuzzyDate("", None, None, Precision.UNDATED)
    with pytest.raises(TypeError, match="takes a FuzzyDate"):
        milestone.planned_completion = "March 2010"


def test_the_database_refuses_completion_before_start():
    with pytest.raises(IntegrityError), transaction.atomic():
        MilestoneFactory(planned_start=parse("June 2010"), planned_completion=parse("May 2010"))


def test_the_database_refuses_a_negative_estimated_cost():
    with pytest.raises(IntegrityError), transaction.atomic():
        MilestoneFactory(estimated_cost=Decimal("-1"))


def test_late_uses_the_whole_of_a_fuzzy_month():
    area = ServiceAreaFactory()
    march = MilestoneFactory(service_area=area, planned_completion=parse("March 2010"))
    MilestoneFactory(
        service_area=area, planned_completion=parse("February 2010"), status="complete"
    )
    undated = MilestoneFactory(service_area=area, planned_completion=parse("TBC"))
    mine = Milestone.objects.filter(service_area=area)

    assert list(mine.late(date(2010, 3, 31))) == []
    assert list(mine.late(date(2010, 4, 1))) == [march]
    assert undated not in mine.late(date(2030, 1, 1))
    assert march.is_late(date(2010, 4, 1)) and not march.is_late(date(2010, 3, 15))


def test_slipped_means_a_completion_moved_later():
    area = ServiceAreaFactory()
    later = MilestoneFactory(service_area=area, planned_completion=parse("January '10"))
    earlier = MilestoneFactory(service_area=area, planned_completion=parse("May 2010"))
    MilestoneFactory(service_area=area)
    services.milestone_reschedule(
        milestone=later, field="planned_completion", new=parse("May '10"), reason="Extended"
    )
    services.milestone_reschedule(
        milestone=earlier,
        field="planned_completion",
        new=parse("April 2010"),
        reason="Brought forward",
    )
    assert list(Milestone.objects.filter(service_area=area).slipped()) == [later]


def test_due_between_includes_dates_that_could_fall_in_the_window():
    area = ServiceAreaFactory()
    quarter = MilestoneFactory(service_area=area, planned_completion=parse("Q2 2010"))
    MilestoneFactory(service_area=area, planned_completion=parse("December 2010"))
    found = Milestone.objects.filter(service_area=area).due_between(
        date(2010, 6, 1), date(2010, 6, 30)
    )
    assert list(found) == [quarter]


def test_due_between_goes_by_the_forecast_when_there_is_one():
    """Planned for March but now forecast for June: due in June (so My work's "due soon" still
    lists it once it is no longer late), not in March."""
    area = ServiceAreaFactory()
    moved = MilestoneFactory(
        service_area=area,
        planned_completion=parse("March 2010"),
        forecast_completion=parse("June 2010"),
    )
    mine = Milestone.objects.filter(service_area=area)
    assert list(mine.due_between(date(2010, 6, 1), date(2010, 6, 30))) == [moved]
    assert list(mine.due_between(date(2010, 3, 1), date(2010, 3, 31))) == []


def test_expected_completion_prefers_actual_then_forecast_then_planned():
    milestone = MilestoneFactory(planned_completion=parse("March 2010"))
    assert milestone.expected_completion.text == "March 2010"
    milestone.forecast_completion = parse("May 2010")
    assert milestone.expected_completion.text == "May 2010"
    milestone.actual_completion = parse("20/04/10")
    assert milestone.expected_completion.earliest == date(2010, 4, 20)
