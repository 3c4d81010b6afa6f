"""What the chase has sent: one row per e-mail, so a scheduled run never sends the same
reminder (or the same week's digest) twice."""

from django.db import models
from django.utils import timezone


class ChaseEmail(models.Model):
    """A reminder or digest e-mailed to a person. ``kind`` names which one (see
    ``dashboards.chasing``): "before", "overdue 1", "overdue 2"…, "on request" or
    "digest 2026-W48"."""

    person = models.ForeignKey(
        "programmes.Person",
        verbose_name="person",
        on_delete=models.CASCADE,
        related_name="chase_emails",
    )
    programme = models.ForeignKey(
        "programmes.Programme",
        verbose_name="programme",
        on_delete=models.CASCADE,
        related_name="chase_emails",
    )
    service_area = models.ForeignKey(
        "programmes.ServiceArea",
        verbose_name="service area",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="chase_emails",
    )
    period = models.ForeignKey(
        "milestones.ReportingPeriod",
        verbose_name="reporting period",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="chase_emails",
    )
    kind = models.CharField("which e-mail", max_length=40)
    email = models.EmailField("sent to")
    sent_at = models.DateTimeField("sent", default=timezone.now)

    class Meta:
        ordering = ["-sent_at"]
        verbose_name = "e-mail sent in the chase"
        verbose_name_plural = "e-mails sent in the chase"

    def __str__(self):
        return f"{self.kind} to {self.person} ({self.sent_at:%d/%m/%Y})"
