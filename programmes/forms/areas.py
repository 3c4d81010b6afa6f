"""What is set about a service area: what its champion keeps up to date, what its managers set
(name, number, place), closing it, its partners' participation, and its people in roles."""

from django import forms
from django.db.models import Q

from core.edit_forms import VersionedEditForm
from programmes.models import Participation, Person, ServiceArea, ServiceAreaRole

from .people import offer_programme_people


class ServiceAreaEditForm(VersionedEditForm, forms.ModelForm):
    """What a champion keeps up to date about their area as a whole."""

    class Meta:
        model = ServiceArea
        fields = ("scope", "purpose", "rag", "progress_rating")
        widgets = {
            "scope": forms.Textarea(attrs={"rows": 5}),
            "purpose": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        programme = self.instance.programme
        self.fields["rag"].choices = [("", "Not rated")] + [
            (rating, programme.rag_label(rating)) for rating in programme.rag_ratings()
        ]


class ServiceAreaManageForm(ServiceAreaEditForm):
    """What a programme manager sets about an area, adding it or changing it: its name, number
    and place as well as what its people keep up to date."""

    class Meta(ServiceAreaEditForm.Meta):
        fields = ("number", "name", "parent", *ServiceAreaEditForm.Meta.fields)
        help_texts = {
            "number": "The reports' numbering, if the programme numbers them: “5”, “5.1”.",
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        programme = self.instance.programme
        word = programme.service_area_label.lower()
        parents = ServiceArea.objects.filter(programme=programme).open()
        if self.instance.pk is not None:
            # Not itself, nor anything under it; its parent now stays offered, even if closed.
            areas = ServiceArea.objects.filter(programme=programme)
            links = list(areas.values_list("pk", "parent_id"))
            below, grew = {self.instance.pk}, True
            while grew:
                more = {pk for pk, parent in links if parent in below} - below
                below |= more
                grew = bool(more)
            parents = ServiceArea.objects.filter(
                Q(pk__in=parents.exclude(pk__in=below).values("pk")) | Q(pk=self.instance.parent_id)
            )
        self.fields["parent"].queryset = parents
        self.fields["parent"].empty_label = f"None: a {word} of its own"
        self.fields["parent"].help_text = f"The {word} this one sits under, if any."


class AreaCloseForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    closed_reason = forms.CharField(
        label="Why is it closing?",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Kept with its history: “Completed: handed over to business as usual”, "
        "“Merged into Customer Contact”.",
        error_messages={"required": "Say why it is closing."},
    )


class ParticipationForm(VersionedEditForm, forms.ModelForm):
    """One partner authority's part in an area's work (a row of the area's partners page)."""

    class Meta:
        model = Participation
        fields = ("status", "note")
        widgets = {"note": forms.TextInput}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        name = self.instance.organisation.name
        self.fields["status"].label = f"{name}: taking part?"
        self.fields["note"].label = f"{name}: note"
        self.fields["note"].help_text = ""
        if self.instance.pk is None:
            # Nothing recorded yet: leaving it so records nothing.
            self.fields["status"].required = False
            self.fields["status"].choices = [("", "Not recorded"), *Participation.Status.choices]
        else:
            self.fields["status"].choices = Participation.Status.choices

    def clean(self):
        cleaned = super().clean()
        noted = cleaned.get("note", "").strip()
        if self.instance.pk is None and noted and not cleaned.get("status"):
            self.add_error("status", "Choose whether they take part, or leave the note empty.")
        return cleaned


class RoleAddForm(forms.Form):
    person = forms.ModelChoiceField(label="Person", queryset=Person.objects.none())
    role = forms.ChoiceField(label="Role", choices=ServiceAreaRole.Role.choices)

    def __init__(self, *args, programme, **kwargs):
        super().__init__(*args, **kwargs)
        offer_programme_people(self.fields["person"], programme)
        self.fields[
            "person"
        ].help_text = (
            "The programme's people. Someone new? Add them to the programme's people first."
        )
