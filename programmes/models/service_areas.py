from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from core.constraints import CheckedConstraint

from ..querysets import ServiceAreaQuerySet
from .organisations import Organisation, Person
from .programmes import Programme
from .ratings import ProgressRating, rag_field


class ServiceArea(models.Model):
    """A unit of work inside a programme. The seeds call it a service area, a work stream, a
    project or a theme (the programme's ``service_area_label`` says which); themes can have
    sub-themes, so an area may sit under a parent area."""

    programme = models.ForeignKey(
        Programme,
        verbose_name="programme",
        on_delete=models.CASCADE,
        related_name="service_areas",
    )
    parent = models.ForeignKey(
        "self",
        verbose_name="part of",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="children",
        help_text="The theme or work stream this one sits under, if any.",
    )
    number = models.CharField(
        "number", max_length=20, blank=True, help_text='The report\'s numbering: "5", "5.1".'
    )
    name = models.CharField("name", max_length=200)
    scope = models.TextField("scope", blank=True, help_text="Markdown.")
    purpose = models.TextField("purpose", blank=True, help_text="Markdown.")
    rag = rag_field()
    progress_rating = models.CharField(
        "progress", max_length=12, choices=ProgressRating.choices, blank=True
    )
    order = models.PositiveSmallIntegerField("order", default=0)
    people = models.ManyToManyField(
        Person, through="ServiceAreaRole", verbose_name="people", related_name="service_areas"
    )
    # Closed, never deleted: a closed area keeps its milestones, updates and history, leaves
    # the lists of current work, and can be reopened.
    closed_on = models.DateField("closed on", null=True, blank=True)
    closed_reason = models.TextField(
        "why it was closed",
        blank=True,
        help_text='In the words the programme would report it: "Merged into Customer Contact".',
    )

    version = models.PositiveIntegerField(
        "version", default=1, editable=False, help_text="Goes up by one at every saved edit."
    )

    history = HistoricalRecords()

    objects = ServiceAreaQuerySet.as_manager()

    class Meta:
        ordering = ["programme", "order", "id"]
        verbose_name = "service area"
        constraints = [
            models.UniqueConstraint(
                "programme",
                "name",
                name="service_area_name_unique_in_programme",
                violation_error_message="This programme already has a service area of this name.",
            ),
            CheckedConstraint(
                condition=Q(closed_on__isnull=True) | ~Q(closed_reason=""),
                name="closed_service_area_says_why",
                violation_error_message="Say why the service area was closed.",
            ),
        ]

    def __str__(self):
        return f"{self.number} {self.name}" if self.number else self.name

    def clean(self):
        if self.parent_id and self.parent.programme_id != self.programme_id:
            raise ValidationError({"parent": "The parent must belong to the same programme."})
        if self.parent_id and self.pk and self.pk in self.ancestor_ids():
            raise ValidationError({"parent": "A service area cannot sit under itself."})
        if self.closed_on is not None and not self.closed_reason.strip():
            raise ValidationError({"closed_reason": "Say why it is being closed."})

    def ancestor_ids(self) -> list[int]:
        """The areas this one sits under, its parent first (a query per level: themes go two
        or three deep). Stops at a loop rather than following it for ever."""
        ids, parent_id = [], self.parent_id
        while parent_id is not None and parent_id not in ids:
            ids.append(parent_id)
            parent_id = (
                ServiceArea.objects.filter(pk=parent_id).values_list("parent_id", flat=True).first()
            )
        return ids

    @property
    def is_closed(self) -> bool:
        return self.closed_on is not None


class ServiceAreaRole(models.Model):
    """A person named on a service area in a role. Several people may share a role."""

    class Role(models.TextChoices):
        CHAMPION = "champion", "Service area champion"
        LEAD_CHIEF_EXECUTIVE = "lead_chief_executive", "Lead chief executive"
        PROJECT_MANAGER = "project_manager", "Project manager"
        LEAD_OFFICER = "lead_officer", "Lead officer"
        SPONSOR = "sponsor", "Sponsor"

    service_area = models.ForeignKey(
        ServiceArea, verbose_name="service area", on_delete=models.CASCADE, related_name="roles"
    )
    person = models.ForeignKey(
        Person, verbose_name="person", on_delete=models.PROTECT, related_name="roles"
    )
    role = models.CharField("role", max_length=24, choices=Role.choices)
    order = models.PositiveSmallIntegerField("order", default=0)

    # Being named on a service area lets a person's login edit it: audited like access.
    history = HistoricalRecords()

    class Meta:
        ordering = ["service_area", "order", "id"]
        verbose_name = "person in a role"
        verbose_name_plural = "people in roles"
        constraints = [
            models.UniqueConstraint(
                "service_area",
                "person",
                "role",
                name="role_unique_per_person_and_area",
                violation_error_message="This person already has this role here.",
            )
        ]

    def __str__(self):
        return f"{self.person} – {self.get_role_display()} – {self.service_area}"


class Participation(models.Model):
    """Whether a partner authority takes part in a service area's work."""

    class Status(models.TextChoices):
        COMMITTED = "committed", "Committed"
        INTERESTED = "interested", "Interested"
        NOT_PARTICIPATING = "not_participating", "Not participating"
        NOT_RESPONDED = "not_responded", "Not yet responded"

    service_area = models.ForeignKey(
        ServiceArea,
        verbose_name="service area",
        on_delete=models.CASCADE,
        related_name="participations",
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name="authority",
        on_delete=models.PROTECT,
        related_name="participations",
    )
    status = models.CharField("status", max_length=20, choices=Status.choices)
    note = models.TextField("note", blank=True)

    version = models.PositiveIntegerField(
        "version", default=1, editable=False, help_text="Goes up by one at every saved edit."
    )

    # "Bolton is not participating" is reported to committees: who recorded it, and when.
    history = HistoricalRecords()

    class Meta:
        ordering = ["service_area", "organisation__name"]
        verbose_name = "partner participation"
        constraints = [
            models.UniqueConstraint(
                "service_area",
                "organisation",
                name="participation_unique_per_area",
                violation_error_message="This authority's participation is already recorded.",
            )
        ]

    def __str__(self):
        return f"{self.organisation}: {self.get_status_display()}"
