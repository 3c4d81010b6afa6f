"""Problems: why words that look like a date name one the calendar does not have ("There is no
31 February 2010.", "There is no fifth quarter: quarters are Q1–Q4.")."""

import calendar
from dataclasses import replace

from .grammar import Expr, Piece

_NTH = {0: "zeroth", 3: "third", 4: "fourth", 5: "fifth", 6: "sixth", 7: "seventh", 8: "eighth"}
_NTH |= {9: "ninth"}
_LONGEST_MONTH = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)  # in any year


def _days_in(year: int, month: int) -> int:
    # calendar.isleap is arithmetic, so it is safe for any year_hint; monthrange is not.
    if month == 2:
        return 29 if calendar.isleap(year) else 28
    return _LONGEST_MONTH[month - 1]


def impossible(piece: Piece, year: int | None) -> str:
    """Why ``piece`` (in ``year``, when known) is not in the calendar; "" when it may be."""
    if piece.kind in ("quarter", "fquarter") and not 1 <= piece.index <= 4:
        nth = _NTH.get(piece.index)
        which = f"{nth} quarter" if nth else f"quarter {piece.index}"
        return f"There is no {which}: quarters are Q1\u2013Q4."
    if piece.kind == "half" and not 1 <= piece.index <= 2:
        nth = _NTH.get(piece.index)
        which = f"{nth} half" if nth else f"half {piece.index}"
        return f"There is no {which} of a year: halves are H1 and H2."
    if piece.kind == "garbled":
        return "This is not a date: a day or month has three digits (read as day/month/year)."
    if piece.kind != "day":
        return ""
    if not 1 <= piece.month <= 12:
        # Without a year, "5/13" is as likely a score as a date: only a full date is refused.
        if year is None:
            return ""
        return f"Month {piece.month} does not exist: dates are read day first."
    month = calendar.month_name[piece.month]
    if year is None:
        if 1 <= piece.day <= _LONGEST_MONTH[piece.month - 1]:
            return ""
        return f"There is no {piece.day} {month}."
    if 1 <= piece.day <= _days_in(year, piece.month):
        return ""
    return f"There is no {piece.day} {month} {year}."


def expression_problem(expr: Expr, year_hint: int | None) -> str:
    """Why an expression that could not be resolved names no real date; "" when it is only
    incomplete (no year) or outside the years read, which are not mistakes to correct."""
    first, last = expr.first, expr.last
    if last is not None and first.kind == "dayonly":  # "30th and 31st Feb 2009"
        first = replace(first, kind="day", month=last.month, year=last.year)
    for piece, other in ((first, last), (last, first)):
        if piece is None:
            continue
        year = piece.year if piece.year is not None else other.year if other else None
        if message := impossible(piece, year if year is not None else year_hint):
            return message
    return ""
