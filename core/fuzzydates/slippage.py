"""Reading a date cell that carries its history: "December '09 Extended to March 2010
Extended to June 2010" -> the original date and each move, in order."""

import re

from .grammar import Expr, scan
from .parsing import financial_quarters, parse
from .precision import Precision
from .problems import expression_problem
from .resolution import Span, first_date, resolve
from .tokens import Token, clean_text, tokenise
from .values import DateMove, FuzzyDate, Slippage


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
    clean = clean_text((text or "").strip())
    tokens = tokenise(clean)
    financial = financial_quarters(quarters)
    span, used, _ = first_date(tokens, financial, year_hint)
    if span is None or used > 1:  # undated, or the whole text is one range of two dates
        return Slippage(whole, ())

    first, *later = scan(tokens, financial)
    history = [(_fuzzy(clean, tokens, first, span), "")]
    written = 0  # where in ``history`` the last date written sits
    previous_end = first.end
    for expr in later:
        words = _words_between(clean, tokens, previous_end, expr.core_start)
        if not _is_move(words):
            break
        moved = resolve(expr, year_hint, with_prefix=False)
        if moved is None:
            if problem := expression_problem(expr, year_hint):
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


_MOVE_RE = re.compile(
    r"\b(?:extended|extension|moved|revised|changed|slipped|slippage|postponed|delayed|deferred"
    r"|put back|brought forward|re-?scheduled|re-?planned|amended|now|new date|new deadline"
    r"|was|originally|previously|formerly)\b|[=-]?>|\u2192",  # and arrows: ->, =>, \u2192
    re.IGNORECASE,
)
_REVERSED_RE = re.compile(r"\bfrom$|^(?:was|originally|previously|formerly)\b", re.IGNORECASE)
_WORD_EDGES = " -,;:.()[]/"


def _words_between(clean: str, tokens: list[Token], end: int, start: int) -> str:
    """The words between two expressions (token indexes), without edge punctuation."""
    return clean[tokens[end - 1].end : tokens[start].start].strip(_WORD_EDGES)


def _is_move(words: str) -> bool:
    return words == "" or _MOVE_RE.search(words) is not None


def _is_reversed(words: str) -> bool:
    return _REVERSED_RE.search(words) is not None


def _fuzzy(
    clean: str, tokens: list[Token], expr: Expr, span: Span, *, from_core: bool = False
) -> FuzzyDate:
    """A FuzzyDate whose text is the expression's own words."""
    start = tokens[expr.core_start if from_core else expr.start].start
    return FuzzyDate(
        clean[start : tokens[expr.end - 1].end], span.earliest, span.latest, span.precision
    )
