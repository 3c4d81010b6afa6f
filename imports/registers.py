"""What a risk register says of itself: the scale its likelihood and impact are rated on (a
heading's "1-5", the row of levels of a matrix printed above it, or the ratings before controls
beside the current ones), and, when no column names the risk, the description that is the risk.
"""

from imports.books import SheetData
from imports.headings import SCALE_SAID_RE, bare
from imports.mapping import LEAVE_OUT, SheetMapping, column_values
from imports.values import text, words

USUAL_SCALES = (3, 4, 5, 10)
# Words of a heading that rates on the risk matrix ("Gross Risk - Prob", "Inherent Impact").
RATED_WORDS = ("likelihood", "probability", "impact", "severity")


def scale_said(headings, rows_above) -> int | None:
    """The top of the likelihood and impact scale a register says it uses: in a heading
    ("Probability (1-5)"), or in the key above the register, a row of the levels 1, 2, 3 …
    (a risk matrix printed above it)."""
    for heading in headings:
        found = SCALE_SAID_RE.search(heading or "")
        if found:
            return int(found.group(1))
    for row in rows_above:
        levels = [level for value in row.values if (level := _whole(value)) is not None]
        if len(levels) in USUAL_SCALES and levels == list(range(1, len(levels) + 1)):
            return len(levels)
    return None


def description_as_title(mapping: SheetMapping) -> None:
    """A register whose only words for each risk are its description ("Risk no.",
    "Description", …): the description is the risk."""
    if mapping.column_of("title") is not None:
        return
    position = mapping.column_of("description")
    if position is not None:
        mapping.fields[position] = "title"
        mapping.reasons[position] = (
            "Read as the risk: no column names the risk, and this one describes it."
        )


def read_scales(mapping: SheetMapping, sheet: SheetData, programme, said: int | None) -> None:
    """The scale of the likelihood and impact columns when it is not the programme's: the one
    the register says (a heading's "1-5", a key of levels above it), or else the smallest
    usual scale their values fit — the values of both, and of the ratings before controls
    ("Gross Risk - Prob"), since one matrix rates them all."""
    below = column_values(sheet, mapping.header_row)
    rated = [
        position for position, name in mapping.fields.items() if name in ("likelihood", "impact")
    ]
    if not rated:
        return
    same_matrix = rated + [
        position
        for position, heading in mapping.headings.items()
        if mapping.fields.get(position) == LEAVE_OUT
        and any(word in words(bare(heading)).split() for word in RATED_WORDS)
    ]
    numbers = [
        n
        for position in same_matrix
        for n in map(_number, below.get(position, []))
        if n is not None
    ]
    if not numbers:
        return
    top = max(numbers)
    scale = said or next((n for n in USUAL_SCALES if top <= n), int(top))
    why = "as the register's key says" if said else "as its ratings show"
    for position in rated:
        own = [n for n in map(_number, below.get(position, [])) if n is not None]
        if scale != len(programme.risk_levels()) or any(not n.is_integer() for n in own):
            mapping.scales[position] = scale
            mapping.reasons[position] += (
                f" Rated 1 to {scale} ({why}): read on the programme's scale, for you to confirm."
            )


def _whole(value) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float) and float(value).is_integer():
        return int(value)
    said = text(value)
    return int(said) if said.isdigit() else None


def _number(value) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    try:
        return float(text(value))
    except ValueError:
        return None
