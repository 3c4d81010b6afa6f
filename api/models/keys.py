"""Secrets a user holds to reach their data without signing in: personal API tokens and
calendar links. Only a hash of each secret is stored (``api.keys`` makes and checks them); the
secret itself is shown once, when it is made. Revoked, never deleted: the history keeps who
made and revoked each one."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from simple_history.models import HistoricalRecords

from core.constraints import CheckedConstraint


class UserSecret(models.Model):
    """A secret of one user's: what it is for, its first characters (to tell it apart in the
    list), the hash of the whole, and when it was made, last used and revoked."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="user", on_delete=models.CASCADE, related_name="+"
    )
    name = models.CharField(
        "what it is for", max_length=100, help_text="e.g. “Power BI refresh”, “My phone”."
    )
    prefix = models.CharField("starts with", max_length=12, editable=False)
    key_hash = models.CharField("SHA-256 of the secret", max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField("made at", default=timezone.now, editable=False)
    last_used_at = models.DateTimeField("last used", null=True, blank=True, editable=False)
    revoked_at = models.DateTimeField("revoked at", null=True, blank=True)

    version = models.PositiveIntegerField(
        "version", default=1, editable=False, help_text="Goes up by one at every saved edit."
    )

    class Meta:
        abstract = True
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None


class ApiToken(UserSecret):
    """A personal API token: ``Authorization: Token <secret>`` (or ``Bearer``) acts as its user,
    with exactly their rights."""

    history = HistoricalRecords()

    class Meta(UserSecret.Meta):
        verbose_name = "API token"


class CalendarLink(UserSecret):
    """A secret link to a calendar feed (ICS) of milestones and meetings: one programme's, or
    (with no programme) those of the user's own work in every programme they can see."""

    programme = models.ForeignKey(
        "programmes.Programme",
        verbose_name="programme",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        help_text="Leave blank for your own milestones and meetings in every programme.",
    )

    history = HistoricalRecords()

    class Meta(UserSecret.Meta):
        verbose_name = "calendar link"
        constraints = [
            CheckedConstraint(
                condition=~Q(name=""),
                name="calendarlink_has_name",
                violation_error_message="Say what the calendar link is for.",
            )
        ]
