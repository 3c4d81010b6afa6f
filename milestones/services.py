"""Writes to milestones and progress updates. Web forms, imports, the seed loader and management
commands all come through here, so the rules (a reason for every move of a date, history kept,
no lost updates, nothing half-saved, a reason for cancelling) are enforced once. Writes to
several of an area's milestones together are in ``area_writes``; ``milestones_create`` and
``milestones_edit`` apply the same rules to many milestones at once (a spreadsheet import) in a
fixed number of queries."""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone

from core import slippage
from core.batches import full_clean_all
from core.fuzzydates import FuzzyDate
from core.records import (
    BULK_SIZE,
    Edit,
    actual_changes,
    record_create,
    record_edit,
    records_create,
    records_edit,
)
from core.versioning import StaleEdit
from programmes.rights import Rights

from .models import DateChange, Milestone, ProgressUpdate

CANCELLATION_FIELDS = ("cancelled_reason", "cancelled_by", "cancelled_at")


def check_entitled(area, by) -> None:
    """The pages' rights check, made again here: a user (``by``) changes an area's milestones
    only if they manage its programme or are named on the area. Writes with no user (the seed
    loader, commands) are not asked."""
    if by is not None and not Rights.of(by).can_edit_area(area):
        raise PermissionDenied(
            f"Only the programme's managers and the people named on {area.name} can change "
            "its milestones."
        )


def completing(changes: dict) -> dict:
    """``changes`` (field → value) with the status Complete added when they give an actual
    completion date and no status: giving the date a milestone was delivered marks it complete.
    A status given with the date is kept, and the model refuses it unless it is Complete."""
    actual = changes.get("actual_completion")
    if actual is not None and actual.is_dated and "status" not in changes:
        return {**changes, "status": Milestone.Status.COMPLETE}
    return changes


def reinstating(milestone: Milestone, changes: dict) -> dict:
    """``changes`` with why, by whom and when it was cancelled cleared when they give a
    cancelled milestone another status: those words belong to a cancelled milestone only (its
    history keeps them)."""
    leaving = changes.get("status", milestone.status) != Milestone.Status.CANCELLED
    if milestone.status == Milestone.Status.CANCELLED and leaving:
        return {**changes, "cancelled_reason": "", "cancelled_by": None, "cancelled_at": None}
    return changes


def next_order(service_area) -> int:
    """The order that puts a new milestone after every other milestone of its area."""
    highest = service_area.milestones.aggregate(highest=Max("order"))["highest"]
    return 0 if highest is None else highest + 1


def milestone_create(
    *, service_area, title: str, by=None, at: datetime | None = None, **fields
) -> Milestone:
    """A new milestone, after its area's others unless ``order`` is given. Dates are FuzzyDates
    (``planned_completion=parse("March '10")``)."""
    if service_area is not None:
        check_entitled(service_area, by)
        fields.setdefault("order", next_order(service_area))
    milestone = Milestone(service_area=service_area, title=title, **completing(fields))
    return record_create(record=milestone, by=by, at=at)


def _dates(milestone: Milestone) -> dict[str, FuzzyDate]:
    return {name: getattr(milestone, name) for name in Milestone.DATE_NAMES}


def date_moves(*, before: Mapping[str, FuzzyDate], changes: Mapping) -> dict[str, str]:
    """The planned and forecast dates an edit moves, each with which way it goes.

    ``before`` holds the milestone's dates as they stand, by name; ``changes`` the new values.
    A date moves when its meaning changes, never its words alone (``core.slippage``); a first
    forecast is compared with the plan as the edit leaves it.
    """
    after = {**before, **changes}
    moves = {}
    for name in Milestone.RESCHEDULABLE_DATES:
        if name not in changes:
            continue
        plan = Milestone.BASELINES.get(name)
        baseline = after[plan] if plan else None
        way = slippage.direction(before[name], changes[name], baseline=baseline)
        if way != slippage.SAME:
            moves[name] = way
    return moves


@transaction.atomic
def milestone_edit(
    *,
    milestone: Milestone,
    opened_version: int,
    changes: dict,
    reason: str = "",
    by=None,
    at: datetime | None = None,
) -> list[DateChange]:
    """Apply an edit to a milestone.

    Moving a planned or forecast date needs a ``reason`` and leaves a DateChange (old and new
    date, which way, reason, who, when) for each date moved; rewording one ("Mar 2010" as
    "March 2010") saves the words with neither. Giving an actual completion date marks the
    milestone complete. Raises ValidationError or ``StaleEdit`` and saves nothing when the edit
    breaks a rule or someone else saved the milestone first.
    """
    changes = dict(changes)
    moved = date_moves(before=_dates(milestone), changes=changes)
    reason = (reason or "").strip()
    if moved and not reason:
        raise ValidationError({next(iter(moved)): "Say why the date is changing."})
    changes = reinstating(milestone, completing(changes))
    old_dates = {name: getattr(milestone, name) for name in moved}

    record_edit(record=milestone, opened_version=opened_version, changes=changes, by=by, at=at)

    when = at or timezone.now()
    history = []
    for name, way in moved.items():
        change = DateChange(
            milestone=milestone,
            field=name,
            old=old_dates[name],
            new=getattr(milestone, name),
            direction=way,
            reason=reason,
            changed_by=by,
            changed_at=when,
        )
        change.full_clean()
        change.save()
        history.append(change)
    return history


@dataclass
class MilestoneEdit:
    """One milestone's edit among many (``milestones_edit``): ``milestone_edit``'s arguments."""

    milestone: Milestone
    opened_version: int
    changes: dict
    reason: str = ""
    at: datetime | None = None


def milestones_create(new: list[dict], *, by=None, at: datetime | None = None) -> list[Milestone]:
    """``milestone_create`` for many milestones at once, each given as its keyword arguments
    (``service_area``, ``title``, the other fields): the same rights, order and completion
    rules, validated together and saved with their history rows in a fixed number of queries."""
    areas = {id(fields["service_area"]): fields["service_area"] for fields in new}
    orders = {}
    for key, area in areas.items():
        if area is not None:
            check_entitled(area, by)
            if any("order" not in f for f in new if f["service_area"] is area):
                orders[key] = next_order(area)
    milestones = []
    for fields in new:
        fields = dict(fields)
        key = id(fields["service_area"])
        if key in orders and "order" not in fields:
            fields["order"], orders[key] = orders[key], orders[key] + 1
        milestones.append(Milestone(**completing(fields)))
    return records_create(milestones, by=by, at=at)


@transaction.atomic
def milestones_edit(edits: list[MilestoneEdit], *, by=None) -> list[DateChange]:
    """``milestone_edit`` for many milestones at once, each milestone at most once: a reason
    for every date moved and a ``DateChange`` for each, completion and reinstatement as for one,
    no lost updates (``StaleEdit`` and nothing saved if any was saved by someone else since it
    was opened). A fixed number of queries, whatever the number of milestones."""
    planned = []
    for edit in edits:
        milestone = edit.milestone
        changes = dict(edit.changes)
        moved = date_moves(before=_dates(milestone), changes=changes)
        reason = (edit.reason or "").strip()
        if moved and not reason:
            raise ValidationError({next(iter(moved)): "Say why the date is changing."})
        changes = reinstating(milestone, completing(changes))
        old_dates = {name: getattr(milestone, name) for name in moved}
        planned.append((edit, changes, moved, old_dates, reason))
    records_edit(
        [Edit(e.milestone, e.opened_version, changes, e.at) for e, changes, *_ in planned], by=by
    )
    now = timezone.now()
    history = [
        DateChange(
            milestone=edit.milestone,
            field=name,
            old=old_dates[name],
            new=getattr(edit.milestone, name),
            direction=way,
            reason=reason,
            changed_by=by,
            changed_at=edit.at or now,
        )
        for edit, _, moved, old_dates, reason in planned
        for name, way in moved.items()
    ]
    full_clean_all(history)
    return DateChange.objects.bulk_create(history, batch_size=BULK_SIZE)


def milestone_reschedule(
    *,
    milestone: Milestone,
    field: str,
    new: FuzzyDate,
    reason: str,
    by=None,
    at: datetime | None = None,
) -> DateChange:
    """Move one planned or forecast date, keeping the old one, the reason, who and when."""
    if field not in Milestone.RESCHEDULABLE_DATES:
        raise ValidationError(f"The {field.replace('_', ' ')} is not a date that can be moved.")
    if field not in date_moves(before=_dates(milestone), changes={field: new}):
        raise ValidationError({field: "The new date means the same as the old one."})
    (change,) = milestone_edit(
        milestone=milestone,
        opened_version=milestone.version,
        changes={field: new},
        reason=reason,
        by=by,
        at=at,
    )
    return change


def milestone_cancel(
    *,
    milestone: Milestone,
    opened_version: int,
    reason: str,
    by=None,
    at: datetime | None = None,
) -> Milestone:
    """Cancel (close) a milestone that will not be done or is no longer tracked, saying why. It
    is kept with its dates, date history and updates, is finished (never late, not on anyone's
    list of work) and can be reinstated."""
    check_entitled(milestone.service_area, by)
    reason = (reason or "").strip()
    if milestone.status == Milestone.Status.CANCELLED:
        raise ValidationError("It is already cancelled.")
    if milestone.status == Milestone.Status.COMPLETE:
        raise ValidationError(
            "It is complete, so there is nothing to cancel. If it was marked complete by "
            "mistake, change its status first."
        )
    if not reason:
        raise ValidationError({"cancelled_reason": "Say why it is cancelled."})
    milestone_edit(
        milestone=milestone,
        opened_version=opened_version,
        changes={
            "status": Milestone.Status.CANCELLED,
            "cancelled_reason": reason,
            "cancelled_by": by,
            "cancelled_at": at or timezone.now(),
        },
        by=by,
        at=at,
    )
    return milestone


def milestone_reinstate(
    *,
    milestone: Milestone,
    opened_version: int,
    status: str,
    by=None,
    at: datetime | None = None,
) -> Milestone:
    """Bring a cancelled milestone back with ``status``. Why it was cancelled stays in its
    history; its page no longer shows it."""
    check_entitled(milestone.service_area, by)
    if milestone.status != Milestone.Status.CANCELLED:
        raise ValidationError("It is not cancelled.")
    if status not in Milestone.Status.values or status == Milestone.Status.CANCELLED:
        raise ValidationError({"status": "Choose the status it goes back to."})
    milestone_edit(
        milestone=milestone, opened_version=opened_version, changes={"status": status}, by=by, at=at
    )
    return milestone


def status_before_cancelled(milestone: Milestone) -> str | None:
    """The status a cancelled milestone had before it was cancelled, from its history (None if
    it was cancelled from the start)."""
    return (
        milestone.history.exclude(status=Milestone.Status.CANCELLED)
        .values_list("status", flat=True)
        .first()
    )


@transaction.atomic
def progress_update_write(
    *,
    service_area,
    period,
    text: str,
    opened_version: int | None,
    by=None,
    author=None,
    milestone=None,
    rag: str = "",
) -> ProgressUpdate:
    """Write the update for a service area, or one of its milestones, for a reporting period.

    There is one update per period. ``opened_version`` is the version of that period's update
    the writer saw when they opened the form (None: they saw none). An update written by
    someone else that the writer has not seen is never replaced: ``StaleEdit`` carries it as it
    is now, so the form can show its text. A writer who saw it may revise it; every version
    stays in its history with who wrote it and when. Writing the same words (and RAG status)
    again saves nothing. Where it stands in sign-off is ``milestones.cycle``'s, which calls
    this for each part of an area's update."""
    subject = {"service_area": service_area, "milestone": milestone, "period": period}
    existing = ProgressUpdate.objects.filter(**subject).first()
    if existing is None:
        update = ProgressUpdate(
            **subject, text=text, rag=rag, author=author, written_by=by, written_at=timezone.now()
        )
        try:
            with transaction.atomic():  # a savepoint: losing the race below leaves no mess
                return record_create(record=update, by=by)
        except (IntegrityError, ValidationError):
            # Someone wrote this period's update at the same moment (the unique row): theirs
            # stands, and this writer is shown it. Any other problem is raised as it is.
            existing = ProgressUpdate.objects.filter(**subject).first()
            if existing is None:
                raise
            raise StaleEdit(existing, ["text"]) from None
    changes = actual_changes(existing, {"text": text, "rag": rag, "author": author})
    if not changes:
        return existing
    if opened_version is None:
        raise StaleEdit(existing, ["text"])
    changes.update(written_by=by, written_at=timezone.now())
    return record_edit(record=existing, opened_version=opened_version, changes=changes, by=by)
