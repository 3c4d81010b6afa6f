"""One row's cells, read field by field.

``RowCells`` reads each mapped cell through a ``values`` function and records any problem
against the cell's column, so the preview can say "Sheet "Tracker", row 12, column D (Start
Date): …". A cell that cannot be read gives ``FAILED`` (its problem is recorded) and the row
is refused; a field the file does not map gives ``None`` and is left as the record has it.
"""

from imports import amounts, values
from imports.books import SheetData
from imports.mapping import LEAVE_OUT, SheetMapping, column_name
from imports.plans import Problem, RowPlan
from imports.values import CellError, is_blank

FAILED = object()  # a cell that could not be read (its problem is recorded)


class RowCells:
    """One row's cells by field, reading each through a ``values`` function and recording any
    problem against the cell's column."""

    def __init__(self, sheet: SheetData, mapping: SheetMapping, row, plan: RowPlan):
        self.sheet = sheet
        self.mapping = mapping
        self.row = row
        self.plan = plan
        self.cells = {name: index for index, name in mapping.fields.items() if name != LEAVE_OUT}

    @property
    def place(self) -> str:
        """Where the row is, for the list of places an unknown name is used."""
        return f'"{self.sheet.name}" row {self.row.number}'

    def mapped(self, name: str) -> bool:
        return name in self.cells

    def column(self, name: str) -> str:
        index = self.cells.get(name)
        if index is None:
            return ""
        return column_name(index, self.mapping.headings.get(index, ""))

    def raw(self, name: str):
        index = self.cells.get(name)
        if index is None or index >= len(self.row.values):
            return None
        value = self.row.values[index]
        if (self.row.number, index + 1) in self.sheet.unsaved_formulas:
            self.problem(
                name,
                "This cell holds a formula whose result was not saved in the file (it was last "
                "saved by a program that does not work formulas out). Open the file in Excel, "
                "save it and upload it again, or type the value in.",
            )
            return FAILED
        if (self.row.number, index + 1) in self.sheet.error_cells:
            self.problem(
                name,
                f"This cell holds the Excel error {values.text(value)}: correct it or clear it.",
            )
            return FAILED
        return value

    def read(self, name: str, convert, *args, **kwargs):
        """The cell converted, ``None`` when not mapped, ``FAILED`` when it cannot be read."""
        if not self.mapped(name):
            return None
        value = self.raw(name)
        if value is FAILED:
            return FAILED
        try:
            return convert(value, *args, **kwargs)
        except CellError as error:
            self.problem(name, str(error))
            return FAILED

    def amount(self, name: str, *, negatives: bool = False):
        """An amount cell in pounds, in the column's unit ("£'000"): (amount, words beside it),
        ``None`` when not mapped, ``FAILED`` when it cannot be read. How it was read (a range,
        a negative saving, words kept) is a warning on the row."""
        unit = self.mapping.unit(self.cells[name]) if self.mapped(name) else 1
        found = self.read(name, amounts.money, unit=unit, negatives=negatives)
        if found in (None, FAILED):
            return found
        amount, said, note = found
        if note:
            self.plan.notes.append(f"Column {self.column(name)}: {note}")
        return amount, said

    def text(self, name: str) -> str:
        value = self.raw(name)
        return "" if value is FAILED else values.text(value)

    def problem(self, name: str, message: str) -> None:
        self.plan.problems.append(
            Problem(self.sheet.name, self.row.number, self.column(name), message)
        )

    def field_problem(self, name: str, message: str) -> None:
        """A problem with a field: against its column, or for a date the file gives only in
        words, against the words column."""
        self.problem(name if self.mapped(name) else f"{name}_words", message)

    def resolved(self, need: str | None) -> bool:
        """Whether the row has the name it asked for; if not, the row waits for the name
        (``need``) to be matched or created."""
        if need:
            self.plan.needs.add(need)
        return need is None


def optional_choice(value, choices, *, what: str, synonyms=None) -> str:
    """A choice, or "" for a blank cell (the field's default)."""
    if is_blank(value):
        return ""
    return values.choice(value, choices, what=what, synonyms=synonyms)
