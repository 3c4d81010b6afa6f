"""Adding and changing a person (name, job title, organisation, e-mail, telephone), and giving
their login access to a programme."""

from django import forms

from core.edit_forms import VersionedEditForm
from programmes.models import Organisation, Person, ProgrammeAccess


class PersonForm(forms.ModelForm):
    new_organisation = forms.CharField(
        label="Or a new organisation",
        max_length=200,
        required=False,
        help_text="If their organisation is not in the list, type its full name, e.g. "
        "“Salford City Council”.",
    )

    class Meta:
        model = Person
        fields = (
            "name",
            "job_title",
            "organisation",
            "new_organisation",
            "email",
            "telephone",
            "wants_digest",
        )
        labels = {"email": "E-mail address", "wants_digest": "Send the weekly digest"}
        help_texts = {
            "name": "As reports introduce them, e.g. “Martin Vickers”.",
            "job_title": "e.g. “Director of Change”.",
            "email": "Reminders and invitations to sign in go only to people with an e-mail "
            "address.",
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        organisation = self.fields["organisation"]
        organisation.queryset = Organisation.objects.order_by("name")
        organisation.empty_label = "None, or not in the list"

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("organisation") and cleaned.get("new_organisation", "").strip():
            self.add_error(
                "new_organisation",
                "Choose an organisation from the list or type a new one, not both.",
            )
        return cleaned


class PersonEditForm(VersionedEditForm, PersonForm):
    pass


class OwnDetailsForm(VersionedEditForm, forms.ModelForm):
    """What anyone signed in may change of their own record."""

    class Meta:
        model = Person
        fields = ("email", "wants_digest")
        labels = {"email": "Your e-mail address", "wants_digest": "Send me the weekly digest"}
        help_texts = {
            "email": "Reminders to update, the weekly digest and password resets go here. "
            "Leave it blank and nothing is sent to you.",
            "wants_digest": "A Monday e-mail, for the programmes you manage, of who has not "
            "updated, what slipped and what turned red.",
        }


class AccessForm(forms.Form):
    role = forms.ChoiceField(
        label="Access to the programme",
        choices=ProgrammeAccess.Role.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose manager or reader access."},
    )
    partner = forms.ModelChoiceField(
        label="Reader limited to one authority",
        queryset=Organisation.objects.none(),
        required=False,
        empty_label="No: the whole programme",
        help_text="A reader from a partner council can see only the service areas their "
        "authority takes part in.",
    )

    def __init__(self, *args, programme, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partner"].queryset = programme.partners.order_by("name")
