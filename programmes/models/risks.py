from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from core.constraints import CheckedConstraint

from .ratings import rag_field
from .references import reference_field
from .scoping import ProgrammeOrServiceArea


class Risk(ProgrammeOrServiceArea):
    """An entry in a risk log. Likelihood and impact are levels on the programme's risk scale
    (1 Low … 3 High, or 1 … 5); the words a report wrote beside a level are kept with it, and
    so is the rating itself as the author wrote it ("Moderate" for Medium): reports print it
    in those words unless they are asked to normalise ratings."""

    reference = reference_field()
    title = models.CharField("risk", max_length=200)
    description = models.TextField("description", blank=True, help_text="Markdown.")
    likelihood = models.PositiveSmallIntegerField(
        "likelihood", null=True, blank=True, help_text="Also called frequency."
    )
    likelihood_note = models.TextField("likelihood: words", blank=True)
    likelihood_as_written = models.CharField(
        "likelihood as written",
        max_length=100,
        blank=True,
        help_text='The rating in the author\'s own words ("Moderate"), printed instead of the '
        "level's name.",
    )
    impact = models.PositiveSmallIntegerField(
        "impact", null=True, blank=True, help_text="Also called severity."
    )
    impact_note = models.TextField("impact: words", blank=True)
    impact_as_written = models.CharField(
        "impact as written",
        max_length=100,
        blank=True,
        help_text='The rating in the author\'s own words ("Severe"), printed instead of the '
        "level's name.",
    )
    lead_officer = models.CharField("lead officer", max_length=300, blank=True)
    moderating_factors = models.TextField(
        "moderating factors", blank=True, help_text="Mitigations. Markdown."
    )
    rag = rag_field()
    review_date = models.DateField("review date", null=True, blank=True)
    is_open = models.BooleanField("open", default=True)

    version = models.PositiveIntegerField(
        "version", default=1, editable=False, help_text="Goes up by one at every saved edit."
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["programme", "order", "id"]
        constraints = [
            CheckedConstraint(
                condition=Q(likelihood__isnull=True) | Q(likelihood__range=(1, 5)),
                name="risk_likelihood_on_a_scale",
                violation_error_message="Likelihood must be a level from 1 to 5.",
            ),
            CheckedConstraint(
                condition=Q(impact__isnull=True) | Q(impact__range=(1, 5)),
                name="risk_impact_on_a_scale",
                violation_error_message="Impact must be a level from 1 to 5.",
            ),
        ]

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if not self.programme_id:
            return
        levels = dict(self.programme.risk_levels())
        for field in ("likelihood", "impact"):
            value = getattr(self, field)
            if value is not None and value not in levels:
                allowed = ", ".join(f"{n} ({label})" for n, label in levels.items())
                raise ValidationError(
                    {field: f"Choose a level on this programme's scale: {allowed}."}
                )
        if self.rag and self.rag not in self.programme.rag_ratings():
            raise ValidationError({"rag": "This rating is not on the programme's RAG scale."})

    @property
    def likelihood_label(self) -> str:
        return self.programme.risk_level_label(self.likelihood)

    @property
    def impact_label(self) -> str:
        return self.programme.risk_level_label(self.impact)
