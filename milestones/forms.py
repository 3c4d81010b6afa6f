import copy

from django import forms
from django.core.exceptions import ValidationError

from core import fuzzydates
from core.edit_forms import VersionedEditForm
from programmes.forms import offer_programme_people

from . import services
from .models import Milestone, ProgressUpdate
from .models.milestone import DELIVERED_IS_COMPLETE
from .services import date_moves

KEEP_AS_WORDS = "Keep as words"


class FuzzyDateModelForm(forms.ModelForm):
    """A model form whose ``<name>_text`` fields take dates as people write them; the words are
    read with the programme's quarter convention and stored with their meaning.

    Words with no date in them ("TBC", "Ongoing") are kept as words. Words that look like a date
    the calendar does not have ("31/02/2010", "Q5 2010") are refused with what is wrong, unless
    the user ticks "Keep as words": then they too are kept as words, with no date."""

    fuzzy_dates: tuple[str, ...] = ()

    keep_as_words = forms.BooleanField(
        label=KEEP_AS_WORDS,
        required=False,
        help_text="Tick to save a date that cannot be read (such as “31/02/2010”) as the words "
        "you typed, with no date: it will not be sorted, charted or counted as late.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The dates as they were before this form, to tell a move from a rewording.
        self.dates_before = {name: getattr(self.instance, name) for name in self.fuzzy_dates}
        if not self.fuzzy_dates:
            del self.fields["keep_as_words"]
            return
        # The box goes just after the last date field, where the refusal sends the user.
        order = [name for name in self.fields if name != "keep_as_words"]
        last_date = max(
            (i for i, name in enumerate(order) if name.removesuffix("_text") in self.fuzzy_dates),
            default=len(order) - 1,
        )
        order.insert(last_date + 1, "keep_as_words")
        self.order_fields(order)

    def quarters(self) -> str:
        return "calendar"

    def clean(self):
        cleaned = super().clean()
        keep = cleaned.get("keep_as_words")
        for name in self.fuzzy_dates:
            if f"{name}_text" in cleaned:
                text = cleaned[f"{name}_text"] or ""
                value = fuzzydates.parse(text, quarters=self.quarters())
                if value.problem and not keep:
                    self.add_error(
                        f"{name}_text",
                        f"{value.problem} Correct the date, or tick “{KEEP_AS_WORDS}” to save "
                        "these words with no date.",
                    )
                setattr(self.instance, name, value)
        return cleaned


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


def describe_reading(value) -> str:
    """How the application understood a date, in words a champion can check."""
    if not value.text:
        return "No date."
    if value.problem:
        return f"{value.problem} Correct it, or tick “{KEEP_AS_WORDS}” to keep it as words."
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
