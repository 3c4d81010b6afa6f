"""The month-by-month plan (seed 003): themes and sub-themes down the side, months across, each
cell listing that month's dated events, and a status column in the programme's own words.

A milestone is an event in the month its planned completion falls due (the last day it can
mean: "Q1 2009" is due by March); a planned start in another month is shown there as well
("Starts: …"). The meeting a milestone reports to is named with it. Milestones with no date yet
are listed in a last column, so nothing planned is lost from the grid; those dated outside the
months shown are left out (the report says which months it covers).
"""

from dataclasses import dataclass, field
from datetime import date

from core.fuzzydates import FuzzyDate, Precision

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

    @property
    def is_empty(self) -> bool:
        return not any(table.rows for table in self.tables)

    @property
    def has_events(self) -> bool:
        return any(
            any(cell for cell in row.cells) or row.undated
            for table in self.tables
            for row in table.rows
        )


def month_list(first: date, count: int) -> list[date]:
    index = first.year * 12 + first.month - 1
    return [date((index + n) // 12, (index + n) % 12 + 1, 1) for n in range(count)]


def due_day(value: FuzzyDate) -> date | None:
    """The day a date falls due: its last day, or for an open-ended "from" its first."""
    return value.latest or value.earliest


def day_words(value: FuzzyDate) -> str:
    if value.precision == Precision.DAY and value.earliest:
        return f"{value.earliest.day} {value.earliest:%b}"
    return ""


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
    tables: list[GridTable] = []
    has_undated = False
    for area in included:
        cells: list[list[Event]] = [[] for _ in months]
        undated: list[Event] = []
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
                            day_words(completion),
                            milestone.title,
                            reports_to,
                            False,
                            mark,
                        )
                    )
                placed = True
            if start.is_dated and start.earliest:
                begins = (start.earliest.year, start.earliest.month)
                due = due_day(completion) if completion.is_dated else None
                if begins in column and (due is None or (due.year, due.month) != begins):
                    cells[column[begins]].append(
                        Event(milestone.pk, day_words(start), milestone.title, "", True, mark)
                    )
                placed = True
            if not placed:
                undated.append(Event(milestone.pk, "", milestone.title, reports_to, False, mark))
        has_undated = has_undated or bool(undated)
        row = GridRow(
            id=area.pk,
            name=area.name,
            depth=area_depth(area, included_ids),
            cells=cells,
            undated=undated,
            status=context.rag(area.rag),
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
    )
