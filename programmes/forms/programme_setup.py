"""The forms of a programme's set-up: starting one, its settings, its risk matrix and its Key to
Stages. Saving is the services' (``programmes.programme_setup``); these read what was typed."""

from django import forms

from core.edit_forms import VersionedEditForm
from core.risk_rating import default_matrix, matrix_from_rows
from programmes.models import Organisation, Programme, RagRating, StageDefinition
from programmes.programme_setup import own_matrix_fits, rag_words

FIVE_POINT_ONLY = {RagRating.AMBER_RED, RagRating.AMBER_GREEN}


def word_field(rating: str) -> str:
    return f"rag_word_{rating}"


class ProgrammeForm(VersionedEditForm, forms.ModelForm):
    """A programme's name, organisations and settings: its settings page, and (as
    ``ProgrammeStartForm``) the page that starts one."""

    FIELDSETS = (
        ("The programme", ("name", "short_name", "slug", "status", "description")),
        ("Organisations", ("lead_organisation", "new_lead", "partners", "new_partners")),
        (
            "Words, scales and rhythm",
            (
                "service_area_label",
                "stage_label",
                "rag_scale",
                *(f"rag_word_{rating}" for rating in RagRating.values),
                "risk_scale",
                "quarters",
                "reporting_rhythm",
            ),
        ),
    )

    new_lead = forms.CharField(
        label="Or add a new lead organisation",
        required=False,
        max_length=200,
        help_text="Its full name, if it is not in the list above.",
    )
    new_partners = forms.CharField(
        label="Add partner authorities not in the list",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="One full name a line, e.g. “Bolton Metropolitan Borough Council”.",
    )

    class Meta:
        model = Programme
        fields = (
            "name",
            "short_name",
            "status",
            "description",
            "lead_organisation",
            "partners",
            "service_area_label",
            "stage_label",
            "rag_scale",
            "risk_scale",
            "quarters",
            "reporting_rhythm",
        )
        labels = {"partners": "Partner authorities"}
        help_texts = {
            "partners": "The councils and other bodies working together in it; each service "
            "area records which of them take part.",
            "description": "What the programme is for, as its reports introduce it. Markdown.",
        }
        widgets = {
            "description": forms.Textarea(attrs={"rows": 4}),
            "partners": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        organisations = Organisation.objects.order_by("name")
        self.fields["lead_organisation"].queryset = organisations
        self.fields["lead_organisation"].empty_label = "None chosen"
        self.fields["partners"].queryset = organisations
        self.fields["partners"].required = False
        # The words as the form was opened: what the user changed is what differs from these.
        opened = self.opened_record() or self.instance
        self.words_opened = dict(opened.rag_labels or {})
        for rating in RagRating:
            self.fields[word_field(rating)] = forms.CharField(
                label=f"Word for {rating.label}",
                required=False,
                max_length=40,
                help_text="Five-point scale only." if rating in FIVE_POINT_ONLY else "",
            )
            self.initial[word_field(rating)] = self.words_opened.get(rating.value, "")
        self.fields[word_field(RagRating.RED)].help_text = (
            "Leave blank to print the usual word; or give the programme's own, e.g. "
            "“Urgent Action” for Red, “Action Underway” for Amber, “On Target” for Green."
        )
        order = [name for name in self.fields if not name.startswith(("new_", "rag_word_"))]
        order.insert(order.index("lead_organisation") + 1, "new_lead")
        order.insert(order.index("partners") + 1, "new_partners")
        words = [word_field(rating) for rating in RagRating]
        order[order.index("rag_scale") + 1 : order.index("rag_scale") + 1] = words
        self.order_fields(order)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("lead_organisation") and cleaned.get("new_lead", "").strip():
            self.add_error(
                "new_lead", "Choose a lead organisation from the list or add a new one, not both."
            )
        scale = cleaned.get("rag_scale") or self.instance.rag_scale
        self.rag_labels = rag_words(
            scale, {rating: cleaned.get(word_field(rating)) for rating in RagRating.values}
        )
        # Checked with the rest of the programme by its ``clean``.
        self.instance.rag_labels = self.rag_labels
        scales = {name: cleaned[name] for name in ("rag_scale", "risk_scale") if cleaned.get(name)}
        if self.instance.risk_matrix and not own_matrix_fits(self.instance, scales):
            # Not this form's to refuse: saving gives way to the standard matrix, and says so.
            self.instance.risk_matrix = []
        return cleaned

    def fieldsets(self) -> list[tuple[str, list]]:
        """The form's fields in groups, each under its legend."""
        return [
            (legend, [self[name] for name in names if name in self.fields])
            for legend, names in self.FIELDSETS
        ]

    def new_partner_names(self) -> list[str]:
        return (self.cleaned_data.get("new_partners") or "").splitlines()

    def changes(self) -> dict:
        changes = super().changes()
        if self.rag_labels != self.words_opened:
            changes["rag_labels"] = self.rag_labels
        return changes

    def rebased_data(self, current):
        """As ``VersionedEditForm``'s, the words for ratings included."""
        data = super().rebased_data(current)
        for rating in RagRating.values:
            if word_field(rating) not in self.changed_data:
                data[self.add_prefix(word_field(rating))] = current.rag_labels.get(rating, "")
        return data


class ProgrammeStartForm(ProgrammeForm):
    """Starting a programme: its web address name too, and whose settings it started from."""

    copy_from = forms.ModelChoiceField(
        queryset=Programme.objects.none(),
        to_field_name="slug",
        required=False,
        widget=forms.HiddenInput,
    )

    class Meta(ProgrammeForm.Meta):
        fields = ("name", "short_name", "slug", *ProgrammeForm.Meta.fields[2:])
        help_texts = {
            **ProgrammeForm.Meta.help_texts,
            "slug": "Used in links and file names. Leave blank to make one from the name; keep "
            "it once reports have been issued.",
        }

    def __init__(self, *args, visible_programmes, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["slug"].required = False
        self.fields["copy_from"].queryset = visible_programmes


class CopySettingsForm(forms.Form):
    """Which programme's settings a new one starts from (a programme its starter can see)."""

    copy = forms.ModelChoiceField(
        label="Start from the settings of",
        queryset=Programme.objects.none(),
        to_field_name="slug",
        required=False,
        empty_label="No other programme: the usual settings",
        help_text="Its words for service areas and stages, RAG and risk scales and risk matrix, "
        "quarters and reporting rhythm fill in the form below for you to check; its Key to "
        "Stages and glossary are copied when you save.",
    )

    def __init__(self, *args, visible_programmes, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["copy"].queryset = visible_programmes


class RiskMatrixForm(forms.Form):
    """A programme's own risk matrix: the rating of each likelihood-by-impact combination, on
    a grid laid out as the heat map draws it (the most likely row first)."""

    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, programme: Programme, **kwargs):
        super().__init__(*args, **kwargs)
        self.programme = programme
        self.levels = programme.risk_levels()  # lowest first
        grid = programme.risk_matrix_grid()  # grid[likelihood - 1][impact - 1]
        choices = [(rating, programme.rag_label(rating)) for rating in programme.rag_ratings()]
        self.fields["version"].initial = programme.version
        for likelihood, likelihood_label in reversed(self.levels):
            for impact, impact_label in self.levels:
                self.fields[self.cell(likelihood, impact)] = forms.ChoiceField(
                    label=f"Likelihood {likelihood_label}, impact {impact_label}",
                    choices=choices,
                    initial=grid[likelihood - 1][impact - 1],
                )

    @staticmethod
    def cell(likelihood: int, impact: int) -> str:
        return f"cell_{likelihood}_{impact}"

    def rows(self) -> list[dict]:
        """The grid for the template: a row per likelihood, the most likely first."""
        return [
            {
                "label": likelihood_label,
                "cells": [self[self.cell(likelihood, impact)] for impact, _ in self.levels],
            }
            for likelihood, likelihood_label in reversed(self.levels)
        ]

    def impact_labels(self) -> list[str]:
        return [label for _, label in self.levels]

    def matrix(self) -> list[list[str]]:
        """What to store as ``Programme.risk_matrix``: empty when the grid is the standard
        matrix (so it follows the standard, as a programme that never set its own does)."""
        rows = [
            [self.cleaned_data[self.cell(likelihood, impact)] for impact, _ in self.levels]
            for likelihood, _ in reversed(self.levels)
        ]
        return [] if matrix_from_rows(rows) == default_matrix(len(self.levels)) else rows


class StageForm(VersionedEditForm, forms.ModelForm):
    class Meta:
        model = StageDefinition
        fields = ("code", "name", "definition")
        labels = {"code": "Code", "name": "Name", "definition": "What it means"}
        help_texts = {
            "code": "As milestones and reports write it: “Stage 2a”, “Phase 1”.",
            "name": "“Prepare improvement programme”.",
            "definition": "The Key to Stages prints it in every committee pack.",
        }
        widgets = {"definition": forms.Textarea(attrs={"rows": 4})}
