"""What a heading says besides the field it names: the unit its amounts are in ("£'000", "£k",
"£m", "(£ thousands)"), the financial year it is for ("2024/25 Savings Proposed"), and words
that mean it holds something else ("In Year Pressures", "% of net budget", "Inherent
likelihood"), so that it is never taken for a field it is not.

A council's headings often run over two or three rows: a group heading above, the heading, and
a row of units under it. ``heading_rows`` gives the rows that may together be the headings.
"""

import re
from decimal import Decimal

from core import fuzzydates
from imports.values import is_blank, text, words

THOUSANDS, MILLIONS = Decimal(1000), Decimal(1_000_000)

# Units as councils write them in a heading or a row of their own.
_UNIT_RES = (
    (re.compile(r"£\s*['’]?\s*000s?|£\s*k\b|£\s*thousands?", re.I), THOUSANDS),
    (re.compile(r"£\s*m\b|£\s*millions?", re.I), MILLIONS),
)
_UNIT_ONLY_RE = re.compile(
    r"^\s*(?:\(?\s*£\s*(?:['’]?000s?|k|m|thousands?|millions?)?\s*\)?|%)\s*$", re.I
)
_YEAR_RE = re.compile(r"\b(?:19|20)\d\d\s*[/-]\s*(?:(?:19|20)\d\d|\d\d)\b")
_IN_YEAR_RE = re.compile(r"\bin[\s-]*year\b", re.IGNORECASE)
# Short forms councils write in a risk register's headings ("Resid Risk - Prob", "Resp Officer").
ABBREVIATIONS = {
    "prob": "probability",
    "resid": "residual",
    "resp": "responsible",
    "likeli": "likelihood",
    "imp": "impact",
}
_ABBREVIATION_RE = re.compile(r"\b(" + "|".join(ABBREVIATIONS) + r")\b\.?", re.I)
# A scale said in a heading: "Probability Code (1-5)", "Impact 1 to 4".
SCALE_SAID_RE = re.compile(r"\b1\s*(?:-|–|to)\s*(3|4|5|10)\b")

# Words that say a column holds something other than any field of ours, whatever else its
# heading says. Compared as words ("in year pressures").
ELSEWHERE = {
    "pressure": "a pressure is not a saving",
    "pressures": "a pressure is not a saving",
    "at risk": "an amount at risk is not a target, forecast or achievement",
    "unachieved": "an amount not achieved is not an achievement",
    "not achievable": "an amount not achievable is not an achievement",
    "not achieved": "an amount not achieved is not an achievement",
    "delayed": "an amount delayed is not an achievement",
    "variance": "a variance is worked out, not kept",
    "percentage": "a percentage is not an amount",
    "percent": "a percentage is not an amount",
    "inherent": "the inherent (before controls) rating is not kept: the current one is",
    "gross risk": "the gross (before controls) rating is not kept: the current one is",
    "original": "an original rating is not kept: the current one is",
    "previous": "a previous value is not kept: the current one is",
    "last quarter": "a previous value is not kept: the current one is",
    "target risk": "a target rating is not kept: the current one is",
    "appetite": "a risk appetite is not a rating",
    "score": "a score is worked out from likelihood and impact, not kept",
    "trend": "a trend is not a status",
    "category": "a category is neither the risk nor its area",
    "risk rating": "a risk rating is worked out from likelihood and impact, not kept",
    "unmitigated": "the unmitigated rating is not kept: the current one is",
    "before controls": "the rating before controls is not kept: the current one is",
    "month 2": "a month's report is not the achievement: the outturn is",
    "month 6": "a month's report is not the achievement: the outturn is",
    "month 9": "a month's report is not the achievement: the outturn is",
}


def unit_of(said: str) -> Decimal | None:
    """What one of a heading's amounts is worth in pounds: 1000 for "£'000", "£k" or
    "(£ thousands)", a million for "£m"; ``None`` when it names no unit."""
    for pattern, factor in _UNIT_RES:
        if pattern.search(said or ""):
            return factor
    return None


def is_unit_cell(value) -> bool:
    """A cell that holds only a unit ("£'000", "£k", "%"): part of a row of units."""
    return isinstance(value, str) and bool(_UNIT_ONLY_RE.match(value)) and value.strip() != ""


def year_of(said: str) -> int | None:
    """The financial year a heading or title names ("Savings Monitoring 2024/25"), if any."""
    for found in _YEAR_RE.finditer(said or ""):
        start = fuzzydates.parse_financial_year(found.group(0).replace(" ", ""))
        if start is not None:
            return start
    return None


def bare(said: str) -> str:
    """A heading without its unit and year, for matching: "2024/25 Savings Proposed (£'000)"
    is "Savings Proposed", "In-Year Savings" is "Savings"."""
    for pattern, _ in _UNIT_RES:
        said = pattern.sub(" ", said)
    said = _IN_YEAR_RE.sub(" ", said)  # "In-Year" says when, and is never the financial year
    said = _YEAR_RE.sub(" ", said).replace("%", " percent ")
    said = _ABBREVIATION_RE.sub(lambda found: ABBREVIATIONS[found.group(1).lower()], said)
    said = SCALE_SAID_RE.sub(" ", said)  # "Probability (1-5)" is "Probability"
    return " ".join(said.split())


def elsewhere(said: str) -> str:
    """Why a heading holds none of our fields ("a pressure is not a saving"), or ""."""
    key = f" {words(said.replace('%', ' percent '))} "
    return next((why for word, why in ELSEWHERE.items() if f" {word} " in key), "")


def heading_like(row) -> bool:
    """Whether a row could be (part of) the headings: text only, and short, or units."""
    cells = [value for value in row.values if not is_blank(value)]
    if not cells:
        return False
    return all(isinstance(value, str) and len(value) <= 80 for value in cells)


def combined(rows, width: int) -> list[str]:
    """The headings of rows read together, column by column, each column's words joined top to
    bottom ("Savings Proposed" over "£'000" is "Savings Proposed £'000")."""
    columns: list[list[str]] = [[] for _ in range(width)]
    for row in rows:
        for position in range(width):
            said = text(row.values[position]) if position < len(row.values) else ""
            if said:
                columns[position].append(said)
    return [" ".join(parts) for parts in columns]
