"""Keeping a programme's governance: the forms that add and change a body, a member, a meeting
with its agenda and a glossary term, and the short forms that close, end, cancel or retire
one (each asking when or why) or undo that.

Every form takes the programme and the user's ``Rights`` (``ProgrammeRecordForm``); person
pickers offer only the programme's people; the short forms carry the version the record was
opened at, so that nobody closes or cancels a record someone else has just changed unseen."""

from django import forms
from django.forms import inlineformset_factory
from django.forms.formsets import DELETION_FIELD_NAME, ORDERING_FIELD_NAME

from core.edit_forms import VersionedEditForm
from core.form_fields import DATE_HINT, UKDateField
from programmes.models import AgendaItem, BodyMembership, GlossaryTerm, GovernanceBody, Meeting

from .people import offer_programme_people
from .records import ProgrammeRecordForm


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.description  # "Martin Vickers, Director of Change, Salford"


class InProgramme:
    """A record that belongs to the programme directly (a body, a glossary term)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is None:
            self.instance.programme = self.programme


# --- Bodies --------------------------------------------------------------------------------------


class BodyForm(InProgramme, ProgrammeRecordForm):
    noun = "body"
    fuzzy_dates = ("terms_agreed",)

    class Meta:
        model = GovernanceBody
        fields = (
            "name",
            "acronym",
            "kind",
            "parent",
            "description",
            "terms_of_reference",
            "terms_agreed_text",
            "terms_agreed_by",
            "order",
        )
        labels = {"order": "Position in lists", "description": "About the body"}
        help_texts = {
            "name": "As the reports name it, e.g. “Joint Improvement Board”.",
            "acronym": "If the reports use one, e.g. “JIB”. The glossary explains it.",
            "description": "What it is for, in a sentence or two. Markdown.",
            "terms_of_reference": "Paragraphs, and bullet lists starting with “- ”.",
            "terms_agreed_by": "The body or person who agreed them, e.g. “Leaders Group”.",
            "order": "Bodies are listed from the lowest number.",
        }
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "terms_of_reference": forms.Textarea(attrs={"rows": 8}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        bodies = list(self.programme.governance_bodies.all())
        below = self.bodies_below(bodies) if self.instance.pk else set()
        parent = self.fields["parent"]
        parent.queryset = self.programme.governance_bodies.exclude(pk__in=below)
        parent.empty_label = "No other body"
        parent.help_text = "The body it reports to, if any."
        terms = self.fields["terms_agreed_text"]
        terms.label = "Terms of reference agreed"
        terms.help_text = 'When, as you would write it: "4 June 2007", "July 2007".'

    def bodies_below(self, bodies) -> set[int]:
        """This body and those that report to it, at any depth: it cannot report to them."""
        below = {self.instance.pk}
        grew = True
        while grew:
            more = {b.pk for b in bodies if b.parent_id in below} - below
            below |= more
            grew = bool(more)
        return below


class BodyEditForm(VersionedEditForm, BodyForm):
    pass


class BodyCloseForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    closed_on = UKDateField(
        label="Closed on", required=True, help_text=f"Its last day. {DATE_HINT}"
    )
    reason = forms.CharField(
        label="Why it closed",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="e.g. “Replaced by the Joint Improvement Board”. Kept with the body.",
    )


# --- Members -------------------------------------------------------------------------------------


class MembershipForm(ProgrammeRecordForm):
    noun = "member"

    person = PersonChoiceField(queryset=None, label="Person")
    joined_on = UKDateField(label="Member since", help_text=f"If known. {DATE_HINT}")

    class Meta:
        model = BodyMembership
        fields = ("person", "role", "joined_on", "order")
        labels = {"order": "Position in the list of members"}
        help_texts = {
            "role": "e.g. Chair, Vice-chair, Secretary. Leave blank for a member.",
            "order": "Members are listed from the lowest number.",
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "person" in self.fields:
            offer_programme_people(self.fields["person"], self.programme)
            self.fields["person"].help_text = (
                "One of the programme's people. Someone new is added to the programme's people "
                "first."
            )


class MembershipEditForm(VersionedEditForm, MembershipForm):
    person = None  # who the membership is of does not change: end it and add the other person

    class Meta(MembershipForm.Meta):
        fields = ("role", "joined_on", "order")


class MembershipEndForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    left_on = UKDateField(
        label="Last day as a member",
        required=True,
        help_text=f"The reports of later dates leave them out. {DATE_HINT}",
    )


# --- Meetings ------------------------------------------------------------------------------------


class BodyChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        if obj.closed_on:
            return f"{obj} (closed {obj.closed_on:%-d %B %Y})"
        return str(obj)


class MeetingForm(ProgrammeRecordForm):
    noun = "meeting"

    body = BodyChoiceField(queryset=None, label="Body", empty_label=None)
    date = UKDateField(label="Date", required=True)

    class Meta:
        model = Meeting
        fields = ("body", "date", "title", "location", "notes")
        help_texts = {
            "title": "If it has one, e.g. “Budget Cabinet”. Otherwise the body's name is shown.",
            "location": "e.g. “Committee Room 1, Town Hall”.",
            "notes": "Anything the office needs to know about it.",
        }
        widgets = {"notes": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].queryset = self.programme.governance_bodies.all()
        self.fields["body"].help_text = "The board, group or committee that meets."


class MeetingEditForm(VersionedEditForm, MeetingForm):
    pass


class AgendaItemForm(forms.ModelForm):
    presenter = PersonChoiceField(
        queryset=None, required=False, label="Presented by", empty_label="Nobody named"
    )

    class Meta:
        model = AgendaItem
        fields = ("title", "presenter")
        labels = {"title": "Item"}

    def __init__(self, *args, programme, **kwargs):
        super().__init__(*args, **kwargs)
        offer_programme_people(
            self.fields["presenter"], programme, keep=[self.instance.presenter_id]
        )


class BaseAgendaFormSet(forms.BaseInlineFormSet):
    """The meeting's agenda, an item a row: its number (the order the meeting takes them),
    what it is and who presents it. Blank rows are left out; a row ticked "Remove" is taken off
    the agenda."""

    def add_fields(self, form, index):
        super().add_fields(form, index)
        form.fields[ORDERING_FIELD_NAME].label = "Item number"
        form.fields[DELETION_FIELD_NAME].label = "Remove"

    def items_to_save(self) -> list[AgendaItem]:
        """The items that are new or changed, numbered 1, 2, 3… in the order asked (rows with
        no number last): an item that only moves down because one was put before it is saved
        with its new number."""
        changed = []
        for number, form in enumerate(self.ordered_forms, start=1):
            item = form.instance
            if item.pk is None or form.has_changed() or item.order != number:
                item.order = number
                changed.append(item)
        return changed

    def items_to_remove(self) -> list[AgendaItem]:
        return [form.instance for form in self.deleted_forms if form.instance.pk is not None]


AgendaFormSet = inlineformset_factory(
    Meeting,
    AgendaItem,
    form=AgendaItemForm,
    formset=BaseAgendaFormSet,
    extra=3,
    can_delete=True,
    can_order=True,
)


class ReasonForm(forms.Form):
    """Cancel a meeting or retire a term: why (the view names the field)."""

    version = forms.IntegerField(widget=forms.HiddenInput)
    reason = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}))


class ConfirmForm(forms.Form):
    """Reopen a body, reinstate a meeting, restore a term, delete a meeting: only the version
    the page was opened at."""

    version = forms.IntegerField(widget=forms.HiddenInput)


# --- Glossary ------------------------------------------------------------------------------------


class GlossaryTermForm(InProgramme, ProgrammeRecordForm):
    noun = "term"

    class Meta:
        model = GlossaryTerm
        fields = ("term", "meaning")
        help_texts = {
            "term": "The acronym or word as the reports print it, e.g. “CECG”.",
            "meaning": "What it stands for or means, e.g. “Chief Executives' Co-ordination Group”.",
        }


class GlossaryTermEditForm(VersionedEditForm, GlossaryTermForm):
    pass
