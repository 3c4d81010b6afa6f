"""What an import would do, as the preview shows it and the commit applies it.

A ``Plan`` holds a ``RowPlan`` for every row: add a record, update one (and which fields, from
what to what), leave one unchanged, or nothing because of an error. Each ``Problem`` names its
sheet, row and column and says what is wrong in plain English. The plan also lists the names the
programme does not know, for the user to match, create or leave blank; it can be committed only
when it has rows, no problems and no unknown names.
"""

from collections import Counter
from dataclasses import dataclass, field

from imports.mapping import HISTORY, LEAVE_OUT, SheetMapping
from imports.names import NewName, UnknownName
from programmes.models import ImportRecord

CREATE, UPDATE, UNCHANGED, ERROR = "create", "update", "unchanged", "error"
ACTION_WORDS = {CREATE: "Add", UPDATE: "Update", UNCHANGED: "Unchanged", ERROR: "Error"}


@dataclass
class Problem:
    sheet: str
    row: int | None
    column: str
    message: str

    def __str__(self):
        place = [f'Sheet "{self.sheet}"'] if self.sheet else []
        if self.row:
            place.append(f"row {self.row}")
        if self.column:
            place.append(f"column {self.column}")
        return f"{', '.join(place)}: {self.message}" if place else self.message


@dataclass
class RowPlan:
    """What importing one row does."""

    sheet: str
    row: int
    label: str = ""
    action: str = CREATE
    record_id: int | None = None
    changes: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    needs: set[str] = field(default_factory=set)  # names still to be matched or created
    cells: tuple[str, ...] = ()  # the row as written, for the list of rows left out
    operation: object = None  # the write the commit makes (imports.applying)

    @property
    def action_words(self) -> str:
        return ACTION_WORDS[self.action]


@dataclass
class Plan:
    file_name: str
    sha256: str
    mappings: list[SheetMapping]
    rows: list[RowPlan] = field(default_factory=list)
    unknown: list[UnknownName] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)  # about the file or a sheet
    notes: list[str] = field(default_factory=list)
    new_names: list[NewName] = field(default_factory=list)  # to be created at the commit
    # Values read through a translation (imports.translations), and what each may be read as.
    translated: list = field(default_factory=list)
    translation_options: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    # What the unknown names can be matched to, by kind of name: [(id, label)].
    choices: dict[str, list[tuple[int, str]]] = field(default_factory=dict)

    @property
    def counts(self) -> Counter:
        return Counter(row.action for row in self.rows)

    @property
    def row_problems(self) -> list[Problem]:
        return [problem for row in self.rows for problem in row.problems]

    @property
    def all_problems(self) -> list[Problem]:
        return self.problems + self.row_problems

    @property
    def kinds(self) -> list[str]:
        return [m.kind for m in self.mappings if m.kind not in (LEAVE_OUT, HISTORY)]

    @property
    def record_kind(self) -> str:
        kinds = set(self.kinds)
        return kinds.pop() if len(kinds) == 1 else ImportRecord.Kind.WORKBOOK

    @property
    def can_commit(self) -> bool:
        return bool(self.rows) and not self.all_problems and not self.unknown

    @property
    def rows_left_out(self) -> list[RowPlan]:
        """The rows "import the rows that are right" leaves out: those with a problem, and
        those waiting for a name to be matched or created."""
        return [row for row in self.rows if row.problems or row.needs]

    @property
    def can_commit_right_rows(self) -> bool:
        """Whether the rows that are right can be imported without the others: the file and
        its sheets have no problem of their own, and some rows are right."""
        return not self.problems and len(self.rows_left_out) < len(self.rows)

    @property
    def warnings(self) -> int:
        """Notes that do not block the import: a value kept as words, a translated status, a
        skipped total row…"""
        sheets = sum(len(mapping.notes) for mapping in self.mappings)
        return len(self.notes) + sheets + sum(len(row.notes) for row in self.rows)

    def refusal(self) -> str:
        """Why the plan cannot be committed, in a sentence."""
        reasons = []
        if not self.rows and not self.all_problems:
            reasons.append("there are no rows to import")
        if errors := len(self.all_problems):
            reasons.append(f"{errors} problem{'s' if errors != 1 else ''} to put right")
        if names := len(self.unknown):
            reasons.append(
                f"{names} name{'s' if names != 1 else ''} to match to one the programme knows "
                "or to create"
            )
        return "Nothing was imported: " + "; and ".join(reasons) + "."
