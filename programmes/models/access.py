from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from simple_history.models import HistoricalRecords

from core.constraints import CheckedConstraint

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
    # In a programme several councils share, a reader from one of them may be limited to what
    # concerns their own authority: its participation and the service areas it takes part in.
    partner = models.ForeignKey(
        "programmes.Organisation",
        verbose_name="limited to authority",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="limited_access",
        help_text="A reader who should see only the work this partner authority takes part in "
        "(committed or interested). Leave blank to see the whole programme.",
    )

    # Who may edit a programme is itself a fact to audit: who gave or took away access, when.
    history = HistoricalRecords()

    class Meta:
        ordering = ["programme", "role", "user__username"]
        verbose_name = "programme access"
        verbose_name_plural = "programme access"
        constraints = [
            CheckedConstraint(
                condition=models.Q(partner__isnull=True) | models.Q(role="reader"),
                name="only_readers_limited_to_a_partner",
                violation_error_message="Only a reader's access can be limited to one authority.",
            ),
            models.UniqueConstraint(
                "programme",
                "user",
                name="one_access_role_per_programme",
                violation_error_message="This login already has a role in this programme.",
            ),
        ]

    def __str__(self):
        limited = f" ({self.partner} only)" if self.partner_id else ""
        return f"{self.user} – {self.get_role_display()}{limited} – {self.programme}"

    def clean(self):
        super().clean()
        if self.partner_id and not (
            self.partner_id == self.programme.lead_organisation_id
            or self.programme.partners.filter(pk=self.partner_id).exists()
        ):
            raise ValidationError({"partner": "This authority is not a partner in the programme."})
