"""Setting up a programme's service areas: adding, changing, ordering, closing and reopening
them, which partner authorities take part in each, and who is named on each in which role.

Adding, ordering, closing, partners and people are the programme managers'
(``Rights.can_manage_programme``); the people named on an area change its scope, purpose and
ratings (``Rights.can_edit_area``), and only managers its name, number and place. Each
function asks again, whatever the page did. Nothing with history is deleted: a closed area
keeps its milestones, updates and history, leaves the lists of current work
(``ServiceArea.objects.open()``) and can be reopened; a person taken off an area stays in its
history.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from core.ordering import moved
from core.records import record_create, record_delete, record_edit

from .forms.people import NOT_OFFERED
from .models import Participation, Person, ServiceArea, ServiceAreaRole
from .programme_setup import save_order
from .rights import Rights

#: What only a programme's managers change about an area; its people change the rest.
MANAGERS_FIELDS = frozenset({"name", "number", "parent", "order", "closed_on", "closed_reason"})


def _may_manage(rights: Rights, programme_id: int, what: str) -> None:
    if not rights.can_manage_programme(programme_id):
        raise PermissionDenied(f"Only the programme's managers can {what}.")


@transaction.atomic
def area_add(*, area: ServiceArea, rights: Rights, by) -> ServiceArea:
    """Add ``area`` (not yet saved) after its programme's other areas."""
    _may_manage(rights, area.programme_id, "add service areas")
    last = (
        ServiceArea.objects.filter(programme_id=area.programme_id)
        .order_by("-order")
        .values_list("order", flat=True)
        .first()
    )
    area.order = 0 if last is None else last + 1
    return record_create(record=area, by=by)


@transaction.atomic
def area_edit(
    *, area: ServiceArea, opened_version: int, changes: dict, rights: Rights, by
) -> ServiceArea:
    """Change an area: its people change what it is doing, its managers anything."""
    if not rights.can_edit_area(area):
        raise PermissionDenied("Only the people named on this service area can change it.")
    if MANAGERS_FIELDS & set(changes):
        _may_manage(rights, area.programme_id, "rename, renumber or move a service area")
    return record_edit(record=area, opened_version=opened_version, changes=changes, by=by)


@transaction.atomic
def area_move(*, area: ServiceArea, direction: str, rights: Rights, by) -> None:
    """Move an area one place up or down among its programme's open areas."""
    _may_manage(rights, area.programme_id, "reorder service areas")
    areas = list(ServiceArea.objects.filter(programme_id=area.programme_id).open())
    save_order(moved(areas, area, direction), by=by)


@transaction.atomic
def area_close(
    *, area: ServiceArea, opened_version: int, reason: str, rights: Rights, by
) -> ServiceArea:
    """Close an area, saying why; refused while areas under it are open (close them first)."""
    _may_manage(rights, area.programme_id, "close service areas")
    if area.is_closed:
        raise ValidationError(f"{area.name} was already closed on {area.closed_on:%-d %B %Y}.")
    if open_children := list(area.children.open()):
        names = ", ".join(child.name for child in open_children)
        raise ValidationError(f"Close what sits under {area.name} first: {names}.")
    changes = {"closed_on": timezone.localdate(), "closed_reason": reason}
    return record_edit(record=area, opened_version=opened_version, changes=changes, by=by)


@transaction.atomic
def area_reopen(*, area: ServiceArea, opened_version: int, rights: Rights, by) -> ServiceArea:
    """Reopen a closed area (its history keeps when and why it was closed)."""
    _may_manage(rights, area.programme_id, "reopen service areas")
    if not area.is_closed:
        raise ValidationError(f"{area.name} is open already.")
    if area.parent_id and area.parent.is_closed:
        raise ValidationError(f"Reopen {area.parent.name} first: {area.name} sits under it.")
    changes = {"closed_on": None, "closed_reason": ""}
    return record_edit(record=area, opened_version=opened_version, changes=changes, by=by)


@transaction.atomic
def participation_record(
    *, participation: Participation, opened_version: int | None, changes: dict, rights: Rights, by
) -> Participation:
    """Record whether a partner authority takes part in an area's work, or change it."""
    area = participation.service_area
    _may_manage(rights, area.programme_id, "record partners' participation")
    if participation.pk is None:
        for name, value in changes.items():
            setattr(participation, name, value)
        return record_create(record=participation, by=by)
    return record_edit(record=participation, opened_version=opened_version, changes=changes, by=by)


@transaction.atomic
def role_add(*, area: ServiceArea, person: Person, role: str, rights: Rights, by):
    """Name one of the programme's people on an area in a role (after those named already)."""
    _may_manage(rights, area.programme_id, "name people on service areas")
    if not Person.objects.of_programme(area.programme_id).filter(pk=person.pk).exists():
        raise ValidationError({"person": NOT_OFFERED})
    last = area.roles.order_by("-order").values_list("order", flat=True).first()
    named = ServiceAreaRole(
        service_area=area, person=person, role=role, order=0 if last is None else last + 1
    )
    return record_create(record=named, by=by)


@transaction.atomic
def role_remove(*, role: ServiceAreaRole, rights: Rights, by) -> None:
    """Take a person off an area: they no longer edit it; its history keeps who they were."""
    _may_manage(rights, role.service_area.programme_id, "take people off service areas")
    record_delete(record=role, by=by)
