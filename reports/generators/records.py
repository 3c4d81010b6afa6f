"""Rows for the registers several reports print: savings by financial year, their
re-allocation, and the risk log."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from core.fuzzydates import financial_year_label
from core.savings import SavingsPosition
from programmes.models import Risk, SavingsLine, SavingsReallocation

from .base import Context, Rag, scoped

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
    figures: SavingsPosition  # the year's totals and shortfall (``core.savings``)


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
    ref: str  # the council's own reference, or "R1" by place in the log (for the heat map)
    reference: str  # the council's own reference only
    title: str
    area: str
    description: str  # Markdown
    likelihood: int | None
    likelihood_label: str  # as its author wrote it ("Moderate"), unless ratings are normalised
    likelihood_note: str
    impact: int | None
    impact_label: str  # likewise
    impact_note: str
    lead_officer: str
    moderating_factors: str  # Markdown
    rating: Rag | None  # on the programme's risk matrix: what the heat map and red counts use
    rag: Rag | None  # the RAG status the officer chose
    rating_differs: bool  # the officer chose a status other than the matrix's rating
    is_red: bool  # the rating is red: counted among the red risks
    review_date: date | None
    is_open: bool
    mark: str
    # The rating as its author wrote it, when the records keep it and ratings are not
    # normalised: the note is the words the author wrote before it ("Ongoing" "Moderate").
    likelihood_as_written: str = ""
    impact_as_written: str = ""

    @property
    def likelihood_as_cell(self) -> str:
        """The likelihood cell as its author wrote it ("Ongoing Moderate"), or ""."""
        return as_cell(self.likelihood_note, self.likelihood_as_written)

    @property
    def impact_as_cell(self) -> str:
        return as_cell(self.impact_note, self.impact_as_written)


def as_cell(note: str, as_written: str) -> str:
    return " ".join(filter(None, [note.strip(), as_written])) if as_written else ""


def savings_lines(context: Context) -> list[SavingsLine]:
    """The savings lines in the report's scope, read once for the tables and the chart."""
    return list(
        scoped(
            SavingsLine.objects.filter(programme=context.programme).select_related("service_area"),
            context.options,
        )
    )


def savings_years(context: Context, lines: list[SavingsLine]) -> list[SavingsYear]:
    """The savings lines by financial year (lines with no year last), each year with its
    position: totals and shortfall by the one rule of ``core.savings``."""
    years: dict[int | None, list[SavingsLine]] = {}
    for line in lines:
        years.setdefault(line.financial_year, []).append(line)
    ordered = sorted(years, key=lambda year: (year is None, year or 0))
    return [
        SavingsYear(
            year=financial_year_label(year) if year is not None else NO_YEAR,
            start_year=year,
            rows=[savings_row(context, line) for line in years[year]],
            figures=SavingsPosition.of(years[year]),
        )
        for year in ordered
    ]


def savings_row(context: Context, line: SavingsLine) -> SavingsRow:
    return SavingsRow(
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
    """The risk log, open risks first, each with a reference ("R1") the heat map uses, its
    likelihood and impact in their author's words (or, normalised, the levels' names), its
    rating on the programme's risk matrix and the status its officer chose."""
    risks = scoped(
        Risk.objects.filter(programme=context.programme).select_related("service_area"),
        context.options,
    )
    programme = context.programme
    normalise = context.options.normalise
    ordered = sorted(risks, key=lambda risk: not risk.is_open)
    rated = {risk.pk: programme.risk_rating(risk) for risk in ordered}
    return [
        RiskRow(
            id=risk.pk,
            ref=risk.reference or f"R{number}",
            reference=risk.reference,
            title=risk.title,
            area=risk.service_area.name if risk.service_area_id else "",
            description=risk.description,
            likelihood=risk.likelihood,
            likelihood_label=programme.risk_level_words(
                risk.likelihood, risk.likelihood_as_written, normalise=normalise
            ),
            likelihood_note=risk.likelihood_note,
            impact=risk.impact,
            impact_label=programme.risk_level_words(
                risk.impact, risk.impact_as_written, normalise=normalise
            ),
            impact_note=risk.impact_note,
            lead_officer=risk.lead_officer,
            moderating_factors=risk.moderating_factors,
            rating=context.rag(rated[risk.pk].rating),
            rag=context.rag(risk.rag),
            rating_differs=rated[risk.pk].disagrees,
            is_red=rated[risk.pk].is_red,
            review_date=risk.review_date,
            is_open=risk.is_open,
            mark=context.mark("risk", risk.pk),
            likelihood_as_written="" if normalise else risk.likelihood_as_written,
            impact_as_written="" if normalise else risk.impact_as_written,
        )
        for number, risk in enumerate(ordered, start=1)
    ]
