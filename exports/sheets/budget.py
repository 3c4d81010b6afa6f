"""The budget sheet, exported for reading only."""

from exports.columns import (
    LONG_TEXT,
    NUMBER,
    Column,
    Sheet,
    area_column,
    attribute,
    id_column,
    money_column,
)

BUDGET = Sheet(
    "budget",
    "Budget",
    "budget line",
    "Budget lines and their sub-lines. Exported for reading; an import leaves them alone.",
    (
        id_column("budget line"),
        Column(
            "parent",
            "Part of (ID)",
            "The ID of the line this one is part of; blank for a top-level line.",
            attribute("parent_id"),
            cell=NUMBER,
            width=10,
        ),
        area_column("budget line", whole_programme=True),
        Column("title", "Item", "The budget item.", attribute("title"), width=30),
        Column(
            "financial_year",
            "Financial year",
            "The financial year, if given.",
            attribute("financial_year_label"),
            width=12,
        ),
        money_column("allocation", "Budget allocation", "The budget allocated, in pounds."),
        money_column("estimated_cost", "Estimated cost", "The estimated cost, in pounds."),
        money_column("spent", "Committed or spent", "What is committed or spent, in pounds."),
        money_column("estimated_savings", "Estimated savings", "Savings estimated, in pounds."),
        Column(
            "estimated_savings_note",
            "Estimated savings note",
            'Words beside the estimated savings ("tbc", "minimum").',
            attribute("estimated_savings_note"),
        ),
        Column("detail", "Detail", "Detail of the costs.", attribute("detail"), cell=LONG_TEXT),
    ),
)
