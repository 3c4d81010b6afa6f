"""A programme's governance: its boards, groups and committees, who sits on them, and their
meetings with their agendas.

Nothing here is deleted once it has a history: a body that stops meeting is closed (with the
date and why), a member leaving has their membership ended (with the date), a meeting that does
not happen is cancelled (with why) — so the reports of earlier dates still print who sat where
and which meeting each milestone reported to."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from simple_history.models import HistoricalRecords

from core.constraints import CheckedConstraint
from core.fuzzy_columns import fuzzy_date_columns, fuzzy_date_property

from ..querysets import GovernanceBodyQuerySet, MeetingQuerySet
from .organisations import Person
from .people_scope import NamesProgrammePeople
from .programmes import Programme


def version_field():
    return models.PositiveIntegerField(
        "version", default=1, editable=False, help_text="Goes up by one at every saved edit."
    )


class GovernanceBody(models.Model):
    """A board, group or committee that steers or scrutinises a programme (JIB, CSG, CADEX)."""

    class Kind(models.TextChoices):
        BOARD = "board", "Board"
        COMMITTEE = "committee", "Committee"
        GROUP = "group", "Group"
        TEAM = "team", "Team"
        FORUM = "forum", "Forum"
        CABINET = "cabinet", "Cabinet"
        COUNCIL = "council", "Council"
        OTHER = "other", "Other"

    programme = models.ForeignKey(
        Programme,
        verbose_name="programme",
        on_delete=models.CASCADE,
        related_name="governance_bodies",
    )
    name = models.CharField("name", max_length=200)
    acronym = models.CharField("acronym", max_length=30, blank=True)
    kind = models.CharField("kind", max_length=12, choices=Kind.choices, default=Kind.GROUP)
    parent = models.ForeignKey(
        "self",
        verbose_name="reports to",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="children",
    )
    description = models.TextField("description", blank=True, help_text="Markdown.")
    terms_of_reference = models.TextField("terms of reference", blank=True, help_text="Markdown.")
    (
        terms_agreed_text,
        terms_agreed_earliest,
        terms_agreed_latest,
        terms_agreed_precision,
    ) = fuzzy_date_columns("terms of reference agreed")
    terms_agreed = fuzzy_date_property("terms_agreed")
    terms_agreed_by = models.CharField("terms of reference agreed by", max_length=200, blank=True)
    members = models.ManyToManyField(
        Person, through="BodyMembership", verbose_name="members", related_name="bodies"
    )
    order = models.PositiveSmallIntegerField("order", default=0)
    # A body that stops meeting is closed, not deleted: its meetings, members and the milestones
    # that reported to it stay on record.
    closed_on = models.DateField("closed on", null=True, blank=True)
    closed_reason = models.TextField("why it closed", blank=True)

    version = version_field()

    objects = GovernanceBodyQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["programme", "order", "id"]
        verbose_name = "governance body"
        verbose_name_plural = "governance bodies"
        constraints = [
            models.UniqueConstraint(
                "programme",
                "name",
                name="body_name_unique_in_programme",
                violation_error_message="This programme already has a body of this name.",
            ),
            models.UniqueConstraint(
                "programme",
                "acronym",
                condition=~Q(acronym=""),
                name="body_acronym_unique_in_programme",
                violation_error_message="This programme already has a body with this acronym.",
            ),
            CheckedConstraint(
                condition=Q(closed_on__isnull=True) | ~Q(closed_reason=""),
                name="body_closed_with_a_reason",
                violation_error_message="Say why the body closed.",
            ),
        ]

    def __str__(self):
        return f"{self.name} ({self.acronym})" if self.acronym else self.name

    @property
    def short_name(self) -> str:
        return self.acronym or self.name

    def clean(self):
        if self.parent_id and self.parent.programme_id != self.programme_id:
            raise ValidationError({"parent": "The parent body must be in the same programme."})
        if self.parent_id and self.pk and self.pk in self.parent.ancestor_ids(include_self=True):
            raise ValidationError(
                {"parent": "A body cannot report to itself, or to a body that reports to it."}
            )

    def ancestor_ids(self, *, include_self=False) -> list[int]:
        """The bodies this one reports to, up the chain (a chain that loops stops there)."""
        seen = [self.pk] if include_self else []
        body = self.parent
        while body is not None and body.pk not in seen:
            seen.append(body.pk)
            body = body.parent
        return seen

    def is_open_on(self, day) -> bool:
        """Whether the body still existed on ``day`` (it closes at the end of ``closed_on``)."""
        return self.closed_on is None or self.closed_on >= day


class BodyMembership(models.Model):
    """A person's seat on a body. Someone leaving has their membership ended, not deleted: the
    reports of earlier dates still list them, and they may join again later."""

    body = models.ForeignKey(
        GovernanceBody, verbose_name="body", on_delete=models.CASCADE, related_name="memberships"
    )
    person = models.ForeignKey(
        Person, verbose_name="person", on_delete=models.PROTECT, related_name="memberships"
    )
    role = models.CharField("role", max_length=100, blank=True, help_text="e.g. Chair.")
    order = models.PositiveSmallIntegerField("order", default=0)
    joined_on = models.DateField("member since", null=True, blank=True)
    left_on = models.DateField("member until", null=True, blank=True)

    version = version_field()

    history = HistoricalRecords()

    class Meta:
        ordering = ["body", "order", "id"]
        verbose_name = "member"
        constraints = [
            models.UniqueConstraint(
                "body",
                "person",
                condition=Q(left_on__isnull=True),
                name="membership_unique",
                violation_error_message="This person is already a member of this body.",
            ),
            CheckedConstraint(
                condition=Q(joined_on__isnull=True)
                | Q(left_on__isnull=True)
                | Q(left_on__gte=F("joined_on")),
                name="membership_left_after_joining",
                violation_error_message="A member cannot leave before they joined.",
            ),
        ]

    def __str__(self):
        return f"{self.person} ({self.body.short_name})"

    def has_left_by(self, day) -> bool:
        """Whether the membership had ended before ``day`` (``left_on`` is its last day)."""
        return self.left_on is not None and self.left_on < day

    def is_member_on(self, day) -> bool:
        """Whether the person sat on the body on ``day``: joined by then (or not known when),
        and not yet left."""
        joined = self.joined_on is None or self.joined_on <= day
        return joined and not self.has_left_by(day)


class Meeting(models.Model):
    """A dated meeting of a governance body; milestones report to one, packs are issued for one.
    A meeting that does not take place is cancelled, with why: what refers to it keeps doing so."""

    body = models.ForeignKey(
        GovernanceBody, verbose_name="body", on_delete=models.CASCADE, related_name="meetings"
    )
    date = models.DateField("date")
    title = models.CharField("title", max_length=200, blank=True)
    location = models.CharField("location", max_length=200, blank=True)
    notes = models.TextField("notes", blank=True)
    is_cancelled = models.BooleanField("cancelled", default=False)
    cancelled_reason = models.TextField("why it was cancelled", blank=True)

    version = version_field()

    objects = MeetingQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["date", "id"]
        constraints = [
            models.UniqueConstraint(
                "body",
                "date",
                name="meeting_unique_per_body_and_day",
                violation_error_message="This body already has a meeting on this day.",
            ),
            CheckedConstraint(
                condition=Q(is_cancelled=False) | ~Q(cancelled_reason=""),
                name="meeting_cancelled_with_a_reason",
                violation_error_message="Say why the meeting was cancelled.",
            ),
        ]

    def __str__(self):
        return f"{self.title or self.body.short_name} {self.date:%d/%m/%Y}"

    @property
    def cancelled_mark(self) -> str:
        """Words after the meeting's name wherever a milestone is said to report to it."""
        return " (cancelled)" if self.is_cancelled else ""

    def clean(self):
        body = self.body if self.body_id else None
        if body and not self.is_cancelled and self.date and not body.is_open_on(self.date):
            raise ValidationError(
                {
                    "date": f"The {body.short_name} closed on {body.closed_on:%-d %B %Y}: it "
                    "holds no meetings after that."
                }
            )


class AgendaItem(NamesProgrammePeople, models.Model):
    """An item on a meeting's agenda, in the order the meeting takes them, and who presents it.
    Kept with the meeting: the meeting's version moves whenever its agenda changes."""

    meeting = models.ForeignKey(
        Meeting, verbose_name="meeting", on_delete=models.CASCADE, related_name="agenda_items"
    )
    order = models.PositiveSmallIntegerField("item number", default=0)
    title = models.CharField("item", max_length=300)
    presenter = models.ForeignKey(
        Person,
        verbose_name="presented by",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="agenda_items",
    )

    history = HistoricalRecords()

    programme_people_fields = ("presenter",)

    class Meta:
        ordering = ["meeting", "order", "id"]
        verbose_name = "agenda item"

    def __str__(self):
        return self.title

    def people_programme_id(self) -> int | None:
        return self.meeting.body.programme_id if self.meeting_id else None
