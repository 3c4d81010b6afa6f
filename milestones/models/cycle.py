"""Sign-off of a service area's update for a reporting period.

The update's words are ``ProgressUpdate`` rows of that area and period (one for the area as a
whole, one for each milestone the writer commented on), each versioned with its history. An
``AreaUpdate`` says where the whole stands: a draft, submitted for review, returned with a
comment, or accepted by the programme office; no record means not started. Every step (who,
when, what, and the comments each side wrote) is an ``UpdateStep``. The rules of moving from
one status to the next live in ``milestones.cycle``."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from simple_history.models import HistoricalRecords

from core.constraints import CheckedConstraint

NOT_STARTED = "Not started"


class AreaUpdate(models.Model):
    """Where a service area's update for a reporting period stands in sign-off."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        SUBMITTED = "submitted", "Submitted"
        RETURNED = "returned", "Returned"
        ACCEPTED = "accepted", "Accepted"

    # The writers may change it; the programme office cannot accept what is still changing.
    WRITABLE = (Status.DRAFT, Status.RETURNED)

    service_area = models.ForeignKey(
        "programmes.ServiceArea",
        verbose_name="service area",
        on_delete=models.CASCADE,
        related_name="period_updates",
    )
    period = models.ForeignKey(
        "milestones.ReportingPeriod",
        verbose_name="reporting period",
        on_delete=models.RESTRICT,
        related_name="area_updates",
    )
    status = models.CharField("status", max_length=12, choices=Status.choices)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="last submitted by",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    submitted_at = models.DateTimeField("last submitted", null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="last returned or accepted by",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField("last returned or accepted", null=True, blank=True)

    version = models.PositiveIntegerField(
        "version", default=1, editable=False, help_text="Goes up by one at every saved edit."
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["period", "service_area"]
        verbose_name = "service area's update"
        constraints = [
            models.UniqueConstraint(
                "service_area",
                "period",
                name="one_sign_off_per_area_and_period",
                violation_error_message="This service area already has an update for this period.",
            ),
        ]

    def __str__(self):
        return f"{self.service_area.name}, {self.period.label}: {self.get_status_display()}"

    @property
    def is_writable(self) -> bool:
        return self.status in self.WRITABLE

    def contributor_ids(self) -> set[int]:
        """The logins that wrote any version of any part of it, or started or submitted it:
        none of them may accept or return it."""
        if not hasattr(self, "_contributors"):
            AreaUpdate.load_contributors([self])
        return self._contributors

    @staticmethod
    def load_contributors(records) -> None:
        """Read the contributors of several updates at once (two queries), for lists."""
        from .periods import ProgressUpdate

        records = list(records)
        by_key = {(r.service_area_id, r.period_id): r for r in records}
        for record in records:
            record._contributors = set()
        if not records:
            return
        writers = ProgressUpdate.history.filter(
            service_area_id__in={area for area, _ in by_key},
            period_id__in={period for _, period in by_key},
            history_user_id__isnull=False,
        ).values_list("service_area_id", "period_id", "history_user_id")
        for area, period, user in writers:
            if (area, period) in by_key:
                by_key[area, period]._contributors.add(user)
        by_id = {r.pk: r for r in records}
        steps = UpdateStep.objects.filter(
            area_update__in=records,
            kind__in=(UpdateStep.Kind.STARTED, UpdateStep.Kind.SUBMITTED),
            by__isnull=False,
        ).values_list("area_update_id", "by_id")
        for record_id, user in steps:
            by_id[record_id]._contributors.add(user)


class UpdateStep(models.Model):
    """One step in an update's sign-off, with who took it, when, and what they wrote: the
    thread the champion and the programme office read."""

    class Kind(models.TextChoices):
        STARTED = "started", "Started the update"
        SUBMITTED = "submitted", "Submitted it for review"
        RETURNED = "returned", "Returned it"
        ANSWERED = "answered", "Replied"
        ACCEPTED = "accepted", "Accepted it"
        RECORDED = "recorded", "Recorded as accepted"

    area_update = models.ForeignKey(
        AreaUpdate, verbose_name="update", on_delete=models.CASCADE, related_name="steps"
    )
    kind = models.CharField("step", max_length=12, choices=Kind.choices)
    comment = models.TextField("comment", blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="by",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    at = models.DateTimeField("when", default=timezone.now)

    class Meta:
        ordering = ["area_update", "at", "id"]
        verbose_name = "step in an update's sign-off"
        constraints = [
            CheckedConstraint(
                condition=~Q(kind="returned", comment="") & ~Q(kind="answered", comment=""),
                name="returning_or_replying_says_why",
                violation_error_message="Write the comment: it is what the other side reads.",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} ({self.at:%-d %b %Y})"
