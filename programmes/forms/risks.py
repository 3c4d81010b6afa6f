"""Adding and changing a risk: its likelihood and impact on the programme's own scale (and in
the author's own words, as reports print them), and a warning when the RAG status chosen
differs from the rating the risk matrix gives."""

from django import forms

from core.edit_forms import VersionedEditForm
from core.form_fields import UKDateField
from programmes.models import Risk

from .records import RecordForm


def level_field(label: str, help_text: str) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label, help_text=help_text, coerce=int, empty_value=None, required=False
    )


AS_WRITTEN_HELP = (
    "The rating as your report words it, e.g. “Moderate”: reports print these words unless "
    "they are asked to normalise ratings. Leave blank to print the level's name."
)


class RiskCreateForm(RecordForm):
    noun = "risk"

    likelihood = level_field("Likelihood", "How likely it is to happen (also called frequency).")
    impact = level_field("Impact", "How much harm it would do (also called severity).")
    review_date = UKDateField(label="Review date")

    class Meta:
        model = Risk
        fields = (
            "title",
            "reference",
            "service_area",
            "description",
            "likelihood",
            "likelihood_as_written",
            "likelihood_note",
            "impact",
            "impact_as_written",
            "impact_note",
            "rag",
            "lead_officer",
            "moderating_factors",
            "review_date",
            "is_open",
        )
        labels = {
            "title": "Risk",
            "likelihood_as_written": "Likelihood in your own words",
            "impact_as_written": "Impact in your own words",
            "likelihood_note": "Why this likelihood",
            "impact_note": "Why this impact",
            "is_open": "The risk is open",
            "rag": "RAG status",
        }
        help_texts = {
            "title": "A few words, e.g. “Staff capacity”.",
            "description": "Paragraphs, and bullet lists starting with “- ”.",
            "moderating_factors": "What is being done to reduce it. Bullet lists start with “- ”.",
            "is_open": "Untick when the risk has gone away or been dealt with.",
            "lead_officer": "Person or role, as you would write it.",
            "likelihood_as_written": AS_WRITTEN_HELP,
            "impact_as_written": AS_WRITTEN_HELP,
        }
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "likelihood_note": forms.Textarea(attrs={"rows": 2}),
            "impact_note": forms.Textarea(attrs={"rows": 2}),
            "moderating_factors": forms.Textarea(attrs={"rows": 5}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        levels = [("", "Not assessed")] + [
            (str(n), label) for n, label in self.programme.risk_levels()
        ]
        self.fields["likelihood"].choices = levels
        self.fields["impact"].choices = levels

    @property
    def warning(self) -> str:
        """Words for when the RAG status chosen differs from the rating the programme's risk
        matrix gives the likelihood and impact: a warning, not an error (an officer may keep a
        status the matrix does not give), shown on the form and after saving."""
        return rating_warning(self.programme, self.instance)


class RiskEditForm(VersionedEditForm, RiskCreateForm):
    pass


def rating_warning(programme, risk) -> str:
    rated = programme.risk_rating(risk)
    if not rated.disagrees:
        return ""
    rating = programme.rag_label(rated.rating)
    return (
        f"Its likelihood ({programme.risk_level_label(risk.likelihood)}) and impact "
        f"({programme.risk_level_label(risk.impact)}) give this risk a rating of {rating} on "
        f"the programme's risk matrix, but its RAG status is "
        f"{programme.rag_label(rated.status)}. The heat map, the count of red risks and the "
        f"reports go by the rating, {rating}; the status is shown beside it. If mitigations make "
        "the risk less likely or less harmful, lower its likelihood or impact instead."
    )
