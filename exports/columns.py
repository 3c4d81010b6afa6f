"""The columns of each kind of record, as exported and as read back.

One ``Sheet`` per kind: its title and its ``Column``s in order. A column has the heading we write
(``{area}`` and ``{stage}`` stand for the programme's own words), what it holds (printed on the
workbook's "About these columns" sheet and beside the choices when an import is mapped), how to
take its value from a record, how Excel shows it, and the other headings councils give the same
thing, from which an import guesses the mapping (see ``mapping``).

A fuzzy date is two columns: a real Excel date, for sorting and filtering in Excel, and the words
as written beside it ("January '09", "TBC") whenever the date alone would not say the same.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.utils import timezone

from core import slippage
from core.fuzzydates import FuzzyDate, Precision
from core.savings import SHORTFALL_MEANING
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
        aliases=("id", "ref", "reference", "record id"),
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

# --- the sheets -------------------------------------------------------------------------------

MILESTONES = Sheet(
    "milestones",
    "Milestones",
    "milestone",
    "The programme's milestones, one a row, in the order of the service-area pages.",
    (
        id_column("milestone"),
        version_column("milestone"),
        area_column("milestone", whole_programme=False),
        Column(
            "stage",
            "{stage}",
            'The stage of the delivery plan, by its code ("Stage 2a"); blank if none.',
            lambda record, programme: record.stage.code if record.stage_id else "",
            width=14,
            aliases=("stage", "stage of the delivery plan", "phase", "delivery stage", "stages"),
        ),
        Column(
            "title",
            "Milestone",
            "What is to be reached. A council tracker with no such column takes each row's "
            "stage, as written, instead.",
            attribute("title"),
            width=36,
            aliases=(
                "milestone",
                "milestones",
                "title",
                "task",
                "activity",
                "deliverable",
                "key milestone",
                "key milestones",
                "milestone description",
            ),
        ),
        *fuzzy_date_columns(
            "planned_start",
            "Planned start",
            "When work is planned to start.",
            start=True,
            aliases=("start", "start date", "start dates", "planned start date", "from"),
        ),
        *fuzzy_date_columns(
            "planned_completion",
            "Planned completion",
            "When it is due. A cell that records moves (\"January '10 Deadline extended to May "
            "'10\") is read as the first date and every move after it.",
            start=False,
            aliases=(
                "completion",
                "completion date",
                "completion dates",
                "planned completion date",
                "end date",
                "due",
                "due date",
                "date due",
                "target date",
                "target",
                "deadline",
                "timescale",
                "timescales",
                "planned end",
            ),
        ),
        *fuzzy_date_columns(
            "forecast_completion",
            "Forecast completion",
            "When it is now expected, if not the planned date.",
            start=False,
            aliases=(
                "forecast",
                "forecast date",
                "forecast completion date",
                "revised date",
                "revised completion",
                "revised completion date",
                "expected completion",
                "expected date",
            ),
        ),
        *fuzzy_date_columns(
            "actual_start",
            "Actual start",
            "When work actually started.",
            start=True,
            aliases=("actual start date", "started", "date started"),
        ),
        *fuzzy_date_columns(
            "actual_completion",
            "Actual completion",
            "When it was delivered. A date here marks the milestone complete.",
            start=False,
            aliases=(
                "actual completion date",
                "date delivered",
                "delivered",
                "completed",
                "date completed",
                "actual end",
                "actual date",
            ),
        ),
        Column(
            "date_changes",
            "Date changes",
            "Each moved planned or forecast date as the reports print it, with the reasons "
            "for its moves (each move is a row of the Date changes sheet). Not read back: "
            "moves are kept as they were recorded.",
            date_changes_words,
            cell=LONG_TEXT,
            width=40,
            importable=False,
        ),
        Column(
            "status",
            "Status",
            "Not started, In progress, Complete, Will not be met, On hold or Cancelled; "
            f"“{Milestone.COMPLETE_NO_DATE}” when it is complete with no actual completion "
            "date.",
            lambda record, programme: record.status_words,
            width=14,
            aliases=("status", "progress", "milestone status", "current status", "state"),
        ),
        rag_column("milestone"),
        Column(
            "owner",
            "Owner",
            "The person responsible, by name, as on the programme's people.",
            lambda record, programme: person_name(record.owner),
            width=20,
            aliases=(
                "owner",
                "lead",
                "lead officer",
                "responsible",
                "responsible officer",
                "person responsible",
                "accountable officer",
                "who",
            ),
        ),
        money_column(
            "estimated_cost",
            "Estimated cost",
            "The estimated cost in pounds; blank if none is given.",
            aliases=("estimated costs", "cost", "costs", "estimated cost"),
        ),
        Column(
            "estimated_cost_note",
            "Estimated cost note",
            'Words beside the estimated cost ("minimum", "tbc").',
            attribute("estimated_cost_note"),
            aliases=("cost note", "estimated cost notes"),
        ),
        Column(
            "reports_to",
            "Reports to",
            'The meeting it reports to, as the body\'s acronym and the date ("JIB 26/07/2007").',
            lambda record, programme: meeting_words(record.reports_to),
            width=18,
            aliases=("report to", "reporting to", "meeting", "reports to meeting"),
        ),
        Column(
            "comment",
            "Comment / current activity",
            "What is happening: paragraphs, and bullet lists with - at the start of a line.",
            attribute("comment"),
            cell=LONG_TEXT,
            width=60,
            aliases=(
                "comment",
                "comments",
                "current activity",
                "comment current activity",
                "comments current activity",
                "progress to date",
                "update",
                "latest update",
                "commentary",
                "notes",
                "narrative",
            ),
        ),
    ),
    importable=True,
)

RISKS = Sheet(
    "risks",
    "Risks",
    "risk",
    "The risk log: open and closed risks.",
    (
        id_column("risk"),
        version_column("risk"),
        area_column("risk", whole_programme=True),
        Column(
            "title",
            "Risk",
            "The risk, in a few words.",
            attribute("title"),
            width=30,
            aliases=("risk", "risk title", "risk name", "title", "risks"),
        ),
        Column(
            "description",
            "Description",
            "The risk described in full.",
            attribute("description"),
            cell=LONG_TEXT,
            width=50,
            aliases=("description", "risk description", "detail", "cause and effect", "details"),
        ),
        Column(
            "likelihood",
            "Likelihood",
            "How likely it is, as a level on the programme's risk scale (Low, Medium, High; or "
            "1 to 5). Words written beside the level are kept as its words.",
            lambda record, programme: programme.risk_level_label(record.likelihood),
            width=12,
            aliases=("likelihood", "frequency", "probability", "chance"),
        ),
        Column(
            "likelihood_note",
            "Likelihood (words)",
            "Words written beside the likelihood.",
            attribute("likelihood_note"),
            width=24,
            aliases=("likelihood words", "likelihood note", "frequency words"),
        ),
        Column(
            "impact",
            "Impact",
            "How bad it would be, as a level on the programme's risk scale.",
            lambda record, programme: programme.risk_level_label(record.impact),
            width=12,
            aliases=("impact", "severity", "consequence"),
        ),
        Column(
            "impact_note",
            "Impact (words)",
            "Words written beside the impact.",
            attribute("impact_note"),
            width=24,
            aliases=("impact words", "impact note", "severity words"),
        ),
        Column(
            "lead_officer",
            "Lead officer",
            "Who leads on the risk, as written (a person or a role).",
            attribute("lead_officer"),
            width=24,
            aliases=(
                "lead officer",
                "owner",
                "risk owner",
                "lead",
                "responsible officer",
                "responsible",
            ),
        ),
        Column(
            "moderating_factors",
            "Moderating factors",
            "What is being done to reduce the risk.",
            attribute("moderating_factors"),
            cell=LONG_TEXT,
            width=50,
            aliases=(
                "moderating factors",
                "mitigation",
                "mitigations",
                "mitigating actions",
                "mitigating factors",
                "controls",
                "countermeasures",
                "actions to mitigate",
            ),
        ),
        rag_column("risk"),
        Column(
            "rating",
            "Rating (likelihood × impact)",
            "The RAG the programme's risk matrix gives the likelihood and impact (the RAG status "
            "chosen where they are not assessed): what the heat map and the count of red risks "
            "go by. Worked out, not read back.",
            lambda record, programme: programme.risk_rating(record).rating,
            cell=RAG,
            width=13,
            importable=False,
        ),
        Column(
            "review_date",
            "Review date",
            "When the risk is next reviewed.",
            attribute("review_date"),
            cell=DATE,
            width=13,
            aliases=("review date", "review", "next review", "date of review"),
        ),
        Column(
            "is_open",
            "Open or closed",
            "Open or Closed; blank is open.",
            lambda record, programme: "Open" if record.is_open else "Closed",
            width=12,
            aliases=("open or closed", "open", "closed", "risk status", "open closed"),
        ),
    ),
    importable=True,
)

SAVINGS = Sheet(
    "savings",
    "Savings",
    "savings line",
    "Savings targets by financial year, with what is forecast and achieved.",
    (
        id_column("savings line"),
        version_column("savings line"),
        area_column("savings line", whole_programme=True),
        Column(
            "financial_year",
            "Financial year",
            'The financial year, April to March, written like "2009/10"; blank if none.',
            attribute("financial_year_label"),
            width=12,
            aliases=("financial year", "year", "fy", "financial years"),
        ),
        Column(
            "kind",
            "Cashable or non-cashable",
            "Cashable or Non-cashable.",
            display("kind"),
            width=14,
            aliases=("cashable", "cashable or non cashable", "kind", "type", "saving type"),
        ),
        Column(
            "recurrence",
            "Recurring or one-off",
            "Recurring or One-off.",
            display("recurrence"),
            width=14,
            aliases=("recurring", "recurring or one off", "one off", "recurrence"),
        ),
        money_column(
            "target",
            "Target",
            "The savings target in pounds.",
            aliases=("target", "savings target", "target saving", "target savings"),
        ),
        money_column(
            "forecast",
            "Forecast",
            "The savings now forecast, in pounds.",
            aliases=("forecast", "forecast saving", "forecast savings", "projected"),
        ),
        money_column(
            "achieved",
            "Achieved",
            "The savings achieved so far, in pounds.",
            aliases=("achieved", "actual", "savings achieved", "actual savings"),
        ),
        money_column(
            "shortfall",
            "Shortfall",
            SHORTFALL_MEANING + " Worked out, not read back.",
            importable=False,
        ),
        Column(
            "note",
            "Note",
            "Anything said beside the figures.",
            attribute("note"),
            cell=LONG_TEXT,
            width=40,
            aliases=("note", "notes", "comment", "comments"),
        ),
    ),
    importable=True,
)


def year_figure(name: str, *, to_date: bool = False) -> Callable[[Any, Any], Any]:
    """A figure of a ``SavingsYearRow``: the year's, or (``to_date``) the cumulative one."""
    return lambda row, programme: getattr(row.year.to_date if to_date else row.year, name)


# Each kind's years as the savings page's tables show them, from the same ``core.savings``.
SAVINGS_YEARS = Sheet(
    "savings_years",
    "Savings by financial year",
    "financial year",
    "Each financial year's savings added up, cashable and non-cashable apart, as the savings "
    "page shows them. Exported for reading; an import leaves it alone.",
    (
        Column(
            "financial_year",
            "Financial year",
            "The financial year, April to March.",
            lambda row, programme: row.year.label,
            width=12,
        ),
        Column(
            "kind",
            "Cashable or non-cashable",
            "Cashable or Non-cashable.",
            lambda row, programme: row.kind,
            width=14,
        ),
        Column(
            "target", "Target", "The year's targets added up.", year_figure("target"), cell=MONEY
        ),
        Column(
            "forecast",
            "Forecast",
            "The year's forecasts added up.",
            year_figure("forecast"),
            cell=MONEY,
        ),
        Column(
            "achieved",
            "Achieved",
            "The savings achieved in the year, added up.",
            year_figure("achieved"),
            cell=MONEY,
        ),
        Column("shortfall", "Shortfall", SHORTFALL_MEANING, year_figure("shortfall"), cell=MONEY),
        Column(
            "cumulative_target",
            "Cumulative target",
            "Targets from the first year with savings to this one.",
            year_figure("target", to_date=True),
            cell=MONEY,
        ),
        Column(
            "cumulative_achieved",
            "Cumulative achieved",
            "Savings achieved from the first year with savings to this one.",
            year_figure("achieved", to_date=True),
            cell=MONEY,
        ),
    ),
)

REALLOCATIONS = Sheet(
    "reallocations",
    "Savings re-allocations",
    "re-allocation",
    "Savings re-invested elsewhere. Exported for reading; an import leaves them alone.",
    (
        id_column("re-allocation"),
        area_column("re-allocation", whole_programme=True),
        Column(
            "allocated_to",
            "Re-allocated to",
            "What the savings went to.",
            attribute("allocated_to"),
            width=30,
        ),
        Column(
            "permanence",
            "One-off or permanent",
            "Whether from one-off or permanent savings.",
            display("permanence"),
            width=14,
        ),
        money_column("amount", "Amount", "The amount in pounds."),
        Column(
            "financial_year",
            "Financial year",
            "The financial year, if given.",
            attribute("financial_year_label"),
            width=12,
        ),
        Column("note", "Note", "Anything said beside it.", attribute("note"), cell=LONG_TEXT),
    ),
)

BUDGET = Sheet(
    "budget",
    "Budget",
    "budget line",
    "Budget lines and their sub-lines. Exported for reading; an import leaves them alone.",
    (
        id_column("budget line"),
        Column(
            "parent",
            "Part of (ID)",
            "The ID of the line this one is part of; blank for a top-level line.",
            attribute("parent_id"),
            cell=NUMBER,
            width=10,
        ),
        area_column("budget line", whole_programme=True),
        Column("title", "Item", "The budget item.", attribute("title"), width=30),
        Column(
            "financial_year",
            "Financial year",
            "The financial year, if given.",
            attribute("financial_year_label"),
            width=12,
        ),
        money_column("allocation", "Budget allocation", "The budget allocated, in pounds."),
        money_column("estimated_cost", "Estimated cost", "The estimated cost, in pounds."),
        money_column("spent", "Committed or spent", "What is committed or spent, in pounds."),
        money_column("estimated_savings", "Estimated savings", "Savings estimated, in pounds."),
        Column(
            "estimated_savings_note",
            "Estimated savings note",
            'Words beside the estimated savings ("tbc", "minimum").',
            attribute("estimated_savings_note"),
        ),
        Column("detail", "Detail", "Detail of the costs.", attribute("detail"), cell=LONG_TEXT),
    ),
)

ACTIONS = Sheet(
    "actions",
    "Actions",
    "action",
    "Follow-on, equality impact and work programme actions.",
    (
        id_column("action"),
        version_column("action"),
        area_column("action", whole_programme=True),
        Column(
            "title",
            "Action",
            "What is to be done.",
            attribute("title"),
            cell=LONG_TEXT,
            width=40,
            aliases=("action", "actions", "follow on actions", "follow on action", "task"),
        ),
        Column(
            "kind",
            "Kind",
            "Follow-on action, Equality impact action or Work programme.",
            display("kind"),
            width=16,
            aliases=("kind", "type", "action type"),
        ),
        Column(
            "owner",
            "Owner",
            "Who is responsible, as written (a person or a role).",
            attribute("owner"),
            width=24,
            aliases=(
                "owner",
                "person responsible",
                "responsible",
                "responsible officer",
                "lead",
                "lead officer",
                "who",
                "by whom",
            ),
        ),
        *fuzzy_date_columns(
            "start",
            "Start",
            "When it starts.",
            start=True,
            aliases=("start date", "start", "from"),
        ),
        *fuzzy_date_columns(
            "due",
            "Due",
            "When it is due.",
            start=False,
            aliases=(
                "due",
                "due date",
                "end date",
                "end",
                "target date",
                "deadline",
                "by when",
                "completion date",
                "timescale",
            ),
        ),
        Column(
            "status",
            "Status",
            "Open, In progress, Done or Dropped.",
            display("status"),
            width=12,
            aliases=("status", "progress", "action status"),
        ),
        Column(
            "importance",
            "Importance",
            "How important (equality impact action plans).",
            attribute("importance"),
            width=12,
            aliases=("importance", "priority"),
        ),
        Column(
            "measure",
            "Measure",
            "How success is measured.",
            attribute("measure"),
            cell=LONG_TEXT,
            width=30,
            aliases=("measure", "measures", "success measure", "performance measure"),
        ),
        Column(
            "target",
            "Target",
            "The target to reach.",
            attribute("target"),
            cell=LONG_TEXT,
            width=30,
            aliases=("target", "targets"),
        ),
        Column(
            "resources_approved",
            "Resources approved",
            "Yes, No, or blank when not said.",
            lambda record, programme: yes_no_blank(record.resources_approved),
            width=12,
            aliases=("resources approved", "resources", "resource approved"),
        ),
        Column(
            "note",
            "Note",
            "Anything else said about it.",
            attribute("note"),
            cell=LONG_TEXT,
            width=30,
            aliases=("note", "notes", "comment", "comments"),
        ),
    ),
    importable=True,
)

MEETINGS = Sheet(
    "meetings",
    "Meetings",
    "meeting",
    "Meetings of the programme's boards and committees. Exported for reading; an import leaves "
    "them alone.",
    (
        id_column("meeting"),
        Column(
            "body",
            "Body",
            "The board, group or committee.",
            lambda record, programme: record.body.name,
            width=30,
        ),
        Column(
            "acronym",
            "Acronym",
            "Its acronym.",
            lambda record, programme: record.body.acronym,
            width=10,
        ),
        Column("date", "Date", "The day of the meeting.", attribute("date"), cell=DATE, width=12),
        Column("title", "Title", "The meeting's title, if it has one.", attribute("title")),
        Column("location", "Location", "Where it meets.", attribute("location")),
        Column(
            "milestones",
            "Milestones reporting to it",
            "The milestones that report to this meeting, one a line.",
            lambda record, programme: "\n".join(m.title for m in record.milestones.all()),
            cell=LONG_TEXT,
            width=40,
        ),
        Column("notes", "Notes", "Notes of the meeting.", attribute("notes"), cell=LONG_TEXT),
    ),
)

DATE_CHANGES = Sheet(
    "date_changes",
    "Date changes",
    "date change",
    "Every move of a milestone's planned or forecast dates, oldest first. An import uses these "
    "rows only to restore the history of milestones it adds; recorded moves are never changed.",
    (
        Column(
            "milestone_id",
            "Milestone ID",
            "The ID of the milestone (as on the Milestones sheet).",
            attribute("milestone_id"),
            cell=NUMBER,
            width=10,
            aliases=("milestone id",),
        ),
        Column(
            "milestone",
            "Milestone",
            "The milestone, for reading; the ID says which.",
            lambda record, programme: record.milestone.title,
            width=30,
            importable=False,
        ),
        Column(
            "field",
            "Date",
            "Which date moved: Planned start, Planned completion or Forecast completion.",
            lambda record, programme: DATE_LABELS[record.field],
            width=18,
            aliases=("date", "which date", "field"),
        ),
        Column(
            "old",
            "From (as written)",
            "The date before the move, as written.",
            attribute("old_text"),
            width=18,
            aliases=("from as written", "from", "old date"),
        ),
        Column(
            "new",
            "To (as written)",
            "The date after the move, as written.",
            attribute("new_text"),
            width=18,
            aliases=("to as written", "to", "new date"),
        ),
        Column(
            "direction",
            "Which way",
            "Later, earlier or changed (a move that cannot be put in order), judged on what "
            "the dates mean; a first forecast is compared with the plan. For reading.",
            display("direction"),
            width=12,
            importable=False,
        ),
        Column(
            "reason",
            "Reason",
            "Why the date moved.",
            attribute("reason"),
            cell=LONG_TEXT,
            width=36,
            aliases=("reason", "why"),
        ),
        Column(
            "changed_by",
            "Changed by",
            "Who moved it, for reading; an import records who imported it.",
            lambda record, programme: who(record.changed_by),
            width=18,
            importable=False,
        ),
        Column(
            "changed_at",
            "Changed on",
            "When it moved.",
            lambda record, programme: timezone.localtime(record.changed_at).replace(tzinfo=None),
            cell=DATETIME,
            width=17,
            aliases=("changed on", "changed at", "when"),
        ),
    ),
)

SHEETS = {
    sheet.key: sheet
    for sheet in (
        MILESTONES,
        RISKS,
        SAVINGS,
        SAVINGS_YEARS,
        REALLOCATIONS,
        BUDGET,
        ACTIONS,
        MEETINGS,
        DATE_CHANGES,
    )
}
# What a list page exports: its own rows, and the sheets that go with them.
LISTS = ("milestones", "risks", "savings", "budget", "actions", "meetings")
IMPORTABLE = ("milestones", "risks", "savings", "actions")
ABOUT_TITLE = "About these columns"
