"""The month-by-month plan (seed 003): themes and sub-themes down the side, months across, each
cell listing that month's dated events, and a status column in the programme's own words.

A milestone is an event in the month its planned completion falls due (the last day it can
mean: "Q1 2009" is due by March); a planned start in another month is shown there as well
("Starts: …"). The meeting a milestone reports to is named with it. Milestones with no date yet
are listed in a column of their own, and those due after the months shown in a "Later" column
with their date as written, so nothing planned is lost from the grid; those due before the
months shown are left out (the report says which months it covers). A grid with no event in
any column is not printed at all: the report says so in a sentence instead.
"""

import re
from dataclasses import dataclass, field
from datetime import date

from core.fuzzydates import FuzzyDate, Precision

from ..layouts import layout_parts
from ..structure import Placed, arrange
from .base import Context, Rag, area_depth, areas, milestones_prefetch


@dataclass
class Event:
    id: int
    day: str  # "21 Jan" when the date is a day, else ""
    text: str
    reports_to: str
    starts: bool
    mark: str


@dataclass
class GridRow:
    id: int
    name: str
    depth: int
    cells: list[list[Event]]
    undated: list[Event]
    status: Rag | None
    later: list[Event] = field(default_factory=list)


@dataclass
class GridTable:
    """A theme with its sub-themes, or a run of themes without any: one table each keeps long
    grids quick to lay out and lets a theme's header repeat on its own pages."""

    themed: bool = False  # a theme and its sub-themes
    rows: list[GridRow] = field(default_factory=list)


@dataclass
class GridBody:
    area_heading: str
    months: list[date]
    tables: list[GridTable]
    status_key: list[Rag]
    has_undated: bool
    has_later: bool = False
    layout: list[Placed] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not any(table.rows for table in self.tables)

    @property
    def has_events(self) -> bool:
        return any(
            any(cell for cell in row.cells) or row.undated or row.later
            for table in self.tables
            for row in table.rows
        )


def month_list(first: date, count: int) -> list[date]:
    index = first.year * 12 + first.month - 1
    return [date((index + n) // 12, (index + n) % 12 + 1, 1) for n in range(count)]


def due_day(value: FuzzyDate) -> date | None:
    """The day a date falls due: its last day, or for an open-ended "from" its first."""
    return value.latest or value.earliest


def day_words(value: FuzzyDate, *, as_written: bool = True) -> str:
    """The day of an event inside its month's column: in its author's words without the year
    the column already gives ("21st Jan", "17th & 18th Nov"), or in one style ("21 Jan");
    nothing for a date less precise than a day (the column says the month)."""
    if not value.earliest or value.precision not in (Precision.DAY, Precision.RANGE):
        return ""
    if value.precision == Precision.RANGE:
        same_month = value.latest and value.latest.replace(day=1) == value.earliest.replace(day=1)
        if not (as_written and same_month):
            return ""
    if as_written:
        return re.sub(rf"\s*,?\s*{value.earliest.year}\s*$", "", value.text.strip())
    return f"{value.earliest.day} {value.earliest:%b}"


def meeting_words(milestone) -> str:
    """The meeting a milestone goes to ("CECG 21 Jan"), unless its own words already say so
    ("21st Jan CECG" falling due that day)."""
    meeting = milestone.reports_to
    if meeting is None:
        return ""
    completion = milestone.planned_completion
    named = meeting.body.short_name.lower() in milestone.title.lower()
    if named and completion.precision == Precision.DAY and completion.earliest == meeting.date:
        return ""
    return f"{meeting.body.short_name} {meeting.date:%-d %b}{meeting.cancelled_mark}"


def build(context: Context) -> GridBody:
    options = context.options
    months = month_list(options.first_month, options.months)
    column = {(m.year, m.month): n for n, m in enumerate(months)}
    included = areas(context, milestones_prefetch())
    included_ids = {area.pk for area in included}
    parents = {area.parent_id for area in included if area.parent_id in included_ids}
    window_end = (months[-1].year, months[-1].month) if months else (0, 0)
    tables: list[GridTable] = []
    has_undated = has_later = False
    for area in included:
        cells: list[list[Event]] = [[] for _ in months]
        undated: list[Event] = []
        later: list[Event] = []
        for milestone in area.milestones.all():
            reports_to = meeting_words(milestone)
            mark = context.mark("milestone", milestone.pk)
            completion, start = milestone.planned_completion, milestone.planned_start
            placed = False
            if completion.is_dated:
                due = due_day(completion)
                if (due.year, due.month) in column:
                    cells[column[(due.year, due.month)]].append(
                        Event(
                            milestone.pk,
                            day_words(completion, as_written=options.as_written),
                            milestone.title,
                            reports_to,
                            False,
                            mark,
                        )
                    )
                elif (due.year, due.month) > window_end:
                    later.append(
                        Event(
                            milestone.pk, completion.text, milestone.title, reports_to, False, mark
                        )
                    )
                placed = True
            if start.is_dated and start.earliest:
                begins = (start.earliest.year, start.earliest.month)
                due = due_day(completion) if completion.is_dated else None
                if begins in column and (due is None or (due.year, due.month) != begins):
                    cells[column[begins]].append(
                        Event(
                            milestone.pk,
                            day_words(start, as_written=options.as_written),
                            milestone.title,
                            "",
                            True,
                            mark,
                        )
                    )
                placed = True
            if not placed:
                undated.append(Event(milestone.pk, "", milestone.title, reports_to, False, mark))
        has_undated = has_undated or bool(undated)
        has_later = has_later or bool(later)
        row = GridRow(
            id=area.pk,
            name=area.name,
            depth=area_depth(area, included_ids),
            cells=cells,
            undated=undated,
            status=context.rag(area.rag),
            later=later,
        )
        # A theme with sub-themes gets a table of its own; themes standing alone share one.
        if not tables or (row.depth == 0 and (area.pk in parents or tables[-1].themed)):
            tables.append(GridTable(themed=area.pk in parents))
        tables[-1].rows.append(row)
    programme = context.programme
    return GridBody(
        area_heading=programme.service_area_label,
        months=months,
        tables=tables,
        status_key=[Rag(code, programme.rag_label(code)) for code in programme.rag_ratings()],
        has_undated=has_undated,
        has_later=has_later,
        layout=arrange(layout_parts(programme, "grid"), []),
    )
