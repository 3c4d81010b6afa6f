"""One rule for "late": the pure function in core.lateness, and the database filter
Milestone.objects.late(today) giving the same answer over the same cases."""

from datetime import date

import pytest

from core.fuzzydates import parse
from core.lateness import due_date, is_late
from milestones.models import Milestone
from tests.factories import MilestoneFactory, ServiceAreaFactory

D = date

# (planned completion, forecast completion, status, actual completion, today, late?)
CASES = [
    # A month is late only once all of it has gone.
    ("March 2010", "", "in_progress", "", D(2010, 3, 31), False),
    ("March 2010", "", "in_progress", "", D(2010, 4, 1), True),
    # A day, a quarter, a financial year, part of a month.
    ("31/03/2010", "", "not_started", "", D(2010, 3, 31), False),
    ("31/03/2010", "", "not_started", "", D(2010, 4, 1), True),
    ("Q1 2010", "", "in_progress", "", D(2010, 3, 31), False),
    ("2009/10", "", "in_progress", "", D(2010, 3, 31), False),
    ("2009/10", "", "in_progress", "", D(2010, 4, 1), True),
    ("end July 2007", "", "in_progress", "", D(2007, 7, 25), False),
    # A range is late once its last day has passed.
    ("April–June 07", "", "in_progress", "", D(2007, 6, 30), False),
    ("April–June 07", "", "in_progress", "", D(2007, 7, 1), True),
    # BY: late the day after.
    ("by March 2008", "", "not_started", "", D(2008, 3, 31), False),
    ("by March 2008", "", "not_started", "", D(2008, 4, 1), True),
    # FROM is open-ended: never late, however long after.
    ("from April 2008", "", "in_progress", "", D(2008, 4, 2), False),
    ("from April 2008", "", "in_progress", "", D(2030, 1, 1), False),
    # No date to be late against.
    ("TBC", "", "in_progress", "", D(2030, 1, 1), False),
    ("", "", "not_started", "", D(2030, 1, 1), False),
    # The forecast, when it has a date, is the date that counts.
    ("March 2010", "June 2010", "in_progress", "", D(2010, 4, 1), False),
    ("March 2010", "June 2010", "in_progress", "", D(2010, 7, 1), True),
    ("June 2010", "March 2010", "in_progress", "", D(2010, 4, 1), True),
    ("March 2010", "from May 2010", "in_progress", "", D(2030, 1, 1), False),
    # A forecast with no date does not hide a planned date that has passed.
    ("March 2010", "TBC", "in_progress", "", D(2010, 4, 1), True),
    # Statuses that are not finished can still be late.
    ("March 2010", "", "will_not_be_met", "", D(2010, 4, 1), True),
    ("March 2010", "", "on_hold", "", D(2010, 4, 1), True),
    # Finished is never late: complete with or without its date, and cancelled.
    ("March 2010", "", "complete", "", D(2030, 1, 1), False),
    ("March 2010", "", "complete", "20/04/2010", D(2030, 1, 1), False),
    ("", "", "complete", "", D(2030, 1, 1), False),
    ("March 2010", "", "cancelled", "", D(2030, 1, 1), False),
]


def case_id(case):
    planned, forecast, status, actual, today, _ = case
    words = f"{planned or 'blank'}{' / forecast ' + forecast if forecast else ''} {status}"
    return f"{words}{' delivered' if actual else ''} on {today:%d-%m-%Y}"


@pytest.mark.parametrize("case", CASES, ids=[case_id(c) for c in CASES])
def test_is_late(case):
    planned, forecast, status, _, today, late = case
    finished = status in Milestone.FINISHED
    assert (
        is_late(planned=parse(planned), forecast=parse(forecast), finished=finished, today=today)
        is late
    )


def test_the_forecast_counts_only_when_it_has_a_date():
    assert due_date(planned=parse("March 2010"), forecast=parse("June 2010")).text == "June 2010"
    assert due_date(planned=parse("March 2010"), forecast=parse("TBC")).text == "March 2010"
    assert due_date(planned=parse("March 2010"), forecast=parse("")).text == "March 2010"


@pytest.mark.django_db
def test_the_database_filter_agrees_with_the_rule_on_every_case():
    area = ServiceAreaFactory()
    made = []
    for case in CASES:
        planned, forecast, status, actual, today, late = case
        milestone = MilestoneFactory(
            service_area=area,
            planned_start=None,
            planned_completion=parse(planned),
            forecast_completion=parse(forecast),
            actual_completion=parse(actual),
            status=status,
        )
        made.append((milestone, today, late, case_id(case)))
    mine = Milestone.objects.filter(service_area=area)
    for today in {today for _, today, _, _ in made}:
        in_database = set(mine.late(today))
        by_rule = {m for m, *_ in made if m.is_late(today)}
        assert in_database == by_rule, today
    for milestone, today, late, words in made:
        assert (milestone in mine.late(today)) is late, words
