"""What a spreadsheet cell holds, turned into what a record holds.

Cells arrive as openpyxl reads them (text, whole or decimal numbers, true/false, dates and times)
or, from a CSV, as text. Each function here takes one cell's value and returns the value a record
keeps, or raises ``CellError`` with a plain-English message that the preview prints beside the
cell's address. Nothing here reads or writes the database.
"""

import contextlib
import re
from datetime import date, datetime, time

from openpyxl.utils.datetime import CALENDAR_WINDOWS_1900, from_excel

from core import fuzzydates
from core.fuzzydates import FuzzyDate, Slippage
from core.records import plain_text
from exports.cells import EXCEL_CELL_LIMIT

# Excel counts days from 1900: these are the serial numbers of 1 May 1927 and 31 December 2099.
# A number in this window in a date column is a date Excel stored as a number; a smaller one
# ("2009") is a year as written.
SERIAL_FIRST, SERIAL_LAST = 10_000, 73_050
DATE_TEXT_LIMIT = 200  # the length of a fuzzy date's words column

_NOT_WORD_RE = re.compile(r"[^0-9a-z]+")


class CellError(ValueError):
    """A cell whose value cannot be used; the message says why, in plain English."""


def words(value) -> str:
    """Text reduced for comparing names and headings: lower case, "&" as "and", punctuation and
    runs of spaces as one space. "Comment/Current Activity" → "comment current activity"."""
    lowered = str(value or "").lower().replace("&", " and ")
    return _NOT_WORD_RE.sub(" ", lowered).strip()


def is_blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def text(value) -> str:
    """A cell as text: dates day first, whole numbers without ".0", line endings as "\\n"."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, datetime):
        if value.time() == time():
            return value.strftime("%d/%m/%Y")
        return value.strftime("%d/%m/%Y %H:%M")
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, time):
        return value.strftime("%H:%M")
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return plain_text(str(value)).strip()


def same_text(cell: str, stored: str) -> bool:
    """Whether a cell's text says what the record holds. Spaces at either end and the style of
    line endings are not changes; nor is a cell cut to Excel's limit from a longer text."""
    cell = plain_text(cell or "").strip()
    stored = plain_text(stored or "").strip()
    if cell == stored:
        return True
    return len(cell) == EXCEL_CELL_LIMIT and stored.startswith(cell)


# --- numbers and money -----------------------------------------------------------------------


def _whole_number(value) -> bool:
    if isinstance(value, float):
        return value.is_integer()
    return isinstance(value, int) and not isinstance(value, bool)


def _whole(value) -> int | None:
    """A whole number however the cell holds it (3, 3.0 or "3"); ``None`` when it holds none."""
    if _whole_number(value):
        return int(value)
    if re.fullmatch(r"\d+", text(value)):
        return int(text(value))
    return None


def record_id(value) -> int | None:
    """The tracker's own number for a record, as our exports write it in the ID column."""
    if is_blank(value):
        return None
    number = _whole(value)
    if number is None or number < 1:
        raise CellError(
            f'"{text(value)}" is not an ID. The ID column holds the tracker\'s number for each '
            "record: keep it as exported, or leave it blank on a new row."
        )
    return number


def version(value) -> int | None:
    """A record's version as our exports write it beside its ID (an import refuses to
    overwrite a change made after the export)."""
    if is_blank(value):
        return None
    number = _whole(value)
    if number is None:
        raise CellError("The version is a number the export writes: keep it as it was exported.")
    return number


# --- dates ------------------------------------------------------------------------------------


def _serial(value, epoch: datetime) -> date | None:
    """The date a number stands for, when it is a plausible Excel serial date (40179 is
    1 January 2010)."""
    if isinstance(value, str):
        if not re.fullmatch(r"\d{5}(?:\.\d+)?", value):
            return None
        value = float(value)
    if not SERIAL_FIRST <= value <= SERIAL_LAST:
        return None
    return from_excel(value, epoch).date()


def _as_calendar(value) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return None


def fuzzy(value, *, quarters: str, epoch: datetime = CALENDAR_WINDOWS_1900) -> tuple[Slippage, str]:
    """A date as written, with the moves it records ("January '10 Deadline extended to May
    '10"); and a note when Excel had stored it as a number. Words that hold no date we can read
    ("TBC", "Ongoing") are kept as words: that is not an error."""
    if is_blank(value):
        return Slippage(fuzzydates.parse(""), ()), ""
    if isinstance(value, time):
        raise CellError(f"{text(value)} is a time of day, not a date.")
    if (day := _as_calendar(value)) is not None:
        return Slippage(FuzzyDate.from_date(day), ()), ""
    if isinstance(value, bool):
        raise CellError(f"{text(value)} is not a date.")
    serial = _serial(value.strip() if isinstance(value, str) else value, epoch)
    if serial is not None:
        found = FuzzyDate.from_date(serial)
        note = f"Excel had stored this date as the number {text(value)}: read as {found.text}."
        return Slippage(found, ()), note
    if isinstance(value, int | float) and not 1900 <= value <= 2099:
        raise CellError(f"{text(value)} is a number, not a date.")
    written = text(value)
    check_date_length(written)
    return fuzzydates.parse_slippage(written, quarters=quarters), ""


def check_date_length(written: str) -> None:
    if len(written) > DATE_TEXT_LIMIT:
        raise CellError(
            f"This is {len(written)} characters long: a date column holds a date as written "
            f"(at most {DATE_TEXT_LIMIT} characters), not a comment."
        )


def calendar_date(value, *, quarters: str, epoch: datetime = CALENDAR_WINDOWS_1900) -> date | None:
    """A day, for fields that hold a real date (a risk's review date). A month or a quarter
    stands for its last day."""
    found, _ = fuzzy(value, quarters=quarters, epoch=epoch)
    when = found.current
    if not when.text:
        return None
    if when.problem:
        raise CellError(f"{when.problem} Write the date like 31/03/2010.")
    if not when.is_dated:
        raise CellError(f'"{when.text}" is not a date; write it like 31/03/2010.')
    return when.latest or when.earliest


def financial_year(value) -> tuple[int | None, str]:
    """The start year of a financial year written "2009/10", "09/10", "2009-10" or "2009"; and a
    note when Excel had turned the words into a date ("09/10" into 9 October)."""
    if is_blank(value):
        return None, ""
    if (day := _as_calendar(value)) is not None:
        # Excel reads "09/10" as 9 October this year, and "2009/10" as October 2009.
        if day.day <= 31 and day.month == day.day + 1:
            start = 2000 + day.day
        elif day.day == 1 and day.month == (day.year + 1) % 100:
            start = day.year
        else:
            raise CellError(
                f"{text(value)} is a date, not a financial year; write the year like 2009/10."
            )
        label = fuzzydates.financial_year_label(start)
        return start, f"Excel had turned the year into the date {text(value)}: read as {label}."
    if _whole_number(value) and 1900 <= value <= 2099:
        return int(value), ""
    written = text(value)
    start = fuzzydates.parse_financial_year(written)
    if start is None and re.fullmatch(r"(19|20)\d\d", written):
        start = int(written)
    if start is None:
        raise CellError(f'"{written}" is not a financial year; write it like 2009/10.')
    return start, ""


# --- choices, ratings, levels, yes and no -------------------------------------------------------


def choice(value, choices, *, what: str, synonyms: dict[str, str] | None = None) -> str:
    """One of a field's choices, by its label or code in any case and punctuation."""
    known = {words(label): code for code, label in choices}
    known |= {words(code): code for code, _ in choices}
    known |= {words(word): code for word, code in (synonyms or {}).items()}
    found = known.get(words(value))
    if found is None:
        allowed = ", ".join(label for _, label in choices)
        raise CellError(f'"{text(value)}" is not a {what}; use one of: {allowed}.')
    return found


_RAG_WORDS = {
    "red": "red",
    "r": "red",
    "amber": "amber",
    "a": "amber",
    "amber red": "amber_red",
    "red amber": "amber_red",
    "ar": "amber_red",
    "amber green": "amber_green",
    "green amber": "amber_green",
    "ag": "amber_green",
    "green": "green",
    "g": "green",
}
_NOT_RATED = frozenset(("", "not rated", "none", "n a", "unrated"))


def rag(value, programme) -> str:
    """A RAG rating from its word: the programme's own ("Urgent Action") or Red, Amber/Green…"""
    said = words(text(value))
    if said in _NOT_RATED:
        return ""
    ratings = programme.rag_ratings()
    own = {words(programme.rag_label(rating)): rating for rating in ratings}
    if said in own:
        return own[said]
    allowed = ", ".join(programme.rag_label(rating) for rating in ratings)
    code = _RAG_WORDS.get(said)
    if code in ratings:
        return code
    if code:
        raise CellError(f'"{text(value)}" is not on this programme\'s RAG scale: use {allowed}.')
    raise CellError(f'"{text(value)}" is not a RAG status; use one of: {allowed}.')


def rag_words_share(values, programme) -> float:
    """How many of the non-blank values are RAG words (0 to 1): a "Status" column full of them
    is a RAG column."""
    said = [value for value in values if not is_blank(value)]
    if not said:
        return 0.0
    hits = 0
    for value in said:
        with contextlib.suppress(CellError):
            hits += bool(rag(value, programme))
    return hits / len(said)


_LEVEL_WORDS = {"low": 1, "l": 1, "medium": 2, "moderate": 2, "med": 2, "m": 2, "high": 3, "h": 3}


def level(value, programme) -> tuple[int | None, str]:
    """A likelihood or impact on the programme's risk scale, and the words written beside it:
    "Throughout the process so therefore will be High" is High (3), keeping the other words."""
    if is_blank(value):
        return None, ""
    levels = dict(programme.risk_levels())
    allowed = ", ".join(
        f"{n} ({label})" if label != str(n) else label for n, label in levels.items()
    )
    if isinstance(value, int | float) and not isinstance(value, bool):
        if _whole_number(value) and int(value) in levels:
            return int(value), ""
        raise CellError(f"{text(value)} is not a level on this programme's scale: use {allowed}.")
    written = text(value)
    said = words(written).split()
    named = {str(n): n for n in levels}
    if programme.risk_scale == programme.RiskScale.HIGH_MEDIUM_LOW:
        named |= _LEVEL_WORDS
    if len(said) == 1 and said[0] in named:
        return named[said[0]], ""
    if said and said[-1] in named and len(said[-1]) > 1:
        return named[said[-1]], written[: written.lower().rfind(said[-1])].strip(" ,;:-–")
    found = [named[word] for word in said if word in named and len(word) > 1]
    if found:
        return found[-1], written
    return None, written


_YES = frozenset(("yes", "y", "true", "1", "x", "approved", "agreed"))
_NO = frozenset(("no", "n", "false", "0", "not approved"))


def yes_no(value, *, what: str) -> bool | None:
    if is_blank(value):
        return None
    if isinstance(value, bool):
        return value
    said = words(text(value)) or text(value)
    if said in _YES or said in ("✓", "✔"):
        return True
    if said in _NO:
        return False
    raise CellError(f'"{text(value)}" does not say whether {what}: write Yes or No.')


def open_or_closed(value) -> bool:
    """Whether a risk is open: "Open", "Closed", Yes or No; blank is open."""
    said = words(text(value))
    if said in ("", "open", "live", "active"):
        return True
    if said in ("closed", "close", "retired"):
        return False
    answer = yes_no(value, what="the risk is open")
    return True if answer is None else answer
