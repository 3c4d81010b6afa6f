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
from imports.names import AREA, BLANK, MATCH, NAME_WORDS, NEW, NEW_CALLED, UnknownName
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
        # "Leave this sheet out" is the choice "", so the field may not be required.
        self.fields["kind"] = forms.ChoiceField(
            label=f"What sheet “{mapping.sheet}” holds",
            choices=list(KIND_LABELS.items()),
            initial=mapping.kind,
            required=False,
        )
        self.columns = []
        if mapping.kind == LEAVE_OUT:
            return
        self.fields["header_row"] = forms.IntegerField(
            label="Row of headings",
            min_value=1,
            required=False,
            initial=mapping.header_row,
            help_text="The row that holds the headings (the last, when they run over several "
            "rows). Change it and press “Continue” to have the columns matched again.",
        )
        choices = field_choices(mapping.kind, programme, ours=ours)
        for index, heading in sorted(mapping.headings.items()):
            name = f"column_{index}"
            self.fields[name] = forms.ChoiceField(
                label=f"Column {column_name(index, heading or 'no heading')}",
                choices=choices,
                initial=mapping.fields.get(index, LEAVE_OUT),
                required=False,
            )
            self.columns.append(
                (self[name], samples.get(index, []), mapping.reasons.get(index, ""))
            )

    @property
    def kind_changed(self) -> bool:
        return self.is_bound and self.data.get(self.add_prefix("kind"), "") != self.mapping.kind

    @property
    def header_changed(self) -> bool:
        """Whether the user named another row of headings (the columns are guessed again)."""
        if not self.is_bound or "header_row" not in self.fields:
            return False
        return self.data.get(self.add_prefix("header_row"), "").strip() not in (
            "",
            str(self.mapping.header_row),
        )

    def clean(self):
        cleaned = super().clean()
        if self.kind_changed or self.header_changed or not cleaned.get("kind"):
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
            kind=cleaned.get("kind") or LEAVE_OUT,
            header_row=self.mapping.header_row,
            header_start=self.mapping.header_start,
            headings=dict(self.mapping.headings),
            fields={
                index: cleaned.get(f"column_{index}") or LEAVE_OUT
                for index in self.mapping.headings
            },
            notes=list(self.mapping.notes),
            reasons=dict(self.mapping.reasons),
            units=dict(self.mapping.units),
            scales=dict(self.mapping.scales),
            year=self.mapping.year,
            transposed=self.mapping.transposed,
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
            if name.what == AREA and not name.name:
                # Rows that name no area: into one the user names here, created on the spot.
                self.fields[f"name_{position}_new"] = forms.CharField(
                    label=f"Or put them in a new {NAME_WORDS[AREA]} called",
                    required=False,
                    max_length=200,
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
        found = {}
        for position, name in enumerate(self.unknown):
            if called := (self.cleaned_data.get(f"name_{position}_new") or "").strip():
                found[name.key] = f"{NEW_CALLED}{called}"
            elif chosen := self.cleaned_data.get(f"name_{position}"):
                found[name.key] = chosen
        return found


class TranslationsForm(forms.Form):
    """What each of the file's words is read as (a status, a RAG word, a level on another
    scale): the default or the programme's remembered reading, for the user to confirm or
    change. The import keeps them for the programme's next import."""

    def __init__(self, *args, translated: list, options: dict, **kwargs):
        super().__init__(*args, **kwargs)
        self.translated = translated
        for position, found in enumerate(translated):
            shown = ", ".join(found.rows[:3]) + (
                f" and {len(found.rows) - 3} more" if len(found.rows) > 3 else ""
            )
            self.fields[f"meaning_{position}"] = forms.ChoiceField(
                label=f"{WHAT[found.field]} “{found.shown}”",
                choices=options[found.field],
                initial=found.meaning,
                help_text=f"Read as {found.label}"
                + (" (as this programme's imports read it)" if found.remembered else "")
                + f". In {shown}.",
                error_messages={"invalid_choice": "Choose one of the options in the list."},
            )

    def translations(self) -> dict[str, str]:
        return {
            found.key: self.cleaned_data[f"meaning_{position}"]
            for position, found in enumerate(self.translated)
        }


WHAT = {
    "status": "Status",
    "rag": "RAG status",
    "likelihood": "Likelihood",
    "impact": "Impact",
    "action_status": "Action status",
}
