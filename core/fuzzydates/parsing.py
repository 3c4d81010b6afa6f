"""Reading one date (``parse``) or a financial year written alone (``parse_financial_year``)."""

import re

from .precision import Precision
from .problems import expression_problem
from .resolution import first_date
from .tokens import clean_text, tokenise
from .values import FuzzyDate
from .years import financial_year_start, in_year_window


def parse(
    text: str | None, *, quarters: str = "calendar", year_hint: int | None = None
) -> FuzzyDate:
    """Read the first date expression in ``text``; UNDATED (never an error) if there is none, with
    a ``problem`` when that expression is a date the calendar does not have."""
    raw = (text or "").strip()
    tokens = tokenise(clean_text(raw))
    span, _, first = first_date(tokens, financial_quarters(quarters), year_hint)
    if span is None:
        problem = expression_problem(first, year_hint) if first is not None else ""
        return FuzzyDate(raw, None, None, Precision.UNDATED, problem)
    return FuzzyDate(raw, span.earliest, span.latest, span.precision)


def parse_financial_year(text: str) -> int | None:
    """The start year of a financial year written alone: "2009/10", "09/10", "FY 15/16", "2008-9".

    More lenient than ``parse()`` because the caller knows a financial year is meant: "2009-2010"
    is accepted here (``parse()`` reads it as a range of two calendar years).
    """
    clean = clean_text(text or "")
    if match := _FY_TEXT_RE.fullmatch(clean):
        return financial_year_start(match["first"], match["second"])
    if (match := _FY_YEAR_RE.fullmatch(clean)) and in_year_window(int(match["year"])):
        return int(match["year"])
    return None


def financial_quarters(quarters: str) -> bool:
    if quarters not in ("calendar", "financial"):
        raise ValueError(f'quarters must be "calendar" or "financial", not {quarters!r}')
    return quarters == "financial"


_FY_TEXT_RE = re.compile(
    r"(?:fy|financial year)?\s*(?P<first>\d{4}|\d{2})\s*[/-]\s*(?P<second>\d{1,4})"
    r"\s*(?:fy|financial year)?",
    re.IGNORECASE | re.ASCII,
)
_FY_YEAR_RE = re.compile(r"fy\s*(?P<year>\d{4})", re.IGNORECASE | re.ASCII)
