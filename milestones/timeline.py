"""A programme's timeline in figures: a bar (``Span``) for each milestone's planned, forecast
and actual dates, the rows of service areas and milestones, and the months to show.

The timeline page's table and its Gantt chart (``milestones.timeline_chart``) both read these
rows and ``timeline_range``, so the dates listed, the months named and the bars drawn agree.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.db.models import Max, Min

from core.fuzzydates import FuzzyDate
from milestones.models import Milestone


@dataclass(frozen=True)
class Span:
    """A bar: from a first day to a last day; ``last`` is None for work still under way."""

    first: date
    last: date | None


@dataclass
class TimelineRow:
    area: object
    milestone: object | None  # None for the service area's own heading row
    planned: Span | None = None
    forecast: Span | None = None
    actual: Span | None = None

    @property
    def label(self) -> str:
        return str(self.milestone) if self.milestone is not None else str(self.area)


def _first_day(value: FuzzyDate) -> date | None:
    return value.earliest if value.earliest is not None else value.latest


def _last_day(value: FuzzyDate) -> date | None:
    return value.latest if value.latest is not None else value.earliest


def milestone_spans(milestone) -> tuple[Span | None, Span | None, Span | None]:
    """The planned, forecast and actual bars of a milestone, from its fuzzy dates: a bar runs
    from the first day its start can mean to the last day its completion can mean."""
    planned_first = _first_day(milestone.planned_start) or _first_day(milestone.planned_completion)
    planned_last = _last_day(milestone.planned_completion) or _last_day(milestone.planned_start)
    planned = Span(planned_first, planned_last) if planned_first and planned_last else None

    actual_first = _first_day(milestone.actual_start)
    forecast = None
    forecast_last = _last_day(milestone.forecast_completion)
    if forecast_last:
        first = actual_first or planned_first or _first_day(milestone.forecast_completion)
        forecast = Span(min(first, forecast_last), forecast_last)

    actual = None
    actual_last = _last_day(milestone.actual_completion)
    if actual_first or actual_last:
        first = actual_first or _first_day(milestone.actual_completion)
        actual = Span(first, actual_last if actual_last and actual_last >= first else None)
    return planned, forecast, actual


def timeline_milestones(programme, *, areas=None):
    """The milestones a timeline draws, in its order: by service area, then each area's order."""
    milestones = Milestone.objects.for_programme(programme).select_related("stage")
    if areas is not None:
        milestones = milestones.filter(service_area__in=[area.pk for area in areas])
    return milestones.in_report_order()


def timeline_rows(programme, *, areas=None, milestones=None) -> list[TimelineRow]:
    """A heading row per service area, then a row per milestone in report order (two queries
    however many there are). ``areas`` limits the rows to those service areas; ``milestones``
    (a page of ``timeline_milestones``) to those milestones, under their areas' headings."""
    areas = list(programme.service_areas.all() if areas is None else areas)
    if milestones is None:
        milestones = timeline_milestones(programme, areas=areas)
    else:
        shown = {milestone.service_area_id for milestone in milestones}
        areas = [area for area in areas if area.pk in shown]
    by_area: dict[int, list] = {}
    for milestone in milestones:
        by_area.setdefault(milestone.service_area_id, []).append(milestone)
    rows = []
    for area in areas:
        rows.append(TimelineRow(area=area, milestone=None))
        for milestone in by_area.get(area.pk, []):
            planned, forecast, actual = milestone_spans(milestone)
            rows.append(TimelineRow(area, milestone, planned, forecast, actual))
    return rows


def date_extent(milestones) -> tuple[date, date] | None:
    """The first and last day any of ``milestones``' dates can mean, read by the database in
    one query: the months a timeline drawn a page at a time needs for every page alike."""
    columns = [f"{name}_{end}" for name in Milestone.DATE_NAMES for end in ("earliest", "latest")]
    found = milestones.order_by().aggregate(
        **{f"min_{column}": Min(column) for column in columns},
        **{f"max_{column}": Max(column) for column in columns},
    )
    firsts = [found[f"min_{column}"] for column in columns if found[f"min_{column}"]]
    lasts = [found[f"max_{column}"] for column in columns if found[f"max_{column}"]]
    return (min(firsts), max(lasts)) if firsts else None


def month_start(d: date) -> date:
    return d.replace(day=1)


def add_months(d: date, months: int) -> date:
    index = d.year * 12 + d.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def months_between(first: date, last: date) -> int:
    """How many calendar months from the month of ``first`` to the month of ``last``,
    counting both."""
    return (last.year - first.year) * 12 + last.month - first.month + 1


MAX_MONTHS = 60
DEFAULT_CAP = 36


def timeline_range(
    rows: Iterable[TimelineRow],
    *,
    today: date,
    start: date | None = None,
    months: int | None = None,
    extent: tuple[date, date] | None = None,
) -> tuple[date, int]:
    """The first month drawn and how many months, for the page's words and the drawing alike.

    ``start`` (any day of the first month) and ``months`` are those the user chose. By default
    the months run from the earliest bar's month to the latest bar's month, but no more than
    three years (from the start); twelve months around today if nothing is dated. Never more
    than five years. ``extent`` (``date_extent``), when given, stands for the bars' first and
    last days."""
    firsts, lasts = [], []
    if extent is not None:
        firsts, lasts = [extent[0]], [extent[1]]
    for row in rows if extent is None else ():
        for span in (row.planned, row.forecast, row.actual):
            if span is not None:
                firsts.append(span.first)
                lasts.append(span.last or span.first)
    if not firsts:
        first, count = add_months(month_start(today), -6), 12
    else:
        first = month_start(min(firsts))
        count = min(months_between(first, max(lasts)), DEFAULT_CAP)
    if start:
        first = month_start(start)
    return first, max(1, min(months or count, MAX_MONTHS))
