"""The machinery of our workbook's columns: ``Column``, ``Sheet``, how cells are written, the
values taken from records, and the column makers each sheet is built from (the sheets themselves
are in ``exports.sheets``).

One ``Sheet`` per kind of record: its title and its ``Column``s in order. A column has the heading
we write (``{area}`` and ``{stage}`` stand for the programme's own words), what it holds (printed
on the workbook's "About these columns" sheet and beside the choices when an import is mapped),
how to take its value from a record, how Excel shows it, and the other headings councils give the
same thing, from which an import guesses the mapping (see ``imports.mapping``).

A fuzzy date is two columns: a real Excel date, for sorting and filtering in Excel, and the words
as written beside it ("January '09", "TBC") whenever the date alone would not say the same.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from core import slippage
from core.fuzzydates import FuzzyDate, Precision
from milestones.models import Milestone

# How a column's cells are written.
TEXT = "text"
LONG_TEXT = "long_text"  # wrapped, in a wide column: comments, descriptions
DATE = "date"
DATETIME = "datetime"
MONEY = "money"
RAG = "rag"  # the rating's word, in its colour
NUMBER = "number"

WHOLE_PROGRAMME = "Whole programme"


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    help: str
    value: Callable[[Any, Any], Any]  # (record, programme) -> what the cell holds
    cell: str = TEXT
    width: float = 16
    importable: bool = True
    aliases: tuple[str, ...] = ()

    def heading(self, programme) -> str:
        return self.header.format(area=programme.service_area_label, stage=stage_word(programme))

    def explanation(self, programme) -> str:
        return self.help.format(
            area=programme.service_area_label.lower(), stage=stage_word(programme).lower()
        )


@dataclass(frozen=True)
class Sheet:
    key: str
    title: str
    noun: str
    help: str
    columns: tuple[Column, ...]
    importable: bool = False

    def column(self, key: str) -> Column:
        return next(column for column in self.columns if column.key == key)

    @property
    def fields(self) -> tuple[Column, ...]:
        """The columns an import can read."""
        return tuple(column for column in self.columns if column.importable)


def stage_word(programme) -> str:
    return programme.stage_label or "Stage"


# --- values -----------------------------------------------------------------------------------


def excel_date(value: FuzzyDate, *, start: bool) -> date | None:
    """The day a fuzzy date stands for in Excel: the first day of a start ("January '09" starts
    on 1 January), the last day of anything else (it is due by 31 January)."""
    if not value.is_dated:
        return None
    if start:
        return value.earliest or value.latest
    return value.latest or value.earliest


def date_words(value: FuzzyDate) -> str:
    """The words as written, unless the Excel date says all of them (a day written as we print
    it, "31 Jul 2009")."""
    if value.precision == Precision.DAY and FuzzyDate.from_date(value.earliest).text == value.text:
        return ""
    return value.text


def area_name(record, programme) -> str:
    return record.service_area.name if record.service_area_id else WHOLE_PROGRAMME


def meeting_words(meeting) -> str:
    """A meeting as a cell names it: "JIB 26/07/2007"."""
    return f"{meeting.body.short_name} {meeting.date:%d/%m/%Y}" if meeting else ""


def person_name(person) -> str:
    return person.name if person else ""


def yes_no_blank(value: bool | None) -> str:
    return "" if value is None else ("Yes" if value else "No")


DATE_LABELS = {name: name.replace("_", " ").capitalize() for name in Milestone.DATE_NAMES}


def date_changes_words(milestone, programme) -> str:
    """Each moved date as the reports print it (``core.slippage.phrase``), with the reasons for
    its moves, oldest first: "Planned completion: Dec 2009, extended to Mar 2010, extended to
    Jun 2010 (Funding delayed; Supplier late)". Needs ``date_changes`` prefetched."""
    changes = list(milestone.date_changes.all())
    lines = []
    for name in Milestone.RESCHEDULABLE_DATES:
        moves = [m for m in slippage.moves_of(changes, name) if m.direction != slippage.SAME]
        if not moves:
            continue
        line = f"{DATE_LABELS[name]}: {slippage.phrase(getattr(milestone, name), moves)}"
        reasons = "; ".join(dict.fromkeys(move.reason for move in moves if move.reason))
        lines.append(f"{line} ({reasons})" if reasons else line)
    return "\n".join(lines)


def who(user) -> str:
    return (user.get_full_name() or user.username) if user else ""


# --- column makers ----------------------------------------------------------------------------

ID_HELP = (
    "The tracker's number for this {noun}. Keep it as it is: importing the file again updates "
    "this {noun} and never adds a second one. Leave it blank on a row you add."
)
VERSION_HELP = (
    "How many times the {noun} had been saved when the file was exported. Keep it as it is: an "
    "import refuses to overwrite a {noun} that someone changed after the export."
)


def id_column(noun: str) -> Column:
    return Column(
        "id",
        "ID",
        ID_HELP.format(noun=noun),
        lambda record, programme: record.pk,
        cell=NUMBER,
        width=8,
        aliases=("record id", "tracker id"),
    )


REFERENCE_HELP = (
    "The council's own reference for this {noun} in its tracker (Ref, No, Risk ID), as written. "
    "An import of the same tracker finds the {noun} by it; it is not the tracker's ID."
)
# The headings councils give their own numbering of a tracker's rows.
REFERENCE_ALIASES = (
    "ref",
    "reference",
    "ref no",
    "ref number",
    "reference no",
    "reference number",
    "no",
    "number",
    "para ref",
    "paragraph ref",
    "paragraph",
    "para",
    "item",
    "item no",
    "id number",
    "id no",
    "project id",
    "risk id",
    "risk ref",
    "risk no",
    "risk number",
    "risk reference",
    "aes ref",
    "saving ref",
    "savings ref",
    "proposal ref",
    "action ref",
    "action no",
    "milestone ref",
    "milestone no",
    "project ref",
    "code",
)


def reference_column(noun: str) -> Column:
    return Column(
        "reference",
        "Reference",
        REFERENCE_HELP.format(noun=noun),
        attribute("reference"),
        width=10,
        aliases=REFERENCE_ALIASES,
    )


def version_column(noun: str) -> Column:
    return Column(
        "version",
        "Version",
        VERSION_HELP.format(noun=noun),
        lambda record, programme: record.version,
        cell=NUMBER,
        width=9,
    )


def area_column(noun: str, *, whole_programme: bool) -> Column:
    help_text = f"The {{area}} this {noun} belongs to, by its name."
    if whole_programme:
        help_text += f' "{WHOLE_PROGRAMME}" (or blank) for the programme as a whole.'
    return Column(
        "service_area",
        "{area}",
        help_text,
        area_name,
        width=24,
        aliases=(
            "service area",
            "work stream",
            "workstream",
            "theme",
            "project",
            "area",
            "service",
            "programme area",
            "directorate",
            "department",
            "portfolio",
            "work stream",
            "service directorate",
            "division",
            "business area",
            "priority",
            "theme area",
        ),
    )


def fuzzy_date_columns(
    name: str, header: str, help_text: str, *, start: bool, aliases: tuple[str, ...] = ()
) -> tuple[Column, Column]:
    """The Excel date and the words as written, for one fuzzy date."""
    return (
        Column(
            name,
            header,
            f"{help_text} A real date Excel can sort and filter: for a date written loosely "
            f"(a month, a quarter) its {'first' if start else 'last'} day.",
            lambda record, programme: excel_date(getattr(record, name), start=start),
            cell=DATE,
            width=13,
            aliases=aliases,
        ),
        Column(
            f"{name}_words",
            f"{header} (as written)",
            f'The {header.lower()} in words as people wrote them ("January \'09", "Q1 2009", '
            '"TBC"); blank when the date says it all. An import reads the words first, and '
            "the date when the words are blank or the date was changed on its own.",
            lambda record, programme: date_words(getattr(record, name)),
            width=18,
            aliases=(f"{header} as written", f"{header} words", f"{header} in words"),
        ),
    )


def money_column(key: str, header: str, help_text: str, aliases=(), **kwargs) -> Column:
    return Column(
        key,
        header,
        help_text,
        lambda record, programme: getattr(record, key),
        cell=MONEY,
        width=14,
        aliases=aliases,
        **kwargs,
    )


def attribute(name: str) -> Callable[[Any, Any], Any]:
    return lambda record, programme: getattr(record, name)


def display(name: str) -> Callable[[Any, Any], Any]:
    return lambda record, programme: getattr(record, f"get_{name}_display")()


def rag_column(noun: str) -> Column:
    return Column(
        "rag",
        "RAG status",
        f"How the {noun} is rated, in the programme's own words (Red, Amber, Green…); blank if "
        "not rated. The cell is coloured as well.",
        attribute("rag"),
        cell=RAG,
        width=13,
        aliases=(
            "rag",
            "rag status",
            "rag rating",
            "red amber green",
            "status red amber green",
            "delivery confidence",
            "confidence",
        ),
    )


STATUS_SYNONYMS = {
    "completed": "complete",
    "done": "complete",
    "achieved": "complete",
    "delivered": "complete",
    "closed": "complete",
    Milestone.COMPLETE_NO_DATE: "complete",  # as the export writes it
    "not yet started": "not_started",
    "not commenced": "not_started",
    "underway": "in_progress",
    "under way": "in_progress",
    "ongoing": "in_progress",
    "started": "in_progress",
    "on hold": "on_hold",
    "paused": "on_hold",
    "will not be met": "will_not_be_met",
    "not met": "will_not_be_met",
    "missed": "will_not_be_met",
}
