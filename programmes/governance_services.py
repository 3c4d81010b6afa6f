"""Writes of a programme's governance: its bodies, their members, their meetings with their
agendas, and its glossary.

Each write asks ``Rights.can_manage_governance`` again (the pages ask first; a crafted request
that reaches here is refused all the same) and saves through ``core.records``: validated with
``full_clean``, refused if someone saved the record since it was opened, and kept in the
history with who made the change. Nothing with a history is deleted: bodies close, memberships
end, meetings are cancelled and terms retire, each with its date or its reason; only a meeting
that nothing refers to may be deleted (one added by mistake)."""

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Model

from core.records import record_create, record_delete, record_edit
from core.versioning import save_if_unchanged

from .models import AgendaItem, BodyMembership, GlossaryTerm, GovernanceBody, Meeting, Person
from .models.people_scope import NOT_THE_PROGRAMMES
from .rights import Rights

REFUSED = "Only the programme's managers keep its governance bodies, meetings and glossary."


def programme_id_of(record: Model) -> int:
    if isinstance(record, GovernanceBody | GlossaryTerm):
        return record.programme_id
    if isinstance(record, BodyMembership | Meeting):
        return record.body.programme_id
    raise TypeError(f"{type(record).__name__} is not part of a programme's governance")


def check_may_keep(record: Model, by) -> None:
    if not Rights.of(by).can_manage_governance(programme_id_of(record)):
        raise PermissionDenied(REFUSED)


def governance_create(*, record: Model, by) -> Model:
    """Add a body, a member, a meeting (without agenda) or a glossary term."""
    check_may_keep(record, by)
    if isinstance(record, BodyMembership):
        _check_programme_person(record)
    return record_create(record=record, by=by)


def governance_edit(*, record: Model, opened_version: int, changes: dict, by) -> Model:
    """Change a body, a membership, a meeting or a glossary term (``core.records.record_edit``:
    ``StaleEdit`` if someone saved it since ``opened_version``)."""
    check_may_keep(record, by)
    return record_edit(record=record, opened_version=opened_version, changes=changes, by=by)


def _check_programme_person(membership: BodyMembership) -> None:
    # Sitting on a body makes someone one of the programme's people, so the model cannot ask
    # ``of_programme`` itself: a new member must already be one (named on a service area,
    # working for a partner organisation, listed among its other people…).
    programme_id = membership.body.programme_id
    if not Person.objects.of_programme(programme_id).filter(pk=membership.person_id).exists():
        raise ValidationError({"person": NOT_THE_PROGRAMMES.format(what="member")})


# --- Bodies --------------------------------------------------------------------------------------


def body_close(
    *, body: GovernanceBody, opened_version: int, closed_on: date, reason: str, by
) -> GovernanceBody:
    """Close a body that has stopped meeting. Refused while it has meetings after that day that
    are not cancelled: they would be meetings of a body that no longer exists."""
    check_may_keep(body, by)
    later = list(body.meetings.going_ahead().filter(date__gt=closed_on).order_by("date"))
    if later:
        days = ", ".join(f"{meeting.date:%-d %B %Y}" for meeting in later)
        raise ValidationError(
            {
                "closed_on": f"The {body.short_name} still has {len(later)} "
                f"meeting{'s' if len(later) != 1 else ''} after {closed_on:%-d %B %Y} ({days}): "
                "cancel them, or move them to another body, first."
            }
        )
    changes = {"closed_on": closed_on, "closed_reason": reason}
    return governance_edit(record=body, opened_version=opened_version, changes=changes, by=by)


def body_reopen(*, body: GovernanceBody, opened_version: int, by) -> GovernanceBody:
    changes = {"closed_on": None, "closed_reason": ""}
    return governance_edit(record=body, opened_version=opened_version, changes=changes, by=by)


# --- Members -------------------------------------------------------------------------------------


def membership_end(
    *, membership: BodyMembership, opened_version: int, left_on: date, by
) -> BodyMembership:
    """End a membership on ``left_on`` (the last day as a member). The membership stays on
    record: the reports of earlier dates still list the member."""
    if membership.left_on is not None:
        raise ValidationError(
            {"left_on": f"This membership already ended on {membership.left_on:%-d %B %Y}."}
        )
    changes = {"left_on": left_on}
    return governance_edit(record=membership, opened_version=opened_version, changes=changes, by=by)


# --- Meetings ------------------------------------------------------------------------------------


@transaction.atomic
def meeting_save(
    *, meeting: Meeting, agenda, by, changes: dict | None = None, opened_version=None
) -> Meeting:
    """Add a meeting with its agenda, or save the changes to a meeting (``changes``, opened at
    ``opened_version``) and to its agenda (``agenda``: a valid formset of its items). The
    meeting's version covers its agenda: a change to the agenda alone moves it too, so two
    people editing the same meeting cannot overwrite each other's agenda unseen."""
    check_may_keep(meeting, by)
    if meeting.pk is None:
        record_create(record=meeting, by=by)
    elif changes:
        record_edit(record=meeting, opened_version=opened_version, changes=changes, by=by)
    elif agenda.has_changed():
        save_if_unchanged(meeting, opened_version=opened_version, fields=[], by=by)
    for item in agenda.items_to_remove():
        record_delete(record=item, by=by)
    for item in agenda.items_to_save():
        item.meeting = meeting
        item.full_clean()  # the presenter checked against the programme, now it is known
        item._history_user = by
        item.save()
    return meeting


def meeting_cancel(*, meeting: Meeting, opened_version: int, reason: str, by) -> Meeting:
    """Cancel a meeting that will not (or did not) take place. What refers to it keeps doing
    so: the milestones reporting to it and the packs issued to it still name it."""
    if meeting.is_cancelled:
        raise ValidationError("This meeting is already cancelled.")
    changes = {"is_cancelled": True, "cancelled_reason": reason}
    return governance_edit(record=meeting, opened_version=opened_version, changes=changes, by=by)


def meeting_reinstate(*, meeting: Meeting, opened_version: int, by) -> Meeting:
    changes = {"is_cancelled": False, "cancelled_reason": ""}
    return governance_edit(record=meeting, opened_version=opened_version, changes=changes, by=by)


def what_refers_to(meeting: Meeting) -> list[str]:
    """What refers to the meeting, in words ("2 milestones", "1 issued pack"): every record
    that points at it but its own agenda. Read from the relations themselves, so that a new
    kind of record pointing at meetings is counted without this module knowing it."""
    found = []
    for relation in Meeting._meta.related_objects:
        model = relation.related_model
        if relation.hidden or model is AgendaItem:  # history rows, and the meeting's own agenda
            continue
        count = model._default_manager.filter(**{relation.field.name: meeting}).count()
        if count:
            noun = model._meta.verbose_name if count == 1 else model._meta.verbose_name_plural
            found.append(f"{count} {noun}")
    return found


def refers_to_it(meeting: Meeting) -> str:
    """ "2 milestones and 1 issued pack refer to it", "1 milestone refers to it", or "" """
    found = what_refers_to(meeting)
    if not found:
        return ""
    verb = "refers" if len(found) == 1 and found[0].startswith("1 ") else "refer"
    return f"{' and '.join(found)} {verb} to it"


@transaction.atomic
def meeting_delete(*, meeting: Meeting, by) -> None:
    """Delete a meeting added by mistake. Refused when anything refers to it: cancel it
    instead. Its history, and its agenda's, keep a row saying who deleted it."""
    check_may_keep(meeting, by)
    if referring := refers_to_it(meeting):
        raise ValidationError(
            f"This meeting cannot be deleted: {referring}. Cancel it instead; it stays on the "
            "list, marked cancelled, with your reason."
        )
    for item in meeting.agenda_items.all():
        record_delete(record=item, by=by)
    record_delete(record=meeting, by=by)


# --- Glossary ------------------------------------------------------------------------------------


def term_retire(*, term: GlossaryTerm, opened_version: int, reason: str, by) -> GlossaryTerm:
    """Retire a term the reports no longer use: the Key leaves it out from now on."""
    if term.is_retired:
        raise ValidationError("This term is already retired.")
    changes = {"is_retired": True, "retired_reason": reason}
    return governance_edit(record=term, opened_version=opened_version, changes=changes, by=by)


def term_restore(*, term: GlossaryTerm, opened_version: int, by) -> GlossaryTerm:
    changes = {"is_retired": False, "retired_reason": ""}
    return governance_edit(record=term, opened_version=opened_version, changes=changes, by=by)
