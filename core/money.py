"""Pounds the way council reports write them: "£50,000", "£3,995.50", "£180k", "£1.316m"."""

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal


def pounds(value: Decimal | int | None) -> str:
    """Exact pounds with thousands separators; pence only when there are some."""
    if value is None:
        return ""
    value = Decimal(value)
    sign = "−" if value < 0 else ""
    value = abs(value).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    if value == value.to_integral_value():
        return f"{sign}£{value:,.0f}"
    return f"{sign}£{value:,.2f}"


def pounds_short(value: Decimal | int | None) -> str:
    """Headline figures: "£1.316m" from a million up, "£180k" from £10,000 up, else exact."""
    if value is None:
        return ""
    value = Decimal(value)
    sign = "−" if value < 0 else ""
    size = abs(value)
    if size >= 1_000_000:
        figure = _trimmed(size / 1_000_000, places=3)
        return f"{sign}£{figure}m"
    if size >= 10_000:
        figure = _trimmed(size / 1_000, places=1)
        return f"{sign}£{figure}k"
    return pounds(value)


def _trimmed(value: Decimal, *, places: int) -> str:
    rounded = value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    text = f"{rounded:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


# Reading amounts. The form fields and the spreadsheet import both read pounds through this, so
# "£1.2 million" means the same whether it is typed or imported.
_AMOUNT = re.compile(
    r"(?P<minus>[-−(]\s*)?£?\s*(?P<minus_after_pound>[-−]\s*)?"
    r"(?P<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
    r"\s*(?P<unit>bn|billion|m|million|k|thousand)?\b",
    re.IGNORECASE,
)
_UNITS = {
    "k": 1_000,
    "thousand": 1_000,
    "m": 1_000_000,
    "million": 1_000_000,
    "bn": 1_000_000_000,
    "billion": 1_000_000_000,
}


@dataclass(frozen=True)
class FoundAmount:
    """An amount of pounds found in some words, and where: ``start``/``end`` index the words."""

    value: Decimal
    negative: bool
    start: int
    end: int


def find_pounds(words: str) -> FoundAmount | None:
    """The first amount in ``words``: "1250000", "£1,250,000", "£3,995.50", "£1.25m", "180k",
    "£1.2 million"; ``negative`` when a minus sign or an opening bracket stands before it."""
    found = _AMOUNT.search(words)
    if found is None:
        return None
    value = Decimal(found["number"].replace(",", ""))
    if found["unit"]:
        value *= _UNITS[found["unit"].lower()]
    negative = bool(found["minus"] or found["minus_after_pound"])
    return FoundAmount(value, negative, found.start(), found.end())


# Words beside an amount that make it something other than an exact figure: a floor, a
# ceiling, an estimate to be confirmed, a range. Such an amount is printed as written and left
# out of any total the application works out (``core.savings.calculated_total``).
_NOT_EXACT = re.compile(
    r"\b(?:tbc|tbd|to be confirmed|minimum|min|maximum|max|at least|up to|approx\w*|about|"
    r"around|circa|c\.|in excess of|estimated?|range)\b|\d\s*[-–—]\s*£?\d",
    re.IGNORECASE,
)


def is_exact_figure(words: str) -> bool:
    """Whether an amount with these words beside it ("minimum", "tbc", "£700–800k") is a plain
    figure that may be added up. Blank words and a lone dash qualify nothing."""
    return not _NOT_EXACT.search(words or "")
