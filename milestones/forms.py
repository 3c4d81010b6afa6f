"""Milestone forms: the admin's and the officers' edit (dates as people write them, and why a
date moved), and the months the timeline draws. The progress update for a reporting period is
written in the area's update (``update_forms``)."""

import copy

from django import forms
from django.core.exceptions import ValidationError

from core import fuzzydates
from core.date_forms import FuzzyDateModelForm, describe_reading
from core.edit_forms import VersionedEditForm
from programmes.forms.people import offer_programme_people

from . import services
from .models import Milestone
from .models.milestone import DELIVERED_IS_COMPLETE
from .services import date_moves


class MilestoneDatesMixin:
    """A milestone form that knows which of its slippage dates the user moved: changed what
    they mean, not only their words (the same rule as the service that saves them)."""

    def moved_dates(self) -> list[str]:
        if not self.instance.pk:
            return []
        changes = {
            name: getattr(self.instance, name)
            for name in Milestone.RESCHEDULABLE_DATES
            if f"{name}_text" in self.changed_data and f"{name}_text" not in self.errors
        }
        return list(date_moves(before=self.dates_before, changes=changes))

    def check_completion(self, cleaned: dict) -> None:
        """The status as the services will save it (an actual completion date given without a
        status marks it complete), and the model's rule that a delivered milestone is complete,
        shown beside the status: the admin saves after its form and cannot show an error then."""
        if "status" not in cleaned:
            return
        given = {}
        if "actual_completion_text" in self.changed_data:
            given["actual_completion"] = self.instance.actual_completion
        if "status" in self.changed_data:
            given["status"] = cleaned["status"]
        cleaned["status"] = services.completing(given).get("status", cleaned["status"])
        trial = copy.copy(self.instance)
        trial.status = cleaned["status"]
        try:
            DELIVERED_IS_COMPLETE.validate(Milestone, trial)
        except ValidationError as error:
            self.add_error("status", error)


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
        self.check_completion(cleaned)
        return cleaned


class MilestoneEditForm(VersionedEditForm, MilestoneDatesMixin, FuzzyDateModelForm):
    """A champion's or manager's edit of a milestone. Moving a planned or forecast date needs a
    reason. Complete needs no date (many records never had one); a milestone with an actual
    completion date cannot have another status."""

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
        offer_programme_people(self.fields["owner"], programme, keep=[self.instance.owner_id])
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
            if self.is_bound
            and f"{name}_text" in self.changed_data
            and f"{name}_text" not in self.errors  # the error says it already
        }

    def clean(self):
        cleaned = super().clean()
        if self.moved_dates() and not (cleaned.get("reason") or "").strip():
            self.add_error("reason", "Say why the dates have changed.")
        self.check_completion(cleaned)
        return cleaned


class TimelineRangeForm(forms.Form):
    """Which months (and which service area) the timeline draws."""

    MONTH_CHOICES = [(n, f"{n} months") for n in (6, 12, 18, 24, 36, 48, 60)]

    start = forms.CharField(
        label="From",
        required=False,
        max_length=40,
        help_text="A month and year, e.g. April 2009. Leave blank to start with the first date.",
    )
    months = forms.TypedChoiceField(
        label="Months shown",
        choices=[("", "As the dates need (up to 36)"), *MONTH_CHOICES],
        coerce=int,
        empty_value=None,
        required=False,
    )
    area = forms.ModelChoiceField(
        label="Service area", queryset=None, required=False, empty_label="All"
    )

    def __init__(self, *args, programme, **kwargs):
        super().__init__(*args, **kwargs)
        self.programme = programme
        self.fields["area"].queryset = programme.service_areas.all()
        self.fields["area"].label = programme.service_area_label

    def clean_start(self):
        text = self.cleaned_data["start"]
        if not text:
            return None
        value = fuzzydates.parse(text, quarters=self.programme.quarters)
        first = value.earliest or value.latest
        if first is None:
            raise ValidationError(f"“{text}” is not a month we can read: write it like April 2009.")
        return first
