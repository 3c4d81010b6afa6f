"""The committee report (seed 002): the cover sheet, the report's own sections, the financials
computed from the savings lines, the key achievements of each project in the reporting period and
the work programme for the coming year.

Financials. A programme's own totals are its programme-wide savings lines; lines recorded against
service areas are the detail of where savings came from, so they are summed only when the
programme has no programme-wide lines (otherwise every pound would count twice). "This year" is
the financial year holding the as-at date; "cumulative" adds every earlier year, and lines with no
year, which the programme records for savings made before its yearly figures began.
"""

import re
from dataclasses import dataclass, field
from decimal import Decimal

from core import savings
from core.fuzzydates import financial_year_label, financial_year_of
from core.savings import SavingsPosition
from programmes.models import Action, SavingsLine

from ..layouts import layout_parts
from ..structure import Placed, arrange
from .base import (
    Context,
    areas,
    period_for,
    scoped,
    update_mark,
    updates_prefetch,
)
from .cover import CoverSheet, cover_sheet


@dataclass
class Financials:
    year: str
    this_year: SavingsPosition | None
    cumulative: SavingsPosition | None
    non_cashable_to_date: Decimal | None
    later_targets: list[tuple[str, Decimal]]
    from_service_areas: bool

    @property
    def is_empty(self) -> bool:
        return not (
            self.this_year or self.cumulative or self.non_cashable_to_date or self.later_targets
        )


@dataclass
class Achievement:
    id: int
    number: str
    name: str
    text: str  # Markdown
    mark: str  # "Submitted, not yet accepted", or ""


@dataclass
class WorkItem:
    id: int
    title: str
    owner: str
    due: str
    status: str
    mark: str


@dataclass
class WorkArea:
    number: str
    name: str
    items: list[WorkItem]

    @property
    def heading(self) -> str:
        return " ".join(filter(None, [self.number, self.name]))


@dataclass
class CommitteeBody:
    cover: CoverSheet | None
    financials: Financials
    period: str
    achievements: list[Achievement]
    work_year: str
    work_programme: list[WorkArea]
    layout: list[Placed] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return (
            not (self.cover or self.achievements or self.work_programme)
            and self.financials.is_empty
        )


def position(lines: list[SavingsLine]) -> SavingsPosition | None:
    """The savings position of some lines (``core.savings``), or None when there are none."""
    return SavingsPosition.of(lines) if lines else None


def financials(context: Context) -> Financials:
    lines = list(scoped(SavingsLine.objects.filter(programme=context.programme), context.options))
    programme_wide = [line for line in lines if line.service_area_id is None]
    chosen = programme_wide or lines
    year_now = financial_year_of(context.options.as_at)
    cashable = [line for line in chosen if line.kind == SavingsLine.Kind.CASHABLE]
    non_cashable = [line for line in chosen if line.kind == SavingsLine.Kind.NON_CASHABLE]

    def to_date(group):
        return [
            line for line in group if line.financial_year is None or line.financial_year <= year_now
        ]

    later = [
        (year.label, year.target)
        for year in savings.by_year(chosen)
        if year.year > year_now and year.target
    ]
    non_cash = SavingsPosition.of(to_date(non_cashable)).expected_in_all
    return Financials(
        year=financial_year_label(year_now),
        this_year=position([line for line in cashable if line.financial_year == year_now]),
        cumulative=position(to_date(cashable)),
        non_cashable_to_date=non_cash,
        later_targets=later,
        from_service_areas=not programme_wide and bool(lines),
    )


def number_key(heading: str) -> tuple:
    """ "6.2 ICT Strategy" before "6.10 Town Hall …": the heading's number as numbers."""
    found = re.match(r"\s*(\d+(?:\.\d+)*)", heading)
    return tuple(int(n) for n in found[1].split(".")) if found else (float("inf"),)


def work_programme(context: Context, included) -> list[WorkArea]:
    """The items under their own numbered headings as written ("6.14 Highways Service
    improvement"), in the headings' order; items with no heading under their project's."""
    actions = scoped(
        Action.objects.filter(programme=context.programme, kind=Action.Kind.WORK_PROGRAMME),
        context.options,
    )
    headed: dict[str, list[WorkItem]] = {}
    by_area: dict[int | None, list[WorkItem]] = {}
    for action in actions:
        group = headed.setdefault(action.heading, []) if action.heading else None
        (group if group is not None else by_area.setdefault(action.service_area_id, [])).append(
            WorkItem(
                id=action.pk,
                title=action.title,
                owner=action.owner,
                due=str(action.due) if action.due.text else "",
                status=action.get_status_display(),
                mark=context.mark("action", action.pk),
            )
        )
    groups = [
        WorkArea("", heading, items)
        for heading, items in sorted(headed.items(), key=lambda pair: number_key(pair[0]))
    ]
    if None in by_area:
        groups.append(WorkArea("", "Programme-wide", by_area[None]))
    groups += [
        WorkArea(area.number, area.name, by_area[area.pk])
        for area in included
        if area.pk in by_area
    ]
    return groups


def build(context: Context) -> CommitteeBody:
    options = context.options
    period = period_for(context.programme, options)
    included = areas(context, updates_prefetch(options))
    achievements = []
    if period is not None:
        for area in included:
            update = next((u for u in area.updates_to_date if u.period_id == period.pk), None)
            if update is not None:
                achievements.append(
                    Achievement(area.pk, area.number, area.name, update.text, update_mark(update))
                )
    year = financial_year_of(options.as_at)
    cover = cover_sheet(context)
    return CommitteeBody(
        cover=cover,
        financials=financials(context),
        period=period.label if period else "",
        achievements=achievements,
        work_year=financial_year_label(year + 1),
        work_programme=work_programme(context, included),
        layout=arrange(
            [p for p in layout_parts(context.programme, "committee") if options.shows(p.block)],
            cover.sections if cover else [],
        ),
    )
