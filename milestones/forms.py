from django import forms

from . import fuzzydates
from .models import Milestone


class FuzzyDateModelForm(forms.ModelForm):
    """A model form whose ``<name>_text`` fields take dates as people write them; the words are
    read with the programme's quarter convention and stored with their meaning."""

    fuzzy_dates: tuple[str, ...] = ()

    def quarters(self) -> str:
        return "calendar"

    def clean(self):
        cleaned = super().clean()
        for name in self.fuzzy_dates:
            if f"{name}_text" in cleaned:
                text = cleaned[f"{name}_text"] or ""
                setattr(self.instance, name, fuzzydates.parse(text, quarters=self.quarters()))
        return cleaned


class MilestoneAdminForm(FuzzyDateModelForm):
    fuzzy_dates = Milestone.DATE_NAMES

    change_reason = forms.CharField(
        label="Reason for moving a planned or forecast date",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Kept in the milestone's date history and printed in slippage reports.",
    )

    class Meta:
        model = Milestone
        fields = (
            "service_area",
            "stage",
            "title",
            "status",
            "rag",
            "owner",
            "order",
            *(f"{name}_text" for name in Milestone.DATE_NAMES),
            "comment",
            "estimated_cost",
            "estimated_cost_note",
            "reports_to",
        )

    def quarters(self) -> str:
        area = self.cleaned_data.get("service_area") or getattr(self.instance, "service_area", None)
        return area.programme.quarters if area else "calendar"

    def moved_dates(self) -> list[str]:
        if not self.instance.pk:
            return []
        return [
            name for name in Milestone.RESCHEDULABLE_DATES if f"{name}_text" in self.changed_data
        ]

    def clean(self):
        cleaned = super().clean()
        if self.moved_dates() and not (cleaned.get("change_reason") or "").strip():
            self.add_error("change_reason", "Say why the date is changing.")
        return cleaned
