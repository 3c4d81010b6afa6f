"""Writes to a programme's records. The web forms, the admin, spreadsheet imports, the seed
loader and management commands all come through here, so every rule is enforced once:
validation with ``full_clean``, no lost updates (``versioning``), audit history with who made
the change, and no history for a save that changes nothing. ``records_create`` and
``records_edit`` do the same for many records of one model at once (a spreadsheet import), in a
fixed number of queries whatever their number: bulk inserts and updates, with their history
rows, validated together (``core.batches``)."""

from datetime import datetime
from typing import NamedTuple

from django.db import transaction
from django.db.models import Case, CharField, F, Model, TextField, Value, When
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from core.fuzzydates import FuzzyDate, Precision

from .batches import full_clean_all
from .versioning import save_if_unchanged, stale_edit

FUZZY_PARTS = ("text", "earliest", "latest", "precision")
NO_DATE = FuzzyDate("", None, None, Precision.UNDATED)  # what a fuzzy date set to None holds


def plain_text(value):
    """Words with their line endings as stored: a browser sends a textarea's lines ending
    "\\r\\n", a spreadsheet cell may hold "\\r"; both are kept as "\\n", so that saving words
    unchanged is no change. Anything but text is returned as it is."""
    if isinstance(value, str):
        return value.replace("\r\n", "\n").replace("\r", "\n")
    return value


def column_names(instance: Model, changes: dict) -> list[str]:
    """The database columns behind ``changes``: a fuzzy date is four columns."""
    names = []
    for name, value in changes.items():
        if isinstance(value, FuzzyDate) or (value is None and hasattr(instance, f"{name}_text")):
            names.extend(f"{name}_{part}" for part in FUZZY_PARTS)
        else:
            names.append(instance._meta.get_field(name).attname)
    return names


def actual_changes(record: Model, changes: dict) -> dict:
    """The part of ``changes`` that differs from what ``record`` holds (words compared with
    plain line endings, a related record by its id), so that a form sent back unchanged saves
    nothing."""
    actual = {}
    for name, value in changes.items():
        value = plain_text(value)
        if isinstance(value, FuzzyDate) or hasattr(record, f"{name}_text"):
            same = (NO_DATE if value is None else value) == getattr(record, name)
        else:
            field = record._meta.get_field(name)
            stored = value.pk if field.is_relation and isinstance(value, Model) else value
            same = stored == getattr(record, field.attname)
        if not same:
            actual[name] = value
    return actual


def _plain_text_fields(record: Model) -> None:
    for field in record._meta.concrete_fields:
        if isinstance(field, CharField | TextField):
            setattr(record, field.attname, plain_text(getattr(record, field.attname)))


def _stamp(record: Model, by, at: datetime | None) -> None:
    """Who made the change, and when it happened if not now (an import or a transcribed report
    records changes made earlier), for the audit history."""
    if by is not None:
        record._history_user = by
    if at is not None:
        record._history_date = at


@transaction.atomic
def record_delete(*, record: Model, by) -> None:
    """Remove a row whose removal is itself a fact (an access withdrawn, a person taken off an
    area, an unused stage, an agenda item): its history keeps what it was and who removed it."""
    _stamp(record, by, None)
    record.delete()


@transaction.atomic
def record_create(*, record: Model, by=None, at: datetime | None = None) -> Model:
    """Save a new risk, savings line, action, lesson, service area… after validating it."""
    _plain_text_fields(record)
    record.full_clean()
    _stamp(record, by, at)
    record.save()
    return record


@transaction.atomic
def record_edit(
    *, record: Model, opened_version: int, changes: dict, by=None, at: datetime | None = None
) -> Model:
    """Apply ``changes`` (field name → new value) to a versioned record, refusing with
    ``StaleEdit`` if someone saved it after ``opened_version``. Values the record already holds
    are left out: if nothing is left, nothing is saved (no new version, no history). Nothing is
    saved on any error, and the caller's object is put back as it was."""
    changes = actual_changes(record, changes)
    if not changes:
        return record
    before = {name: getattr(record, name) for name in changes}
    for name, value in changes.items():
        setattr(record, name, value)
    _stamp(record, None, at)
    try:
        save_if_unchanged(
            record, opened_version=opened_version, fields=column_names(record, changes), by=by
        )
    except Exception:
        for name, value in before.items():
            setattr(record, name, value)
        raise
    return record


@transaction.atomic
def records_create(records: list[Model], *, by=None, at: datetime | None = None) -> list[Model]:
    """Save many new records of one model as ``record_create`` saves each: validated (the
    first broken rule is raised and nothing is saved), with a history row each."""
    if not records:
        return []
    for record in records:
        _plain_text_fields(record)
    full_clean_all(records)
    for record in records:
        _stamp(record, by, at)
    return bulk_create_with_history(records, type(records[0]), batch_size=BULK_SIZE)


BULK_SIZE = 500  # rows per INSERT or UPDATE statement


class Edit(NamedTuple):
    """One record's edit among many (``records_edit``): as ``record_edit``'s arguments."""

    record: Model
    opened_version: int
    changes: dict
    at: datetime | None = None


@transaction.atomic
def records_edit(edits: list[Edit], *, by=None) -> list[Model]:
    """``record_edit`` for many records of one model at once, each record at most once: values
    a record already holds are left out and a record left with nothing to change is not saved;
    the others are validated together, their versions claimed (``WHERE version = opened``, as
    ``save_if_unchanged``), saved and given a history row each. If any was saved by someone
    else since it was opened, ``StaleEdit`` is raised for it, nothing is saved and the callers'
    objects are put back as they were. The records saved."""
    changed, before, columns = [], [], set()
    for edit in edits:
        record = edit.record
        changes = actual_changes(record, edit.changes)
        if not changes:
            continue
        before.append((record, {name: getattr(record, name) for name in changes}))
        for name, value in changes.items():
            setattr(record, name, value)
        columns.update(column_names(record, changes))
        changed.append(edit)
    if not changed:
        return []
    records = [edit.record for edit in changed]
    model = type(records[0])
    try:
        full_clean_all(records)
        _claim_versions(model, [(edit.record, edit.opened_version) for edit in changed])
        for edit in changed:
            edit.record.version = edit.opened_version + 1
            edit.record.__dict__.pop("_history_date", None)  # an earlier edit's time
            _stamp(edit.record, by, edit.at)
        bulk_update_with_history(
            records, model, [*sorted(columns), "version"], batch_size=BULK_SIZE
        )
    except Exception:
        for record, values in before:
            for name, value in values.items():
                setattr(record, name, value)
        raise
    return records


def _claim_versions(model, changed: list[tuple[Model, int]]) -> None:
    """Bump every record's version if it is still the version opened: the versions read (and
    locked, where the database locks rows) then one conditional UPDATE per ``BULK_SIZE``
    records, which also refuses a save that slipped in between where rows are not locked.
    ``StaleEdit`` for the first record someone else saved."""
    for start in range(0, len(changed), BULK_SIZE):
        part = changed[start : start + BULK_SIZE]
        pks = [record.pk for record, _ in part]
        now = dict(
            model.objects.select_for_update().filter(pk__in=pks).values_list("pk", "version")
        )
        stale = next(((r, v) for r, v in part if now.get(r.pk) != v), None)
        if stale is None:
            opened = Case(*(When(pk=record.pk, then=Value(version)) for record, version in part))
            claimed = model.objects.filter(pk__in=pks, version=opened).update(
                version=F("version") + 1
            )
            if claimed != len(part):
                now = dict(model.objects.filter(pk__in=pks).values_list("pk", "version"))
                stale = next(((r, v) for r, v in part if now.get(r.pk) != v + 1), part[0])
        if stale is not None:
            raise stale_edit(model, stale[0].pk, stale[1])
