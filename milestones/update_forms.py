"""Forms of the period's update cycle: the champion's update (the area's text and each
milestone's comment / current activity, with RAG statuses), the programme office's decision,
and opening or changing a reporting period."""

from django import forms

from core.edit_forms import VersionedEditForm, plain_text_data
from core.form_fields import UKDateField

from .cycle import Part
from .models import Milestone, ProgressUpdate, ReportingPeriod

MARKDOWN_HELP = "Paragraphs, and bullet lists starting with “- ”."


def rag_choices(programme) -> list[tuple[str, str]]:
    return [("", "Not rated")] + [
        (rating, programme.rag_label(rating)) for rating in programme.rag_ratings()
    ]


def update_milestones(area, saved: dict) -> list[Milestone]:
    """The milestones the update asks about: those not yet finished, and any already written
    about this period."""
    return [
        milestone
        for milestone in area.milestones.select_related("stage").order_by("order", "id")
        if not milestone.is_finished or milestone.pk in saved
    ]


class PeriodUpdateForm(forms.Form):
    """A service area's update for a period, in one form: the area's own text and RAG status,
    and each milestone's comment / current activity and RAG status (opening with what the
    milestone's record says, or what was saved as this period's draft). Each part remembers
    the version the writer saw, so a part saved meanwhile by someone else is never replaced
    unseen (``milestones.cycle``)."""

    text = forms.CharField(
        label="What happened this period?",
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=MARKDOWN_HELP,
    )
    rag = forms.ChoiceField(label="RAG status of the area", required=False)
    opened_version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    note = forms.CharField(
        label="A note for the programme office (optional)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Sent with your update; they read it beside the update.",
    )

    def __init__(self, *args, area, period, **kwargs):
        super().__init__(*args, **kwargs)
        if self.is_bound:
            self.data = plain_text_data(self.data)
        self.area = area
        self.period = period
        programme = area.programme
        saved = {
            update.milestone_id: update
            for update in ProgressUpdate.objects.filter(service_area=area, period=period)
        }
        self.saved = saved
        choices = rag_choices(programme)
        self.fields["rag"].choices = choices
        self.fields["text"].label = f"What happened in {area.name} this period?"
        own = saved.get(None)
        self.initial.update(
            text=own.text if own else "",
            rag=own.rag if own else area.rag,
            opened_version=own.version if own else None,
        )
        self.milestones = update_milestones(area, saved)
        for milestone in self.milestones:
            key = f"m{milestone.pk}"
            part = saved.get(milestone.pk)
            self.fields[f"{key}_text"] = forms.CharField(
                label="Comment / current activity",
                required=False,
                widget=forms.Textarea(attrs={"rows": 4}),
                help_text=MARKDOWN_HELP,
            )
            self.fields[f"{key}_rag"] = forms.ChoiceField(
                label="RAG status", required=False, choices=choices
            )
            self.fields[f"{key}_version"] = forms.IntegerField(
                widget=forms.HiddenInput, required=False
            )
            self.initial.update(
                {
                    f"{key}_text": part.text if part else milestone.comment,
                    f"{key}_rag": part.rag if part else milestone.rag,
                    f"{key}_version": part.version if part else None,
                }
            )

    def milestone_rows(self) -> list[dict]:
        """Each milestone with its fields, for the template."""
        return [
            {
                "milestone": milestone,
                "text": self[f"m{milestone.pk}_text"],
                "rag": self[f"m{milestone.pk}_rag"],
                "version": self[f"m{milestone.pk}_version"],
                "saved": self.saved.get(milestone.pk),
            }
            for milestone in self.milestones
        ]

    def disable(self) -> None:
        """Shown, not changeable (submitted, accepted, closed, or read by someone who may
        not write it)."""
        for field in self.fields.values():
            field.disabled = True

    def parts(self) -> list[Part]:
        data = self.cleaned_data
        parts = [Part(None, data["text"], data["rag"], data["opened_version"])]
        for milestone in self.milestones:
            key = f"m{milestone.pk}"
            parts.append(
                Part(milestone, data[f"{key}_text"], data[f"{key}_rag"], data[f"{key}_version"])
            )
        return parts

    def after_conflict(self, current: ProgressUpdate) -> "PeriodUpdateForm":
        """The form again, keeping everything this writer typed, having now seen the part
        ``current`` that someone else saved."""
        data = self.data.copy()
        key = f"m{current.milestone_id}_version" if current.milestone_id else "opened_version"
        data[key] = current.version
        refreshed = type(self)(data, area=self.area, period=self.period)
        refreshed.is_valid()
        return refreshed


class ReviewDecisionForm(forms.Form):
    """The programme office's answer to a submitted update: accept it, or return it with a
    comment the champion reads and answers."""

    comment = forms.CharField(
        label="Comment",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Needed when you return the update: say what needs changing.",
    )
    opened_version = forms.IntegerField(widget=forms.HiddenInput)


class PeriodFormMixin:
    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and end < start:
            self.add_error("end", "The period cannot end before it starts.")
        return cleaned


PERIOD_LABELS = {"label": "Name", "updates_due": "Updates due"}
PERIOD_HELP = {
    "label": 'How reports name it, e.g. "April 2010", "Q1 2010/11".',
    "updates_due": "The day champions' updates are due. For example, 07/05/2010.",
}


class PeriodOpenForm(PeriodFormMixin, forms.ModelForm):
    start = UKDateField(label="Start", required=True)
    end = UKDateField(label="End", required=True)
    updates_due = UKDateField(label="Updates due", help_text=PERIOD_HELP["updates_due"])

    class Meta:
        model = ReportingPeriod
        fields = ("label", "start", "end", "updates_due")
        labels = PERIOD_LABELS
        help_texts = PERIOD_HELP


class PeriodEditForm(VersionedEditForm, PeriodFormMixin, forms.ModelForm):
    start = UKDateField(label="Start", required=True)
    end = UKDateField(label="End", required=True)
    updates_due = UKDateField(label="Updates due", help_text=PERIOD_HELP["updates_due"])

    class Meta:
        model = ReportingPeriod
        fields = ("label", "start", "end", "updates_due")
        labels = PERIOD_LABELS
        help_texts = PERIOD_HELP
