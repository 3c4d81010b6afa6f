"""The risk register: every risk in the report's scope, and a likelihood-by-impact heat map of
the open ones, each cell graded Low, Medium or High in words as well as colour (the grading of
``programmes.charts``, as on the programme's web pages)."""

from dataclasses import dataclass

from programmes import charts

from .base import Context
from .records import RiskRow, risk_rows


@dataclass
class HeatCell:
    grade: str  # "Low", "Medium", "High"
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

    @property
    def is_empty(self) -> bool:
        return not self.risks

    @property
    def open_count(self) -> int:
        return sum(1 for risk in self.risks if risk.is_open)


def heat_map(programme, risks: list[RiskRow]) -> HeatMap:
    levels = programme.risk_levels()
    open_risks = [risk for risk in risks if risk.is_open]
    return HeatMap(
        impacts=[label for _, label in levels],
        rows=[
            HeatRow(
                likelihood=row.label,
                cells=[
                    HeatCell(cell.word, [risk.ref for risk in cell.risks]) for cell in row.cells
                ],
            )
            for row in charts.risk_heatmap(open_risks, levels)
        ],
        unrated=[risk.ref for risk in charts.unplaced_risks(open_risks)],
    )


def build(context: Context) -> RisksBody:
    risks = risk_rows(context)
    return RisksBody(heat_map=heat_map(context.programme, risks), risks=risks)
