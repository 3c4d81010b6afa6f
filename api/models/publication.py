"""What a programme publishes as open data. Nothing is published until its managers say so."""

from django.db import models
from simple_history.models import HistoricalRecords

OPEN_GOVERNMENT_LICENCE = "Open Government Licence v3.0"


class Publication(models.Model):
    """A programme's choice of open data: its milestones, its savings by financial year, or
    both, at a public address (``docs/open-data.md`` describes the files)."""

    programme = models.OneToOneField(
        "programmes.Programme",
        verbose_name="programme",
        on_delete=models.CASCADE,
        related_name="publication",
    )
    milestones = models.BooleanField(
        "publish its milestones",
        default=False,
        help_text="Each milestone's service area, stage, dates, status and RAG status; never "
        "owners' names or comments.",
    )
    savings = models.BooleanField(
        "publish its savings by financial year",
        default=False,
        help_text="Target, forecast, achieved and shortfall for each financial year and kind, "
        "added up over the programme; never a line's notes.",
    )
    licence = models.CharField(
        "licence",
        max_length=200,
        default=OPEN_GOVERNMENT_LICENCE,
        help_text="Printed in the files.",
    )

    version = models.PositiveIntegerField(
        "version", default=1, editable=False, help_text="Goes up by one at every saved edit."
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = "open data publication"

    def __str__(self):
        return f"Open data of {self.programme}"

    @property
    def publishes_anything(self) -> bool:
        return self.milestones or self.savings
