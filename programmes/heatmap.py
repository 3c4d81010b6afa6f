"""The risk heat map's figures: the open risks placed on a likelihood-by-impact grid, each cell
rated on the programme's risk matrix (``core.risk_rating``), and the risks it cannot place.

The risks page draws the grid in its template and the committee pack prints the same rows, so
the page and the pack give the same rating because both call these functions.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from core.risk_rating import is_placed


@dataclass
class HeatCell:
    likelihood: int
    impact: int
    likelihood_label: str
    impact_label: str
    risks: list
    rating: str  # the RAG code the programme's risk matrix gives this combination
    word: str  # the rating in the programme's words ("Red", "Urgent Action"): always printed

    @property
    def css(self) -> str:
        return f"rag-{self.rating}"

    @property
    def count(self) -> int:
        return len(self.risks)


@dataclass
class HeatRow:
    likelihood: int
    label: str
    cells: list[HeatCell]


def risk_heatmap(risks: Iterable, programme) -> list[HeatRow]:
    """Rows for a likelihood-by-impact table: the most likely first, each cell holding its risks
    (in the order given) and its rating on the programme's risk matrix (``core.risk_rating``),
    the same rating the register and the reports give each risk in it. Risks without a
    likelihood or an impact are not placed (see ``unplaced_risks``)."""
    levels = programme.risk_levels()
    matrix = programme.risk_matrix_grid()
    placed: dict[tuple[int, int], list] = {}
    for risk in risks:
        if is_placed(risk.likelihood, risk.impact, len(levels)):
            placed.setdefault((risk.likelihood, risk.impact), []).append(risk)
    rows = []
    for likelihood, likelihood_label in reversed(levels):
        cells = []
        for impact, impact_label in levels:
            rating = matrix[likelihood - 1][impact - 1]
            cells.append(
                HeatCell(
                    likelihood=likelihood,
                    impact=impact,
                    likelihood_label=likelihood_label,
                    impact_label=impact_label,
                    risks=placed.get((likelihood, impact), []),
                    rating=rating,
                    word=programme.rag_label(rating),
                )
            )
        rows.append(HeatRow(likelihood=likelihood, label=likelihood_label, cells=cells))
    return rows


def unplaced_risks(risks: Iterable, programme) -> list:
    """The risks a heat map cannot place: no likelihood or impact on the programme's scale."""
    size = len(programme.risk_levels())
    return [risk for risk in risks if not is_placed(risk.likelihood, risk.impact, size)]
