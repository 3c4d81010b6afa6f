"""The programme report (seed 001): numbered work streams with their lead chief executive and
project manager, progress to date, milestones with their timescale and estimated costs; the
governance bodies with their terms of reference; and the budget appendix with computed totals.

Estimated costs. A work stream's "Estimated costs" cell is the sum of its milestones' estimated
costs (seed 001 prints one figure per work stream beside its milestones); a work stream whose
milestones carry no cost shows its budget lines' estimated costs instead. The budget appendix
lists every budget line.
"""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import Prefetch

from core.fuzzydates import FuzzyDate
from core.savings import CalculatedTotal, calculated_total
from programmes.models import BodyMembership, BudgetLine, GovernanceBody, Meeting

from ..layouts import layout_parts
from ..structure import Placed, arrange
from .base import (
    Context,
    any_value,
    areas,
    date_phrase,
    latest_update,
    milestones_prefetch,
    people,
    roles_prefetch,
    scoped,
    total,
    update_mark,
    updates_prefetch,
)


@dataclass
class TimedMilestone:
    id: int
    title: str
    timescale: str
    estimated_cost: Decimal | None
    estimated_cost_note: str
    mark: str
    forecast: str = ""  # when it is now expected, with its moves, if not as planned


@dataclass
class Cost:
    label: str
    amount: Decimal | None
    note: str


@dataclass
class WorkStream:
    id: int
    number: str
    name: str
    parent: str
    leads: list[tuple[str, str]]
    progress: str  # Markdown
    progress_period: str
    progress_mark: str  # "Submitted, not yet accepted", or ""
    milestones: list[TimedMilestone]
    costs: list[Cost]

    @property
    def has_nothing_of_its_own(self) -> bool:
        return not (self.leads or self.progress or self.milestones or self.costs)


@dataclass
class Body:
    name: str
    acronym: str
    kind: str
    reports_to: str
    description: str
    terms_of_reference: str
    terms_agreed: FuzzyDate
    terms_agreed_by: str
    members: list[tuple[str, str]]
    next_meetings: list[date]


@dataclass
class BudgetRow:
    id: int
    title: str
    year: str
    allocation: Decimal | None
    estimated_cost: Decimal | None
    spent: Decimal | None
    detail: str
    estimated_savings: Decimal | None
    estimated_savings_note: str
    has_lines: bool


@dataclass
class BudgetTable:
    title: str
    rows: list[BudgetRow]
    columns: list[str]  # which of allocation, estimated_cost, spent, estimated_savings to show
    # Worked out here (the records hold no total of the council's): labelled "calculated".
    totals: dict[str, CalculatedTotal] = field(default_factory=dict)

    @property
    def excluded(self) -> list[str]:
        """The amounts left out of the calculated totals, with their words."""
        return [label for name in self.columns for label in self.totals[name].excluded]


@dataclass
class ProgrammeBody:
    area_heading: str
    description: str
    show_progress: bool
    work_streams: list[WorkStream]
    bodies: list[Body]
    budget: list[BudgetTable]
    layout: list[Placed] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not (self.work_streams or self.bodies or self.budget)


MONEY_COLUMNS = ("allocation", "estimated_cost", "spent", "estimated_savings")


def budget_row(line: BudgetLine, sub_lines: list) -> BudgetRow:
    return BudgetRow(
        id=line.pk,
        title=line.title,
        year=line.financial_year_label,
        allocation=line.allocation,
        estimated_cost=line.estimated_cost,
        spent=line.spent,
        detail=line.detail,
        estimated_savings=line.estimated_savings,
        estimated_savings_note=line.estimated_savings_note,
        has_lines=bool(sub_lines),
    )


def budget_table(title: str, lines: list[BudgetLine], children: dict) -> BudgetTable:
    rows = [budget_row(line, children.get(line.pk, [])) for line in lines]
    columns = [name for name in MONEY_COLUMNS if any_value(getattr(r, name) for r in rows)]
    totals = {
        name: calculated_total(
            (
                row.title,
                getattr(row, name),
                row.estimated_savings_note if name == "estimated_savings" else "",
            )
            for row in rows
        )
        for name in columns
    }
    return BudgetTable(title=title, rows=rows, columns=columns, totals=totals)


def budget_tables(appendix: list[BudgetLine], children: dict) -> list[BudgetTable]:
    """The main table, then a sub-table for each line that has lines of its own, depth first
    (seed 001: "* Programme Management Budget 2007/08", then "** Spend against running costs")."""
    tables = [budget_table("Budget", appendix, children)] if appendix else []
    pending = [line for line in appendix if children.get(line.pk)]
    while pending:
        line = pending.pop(0)
        sub_lines = children[line.pk]
        year = f" {line.financial_year_label}" if line.financial_year_label else ""
        tables.append(budget_table(f"{line.title}{year}", sub_lines, children))
        pending[:0] = [sub for sub in sub_lines if children.get(sub.pk)]
    return tables


def work_stream_costs(area, lines: list[BudgetLine]) -> list[Cost]:
    milestone_costs = [m.estimated_cost for m in area.milestones.all()]
    if any_value(milestone_costs):
        return [Cost("Milestones", total(milestone_costs), "")]
    return [Cost(line.title, line.estimated_cost, "") for line in lines if line.estimated_cost]


def governance(context: Context) -> list[Body]:
    """The bodies as they stood on the report's date: those not yet closed, their members then,
    and their next meetings that are going ahead."""
    as_at = context.options.as_at
    bodies = (
        GovernanceBody.objects.filter(programme=context.programme)
        .open_on(as_at)
        .select_related("parent")
        .prefetch_related(
            Prefetch(
                "memberships",
                queryset=BodyMembership.objects.select_related("person__organisation"),
            ),
            Prefetch("meetings", queryset=Meeting.objects.going_ahead()),
        )
    )
    return [
        Body(
            name=body.name,
            acronym=body.acronym,
            kind=body.get_kind_display(),
            reports_to=body.parent.short_name if body.parent_id else "",
            description=body.description,
            terms_of_reference=body.terms_of_reference,
            terms_agreed=body.terms_agreed,
            terms_agreed_by=body.terms_agreed_by,
            members=[
                (m.person.description, m.role)
                for m in body.memberships.all()
                if m.is_member_on(as_at)
            ],
            next_meetings=[m.date for m in body.meetings.all() if m.date >= as_at][:3],
        )
        for body in bodies
    ]


def build(context: Context) -> ProgrammeBody:
    options = context.options
    included = areas(context, roles_prefetch(), milestones_prefetch(), updates_prefetch(options))
    lines = list(scoped(BudgetLine.objects.filter(programme=context.programme), options))
    children: dict[int, list[BudgetLine]] = {}
    for line in lines:
        if line.parent_id:
            children.setdefault(line.parent_id, []).append(line)
    top = [line for line in lines if not line.parent_id]
    by_area: dict[int | None, list[BudgetLine]] = {}
    for line in top:
        by_area.setdefault(line.service_area_id, []).append(line)

    streams = []
    for area in included:
        update = latest_update(area)
        streams.append(
            WorkStream(
                id=area.pk,
                number=area.number,
                name=area.name,
                parent=area.parent.name if area.parent_id else "",
                leads=people(area),
                progress=update.text if update else "",
                progress_period=update.period.label if update else "",
                progress_mark=update_mark(update),
                milestones=[
                    TimedMilestone(
                        id=m.pk,
                        title=m.title,
                        timescale=timescale(m, as_written=options.as_written),
                        estimated_cost=m.estimated_cost,
                        estimated_cost_note=m.estimated_cost_note,
                        mark=context.mark("milestone", m.pk),
                        forecast=date_phrase(
                            m, "forecast_completion", as_written=context.options.as_written
                        ),
                    )
                    for m in area.milestones.all()
                ],
                costs=work_stream_costs(area, by_area.get(area.pk, [])),
            )
        )
    return ProgrammeBody(
        area_heading=context.programme.service_area_label,
        description=context.programme.description,
        show_progress=options.shows("progress"),
        work_streams=headed_by_their_parents(streams),
        bodies=governance(context) if options.shows("governance") else [],
        budget=budget_tables(top, children) if options.shows("budget") else [],
        layout=arrange(layout_parts(context.programme, "programme"), []),
    )


def headed_by_their_parents(streams: list[WorkStream]) -> list[WorkStream]:
    """A work stream with nothing of its own that heads the projects after it (seed 001's "5.
    Areas for Joint Working") prints no table of its own, which would hold only placeholders:
    its number goes on the first of its projects, as the council printed it ("5. Areas for
    Joint Working – Waste")."""
    printed: list[WorkStream] = []
    number = ""
    for stream in streams:
        heads = any(other.parent == stream.name for other in streams)
        if heads and stream.has_nothing_of_its_own:
            number = stream.number
            continue
        if number and stream.parent and not stream.number:
            stream.number = number
        number = ""
        printed.append(stream)
    return printed


def timescale(milestone, *, as_written: bool = True) -> str:
    """When a milestone is due, as the Timescale column prints it: its completion date with its
    slippage; for one with no planned completion, when it was delivered, or "from <start>"."""
    completion = date_phrase(milestone, "planned_completion", as_written=as_written)
    if completion:
        return completion
    delivered = date_phrase(milestone, "actual_completion", as_written=as_written)
    if delivered:
        return f"delivered {delivered}"
    start = date_phrase(milestone, "planned_start", as_written=as_written)
    if start and milestone.planned_start.precision == "from":
        return start
    return f"from {start}" if start else ""
