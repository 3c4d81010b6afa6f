from django import forms

from core import fuzzydates
from core.edit_forms import VersionedEditForm

from .models import Milestone, ProgressUpdate


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


class MilestoneDatesMixin:
    """A milestone form that knows which of its slippage dates the user moved."""

    def moved_dates(self) -> list[str]:
        if not self.instance.pk:
            return []
        return [
            name for name in Milestone.RESCHEDULABLE_DATES if f"{name}_text" in self.changed_data
        ]


class MilestoneAdminForm(MilestoneDatesMixin, FuzzyDateModelForm):
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

    def clean(self):
        cleaned = super().clean()
        if self.moved_dates() and not (cleaned.get("change_reason") or "").strip():
            self.add_error("change_reason", "Say why the date is changing.")
        return cleaned


def describe_reading(value) -> str:
    """How the application understood a date, in words a champion can check."""
    if not value.text:
        return "No date."
    if not value.is_dated:
        return f"“{value.text}” has no date we can use: it will be kept as words."
    span = (
        value.earliest.strftime("%-d %b %Y")
        if value.earliest == value.latest
        else " to ".join(
            d.strftime("%-d %b %Y") if d else "open" for d in (value.earliest, value.latest)
        )
    )
    return f"Read as {fuzzydates.format(value)} ({span})."


class MilestoneEditForm(VersionedEditForm, MilestoneDatesMixin, FuzzyDateModelForm):
    """A champion's or manager's edit of a milestone. Moving a planned or forecast date needs a
    reason; marking it complete needs the date it was completed."""

    fuzzy_dates = Milestone.DATE_NAMES

    reason = forms.CharField(
        label="Why have the dates changed?",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Needed when you move a planned or forecast date. The committee will read it.",
    )

    class Meta:
        model = Milestone
        fields = (
            "title",
            "stage",
            "status",
            "rag",
            "owner",
            "planned_start_text",
            "planned_completion_text",
            "forecast_completion_text",
            "actual_start_text",
            "actual_completion_text",
            "comment",
            "estimated_cost",
            "reports_to",
        )
        widgets = {"comment": forms.Textarea(attrs={"rows": 8})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        programme = self.instance.service_area.programme
        self.fields["stage"].queryset = programme.stages.all()
        self.fields["reports_to"].queryset = (
            self.fields["reports_to"]
            .queryset.filter(body__programme=programme)
            .select_related("body")
            .order_by("date")
        )
        self.fields["owner"].queryset = self.fields["owner"].queryset.select_related("organisation")
        self.fields["rag"].choices = [("", "Not rated")] + [
            (rating, programme.rag_label(rating)) for rating in programme.rag_ratings()
        ]
        for name in Milestone.DATE_NAMES:
            field = self.fields[f"{name}_text"]
            field.label = name.replace("_", " ").capitalize()
            field.help_text = 'As you would write it: "31/03/2010", "end March 2010", "Q1 2010".'

    def quarters(self) -> str:
        return self.instance.service_area.programme.quarters

    def readings(self) -> dict[str, str]:
        """How each date typed into the form was understood, for showing beside the fields."""
        return {
            f"{name}_text": describe_reading(getattr(self.instance, name))
            for name in Milestone.DATE_NAMES
            if self.is_bound and f"{name}_text" in self.changed_data
        }

    def clean(self):
        cleaned = super().clean()
        if self.moved_dates() and not (cleaned.get("reason") or "").strip():
            self.add_error("reason", "Say why the dates have changed.")
        if cleaned.get("status") == Milestone.Status.COMPLETE and not (
            self.instance.actual_completion.is_dated
        ):
            self.add_error("actual_completion_text", "Give the date it was completed.")
        return cleaned


class ProgressUpdateForm(forms.Form):
    """The update for a service area, or one of its milestones, for a reporting period. It
    opens with that period's update, if there is one, to revise, and remembers which version
    the writer saw, so that an update written meanwhile by someone else is never replaced
    unseen (``services.progress_update_write``)."""

    period = forms.ModelChoiceField(queryset=None, label="Reporting period", empty_label=None)
    text = forms.CharField(
        label="What happened this period?",
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="Paragraphs, and bullet lists starting with “- ”.",
    )
    opened_period = forms.IntegerField(widget=forms.HiddenInput, required=False)
    opened_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, programme, service_area, milestone=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["period"].queryset = programme.reporting_periods.order_by("-start")
        period = self.initial.get("period")
        if not self.is_bound and period is not None:
            self.initial["opened_period"] = period.pk
            existing = ProgressUpdate.objects.filter(
                service_area=service_area, milestone=milestone, period=period
            ).first()
            if existing:
                self.initial["text"] = existing.text
                self.initial["opened_version"] = existing.version

    def seen_version(self) -> int | None:
        """The version of the chosen period's update that the writer saw; None if they saw
        none (there was none, or the form was opened on another period)."""
        if self.cleaned_data.get("opened_period") != self.cleaned_data["period"].pk:
            return None
        return self.cleaned_data.get("opened_version")

    def after_conflict(self, current: ProgressUpdate) -> "ProgressUpdateForm":
        """The form again, keeping what this writer typed, now having seen ``current``."""
        data = self.data.copy()
        data["opened_period"] = current.period_id
        data["opened_version"] = current.version
        refreshed = type(self)(
            data,
            programme=current.service_area.programme,
            service_area=current.service_area,
            milestone=current.milestone,
        )
        refreshed.is_valid()
        return refreshed
