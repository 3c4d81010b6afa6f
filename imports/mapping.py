"""Which sheet holds which kind of record, and which column holds which field, guessed from the
headings for the user to confirm or correct before anything is written.

A council's tracker rarely says "Planned completion": it says "Completion Dates", "Timescale",
"Due" or "Target date". Headings are compared as words (case, punctuation and "&" do not matter,
nor do plurals) with each field's own heading and the other headings councils use for it
(``columns``), whole headings first, then headings that contain one ("Completion date (revised)").
The row of headings need not be the first: a title above it is passed over. Where a heading says
"Status" and the cells below hold Red, Amber and Green, the column is read as the RAG status.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from openpyxl.utils import get_column_letter

from exports.sheets import ABOUT_TITLE, SHEETS
from imports.books import SheetData
from imports.headings import bare, elsewhere
from imports.values import is_blank, text, words

LEAVE_OUT = ""
HISTORY = "date_changes"  # a sheet of date changes restores the history of added milestones
HEADING_ROWS_SEARCHED = 20
SAMPLES = 3

# What must be mapped before a sheet of each kind can be imported: a tuple is "one of these".
REQUIRED = {
    "milestones": (("title", "stage"),),
    "risks": ("title",),
    "savings": (("target", "forecast", "achieved"),),
    "actions": ("title",),
    HISTORY: ("milestone_id", "field", "new"),
}
KIND_LABELS = {
    "milestones": "Milestones",
    "risks": "Risks",
    "savings": "Savings",
    "actions": "Actions",
    HISTORY: "Date changes (history of added milestones)",
    LEAVE_OUT: "Leave this sheet out",
}
# Words in a sheet's name that say what it holds ("Risk log", "Milestone tracker").
NAME_HINTS = {
    "milestones": ("milestone", "tracker", "delivery plan", "timeline", "programme plan"),
    "risks": ("risk",),
    "savings": ("saving", "benefit"),
    "actions": ("action",),
}
# Fields read only from this programme's own export: any other file's "ID" is its own reference.
OURS_ONLY = ("id", "version")
# Sheets our own exports add for reading only.
EXPORT_ONLY = {
    words(SHEETS[key].title): SHEETS[key].title
    for key in ("savings_years", "reallocations", "budget", "meetings")
} | {words(ABOUT_TITLE): ABOUT_TITLE}


def heading_key(heading) -> str:
    """A heading reduced for comparing: "Completion Dates" and "completion date" are the same,
    and so are "R/A/G" and "RAG"."""
    said = words(text(heading)).replace("r a g", "rag")
    return " ".join(_singular(word) for word in said.split())


def _singular(word: str) -> str:
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def column_name(index: int, heading: str = "") -> str:
    """How the preview names a column: "D (Completion Dates)"."""
    letter = get_column_letter(index + 1)
    return f"{letter} ({heading})" if heading else letter


@dataclass
class SheetMapping:
    """What an import does with one sheet: the kind of record in it, the row of headings and
    the field each column fills (``LEAVE_OUT`` for none)."""

    sheet: str
    kind: str
    header_row: int = 0
    headings: dict[int, str] = field(default_factory=dict)
    fields: dict[int, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    # The first row of headings that run over several rows (0: the headings are one row).
    header_start: int = 0
    # Why each column was matched as it was (or left out), for the user checking the guess.
    reasons: dict[int, str] = field(default_factory=dict)
    # What an amount in a column is worth in pounds ("£'000": 1000), by column.
    units: dict[int, str] = field(default_factory=dict)
    # The scale of a likelihood or impact column rated on another scale than the programme's
    # (5 for 1 to 5), by column.
    scales: dict[int, int] = field(default_factory=dict)
    # The financial year the sheet's title or headings name, for rows that give none.
    year: int | None = None
    # The sheet holds one record a column: it is read turned round.
    transposed: bool = False

    def column_of(self, key: str) -> int | None:
        return next((index for index, name in self.fields.items() if name == key), None)

    def to_dict(self) -> dict:
        """For keeping in the session between the steps of a web import."""
        return {
            "sheet": self.sheet,
            "kind": self.kind,
            "header_row": self.header_row,
            "header_start": self.header_start,
            "headings": {str(i): h for i, h in self.headings.items()},
            "fields": {str(i): f for i, f in self.fields.items()},
            "notes": self.notes,
            "reasons": {str(i): r for i, r in self.reasons.items()},
            "units": {str(i): u for i, u in self.units.items()},
            "scales": {str(i): n for i, n in self.scales.items()},
            "year": self.year,
            "transposed": self.transposed,
        }

    @classmethod
    def from_dict(cls, data: dict) -> "SheetMapping":
        return cls(
            sheet=data["sheet"],
            kind=data["kind"],
            header_row=data["header_row"],
            header_start=data.get("header_start", 0),
            headings={int(i): h for i, h in data["headings"].items()},
            fields={int(i): f for i, f in data["fields"].items()},
            notes=list(data.get("notes", [])),
            reasons={int(i): r for i, r in data.get("reasons", {}).items()},
            units={int(i): u for i, u in data.get("units", {}).items()},
            scales={int(i): n for i, n in data.get("scales", {}).items()},
            year=data.get("year"),
            transposed=data.get("transposed", False),
        )

    def unit(self, index: int) -> Decimal:
        return Decimal(self.units.get(index, "1"))


# --- guessing ---------------------------------------------------------------------------------


def field_index(kind: str, programme) -> dict[str, tuple[str, int]]:
    """Heading key → (field, strength) for a kind: 3 for the heading we export, 2 for another
    heading councils use. Export-only columns map to ``LEAVE_OUT``."""
    index: dict[str, tuple[str, int]] = {}
    for column in SHEETS[kind].columns:
        key = column.key if column.importable else LEAVE_OUT
        for alias in column.aliases:
            index.setdefault(heading_key(alias), (key, 2))
        index[heading_key(column.key.replace("_", " "))] = (key, 2)
        index[heading_key(column.heading(programme))] = (key, 3)
    if kind == "milestones" and programme.stage_label:
        index[heading_key(programme.stage_label)] = ("stage", 3)
    if kind in ("risks", "actions", "savings", "milestones"):
        index.setdefault(heading_key(programme.service_area_label), ("service_area", 3))
    if kind == "risks":
        # A risk log's "Status" column holds a rating or Open/Closed: the values decide.
        index.setdefault("status", ("rag", 1))
    return index


def guess_field(heading: str, index: dict[str, tuple[str, int]]) -> tuple[str | None, int]:
    """The field a heading names and how sure the guess is (0: no idea)."""
    name, strength, _ = match_heading(heading, index)
    return name, strength


def match_heading(heading: str, index: dict[str, tuple[str, int]]) -> tuple[str | None, int, str]:
    """The field a heading names, how sure the guess is (0: no idea), and the heading it was
    recognised by. The heading's unit and year do not count ("2024/25 Savings Proposed (£'000)"
    is "Savings Proposed"); a heading that says it holds something else ("In Year Pressures",
    "Inherent likelihood") names nothing, unless it is one of ours exactly."""
    key = heading_key(heading)
    if not key:
        return None, 0, ""
    if key in index:
        return (*index[key], key)
    if elsewhere(heading):
        return None, 0, ""
    key = heading_key(bare(heading))
    if key in index:
        return (*index[key], key)
    # A heading that contains a known one: "Completion date (revised)", "Lead Officer / Owner".
    # A single word is enough only in a short heading ("Target (£k)"), never in a long one
    # ("Net savings at risk" is not a saving).
    tokens = key.split()
    best: tuple[str | None, int, str] = (None, 0, "")
    for alias, (name, _) in index.items():
        alias_tokens = alias.split()
        size = len(alias_tokens)
        if size == 1 and len(tokens) > 2:
            continue
        if size > len(best[2].split()) and _contains(tokens, alias_tokens) and len(alias) > 2:
            best = (name, 1, alias)
    return best


def _contains(tokens: list[str], part: list[str]) -> bool:
    return any(tokens[i : i + len(part)] == part for i in range(len(tokens) - len(part) + 1))


def column_values(sheet: SheetData, header_row: int) -> dict[int, list]:
    """The non-blank values under the headings, column by column (the first hundred rows),
    leaving out headings repeated further down."""
    headings = next((row.values for row in sheet.rows if row.number == header_row), ())
    keys = [heading_key(text(value)) for value in headings]
    found: dict[int, list] = {}
    for row in sheet.rows:
        if row.number <= header_row:
            continue
        if row.number > header_row + 100:
            break
        for position, value in enumerate(row.values):
            repeated = (
                position < len(keys) and keys[position] and heading_key(value) == keys[position]
            )
            if not is_blank(value) and not repeated:
                found.setdefault(position, []).append(value)
    return found


def samples(sheet: SheetData, mapping: SheetMapping) -> dict[int, list[str]]:
    """A few values from each column, to show beside its heading when the mapping is checked."""
    return {
        position: [_shortened(text(value)) for value in values[:SAMPLES]]
        for position, values in column_values(sheet, mapping.header_row).items()
    }


def _shortened(said: str, limit: int = 60) -> str:
    said = " ".join(said.split())
    return said if len(said) <= limit else said[: limit - 1].rstrip() + "…"


def problems(mapping: SheetMapping, programme) -> list[str]:
    """What stops a sheet being imported with this mapping: a required field with no column."""
    if mapping.kind == LEAVE_OUT:
        return []
    mapped = set(mapping.fields.values())
    missing = []
    for need in REQUIRED[mapping.kind]:
        options = need if isinstance(need, tuple) else (need,)
        if not mapped.intersection(options):
            sheet = SHEETS[mapping.kind]
            names = " or ".join(f'"{sheet.column(o).heading(programme)}"' for o in options)
            missing.append(f"No column is chosen for {names}; choose the column that holds it.")
    return missing


def field_choices(kind: str, programme, *, ours: bool = True) -> list[tuple[str, str]]:
    """The fields a column of a sheet of ``kind`` can fill, for the mapping form (our IDs only
    for this programme's own export)."""
    sheet = SHEETS[kind]
    return [(LEAVE_OUT, "Leave out")] + [
        (column.key, column.heading(programme))
        for column in sheet.fields
        if ours or column.key not in OURS_ONLY
    ]


def find_field(kind: str, said: str, programme) -> str | None:
    """The field a person named (``--map "Heading=field"``): its key, its heading or "ignore"."""
    key = heading_key(said)
    if key in ("ignore", "leave out", "skip", "none"):
        return LEAVE_OUT
    for column in SHEETS[kind].fields:
        if key in (
            heading_key(column.key.replace("_", " ")),
            heading_key(column.heading(programme)),
        ):
            return column.key
    return None
