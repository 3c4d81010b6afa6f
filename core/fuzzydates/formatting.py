"""Printing a FuzzyDate back in the councils' report style: "Jan 2009", "end Jul 2007",
"Q1 2009", "Apr–Jun 2007", "from Apr 2008", from its earliest/latest/precision alone, so a
FuzzyDate rebuilt from its database columns prints the same."""

from __future__ import annotations

import calendar
from datetime import date
from typing import TYPE_CHECKING

from .precision import Precision
from .years import financial_year_label, financial_year_of

if TYPE_CHECKING:
    from .values import FuzzyDate

MONTH_ABBR = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

_SEASON_NAMES = {3: "Spring", 6: "Summer", 9: "Autumn", 12: "Winter"}

_EN_DASH = "\u2013"  # ranges print as "Apr\u2013Jun 2007", as the reports do

_PART_WORDS = {
    Precision.EARLY_MONTH: "early",
    Precision.MID_MONTH: "mid",
    Precision.END_MONTH: "end",
    Precision.EARLY_YEAR: "early",
    Precision.MID_YEAR: "mid",
    Precision.END_YEAR: "end",
}


def format(value: FuzzyDate | None) -> str:
    """Print a FuzzyDate in report style, from its earliest/latest/precision (text if undated)."""
    if value is None:
        return ""
    first, last, precision = value.earliest, value.latest, value.precision
    if precision == Precision.FROM and first is not None:
        return "from " + _point_text(first, at_start=True)
    if precision == Precision.BY and last is not None:
        return "by " + _point_text(last, at_start=False)
    if first is None or last is None:
        return value.text
    match precision:
        case Precision.DAY:
            return day_text(first)
        case Precision.WEEK:
            return "w/c " + day_text(first)
        case Precision.EARLY_MONTH | Precision.MID_MONTH | Precision.END_MONTH:
            return f"{_PART_WORDS[precision]} {_month_text(first)}"
        case Precision.MONTH:
            return _month_text(first)
        case Precision.QUARTER:
            return f"Q{(first.month - 1) // 3 + 1} {first.year}"
        case Precision.FINANCIAL_QUARTER:
            quarter = (first.month - 4) % 12 // 3 + 1
            return f"Q{quarter} {financial_year_label(financial_year_of(first))}"
        case Precision.SEASON if first.month in _SEASON_NAMES:
            return f"{_SEASON_NAMES[first.month]} {first.year}"
        case Precision.HALF_YEAR:
            return f"H{1 if first.month <= 6 else 2} {first.year}"
        case Precision.EARLY_YEAR | Precision.MID_YEAR | Precision.END_YEAR:
            return f"{_PART_WORDS[precision]} {first.year}"
        case Precision.YEAR:
            return str(first.year)
        case Precision.FINANCIAL_YEAR:
            return financial_year_label(financial_year_of(first))
        case Precision.UNDATED:
            return value.text
    return _range_text(first, last)


def month_end(d: date) -> date:
    return d.replace(day=calendar.monthrange(d.year, d.month)[1])


def day_text(d: date) -> str:
    return f"{d.day} {MONTH_ABBR[d.month - 1]} {d.year}"


def _month_text(d: date) -> str:
    return f"{MONTH_ABBR[d.month - 1]} {d.year}"


def _point_text(d: date, *, at_start: bool) -> str:
    """One end of an open date: a whole month when it falls on the month's edge."""
    on_edge = d.day == 1 if at_start else d == month_end(d)
    return _month_text(d) if on_edge else day_text(d)


def _range_text(first: date, last: date) -> str:
    """A range, as whole years, financial years or months when its ends allow, else as days."""
    whole_months = first.day == 1 and last == month_end(last)
    if whole_months and first.year != last.year and (first.month, last.month) == (1, 12):
        return f"{first.year}{_EN_DASH}{last.year}"
    if whole_months and (first.month, last.month) == (4, 3) and last.year - first.year >= 2:
        return f"{financial_year_label(first.year)}{_EN_DASH}{financial_year_label(last.year - 1)}"
    if whole_months and (first.year, first.month) != (last.year, last.month):
        if first.year == last.year:
            return f"{MONTH_ABBR[first.month - 1]}{_EN_DASH}{_month_text(last)}"
        return f"{_month_text(first)}{_EN_DASH}{_month_text(last)}"
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}{_EN_DASH}{day_text(last)}"
    if first.year == last.year:
        return f"{first.day} {MONTH_ABBR[first.month - 1]}{_EN_DASH}{day_text(last)}"
    return f"{day_text(first)}{_EN_DASH}{day_text(last)}"
