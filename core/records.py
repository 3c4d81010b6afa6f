"""Writes to a programme's records. The web forms, the admin, spreadsheet imports, the seed
loader and management commands all come through here, so every rule is enforced once:
validation with ``full_clean``, no lost updates (``versioning``), audit history with who made
the change, and no history for a save that changes nothing."""

from datetime import datetime

from django.db import transaction
from django.db.models import CharField, Model, TextField

from core.fuzzydates import FuzzyDate, Precision

from .versioning import save_if_unchanged

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
