"""The risk register: every risk in the report's scope, and a likelihood-by-impact heat map of
the open ones, each cell rated on the programme's risk matrix in words as well as colour (the
rating of ``core.risk_rating``, as on the programme's web pages and in the risk log)."""

from dataclasses import dataclass

from core.risk_rating import RED
from programmes.heatmap import risk_heatmap, unplaced_risks

from .base import Context, Rag
from .records import RiskRow, risk_rows


@dataclass
class HeatCell:
    rating: Rag  # the matrix's rating of the cell, and so of every risk in it
    refs: list[str]


@dataclass
class HeatRow:
    likelihood: str
    cells: list[HeatCell]


@dataclass
class HeatMap:
    impacts: list[str]
    rows: list[HeatRow]  # most likely first, as a heat map is read
    unrated: list[str]


@dataclass
class RisksBody:
    heat_map: HeatMap
    risks: list[RiskRow]
    red_word: str  # the programme's word for Red ("Urgent Action")

    @property
    def is_empty(self) -> bool:
        return not self.risks

    @property
    def open_count(self) -> int:
        return sum(1 for risk in self.risks if risk.is_open)

    @property
    def red(self) -> list[RiskRow]:
        """Open risks the programme's matrix rates red: the overview's "red risks"."""
        return [risk for risk in self.risks if risk.is_open and risk.is_red]


def heat_map(context: Context, risks: list[RiskRow]) -> HeatMap:
    programme = context.programme
    levels = programme.risk_levels()
    open_risks = [risk for risk in risks if risk.is_open]
    return HeatMap(
        impacts=[label for _, label in levels],
        rows=[
            HeatRow(
                likelihood=row.label,
                cells=[
                    HeatCell(context.rag(cell.rating), [risk.ref for risk in cell.risks])
                    for cell in row.cells
                ],
            )
            for row in risk_heatmap(open_risks, programme)
        ],
        unrated=[risk.ref for risk in unplaced_risks(open_risks, programme)],
    )


def build(context: Context) -> RisksBody:
    risks = risk_rows(context)
    return RisksBody(
        heat_map=heat_map(context, risks),
        risks=risks,
        red_word=context.programme.rag_label(RED),
    )
