from django.conf import settings
from django.db import models

from .programmes import Programme


class ImportRecord(models.Model):
    """One spreadsheet brought into a programme: who, when, which file, and what it changed."""

    class Kind(models.TextChoices):
        MILESTONES = "milestones", "Milestones"
        RISKS = "risks", "Risks"
        SAVINGS = "savings", "Savings"
        ACTIONS = "actions", "Actions"
        WORKBOOK = "workbook", "Whole-programme workbook"

    programme = models.ForeignKey(
        Programme, verbose_name="programme", on_delete=models.CASCADE, related_name="imports"
    )
    kind = models.CharField("kind", max_length=12, choices=Kind.choices)
    file_name = models.CharField("file name", max_length=255)
    sha256 = models.CharField("SHA-256 of the file", max_length=64)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="imported by",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="imports",
    )
    imported_at = models.DateTimeField("imported at", auto_now_add=True)
    created = models.PositiveIntegerField("rows created", default=0)
    updated = models.PositiveIntegerField("rows updated", default=0)
    unchanged = models.PositiveIntegerField("rows unchanged", default=0)
    # Rows the user chose to leave out because they had errors ("import the rows that are
    # right"): [{"sheet", "row", "headings", "values", "problems"}], to download, fix and
    # import again.
    left_out = models.JSONField("rows left out", default=list, blank=True)

    class Meta:
        ordering = ["-imported_at", "-id"]
        verbose_name = "spreadsheet import"

    def __str__(self):
        return f"{self.file_name} into {self.programme} ({self.imported_at:%d/%m/%Y %H:%M})"


class ValueTranslation(models.Model):
    """What a programme's imports read a council's word as: a status ("On target" is In
    progress), a RAG word ("Amber/Green" on a three-point scale) or a level on another scale
    ("Almost certain", "4" of 1–5). Confirmed once at an import, then used at every import into
    the programme."""

    class Field(models.TextChoices):
        STATUS = "status", "Status"
        RAG = "rag", "RAG status"
        LIKELIHOOD = "likelihood", "Likelihood"
        IMPACT = "impact", "Impact"
        ACTION_STATUS = "action_status", "Action status"

    programme = models.ForeignKey(
        Programme,
        verbose_name="programme",
        on_delete=models.CASCADE,
        related_name="value_translations",
    )
    field = models.CharField("field", max_length=16, choices=Field.choices)
    written = models.CharField(
        "as written", max_length=200, help_text="The word as a tracker writes it, in lower case."
    )
    meaning = models.CharField("read as", max_length=20, help_text="The value it is read as.")

    class Meta:
        ordering = ["programme", "field", "written"]
        verbose_name = "imported value's meaning"
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "field", "written"],
                name="one_meaning_per_written_value",
                violation_error_message="This word already has a meaning in this programme.",
            )
        ]

    def __str__(self):
        return f"{self.get_field_display()} “{self.written}” → {self.meaning}"
