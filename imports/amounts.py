"""Amounts of pounds as trackers write them, in amount cells only: figures, "£1.3m", "£180k", a
column's unit ("£'000"), ranges and minima kept as words with a marked figure, "tbc" kept as
words, and savings written as negative numbers."""

import re
from decimal import ROUND_HALF_UP, Decimal

from core.money import find_pounds, pounds
from imports.values import CellError, is_blank, text, words

_NOTHING = frozenset(("-", "–", "—", "n a", "na", "none", "nil"))
_UNSURE = frozenset(("tbc", "tbd", "to be confirmed", "to be determined", "unknown", "tba"))
_RANGE_RE = re.compile(
    r"£?\s*(?P<low>\d[\d,]*(?:\.\d+)?)\s*(?P<low_unit>k|m)?\s*(?:-|–|—|to)\s*£?\s*"
    r"(?P<high>\d[\d,]*(?:\.\d+)?)\s*(?P<unit>k|m|million)?\b",
    re.IGNORECASE,
)
_MULTIPLIERS = {"k": Decimal(1000), "m": Decimal(1_000_000), "million": Decimal(1_000_000)}


def money(value, *, unit=Decimal(1), negatives: bool = False) -> tuple[Decimal | None, str, str]:
    """An amount of pounds, the words beside it, and a note of how it was read.

    1316000, "£1.316m", "£180k", "£50,000"; in a column of thousands (``unit``) 1,514 is
    £1,514,000. "50,000 minimum" gives the amount and "minimum"; a range ("£300–400k") gives its
    lower figure and keeps the words; "tbc" gives no amount and keeps the word; "nil", "n/a" and
    "-" give nothing. Numbers are read only from amounts, never from prose ("Exempt under
    section 41" is words, not £41). A negative amount is refused unless ``negatives`` (a saving
    written as a negative number), when it is read as the amount saved, with a note."""
    if is_blank(value):
        return None, "", ""
    if isinstance(value, bool):
        raise CellError(f"{text(value)} is not an amount of pounds.")
    if isinstance(value, int | float | Decimal):
        amount, note = _signed(Decimal(str(value)) * unit, text(value), negatives)
        return amount, "", note
    written = text(value)
    if words(written) in _NOTHING or written in _NOTHING:
        return None, "", ""
    if words(written) in _UNSURE:
        return None, written, f'"{written}" is kept as words, with no amount.'
    ranged = _RANGE_RE.search(written)
    if ranged and "%" not in written:
        scale = _MULTIPLIERS.get((ranged["low_unit"] or ranged["unit"] or "").lower(), unit)
        low = _pounds(Decimal(ranged["low"].replace(",", "")) * scale)
        return (
            low,
            written,
            (
                f'"{written}" is a range: the lower figure, {pounds(low)}, is used, and the words '
                "are kept."
            ),
        )
    found = find_pounds(written)
    if found is None:
        return None, written, f'"{written}" is kept as words, with no amount.'
    figure = written[found.start : found.end]
    rest = (written[: found.start] + " " + written[found.end :]).strip(" ,;:.()")
    if "£" not in figure and len(rest.split()) > 2:
        return None, written, f'"{written}" is words, not an amount: kept as words.'
    amount = found.value
    if not re.search(r"[km]|million", figure, re.IGNORECASE):
        amount *= unit
    said = " ".join(rest.split())
    if found.negative:
        amount = -amount
    figure_read, note = _signed(amount, written, negatives)
    if said and not note:
        note = f'The words "{said}" beside the amount are kept.'
    return figure_read, said, note


def _signed(amount: Decimal, written: str, negatives: bool) -> tuple[Decimal, str]:
    """The amount, and a note when a negative one is read as the amount saved."""
    if amount >= 0:
        return _pounds(amount), ""
    if not negatives:
        raise CellError(f'"{written}" is a negative amount; amounts of pounds cannot be negative.')
    saved = _pounds(-amount)
    return saved, f'"{written}" is written as a negative number: read as {pounds(saved)} saved.'


def _pounds(amount: Decimal) -> Decimal:
    if amount < 0:
        raise CellError(f"{amount} is negative; amounts of pounds cannot be negative.")
    return amount.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
