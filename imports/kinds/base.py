"""What every kind of record an import brings in has in common.

A ``KindImport`` says how rows of one kind are read into a ``Wanted`` (what the row asks its
record to be), matched to a record (by ID, else by its service area and title), compared with it
field by field for the preview, checked as the model checks them, and applied through the same
service functions as the web forms (``record_create``, ``record_edit``, many at a time:
``imports.applying``). A row's fields are read
first; its dates once its record is known (their words are compared with the record's).
"""

import copy
import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError

from core import fuzzydates, slippage
from core.fuzzydates import FuzzyDate
from core.money import pounds
from exports.sheets import SHEETS
from imports import values
from imports.applying import CreateRecord, EditRecord
from imports.cells import RowCells
from imports.dates import DateWanted, date_words, read_date, same_date
from imports.names import NewName
from imports.plans import RowPlan
from imports.values import words
from programmes.models import ServiceArea

if TYPE_CHECKING:  # the run imports the kinds
    from imports.run import Run


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

    def __init__(self, run: "Run"):
        self.run = run
        self.sheet = SHEETS[self.key]
        self.records = {record.pk: record for record in self.queryset()}
        self.by_key: dict[tuple, list] = defaultdict(list)
        self.by_reference: dict[str, list] = defaultdict(list)
        for record in self.records.values():
            if record.reference:
                # A record with the council's reference is found by that reference only.
                self.by_reference[words(record.reference)].append(record)
            else:
                self.by_key[self.record_key(record)].append(record)
        self.claimed: dict[int, int] = {}  # record id -> the row that claimed it
        self.next_order = max((record.order for record in self.records.values()), default=0) + 1

    def queryset(self):
        # The programme too: the models' checks read it (the commit validates every row).
        return self.model.objects.filter(programme=self.run.programme).select_related(
            "service_area", "programme"
        )

    def record_key(self, record) -> tuple:
        """What identifies a record when a row has no ID: its area and its title."""
        return (record.service_area_id, words(record.title))

    def wanted_key(self, wanted: Wanted) -> tuple | None:
        if wanted.area_waiting or isinstance(wanted.area, NewName):
            return None  # nothing is in an area that is not known, or does not exist yet
        area = wanted.area.pk if wanted.area else None
        return (area, words(wanted.fields.get("title", "")))

    def candidates(self, wanted: Wanted) -> list:
        """The records a row with no ID of ours may be: those with the council's reference it
        gives (in the same area when the row names one), else, for a row with no reference, those
        with no reference and the same area and title. Never one the row did not name."""
        reference = words(wanted.fields.get("reference", ""))
        if not reference:
            key = self.wanted_key(wanted)
            return self.by_key.get(key, []) if key else []
        if wanted.area_waiting or isinstance(wanted.area, NewName):
            return []  # nothing is in an area that is not known, or does not exist yet
        found = self.by_reference.get(reference, [])
        if self.area_required or wanted.area_mapped:
            area = wanted.area.pk if wanted.area else None
            found = [record for record in found if record.service_area_id == area]
        return [record for record in found if self.same_reference_scope(record, wanted)]

    def same_reference_scope(self, record, wanted: Wanted) -> bool:
        """Whether a record with the row's reference is the row's record (savings: its year)."""
        return True

    def read_reference(self, cells: RowCells, wanted: Wanted) -> None:
        if cells.mapped("reference"):
            wanted.fields["reference"] = cells.text("reference")[:50].strip()

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
                cells.field_problem(base, " ".join(messages))
        for name, message in self.dates_out_of_order(instance):
            cells.field_problem(name, message)

    def dates_out_of_order(self, instance) -> list[tuple[str, str]]:
        """(the later date, what is wrong) for each of ``date_order`` that the record breaks."""
        found = []
        for start, end, message in self.date_order:
            first = getattr(instance, f"{start}_earliest")
            last = getattr(instance, f"{end}_latest")
            if first and last and last < first:
                found.append((end, message))
        return found

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
        made = {"programme": self.run.programme, "service_area": wanted.area, "order": order}
        row.operation = CreateRecord(self.model, {**fields, **made})

    def update(self, record, wanted: Wanted, diffs, cells: RowCells, row: RowPlan) -> None:
        changes = {name: new for name, _, new in diffs}
        self.validate(self.trial(record, changes), cells)
        row.operation = EditRecord(record, record.version, changes)
