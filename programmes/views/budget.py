"""The budget: each line with its sub-lines numbered 1, 1.1, 1.1.1 and their totals."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.views.generic import TemplateView

from programmes.models import BudgetLine

from .mixins import RegisterMixin

BUDGET_FIGURES = ("allocation", "estimated_cost", "spent", "estimated_savings")


@dataclass
class BudgetRow:
    """A row of the budget table: a line (``line``) or the total of some lines' sub-lines."""

    depth: int
    number: str
    line: BudgetLine | None = None
    total_of: BudgetLine | None = None
    totals: dict = field(default_factory=dict)


def add_up(lines) -> dict:
    totals = {}
    for name in BUDGET_FIGURES:
        values = [getattr(line, name) for line in lines if getattr(line, name) is not None]
        totals[name] = sum(values, Decimal(0)) if values else None
    return totals


def budget_rows(lines: list[BudgetLine]) -> tuple[list[BudgetRow], dict]:
    """The lines in order, each followed by its sub-lines (numbered 1, 1.1, 1.1.1) and, after
    the sub-lines, a row with their totals; and the totals of the top-level lines."""
    children: dict[int | None, list[BudgetLine]] = {}
    for line in lines:
        children.setdefault(line.parent_id, []).append(line)
    rows: list[BudgetRow] = []

    def walk(parent_id, prefix: str, depth: int):
        for index, line in enumerate(children.get(parent_id, []), start=1):
            number = f"{prefix}{index}"
            rows.append(BudgetRow(depth=depth, number=number, line=line))
            subs = children.get(line.pk, [])
            if subs:
                walk(line.pk, f"{number}.", depth + 1)
                rows.append(
                    BudgetRow(depth=depth + 1, number=number, total_of=line, totals=add_up(subs))
                )

    walk(None, "", 0)
    return rows, add_up(children.get(None, []))


def top_level_order(line: BudgetLine):
    area = line.service_area
    return (
        area is not None,
        area.order if area else 0,
        area.pk if area else 0,
        line.order,
        line.pk,
    )


class BudgetView(RegisterMixin, TemplateView):
    page_title = "Budget"
    template_name = "programmes/budgetline_list.html"

    def get_context_data(self, **kwargs):
        budget = self.programme.budgetlines.select_related("service_area")
        lines = list(self.rights.scope(budget).order_by("order", "id"))
        lines.sort(key=lambda line: top_level_order(line) if line.parent_id is None else (0,))
        rows, totals = budget_rows(lines)
        return super().get_context_data(rows=rows, totals=totals, **kwargs)
