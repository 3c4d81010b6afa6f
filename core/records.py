"""Writes to a programme's records. The web forms, spreadsheet imports, the seed loader and
management commands all come through here, so every rule is enforced once: validation with
``full_clean``, no lost updates (``versioning``), and audit history with who made the change."""

from datetime import datetime

from django.db import transaction
from django.db.models import Model

from core.fuzzydates import FuzzyDate

from .versioning import save_if_unchanged

FUZZY_PARTS = ("text", "earliest", "latest", "precision")


def column_names(instance: Model, changes: dict) -> list[str]:
    """The database columns behind ``changes``: a fuzzy date is four columns."""
    names = []
    for name, value in changes.items():
        if isinstance(value, FuzzyDate) or (value is None and hasattr(instance, f"{name}_text")):
            names.extend(f"{name}_{part}" for part in FUZZY_PARTS)
        else:
            names.append(instance._meta.get_field(name).attname)
    return names


def _stamp(record: Model, by, at: datetime | None) -> None:
    """Who made the change, and when it happened if not now (an import or a transcribed report
    records changes made earlier), for the audit history."""
    if by is not None:
        record._history_user = by
    if at is not None:
        record._history_date = at


@transaction.atomic
def record_create(*, record: Model, by=None, at: datetime | None = None) -> Model:
    """Save a new risk, savings line, action, lesson, service area… after validating it."""
    record.full_clean()
    _stamp(record, by, at)
    record.save()
    return record


@transaction.atomic
def record_edit(
    *, record: Model, opened_version: int, changes: dict, by=None, at: datetime | None = None
) -> Model:
    """Apply ``changes`` (field name → new value) to a versioned record, refusing with
    ``StaleEdit`` if someone saved it after ``opened_version``. Nothing is saved on any error,
    and the caller's object is put back as it was."""
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
