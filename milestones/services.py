"""Writes to milestones. Web forms, imports, the seed loader and management commands all come
through here, so the rules (a reason for every move, history kept, nothing half-saved) are
enforced once."""

from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from .fuzzydates import FuzzyDate
from .models import DateChange, Milestone


def _save(instance, *, by=None, update_fields=None) -> None:
    instance.full_clean()
    if by is not None and hasattr(instance, "history"):
        instance._history_user = by
    instance.save(update_fields=update_fields)


@transaction.atomic
def milestone_create(*, service_area, title: str, by=None, **fields) -> Milestone:
    """A new milestone. Dates are FuzzyDates (``planned_completion=parse("March '10")``)."""
    milestone = Milestone(service_area=service_area, title=title, **fields)
    _save(milestone, by=by)
    return milestone


@transaction.atomic
def milestone_reschedule(
    *,
    milestone: Milestone,
    field: str,
    new: FuzzyDate,
    reason: str,
    by=None,
    at: datetime | None = None,
) -> DateChange:
    """Move a planned or forecast date, keeping the old one, the reason, who and when.

    Raises ValidationError, changing nothing, when the field cannot be rescheduled, no reason is
    given, the date has not changed, or the new date breaks a rule (completion before start).
    """
    if field not in Milestone.RESCHEDULABLE_DATES:
        raise ValidationError(f"The {field.replace('_', ' ')} is not a date that can be moved.")
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({field: "Say why the date is changing."})
    old: FuzzyDate = getattr(milestone, field)
    if (old.text, old.earliest, old.latest) == (new.text, new.earliest, new.latest):
        raise ValidationError({field: "The new date is the same as the old one."})

    setattr(milestone, field, new)
    try:
        _save(
            milestone,
            by=by,
            update_fields=[
                f"{field}_{part}" for part in ("text", "earliest", "latest", "precision")
            ],
        )
    except ValidationError:
        setattr(milestone, field, old)  # the caller's object stays as the database has it
        raise
    change = DateChange(
        milestone=milestone,
        field=field,
        old=old,
        new=new,
        reason=reason,
        changed_by=by,
        changed_at=at or timezone.now(),
    )
    _save(change)
    return change
