from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

from core.fuzzy_columns import fuzzy_date_columns, fuzzy_date_property

from .organisations import Person
from .programmes import Programme


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
        ]

    def __str__(self):
        return f"{self.name} ({self.acronym})" if self.acronym else self.name

    @property
    def short_name(self) -> str:
        return self.acronym or self.name

    def clean(self):
        if self.parent_id and self.parent.programme_id != self.programme_id:
            raise ValidationError({"parent": "The parent body must be in the same programme."})


class BodyMembership(models.Model):
    body = models.ForeignKey(
        GovernanceBody, verbose_name="body", on_delete=models.CASCADE, related_name="memberships"
    )
    person = models.ForeignKey(
        Person, verbose_name="person", on_delete=models.PROTECT, related_name="memberships"
    )
    role = models.CharField("role", max_length=100, blank=True, help_text="e.g. Chair.")
    order = models.PositiveSmallIntegerField("order", default=0)

    class Meta:
        ordering = ["body", "order", "id"]
        verbose_name = "member"
        constraints = [
            models.UniqueConstraint(
                "body",
                "person",
                name="membership_unique",
                violation_error_message="This person is already a member of this body.",
            )
        ]

    def __str__(self):
        return f"{self.person} ({self.body.short_name})"


class Meeting(models.Model):
    """A dated meeting of a governance body; milestones report to one, packs are issued for one."""

    body = models.ForeignKey(
        GovernanceBody, verbose_name="body", on_delete=models.CASCADE, related_name="meetings"
    )
    date = models.DateField("date")
    title = models.CharField("title", max_length=200, blank=True)
    location = models.CharField("location", max_length=200, blank=True)
    notes = models.TextField("notes", blank=True)

    class Meta:
        ordering = ["date", "id"]
        constraints = [
            models.UniqueConstraint(
                "body",
                "date",
                name="meeting_unique_per_body_and_day",
                violation_error_message="This body already has a meeting on this day.",
            )
        ]

    def __str__(self):
        return f"{self.title or self.body.short_name} {self.date:%d/%m/%Y}"
