"""The rows of each list a workbook exports: one queryset per sheet, with what its columns read
fetched in the same query (``ROWS``), shared by the export and the list pages' filters."""

from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet

from core import savings
from milestones.models import DateChange, Milestone
from programmes.models import (
    Action,
    AgendaItem,
    BudgetLine,
    Meeting,
    Risk,
    SavingsLine,
    SavingsReallocation,
)


def milestone_rows(programme) -> QuerySet:
    return (
        Milestone.objects.for_programme(programme)
        .select_related("service_area", "stage", "owner", "reports_to__body")
        .prefetch_related("date_changes")
        .in_report_order()
    )


def risk_rows(programme) -> QuerySet:
    return (
        Risk.objects.filter(programme=programme)
        .select_related("service_area")
        .order_by("-is_open", "order", "id")
    )


def savings_rows(programme) -> QuerySet:
    return (
        SavingsLine.objects.filter(programme=programme)
        .select_related("service_area")
        .order_by("financial_year", "order", "id")
    )


@dataclass(frozen=True)
class SavingsYearRow:
    kind: str  # "Cashable"
    year: savings.SavingsYear


def savings_year_rows(lines: Iterable[SavingsLine]) -> list[SavingsYearRow]:
    """The rows of the savings page's tables by financial year: each kind's years in turn."""
    return [
        SavingsYearRow(kind.label, year)
        for kind in savings.by_kind_and_year(lines, SavingsLine.Kind.choices)
        for year in kind.years
    ]


def reallocation_rows(programme) -> QuerySet:
    return (
        SavingsReallocation.objects.filter(programme=programme)
        .select_related("service_area")
        .order_by("order", "id")
    )


def budget_rows(programme) -> QuerySet:
    return (
        BudgetLine.objects.filter(programme=programme)
        .select_related("service_area")
        .order_by("order", "id")
    )


def in_tree_order(lines: Iterable[BudgetLine]) -> list[BudgetLine]:
    """Budget lines as the budget page lists them: each line followed by its sub-lines. A line
    whose parent is not among them (filtered out) stands at the top level."""
    lines = list(lines)
    present = {line.pk for line in lines}
    children: dict[int | None, list[BudgetLine]] = {}
    for line in lines:
        parent = line.parent_id if line.parent_id in present else None
        children.setdefault(parent, []).append(line)
    ordered: list[BudgetLine] = []

    def walk(parent_id):
        for line in children.get(parent_id, []):
            ordered.append(line)
            walk(line.pk)

    walk(None)
    return ordered


def action_rows(programme) -> QuerySet:
    return (
        Action.objects.filter(programme=programme)
        .select_related("service_area")
        .order_by("service_area__order", "service_area_id", "order", "id")
    )


def meeting_rows(programme, milestones: QuerySet | None = None) -> QuerySet:
    """The programme's meetings with the milestones reporting to each: all of them, or only
    those of ``milestones`` (a reader limited to a partner sees their areas' only)."""
    milestones = Milestone.objects.all() if milestones is None else milestones
    return (
        Meeting.objects.filter(body__programme=programme)
        .select_related("body")
        .prefetch_related(
            Prefetch(
                "milestones",
                queryset=milestones.order_by("service_area__order", "order", "id"),
            ),
            Prefetch("agenda_items", queryset=AgendaItem.objects.select_related("presenter")),
        )
        .order_by("date", "id")
    )


def date_change_rows(milestones: QuerySet) -> QuerySet:
    """The moves of the given milestones' dates, milestone by milestone, oldest first."""
    return (
        DateChange.objects.filter(milestone__in=milestones.values("pk"))
        .select_related("milestone__service_area", "changed_by")
        .order_by(
            "milestone__service_area__order",
            "milestone__service_area_id",
            "milestone__order",
            "milestone_id",
            "changed_at",
            "id",
        )
    )


ROWS = {
    "milestones": milestone_rows,
    "risks": risk_rows,
    "savings": savings_rows,
    "reallocations": reallocation_rows,
    "budget": budget_rows,
    "actions": action_rows,
    "meetings": meeting_rows,
}
