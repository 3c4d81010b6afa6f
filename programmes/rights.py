"""Who may see and change what. Every view and form asks here; templates get the same answers
through the ``rights`` context variable, so no button is shown that its user cannot use.

- An administrator (a superuser) may do everything.
- A programme manager (``ProgrammeAccess`` role manager) sees and edits everything in the
  programmes they manage.
- A champion, lead chief executive, project manager or lead officer — anyone whose person is
  named on a service area — sees that area's programme and edits that area and its milestones,
  updates, risks, savings and actions.
- A reader (role reader) sees the programmes they are given and edits nothing.
- A reader limited to a partner authority (``ProgrammeAccess.partner``) sees, in that
  programme, only what concerns that authority: the service areas it takes part in (committed
  or interested), their milestones and records, the programme-wide records, and its own
  participation — not other areas, other authorities' participation, whole-programme
  reports or the whole-programme workbook. Every page, picker, list, export and report asks
  ``area_condition``/``scope``/``can_view_area``/``sees_whole_programme`` here.
- A programme's people, their invitations to sign in and their access to it are its managers'
  (and administrators'); a person who is named in other programmes too is changed only by
  someone who manages all of them.
- Governance (bodies, members, meetings, the glossary) is kept by the programme's managers.
- Starting a new programme is for administrators and for anyone who already manages a
  programme (a council's programme office); whoever starts one becomes its manager.
- A service area's update for a reporting period is written by those who may edit the area,
  and accepted or returned by the programme's managers — never by anyone who wrote or
  submitted part of it: a champion cannot sign off their own update, even one who is also a
  manager or an administrator.

A user's rights are read once per request (two queries) and kept on the user object.
"""

from dataclasses import dataclass

from django.db.models import Q, QuerySet

from .models import Participation, Programme, ProgrammeAccess, ServiceArea, ServiceAreaRole

# An authority "takes part in" an area it committed to or showed interest in.
TAKING_PART = (Participation.Status.COMMITTED, Participation.Status.INTERESTED)


@dataclass(frozen=True)
class Rights:
    is_admin: bool
    managed_programmes: frozenset[int]
    read_programmes: frozenset[int]
    named_areas: frozenset[int]
    named_area_programmes: frozenset[int]
    user_id: int | None = None
    # (programme id, authority id) for each programme this reader sees for one authority only.
    partner_limits: frozenset[tuple[int, int]] = frozenset()

    @classmethod
    def of(cls, user) -> "Rights":
        if not getattr(user, "is_authenticated", False):
            return NO_RIGHTS
        cached = getattr(user, "_programme_rights", None)
        if cached is None:
            cached = cls._load(user)
            user._programme_rights = cached
        return cached

    @classmethod
    def _load(cls, user) -> "Rights":
        roles = ProgrammeAccess.objects.filter(user=user).values_list(
            "programme_id", "role", "partner_id"
        )
        named = ServiceAreaRole.objects.filter(person__user=user).values_list(
            "service_area_id", "service_area__programme_id"
        )
        named = list(named)
        roles = list(roles)
        named_in = {programme for _, programme in named}
        return cls(
            is_admin=user.is_superuser,
            managed_programmes=frozenset(p for p, role, _ in roles if role == "manager"),
            read_programmes=frozenset(p for p, role, _ in roles if role == "reader"),
            named_areas=frozenset(area for area, _ in named),
            named_area_programmes=frozenset(programme for _, programme in named),
            user_id=user.pk,
            partner_limits=frozenset(
                (programme, partner)
                for programme, role, partner in roles
                # Named on one of its areas, or given more by an administrator: not limited.
                if partner and programme not in named_in and not user.is_superuser
            ),
        )

    # --- seeing --------------------------------------------------------------------------------

    @property
    def visible_programme_ids(self) -> frozenset[int]:
        return self.managed_programmes | self.read_programmes | self.named_area_programmes

    def visible_programmes(self) -> QuerySet[Programme]:
        if self.is_admin:
            return Programme.objects.all()
        return Programme.objects.filter(pk__in=self.visible_programme_ids)

    def can_view_programme(self, programme) -> bool:
        return self.is_admin or _id(programme) in self.visible_programme_ids

    # --- a reader limited to one partner authority -------------------------------------------

    def partner_in(self, programme) -> int | None:
        """The authority this user sees ``programme`` for, when limited to one."""
        return dict(self.partner_limits).get(_id(programme))

    def sees_whole_programme(self, programme) -> bool:
        """Whole-programme reports and workbooks: not for a reader limited to one authority."""
        return self.can_view_programme(programme) and self.partner_in(programme) is None

    def area_condition(self, *, programme="programme", area="service_area") -> Q:
        """A filter keeping the rows this user may see among rows of programmes they see:
        ``programme`` and ``area`` are the rows' paths to their programme and service area (a
        service area itself: ``programme="programme", area="pk"``). Programme-wide rows (no
        area) are kept."""
        if not self.partner_limits:
            return Q()
        limited = [programme_id for programme_id, _ in self.partner_limits]
        condition = ~Q(**{f"{programme}__in": limited})
        if area != "pk":
            condition |= Q(**{f"{area}__isnull": True})
        for programme_id, partner in self.partner_limits:
            taking_part = Participation.objects.filter(
                service_area__programme=programme_id, organisation=partner, status__in=TAKING_PART
            ).values("service_area")
            condition |= Q(**{f"{area}__in": taking_part})
        return condition

    def scope(self, rows: QuerySet, **paths) -> QuerySet:
        """``rows`` less those of areas this user may not see (see ``area_condition``)."""
        return rows.filter(self.area_condition(**paths)) if self.partner_limits else rows

    def visible_areas(self, programme) -> QuerySet[ServiceArea]:
        return self.scope(ServiceArea.objects.filter(programme=programme), area="pk")

    def can_view_area(self, area) -> bool:
        partner = self.partner_in(area.programme_id)
        if not self.can_view_programme(area.programme_id):
            return False
        return partner is None or (
            Participation.objects.filter(
                service_area=area, organisation=partner, status__in=TAKING_PART
            ).exists()
        )

    # --- changing ------------------------------------------------------------------------------

    def can_start_programme(self) -> bool:
        """Start a new programme (and become its manager): administrators, and those who
        already manage one. A champion or a reader asks their programme office."""
        return self.is_admin or bool(self.managed_programmes)

    def can_manage_programme(self, programme) -> bool:
        """Edit anything in the programme, including its settings, imports and issued packs."""
        return self.is_admin or _id(programme) in self.managed_programmes

    def can_manage_governance(self, programme) -> bool:
        """Keep the programme's governance: its bodies and their terms of reference, who sits
        on them, their meetings and agendas, and the glossary. The programme office's job:
        champions and readers read them, and a champion asks the office to add a meeting."""
        return self.can_manage_programme(programme)

    def can_edit_area(self, area) -> bool:
        return self.can_manage_programme(area.programme_id) or area.pk in self.named_areas

    def edit_area_condition(self, *, programme="programme", area="service_area") -> Q:
        """``can_edit_area`` as a filter: rows (with these paths to their programme and service
        area) of the programmes this user manages and of the areas they are named on."""
        if self.is_admin:
            return Q()
        return Q(**{f"{programme}__in": self.managed_programmes}) | Q(
            **{f"{area}__in": self.named_areas}
        )

    def can_edit_record(self, record) -> bool:
        """A risk, savings line, action, lesson or budget line: programme-wide records are the
        managers'; a service area's are also its named people's."""
        if self.can_manage_programme(record.programme_id):
            return True
        return record.service_area_id is not None and record.service_area_id in self.named_areas

    def can_edit_milestone(self, milestone) -> bool:
        """Needs ``milestone.service_area`` (select it with the milestone)."""
        return self.can_edit_area(milestone.service_area)

    def can_follow_job(self, job) -> bool:
        """See a background job's progress, download its result and try it again if it failed
        (``jobs.Job``): whoever asked for it, and the programme's managers."""
        if not self.can_view_programme(job.programme_id):
            return False
        return job.requested_by_id == self.user_id or self.can_manage_programme(job.programme_id)

    # --- the period's update and its sign-off ----------------------------------------------------

    def can_write_update(self, area) -> bool:
        """Write, submit and answer an area's update, and read it before it is accepted."""
        return self.can_edit_area(area)

    def write_update_condition(self, **paths) -> Q:
        """``can_write_update`` as a filter (paths as ``edit_area_condition``'s)."""
        return self.edit_area_condition(**paths)

    def can_review_updates(self, programme) -> bool:
        """See the programme's updates waiting for review, and review them."""
        return self.can_manage_programme(programme)

    def can_review_update(self, update) -> bool:
        """Accept or return this area's update (``milestones.AreaUpdate``): a manager who wrote
        or submitted none of it."""
        if not self.can_review_updates(update.service_area.programme_id):
            return False
        return self.user_id is not None and self.user_id not in update.contributor_ids()

    # --- people and access ------------------------------------------------------------------

    def can_manage_people(self, programme) -> bool:
        """See the programme's People page, add people, invite them to sign in, and grant and
        withdraw manager and reader access to the programme."""
        return self.can_manage_programme(programme)

    def can_change_person(self, programme, reach: "PersonReach") -> bool:
        """Change a person's details (their e-mail address decides where invitations and
        reminders go) or invite them to sign in. A person's login gets the rights of every
        programme they are named in, so only someone who manages all of those may do it — a
        manager of one programme can never take over a login that another programme trusts —
        and an administrator's login is the administrators' alone."""
        if not self.can_manage_people(programme):
            return False
        if self.is_admin:
            return True
        return not reach.login_is_admin and reach.programmes <= self.managed_programmes


def is_administrators_login(user) -> bool:
    """A login the administrators keep (staff or superuser): never invited, never changed by a
    programme's managers."""
    return user.is_superuser or user.is_staff


@dataclass(frozen=True)
class PersonReach:
    """Where a person's login gets rights: the programmes they are named on a service area of
    or their login has access to, and whether the login is an administrator's."""

    programmes: frozenset[int] = frozenset()
    login_is_admin: bool = False


def reach_of_people(people) -> dict[int, PersonReach]:
    """Each person's ``PersonReach`` (two queries however many people; select their ``user``
    with them)."""
    people = list(people)
    programmes: dict[int, set[int]] = {person.pk: set() for person in people}
    named = ServiceAreaRole.objects.filter(person__in=people).values_list(
        "person_id", "service_area__programme_id"
    )
    for person_id, programme_id in named:
        programmes[person_id].add(programme_id)
    logins = {person.user_id: person.pk for person in people if person.user_id}
    access = ProgrammeAccess.objects.filter(user__in=logins).values_list("user_id", "programme_id")
    for user_id, programme_id in access:
        programmes[logins[user_id]].add(programme_id)
    return {
        person.pk: PersonReach(
            programmes=frozenset(programmes[person.pk]),
            login_is_admin=bool(person.user_id and is_administrators_login(person.user)),
        )
        for person in people
    }


NO_RIGHTS = Rights(False, frozenset(), frozenset(), frozenset(), frozenset())
LIMITED_TO_PARTNER = (
    "Your access to this programme is limited to the service areas your authority takes part in."
)


def _id(programme) -> int:
    return programme if isinstance(programme, int) else programme.pk


def rights(request) -> dict:
    """Context processor: ``rights`` in every template."""
    return {"rights": Rights.of(request.user)}
