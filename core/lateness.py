"""When a milestone is late: the one rule behind every "late" on the pages, in the lists and
filters and in the reports (one word for it everywhere: "late", never "overdue").

A milestone is late when it is not finished (complete or cancelled) and the whole of the date it
is now due has passed. The date it is now due is its forecast completion when that holds a date
— the forecast is "when it is now expected, if not the planned date" — otherwise its planned
completion. So a milestone whose forecast has moved to next month has slipped but is not late
until next month has gone too; and a forecast of "TBC" does not hide a planned date that has
passed.

"Passed" is read on the meaning of the words (see ``core.fuzzydates``): a month, a quarter, a
range ("April–June 07") or a BY date ("by March 2010") is late only once its last day is behind
us. A FROM date ("from April 2008") has no last day — the work runs on from then — and words
with no date ("TBC", "Ongoing") give nothing to be late against: neither is ever late.

``milestones.querysets.MilestoneQuerySet.late`` is the same rule as a database filter; a test
runs both over the same cases.
"""

from datetime import date

from core.fuzzydates import FuzzyDate

# Printed beside every count and list of late milestones, so each says what it counts.
LATE_MEANS = (
    "not complete or cancelled, and the last day of its completion date has passed: the forecast "
    "completion if it has one, otherwise the planned one. A date written “from …” or with no "
    "date (“TBC”) is never late."
)


def due_date(*, planned: FuzzyDate, forecast: FuzzyDate) -> FuzzyDate:
    """The date a milestone is now due: its forecast completion if that has a date, else its
    planned completion."""
    return forecast if forecast.is_dated else planned


def is_late(*, planned: FuzzyDate, forecast: FuzzyDate, finished: bool, today: date) -> bool:
    """True when a milestone that is not ``finished`` is past the last day of the date it is now
    due. ``today`` is ``timezone.localdate()`` (or a report's as-at date), not ``date.today()``,
    so the day turns over at midnight in England."""
    if finished:
        return False
    last = due_date(planned=planned, forecast=forecast).latest  # None: FROM, or no date at all
    return last is not None and last < today
