"""Resolution: what an expression means, as its earliest and latest day and a precision,
with the year hint, the prefix ("by", "from", "w/c"...) and the part ("end", "mid") applied."""

from dataclasses import dataclass, replace
from datetime import date, timedelta

from .formatting import month_end
from .grammar import Expr, Piece, scan
from .precision import Precision
from .problems import impossible
from .tokens import Token
from .years import in_year_window

# (first day, last day or None for the month's end, precision) of each part of a month
_MONTH_PARTS = {
    "early": (1, 10, Precision.EARLY_MONTH),
    "mid": (11, 20, Precision.MID_MONTH),
    "end": (21, None, Precision.END_MONTH),
}
# (first month, last month, precision) of each part of a year
_YEAR_PARTS = {
    "early": (1, 4, Precision.EARLY_YEAR),
    "mid": (5, 8, Precision.MID_YEAR),
    "end": (9, 12, Precision.END_YEAR),
}


@dataclass(frozen=True)
class Span:
    """What an expression means: a FuzzyDate without its words."""

    earliest: date | None
    latest: date | None
    precision: Precision


def first_date(
    tokens: list[Token], financial_quarters: bool, year_hint: int | None
) -> tuple[Span | None, int, "Expr | None"]:
    """The meaning of the first date expression, how many expressions it took (1 or 2), and the
    first expression itself."""
    expressions = scan(tokens, financial_quarters)
    first = next(expressions, None)
    if first is None:
        return None, 0, None
    span = resolve(first, year_hint)
    if span is None:
        return None, 1, first
    # Two plain dates side by side and nothing else: "April 2008 March 2009".
    second = next(expressions, None)
    if (
        second is not None
        and first.start == 0
        and second.start == first.end
        and second.end == len(tokens)
        and _is_plain(first)
        and _is_plain(second)
        and (end := resolve(second, year_hint)) is not None
        and _in_order(span, end)
    ):
        return Span(span.earliest, end.latest, Precision.RANGE), 2, first
    return span, 1, first


def _is_plain(expr: Expr) -> bool:
    return expr.prefix is None and expr.last is None and not expr.onwards


def _in_order(start: Span, end: Span) -> bool:
    return start.earliest <= end.earliest and start.latest < end.latest


def resolve(expr: Expr, year_hint: int | None, *, with_prefix: bool = True) -> Span | None:
    """What an expression means, or None if it has no year or is not a real date."""
    if expr.last is None:
        year = expr.first.year if expr.first.year is not None else year_hint
        span = _piece_span(expr.first, year)
    else:
        span = _range_span(expr.first, expr.last, year_hint, roll_over=not expr.shared_year)
    if span is None:
        return None
    prefix = expr.prefix if with_prefix else None
    if prefix is None and expr.onwards:
        prefix = "from"
    span = _apply_prefix(span, prefix)
    # Only dates whose years we would read back ("before 1900" would print "by Dec 1899").
    ends = () if span is None else (span.earliest, span.latest)
    return span if all(d is None or in_year_window(d.year) for d in ends) else None


def _range_span(
    first: Piece, last: Piece, year_hint: int | None, *, roll_over: bool
) -> Span | None:
    """Both ends of a range; a missing year comes from the other end, rolling over the new year
    between them unless the dates share one year ("21st Jan & 15th Jan" is not a range)."""
    if first.kind == "dayonly":  # "26th and 27th July 2007": the month and year come after
        first = replace(first, kind="day", month=last.month, year=last.year)
    if first.year is None and last.year is None:
        if year_hint is None:
            return None
        first = replace(first, year=year_hint)
    if first.year is None:  # "April-June 07": June 2007, and April before it
        end = _piece_span(last, last.year)
        start = _piece_span(first, last.year)
        if roll_over and start and end and start.earliest > end.earliest:
            start = _piece_span(first, last.year - 1)
    else:  # "Oct-March" with a hint: October, and the March after it
        start = _piece_span(first, first.year)
        end = _piece_span(last, last.year if last.year is not None else first.year)
        if roll_over and last.year is None and start and end and end.earliest < start.earliest:
            end = _piece_span(last, first.year + 1)
    if start is None or end is None:
        return None
    if not _in_order(start, end):  # backwards: keep the first date written
        return start
    return Span(start.earliest, end.latest, Precision.RANGE)


def _apply_prefix(span: Span, prefix: str | None) -> Span | None:
    match prefix:
        case "from" if span.precision != Precision.RANGE:  # "from X to Y" is a range
            return Span(span.earliest, None, Precision.FROM)
        case "after":
            day_after = _shift(span.latest, 1)
            return Span(day_after, None, Precision.FROM) if day_after else None
        case "by":
            return Span(None, span.latest, Precision.BY)
        case "before":
            day_before = _shift(span.earliest, -1)
            return Span(None, day_before, Precision.BY) if day_before else None
        case "week" if span.precision == Precision.DAY:
            week_end = _shift(span.earliest, 6)
            return Span(span.earliest, week_end, Precision.WEEK) if week_end else None
    return span


def _piece_span(piece: Piece, year: int | None) -> Span | None:
    """What a piece means in ``year``; None if it has no year or is not a real date."""
    if year is None or impossible(piece, year):
        return None
    match piece.kind:
        case "day":
            day = _safe_date(year, piece.month, piece.day)
            span = Span(day, day, Precision.DAY) if day else None
        case "month":
            span = _months(year, piece.month, 1, Precision.MONTH)
        case "season":
            span = _months(year, piece.month, 3, Precision.SEASON)
        case "quarter":
            span = _months(year, 3 * piece.index - 2, 3, Precision.QUARTER)
        case "fquarter":  # Q1 of 2009/10 starts in April 2009
            span = _months(year, 3 * piece.index + 1, 3, Precision.FINANCIAL_QUARTER)
        case "half":
            span = _months(year, 6 * piece.index - 5, 6, Precision.HALF_YEAR)
        case "year":
            span = _months(year, 1, 12, Precision.YEAR)
        case "fyear":
            span = _months(year, 4, 12, Precision.FINANCIAL_YEAR)
        case _:  # a lone day ("26th") means nothing without its month
            return None
    return _apply_part(span, piece.part) if span and piece.part else span


def _apply_part(span: Span, part: str) -> Span | None:
    """Narrow a month to early/mid/end or a week of it, a year to early/mid/end."""
    first = span.earliest
    if span.precision == Precision.MONTH and part in _MONTH_PARTS:
        start_day, end_day, precision = _MONTH_PARTS[part]
        last = first.replace(day=end_day) if end_day else span.latest
        return Span(first.replace(day=start_day), last, precision)
    if span.precision == Precision.MONTH and part.startswith("week"):
        if part == "weeklast":
            return Span(span.latest - timedelta(days=6), span.latest, Precision.WEEK)
        start = first.replace(day=7 * int(part[-1]) - 6)
        return Span(start, start + timedelta(days=6), Precision.WEEK)
    if span.precision == Precision.YEAR and part in _YEAR_PARTS:
        first_month, last_month, precision = _YEAR_PARTS[part]
        return _months(first.year, first_month, last_month - first_month + 1, precision)
    return span  # no narrower precision for a part of a quarter, season, financial year, day


def _months(year: int, month: int, count: int, precision: Precision) -> Span | None:
    """``count`` whole months from ``month`` of ``year`` (month may run past 12)."""
    first = _safe_date(year + (month - 1) // 12, (month - 1) % 12 + 1, 1)
    end_year, end_month = divmod(year * 12 + month - 1 + count - 1, 12)
    last_first = _safe_date(end_year, end_month + 1, 1)
    if first is None or last_first is None:
        return None
    return Span(first, month_end(last_first), precision)


def _safe_date(year: int, month: int, day: int) -> date | None:
    """The date, or None for "31/02/2009", "32nd May" or a year outside what ``date`` holds."""
    try:
        return date(year, month, day)
    except (ValueError, OverflowError):
        return None


def _shift(d: date, days: int) -> date | None:
    try:
        return d + timedelta(days=days)
    except OverflowError:  # a year_hint near 9999
        return None
