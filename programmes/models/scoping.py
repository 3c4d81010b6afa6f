"""Records that belong to a programme and, optionally, to one of its service areas."""

from django.core.exceptions import ValidationError
from django.db import models


class ProgrammeOrServiceArea(models.Model):
    """Risks, savings, budget lines, actions and lessons belong to a programme as a whole or to
    one of its service areas. The programme is always set, so programme-wide lists need no join."""

    programme = models.ForeignKey(
        "programmes.Programme",
        verbose_name="programme",
        on_delete=models.CASCADE,
        related_name="%(class)ss",
    )
    service_area = models.ForeignKey(
        "programmes.ServiceArea",
        verbose_name="service area",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="%(class)ss",
        help_text="Leave blank for the programme as a whole.",
    )
    order = models.PositiveSmallIntegerField("order", default=0)

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if self.service_area_id and self.service_area.programme_id != self.programme_id:
            raise ValidationError(
                {"service_area": "This service area belongs to a different programme."}
            )
