"""Layout habits of councils' trackers, read for what they mean.

- Rows that are not records: totals and sub-totals, rows of units ("£'000"), footnotes
  ("* Figures are provisional", "Source: …") and section rows ("Theme: Housing", a row with one
  cell above a block; "2 | Department's Working Style" above rows numbered 2.1, 2.2...). They are
  skipped and listed as skipped; a section row names the service area of the rows under it when
  a record must have one.
- "ditto", "do.", '"' and "as above" in a cell: the same as the row above. So is a blank date
  in a column left of the titles, a timetable's date written once above its block of rows.
- Continuation rows: text in a row with no title (nor dates or amounts) belongs to the record
  above, as if the cell had carried on.
- A cell that lists several dated items, one a line ("Q1 (2015/16) Savings are on track…",
  "Q2 (2015/16) …"): kept as words, and none of its dates is taken as the record's date.
- The key under a register (a row reading "Key", then the scales it rates on) is not records.
"""

import re

from imports.headings import is_unit_cell
from imports.mapping import LEAVE_OUT, SheetMapping, column_name
from imports.values import is_blank, text, words

TOTAL, UNITS, FOOTNOTE, SECTION = "total", "units", "footnote", "section"
KEY = "key"
SKIPPED_WORDS = {  # one row, several
    TOTAL: ("a total", "totals"),
    UNITS: ("a row of units", "rows of units"),
    FOOTNOTE: ("a footnote", "footnotes"),
    SECTION: ("a section heading", "section headings"),
    KEY: ("the key to the register's scales", "the key to the register's scales"),
}
_KEY_RE = re.compile(r"^(?:risk\s+)?key(?:\s+to\s+[\w\s]+)?\s*:?$", re.IGNORECASE)
# A remark under a table, alone in the title column: a long sentence ("Proposal to remove …
# from the Corporate Risk Register as there is no longer a risk of IER failing.").
REMARK_LENGTH = 120
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATED_ITEM_RE = re.compile(
    r"^\s*[(\[]?\s*(?:"
    r"Q[1-4](?:\s*\(?\s*(?:19|20)\d\d\s*[/-]\s*\d{2,4}\s*\)?|\s+(?:19|20)\d\d)?"
    rf"|(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?{_MONTH}\s+(?:19|20)?\d\d"
    r"|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}"
    r"|(?:19|20)\d\d\s*[/-]\s*\d\d\b"
    r")\)?",
    re.IGNORECASE,
)
DITTO = frozenset(('"', "“", "”", "''", "〃", "ditto", "do", "do.", "as above", "same as above"))
_TOTAL_RE = re.compile(r"^(?:sub\s*-?\s*total|grand\s+total|total)\b|\btotals?$", re.IGNORECASE)
_FOOTNOTE_RE = re.compile(r"^(?:\*|†|‡|n\.?\s?b\.?\b|notes?\s*[:\d.]|source\s*:|key\s*:)", re.I)
_SECTION_RE = re.compile(
    r"^(?:theme|priority|work\s*stream|workstream|section|objective|outcome|programme|project"
    r"|directorate|portfolio|strand)\b\s*[\w.]*\s*[:\-–—]\s*",
    re.IGNORECASE,
)
# Fields whose cells carry on into the row below when it has no title of its own.
RUNNING_TEXT = ("comment", "description", "moderating_factors", "note", "measure", "target")
SECTION_LIMIT = 120
# Date columns whose blank cells left of the titles mean the date above (a timetable's blocks).
GROUPING_DATES = ("planned_start", "planned_completion", "start", "due")
_WHOLE_NUMBER_RE = re.compile(r"^\d{1,3}\.?$")


def row_kind(row, mapping: SheetMapping, following=None) -> tuple[str, str]:
    """(kind, words) of a row that is not a record (``TOTAL``, ``UNITS``, ``FOOTNOTE``,
    ``SECTION``), or ("", "") for a record. ``following`` is the next row, if any."""
    filled = [(i, value) for i, value in enumerate(row.values) if not is_blank(value)]
    if not filled:
        return "", ""
    if all(is_unit_cell(value) for _, value in filled):
        return UNITS, ""
    first = text(filled[0][1])
    if isinstance(filled[0][1], str) and _TOTAL_RE.search(first.strip()):
        return TOTAL, first
    if numbered := _numbered_section(filled, mapping, following):
        return SECTION, numbered
    if len(filled) > 1:
        return "", ""
    index, value = filled[0]
    if not isinstance(value, str):
        return "", ""
    said = " ".join(first.split())
    if _FOOTNOTE_RE.match(said):
        return FOOTNOTE, said
    if _KEY_RE.match(said):
        return KEY, said
    title_column = mapping.column_of("title")
    if title_column is None and mapping.fields.get(index) == "service_area":
        return SECTION, said  # a row naming only an area, in a sheet of lines with no title
    if _SECTION_RE.match(said) or (
        len(said) <= SECTION_LIMIT
        and title_column is not None
        and index != title_column
        and mapping.fields.get(index) in (LEAVE_OUT, "service_area", "reference", None)
    ):
        return SECTION, _SECTION_RE.sub("", said).strip() or said
    if len(said) > 2 * SECTION_LIMIT:
        return FOOTNOTE, said
    if len(said) >= REMARK_LENGTH and said.endswith(".") and _mapped_count(mapping) > 2:
        return FOOTNOTE, said  # a remark under the table, in a sheet whose rows say more
    return "", ""


def _numbered_section(filled, mapping: SheetMapping, following) -> str:
    """The words of a section numbered like the rows under it ("2 | Department's Working Style"
    above "2.1", "2.2"): a whole number and a title and nothing else; "" for any other row."""
    reference, title = mapping.column_of("reference"), mapping.column_of("title")
    if following is None or reference is None or title is None or len(filled) != 2:
        return ""
    if {i for i, _ in filled} != {reference, title}:
        return ""
    number = text(_value_at(filled, reference)).strip()
    below = following.values[reference] if reference < len(following.values) else None
    if not _WHOLE_NUMBER_RE.match(number) or not text(below).startswith(f"{number.rstrip('.')}."):
        return ""
    return " ".join(text(_value_at(filled, title)).split())


def _value_at(filled, index: int):
    return next(value for i, value in filled if i == index)


def _grouping_dates(mapping: SheetMapping) -> set[int]:
    """Columns of dates left of the titles: a blank cell there means the date above."""
    title = mapping.column_of("title")
    if title is None:
        return set()
    return {
        index for index, name in mapping.fields.items() if name in GROUPING_DATES and index < title
    }


def _mapped_count(mapping: SheetMapping) -> int:
    return sum(1 for name in mapping.fields.values() if name != LEAVE_OUT)


def dated_items(said: str) -> list[str]:
    """The dates that begin each line of a cell listing several dated items ("Q1 (2015/16)",
    "Q2 (2015/16)"); none unless two or more lines begin with one."""
    leads = [
        found.group(0).strip()
        for line in said.splitlines()
        if (found := _DATED_ITEM_RE.match(line))
    ]
    return leads if len(leads) >= 2 else []


def dated_items_note(column: str, said: str, noun: str) -> str:
    """The warning for a cell listing several dated items, or ""."""
    leads = dated_items(said)
    if not leads:
        return ""
    shown = ", ".join(leads[:4]) + (" …" if len(leads) > 4 else "")
    return (
        f"Column {column} lists several dated items ({shown}): kept as words; none of their "
        f"dates is taken as the {noun}'s date."
    )


def with_dittos(row, above, mapping: SheetMapping) -> tuple[object, list[str]]:
    """The row with each ditto mark, and each blank date of a timetable's block, replaced by
    the value above it, and a note of each."""
    if above is None:
        return row, []
    values = list(row.values)
    notes = []
    grouping = _grouping_dates(mapping)
    for index, value in enumerate(values):
        if index in grouping and is_blank(value) and index < len(above.values):
            if not is_blank(above.values[index]):
                values[index] = above.values[index]
                heading = mapping.headings.get(index, "")
                notes.append(
                    f"Column {column_name(index, heading)}: blank, so the date of the row above "
                    f"({text(values[index])[:40]})."
                )
            continue
        if not isinstance(value, str) or (words(value) not in DITTO and value.strip() not in DITTO):
            continue
        if index < len(above.values) and not is_blank(above.values[index]):
            values[index] = above.values[index]
            heading = mapping.headings.get(index, "")
            notes.append(
                f'Column {column_name(index, heading)}: "{value.strip()}" means the same as the '
                f"row above ({text(values[index])[:40]})."
            )
    if not notes:
        return row, []
    return type(row)(row.number, tuple(values)), notes


def continues(row, mapping: SheetMapping) -> bool:
    """Whether a row only carries on the text of the record above: no title, stage, reference,
    area, date or amount of its own, and words in a running-text column."""
    own = {"title", "stage", "reference", "service_area", "financial_year", "id"}
    if mapping.column_of("title") is None:
        return False
    running = False
    for index, name in mapping.fields.items():
        value = row.values[index] if index < len(row.values) else None
        if is_blank(value) or name == LEAVE_OUT:
            continue
        if name in RUNNING_TEXT:
            running = True
        elif name in own or not isinstance(value, str) or name not in RUNNING_TEXT:
            return False
    return running
