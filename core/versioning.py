"""No lost updates: an edit is saved only if nobody else saved the record since it was opened.

Each editable record carries a ``version``. The form sends back the version it was opened at;
``save_if_unchanged`` bumps the version with a conditional UPDATE (``WHERE version = opened``),
which is atomic on every database, SQLite included, where ``select_for_update`` does nothing.
If no row matched, someone saved first: ``StaleEdit`` carries the record as it is now so the
form can show what changed meanwhile and keep what this user typed.
"""

from django.db import transaction
from django.db.models import F, Model


class StaleEdit(Exception):
    def __init__(self, current: Model, changed_fields: list[str]):
        self.current = current
        self.changed_fields = changed_fields
        super().__init__(f"{current} was changed by someone else while you were editing it.")


def changes_between(before: Model, after: Model, fields) -> list[str]:
    return [name for name in fields if getattr(before, name) != getattr(after, name)]


def opened_state(model, pk, version: int) -> Model | None:
    """The record as it was saved at ``version`` (its last state at that version), read from its
    history; None when the history does not hold it."""
    row = model.history.filter(id=pk, version=version).order_by("-history_id").first()
    return row.instance if row is not None else None


def stale_edit(model, pk, opened_version: int, fields=()) -> StaleEdit:
    """The refusal for an edit opened at ``opened_version`` of a record someone has saved since:
    the record now, and everything the other person changed, not only what this user is
    changing (the form shows it all before this user saves over it)."""
    current = model.objects.get(pk=pk)
    opened = opened_state(model, pk, opened_version)
    everything = [f.attname for f in model._meta.concrete_fields if f.attname != "version"]
    changed = changes_between(opened, current, everything) if opened else list(fields)
    return StaleEdit(current, changed)


@transaction.atomic
def save_if_unchanged(instance: Model, *, opened_version: int, fields: list[str], by=None) -> None:
    """Validate and save ``fields`` of ``instance`` unless it changed since ``opened_version``."""
    instance.full_clean()
    model = type(instance)
    claimed = model.objects.filter(pk=instance.pk, version=opened_version).update(
        version=F("version") + 1
    )
    if not claimed:
        raise stale_edit(model, instance.pk, opened_version, fields)
    instance.version = opened_version + 1
    if by is not None:
        instance._history_user = by
    instance.save(update_fields=[*fields, "version"])


def conflict_summary(stale: StaleEdit, *, show=None) -> dict:
    """What the form shows when someone saved first: who, and each field they changed with its
    value now (a fuzzy date by its words; ``show(field_name)`` may word a value for the form).
    Read before the form copies this user's typing onto ``stale.current``."""
    model = type(stale.current)
    changed = []
    for name in stale.changed_fields:
        if name.endswith(("_earliest", "_latest", "_precision")):
            continue
        field = model._meta.get_field(name)
        now = show(field.name) if show else getattr(stale.current, name)
        changed.append({"label": field.verbose_name, "now": now})
    last = stale.current.history.select_related("history_user").first()
    return {"changed": changed, "by": last.history_user if last else None}
