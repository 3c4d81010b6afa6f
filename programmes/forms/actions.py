"""Adding and changing an action: follow-on, equality impact or work programme."""

from django import forms

from core.edit_forms import VersionedEditForm
from programmes.models import Action

from .records import RecordForm


class NotRecordedYesNo(forms.NullBooleanSelect):
    """Yes, No, or not recorded (as many action plans leave it)."""

    def __init__(self, attrs=None):
        super().__init__(attrs)
        self.choices = [("unknown", "Not recorded"), ("true", "Yes"), ("false", "No")]


class ActionCreateForm(RecordForm):
    noun = "action"
    fuzzy_dates = ("start", "due")

    class Meta:
        model = Action
        fields = (
            "title",
            "reference",
            "kind",
            "heading",
            "service_area",
            "owner",
            "start_text",
            "due_text",
            "status",
            "importance",
            "measure",
            "target",
            "resources_approved",
            "note",
        )
        labels = {"title": "Action"}
        help_texts = {
            "importance": "Equality impact actions: e.g. High, Medium, Low.",
            "measure": "Equality impact actions: how progress will be measured.",
            "target": "Equality impact actions: what will count as done.",
        }
        widgets = {
            "title": forms.Textarea(attrs={"rows": 2}),
            "measure": forms.Textarea(attrs={"rows": 2}),
            "target": forms.Textarea(attrs={"rows": 2}),
            "note": forms.Textarea(attrs={"rows": 3}),
            "resources_approved": NotRecordedYesNo,
        }

    def clean(self):
        cleaned = super().clean()
        start, due = self.instance.start, self.instance.due
        if (
            start.earliest is not None
            and due.latest is not None
            and due.latest < start.earliest
            and "due_text" not in self.errors
        ):
            self.add_error("due_text", "The due date cannot be before the start.")
        return cleaned


class ActionEditForm(VersionedEditForm, ActionCreateForm):
    pass
