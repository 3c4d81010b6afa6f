"""The savings sheets: savings lines (read back), each financial year added up, and savings
re-allocated (both for reading only)."""

from collections.abc import Callable
from typing import Any

from core.savings import SHORTFALL_MEANING
from exports.columns import (
    LONG_TEXT,
    MONEY,
    Column,
    Sheet,
    area_column,
    attribute,
    display,
    id_column,
    money_column,
    reference_column,
    version_column,
)

SAVINGS = Sheet(
    "savings",
    "Savings",
    "savings line",
    "Savings targets by financial year, with what is forecast and achieved.",
    (
        id_column("savings line"),
        version_column("savings line"),
        reference_column("savings line"),
        area_column("savings line", whole_programme=True),
        Column(
            "financial_year",
            "Financial year",
            'The financial year, April to March, written like "2009/10"; blank if none.',
            attribute("financial_year_label"),
            width=12,
            aliases=("financial year", "year", "fy", "financial years"),
        ),
        Column(
            "kind",
            "Cashable or non-cashable",
            "Cashable or Non-cashable.",
            display("kind"),
            width=14,
            aliases=("cashable", "cashable or non cashable", "kind", "type", "saving type"),
        ),
        Column(
            "recurrence",
            "Recurring or one-off",
            "Recurring or One-off.",
            display("recurrence"),
            width=14,
            aliases=("recurring", "recurring or one off", "one off", "recurrence"),
        ),
        money_column(
            "target",
            "Target",
            "The savings target in pounds.",
            aliases=(
                "target",
                "savings target",
                "target saving",
                "target savings",
                "savings proposed",
                "saving proposed",
                "proposed saving",
                "proposed savings",
                "saving included in budget",
                "budgeted saving",
                "saving",
                "savings",
                "amount",
                "value",
            ),
        ),
        money_column(
            "forecast",
            "Forecast",
            "The savings now forecast, in pounds.",
            aliases=(
                "forecast",
                "forecast saving",
                "forecast savings",
                "projected",
                "anticipated",
                "savings anticipated",
                "forecast outturn",
            ),
        ),
        money_column(
            "achieved",
            "Achieved",
            "The savings achieved so far, in pounds.",
            aliases=(
                "achieved",
                "actual",
                "savings achieved",
                "actual savings",
                "gross savings achieved",
                "saving achieved",
                "achieved to date",
                "savings achieved at outturn",
                "outturn",
            ),
        ),
        money_column(
            "shortfall",
            "Shortfall",
            SHORTFALL_MEANING + " Worked out, not read back.",
            importable=False,
        ),
        Column(
            "note",
            "Note",
            "Anything said beside the figures.",
            attribute("note"),
            cell=LONG_TEXT,
            width=40,
            aliases=("note", "notes", "comment", "comments"),
        ),
    ),
    importable=True,
)


def year_figure(name: str, *, to_date: bool = False) -> Callable[[Any, Any], Any]:
    """A figure of a ``SavingsYearRow``: the year's, or (``to_date``) the cumulative one."""
    return lambda row, programme: getattr(row.year.to_date if to_date else row.year, name)


# Each kind's years as the savings page's tables show them, from the same ``core.savings``.
SAVINGS_YEARS = Sheet(
    "savings_years",
    "Savings by financial year",
    "financial year",
    "Each financial year's savings added up, cashable and non-cashable apart, as the savings "
    "page shows them. Exported for reading; an import leaves it alone.",
    (
        Column(
            "financial_year",
            "Financial year",
            "The financial year, April to March.",
            lambda row, programme: row.year.label,
            width=12,
        ),
        Column(
            "kind",
            "Cashable or non-cashable",
            "Cashable or Non-cashable.",
            lambda row, programme: row.kind,
            width=14,
        ),
        Column(
            "target", "Target", "The year's targets added up.", year_figure("target"), cell=MONEY
        ),
        Column(
            "forecast",
            "Forecast",
            "The year's forecasts added up.",
            year_figure("forecast"),
            cell=MONEY,
        ),
        Column(
            "achieved",
            "Achieved",
            "The savings achieved in the year, added up.",
            year_figure("achieved"),
            cell=MONEY,
        ),
        Column("shortfall", "Shortfall", SHORTFALL_MEANING, year_figure("shortfall"), cell=MONEY),
        Column(
            "cumulative_target",
            "Cumulative target",
            "Targets from the first year with savings to this one.",
            year_figure("target", to_date=True),
            cell=MONEY,
        ),
        Column(
            "cumulative_achieved",
            "Cumulative achieved",
            "Savings achieved from the first year with savings to this one.",
            year_figure("achieved", to_date=True),
            cell=MONEY,
        ),
    ),
)

REALLOCATIONS = Sheet(
    "reallocations",
    "Savings re-allocations",
    "re-allocation",
    "Savings re-invested elsewhere. Exported for reading; an import leaves them alone.",
    (
        id_column("re-allocation"),
        area_column("re-allocation", whole_programme=True),
        Column(
            "allocated_to",
            "Re-allocated to",
            "What the savings went to.",
            attribute("allocated_to"),
            width=30,
        ),
        Column(
            "permanence",
            "One-off or permanent",
            "Whether from one-off or permanent savings.",
            display("permanence"),
            width=14,
        ),
        money_column("amount", "Amount", "The amount in pounds."),
        Column(
            "financial_year",
            "Financial year",
            "The financial year, if given.",
            attribute("financial_year_label"),
            width=12,
        ),
        Column("note", "Note", "Anything said beside it.", attribute("note"), cell=LONG_TEXT),
    ),
)
