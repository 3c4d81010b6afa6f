"""Milestone forms: the admin's and the officers' edit (dates as people write them, and why a
date moved), and the months the timeline draws. The progress update for a reporting period is
written in the area's update (``update_forms``)."""

import copy

from django import forms
from django.core.exceptions import ValidationError

from core import fuzzydates
from core.date_forms import FuzzyDateModelForm, describe_reading
from core.edit_forms import VersionedEditForm
from core.form_fields import MoneyField
from programmes.forms.people import offer_programme_people
from programmes.models import Meeting

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

    def require_reason(self, cleaned: dict, name: str = "reason") -> None:
        """A reason in the field ``name`` when the user moved a planned or forecast date."""
        if self.moved_dates() and not (cleaned.get(name) or "").strip():
            self.add_error(name, "Say why the dates have changed.")

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
            "reference",
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


def offer_statuses(field, milestone: Milestone) -> None:
    """The statuses an officer's form offers: Cancelled is given, with its reason, by cancelling
    the milestone (``services.milestone_cancel``), and taken away by reinstating it; a cancelled
    milestone's status is fixed until then."""
    if milestone.status == Milestone.Status.CANCELLED:
        field.choices = [(Milestone.Status.CANCELLED, Milestone.Status.CANCELLED.label)]
        field.disabled = True
        field.help_text = "Reinstate it on its page to give it another status."
    else:
        field.choices = [
            choice for choice in field.choices if choice[0] != Milestone.Status.CANCELLED
        ]


class MilestoneForm(MilestoneDatesMixin, FuzzyDateModelForm):
    """A milestone as a champion or manager writes it: dates as people write them, the
    programme's stages, meetings, people and RAG words."""

    fuzzy_dates = Milestone.DATE_NAMES

    estimated_cost = MoneyField(label="Estimated cost")

    class Meta:
        model = Milestone
        fields = (
            "title",
            "reference",
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
        self.fields["reports_to"].queryset = Meeting.objects.offered(
            programme, keep=self.instance.reports_to_id
        ).order_by("date")
        offer_programme_people(self.fields["owner"], programme, keep=[self.instance.owner_id])
        offer_statuses(self.fields["status"], self.instance)
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
        self.check_completion(cleaned)
        return cleaned


class MilestoneCreateForm(MilestoneForm):
    """Add a milestone to a service area (the form's instance names the area)."""

    def creation_fields(self) -> dict:
        """The new milestone's fields for ``services.milestone_create``: a date as its
        FuzzyDate, and the status only when the user chose one (an actual completion date with
        no status chosen marks it complete)."""
        fields = {}
        for name in self._meta.fields:
            date_name = name.removesuffix("_text")
            if date_name in self.fuzzy_dates:
                fields[date_name] = getattr(self.instance, date_name)
            elif name != "status" or name in self.changed_data:
                fields[name] = self.cleaned_data[name]
        return fields


class MilestoneEditForm(VersionedEditForm, MilestoneForm):
    """A champion's or manager's edit of a milestone. Moving a planned or forecast date needs a
    reason. Complete needs no date (many records never had one); a milestone with an actual
    completion date cannot have another status."""

    reason = forms.CharField(
        label="Why have the dates changed?",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Needed when you move a planned or forecast date. The committee will read it.",
    )

    def clean(self):
        cleaned = super().clean()
        self.require_reason(cleaned)
        return cleaned


class MilestoneCancelForm(forms.Form):
    """Cancel (close) a milestone, saying why."""

    version = forms.IntegerField(widget=forms.HiddenInput)
    reason = forms.CharField(
        label="Why is it cancelled?",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        help_text="For example “No longer needed: merged into the Stage 2 milestone”. It is "
        "shown on the milestone's page and in the summary of changes in the next report.",
        error_messages={"required": "Say why it is cancelled."},
    )


class MilestoneReinstateForm(forms.Form):
    """Bring a cancelled milestone back, choosing the status it returns to."""

    version = forms.IntegerField(widget=forms.HiddenInput)
    status = forms.ChoiceField(
        label="Status it goes back to",
        choices=[
            choice for choice in Milestone.Status.choices if choice[0] != Milestone.Status.CANCELLED
        ],
    )


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
