"""Dates as people write them in programme reports: "January '09", "end July 2007", "TBC".

``parse()`` turns the words into a :class:`FuzzyDate`: the words themselves, the earliest and latest
day they can mean, and a :class:`Precision` saying what kind of date it is. ``format()`` prints a
FuzzyDate back in the councils' own report style ("Jan 2009", "end Jul 2007", "Q1 2009") from the
earliest/latest/precision alone, so a FuzzyDate rebuilt from its four database columns prints the
same. ``parse_slippage()`` reads a completion cell that carries its history ("December '09 Extended
to March 2010 Extended to June 2010"). Nothing here ever raises on words it cannot read: they are
kept as text with no date (``Precision.UNDATED``). Words that look like a date the calendar does not
have ("31/02/2010", "Q5 2010") are undated too, and say why in ``FuzzyDate.problem`` ("There is no
31 February 2010."), so that a form can ask for a correction and an import can warn; words with
no date in them at all ("TBC", "Ongoing") have no problem.

Conventions
-----------
* Day before month, always: "8/05/07" is 8 May 2007, "21.01.10" is 21 January 2010.
* Two-digit years: 00-69 are 2000-2069, 70-99 are 1970-1999 ("'09", "07", "Sep 09").
  A bare two-digit number after a month name is a year ("March 10" is March 2010, as in the
  reports); one digit or an ordinal is a day ("March 5", "March 10th").
* Four-digit years are read only in 1900-2099, and a date must fall inside those years (whatever
  the year_hint): "1500 hours" is not a date, "1/1/1850" and "before 1900" are undated.
* Part of a month: early = days 1-10, mid = 11-20, end/late = 21 to the last day.
  Part of a year ("end 2009", "mid 2010", "early in 2009"): early = Jan-Apr, mid = May-Aug,
  end/late = Sep-Dec. A part of anything else ("end Q1 2009", "end of 2008/09") keeps the whole.
* "Third Week February 2007" (first/second/third/fourth/last week of a month) is a WEEK of seven
  days: days 15-21; "last week" is the last seven days of the month.
* Seasons: Spring = Mar-May, Summer = Jun-Aug, Autumn/Fall = Sep-Nov, Winter = Dec to Feb of the
  next year ("Winter 2009" and "Winter 2009/10" are Dec 2009-Feb 2010).
* Quarters: with ``quarters="calendar"`` (the default) "Q1 2009" is Jan-Mar 2009; with
  ``quarters="financial"`` it is Q1 of 2009/10, Apr-Jun 2009. A quarter written against a financial
  year ("Q2 13/14", "Q4 2009/10", "first quarter of 2008/09") is always financial.
* Financial years run April to March and are written "2009/10", "2009-10", "09/10", "2008-9",
  "FY 15/16", "2009/2010"; "FY 2016" is the year starting April 2016. Two two-digit numbers that
  follow each other ("11/12") are a financial year, never 11 December.
* Only a year that is written (or ``year_hint``) is used: "October", "Autumn" and "21st Jan" are
  UNDATED without a hint. In a range the missing year comes from the other end ("April-June 07",
  "26th and 27th July 2007"), rolling over the new year when needed ("Oct-March" with
  ``year_hint=2008`` is Oct 2008-Mar 2009; ``year_hint`` is the year of the first date written).
* "by X" and "until X" are BY X's last day; "before X" is BY the day before X begins.
  "from X", "starting X", "X onwards" are FROM X's first day; "after X" is FROM the day after X.
  "w/c", "w/b", "week commencing" make a WEEK of the seven days from the given day.
* Ranges: "April-June 07", "July - August 2007", "2008 - 2010", "2008/09 to 2010/11",
  "from X to Y", "between X and Y"; "and"/"&" join two dates only when the first has no year of
  its own ("26th and 27th July 2007", "April and May 2010"), so "March 10 and presented" is not a
  range. A whole text of exactly two dates side by side ("April 2008 March 2009") is a range too.
  A range whose end is not after its start is read as its first date alone.
* Text holding more than a date ("October '09 for reporting to CSG 18 November '09") is read as
  its first date expression, and the words are kept whole. If that first expression cannot be
  resolved ("Update on 12 July" with no year, "31/02/2009", "32nd May") the result is UNDATED:
  a later date in the text is not silently taken in its place.
* The word "may" is the month only next to a day or year, or after words that introduce a date
  ("by May", "end May", "April and May"); "fall" is the season only with a year.
* Simple HTML (<sup>, <b>, <i>, <u>, <p>, ...) and entities (&amp;) are ignored: "4<sup>th</sup>
  Nov" is "4th Nov".
"""

import calendar
import html
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from enum import StrEnum

__all__ = [
    "DateMove",
    "FuzzyDate",
    "Precision",
    "Slippage",
    "financial_year_label",
    "financial_year_of",
    "format",
    "parse",
    "parse_financial_year",
    "parse_slippage",
]


class Precision(StrEnum):
    """What kind of date the words mean. Values are stored in a database column (max 20 chars)."""

    DAY = "day"
    WEEK = "week"  # seven days from the first: "w/c 2-7-07", "Third Week February 2007"
    EARLY_MONTH = "early_month"  # days 1-10
    MID_MONTH = "mid_month"  # days 11-20
    END_MONTH = "end_month"  # day 21 to the end: "end July", "late July"
    MONTH = "month"
    QUARTER = "quarter"  # calendar: Q1 = Jan-Mar
    FINANCIAL_QUARTER = "financial_quarter"  # Q1 = Apr-Jun
    SEASON = "season"
    HALF_YEAR = "half_year"  # "H1 2009", "second half of 2009"
    EARLY_YEAR = "early_year"  # Jan-Apr: "early 2009", "early in 2009"
    MID_YEAR = "mid_year"  # May-Aug: "mid 2010"
    END_YEAR = "end_year"  # Sep-Dec: "end 2009", "end of 2008", "late in 2009"
    YEAR = "year"
    FINANCIAL_YEAR = "financial_year"  # April-March: "2009/10"
    RANGE = "range"  # "April-June 07", "April 2008 March 2009"
    FROM = "from"  # earliest set, latest None
    BY = "by"  # latest set, earliest None
    UNDATED = "undated"  # "TBC", "Ongoing", words with no date we can read


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
        return cls(_day_text(d), d, d, Precision.DAY)


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


# --------------------------------------------------------------------------------------------------
# Public functions


def parse(
    text: str | None, *, quarters: str = "calendar", year_hint: int | None = None
) -> FuzzyDate:
    """Read the first date expression in ``text``; UNDATED (never an error) if there is none, with
    a ``problem`` when that expression is a date the calendar does not have."""
    raw = (text or "").strip()
    tokens = _tokenise(_clean(raw))
    span, _, first = _first_date(tokens, _financial_quarters(quarters), year_hint)
    if span is None:
        problem = _problem(first, year_hint) if first is not None else ""
        return FuzzyDate(raw, None, None, Precision.UNDATED, problem)
    return FuzzyDate(raw, span.earliest, span.latest, span.precision)


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
            return _day_text(first)
        case Precision.WEEK:
            return "w/c " + _day_text(first)
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


def parse_slippage(
    text: str | None, *, quarters: str = "calendar", year_hint: int | None = None
) -> Slippage:
    """Read a date cell with its history: "January '10 Deadline extended to May '10".

    The first date written is the original and each later date joined to it by words of moving
    ("extended to", "revised to", "now", ...) or by nothing at all ("24/04/07 30/04/07") is a
    change, in order. "X moved from Y" (words ending in "from", or "was"/"originally Y") puts Y
    before X. Reading stops at the first date joined by other words ("October '09 for reporting
    to CSG 18 November '09" has no change). With no change the original is ``parse(text)``;
    otherwise each date's text is its own words ("December '09"). A move to a date that does not
    exist ("Dec '09 extended to 31/02/2010") leaves the whole text undated, with its ``problem``.
    """
    whole = parse(text, quarters=quarters, year_hint=year_hint)
    clean = _clean((text or "").strip())
    tokens = _tokenise(clean)
    financial = _financial_quarters(quarters)
    span, used, _ = _first_date(tokens, financial, year_hint)
    if span is None or used > 1:  # undated, or the whole text is one range of two dates
        return Slippage(whole, ())

    first, *later = _scan(tokens, financial)
    history = [(_fuzzy(clean, tokens, first, span), "")]
    written = 0  # where in ``history`` the last date written sits
    previous_end = first.end
    for expr in later:
        words = _words_between(clean, tokens, previous_end, expr.core_start)
        if not _is_move(words):
            break
        moved = _resolve(expr, year_hint, with_prefix=False)
        if moved is None:
            if problem := _problem(expr, year_hint):
                return Slippage(FuzzyDate(whole.text, None, None, Precision.UNDATED, problem), ())
            break
        new = _fuzzy(clean, tokens, expr, moved, from_core=True)
        if _is_reversed(words):
            # "X moved from Y": Y came first and X is the move away from it.
            later_date, later_words = history[written]
            history[written] = (new, later_words)
            history.insert(written + 1, (later_date, words))
        else:
            history.append((new, words))
            written = len(history) - 1
        previous_end = expr.end

    if len(history) == 1:
        return Slippage(whole, ())
    return Slippage(history[0][0], tuple(DateMove(d, w) for d, w in history[1:]))


def financial_year_of(d: date) -> int:
    """The start year of the April-March financial year holding ``d``."""
    return d.year if d.month >= 4 else d.year - 1


def financial_year_label(start_year: int) -> str:
    """2009 -> "2009/10", 1999 -> "1999/00"."""
    return f"{start_year}/{(start_year + 1) % 100:02d}"


def parse_financial_year(text: str) -> int | None:
    """The start year of a financial year written alone: "2009/10", "09/10", "FY 15/16", "2008-9".

    More lenient than ``parse()`` because the caller knows a financial year is meant: "2009-2010"
    is accepted here (``parse()`` reads it as a range of two calendar years).
    """
    clean = _clean(text or "")
    if match := _FY_TEXT_RE.fullmatch(clean):
        return _financial_year_start(match["first"], match["second"])
    if (match := _FY_YEAR_RE.fullmatch(clean)) and _in_year_window(int(match["year"])):
        return int(match["year"])
    return None


# --------------------------------------------------------------------------------------------------
# Words, months and formatting

_MONTH_ABBR = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_MONTHS = {name.lower(): number for number, name in enumerate(_MONTH_ABBR, start=1)}
_MONTHS |= {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
_MONTHS |= {"sept": 9, "febuary": 2}  # "11 Sept. 2007"; a common misspelling


_SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}  # first month
_SEASON_NAMES = {3: "Spring", 6: "Summer", 9: "Autumn", 12: "Winter"}

_EN_DASH = "\u2013"  # ranges print as "Apr\u2013Jun 2007", as the reports do

_ORDINAL_WORDS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6}

_PART_WORDS = {
    Precision.EARLY_MONTH: "early",
    Precision.MID_MONTH: "mid",
    Precision.END_MONTH: "end",
    Precision.EARLY_YEAR: "early",
    Precision.MID_YEAR: "mid",
    Precision.END_YEAR: "end",
}
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


def _month_end(d: date) -> date:
    return d.replace(day=calendar.monthrange(d.year, d.month)[1])


def _day_text(d: date) -> str:
    return f"{d.day} {_MONTH_ABBR[d.month - 1]} {d.year}"


def _month_text(d: date) -> str:
    return f"{_MONTH_ABBR[d.month - 1]} {d.year}"


def _point_text(d: date, *, at_start: bool) -> str:
    """One end of an open date: a whole month when it falls on the month's edge."""
    on_edge = d.day == 1 if at_start else d == _month_end(d)
    return _month_text(d) if on_edge else _day_text(d)


def _range_text(first: date, last: date) -> str:
    """A range, as whole years, financial years or months when its ends allow, else as days."""
    whole_months = first.day == 1 and last == _month_end(last)
    if whole_months and first.year != last.year and (first.month, last.month) == (1, 12):
        return f"{first.year}{_EN_DASH}{last.year}"
    if whole_months and (first.month, last.month) == (4, 3) and last.year - first.year >= 2:
        return f"{financial_year_label(first.year)}{_EN_DASH}{financial_year_label(last.year - 1)}"
    if whole_months and (first.year, first.month) != (last.year, last.month):
        if first.year == last.year:
            return f"{_MONTH_ABBR[first.month - 1]}{_EN_DASH}{_month_text(last)}"
        return f"{_month_text(first)}{_EN_DASH}{_month_text(last)}"
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}{_EN_DASH}{_day_text(last)}"
    if first.year == last.year:
        return f"{first.day} {_MONTH_ABBR[first.month - 1]}{_EN_DASH}{_day_text(last)}"
    return f"{_day_text(first)}{_EN_DASH}{_day_text(last)}"


def _financial_quarters(quarters: str) -> bool:
    if quarters not in ("calendar", "financial"):
        raise ValueError(f'quarters must be "calendar" or "financial", not {quarters!r}')
    return quarters == "financial"


def _in_year_window(year: int) -> bool:
    """Four-digit years we read as years: "1500 hours" is not a date."""
    return 1900 <= year <= 2099


def _two_digit_year(yy: int) -> int:
    return 2000 + yy if yy < 70 else 1900 + yy


def _financial_year_start(first: str, second: str) -> int | None:
    """The start year if ``first``/``second`` are consecutive years ("2009"/"10", "08"/"09")."""
    if len(first) == 4 and _in_year_window(int(first)):
        start = int(first)
    elif len(first) == 2 and len(second) == 2:
        start = _two_digit_year(int(first))
    else:
        return None
    if len(second) == 4:
        return start if int(second) == start + 1 else None
    if len(second) <= 2:
        return start if int(second) == (start + 1) % 10 ** len(second) else None
    return None


_FY_TEXT_RE = re.compile(
    r"(?:fy|financial year)?\s*(?P<first>\d{4}|\d{2})\s*[/-]\s*(?P<second>\d{1,4})"
    r"\s*(?:fy|financial year)?",
    re.IGNORECASE | re.ASCII,
)
_FY_YEAR_RE = re.compile(r"fy\s*(?P<year>\d{4})", re.IGNORECASE | re.ASCII)


# --------------------------------------------------------------------------------------------------
# Clean-up and tokens

_INLINE_TAG_RE = re.compile(r"</?(?:sup|sub|b|i|u|em|strong|span|font)\b[^<>]*>", re.IGNORECASE)
_TAG_RE = re.compile(r"<[^<>]*>")
_SPACE_RE = re.compile(r"\s+")
# Dashes and quote marks as Word types them: en and em dashes, curly apostrophes, primes.
_DASHES_AND_QUOTES = str.maketrans(
    "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2018\u2019\u201b\u2032`\u00b4",
    "-------''''''",
)


def _clean(text: str) -> str:
    """Text without markup, with plain dashes and apostrophes and single spaces."""
    text = _INLINE_TAG_RE.sub("", text)  # "4<sup>th</sup>" is one word
    text = html.unescape(_TAG_RE.sub(" ", text))  # "<p>" and "<br>" separate words
    return _SPACE_RE.sub(" ", text.translate(_DASHES_AND_QUOTES)).strip()


_TOKEN_RE = re.compile(
    r"""
      (?P<junk> £\ ?\d[\d,]*(?:\.\d+)?(?:bn|k|m)?\b | \d+(?:\.\d+)?\ ?% )  # money and percentages
    | (?P<iso> (?<!\d)\d{4}-\d{1,2}-\d{1,2}(?!\d) )                         # 2009-01-31
    | (?P<dmy> (?<!\d)\d{1,2}(?P<sep>[/.-])\d{1,2}(?P=sep)(?:\d{4}|\d{2})(?!\d) )  # 19/12/06
    | (?P<pair> (?<!\d)(?:\d{4}/\d{4}|\d{4}[/-]\d{1,2}|\d{1,2}/\d{1,2})(?![\d/]) )  # 2009/10, 12/7
    | (?P<ordinal> (?<!\d)\d{1,2}\ ?(?:st|nd|rd|th)(?![a-z]) )            # 26th, "26 th"
    | (?P<yy> '\d{2}(?!\d) )                                                # '09
    | (?P<number> \d+ )
    | (?P<wc> w/[cb](?![a-z]) )                                             # w/c, w/b
    | (?P<word> [a-z]+ )
    | (?P<dash> - )
    | (?P<punct> \S )
    """,
    re.VERBOSE | re.IGNORECASE | re.ASCII,
)


@dataclass(frozen=True)
class _Token:
    kind: str
    text: str  # lower case
    start: int  # offsets in the cleaned text
    end: int


def _tokenise(clean: str) -> list[_Token]:
    tokens = []
    for match in _TOKEN_RE.finditer(clean):
        kind, text, start = match.lastgroup or "punct", match.group().lower(), match.start()
        first, _, second = text.partition("-")
        if kind == "pair" and second and _financial_year_start(first, second) is None:
            # Not a financial year, so a number, a dash and a number: "30 Dec 2009-2 Jan 2010".
            middle = start + len(first)
            tokens.append(_Token("number", first, start, middle))
            tokens.append(_Token("dash", "-", middle, middle + 1))
            tokens.append(_Token("number", second, middle + 1, match.end()))
        else:
            tokens.append(_Token(kind, text, start, match.end()))
    return tokens


# --------------------------------------------------------------------------------------------------
# Grammar: tokens -> expressions made of pieces (a date whose year may still be missing)


@dataclass(frozen=True)
class _Piece:
    kind: str  # day | dayonly | month | season | quarter | fquarter | half | year | fyear
    year: int | None = None  # for fquarter and fyear: the financial year's start year
    month: int | None = None  # for season: its first month
    day: int | None = None
    index: int | None = None  # the quarter or half
    part: str | None = None  # early | mid | end | week1..week4 | weeklast


@dataclass(frozen=True)
class _Expr:
    prefix: str | None  # from | after | by | before | week | between
    first: _Piece
    last: _Piece | None  # the end of a range
    shared_year: bool  # joined by "and": both dates in the one year written
    onwards: bool
    start: int  # token indexes; the expression without its prefix starts at core_start
    core_start: int
    end: int


# Words after which a bare "may" is the month, not the verb.
_MAY_LEADS = {"the", "of", "in", "end", "mid", "early", "late", "by", "from", "before", "after"}
_MAY_LEADS |= {"until", "till", "to", "and", "starting", "commencing", "between", "through"}
_RANGE_WORDS = {"to", "until", "till", "through", "thru"}


class _Grammar:
    """Recursive descent over tokens. Each method takes a token index and returns what it read
    and the index after it, or None when the tokens there are not that kind of thing."""

    def __init__(self, tokens: list[_Token], financial_quarters: bool):
        self.tokens = tokens
        self.financial_quarters = financial_quarters

    def _kind(self, i: int) -> str | None:
        return self.tokens[i].kind if 0 <= i < len(self.tokens) else None

    def _word(self, i: int) -> str | None:
        return self.tokens[i].text if self._kind(i) == "word" else None

    def _skip(self, i: int, *words: str) -> int:
        return i + 1 if self._word(i) in words else i

    def _is_punct(self, i: int, char: str) -> bool:
        return self._kind(i) == "punct" and self.tokens[i].text == char

    def _number(self, i: int, max_digits: int) -> int | None:
        """A plain number or an ordinal ("26th") of at most ``max_digits`` digits."""
        if self._kind(i) not in ("number", "ordinal"):
            return None
        digits = self.tokens[i].text.rstrip("stndrh ")
        return int(digits) if len(digits) <= max_digits else None

    def _ordinal(self, i: int) -> int | None:
        """ "third" or "3rd"."""
        if self._kind(i) == "ordinal":
            return self._number(i, 2)
        return _ORDINAL_WORDS.get(self._word(i) or "")

    # expression := prefix? span "onwards"?
    def expression(self, i: int) -> _Expr | None:
        prefix, j = self._prefix(i)
        span = self._span(j, joins_with_and=prefix == "between")
        if span is None:
            return None
        first, last, shared_year, k = span
        onwards = self._word(k) in ("onwards", "onward")
        return _Expr(prefix, first, last, shared_year, onwards, i, j, k + onwards)

    def _prefix(self, i: int) -> tuple[str | None, int]:
        word = self._word(i)
        if self._kind(i) == "wc":
            return "week", i + 1
        if word == "week" and self._word(i + 1) in ("commencing", "beginning", "starting"):
            return "week", i + 2
        if word in ("starting", "commencing"):
            return "from", self._skip(i + 1, "from", "in", "on")
        if word in ("until", "till"):
            return "by", i + 1
        if word in ("no", "not") and (self._word(i + 1), self._word(i + 2)) == ("later", "than"):
            return "by", i + 3
        if word in ("from", "after", "by", "before", "between"):
            return word, i + 1
        return None, i

    # span := single (connector single)?
    def _span(self, i: int, joins_with_and: bool) -> tuple[_Piece, _Piece | None, bool, int] | None:
        """One date, or a range of two; the flag says they were joined by "and"."""
        single = self._single(i)
        if single is None:
            return None
        first, j = single
        connector = self._word(j) in _RANGE_WORDS or self._kind(j) == "dash"
        # "and" shares the year written after it: "26th and 27th July 2007", "April and May 2010"
        shared_year = self._word(j) == "and" or self._is_punct(j, "&")
        if shared_year:
            connector = first.year is None or joins_with_and
        after = self._skip(j + 1, "to") if self._word(j) == "through" else j + 1  # "through to"
        if connector and (second := self._single(after)) is not None:
            last, k = second
            if last.kind != "dayonly" and (first.kind != "dayonly" or last.kind == "day"):
                return first, last, shared_year, k
        if first.kind == "dayonly":  # "20 individual opportunities", "Stage 0-1"
            return None
        return first, None, False, j

    # single := "the"? qualifier? core
    def _single(self, i: int) -> tuple[_Piece, int] | None:
        part, j = self._qualifier(self._skip(i, "the"))
        core = self._core(j)
        if core is None:
            return None
        piece, k = core
        return (replace(piece, part=part) if part else piece), k

    def _qualifier(self, i: int) -> tuple[str | None, int]:
        word, following = self._word(i), self._word(i + 1)
        if word in ("early", "mid", "late", "end"):
            part, j = ("end" if word == "late" else word), i + 1
        elif word in ("beginning", "start", "middle") and following == "of":
            part, j = ("mid" if word == "middle" else "early"), i + 1
        elif following == "week" and word == "last":
            part, j = "weeklast", i + 2
        elif following == "week" and (n := self._ordinal(i)) is not None:
            if not 1 <= n <= 4:
                return None, i
            part, j = f"week{n}", i + 2
        else:
            return None, i
        if self._kind(j) == "dash":  # "mid-April"
            j += 1
        return part, self._skip(self._skip(j, "of", "in"), "the")

    def _core(self, i: int) -> tuple[_Piece, int] | None:
        kind, word = self._kind(i), self._word(i)
        if kind in ("dmy", "iso"):
            return self._numeric_date(i), i + 1
        if kind == "pair":
            return self._pair(i)
        if word in ("fy", "financial"):
            return self._financial_year(i)
        if word in ("q", "h", "quarter", "half") or self._word(i + 1) in ("quarter", "half"):
            return self._quarter_or_half(i)
        if word in _SEASONS:
            return self._season(i)
        if word in _MONTHS:
            return self._month_first(i)
        if (year := self._four_digit_year(i)) is not None:
            return _Piece("year", year=year), i + 1
        if kind in ("number", "ordinal"):
            return self._day_first(i)
        return None

    def _numeric_date(self, i: int) -> _Piece:
        """ "19/12/06", "21.01.10", "26-6-07", "2009-01-31"."""
        parts = re.split(r"[/.-]", self.tokens[i].text)
        if self.tokens[i].kind == "iso":
            year, month, day = (int(p) for p in parts)
        else:
            day, month, year = (int(p) for p in parts)
            if len(parts[2]) == 2:
                year = _two_digit_year(year)
        return _Piece("day", year=year, month=month, day=day)

    def _pair(self, i: int) -> tuple[_Piece, int] | None:
        first, second = re.split(r"[/-]", self.tokens[i].text)
        if (start := _financial_year_start(first, second)) is not None:
            return _Piece("fyear", year=start), i + 1
        if len(first) <= 2 and len(second) <= 2 and "/" in self.tokens[i].text:  # "24/7"
            return _Piece("day", month=int(second), day=int(first)), i + 1
        return None  # "2009/11": not a financial year and not a day

    def _financial_year(self, i: int) -> tuple[_Piece, int] | None:
        """ "FY 15/16", "financial year 2009/10", "FY 2016" (the year from April 2016)."""
        j = self._after_fy_words(i)
        start = self._financial_year_number(j) if j != i else None
        return (_Piece("fyear", year=start), j + 1) if start is not None else None

    def _after_fy_words(self, i: int) -> int:
        """The index after "FY" or "financial year" at ``i``; ``i`` if neither is there."""
        if self._word(i) == "fy":
            return i + 1
        if (self._word(i), self._word(i + 1)) == ("financial", "year"):
            return i + 2
        return i

    def _financial_year_number(self, i: int) -> int | None:
        """The start year of "2009/10" or "09/10", or a four-digit year ("FY 2016")."""
        if self._kind(i) == "pair":
            return _financial_year_start(*re.split(r"[/-]", self.tokens[i].text))
        return self._four_digit_year(i)

    def _four_digit_year(self, i: int) -> int | None:
        text = self.tokens[i].text if self._kind(i) == "number" else ""
        return int(text) if len(text) == 4 and _in_year_window(int(text)) else None

    def _quarter_or_half(self, i: int) -> tuple[_Piece, int] | None:
        """ "Q1 2009", "quarter 2", "first quarter of 2008/09", "H1 2009", "second half 2009"."""
        word = self._word(i)
        if word in ("q", "quarter", "h", "half"):
            noun = "half" if word in ("h", "half") else "quarter"
            number = self._number(i + 1, 1) if self._kind(i + 1) == "number" else None
        else:
            noun = self._word(i + 1)
            number = (4 if noun == "quarter" else 2) if word == "last" else self._ordinal(i)
        if number is None:
            return None
        # A number out of range is kept when a year follows ("Q5 2010"), to be refused with a
        # problem rather than skipped (which would leave "2010" to be read as the whole year).
        in_range = 1 <= number <= (4 if noun == "quarter" else 2)
        j = self._skip(self._skip(i + 2, "of"), "the")
        if noun == "half":
            if year := self._year(j):
                return _Piece("half", year=year[0], index=number), year[1]
            return (_Piece("half", index=number), i + 2) if in_range else None
        # A quarter of a financial year is financial whatever the setting: "Q2 13/14".
        fy_at = self._after_fy_words(j)
        start = self._financial_year_number(fy_at)
        if start is not None and (fy_at != j or self._kind(j) == "pair"):
            return _Piece("fquarter", year=start, index=number), fy_at + 1
        kind = "fquarter" if self.financial_quarters else "quarter"
        if year := self._year(j):
            return _Piece(kind, year=year[0], index=number), year[1]
        return (_Piece(kind, index=number), i + 2) if in_range else None

    def _season(self, i: int) -> tuple[_Piece, int] | None:
        word = self._word(i)
        j = self._skip(i + 1, "of")
        if year := self._year(j):
            return _Piece("season", year=year[0], month=_SEASONS[word]), year[1]
        if word == "winter" and self._kind(j) == "pair":  # "Winter 2009/10"
            start = self._financial_year_number(j)
            if start is not None:
                return _Piece("season", year=start, month=12), j + 1
        if word == "fall":  # the verb far more often than the season
            return None
        return _Piece("season", month=_SEASONS[word]), i + 1

    def _month_first(self, i: int) -> tuple[_Piece, int] | None:
        """ "January '09", "Sep 09", "March 10" (2010), "July 26th, 2007", "March 10th", "Dec."."""
        month = _MONTHS[self._word(i)]
        j = i + 2 if self._is_punct(i + 1, ".") else i + 1
        day = self._number(j, 2)
        if day is not None:
            after_comma = j + 2 if self._is_punct(j + 1, ",") else j + 1
            if year := self._year(after_comma, two_digit=False):  # "July 26th, 2007"
                return _Piece("day", year=year[0], month=month, day=day), year[1]
            if self._kind(j) == "ordinal" or len(self.tokens[j].text) == 1:  # "March 10th"
                return _Piece("day", month=month, day=day), j + 1
        if year := self._year(j):
            return _Piece("month", year=year[0], month=month), year[1]
        if month == 5 and not self._may_is_month(i):
            return None
        return _Piece("month", month=month), j

    def _day_first(self, i: int) -> tuple[_Piece, int] | None:
        """ "26th March 2010", "1 Dec. 2007", "31 August '09", "4th Nov", or a lone day ("26th")."""
        day = self._number(i, 2)
        if day is None:
            return None
        j = self._skip(i + 1, "of")
        if self._word(j) not in _MONTHS:
            return _Piece("dayonly", day=day), i + 1
        month = _MONTHS[self._word(j)]
        j = j + 2 if self._is_punct(j + 1, ".") else j + 1
        after_comma = j + 1 if self._is_punct(j, ",") else j
        if year := self._year(after_comma):
            return _Piece("day", year=year[0], month=month, day=day), year[1]
        return _Piece("day", month=month, day=day), j

    def _year(self, i: int, two_digit: bool = True) -> tuple[int, int] | None:
        """A year: 2009, '09, or (when ``two_digit``) a bare 09."""
        if (year := self._four_digit_year(i)) is not None:
            return year, i + 1
        kind, text = self._kind(i), self.tokens[i].text if self._kind(i) else ""
        if kind == "yy" or (kind == "number" and two_digit and len(text) == 2):
            return _two_digit_year(int(text.lstrip("'"))), i + 1
        return None

    def _may_is_month(self, i: int) -> bool:
        if i == 0 or self._kind(i - 1) == "dash" or self._is_punct(i - 1, "&"):
            return True
        return self._word(i - 1) in _MAY_LEADS


def _scan(tokens: list[_Token], financial_quarters: bool) -> Iterator[_Expr]:
    """Every date expression in the tokens, left to right, none overlapping."""
    grammar = _Grammar(tokens, financial_quarters)
    i = 0
    while i < len(tokens):
        expr = grammar.expression(i)
        if expr is None:
            i += 1
        else:
            yield expr
            i = expr.end


# --------------------------------------------------------------------------------------------------
# Resolution: pieces -> earliest, latest, precision


@dataclass(frozen=True)
class _Span:
    """What an expression means: a FuzzyDate without its words."""

    earliest: date | None
    latest: date | None
    precision: Precision


def _first_date(
    tokens: list[_Token], financial_quarters: bool, year_hint: int | None
) -> tuple[_Span | None, int, "_Expr | None"]:
    """The meaning of the first date expression, how many expressions it took (1 or 2), and the
    first expression itself."""
    expressions = _scan(tokens, financial_quarters)
    first = next(expressions, None)
    if first is None:
        return None, 0, None
    span = _resolve(first, year_hint)
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
        and (end := _resolve(second, year_hint)) is not None
        and _in_order(span, end)
    ):
        return _Span(span.earliest, end.latest, Precision.RANGE), 2, first
    return span, 1, first


def _is_plain(expr: _Expr) -> bool:
    return expr.prefix is None and expr.last is None and not expr.onwards


def _in_order(start: _Span, end: _Span) -> bool:
    return start.earliest <= end.earliest and start.latest < end.latest


def _resolve(expr: _Expr, year_hint: int | None, *, with_prefix: bool = True) -> _Span | None:
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
    return span if all(d is None or _in_year_window(d.year) for d in ends) else None


def _range_span(
    first: _Piece, last: _Piece, year_hint: int | None, *, roll_over: bool
) -> _Span | None:
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
    return _Span(start.earliest, end.latest, Precision.RANGE)


def _apply_prefix(span: _Span, prefix: str | None) -> _Span | None:
    match prefix:
        case "from" if span.precision != Precision.RANGE:  # "from X to Y" is a range
            return _Span(span.earliest, None, Precision.FROM)
        case "after":
            day_after = _shift(span.latest, 1)
            return _Span(day_after, None, Precision.FROM) if day_after else None
        case "by":
            return _Span(None, span.latest, Precision.BY)
        case "before":
            day_before = _shift(span.earliest, -1)
            return _Span(None, day_before, Precision.BY) if day_before else None
        case "week" if span.precision == Precision.DAY:
            week_end = _shift(span.earliest, 6)
            return _Span(span.earliest, week_end, Precision.WEEK) if week_end else None
    return span


def _piece_span(piece: _Piece, year: int | None) -> _Span | None:
    """What a piece means in ``year``; None if it has no year or is not a real date."""
    if year is None or _impossible(piece, year):
        return None
    match piece.kind:
        case "day":
            day = _safe_date(year, piece.month, piece.day)
            span = _Span(day, day, Precision.DAY) if day else None
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


# --------------------------------------------------------------------------------------------------
# Problems: dates the calendar does not have

_NTH = {0: "zeroth", 3: "third", 4: "fourth", 5: "fifth", 6: "sixth", 7: "seventh", 8: "eighth"}
_NTH |= {9: "ninth"}
_LONGEST_MONTH = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)  # in any year


def _days_in(year: int, month: int) -> int:
    # calendar.isleap is arithmetic, so it is safe for any year_hint; monthrange is not.
    if month == 2:
        return 29 if calendar.isleap(year) else 28
    return _LONGEST_MONTH[month - 1]


def _impossible(piece: _Piece, year: int | None) -> str:
    """Why ``piece`` (in ``year``, when known) is not in the calendar; "" when it may be."""
    if piece.kind in ("quarter", "fquarter") and not 1 <= piece.index <= 4:
        nth = _NTH.get(piece.index)
        which = f"{nth} quarter" if nth else f"quarter {piece.index}"
        return f"There is no {which}: quarters are Q1\u2013Q4."
    if piece.kind == "half" and not 1 <= piece.index <= 2:
        nth = _NTH.get(piece.index)
        which = f"{nth} half" if nth else f"half {piece.index}"
        return f"There is no {which} of a year: halves are H1 and H2."
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


def _problem(expr: _Expr, year_hint: int | None) -> str:
    """Why an expression that could not be resolved names no real date; "" when it is only
    incomplete (no year) or outside the years read, which are not mistakes to correct."""
    first, last = expr.first, expr.last
    if last is not None and first.kind == "dayonly":  # "30th and 31st Feb 2009"
        first = replace(first, kind="day", month=last.month, year=last.year)
    for piece, other in ((first, last), (last, first)):
        if piece is None:
            continue
        year = piece.year if piece.year is not None else other.year if other else None
        if message := _impossible(piece, year if year is not None else year_hint):
            return message
    return ""


def _apply_part(span: _Span, part: str) -> _Span | None:
    """Narrow a month to early/mid/end or a week of it, a year to early/mid/end."""
    first = span.earliest
    if span.precision == Precision.MONTH and part in _MONTH_PARTS:
        start_day, end_day, precision = _MONTH_PARTS[part]
        last = first.replace(day=end_day) if end_day else span.latest
        return _Span(first.replace(day=start_day), last, precision)
    if span.precision == Precision.MONTH and part.startswith("week"):
        if part == "weeklast":
            return _Span(span.latest - timedelta(days=6), span.latest, Precision.WEEK)
        start = first.replace(day=7 * int(part[-1]) - 6)
        return _Span(start, start + timedelta(days=6), Precision.WEEK)
    if span.precision == Precision.YEAR and part in _YEAR_PARTS:
        first_month, last_month, precision = _YEAR_PARTS[part]
        return _months(first.year, first_month, last_month - first_month + 1, precision)
    return span  # no narrower precision for a part of a quarter, season, financial year, day


def _months(year: int, month: int, count: int, precision: Precision) -> _Span | None:
    """``count`` whole months from ``month`` of ``year`` (month may run past 12)."""
    first = _safe_date(year + (month - 1) // 12, (month - 1) % 12 + 1, 1)
    end_year, end_month = divmod(year * 12 + month - 1 + count - 1, 12)
    last_first = _safe_date(end_year, end_month + 1, 1)
    if first is None or last_first is None:
        return None
    return _Span(first, _month_end(last_first), precision)


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


# --------------------------------------------------------------------------------------------------
# Slippage helpers

_MOVE_RE = re.compile(
    r"\b(?:extended|extension|moved|revised|changed|slipped|slippage|postponed|delayed|deferred"
    r"|put back|brought forward|re-?scheduled|re-?planned|amended|now|new date|new deadline"
    r"|was|originally|previously|formerly)\b|[=-]?>|\u2192",  # and arrows: ->, =>, \u2192
    re.IGNORECASE,
)
_REVERSED_RE = re.compile(r"\bfrom$|^(?:was|originally|previously|formerly)\b", re.IGNORECASE)
_WORD_EDGES = " -,;:.()[]/"


def _words_between(clean: str, tokens: list[_Token], end: int, start: int) -> str:
    """The words between two expressions (token indexes), without edge punctuation."""
    return clean[tokens[end - 1].end : tokens[start].start].strip(_WORD_EDGES)


def _is_move(words: str) -> bool:
    return words == "" or _MOVE_RE.search(words) is not None


def _is_reversed(words: str) -> bool:
    return _REVERSED_RE.search(words) is not None


def _fuzzy(
    clean: str, tokens: list[_Token], expr: _Expr, span: _Span, *, from_core: bool = False
) -> FuzzyDate:
    """A FuzzyDate whose text is the expression's own words."""
    start = tokens[expr.core_start if from_core else expr.start].start
    return FuzzyDate(
        clean[start : tokens[expr.end - 1].end], span.earliest, span.latest, span.precision
    )
