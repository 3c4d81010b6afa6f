"""The forms of a spreadsheet import, one per step: upload the file, confirm what each sheet and
column holds, and say what to do with the names the programme does not know."""

from django import forms
from django.core.exceptions import ValidationError

from exports.sheets import IMPORTABLE
from imports.books import SpreadsheetError, max_bytes, megabytes
from imports.mapping import (
    KIND_LABELS,
    LEAVE_OUT,
    SheetMapping,
    column_name,
    field_choices,
    problems,
)
from imports.names import BLANK, MATCH, NAME_WORDS, NEW, UnknownName
from imports.reading import read_book

KIND_CHOICES = [
    ("", "Work it out from the headings"),
    *((kind, KIND_LABELS[kind]) for kind in IMPORTABLE),
]


class ImportUploadForm(forms.Form):
    file = forms.FileField(
        label="Spreadsheet",
        help_text="An Excel workbook (.xlsx) or a CSV file, up to {limit}. Our own exports, and "
        "trackers with headings such as Service Area, Milestone, Start Date, Completion Date, "
        "Comment.",
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.csv,text/csv"}),
    )
    kind = forms.ChoiceField(
        label="What it holds",
        choices=KIND_CHOICES,
        required=False,
        help_text="Leave this to be worked out unless every sheet holds the same kind of record.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = self.fields["file"].help_text.format(
            limit=megabytes(max_bytes())
        )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > max_bytes():
            raise ValidationError(
                f"The file is {megabytes(upload.size)}; the largest the tracker accepts is "
                f"{megabytes(max_bytes())}."
            )
        data = upload.read()
        try:
            self.book = read_book(data, upload.name)
        except SpreadsheetError as error:
            raise ValidationError(str(error)) from error
        self.data_bytes = data
        return upload


class SheetMappingForm(forms.Form):
    """What one sheet holds: its kind, and the field each column fills."""

    def __init__(
        self, *args, mapping: SheetMapping, samples: dict, programme, ours: bool, **kwargs
    ):
        super().__init__(*args, **kwargs)
        self.mapping = mapping
        self.programme = programme
        self.fields["kind"] = forms.ChoiceField(
            label=f"What sheet “{mapping.sheet}” holds",
            choices=list(KIND_LABELS.items()),
            initial=mapping.kind,
        )
        self.columns = []
        if mapping.kind == LEAVE_OUT:
            return
        choices = field_choices(mapping.kind, programme, ours=ours)
        for index, heading in sorted(mapping.headings.items()):
            name = f"column_{index}"
            self.fields[name] = forms.ChoiceField(
                label=f"Column {column_name(index, heading or 'no heading')}",
                choices=choices,
                initial=mapping.fields.get(index, LEAVE_OUT),
                required=False,
            )
            self.columns.append((self[name], samples.get(index, [])))

    @property
    def kind_changed(self) -> bool:
        return self.is_bound and self.data.get(self.add_prefix("kind")) != self.mapping.kind

    def clean(self):
        cleaned = super().clean()
        if self.kind_changed or cleaned.get("kind") == LEAVE_OUT:
            return cleaned
        chosen: dict[str, str] = {}
        for index in sorted(self.mapping.headings):
            name = f"column_{index}"
            value = cleaned.get(name) or LEAVE_OUT
            if value == LEAVE_OUT:
                continue
            if value in chosen:
                self.add_error(
                    name,
                    f"{dict(self.fields[name].choices)[value]} is already chosen for "
                    f"{self.fields[chosen[value]].label}; leave this column out or choose "
                    "another field.",
                )
            chosen[value] = name
        for message in problems(self.mapped(cleaned), self.programme):
            self.add_error(None, f'Sheet "{self.mapping.sheet}": {message}')
        return cleaned

    def mapped(self, cleaned=None) -> SheetMapping:
        """The mapping as the user confirmed it."""
        cleaned = cleaned if cleaned is not None else self.cleaned_data
        return SheetMapping(
            sheet=self.mapping.sheet,
            kind=cleaned.get("kind", self.mapping.kind),
            header_row=self.mapping.header_row,
            headings=dict(self.mapping.headings),
            fields={
                index: cleaned.get(f"column_{index}") or LEAVE_OUT
                for index in self.mapping.headings
            },
            notes=list(self.mapping.notes),
        )


class NameChoicesForm(forms.Form):
    """For each name the programme does not know: match it, create it, or leave it blank."""

    def __init__(self, *args, unknown: list[UnknownName], options: dict, chosen: dict, **kwargs):
        super().__init__(*args, **kwargs)
        self.unknown = unknown
        for position, name in enumerate(unknown):
            choices = [("", "Choose…")]
            if name.can_create:
                choices.append((NEW, f"Create a new {NAME_WORDS[name.what]} called “{name.name}”"))
            if name.can_leave_blank:
                choices.append((BLANK, "Leave it blank"))
            suggested = [(f"{MATCH}{pk}", f"{label} (suggested)") for pk, label in name.suggestions]
            others = [
                (f"{MATCH}{pk}", label)
                for pk, label in options[name.what]
                if pk not in {pk for pk, _ in name.suggestions}
            ]
            if suggested or others:
                choices.append(
                    (f"Match to an existing {NAME_WORDS[name.what]}", suggested + others)
                )
            self.fields[f"name_{position}"] = forms.ChoiceField(
                label=name.described,
                choices=choices,
                required=False,
                initial=chosen.get(name.key, ""),
                help_text="Found in " + "; ".join(name.places) + ".",
                error_messages={"invalid_choice": "Choose one of the options in the list."},
            )

    def resolutions(self) -> dict[str, str]:
        return {
            name.key: self.cleaned_data[f"name_{position}"]
            for position, name in enumerate(self.unknown)
            if self.cleaned_data.get(f"name_{position}")
        }
