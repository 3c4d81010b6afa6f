"""Reads for the People page: a programme's people with their roles, access and whether they
can sign in, and the history of who was given or lost access to it. A fixed number of queries
however many people."""

from dataclasses import dataclass, field

from django.db.models import Prefetch

from .invitations import SignIn, latest_invitations, sign_in_status
from .models import BodyMembership, Invitation, Person, ProgrammeAccess, ServiceAreaRole
from .rights import Rights, reach_of_people

ACCESS_WORDS = {ProgrammeAccess.Role.MANAGER: "manager", ProgrammeAccess.Role.READER: "reader"}
ACCESS_NAMES = {
    ProgrammeAccess.Role.MANAGER: "Programme manager",
    ProgrammeAccess.Role.READER: "Reader",
}


@dataclass
class PersonRow:
    person: Person
    roles: list[str] = field(default_factory=list)  # "Service area champion, Transactional HR"
    access_role: str = ""  # ProgrammeAccess.Role, if their login has access to the programme
    sign_in: SignIn | None = None
    invitation: Invitation | None = None  # their latest
    may_change: bool = False  # may the viewing user change them and invite them
    officer_of: str = ""  # "lead" or "partner": why someone with no role is one of its people

    @property
    def no_role(self) -> str:
        """Why they are one of the programme's people, when they have no role in it."""
        if self.roles or self.access_role:
            return ""
        if self.officer_of:
            return f"No role; an officer of a {self.officer_of} organisation"
        return "No role yet"

    @property
    def access(self) -> str:
        return ACCESS_NAMES.get(self.access_role, "")


def people_of(programme):
    """The programme's people with what the People page and a person's page show of them."""
    areas = ServiceAreaRole.objects.filter(service_area__programme=programme)
    seats = BodyMembership.objects.filter(body__programme=programme)
    return (
        Person.objects.of_programme(programme)
        .select_related("organisation", "user")
        .prefetch_related(
            Prefetch("roles", queryset=areas.select_related("service_area")),
            Prefetch("memberships", queryset=seats.select_related("body")),
        )
        .order_by("name", "pk")
    )


def people_rows(programme, rights: Rights, people=None) -> list[PersonRow]:
    """A row per person of the programme (or per one of ``people``, from ``people_of``)."""
    people = list(people_of(programme) if people is None else people)
    access = dict(
        ProgrammeAccess.objects.filter(programme=programme).values_list("user_id", "role")
    )
    invitations = latest_invitations(people)
    partners = set(programme.partners.values_list("pk", flat=True))
    reach = reach_of_people(people)
    rows = []
    for person in people:
        roles = [f"{role.get_role_display()}, {role.service_area}" for role in person.roles.all()]
        roles += [
            f"Member of {seat.body.short_name}{f' ({seat.role})' if seat.role else ''}"
            for seat in person.memberships.all()
        ]
        role = access.get(person.user_id) if person.user_id else None
        invitation = invitations.get(person.pk)
        rows.append(
            PersonRow(
                person=person,
                roles=roles,
                access_role=role or "",
                sign_in=sign_in_status(person, invitation),
                invitation=invitation,
                may_change=rights.can_change_person(programme, reach[person.pk]),
                officer_of=(
                    "lead"
                    if person.organisation_id == programme.lead_organisation_id
                    and person.organisation_id
                    else "partner"
                    if person.organisation_id in partners
                    else ""
                ),
            )
        )
    return rows


def access_history(programme, login=None) -> list[dict]:
    """Who gave, changed or withdrew access to the programme (for ``login`` only, if given),
    when, newest first, in words."""
    rows = ProgrammeAccess.history.filter(programme_id=programme.pk)
    if login is not None:
        rows = rows.filter(user_id=login.pk)
    rows = list(
        rows.select_related("history_user", "user__person").order_by("history_date", "history_id")
    )
    before: dict[int, str] = {}  # each access row's role before this entry
    entries = []
    for row in rows:
        user = row.user
        person = getattr(user, "person", None) if user else None
        name = (
            person.name
            if person
            else (f"login “{user.get_username()}”" if user else "a removed login")
        )
        role = ACCESS_WORDS.get(row.role, row.role)
        if row.history_type == "+":
            what = f"Gave {name} {role} access"
        elif row.history_type == "-":
            what = f"Withdrew {name}'s {role} access"
        else:
            was, before[row.id] = before.get(row.id), role
            if was == role:
                continue  # saved without a change of role
            what = (
                f"Changed {name}'s access from {was} to {role}"
                if was
                else f"Set {name}'s access to {role}"
            )
        before[row.id] = role
        entries.append({"when": row.history_date, "by": row.history_user, "what": what})
    return entries[::-1]
