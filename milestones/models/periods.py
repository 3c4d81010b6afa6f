"""Reporting periods, and the progress updates written for a service area or a milestone in
each."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from simple_history.models import HistoricalRecords

from core.constraints import CheckedConstraint
from programmes.models.people_scope import NamesProgrammePeople
from programmes.models.ratings import rag_field

from ..querysets import ProgressUpdateQuerySet
from .milestone import Milestone


class ReportingPeriod(models.Model):
    """A month or a quarter that updates belong to; reports compare one period with the last.

    A programme manager opens it (``milestones.periods.period_open``), sets the day updates
    are due, and closes it when its updates are in: a closed period takes no more updates."""

    programme = models.ForeignKey(
        "programmes.Programme",
        verbose_name="programme",
        on_delete=models.CASCADE,
        related_name="reporting_periods",
    )
    label = models.CharField("label", max_length=60, help_text='e.g. "March 2010", "2008/09".')
    start = models.DateField("start")
    end = models.DateField("end")
    updates_due = models.DateField(
        "updates due",
        null=True,
        blank=True,
        help_text="The day champions' updates for this period are due.",
    )
    closed_at = models.DateTimeField(
        "closed", null=True, blank=True, help_text="When it was closed: no more updates."
    )
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="closed by",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    version = models.PositiveIntegerField(
        "version", default=1, editable=False, help_text="Goes up by one at every saved edit."
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["programme", "start"]
        verbose_name = "reporting period"
        constraints = [
            models.UniqueConstraint(
                "programme",
                "label",
                name="period_label_unique_in_programme",
                violation_error_message="This programme already has a period with this label.",
            ),
            CheckedConstraint(
                condition=Q(end__gte=models.F("start")),
                name="period_ends_after_it_starts",
                violation_error_message="A reporting period cannot end before it starts.",
            ),
        ]

    def __str__(self):
        return self.label

    @property
    def is_closed(self) -> bool:
        return self.closed_at is not None

    def clean(self):
        if self.updates_due and self.start and self.updates_due < self.start:
            raise ValidationError(
                {"updates_due": "Updates cannot be due before the period starts."}
            )
        if self.programme_id and self.start and self.end:
            overlapping = (
                ReportingPeriod.objects.filter(
                    programme_id=self.programme_id, start__lte=self.end, end__gte=self.start
                )
                .exclude(pk=self.pk)
                .first()
            )
            if overlapping is not None:
                raise ValidationError(
                    f"These dates overlap {overlapping.label} ({overlapping.start:%-d %B %Y} to "
                    f"{overlapping.end:%-d %B %Y}): a day belongs to one period only."
                )


class ProgressUpdate(NamesProgrammePeople, models.Model):
    """What happened in a reporting period, for a service area or one of its milestones."""

    service_area = models.ForeignKey(
        "programmes.ServiceArea",
        verbose_name="service area",
        on_delete=models.CASCADE,
        related_name="updates",
    )
    milestone = models.ForeignKey(
        Milestone,
        verbose_name="milestone",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="updates",
        help_text="Leave blank for an update on the service area as a whole.",
    )
    period = models.ForeignKey(
        ReportingPeriod,
        verbose_name="reporting period",
        on_delete=models.RESTRICT,
        related_name="updates",
    )
    text = models.TextField("update", help_text="Markdown.")
    rag = rag_field()
    author = models.ForeignKey(
        "programmes.Person",
        verbose_name="author",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="updates",
    )
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="written by",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="progress_updates",
    )
    written_at = models.DateTimeField("written at", default=timezone.now)

    programme_people_fields = ("author",)

    version = models.PositiveIntegerField(
        "version", default=1, editable=False, help_text="Goes up by one at every saved edit."
    )

    objects = ProgressUpdateQuerySet.as_manager()
    # Every version of the text, with who wrote it and when: a revision never loses the first.
    history = HistoricalRecords()

    class Meta:
        ordering = ["service_area", "-period__start", "id"]
        verbose_name = "progress update"
        constraints = [
            models.UniqueConstraint(
                "milestone",
                "period",
                condition=Q(milestone__isnull=False),
                name="one_update_per_milestone_and_period",
                violation_error_message="This milestone already has an update for this period.",
            ),
            models.UniqueConstraint(
                "service_area",
                "period",
                condition=Q(milestone__isnull=True),
                name="one_update_per_area_and_period",
                violation_error_message="This service area already has an update for this period.",
            ),
        ]

    def __str__(self):
        return f"{self.service_area} – {self.period}"

    def people_programme_id(self) -> int | None:
        return self.service_area.programme_id if self.service_area_id else None

    def clean(self):
        if self.milestone_id and self.milestone.service_area_id != self.service_area_id:
            raise ValidationError({"milestone": "This milestone is in a different service area."})
        if (
            self.period_id
            and self.service_area_id
            and self.period.programme_id != self.service_area.programme_id
        ):
            raise ValidationError({"period": "This period belongs to a different programme."})
