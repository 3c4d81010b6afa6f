"""Rows for the registers several reports print: savings by financial year, their
re-allocation, and the risk log."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from programmes.models import Risk, SavingsLine, SavingsReallocation

from .base import Context, Rag, scoped, sum_or_none

NO_YEAR = "No year given"


@dataclass
class SavingsRow:
    id: int
    area: str
    kind: str
    recurrence: str
    target: Decimal | None
    forecast: Decimal | None
    achieved: Decimal | None
    shortfall: Decimal | None
    note: str
    mark: str


@dataclass
class SavingsYear:
    year: str
    start_year: int | None
    rows: list[SavingsRow]
    target: Decimal | None
    forecast: Decimal | None
    achieved: Decimal | None
    shortfall: Decimal | None


@dataclass
class SavingsTotals:
    target: Decimal | None
    forecast: Decimal | None
    achieved: Decimal | None
    shortfall: Decimal | None


@dataclass
class ReallocationRow:
    allocated_to: str
    permanence: str
    amount: Decimal | None
    year: str
    note: str


@dataclass
class RiskRow:
    id: int
    ref: str
    title: str
    area: str
    description: str  # Markdown
    likelihood: int | None
    likelihood_label: str
    likelihood_note: str
    impact: int | None
    impact_label: str
    impact_note: str
    lead_officer: str
    moderating_factors: str  # Markdown
    rag: Rag | None
    review_date: date | None
    is_open: bool
    mark: str


def savings_lines(context: Context) -> list[SavingsLine]:
    """The savings lines in the report's scope, read once for the tables and the chart."""
    return list(
        scoped(
            SavingsLine.objects.filter(programme=context.programme).select_related("service_area"),
            context.options,
        )
    )


def savings_years(context: Context, lines: list[SavingsLine]) -> list[SavingsYear]:
    """The savings lines by financial year (lines with no year last), with each year's totals.
    The shortfall is target less achieved, or less the forecast while nothing is achieved yet."""
    years: dict[int | None, list[SavingsRow]] = {}
    for line in lines:
        years.setdefault(line.financial_year, []).append(
            SavingsRow(
                id=line.pk,
                area=line.service_area.name if line.service_area_id else "",
                kind=line.get_kind_display(),
                recurrence=line.get_recurrence_display(),
                target=line.target,
                forecast=line.forecast,
                achieved=line.achieved,
                shortfall=line.shortfall,
                note=line.note,
                mark=context.mark("savings", line.pk),
            )
        )
    ordered = sorted(years, key=lambda year: (year is None, year or 0))
    return [
        SavingsYear(
            year=SavingsLine(financial_year=year).financial_year_label or NO_YEAR,
            start_year=year,
            rows=years[year],
            target=sum_or_none(row.target for row in years[year]),
            forecast=sum_or_none(row.forecast for row in years[year]),
            achieved=sum_or_none(row.achieved for row in years[year]),
            shortfall=sum_or_none(row.shortfall for row in years[year]),
        )
        for year in ordered
    ]


def savings_totals(years: list[SavingsYear]) -> SavingsTotals:
    return SavingsTotals(
        target=sum_or_none(year.target for year in years),
        forecast=sum_or_none(year.forecast for year in years),
        achieved=sum_or_none(year.achieved for year in years),
        shortfall=sum_or_none(year.shortfall for year in years),
    )


def reallocations(context: Context) -> list[ReallocationRow]:
    records = scoped(
        SavingsReallocation.objects.filter(programme=context.programme), context.options
    )
    return [
        ReallocationRow(
            allocated_to=record.allocated_to,
            permanence=record.get_permanence_display(),
            amount=record.amount,
            year=record.financial_year_label,
            note=record.note,
        )
        for record in records
    ]


def risk_rows(context: Context) -> list[RiskRow]:
    """The risk log, open risks first, each with a reference ("R1") the heat map uses."""
    risks = scoped(
        Risk.objects.filter(programme=context.programme).select_related("service_area"),
        context.options,
    )
    programme = context.programme
    ordered = sorted(risks, key=lambda risk: not risk.is_open)
    return [
        RiskRow(
            id=risk.pk,
            ref=f"R{number}",
            title=risk.title,
            area=risk.service_area.name if risk.service_area_id else "",
            description=risk.description,
            likelihood=risk.likelihood,
            likelihood_label=programme.risk_level_label(risk.likelihood),
            likelihood_note=risk.likelihood_note,
            impact=risk.impact,
            impact_label=programme.risk_level_label(risk.impact),
            impact_note=risk.impact_note,
            lead_officer=risk.lead_officer,
            moderating_factors=risk.moderating_factors,
            rag=context.rag(risk.rag),
            review_date=risk.review_date,
            is_open=risk.is_open,
            mark=context.mark("risk", risk.pk),
        )
        for number, risk in enumerate(ordered, start=1)
    ]
