"""Adding and changing a savings line: a financial year and its figures in pounds."""

from django import forms

from core.edit_forms import VersionedEditForm
from core.form_fields import FinancialYearField, MoneyField
from programmes.models import SavingsLine

from .records import RecordForm


class SavingsLineCreateForm(RecordForm):
    noun = "savings line"

    financial_year = FinancialYearField()
    target = MoneyField(label="Target")
    forecast = MoneyField(label="Forecast")
    achieved = MoneyField(label="Achieved")

    class Meta:
        model = SavingsLine
        fields = (
            "reference",
            "service_area",
            "financial_year",
            "kind",
            "recurrence",
            "target",
            "forecast",
            "achieved",
            "note",
        )
        labels = {"kind": "Cashable or non-cashable"}
        help_texts = {"note": "Where the figures come from, or what they include."}
        widgets = {
            "kind": forms.RadioSelect,
            "recurrence": forms.RadioSelect,
            "note": forms.Textarea(attrs={"rows": 3}),
        }

    def clean(self):
        cleaned = super().clean()
        if all(cleaned.get(name) is None for name in ("target", "forecast", "achieved")) and not (
            self.errors.keys() & {"target", "forecast", "achieved"}
        ):
            self.add_error("target", "Give at least one figure: a target, forecast or achieved.")
        return cleaned


class SavingsLineEditForm(VersionedEditForm, SavingsLineCreateForm):
    pass
