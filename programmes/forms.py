from django import forms

from .models import ServiceArea


class ServiceAreaEditForm(forms.ModelForm):
    """What a champion keeps up to date about their area as a whole."""

    version = forms.IntegerField(widget=forms.HiddenInput)

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
        self.fields["version"].initial = self.instance.version

    def changes(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.changed_data if name != "version"}
