"""Clean-up and tokens: the words of a date cell without markup, cut into numbers, words,
numeric dates ("19/12/06"), pairs ("2009/10"), ordinals ("26th") and punctuation."""

import html
import re
from dataclasses import dataclass

from .years import financial_year_start

_INLINE_TAG_RE = re.compile(r"</?(?:sup|sub|b|i|u|em|strong|span|font)\b[^<>]*>", re.IGNORECASE)
_TAG_RE = re.compile(r"<[^<>]*>")
_SPACE_RE = re.compile(r"\s+")
# Dashes and quote marks as Word types them: en and em dashes, curly apostrophes, primes.
_DASHES_AND_QUOTES = str.maketrans(
    "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2018\u2019\u201b\u2032`\u00b4",
    "-------''''''",
)


def clean_text(text: str) -> str:
    """Text without markup, with plain dashes and apostrophes and single spaces."""
    text = _INLINE_TAG_RE.sub("", text)  # "4<sup>th</sup>" is one word
    text = html.unescape(_TAG_RE.sub(" ", text))  # "<p>" and "<br>" separate words
    return _SPACE_RE.sub(" ", text.translate(_DASHES_AND_QUOTES)).strip()


_TOKEN_RE = re.compile(
    r"""
      (?P<junk> £\ ?\d[\d,]*(?:\.\d+)?(?:bn|k|m)?\b | \d+(?:\.\d+)?\ ?% )  # money and percentages
    | (?P<iso> (?<!\d)\d{4}-\d{1,2}-\d{1,2}(?!\d) )                         # 2009-01-31
    | (?P<dmy> (?<!\d)\d{1,2}(?P<sep>[/.-])\d{1,2}(?P=sep)(?:\d{4}|\d{2})(?!\d) )  # 19/12/06
    | (?P<garbled> (?<!\d)\d{1,3}/\d{1,3}/(?:\d{4}|\d{2})(?![\d/]) )     # 1/013/2012
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
class Token:
    kind: str
    text: str  # lower case
    start: int  # offsets in the cleaned text
    end: int
    capital: bool = False  # written with a capital: "Review" in "the 2010 Spending Review"


def tokenise(clean: str) -> list[Token]:
    tokens = []
    for match in _TOKEN_RE.finditer(clean):
        kind, text, start = match.lastgroup or "punct", match.group().lower(), match.start()
        first, _, second = text.partition("-")
        if kind == "pair" and second and financial_year_start(first, second) is None:
            # Not a financial year, so a number, a dash and a number: "30 Dec 2009-2 Jan 2010".
            middle = start + len(first)
            tokens.append(Token("number", first, start, middle))
            tokens.append(Token("dash", "-", middle, middle + 1))
            tokens.append(Token("number", second, middle + 1, match.end()))
        else:
            capital = match.group()[0].isupper()
            tokens.append(Token(kind, text, start, match.end(), capital))
    return tokens
