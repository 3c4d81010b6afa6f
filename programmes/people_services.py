"""Adding and changing a programme's people, and giving and withdrawing their access to it: the
writes behind the People page. Each asks ``programmes.rights`` again, whatever page called it,
saves through ``core.records`` (validation, the version check, history naming who) and is
atomic."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from core import records

from .models import Organisation, Person, Programme, ProgrammeAccess
from .rights import Rights, reach_of_people

NOT_THE_PROGRAMMES_PERSON = "{name} is not one of this programme's people."
NOT_YOURS = (
    "{name} is also named in a programme you do not manage, or signs in as an administrator: "
    "only someone who manages all their programmes, or an administrator, can change their "
    "details or invite them."
)
NO_LOGIN = (
    "{name} has no login yet: invite them to sign in first (access is given to a login; "
    "you can give it while the invitation waits)."
)
NOT_YOUR_OWN = "You can change only your own e-mail address and digest choice."
OWN_DETAILS = ("email", "wants_digest")
LAST_MANAGER = (
    "{name} is the programme's only manager. Give someone else manager access first, so that "
    "the programme always has a manager."
)


def in_programme(programme, person) -> bool:
    return Person.objects.of_programme(programme).filter(pk=person.pk).exists()


def check_may_manage_people(by, programme) -> None:
    if not Rights.of(by).can_manage_people(programme):
        raise PermissionDenied("Only the programme's managers can manage its people.")


def check_may_change(by, programme, person) -> None:
    """Refuse unless ``by`` may change ``person`` from ``programme``'s People page."""
    check_may_manage_people(by, programme)
    if not in_programme(programme, person):
        raise PermissionDenied(NOT_THE_PROGRAMMES_PERSON.format(name=person.name))
    person = Person.objects.select_related("user").get(pk=person.pk)
    if not Rights.of(by).can_change_person(programme, reach_of_people([person])[person.pk]):
        raise PermissionDenied(NOT_YOURS.format(name=person.name))


def organisation_named(name: str) -> Organisation:
    """The organisation of this name (in any case), added if there is none yet."""
    name = " ".join(name.split())
    existing = Organisation.objects.filter(name__iexact=name).first()
    return existing or records.record_create(record=Organisation(name=name))


@transaction.atomic
def person_add(*, programme: Programme, person: Person, by, new_organisation: str = "") -> Person:
    """Add a new person to the programme. Until they are named on a service area or a body,
    they belong to it as one of its other people (``Programme.other_people``)."""
    check_may_manage_people(by, programme)
    if new_organisation.strip():
        person.organisation = organisation_named(new_organisation)
    records.record_create(record=person, by=by)
    programme.other_people.add(person)
    return person


@transaction.atomic
def person_edit(
    *,
    programme: Programme,
    person: Person,
    opened_version: int,
    changes: dict,
    by,
    new_organisation: str = "",
) -> Person:
    """Change a person's details, refusing with ``StaleEdit`` if someone saved them since
    ``opened_version``. A person whose new organisation takes them out of the programme stays
    in it, among its other people: the records that name them still may."""
    check_may_change(by, programme, person)
    if new_organisation.strip():
        changes = {**changes, "organisation": organisation_named(new_organisation)}
    records.record_edit(record=person, opened_version=opened_version, changes=changes, by=by)
    if not in_programme(programme, person):
        programme.other_people.add(person)
    return person


@transaction.atomic
def own_details_edit(*, person: Person, opened_version: int, changes: dict, by) -> Person:
    """Anyone signed in sets their own e-mail address and whether they want the weekly digest
    (nothing else of their record), refusing with ``StaleEdit`` if their programme office
    saved them since ``opened_version``. Their login's address follows, so a forgotten
    password is reset through the address reminders go to."""
    if by is None or person.user_id is None or person.user_id != by.pk:
        raise PermissionDenied(NOT_YOUR_OWN)
    if set(changes) - set(OWN_DETAILS):
        raise PermissionDenied(NOT_YOUR_OWN)
    records.record_edit(record=person, opened_version=opened_version, changes=changes, by=by)
    if "email" in changes and by.email != person.email:
        by.email = person.email
        by.save(update_fields=["email"])
    return person


def _locked_access(programme, person) -> ProgrammeAccess | None:
    # Locking the programme queues two managers changing its access at once (PostgreSQL; on
    # SQLite the write transaction does), so they cannot each withdraw the other.
    Programme.objects.select_for_update().filter(pk=programme.pk).first()
    return ProgrammeAccess.objects.filter(programme=programme, user_id=person.user_id).first()


def _refuse_last_manager(access: ProgrammeAccess, person: Person) -> None:
    others = ProgrammeAccess.objects.filter(
        programme_id=access.programme_id, role=ProgrammeAccess.Role.MANAGER
    ).exclude(pk=access.pk)
    if access.role == ProgrammeAccess.Role.MANAGER and not others.exists():
        raise ValidationError(LAST_MANAGER.format(name=person.name))


@transaction.atomic
def access_grant(
    *, programme: Programme, person: Person, role: str, by, partner=None
) -> ProgrammeAccess:
    """Give ``person``'s login manager or reader access to the programme, or change the access
    it has; a reader's may be limited to one partner authority (``partner``). The access
    history records who did it and when."""
    check_may_manage_people(by, programme)
    if not in_programme(programme, person):
        raise PermissionDenied(NOT_THE_PROGRAMMES_PERSON.format(name=person.name))
    if person.user_id is None:
        raise ValidationError(NO_LOGIN.format(name=person.name))
    access = _locked_access(programme, person)
    if access is None:
        access = ProgrammeAccess(
            programme=programme, user_id=person.user_id, role=role, partner=partner
        )
        return records.record_create(record=access, by=by)
    if access.role == role and access.partner_id == (partner.pk if partner else None):
        return access
    _refuse_last_manager(access, person)
    access.role = role
    access.partner = partner
    access.full_clean()
    access._history_user = by
    access.save(update_fields=["role", "partner"])
    return access


@transaction.atomic
def access_withdraw(*, programme: Programme, person: Person, by) -> None:
    """Withdraw ``person``'s access to the programme. The row goes, its history stays: who
    withdrew it, when, and what it was."""
    check_may_manage_people(by, programme)
    access = _locked_access(programme, person) if person.user_id else None
    if access is None:
        raise ValidationError(f"{person.name} has no access to this programme to withdraw.")
    _refuse_last_manager(access, person)
    records.record_delete(record=access, by=by)
