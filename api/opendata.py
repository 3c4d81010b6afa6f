"""A programme's open data: the rows of what it publishes, and each column's meaning. The
same columns make the CSV and the JSON, and ``docs/open-data.md`` describes them.

Milestones carry their service area, stage, dates (the words as written, and what they mean),
status and RAG status — never an owner's name or a comment, which may name people. Savings are
the programme's totals for each financial year and kind (``core.savings``: the rule every page
and report uses), never a line's notes."""

import csv
import io
from dataclasses import dataclass
from decimal import Decimal

from core import savings
from core.fuzzydates import FuzzyDate
from exports.workbook import FORMULA_STARTS
from milestones.models import Milestone
from programmes.models import SavingsLine

DATES = ("planned_start", "planned_completion", "forecast_completion", "actual_completion")


@dataclass(frozen=True)
class Column:
    name: str
    meaning: str


def date_columns(name: str) -> list[Column]:
    words = name.replace("_", " ")
    return [
        Column(f"{name}", f"The {words} as the programme wrote it (“end March 2010”, “Q1 2010”)."),
        Column(f"{name}_earliest", f"The first day the {words} can mean (YYYY-MM-DD), or empty."),
        Column(f"{name}_latest", f"The last day the {words} can mean (YYYY-MM-DD), or empty."),
        Column(
            f"{name}_precision",
            "What kind of date it is: day, week, month, quarter, financial_year, range, from, "
            "by, undated…",
        ),
    ]


MILESTONE_COLUMNS = [
    Column("id", "The milestone's number in the tracker; stays the same between downloads."),
    Column("service_area", "The service area, work stream, project or theme it belongs to."),
    Column("stage", "The stage of the delivery plan (the programme's Key to Stages), or empty."),
    Column("title", "The milestone."),
    Column("status", "Not started, In progress, Complete, Will not be met, On hold, Cancelled."),
    Column("rag", "Its RAG status in the programme's words, or empty when not rated."),
    *[column for name in DATES for column in date_columns(name)],
    Column("slipped", "yes when its planned or forecast completion has ever moved later."),
]

SAVINGS_COLUMNS = [
    Column("financial_year", "April to March, written 2009/10."),
    Column("kind", "Cashable or Non-cashable."),
    Column("target", "Pounds, to the penny (e.g. 1250000.00), or empty when none is recorded."),
    Column("forecast", "Pounds forecast to be saved, or empty."),
    Column("achieved", "Pounds saved, or empty."),
    Column(
        "shortfall",
        "Target less achieved (or, until then, forecast), never below nothing; empty when no "
        "line of the year has both a target and a figure.",
    ),
]


def _date(value: FuzzyDate) -> list[str]:
    return [
        value.text,
        value.earliest.isoformat() if value.earliest else "",
        value.latest.isoformat() if value.latest else "",
        value.precision.value,
    ]


def milestone_rows(programme) -> list[list[str]]:
    milestones = (
        Milestone.objects.filter(service_area__programme=programme)
        .select_related("service_area", "stage")
        .with_slipped()
        .in_report_order()
    )
    rows = []
    for milestone in milestones:
        row = [
            str(milestone.pk),
            str(milestone.service_area),
            milestone.stage.code if milestone.stage else "",
            milestone.title,
            milestone.status_words,
            programme.rag_label(milestone.rag) if milestone.rag else "",
        ]
        for name in DATES:
            row += _date(getattr(milestone, name))
        row.append("yes" if milestone.is_slipped else "no")
        rows.append(row)
    return rows


def _money(value: Decimal | None) -> str:
    return "" if value is None else f"{value:.2f}"


def savings_rows(programme) -> list[list[str]]:
    lines = SavingsLine.objects.filter(programme=programme)
    rows = []
    for kind in savings.by_kind_and_year(lines, SavingsLine.Kind.choices):
        for year in kind.years:
            position = year.position
            rows.append(
                [
                    year.label,
                    kind.label,
                    _money(position.target),
                    _money(position.forecast),
                    _money(position.achieved),
                    _money(position.shortfall),
                ]
            )
    rows.sort(key=lambda row: row[0])  # by year, each year's kinds together
    return rows


def as_csv(columns: list[Column], rows: list[list[str]]) -> str:
    """CSV with a heading row. Text a spreadsheet would run as a formula starts with an
    apostrophe, as the Excel exports do."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([column.name for column in columns])
    for row in rows:
        writer.writerow([f"'{cell}" if cell.startswith(FORMULA_STARTS) else cell for cell in row])
    return out.getvalue()


def as_json(columns: list[Column], rows: list[list[str]], *, about: dict) -> dict:
    return {
        **about,
        "columns": [{"name": column.name, "meaning": column.meaning} for column in columns],
        "rows": [dict(zip((column.name for column in columns), row, strict=True)) for row in rows],
    }
