"""The browser's forms for API tokens, calendar links and a programme's open data."""

from django import forms

from core.edit_forms import VersionedEditForm

from .models import Publication


class TokenForm(forms.Form):
    name = forms.CharField(
        label="What is it for?",
        max_length=100,
        help_text="So you can tell your tokens apart, e.g. “Power BI refresh”.",
        error_messages={"required": "Say what the token is for."},
    )


class CalendarLinkForm(TokenForm):
    programme = forms.ModelChoiceField(
        label="Whose milestones and meetings",
        queryset=None,
        required=False,
        empty_label="My own, in every programme I can see",
        help_text="A programme's: all its milestones and its bodies' meetings. Your own: the "
        "milestones you own or whose service area names you, and the meetings of the bodies "
        "you sit on.",
    )

    def __init__(self, *args, programmes, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].help_text = "e.g. “Outlook at work”."
        self.fields["programme"].queryset = programmes.order_by("name")


class PublicationForm(VersionedEditForm, forms.ModelForm):
    class Meta:
        model = Publication
        fields = ("milestones", "savings", "licence")
