"""The savings position of some savings lines: what they target, forecast and achieve, and the
shortfall. Every page, report and export that prints a savings figure asks this module, so the
same lines give the same figures everywhere.

The rule (DOMAIN.md: shortfall = target − achieved):

- A line's **expected** savings are what it has achieved, or, until an achieved figure is
  recorded, what it forecasts. The committee report says so in words: "it is estimated that
  £10.885m will be achieved against this target, a shortfall of £2.297m" (seed 002).
- The **shortfall** of a line, or of any set of lines (a year, a kind, a cumulative total, all
  years), is the set's targets less its expected savings, never below nothing. Only lines that
  have *both* a target and a figure (forecast or achieved) count: a line with no target has no
  shortfall and does not make up another line's, and a target with nothing forecast or achieved
  has no shortfall yet. When no line of the set has both, the shortfall is ``None`` (printed
  "—"), never £0. Because a set's shortfall comes from its totals, a year's total row reads
  "target less expected" even when one line over-achieves and another falls short.
- **Totals** (target, forecast, achieved) add the figures that are recorded; a total of no
  figures is ``None``, not £0 ("never invent").
- **One-off and recurring** lines add up in the same way. A line's figures are the savings of
  its own financial year only: a recurring saving counts again in a later year only where a line
  for that year records it (Wigan's "£1.316m in 2008/09, further reduction of £1.25m in 2009/10
  ... total savings of £3.816 million" is the plain sum). Nothing is carried forward for it.
- Callers choose the set: the savings page, the workbook and the committee report keep cashable
  and non-cashable apart; the overview's year and the savings reports' year totals add both.

Lines are anything with ``target``, ``forecast`` and ``achieved`` (``Decimal`` or ``None``) and,
for ``by_year``, ``financial_year`` (the year it starts in, or ``None``): a ``SavingsLine``, or a
``Figures`` of plain values.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Protocol

from core import money
from core.fuzzydates import financial_year_label

# The rule in words, for the pages, reports and workbooks that print a shortfall.
SHORTFALL_MEANING = (
    "Shortfall is the target less what was achieved or, until then, what is forecast. Only "
    "lines with both a target and a figure have one; a total's shortfall is its total target "
    "less its total achieved or forecast, so one line's extra savings make up another's "
    "shortfall. “—” means no figure is recorded."
)


class HasFigures(Protocol):
    target: Decimal | None
    forecast: Decimal | None
    achieved: Decimal | None


@dataclass(frozen=True)
class Figures:
    """A savings line's figures as plain values."""

    target: Decimal | None = None
    forecast: Decimal | None = None
    achieved: Decimal | None = None
    financial_year: int | None = None
    kind: str = ""


def expected(line: HasFigures) -> Decimal | None:
    """What a line expects to save: achieved once recorded, else the forecast."""
    return line.achieved if line.achieved is not None else line.forecast


def _sum(values: Iterable[Decimal | None]) -> Decimal | None:
    present = [value for value in values if value is not None]
    return sum(present, Decimal(0)) if present else None


@dataclass(frozen=True)
class SavingsPosition:
    """The figures of a set of savings lines (see the module's rule)."""

    target: Decimal | None
    forecast: Decimal | None
    achieved: Decimal | None
    # Expected savings of the lines that have a target: what is set against the target.
    expected: Decimal | None
    shortfall: Decimal | None
    # Targets with nothing forecast or achieved yet: in ``target``, not in ``shortfall``.
    target_without_figures: Decimal | None
    # Expected savings of lines with no target (an underspend, a one-off): not in ``expected``.
    without_target: Decimal | None

    @classmethod
    def of(cls, lines: Iterable[HasFigures]) -> "SavingsPosition":
        lines = list(lines)
        targeted = [line for line in lines if line.target is not None]
        measured = [line for line in targeted if expected(line) is not None]
        shortfall = None
        if measured:
            gap = sum(line.target for line in measured) - sum(expected(line) for line in measured)
            shortfall = max(gap, Decimal(0))
        return cls(
            target=_sum(line.target for line in lines),
            forecast=_sum(line.forecast for line in lines),
            achieved=_sum(line.achieved for line in lines),
            expected=_sum(expected(line) for line in measured),
            shortfall=shortfall,
            target_without_figures=_sum(line.target for line in targeted if expected(line) is None),
            without_target=_sum(expected(line) for line in lines if line.target is None),
        )

    @property
    def expected_in_all(self) -> Decimal | None:
        """Expected savings of every line, with a target or without."""
        return _sum((self.expected, self.without_target))


def shortfall(line: HasFigures) -> Decimal | None:
    """One line's shortfall: its target less what it expects to save, never below nothing."""
    return SavingsPosition.of([line]).shortfall


@dataclass(frozen=True)
class SavingsYear:
    """The lines of one financial year, their position, and the position of this year and
    every earlier one together (``to_date``: cumulative from the first year with lines)."""

    year: int
    lines: tuple = field(repr=False)
    position: SavingsPosition
    to_date: SavingsPosition

    @property
    def label(self) -> str:
        return financial_year_label(self.year)

    # The position's figures, read straight off the year (tables and the chart do).
    @property
    def target(self) -> Decimal | None:
        return self.position.target

    @property
    def forecast(self) -> Decimal | None:
        return self.position.forecast

    @property
    def achieved(self) -> Decimal | None:
        return self.position.achieved

    @property
    def shortfall(self) -> Decimal | None:
        return self.position.shortfall


def by_year(lines: Iterable) -> list[SavingsYear]:
    """Lines with a financial year, by year, oldest first. Lines without a year are left out:
    they belong to no year and are listed apart."""
    years: dict[int, list] = {}
    for line in lines:
        if line.financial_year is not None:
            years.setdefault(line.financial_year, []).append(line)
    result = []
    so_far: list = []
    for year in sorted(years):
        so_far += years[year]
        result.append(
            SavingsYear(
                year=year,
                lines=tuple(years[year]),
                position=SavingsPosition.of(years[year]),
                to_date=SavingsPosition.of(so_far),
            )
        )
    return result


@dataclass(frozen=True)
class KindYears:
    """One kind of savings (cashable, non-cashable) by financial year, with its totals."""

    kind: str
    label: str
    years: list[SavingsYear]
    totals: SavingsPosition  # every line of the kind that has a year


def by_kind_and_year(lines: Iterable, kinds: Iterable[tuple[str, str]]) -> list[KindYears]:
    """``by_year`` for each kind apart (``kinds``: value and label pairs, in the order to show
    them; lines need a ``kind``). Kinds with no line in any year are left out."""
    lines = list(lines)
    result = []
    for kind, label in kinds:
        dated = [line for line in lines if line.kind == kind and line.financial_year is not None]
        if dated:
            result.append(KindYears(kind, label, by_year(dated), SavingsPosition.of(dated)))
    return result


@dataclass(frozen=True)
class CalculatedTotal:
    """A total the application works out, never the council's own: the sum of the plain
    figures, and the labels of the amounts left out because their words make them something
    other than a figure ("20,000 minimum", "tbc", "£700–800k")."""

    total: Decimal | None
    excluded: tuple[str, ...] = ()


def calculated_total(amounts: Iterable[tuple[str, Decimal | None, str]]) -> CalculatedTotal:
    """Add up ``(label, amount, words beside it)``: an amount counts when its words leave it a
    plain figure (``core.money.is_exact_figure``); one with none and words such as "tbc" is
    listed as left out too, since the total cannot stand for it."""
    counted: list[Decimal] = []
    excluded: list[str] = []
    for label, amount, words in amounts:
        if money.is_exact_figure(words):
            if amount is not None:
                counted.append(amount)
        else:
            excluded.append(f"{label} ({' '.join(filter(None, [money.pounds(amount), words]))})")
    return CalculatedTotal(sum(counted, Decimal(0)) if counted else None, tuple(excluded))
