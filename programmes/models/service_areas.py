from django.core.exceptions import ValidationError
from django.db import models
from simple_history.models import HistoricalRecords

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

    version = models.PositiveIntegerField(
        "version", default=1, editable=False, help_text="Goes up by one at every saved edit."
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["programme", "order", "id"]
        verbose_name = "service area"
        constraints = [
            models.UniqueConstraint(
                "programme",
                "name",
                name="service_area_name_unique_in_programme",
                violation_error_message="This programme already has a service area of this name.",
            )
        ]

    def __str__(self):
        return f"{self.number} {self.name}" if self.number else self.name

    def clean(self):
        if self.parent_id and self.parent.programme_id != self.programme_id:
            raise ValidationError({"parent": "The parent must belong to the same programme."})
        if self.parent_id and self.pk and self.parent_id == self.pk:
            raise ValidationError({"parent": "A service area cannot sit under itself."})


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
