"""Loading a seed's savings lines, savings re-allocations and budget lines (with their
sub-lines)."""

from programmes.models import BudgetLine, SavingsLine, SavingsReallocation
from seeds.context import SeedContext, as_text


def load_saving(seed: SeedContext, item, service_area, index):
    seed.check_keys(
        item,
        {"financial_year", "kind", "recurrence", "target", "forecast", "achieved", "note"},
    )
    saving = SavingsLine(
        programme=seed.programme,
        service_area=service_area,
        financial_year=seed.financial_year(item.get("financial_year")),
        kind=item.get("kind") or SavingsLine.Kind.CASHABLE,
        recurrence=item.get("recurrence") or SavingsLine.Recurrence.RECURRING,
        target=seed.money(item.get("target"), "target"),
        forecast=seed.money(item.get("forecast"), "forecast"),
        achieved=seed.money(item.get("achieved"), "achieved"),
        note=as_text(item.get("note")),
        order=index,
    )
    seed.save(saving, "savings lines")


def load_reallocation(seed: SeedContext, item, index):
    seed.check_keys(item, {"allocated_to", "permanence", "amount", "financial_year", "note"})
    reallocation = SavingsReallocation(
        programme=seed.programme,
        allocated_to=as_text(item.get("allocated_to")),
        permanence=item.get("permanence") or "",
        amount=seed.money(item.get("amount"), "amount"),
        financial_year=seed.financial_year(item.get("financial_year")),
        note=as_text(item.get("note")),
        order=index,
    )
    seed.save(reallocation, "savings re-allocations")


def load_budget_line(seed: SeedContext, item, service_area, parent, index):
    seed.check_keys(
        item,
        {
            "title",
            "financial_year",
            "allocation",
            "estimated_cost",
            "spent",
            "estimated_savings",
            "estimated_savings_note",
            "detail",
            "lines",
        },
    )
    line = BudgetLine(
        programme=seed.programme,
        service_area=service_area,
        parent=parent,
        title=as_text(item.get("title")),
        financial_year=seed.financial_year(item.get("financial_year")),
        allocation=seed.money(item.get("allocation"), "allocation"),
        estimated_cost=seed.money(item.get("estimated_cost"), "estimated_cost"),
        spent=seed.money(item.get("spent"), "spent"),
        estimated_savings=seed.money(item.get("estimated_savings"), "estimated_savings"),
        estimated_savings_note=as_text(item.get("estimated_savings_note")),
        detail=as_text(item.get("detail")),
        order=index,
    )
    seed.save(line, "budget lines")
    for position, child in enumerate(seed.items(item, "lines")):
        with seed.section(f"lines[{position}] ({child.get('title', '?')})"):
            load_budget_line(seed, child, service_area, line, position)
