"""The form of a programme's report structure: one row per part (its place, number, heading,
whether it is printed, and the sentence printed when it has nothing), read back into
``reports.structure.Part``s. Where a part goes inside the council's text (``after``) stays as
the preset or saved structure has it: the page changes only what a manager can see."""

from dataclasses import replace

from django import forms
from django.core.exceptions import ValidationError

from .structure import BLOCKS, Part


def part_words(kind: str, part: Part) -> str:
    """What a part is, for its row's legend."""
    if part.is_section:
        return f"The written section “{part.section_ref}”"
    blocks = BLOCKS.get(kind, {})
    return blocks.get(part.key) or blocks.get(part.block) or part.key


TEXT = {"class": "form-control"}


class PartForm(forms.Form):
    key = forms.CharField(widget=forms.HiddenInput, max_length=200)
    position = forms.IntegerField(
        label="Place in the report",
        min_value=1,
        max_value=999,
        widget=forms.NumberInput(attrs=TEXT),
        help_text="1 prints first; parts with the same place keep their order.",
    )
    number = forms.CharField(
        label="Number", required=False, max_length=20, widget=forms.TextInput(attrs=TEXT)
    )
    title = forms.CharField(
        label="Heading", required=False, max_length=200, widget=forms.TextInput(attrs=TEXT)
    )
    shown = forms.BooleanField(
        label="Print this part",
        required=False,
        widget=forms.CheckboxInput(attrs={"class": "form-check-input"}),
    )
    when_empty = forms.CharField(
        label="Sentence printed when it has nothing to show",
        required=False,
        max_length=300,
        widget=forms.TextInput(attrs=TEXT),
        help_text="Left blank, a part with nothing to show is left out of the report.",
    )


class BasePartFormSet(forms.BaseFormSet):
    def __init__(self, *args, kind: str, current: list[Part], **kwargs):
        self.kind = kind
        self.current = {part.key: part for part in current}
        if not args or args[0] is None:
            kwargs.setdefault(
                "initial", [self.initial_of(i, part) for i, part in enumerate(current)]
            )
        super().__init__(*args, **kwargs)
        for form in self.forms:
            key = form["key"].value()
            part = self.current.get(key)
            form.legend = part_words(kind, part) if part else key

    @staticmethod
    def initial_of(index: int, part: Part) -> dict:
        return {
            "key": part.key,
            "position": index + 1,
            "number": part.number,
            "title": part.title,
            "shown": part.shown,
            "when_empty": part.when_empty,
        }

    def clean(self):
        if any(self.errors):
            return
        keys = [form.cleaned_data["key"] for form in self.forms]
        unknown = [key for key in keys if key not in self.current]
        if unknown:
            raise ValidationError(f"This report has no part called “{unknown[0]}”.")
        if len(set(keys)) != len(keys):
            raise ValidationError("A part is listed twice; reload the page and try again.")

    def parts(self) -> list[Part]:
        """The parts as the manager arranged them, in order."""
        rows = sorted(
            enumerate(self.forms), key=lambda row: (row[1].cleaned_data["position"], row[0])
        )
        return [
            replace(
                self.current[form.cleaned_data["key"]],
                number=form.cleaned_data["number"].strip(),
                title=form.cleaned_data["title"].strip(),
                shown=form.cleaned_data["shown"],
                when_empty=form.cleaned_data["when_empty"].strip(),
            )
            for _, form in rows
        ]


PartFormSet = forms.formset_factory(PartForm, formset=BasePartFormSet, extra=0)


class LayoutVersionForm(forms.Form):
    """The version of the structure the page was opened at (0: the preset, nothing kept)."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
