"""A risk's rating: the RAG its likelihood and impact give on a programme's risk matrix. The heat
map, the risk register, the overview's "red risks" and every report ask ``rate``, so they agree
on which risks are red.

- A **matrix** says the RAG of each likelihood-by-impact combination. A programme may set its
  own; otherwise ``default_matrix`` scores likelihood × impact: on High/Medium/Low (3 levels)
  1-2 is Green, 3-4 Amber, 6-9 Red; on 1 to 5, up to 4 is Green, 5-12 Amber, 15 and over Red.
- A risk's **rating** is its cell of the matrix. A risk with no likelihood or no impact has no
  cell: its rating is the RAG status its officer chose, if any (nothing else says how serious
  it is), and it is listed beside the heat map, not on it.
- The **status** the officer chose is kept and printed in words beside the rating. When it
  differs from the matrix (mitigations the likelihood and impact do not show, say) the form
  warns and the register shows both, but the rating is the matrix's: to change it, change the
  likelihood or the impact.
"""

from collections.abc import Sequence
from dataclasses import dataclass

RED, AMBER, GREEN = "red", "amber", "green"

# A matrix: ``matrix[likelihood - 1][impact - 1]`` is the rating of that combination.
Matrix = tuple[tuple[str, ...], ...]


def default_band(likelihood: int, impact: int, size: int) -> str:
    """The rating of a combination on a scale of ``size`` levels, from likelihood × impact."""
    score = likelihood * impact
    if score >= 0.6 * size * size:
        return RED
    if score <= size - 1:
        return GREEN
    return AMBER


def default_matrix(size: int) -> Matrix:
    return tuple(
        tuple(default_band(likelihood, impact, size) for impact in range(1, size + 1))
        for likelihood in range(1, size + 1)
    )


def matrix_from_rows(rows: Sequence[Sequence[str]]) -> Matrix:
    """A matrix from rows written as the heat map shows them: the most likely first, each from
    the lowest impact across (how a programme's own matrix is stored)."""
    return tuple(tuple(row) for row in reversed(rows))


def matrix_problems(rows, size: int, ratings: Sequence[str]) -> list[str]:
    """What is wrong with a programme's own matrix (rows as ``matrix_from_rows`` takes them),
    in words; empty when it is a ``size`` by ``size`` grid of ``ratings``."""
    if not isinstance(rows, list) or len(rows) != size:
        return [f"Give {size} rows, the most likely first, one for each level of likelihood."]
    problems = []
    for number, row in enumerate(rows, start=1):
        if not isinstance(row, list) or len(row) != size:
            problems.append(f"Row {number} needs {size} ratings, one for each level of impact.")
        elif any(rating not in ratings for rating in row):
            allowed = ", ".join(ratings)
            problems.append(f"Row {number} has a rating that is not on the scale ({allowed}).")
    return problems


@dataclass(frozen=True)
class RiskRating:
    """How serious a risk is (``rating``) and what its officer chose (``status``)."""

    rating: str  # a RAG code, or "" when neither the matrix nor the officer rates it
    status: str  # the officer's RAG status, or ""
    from_matrix: bool  # False when the risk has no likelihood or impact to place it

    @property
    def is_red(self) -> bool:
        return self.rating == RED

    @property
    def disagrees(self) -> bool:
        """The officer chose a status other than the matrix's rating."""
        return self.from_matrix and bool(self.status) and self.status != self.rating


def is_placed(likelihood: int | None, impact: int | None, size: int) -> bool:
    """Whether a likelihood and an impact name a cell of a ``size``-level matrix."""
    return likelihood in range(1, size + 1) and impact in range(1, size + 1)


def rate(likelihood: int | None, impact: int | None, status: str, matrix: Matrix) -> RiskRating:
    """The rating of a risk with this likelihood, impact and chosen status on ``matrix``."""
    status = status or ""
    if is_placed(likelihood, impact, len(matrix)):
        return RiskRating(matrix[likelihood - 1][impact - 1], status, from_matrix=True)
    return RiskRating(status, status, from_matrix=False)
