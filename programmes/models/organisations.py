from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from simple_history.models import HistoricalRecords

from ..querysets import PersonQuerySet


class Organisation(models.Model):
    """A council or other body: a programme's lead, a partner authority, a person's employer."""

    class Kind(models.TextChoices):
        COUNCIL = "council", "Council"
        COUNTY_COUNCIL = "county_council", "County council"
        DISTRICT_COUNCIL = "district_council", "District council"
        UNITARY_COUNCIL = "unitary_council", "Unitary council"
        JOINT_BODY = "joint_body", "Joint body of councils"
        GOVERNMENT = "government", "Central government"
        AGENCY = "agency", "Public agency"
        COMPANY = "company", "Company"
        OTHER = "other", "Other"

    name = models.CharField("name", max_length=200)
    short_name = models.CharField(
        "short name",
        max_length=60,
        blank=True,
        help_text='How reports usually write it, e.g. "Salford" for Salford City Council.',
    )
    kind = models.CharField("kind", max_length=20, choices=Kind.choices, default=Kind.COUNCIL)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                Lower("name"),
                name="organisation_name_unique",
                violation_error_message="There is already an organisation with this name.",
            )
        ]

    def __str__(self):
        return self.name

    @property
    def display_name(self) -> str:
        return self.short_name or self.name


class Person(models.Model):
    """Someone named in a programme: a champion, a lead chief executive, a contact officer."""

    name = models.CharField("name", max_length=200)
    job_title = models.CharField("job title", max_length=200, blank=True)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name="organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="people",
    )
    email = models.EmailField("e-mail", blank=True)
    telephone = models.CharField("telephone", max_length=40, blank=True)
    wants_digest = models.BooleanField(
        "weekly digest",
        default=True,
        help_text="Managers get a Monday e-mail of who has not updated, what slipped and what "
        "turned red. Untick to stop it.",
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name="login",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="person",
        help_text="The account this person signs in with, if they have one.",
    )

    # Two managers may change the same person at once (their e-mail address decides who is
    # reminded and invited): edits are versioned and kept.
    version = models.PositiveIntegerField(
        "version", default=1, editable=False, help_text="Goes up by one at every saved edit."
    )

    objects = PersonQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "people"
        constraints = [
            models.UniqueConstraint(
                "name",
                "organisation",
                name="person_name_unique_in_organisation",
                violation_error_message="This organisation already has a person of this name.",
            )
        ]

    def __str__(self):
        return self.name

    @property
    def description(self) -> str:
        """ "Martin Vickers, Director of Change, Salford" — as the reports introduce people."""
        parts = [self.name, self.job_title]
        if self.organisation_id:
            parts.append(self.organisation.display_name)
        return ", ".join(part for part in parts if part)
