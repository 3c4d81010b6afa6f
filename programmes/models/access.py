from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from .programmes import Programme


class ProgrammeAccess(models.Model):
    """What a login may do in a programme as a whole. Champions, project managers and lead
    officers need no row here: naming their person on a service area lets them edit it."""

    class Role(models.TextChoices):
        MANAGER = "manager", "Programme manager (edits everything in the programme)"
        READER = "reader", "Reader (sees the programme, edits nothing)"

    programme = models.ForeignKey(
        Programme, verbose_name="programme", on_delete=models.CASCADE, related_name="access"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="login",
        on_delete=models.CASCADE,
        related_name="programme_access",
    )
    role = models.CharField("role", max_length=10, choices=Role.choices)

    # Who may edit a programme is itself a fact to audit: who gave or took away access, when.
    history = HistoricalRecords()

    class Meta:
        ordering = ["programme", "role", "user__username"]
        verbose_name = "programme access"
        verbose_name_plural = "programme access"
        constraints = [
            models.UniqueConstraint(
                "programme",
                "user",
                name="one_access_role_per_programme",
                violation_error_message="This login already has a role in this programme.",
            )
        ]

    def __str__(self):
        return f"{self.user} – {self.get_role_display()} – {self.programme}"
