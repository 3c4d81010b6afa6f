"""The values ``parse()`` and ``parse_slippage()`` give: a FuzzyDate, and a Slippage made of
DateMoves."""

from dataclasses import dataclass, field
from datetime import date

from .formatting import day_text, format
from .precision import Precision


@dataclass(frozen=True)
class FuzzyDate:
    """A date as written: the words, the earliest and latest day they mean, and a precision.

    ``problem`` is set by ``parse()`` when the words look like a date that does not exist ("There
    is no 31 February 2010."); it is not stored, and two dates are equal without it."""

    text: str
    earliest: date | None
    latest: date | None
    precision: Precision
    problem: str = field(default="", compare=False)

    @property
    def is_dated(self) -> bool:
        return self.earliest is not None or self.latest is not None

    @property
    def sort_key(self) -> tuple:
        """Undated last; then by the latest day (earliest for FROM), then by the earliest day."""
        if not self.is_dated:
            return (1, date.max, date.max, self.text)
        primary = self.latest if self.latest is not None else self.earliest
        secondary = self.earliest if self.earliest is not None else date.min
        return (0, primary, secondary, self.text)

    def __str__(self) -> str:
        return format(self)

    @classmethod
    def from_date(cls, d: date) -> "FuzzyDate":
        return cls(day_text(d), d, d, Precision.DAY)


@dataclass(frozen=True)
class DateMove:
    """One change of a date: the new date and the words that introduced it ("Extended to")."""

    date: FuzzyDate
    words: str


@dataclass(frozen=True)
class Slippage:
    """A date and the changes it went through, oldest first."""

    original: FuzzyDate
    changes: tuple[DateMove, ...]

    @property
    def current(self) -> FuzzyDate:
        return self.changes[-1].date if self.changes else self.original

    @property
    def problem(self) -> str:
        """Why the words could not be read, when a date in them does not exist."""
        return self.original.problem
