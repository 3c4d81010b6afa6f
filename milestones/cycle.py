"""The period's update cycle: a service area's update is written as a draft, submitted, and
then returned with a comment or accepted by the programme office. Pages, the seed loader and
any command come through here, so the rules hold everywhere:

- only those who may edit the area write, submit and answer its update; only the programme's
  managers accept or return it, and never one who wrote or submitted part of it;
- a submitted update waits for review unchanged; an accepted one is final; a closed period
  takes no more writing, submitting or returning (a submitted update can still be accepted);
- accepting makes it the record: each milestone's comment / current activity and RAG status
  as written, and the area's RAG status, so pages, exports and reports print what was signed
  off;
- every step is kept with who, when and what (``UpdateStep``), and each part's every version
  with its history (``services.progress_update_write``).
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from core.records import record_create, record_edit
from programmes.rights import Rights

from .models import AreaUpdate, Milestone, ProgressUpdate, UpdateStep
from .services import milestone_edit, progress_update_write

TRANSCRIBED = "Transcribed from the report as it was issued: recorded as accepted."


@dataclass(frozen=True)
class Part:
    """One part of an update as its writer sent it: the area's own (``milestone`` None) or a
    milestone's comment / current activity, with the RAG status proposed and the version of
    that part the writer saw (None: they saw none)."""

    milestone: Milestone | None
    text: str
    rag: str
    opened_version: int | None


def sign_off_of(service_area, period) -> AreaUpdate | None:
    return AreaUpdate.objects.filter(service_area=service_area, period=period).first()


def _when(moment) -> str:
    return f"{timezone.localtime(moment):%-d %B %Y}" if moment else "earlier"


def writing_refusal(period, record: AreaUpdate | None) -> str:
    """Why the update cannot be written or submitted now, in words; "" when it can."""
    if period.is_closed:
        return f"{period.label} is closed: updates can no longer be written or submitted for it."
    if record is None or record.is_writable:
        return ""
    if record.status == AreaUpdate.Status.SUBMITTED:
        return (
            f"This update was submitted on {_when(record.submitted_at)} and is waiting for "
            "the programme office's review: it cannot be changed unless they return it."
        )
    return f"This update was accepted on {_when(record.decided_at)}: it can no longer be changed."


def _step(record: AreaUpdate, kind: str, by, comment: str = "") -> UpdateStep:
    step = UpdateStep(area_update=record, kind=kind, comment=comment.strip(), by=by)
    step.full_clean()
    step.save()
    return step


def _baseline(area, milestone) -> tuple[str, str]:
    """What a part holds before anything is written this period: a milestone's comment and
    RAG status as its record holds them; for the area, no text and its RAG status."""
    if milestone is None:
        return "", area.rag
    return milestone.comment, milestone.rag


def _write_parts(*, service_area, period, parts, by, author) -> bool:
    """Save each part that says something new; True if any was saved."""
    existing = {
        update.milestone_id: update
        for update in ProgressUpdate.objects.filter(service_area=service_area, period=period)
    }
    wrote = False
    for part in parts:
        text = part.text.replace("\r\n", "\n").strip()
        saved = existing.get(part.milestone.pk if part.milestone else None)
        if not text:
            if saved is not None:
                what = f"“{part.milestone.title}”" if part.milestone else "The area's update"
                raise ValidationError(
                    f"{what}: an update is saved for this period, so it cannot be emptied; "
                    "write what is current."
                )
            continue
        before_text, before_rag = (
            (saved.text, saved.rag) if saved else _baseline(service_area, part.milestone)
        )
        if (text, part.rag) == (before_text.strip(), before_rag):
            continue  # nothing new: not a version, and not a contribution
        progress_update_write(
            service_area=service_area,
            period=period,
            milestone=part.milestone,
            text=text,
            rag=part.rag,
            opened_version=part.opened_version,
            by=by,
            author=author,
        )
        wrote = True
    return wrote


def _started(service_area, period, by) -> AreaUpdate:
    record = AreaUpdate(service_area=service_area, period=period, status=AreaUpdate.Status.DRAFT)
    try:
        with transaction.atomic():  # a savepoint: someone starting it at the same moment wins
            record_create(record=record, by=by)
    except IntegrityError:
        record = sign_off_of(service_area, period)
        if refusal := writing_refusal(period, record):
            raise ValidationError(refusal) from None
        return record
    _step(record, UpdateStep.Kind.STARTED, by)
    return record


@transaction.atomic
def update_save(
    *,
    service_area,
    period,
    parts: list[Part],
    note: str = "",
    submit: bool = False,
    by,
    author=None,
) -> AreaUpdate | None:
    """Save the writer's parts as the draft of the area's update for ``period`` and, with
    ``submit``, send it to the programme office for review. ``note`` is a reply to the
    programme office (kept as a step; with ``submit``, the submission's note).

    Returns the update's sign-off record; None when nothing was written and none existed.
    Raises PermissionDenied, ValidationError (the words say why), or ``StaleEdit`` when a
    part was saved by someone else since the writer opened it: nothing is saved then."""
    if not Rights.of(by).can_write_update(service_area):
        raise PermissionDenied("Only the people named on this service area can update it.")
    if period.programme_id != service_area.programme_id:
        raise ValidationError("This period belongs to a different programme.")
    record = sign_off_of(service_area, period)
    if refusal := writing_refusal(period, record):
        raise ValidationError(refusal)
    wrote = _write_parts(
        service_area=service_area, period=period, parts=parts, by=by, author=author
    )
    if record is None:
        if not (wrote or submit or note.strip()):
            return None
        record = _started(service_area, period, by)
    note = note.strip()
    if submit:
        has_text = ProgressUpdate.objects.filter(
            service_area=service_area, period=period, milestone=None
        ).exists()
        if not has_text:
            raise ValidationError(
                "Write what happened in the area this period before you submit the update."
            )
        changes = {
            "status": AreaUpdate.Status.SUBMITTED,
            "submitted_by": by,
            "submitted_at": timezone.now(),
        }
        record_edit(record=record, opened_version=record.version, changes=changes, by=by)
        _step(record, UpdateStep.Kind.SUBMITTED, by, note)
    elif note:
        _step(record, UpdateStep.Kind.ANSWERED, by, note)
    return record


def _check_reviewer(record: AreaUpdate, by) -> None:
    rights = Rights.of(by)
    if not rights.can_review_updates(record.service_area.programme_id):
        raise PermissionDenied("Only the programme's managers can accept or return updates.")
    if not rights.can_review_update(record):
        raise PermissionDenied(
            "You wrote or submitted part of this update, so someone else must accept or return "
            "it: nobody signs off their own update."
        )


def _decide(record: AreaUpdate, opened_version: int, status: str, by, at) -> None:
    if record.status != AreaUpdate.Status.SUBMITTED:
        raise ValidationError(
            f"Only a submitted update can be accepted or returned: this one is "
            f"{record.get_status_display().lower()}."
        )
    changes = {"status": status, "decided_by": by, "decided_at": at}
    record_edit(record=record, opened_version=opened_version, changes=changes, by=by, at=at)


def _apply(record: AreaUpdate, by, at) -> None:
    """The accepted update becomes the record: each milestone's comment and RAG status, and
    the area's RAG status (a part with no RAG status leaves the record's as it is)."""
    area = record.service_area
    parts = ProgressUpdate.objects.filter(service_area=area, period=record.period)
    for part in parts.select_related("milestone"):
        if part.milestone_id is None:
            if part.rag:
                changes = {"rag": part.rag}
                record_edit(record=area, opened_version=area.version, changes=changes, by=by, at=at)
            continue
        milestone = part.milestone
        milestone.service_area = area
        changes = {"comment": part.text, **({"rag": part.rag} if part.rag else {})}
        milestone_edit(
            milestone=milestone, opened_version=milestone.version, changes=changes, by=by, at=at
        )


@transaction.atomic
def update_accept(*, record: AreaUpdate, opened_version: int, comment: str = "", by) -> None:
    """Accept a submitted update (opened for review at ``opened_version``). The records it
    changes carry the moment of acceptance in their history, so the next review can compare
    with the records as they were then."""
    _check_reviewer(record, by)
    at = timezone.now()
    _decide(record, opened_version, AreaUpdate.Status.ACCEPTED, by, at)
    _apply(record, by, at)
    _step(record, UpdateStep.Kind.ACCEPTED, by, comment)


@transaction.atomic
def update_return(*, record: AreaUpdate, opened_version: int, comment: str, by) -> None:
    """Send a submitted update back to its writers with a comment they read and answer."""
    _check_reviewer(record, by)
    if not comment.strip():
        raise ValidationError({"comment": "Say what needs changing: the champion reads it."})
    if record.period.is_closed:
        raise ValidationError(
            f"{record.period.label} is closed: reopen it to send the update back, or accept it."
        )
    _decide(record, opened_version, AreaUpdate.Status.RETURNED, by, timezone.now())
    _step(record, UpdateStep.Kind.RETURNED, by, comment)


def update_recorded_as_accepted(*, service_area, period, note: str = TRANSCRIBED) -> AreaUpdate:
    """Record an update written outside the cycle (a seed report as it was issued) as accepted,
    with a step saying so and no one named as having accepted it."""
    record = sign_off_of(service_area, period)
    if record is None:
        record = AreaUpdate(
            service_area=service_area,
            period=period,
            status=AreaUpdate.Status.ACCEPTED,
            decided_at=timezone.now(),
        )
        record_create(record=record)
        _step(record, UpdateStep.Kind.RECORDED, None, note)
    return record
