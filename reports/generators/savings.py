"""The savings report: every savings line by financial year with the year's totals and the
programme's, the re-allocation of savings, and the savings chart of the programme's pages.
The chart is SVG drawn on the server (no fetching), so WeasyPrint prints it as the browser
shows it."""

from dataclasses import dataclass

from core.savings import SavingsPosition
from programmes.savings_chart import savings_chart_svg

from .base import Context, total
from .records import (
    ReallocationRow,
    SavingsYear,
    reallocations,
    savings_lines,
    savings_years,
)


@dataclass
class SavingsBody:
    years: list[SavingsYear]
    totals: SavingsPosition  # every line in the report, all years
    reallocations: list[ReallocationRow]
    chart_svg: str

    @property
    def is_empty(self) -> bool:
        return not (self.years or self.reallocations)

    @property
    def reallocated(self):
        return total(row.amount for row in self.reallocations)


def build(context: Context) -> SavingsBody:
    lines = savings_lines(context)
    years = savings_years(context, lines)
    # The chart of the programme's pages (programmes.savings_chart), drawn from the same lines.
    draw = years and context.options.shows("chart")
    return SavingsBody(
        years=years,
        totals=SavingsPosition.of(lines),
        reallocations=reallocations(context),
        chart_svg=str(savings_chart_svg(context.programme, lines=lines)) if draw else "",
    )
