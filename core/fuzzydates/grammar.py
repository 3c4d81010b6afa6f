"""The grammar of dates as people write them: tokens -> expressions made of pieces (a date
whose year may still be missing). What the pieces mean is worked out in ``resolution``.

    expression := prefix? span "onwards"?
    span       := single (connector single)?
    single     := "the"? qualifier? core
"""

import calendar
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from .formatting import MONTH_ABBR
from .tokens import Token
from .years import financial_year_start, in_year_window, two_digit_year

_MONTHS = {name.lower(): number for number, name in enumerate(MONTH_ABBR, start=1)}
_MONTHS |= {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
_MONTHS |= {"sept": 9, "febuary": 2}  # "11 Sept. 2007"; a common misspelling

_SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}  # first month

_ORDINAL_WORDS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6}


@dataclass(frozen=True)
class Piece:
    kind: str  # day | dayonly | month | season | quarter | fquarter | half | year | fyear | garbled
    year: int | None = None  # for fquarter and fyear: the financial year's start year
    month: int | None = None  # for season: its first month
    day: int | None = None
    index: int | None = None  # the quarter or half
    part: str | None = None  # early | mid | end | week1..week4 | weeklast


@dataclass(frozen=True)
class Expr:
    prefix: str | None  # from | after | by | before | week | between
    first: Piece
    last: Piece | None  # the end of a range
    shared_year: bool  # joined by "and": both dates in the one year written
    onwards: bool
    start: int  # token indexes; the expression without its prefix starts at core_start
    core_start: int
    end: int


# Words after which a bare "may" is the month, not the verb.
_MAY_LEADS = {"the", "of", "in", "end", "mid", "early", "late", "by", "from", "before", "after"}
_MAY_LEADS |= {"until", "till", "to", "and", "starting", "commencing", "between", "through"}
_RANGE_WORDS = {"to", "until", "till", "through", "thru"}
_SLASH_SPANS = {"month", "season", "quarter", "fquarter", "half"}
# A year right after these words is part of a name ("Localism Act 2011"), not a date.
_NAMES_BEFORE_YEAR = {"act", "acts", "bill", "regulations", "order", "measure", "directive"}
# Capitalised words that may follow a year that is a date ("2010 Q2", "2011 Onwards"); any other
# capitalised word makes the year part of a name ("the 2010 Spending Review").
_DATE_WORDS = set(_MONTHS) | set(_SEASONS) | _RANGE_WORDS | {"q", "h", "fy", "financial"}
_DATE_WORDS |= {"quarter", "half", "onwards", "onward", "and", "early", "mid", "late", "end"}


def _spans_by_slash(piece: Piece) -> bool:
    """Whether a slash after (or before) ``piece`` makes a span: months, seasons, quarters,
    halves, and parts of a year ("late 2021/spring 2022")."""
    return piece.kind in _SLASH_SPANS or (piece.kind == "year" and piece.part is not None)


class _Grammar:
    """Recursive descent over tokens. Each method takes a token index and returns what it read
    and the index after it, or None when the tokens there are not that kind of thing."""

    def __init__(self, tokens: list[Token], financial_quarters: bool):
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
    def expression(self, i: int) -> Expr | None:
        prefix, j = self._prefix(i)
        span = self._span(j, joins_with_and=prefix == "between")
        if span is None:
            return None
        first, last, shared_year, k = span
        onwards = self._word(k) in ("onwards", "onward")
        return Expr(prefix, first, last, shared_year, onwards, i, j, k + onwards)

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
    def _span(self, i: int, joins_with_and: bool) -> tuple[Piece, Piece | None, bool, int] | None:
        """One date, or a range of two; the flag says they were joined by "and"."""
        single = self._single(i)
        if single is None:
            return None
        first, j = single
        # "/" makes a span of months, seasons, quarters or parts of a year, the year coming from
        # the other end: "May/June 2013", "Spring/Summer 2012", "October 2012/ March 2013",
        # "late 2021/spring 2022". Between days it
        # gives alternatives ("OPM 28 Apr/2 June"): the first is read.
        slash = self._is_punct(j, "/") and _spans_by_slash(first)
        connector = self._word(j) in _RANGE_WORDS or self._kind(j) == "dash" or slash
        # "and" shares the year written after it: "26th and 27th July 2007", "April and May 2010"
        shared_year = self._word(j) == "and" or self._is_punct(j, "&")
        if shared_year:
            connector = first.year is None or joins_with_and
        after = self._skip(j + 1, "to") if self._word(j) == "through" else j + 1  # "through to"
        if connector and (second := self._single(after)) is not None:
            last, k = second
            if slash and not _spans_by_slash(last):
                return first, None, False, j
            if last.kind != "dayonly" and (first.kind != "dayonly" or last.kind == "day"):
                if first.kind == "quarter" and first.year is None and last.kind == "fquarter":
                    first = replace(first, kind="fquarter")  # "Q1-Q2 14/15": both financial
                return first, last, shared_year, k
        if first.kind == "dayonly":  # "20 individual opportunities", "Stage 0-1"
            return None
        return first, None, False, j

    # single := "the"? qualifier? core
    def _single(self, i: int) -> tuple[Piece, int] | None:
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

    def _core(self, i: int) -> tuple[Piece, int] | None:
        kind, word = self._kind(i), self._word(i)
        if kind in ("dmy", "iso"):
            return self._numeric_date(i), i + 1
        if kind == "garbled":  # "1/013/2012": refused, never read as the year alone
            return Piece("garbled"), i + 1
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
            return None if self._in_a_name(i) else (Piece("year", year=year), i + 1)
        if kind in ("number", "ordinal"):
            return self._day_first(i)
        return None

    def _numeric_date(self, i: int) -> Piece:
        """ "19/12/06", "21.01.10", "26-6-07", "2009-01-31"."""
        parts = re.split(r"[/.-]", self.tokens[i].text)
        if self.tokens[i].kind == "iso":
            year, month, day = (int(p) for p in parts)
        else:
            day, month, year = (int(p) for p in parts)
            if len(parts[2]) == 2:
                year = two_digit_year(year)
        return Piece("day", year=year, month=month, day=day)

    def _in_a_name(self, i: int) -> bool:
        """Whether the year at ``i`` is part of a name: "Localism Act 2011", "the 2010 Spending
        Review"."""
        if self._word(i - 1) in _NAMES_BEFORE_YEAR:
            return True
        following = self.tokens[i + 1] if i + 1 < len(self.tokens) else None
        return (
            following is not None
            and following.kind == "word"
            and following.capital
            and following.text not in _DATE_WORDS
        )

    def _pair(self, i: int) -> tuple[Piece, int] | None:
        first, second = re.split(r"[/-]", self.tokens[i].text)
        if (start := financial_year_start(first, second)) is not None:
            if self._word(i + 1) == "q" and (number := self._number(i + 2, 1)) is not None:
                return Piece("fquarter", year=start, index=number), i + 3  # "2014-15 Q3"
            return Piece("fyear", year=start), i + 1
        if len(first) <= 2 and len(second) <= 2 and "/" in self.tokens[i].text:  # "24/7"
            return Piece("day", month=int(second), day=int(first)), i + 1
        return None  # "2009/11": not a financial year and not a day

    def _financial_year(self, i: int) -> tuple[Piece, int] | None:
        """ "FY 15/16", "financial year 2009/10", "FY 2016" (the year from April 2016)."""
        j = self._after_fy_words(i)
        start = self._financial_year_number(j) if j != i else None
        return (Piece("fyear", year=start), j + 1) if start is not None else None

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
            return financial_year_start(*re.split(r"[/-]", self.tokens[i].text))
        return self._four_digit_year(i)

    def _four_digit_year(self, i: int) -> int | None:
        text = self.tokens[i].text if self._kind(i) == "number" else ""
        return int(text) if len(text) == 4 and in_year_window(int(text)) else None

    def _quarter_or_half(self, i: int) -> tuple[Piece, int] | None:
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
                return Piece("half", year=year[0], index=number), year[1]
            return (Piece("half", index=number), i + 2) if in_range else None
        # A quarter of a financial year is financial whatever the setting: "Q2 13/14".
        fy_at = self._after_fy_words(j)
        start = self._financial_year_number(fy_at)
        if start is not None and (fy_at != j or self._kind(j) == "pair"):
            return Piece("fquarter", year=start, index=number), fy_at + 1
        kind = "fquarter" if self.financial_quarters else "quarter"
        if year := self._year(j):
            return Piece(kind, year=year[0], index=number), year[1]
        return (Piece(kind, index=number), i + 2) if in_range else None

    def _season(self, i: int) -> tuple[Piece, int] | None:
        word = self._word(i)
        j = self._skip(i + 1, "of")
        if year := self._year(j):
            return Piece("season", year=year[0], month=_SEASONS[word]), year[1]
        if word == "winter" and self._kind(j) == "pair":  # "Winter 2009/10"
            start = self._financial_year_number(j)
            if start is not None:
                return Piece("season", year=start, month=12), j + 1
        if word == "fall":  # the verb far more often than the season
            return None
        return Piece("season", month=_SEASONS[word]), i + 1

    def _month_first(self, i: int) -> tuple[Piece, int] | None:
        """ "January '09", "Sep 09", "March 10" (2010), "July 26th, 2007", "March 10th", "Dec."."""
        month = _MONTHS[self._word(i)]
        j = i + 2 if self._is_punct(i + 1, ".") else i + 1
        day = self._number(j, 2)
        if day is not None:
            after_comma = j + 2 if self._is_punct(j + 1, ",") else j + 1
            if year := self._year(after_comma, two_digit=False):  # "July 26th, 2007"
                return Piece("day", year=year[0], month=month, day=day), year[1]
            if self._kind(j) == "ordinal" or len(self.tokens[j].text) == 1:  # "March 10th"
                return Piece("day", month=month, day=day), j + 1
        if year := self._year(j):
            return Piece("month", year=year[0], month=month), year[1]
        if (year := self._excel_year(j)) is not None:  # "Mar-11", "Oct-2014"
            return Piece("month", year=year, month=month), j + 2
        if month == 5 and not self._may_is_month(i):
            return None
        return Piece("month", month=month), j

    def _excel_year(self, i: int) -> int | None:
        """The year of a month written as Excel shows it, "Mar-11": a dash and a two- or
        four-digit year, with no space either side."""
        if self._kind(i) != "dash" or self._kind(i + 1) != "number":
            return None
        month, dash, year = self.tokens[i - 1], self.tokens[i], self.tokens[i + 1]
        if month.end != dash.start or dash.end != year.start:
            return None
        if len(year.text) == 2:
            return two_digit_year(int(year.text))
        return self._four_digit_year(i + 1)

    def _day_first(self, i: int) -> tuple[Piece, int] | None:
        """ "26th March 2010", "1 Dec. 2007", "31 August '09", "4th Nov", or a lone day ("26th")."""
        day = self._number(i, 2)
        if day is None:
            return None
        j = self._skip(i + 1, "of")
        if self._word(j) not in _MONTHS:
            return Piece("dayonly", day=day), i + 1
        month = _MONTHS[self._word(j)]
        j = j + 2 if self._is_punct(j + 1, ".") else j + 1
        after_comma = j + 1 if self._is_punct(j, ",") else j
        if year := self._year(after_comma):
            return Piece("day", year=year[0], month=month, day=day), year[1]
        return Piece("day", month=month, day=day), j

    def _year(self, i: int, two_digit: bool = True) -> tuple[int, int] | None:
        """A year: 2009, '09, or (when ``two_digit``) a bare 09."""
        if (year := self._four_digit_year(i)) is not None:
            return year, i + 1
        kind, text = self._kind(i), self.tokens[i].text if self._kind(i) else ""
        if kind == "yy" or (kind == "number" and two_digit and len(text) == 2):
            return two_digit_year(int(text.lstrip("'"))), i + 1
        return None

    def _may_is_month(self, i: int) -> bool:
        if i == 0 or self._kind(i - 1) == "dash" or self._is_punct(i - 1, "&"):
            return True
        return self._word(i - 1) in _MAY_LEADS


def scan(tokens: list[Token], financial_quarters: bool) -> Iterator[Expr]:
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
