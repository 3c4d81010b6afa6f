"""Bringing a spreadsheet's rows into a programme: first a preview, then the commit.

``preview()`` reads every row of every mapped sheet and says what importing it would do: add a
record, update one (and which fields, from what to what), leave one unchanged, or nothing because
of an error, each error with its sheet, row, column and a plain-English message. It writes
nothing. Names the programme does not know (service areas, stages, people) are listed for the
user to match to one it knows, to create, or (stages and people) to leave blank: an import never
creates them unasked.

``commit()`` creates the names the user chose to create, previews again inside one transaction
and applies every row through the service functions the web forms use (``milestone_create``,
``milestone_edit``, ``record_create``, ``record_edit``), then records the
import (``ImportRecord``). Any error, or a record someone changed meanwhile, and nothing is saved.

A row finds its record by the ID our exports write, within this programme only; failing that
(a council's own tracker, or our export brought into another programme) by what it says: the same
title in the same service area. Rows with IDs claim their records first, so importing the same
file twice never adds anything twice. Rows never delete records.

Dates are read as people write them (``core.fuzzydates``). A completion cell that records
its moves ("January '10 Deadline extended to May '10") gives the first date and each move, made
with the reason "imported from FILE (Deadline extended to)"; a "Date changes" sheet from our own
export restores the recorded history of the milestones an import adds.
"""

import copy
import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from core import fuzzydates, slippage
from core.fuzzydates import FuzzyDate
from core.money import pounds
from core.records import record_create, record_edit
from core.versioning import StaleEdit
from exports.columns import DATE_LABELS, STATUS_SYNONYMS, WHOLE_PROGRAMME
from exports.sheets import SHEETS
from imports import values
from imports.mapping import HISTORY, LEAVE_OUT, SheetMapping, column_name, heading_key, problems
from imports.names import (
    AREA,
    MATCH,
    NEW,
    PERSON,
    STAGE,
    Names,
    NewName,
    UnknownName,
    area_words,
    name_key,
)
from imports.reading import Book, SheetData
from imports.values import CellError, is_blank, words
from milestones.models import Milestone
from milestones.models.milestone import DELIVERED_IS_COMPLETE
from milestones.services import completing, milestone_create, milestone_edit
from programmes.models import (
    Action,
    ImportRecord,
    Meeting,
    Person,
    Risk,
    SavingsLine,
    ServiceArea,
    StageDefinition,
)

CREATE, UPDATE, UNCHANGED, ERROR = "create", "update", "unchanged", "error"
ACTION_WORDS = {CREATE: "Add", UPDATE: "Update", UNCHANGED: "Unchanged", ERROR: "Error"}
FAILED = object()  # a cell that could not be read (its problem is recorded)
PLACES_SHOWN = 5


class ImportRefused(Exception):
    """The commit found errors or unresolved names; nothing was saved. ``plan`` says which."""

    def __init__(self, plan: "Plan", message: str = ""):
        self.plan = plan
        super().__init__(message or plan.refusal())


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
    operation: Callable[[], None] | None = None

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


# --- entry points -----------------------------------------------------------------------------


def preview(*, programme, book: Book, mappings: list[SheetMapping], resolutions=None) -> Plan:
    """What importing ``book`` with these mappings would do. Writes nothing."""
    return _Run(programme, book, mappings, resolutions or {}).plan()


def commit(*, programme, book: Book, mappings, resolutions=None, by=None) -> ImportRecord:
    """Import everything in one transaction, or nothing (``ImportRefused`` says why)."""
    resolutions = dict(resolutions or {})
    try:
        with transaction.atomic():
            resolved = _create_new_names(programme, book, mappings, resolutions, by)
            plan = _Run(programme, book, mappings, resolved, by=by).plan()
            if not plan.can_commit:
                raise ImportRefused(plan)
            for row in plan.rows:
                if row.operation is not None:
                    row.operation()
            counts = plan.counts
            return ImportRecord.objects.create(
                programme=programme,
                kind=plan.record_kind,
                file_name=book.file_name,
                sha256=book.sha256,
                imported_by=by,
                created=counts[CREATE],
                updated=counts[UPDATE],
                unchanged=counts[UNCHANGED],
            )
    except (StaleEdit, ValidationError) as error:
        # The preview checks what the services check, so this is a record someone saved while
        # the import ran, or a rule the preview could not foresee.
        if isinstance(error, StaleEdit):
            why = f"{error.current} was changed by someone else while the import was running"
        else:
            why = " ".join(error.messages)
        plan = preview(programme=programme, book=book, mappings=mappings, resolutions=resolutions)
        raise ImportRefused(plan, f"Nothing was imported: {why}. Preview it again.") from error


def _create_new_names(programme, book, mappings, resolutions, by) -> dict:
    """Create the service areas, stages and people the user chose to create; the resolutions,
    with those choices pointing at the new records."""
    if NEW not in resolutions.values():
        return resolutions
    plan = _Run(programme, book, mappings, resolutions).plan()
    resolved = dict(resolutions)
    area_order = (programme.service_areas.aggregate(Max("order"))["order__max"] or 0) + 1
    stage_order = (programme.stages.aggregate(Max("order"))["order__max"] or 0) + 1
    for new in plan.new_names:
        if new.what == AREA:
            record = ServiceArea(programme=programme, name=new.name, order=area_order)
            area_order += 1
        elif new.what == STAGE:
            record = StageDefinition(
                programme=programme, code=new.name, name=new.name, order=stage_order
            )
            stage_order += 1
        else:
            record = Person(name=new.name)
        made = record_create(record=record, by=by)
        if new.what == PERSON:
            # Named by this programme's file: one of its people, so rows can make them an owner.
            programme.other_people.add(made)
        resolved[name_key(new.what, new.name)] = f"{MATCH}{made.pk}"
    return resolved


# --- one row's cells --------------------------------------------------------------------------


class RowCells:
    """One row's cells by field, reading each through a ``values`` function and recording any
    problem against the cell's column."""

    def __init__(self, sheet: SheetData, mapping: SheetMapping, row, plan: RowPlan):
        self.sheet = sheet
        self.mapping = mapping
        self.row = row
        self.plan = plan
        self.cells = {name: index for index, name in mapping.fields.items() if name != LEAVE_OUT}

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

    def text(self, name: str) -> str:
        value = self.raw(name)
        return "" if value is FAILED else values.text(value)

    def problem(self, name: str, message: str) -> None:
        self.plan.problems.append(
            Problem(self.sheet.name, self.row.number, self.column(name), message)
        )


# --- dates ------------------------------------------------------------------------------------


@dataclass
class DateWanted:
    """A fuzzy date a row asks for: the first date written and each move after it, with the
    words of the move ("Deadline extended to"); ``keep`` when the row says what the record
    already has."""

    chain: list[tuple[FuzzyDate, str]]
    keep: bool = False

    @property
    def final(self) -> FuzzyDate:
        return self.chain[-1][0]


def same_date(a: FuzzyDate, b: FuzzyDate) -> bool:
    return (a.text.strip(), a.earliest, a.latest) == (b.text.strip(), b.earliest, b.latest)


def _within(day: date, value: FuzzyDate) -> bool:
    if not value.is_dated:
        return False
    return (value.earliest is None or value.earliest <= day) and (
        value.latest is None or day <= value.latest
    )


def _without_repeats(chain: list[tuple[FuzzyDate, str]]) -> list[tuple[FuzzyDate, str]]:
    kept = chain[:1]
    for step in chain[1:]:
        if not same_date(kept[-1][0], step[0]):
            kept.append(step)
    return kept


def read_date(cells: RowCells, name: str, existing: FuzzyDate | None, *, moves: bool, run):
    """What a row asks of one fuzzy date, from its date column and its words column: ``None``
    when neither is mapped, ``FAILED`` when a cell cannot be read.

    The words come first: they say what was meant. The date column alone is used when the words
    are blank, or when the words are what the record already has but the date was changed."""
    words_name = f"{name}_words"
    if not (cells.mapped(name) or cells.mapped(words_name)):
        return None
    day_cell = cells.raw(name)
    words_cell = cells.raw(words_name)
    if day_cell is FAILED or words_cell is FAILED:
        return FAILED
    quarters = run.programme.quarters
    day = None
    if not is_blank(day_cell):
        try:
            found, note = values.fuzzy(day_cell, quarters=quarters, epoch=run.book.epoch)
        except CellError as error:
            cells.problem(name, str(error))
            return FAILED
        if note:
            cells.plan.notes.append(f"Column {cells.column(name)}: {note}")
        if note or isinstance(day_cell, date):  # a real date, or one Excel kept as a number
            day = found.current.earliest
        elif is_blank(words_cell):  # words ("end July 2007", "TBC") in the date column
            words_cell, words_name = day_cell, name
    written = "" if is_blank(words_cell) else values.text(words_cell)
    if written:
        if existing is not None and values.same_text(written, existing.text):
            if day is not None and existing.is_dated and not _within(day, existing):
                cells.plan.notes.append(
                    f"Column {cells.column(name)}: the date was changed but not the words "
                    "beside it, so the date is used."
                )
                return DateWanted([(FuzzyDate.from_date(day), "")])
            return DateWanted([(existing, "")], keep=True)
        try:
            chain = _read_words(written, quarters=quarters, moves=moves)
        except CellError as error:
            cells.problem(words_name, str(error))
            return FAILED
        if day is not None and not _within(day, chain[-1][0]):
            # Words without a year ("Update on 12 July") take it from the date beside them.
            hinted = _read_words(written, quarters=quarters, moves=moves, year_hint=day.year)
            if _within(day, hinted[-1][0]):
                chain = hinted
            else:
                cells.plan.notes.append(
                    f"Column {cells.column(name)}: the date does not match the words beside "
                    f'it; the words "{written}" are used.'
                )
        if problem := next((d.problem for d, _ in chain if d.problem), ""):
            # Words that look like a date that does not exist: kept, undated, with a warning
            # (a web form would ask; an import cannot, and refusing the row would lose it).
            cells.plan.notes.append(
                f"Column {cells.column(words_name)}: {problem} The words are imported as they "
                "are, with no date: correct them in the file if a date was meant."
            )
        return DateWanted(chain)
    if day is not None:
        if existing is not None and existing.precision == "day" and existing.earliest == day:
            return DateWanted([(existing, "")], keep=True)
        return DateWanted([(FuzzyDate.from_date(day), "")])
    return DateWanted([(fuzzydates.parse(""), "")])


def _read_words(written: str, *, quarters: str, moves: bool, year_hint=None) -> list:
    """A date's words as the first date and each move after it (one date unless ``moves``)."""
    values.check_date_length(written)
    if not moves:
        return [(fuzzydates.parse(written, quarters=quarters, year_hint=year_hint), "")]
    found = fuzzydates.parse_slippage(written, quarters=quarters, year_hint=year_hint)
    chain = [(found.original, "")] + [(move.date, move.words) for move in found.changes]
    return _without_repeats(chain)


def date_words(value: FuzzyDate) -> str:
    return fuzzydates.format(value) or value.text or "no date"


# --- kinds of record --------------------------------------------------------------------------


@dataclass
class Wanted:
    """What a row asks its record to be: the values of the mapped fields, its dates, and the
    service area it names (``area_mapped`` when the file has a column for it)."""

    label: str = ""
    area: object = None  # ServiceArea, NewName, or None for the programme as a whole
    area_mapped: bool = False
    area_waiting: bool = False  # the area's name is still to be matched or created
    record_id: int | None = None
    version: int | None = None
    fields: dict = field(default_factory=dict)
    dates: dict[str, DateWanted] = field(default_factory=dict)


class KindImport:
    """How rows of one kind of record are read, matched, compared and applied. A row's fields
    are read first; its dates once its record is known (their words are compared with it)."""

    key = ""
    model = None
    area_required = False
    date_names: tuple[str, ...] = ()
    rescheduled: tuple[str, ...] = ()
    date_order: tuple[tuple[str, str, str], ...] = ()

    def __init__(self, run: "_Run"):
        self.run = run
        self.sheet = SHEETS[self.key]
        self.records = {record.pk: record for record in self.queryset()}
        self.by_key: dict[tuple, list] = defaultdict(list)
        for record in self.records.values():
            self.by_key[self.record_key(record)].append(record)
        self.claimed: dict[int, int] = {}  # record id -> the row that claimed it
        self.next_order = max((record.order for record in self.records.values()), default=0) + 1

    def queryset(self):
        return self.model.objects.filter(programme=self.run.programme).select_related(
            "service_area"
        )

    def record_key(self, record) -> tuple:
        """What identifies a record when a row has no ID: its area and its title."""
        return (record.service_area_id, words(record.title))

    def wanted_key(self, wanted: Wanted) -> tuple | None:
        if wanted.area_waiting or isinstance(wanted.area, NewName):
            return None  # nothing is in an area that is not known, or does not exist yet
        area = wanted.area.pk if wanted.area else None
        return (area, words(wanted.fields.get("title", "")))

    def read(self, cells: RowCells, wanted: Wanted) -> None:
        raise NotImplementedError

    def read_dates(self, cells: RowCells, wanted: Wanted, record) -> None:
        for name in self.date_names:
            found = read_date(
                cells,
                name,
                getattr(record, name) if record else None,
                moves=name in self.rescheduled,
                run=self.run,
            )
            if isinstance(found, DateWanted):
                wanted.dates[name] = found

    @property
    def noun(self) -> str:
        return self.sheet.noun

    def label_of(self, name: str) -> str:
        if name == "service_area":
            return self.run.programme.service_area_label
        return self.sheet.column(name).heading(self.run.programme)

    def display(self, name: str, value) -> str:
        if value is None or value == "":
            return "blank"
        if isinstance(value, FuzzyDate):
            return date_words(value)
        if name in ("likelihood", "impact"):
            return self.run.programme.risk_level_label(value)
        if name in ("target", "forecast", "achieved", "estimated_cost"):
            return pounds(value)
        if name == "financial_year":
            return fuzzydates.financial_year_label(value)
        if name == "rag":
            return self.run.programme.rag_label(value)
        model_field = self.model._meta.get_field(name)
        if model_field.choices and not model_field.is_relation:
            return str(dict(model_field.choices).get(value, value))
        if isinstance(value, bool):
            return "Yes" if value else "No"
        if isinstance(value, date):
            return value.strftime("%d/%m/%Y")
        shown = " ".join(str(value).split())
        return shown if len(shown) <= 60 else shown[:59] + "…"

    def change_words(self, record, name: str, old, new, diffs) -> str:
        """One change a row makes, for the preview; a date in the reports' words, which say
        whether it moves or is only reworded ("Dec 2009, extended to Mar 2010")."""
        if isinstance(new, FuzzyDate):
            baseline = self.baseline(record, name, diffs)
            return f"{self.label_of(name)}: {slippage.change_words(old, new, baseline=baseline)}"
        return f"{self.label_of(name)}: {self.display(name, old)} → {self.display(name, new)}"

    def baseline(self, record, name: str, diffs) -> FuzzyDate | None:
        """The date that one with no date stands for (see ``core.slippage``)."""
        return None

    def differences(self, record, wanted: Wanted) -> list[tuple[str, object, object]]:
        """(field, now, wanted) for each mapped field the row would change."""
        found = []
        for name, new in wanted.fields.items():
            old = getattr(record, name)
            if isinstance(new, str) and isinstance(old, str):
                if values.same_text(new, old):
                    continue
            elif old == new:
                continue
            found.append((name, old, new))
        if wanted.area_mapped and not wanted.area_waiting and wanted.area != record.service_area:
            found.append(("service_area", record.service_area, wanted.area))
        for name, date_wanted in wanted.dates.items():
            if not date_wanted.keep and not same_date(getattr(record, name), date_wanted.final):
                found.append((name, getattr(record, name), date_wanted.final))
        return found

    def validate(self, instance, cells: RowCells) -> None:
        """The model's checks of each field's value, without queries (every related record was
        found in this programme already), and that its dates come in order."""
        relations = [f.name for f in instance._meta.fields if f.is_relation]
        try:
            instance.clean_fields(exclude=relations)
        except ValidationError as error:
            for name, messages in error.message_dict.items():
                base = re.sub(r"_(text|earliest|latest|precision)$", "", name)
                cells.problem(base if cells.mapped(base) else f"{base}_words", " ".join(messages))
        for start, end, message in self.date_order:
            first = getattr(instance, f"{start}_earliest")
            last = getattr(instance, f"{end}_latest")
            if first and last and last < first:
                cells.problem(end if cells.mapped(end) else f"{end}_words", message)

    def trial(self, base, changes: dict):
        """A copy of a record with ``changes``, to validate (never saved)."""
        trial = copy.copy(base)
        for name, value in changes.items():
            if not isinstance(value, NewName):
                setattr(trial, name, value)
        return trial

    def new_fields(self, wanted: Wanted) -> dict:
        fields = dict(wanted.fields)
        for name, date_wanted in wanted.dates.items():
            fields[name] = date_wanted.chain[0][0]
        return fields

    def create(self, wanted: Wanted, cells: RowCells, row: RowPlan) -> None:
        fields = self.new_fields(wanted)
        area = wanted.area if isinstance(wanted.area, ServiceArea) else None
        self.validate(self.model(programme=self.run.programme, service_area=area, **fields), cells)
        if row.problems:
            return
        order = self.next_order
        self.next_order += 1
        by = self.run.by

        def apply():
            record = self.model(
                programme=self.run.programme, service_area=wanted.area, order=order, **fields
            )
            record_create(record=record, by=by)

        row.operation = apply

    def update(self, record, wanted: Wanted, diffs, cells: RowCells, row: RowPlan) -> None:
        changes = {name: new for name, _, new in diffs}
        self.validate(self.trial(record, changes), cells)
        by = self.run.by
        row.operation = lambda: record_edit(
            record=record, opened_version=record.version, changes=changes, by=by
        )


class MilestoneImport(KindImport):
    key = "milestones"
    model = Milestone
    area_required = True
    date_names = Milestone.DATE_NAMES
    rescheduled = Milestone.RESCHEDULABLE_DATES
    date_order = (
        ("planned_start", "planned_completion", "The planned completion is before the start."),
        ("actual_start", "actual_completion", "The actual completion is before the start."),
    )

    def queryset(self):
        return (
            Milestone.objects.for_programme(self.run.programme)
            .select_related("service_area", "stage", "owner", "reports_to")
            .order_by("service_area__order", "service_area_id", "order", "id")
        )

    def read(self, cells: RowCells, wanted: Wanted) -> None:
        names, place = self.run.names, self.run.place(cells)
        stage_written = cells.text("stage")
        if stage_written:
            stage, need = names.stage(stage_written, place)
            if _needs(cells, need):
                wanted.fields["stage"] = stage
        elif cells.mapped("stage"):
            wanted.fields["stage"] = None
        title = cells.text("title") or stage_written
        if cells.mapped("title") or cells.mapped("stage"):
            if not title:
                cells.problem(
                    "title" if cells.mapped("title") else "stage",
                    "The row names no milestone: give it a title.",
                )
            wanted.fields["title"] = wanted.label = title
        status = cells.read(
            "status", _choice, Milestone.Status.choices, what="status", synonyms=STATUS_SYNONYMS
        )
        if status not in (None, FAILED):
            wanted.fields["status"] = status or Milestone.Status.NOT_STARTED
        rag = cells.read("rag", values.rag, self.run.programme)
        if rag not in (None, FAILED):
            wanted.fields["rag"] = rag
        if cells.mapped("owner"):
            owner_written = cells.text("owner")
            owner, need = names.person(owner_written, place) if owner_written else (None, None)
            if _needs(cells, need):
                wanted.fields["owner"] = owner
        cost = cells.read("estimated_cost", values.money)
        if cost not in (None, FAILED):
            amount, said = cost
            wanted.fields["estimated_cost"] = amount
            if said and not cells.mapped("estimated_cost_note"):
                wanted.fields["estimated_cost_note"] = said[:100]
        if cells.mapped("estimated_cost_note"):
            wanted.fields["estimated_cost_note"] = cells.text("estimated_cost_note")
        if cells.mapped("reports_to"):
            meeting = self.run.meeting(cells.text("reports_to"), cells)
            if meeting is not FAILED:
                wanted.fields["reports_to"] = meeting
        if cells.mapped("comment"):
            wanted.fields["comment"] = cells.text("comment")

    def wanted_key(self, wanted: Wanted) -> tuple | None:
        if not isinstance(wanted.area, ServiceArea):
            return None
        return (wanted.area.pk, words(wanted.fields.get("title", "")))

    def baseline(self, record, name: str, diffs) -> FuzzyDate | None:
        # A first forecast is compared with the plan as the row leaves it, as the service does.
        plan = Milestone.BASELINES.get(name)
        if plan is None:
            return None
        return next((new for field, _, new in diffs if field == plan), getattr(record, plan))

    def differences(self, record, wanted: Wanted):
        # A milestone always has a service area: the row's (or the one above it) is compared.
        wanted.area_mapped = wanted.area is not None
        return super().differences(record, wanted)

    def validate(self, instance, cells: RowCells) -> None:
        super().validate(instance, cells)
        try:
            DELIVERED_IS_COMPLETE.validate(Milestone, instance)
        except ValidationError as error:
            cells.problem("status", " ".join(error.messages))

    def create(self, wanted: Wanted, cells: RowCells, row: RowPlan) -> None:
        fields = completing(self.new_fields(wanted))  # as milestone_create will save it
        moves = {
            name: [(d, self.run.reason(said), None) for d, said in date_wanted.chain[1:]]
            for name, date_wanted in wanted.dates.items()
        }
        restored = self.run.history.get(wanted.record_id, {}) if wanted.record_id else {}
        for name, steps in restored.items():
            # The recorded moves, then (if the row says otherwise) a move to the row's date.
            moves[name] = [(new, reason, at) for _, new, reason, at in steps]
            final = wanted.dates[name].final if name in wanted.dates else steps[-1][1]
            if not same_date(steps[-1][1], final):
                moves[name].append((final, self.run.reason(""), None))
            fields[name] = steps[0][0]
        area = wanted.area if isinstance(wanted.area, ServiceArea) else None
        self.check(Milestone(service_area=area, **existing(fields)), moves, cells)
        if row.problems:
            return
        if restored:
            count = sum(len(steps) for steps in restored.values())
            plural = "s" if count != 1 else ""
            row.notes.append(f"Its {count} recorded date change{plural} will be restored.")
        order = self.next_order
        self.next_order += 1
        by = self.run.by

        def apply():
            values_ = dict(fields)
            title = values_.pop("title", "")
            milestone = milestone_create(
                service_area=wanted.area, title=title, by=by, order=order, **values_
            )
            for name, steps in moves.items():
                for new, reason, at in steps:
                    _step(milestone, name, new, reason, by, at)

        row.operation = apply

    def check(self, milestone: Milestone, moves: dict, cells: RowCells) -> None:
        """The milestone as it starts, then after each move (the services check each save)."""
        self.validate(milestone, cells)
        trial = copy.copy(milestone)
        for name, steps in moves.items():
            for new, _, _ in steps:
                setattr(trial, name, new)
                for start, end, message in self.date_order:
                    first = getattr(trial, f"{start}_earliest")
                    last = getattr(trial, f"{end}_latest")
                    if first and last and last < first and not cells.plan.problems:
                        cells.problem(end if cells.mapped(end) else f"{end}_words", message)

    def update(self, record, wanted: Wanted, diffs, cells: RowCells, row: RowPlan) -> None:
        moved = {name for name, _, _ in diffs if name in Milestone.DATE_NAMES}
        changes = {name: new for name, _, new in diffs if name not in Milestone.DATE_NAMES}
        later: dict[str, list] = {}
        first_words = []
        for name in moved:
            date_wanted = wanted.dates[name]
            if name not in self.rescheduled:
                changes[name] = date_wanted.final
                continue
            chain, current = date_wanted.chain, getattr(record, name)
            # Moves the milestone has made already are not made again.
            reached = [i for i, (d, _) in enumerate(chain) if same_date(d, current)]
            steps = chain[reached[-1] + 1 :] if reached else chain
            changes[name] = steps[0][0]
            if steps[0][1]:
                first_words.append(steps[0][1])
            later[name] = [(d, self.run.reason(said), None) for d, said in steps[1:]]
        if "actual_completion" in changes and "status" in wanted.fields:
            changes["status"] = wanted.fields["status"]  # as the file says, not "complete"
        self.check(self.trial(record, completing(changes)), later, cells)
        reason = self.run.reason(first_words[0] if len(first_words) == 1 else "")
        by = self.run.by

        def apply():
            milestone_edit(
                milestone=record,
                opened_version=record.version,
                changes=changes,
                reason=reason,
                by=by,
            )
            for name, steps in later.items():
                for new, step_reason, _ in steps:
                    _step(record, name, new, step_reason, by)

        row.operation = apply


def _step(milestone, name: str, new: FuzzyDate, reason: str, by, at=None) -> None:
    """One step of a date's history: a move, kept with its reason; or, when the step only
    rewords the date ("Mar 2010" then "March 2010"), its new words (the service decides)."""
    milestone_edit(
        milestone=milestone,
        opened_version=milestone.version,
        changes={name: new},
        reason=reason,
        by=by,
        at=at,
    )


class RiskImport(KindImport):
    key = "risks"
    model = Risk

    def read(self, cells: RowCells, wanted: Wanted) -> None:
        programme = self.run.programme
        if cells.mapped("title"):
            wanted.fields["title"] = wanted.label = cells.text("title")
            if not wanted.label:
                cells.problem("title", "The row names no risk: say what the risk is.")
        for name in ("description", "lead_officer", "moderating_factors"):
            if cells.mapped(name):
                wanted.fields[name] = cells.text(name)
        for name in ("likelihood", "impact"):
            found = cells.read(name, values.level, programme)
            if found not in (None, FAILED):
                wanted.fields[name], said = found
                if said and not cells.mapped(f"{name}_note"):
                    wanted.fields[f"{name}_note"] = said
            if cells.mapped(f"{name}_note"):
                wanted.fields[f"{name}_note"] = cells.text(f"{name}_note")
        rag = cells.read("rag", values.rag, programme)
        if rag not in (None, FAILED):
            wanted.fields["rag"] = rag
        if cells.mapped("review_date"):
            review = cells.read(
                "review_date",
                values.calendar_date,
                quarters=programme.quarters,
                epoch=self.run.book.epoch,
            )
            if review is not FAILED:
                wanted.fields["review_date"] = review
        is_open = cells.read("is_open", values.open_or_closed)
        if is_open not in (None, FAILED):
            wanted.fields["is_open"] = is_open


class SavingsImport(KindImport):
    key = "savings"
    model = SavingsLine

    def record_key(self, record) -> tuple:
        return (record.service_area_id, record.financial_year, record.kind, record.recurrence)

    def wanted_key(self, wanted: Wanted) -> tuple | None:
        if wanted.area_waiting or isinstance(wanted.area, NewName):
            return None
        return (
            wanted.area.pk if wanted.area else None,
            wanted.fields.get("financial_year"),
            wanted.fields.get("kind", SavingsLine.Kind.CASHABLE),
            wanted.fields.get("recurrence", SavingsLine.Recurrence.RECURRING),
        )

    def read(self, cells: RowCells, wanted: Wanted) -> None:
        year = cells.read("financial_year", values.financial_year)
        if year not in (None, FAILED):
            wanted.fields["financial_year"], note = year
            if note:
                cells.plan.notes.append(f"Column {cells.column('financial_year')}: {note}")
        kind = cells.read("kind", _choice, SavingsLine.Kind.choices, what="kind of saving")
        if kind not in (None, FAILED):
            wanted.fields["kind"] = kind or SavingsLine.Kind.CASHABLE
        recurrence = cells.read(
            "recurrence",
            _choice,
            SavingsLine.Recurrence.choices,
            what="choice of recurring or one-off",
            synonyms={"once": "one_off", "ongoing": "recurring", "permanent": "recurring"},
        )
        if recurrence not in (None, FAILED):
            wanted.fields["recurrence"] = recurrence or SavingsLine.Recurrence.RECURRING
        for name in ("target", "forecast", "achieved"):
            found = cells.read(name, values.money)
            if found in (None, FAILED):
                continue
            amount, said = found
            if said and amount is None:
                cells.problem(name, f'"{said}" is not an amount of pounds.')
                continue
            if said:
                cells.plan.notes.append(
                    f'Column {cells.column(name)}: the words "{said}" beside the amount are '
                    "not kept."
                )
            wanted.fields[name] = amount
        if cells.mapped("note"):
            wanted.fields["note"] = cells.text("note")
        year = wanted.fields.get("financial_year")
        kind = dict(SavingsLine.Kind.choices)[wanted.fields.get("kind") or "cashable"]
        label = fuzzydates.financial_year_label(year) if year else "No year"
        wanted.label = f"{label} {kind.lower()}"


class ActionImport(KindImport):
    key = "actions"
    model = Action
    date_names = ("start", "due")
    date_order = (("start", "due", "It is due before it starts."),)

    def read(self, cells: RowCells, wanted: Wanted) -> None:
        if cells.mapped("title"):
            wanted.fields["title"] = cells.text("title")
            wanted.label = wanted.fields["title"][:80]
            if not wanted.label:
                cells.problem("title", "The row names no action: say what is to be done.")
        for name in ("owner", "importance", "measure", "target", "note"):
            if cells.mapped(name):
                wanted.fields[name] = cells.text(name)
        kind = cells.read(
            "kind",
            _choice,
            Action.Kind.choices,
            what="kind of action",
            synonyms={"follow on": "follow_on", "equality": "equality_impact"},
        )
        if kind not in (None, FAILED):
            wanted.fields["kind"] = kind or Action.Kind.FOLLOW_ON
        status = cells.read(
            "status",
            _choice,
            Action.Status.choices,
            what="status",
            synonyms={
                "complete": "done",
                "completed": "done",
                "closed": "done",
                "ongoing": "in_progress",
            },
        )
        if status not in (None, FAILED):
            wanted.fields["status"] = status or Action.Status.OPEN
        if cells.mapped("resources_approved"):
            approved = cells.read(
                "resources_approved", values.yes_no, what="resources were approved"
            )
            if approved is not FAILED:
                wanted.fields["resources_approved"] = approved


def existing(fields: dict) -> dict:
    """The fields without names that are created only at the commit (to validate the rest)."""
    return {name: value for name, value in fields.items() if not isinstance(value, NewName)}


def _choice(value, choices, *, what: str, synonyms=None) -> str:
    """A choice, or "" for a blank cell (the field's default)."""
    if is_blank(value):
        return ""
    return values.choice(value, choices, what=what, synonyms=synonyms)


def _needs(cells: RowCells, need: str | None) -> bool:
    """Record that the row waits for a name to be resolved; True when it need not."""
    if need:
        cells.plan.needs.add(need)
    return need is None


def _version(value) -> int | None:
    if is_blank(value):
        return None
    if isinstance(value, int | float) and not isinstance(value, bool) and value == int(value):
        return int(value)
    if re.fullmatch(r"\d+", values.text(value)):
        return int(values.text(value))
    raise CellError("The version is a number the export writes: keep it as it was exported.")


KINDS = {kind.key: kind for kind in (MilestoneImport, RiskImport, SavingsImport, ActionImport)}


# --- the run ----------------------------------------------------------------------------------


class _Run:
    """One preview (or the preview a commit applies, when ``by`` may be set)."""

    def __init__(self, programme, book: Book, mappings, resolutions, *, by=None):
        self.programme = programme
        self.book = book
        self.mappings = mappings
        self.by = by
        self.names = Names(programme, resolutions)
        self.meetings: dict[tuple[str, date], Meeting] | None = None
        # The moves a "Date changes" sheet records, by the file's milestone ID and date:
        # [(old, new, reason, when)], oldest first.
        self.history: dict[int, dict[str, list]] = {}
        self.result = Plan(book.file_name, book.sha256, mappings)

    def reason(self, said: str) -> str:
        """The reason a date change made by this import carries."""
        said = " ".join(said.split())
        base = f"imported from {self.book.file_name}"
        return f"{base} ({said})" if said else base

    def place(self, cells: RowCells) -> str:
        return f'"{cells.sheet.name}" row {cells.row.number}'

    def meeting(self, written: str, cells: RowCells):
        """The meeting a cell names ("JIB 26/07/2007"), ``None`` for a blank cell."""
        if not written:
            return None
        if self.meetings is None:
            self.meetings = {}
            meetings = Meeting.objects.filter(body__programme=self.programme).select_related("body")
            for meeting in meetings:
                for name in {meeting.body.acronym, meeting.body.name} - {""}:
                    self.meetings[(words(name), meeting.date)] = meeting
        found = re.fullmatch(r"(?P<body>.+?)\s+(?P<day>\d{1,2}/\d{1,2}/\d{4})", written.strip())
        meeting = None
        if found:
            try:
                day = datetime.strptime(found["day"], "%d/%m/%Y").date()
            except ValueError:
                day = None
            meeting = self.meetings.get((words(found["body"]), day))
        if meeting is None:
            cells.problem(
                "reports_to",
                f'There is no meeting "{written}" in this programme: write the body\'s acronym '
                "and the date of one of its meetings, like JIB 26/07/2007, or clear the cell.",
            )
            return FAILED
        return meeting

    # --- the plan -----------------------------------------------------------------------------

    def plan(self) -> Plan:
        plan = self.result
        plan.notes.extend(self.book.notes)
        for mapping in self.mappings:
            for message in problems(mapping, self.programme):
                plan.problems.append(Problem(mapping.sheet, None, "", message))
        sheets = {sheet.name: sheet for sheet in self.book.sheets}
        for mapping in self.mappings:
            if mapping.kind == HISTORY and mapping.sheet in sheets:
                self.read_history(sheets[mapping.sheet], mapping)
        importers: dict[str, KindImport] = {}
        for mapping in self.mappings:
            if mapping.kind in (LEAVE_OUT, HISTORY) or mapping.sheet not in sheets:
                continue
            if mapping.kind not in importers:
                importers[mapping.kind] = KINDS[mapping.kind](self)
            self.plan_sheet(sheets[mapping.sheet], mapping, importers[mapping.kind])
        plan.unknown = list(self.names.unknown.values())
        for unknown in plan.unknown:
            if len(unknown.places) > PLACES_SHOWN:
                more = len(unknown.places) - PLACES_SHOWN
                unknown.places = [*unknown.places[:PLACES_SHOWN], f"and {more} more"]
        plan.new_names = list(self.names.new.values())
        return plan

    def plan_sheet(self, sheet: SheetData, mapping: SheetMapping, importer: KindImport) -> None:
        rows = self.rows_of(sheet, mapping)
        carried_area, carried = "", False
        planned: list[tuple[RowPlan, RowCells, Wanted]] = []
        for row in rows:
            plan = RowPlan(sheet=sheet.name, row=row.number)
            cells = RowCells(sheet, mapping, row, plan)
            wanted = Wanted()
            found = cells.read("id", values.record_id)
            wanted.record_id = found if isinstance(found, int) else None
            found = cells.read("version", _version)
            wanted.version = found if isinstance(found, int) else None
            area_cell = cells.raw("service_area")
            area_written = "" if area_cell is FAILED else area_words(area_cell)
            if importer.area_required:
                # A milestone row that names no area belongs to the one above it.
                if area_written:
                    carried_area = area_written
                elif carried_area:
                    area_written, carried = carried_area, True
                if cells.mapped("service_area") and _only_area(cells):
                    continue  # a row naming the area of the rows below it
                area, need = self.names.area(area_written, self.place(cells))
                wanted.area, wanted.area_waiting = area, not _needs(cells, need)
            elif cells.mapped("service_area"):
                wanted.area_mapped = True
                if area_written and words(area_written) != words(WHOLE_PROGRAMME):
                    area, need = self.names.area(area_written, self.place(cells))
                    wanted.area, wanted.area_waiting = area, not _needs(cells, need)
            importer.read(cells, wanted)
            planned.append((plan, cells, wanted))
        if carried:
            label = self.programme.service_area_label.lower()
            mapping.notes.append(f"Rows that name no {label} belong to the one above them.")
        # Rows with an ID claim their records first; then the others match by what they say.
        for plan, cells, wanted in planned:
            self.match_by_id(plan, cells, wanted, importer)
        for plan, cells, wanted in planned:
            self.plan_row(plan, cells, wanted, importer)
            self.result.rows.append(plan)

    def rows_of(self, sheet: SheetData, mapping: SheetMapping) -> list:
        """The rows under the headings, less any that repeat the headings (a tracker printed
        as one table per area repeats them)."""
        headings = {
            index: heading_key(heading)
            for index, heading in mapping.headings.items()
            if mapping.fields.get(index) and heading
        }
        kept, repeated = [], []
        first = next(iter(headings.items()), None)
        for row in sheet.rows:
            if row.number <= mapping.header_row:
                continue
            # The first heading is checked alone first: it rules out nearly every row quickly.
            if (
                first
                and _cell_key(row, first[0]) == first[1]
                and all(_cell_key(row, index) == key for index, key in headings.items())
            ):
                repeated.append(row.number)
                continue
            kept.append(row)
        if len(repeated) == 1:
            mapping.notes.append(f"Row {repeated[0]} repeats the headings: skipped.")
        elif repeated:
            shown = ", ".join(str(number) for number in repeated[:PLACES_SHOWN])
            if len(repeated) > PLACES_SHOWN:
                shown += f" and {len(repeated) - PLACES_SHOWN} more"
            mapping.notes.append(f"Rows {shown} repeat the headings: skipped.")
        return kept

    def match_by_id(self, plan: RowPlan, cells: RowCells, wanted: Wanted, importer) -> None:
        if wanted.record_id is None:
            return
        record = importer.records.get(wanted.record_id)
        if record is None:
            plan.notes.append(
                f"ID {wanted.record_id} is not a {importer.noun} of this programme, so the row "
                "is matched by what it says instead."
            )
        elif wanted.record_id in importer.claimed:
            cells.problem(
                "id",
                f"Row {importer.claimed[wanted.record_id]} has the same ID ({wanted.record_id}): "
                "a record can be updated from one row only.",
            )
        else:
            importer.claimed[wanted.record_id] = plan.row
            plan.record_id = record.pk

    def plan_row(self, plan: RowPlan, cells: RowCells, wanted: Wanted, importer) -> None:
        record = importer.records.get(plan.record_id) if plan.record_id else None
        if record is None and not plan.problems:
            key = importer.wanted_key(wanted)
            for candidate in importer.by_key.get(key, []) if key else []:
                if candidate.pk not in importer.claimed:
                    record = candidate
                    importer.claimed[candidate.pk] = plan.row
                    plan.record_id = candidate.pk
                    break
        importer.read_dates(cells, wanted, record)
        plan.label = wanted.label
        if plan.problems:
            plan.action = ERROR
            return
        if record is None:
            plan.action = CREATE
            if not plan.needs:
                importer.create(wanted, cells, plan)
        else:
            diffs = importer.differences(record, wanted)
            if not diffs:
                plan.action = UNCHANGED
                return
            if wanted.version is not None and wanted.version != record.version:
                cells.problem(
                    "version",
                    f"This {importer.noun} was changed in the tracker after the file was "
                    f"exported (it is at version {record.version}; the file has version "
                    f"{wanted.version}), and importing would overwrite that change. Export the "
                    "list again and make your changes in the new file.",
                )
                plan.action = ERROR
                return
            plan.action = UPDATE
            plan.changes = [
                importer.change_words(record, name, old, new, diffs) for name, old, new in diffs
            ]
            if not plan.needs:
                importer.update(record, wanted, diffs, cells, plan)
        if plan.problems:
            plan.action = ERROR
            plan.operation = None

    # --- the history of date changes ---------------------------------------------------------

    def read_history(self, sheet: SheetData, mapping: SheetMapping) -> None:
        """The moves a "Date changes" sheet records, to restore with the milestones an import
        adds. Each keeps its reason and says it was imported: "Extended (imported from F)"."""
        labels = {words(label): name for name, label in DATE_LABELS.items()}
        labels |= {words(name): name for name in DATE_LABELS}
        quarters = self.programme.quarters
        history: dict[int, dict[str, list]] = defaultdict(lambda: defaultdict(list))
        for row in sheet.rows:
            if row.number <= mapping.header_row:
                continue
            plan = RowPlan(sheet=sheet.name, row=row.number)
            cells = RowCells(sheet, mapping, row, plan)
            milestone_id = cells.read("milestone_id", values.record_id)
            name = labels.get(words(cells.text("field")))
            if name not in Milestone.RESCHEDULABLE_DATES:
                cells.problem(
                    "field",
                    "Say which date moved: Planned start, Planned completion or Forecast "
                    "completion.",
                )
            at = cells.read("changed_at", _moment, epoch=self.book.epoch)
            if plan.problems or not isinstance(milestone_id, int):
                self.result.problems.extend(plan.problems)
                continue
            reason = " ".join(cells.text("reason").split())
            history[milestone_id][name].append(
                (
                    fuzzydates.parse(cells.text("old"), quarters=quarters),
                    fuzzydates.parse(cells.text("new"), quarters=quarters),
                    f"{reason} ({self.reason('')})" if reason else self.reason(""),
                    at if isinstance(at, datetime) else None,
                )
            )
        self.history = {key: dict(moves) for key, moves in history.items()}


def _cell_key(row, index: int) -> str:
    return heading_key(values.text(row.values[index] if index < len(row.values) else None))


def _moment(value, *, epoch) -> datetime | None:
    """When a date change was made, as our export writes it (a date and time, UK style)."""
    if is_blank(value):
        return None
    if isinstance(value, datetime):
        moment = value
    elif isinstance(value, date):
        moment = datetime(value.year, value.month, value.day, 12)
    else:
        written = values.text(value)
        for pattern in ("%d/%m/%Y %H:%M", "%d/%m/%Y %H:%M:%S", "%d/%m/%Y"):
            try:
                moment = datetime.strptime(written, pattern)
                break
            except ValueError:
                continue
        else:
            raise CellError(f'"{written}" is not a date and time like 31/03/2010 14:30.')
    return timezone.make_aware(moment) if timezone.is_naive(moment) else moment


def _only_area(cells: RowCells) -> bool:
    """A row that fills in only the service-area column: an area's name above its rows."""
    return all(
        name == "service_area" or is_blank(value)
        for name, value in (
            (name, cells.row.values[index] if index < len(cells.row.values) else None)
            for name, index in cells.cells.items()
        )
    )
