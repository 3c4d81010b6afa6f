"""Who may see and change what. Every view and form asks here; templates get the same answers
through the ``rights`` context variable, so no button is shown that its user cannot use.

- An administrator (a superuser) may do everything.
- A programme manager (``ProgrammeAccess`` role manager) sees and edits everything in the
  programmes they manage.
- A champion, lead chief executive, project manager or lead officer — anyone whose person is
  named on a service area — sees that area's programme and edits that area and its milestones,
  updates, risks, savings and actions.
- A reader (role reader) sees the programmes they are given and edits nothing.
- A service area's update for a reporting period is written by those who may edit the area,
  and accepted or returned by the programme's managers — never by anyone who wrote or
  submitted part of it: a champion cannot sign off their own update, even one who is also a
  manager or an administrator.

A user's rights are read once per request (two queries) and kept on the user object.
"""

from dataclasses import dataclass

from django.db.models import QuerySet

from .models import Programme, ProgrammeAccess, ServiceAreaRole


@dataclass(frozen=True)
class Rights:
    is_admin: bool
    managed_programmes: frozenset[int]
    read_programmes: frozenset[int]
    named_areas: frozenset[int]
    named_area_programmes: frozenset[int]
    user_id: int | None = None

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
        roles = ProgrammeAccess.objects.filter(user=user).values_list("programme_id", "role")
        named = ServiceAreaRole.objects.filter(person__user=user).values_list(
            "service_area_id", "service_area__programme_id"
        )
        named = list(named)
        roles = list(roles)
        return cls(
            is_admin=user.is_superuser,
            managed_programmes=frozenset(p for p, role in roles if role == "manager"),
            read_programmes=frozenset(p for p, role in roles if role == "reader"),
            named_areas=frozenset(area for area, _ in named),
            named_area_programmes=frozenset(programme for _, programme in named),
            user_id=user.pk,
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

    # --- changing ------------------------------------------------------------------------------

    def can_manage_programme(self, programme) -> bool:
        """Edit anything in the programme, including its settings, imports and issued packs."""
        return self.is_admin or _id(programme) in self.managed_programmes

    def can_edit_area(self, area) -> bool:
        return self.can_manage_programme(area.programme_id) or area.pk in self.named_areas

    def can_edit_record(self, record) -> bool:
        """A risk, savings line, action, lesson or budget line: programme-wide records are the
        managers'; a service area's are also its named people's."""
        if self.can_manage_programme(record.programme_id):
            return True
        return record.service_area_id is not None and record.service_area_id in self.named_areas

    def can_edit_milestone(self, milestone) -> bool:
        """Needs ``milestone.service_area`` (select it with the milestone)."""
        return self.can_edit_area(milestone.service_area)

    # --- the period's update and its sign-off ----------------------------------------------------

    def can_write_update(self, area) -> bool:
        """Write, submit and answer an area's update, and read it before it is accepted."""
        return self.can_edit_area(area)

    def can_review_updates(self, programme) -> bool:
        """See the programme's updates waiting for review, and review them."""
        return self.can_manage_programme(programme)

    def can_review_update(self, update) -> bool:
        """Accept or return this area's update (``milestones.AreaUpdate``): a manager who wrote
        or submitted none of it."""
        if not self.can_review_updates(update.service_area.programme_id):
            return False
        return self.user_id is not None and self.user_id not in update.contributor_ids()


NO_RIGHTS = Rights(False, frozenset(), frozenset(), frozenset(), frozenset())


def _id(programme) -> int:
    return programme if isinstance(programme, int) else programme.pk


def rights(request) -> dict:
    """Context processor: ``rights`` in every template."""
    return {"rights": Rights.of(request.user)}
