"""What a champion changes about their service area as a whole."""

from django import forms

from core.edit_forms import VersionedEditForm
from programmes.models import ServiceArea


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
