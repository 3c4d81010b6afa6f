"""Forms of the registers: a risk, a savings line and an action, each created or changed.

Every form takes the programme and the user's ``Rights``: the service areas offered are only
those the user may change (a champion's own areas; a manager's every area and the programme as
a whole), so a form can never save a record its user may not edit. Money is typed as people
write it ("£1,250,000", "1.25m"), financial years as "2009/10", dates as in reports ("end March
2010"); each is read into what it means, and the form says how it understood it."""

from datetime import date
from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError

from core import fuzzydates
from core.edit_forms import VersionedEditForm
from core.money import find_pounds, pounds
from milestones.forms import FuzzyDateModelForm, describe_reading
from programmes.filters import DATE_HINT, UK_DATE_FORMATS, WHOLE_PROGRAMME, UKDateInput
from programmes.models import Action, Risk, SavingsLine

# --------------------------------------------------------------------------------------------------
# Fields

MONEY_HELP = "In pounds, e.g. 1250000, £1,250,000, £1.25m or £180k."
MONEY_ERROR = "Enter an amount in pounds, such as 1250000, £1,250,000 or £1.25m."
LARGEST_AMOUNT = Decimal(10) ** 12  # the database keeps 14 digits, two of them pence


def parse_pounds(text: str) -> Decimal:
    """An amount of money as people type it: "1250000", "£1,250,000", "£3,995.50", "£1.25m",
    "180k". Raises ValidationError, in plain English, for anything else."""
    clean = text.strip()
    found = find_pounds(clean)
    if found is None or (found.start, found.end) != (0, len(clean)):
        raise ValidationError(MONEY_ERROR, code="invalid")
    if found.negative:
        raise ValidationError("The amount cannot be negative.", code="negative")
    amount = found.value
    if amount != amount.quantize(Decimal("0.01")):
        raise ValidationError("Give the amount to the penny at most.", code="pence")
    if amount >= LARGEST_AMOUNT:
        raise ValidationError("That amount is too large to be right.", code="too_large")
    return amount.quantize(Decimal("0.01"))


class MoneyField(forms.CharField):
    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("help_text", MONEY_HELP)
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "decimal"}))
        super().__init__(**kwargs)

    def to_python(self, value):
        text = super().to_python(value)
        if text in self.empty_values:
            return None
        return parse_pounds(text)

    def prepare_value(self, value):
        return pounds(value) if isinstance(value, Decimal | int) else value


class FinancialYearField(forms.CharField):
    """A financial year written "2009/10" (or "09/10", "2009-10"), kept as its first year."""

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("label", "Financial year")
        kwargs.setdefault(
            "help_text", "April to March, written like 2009/10. Leave blank if it has no year."
        )
        super().__init__(**kwargs)

    def to_python(self, value):
        text = super().to_python(value)
        if text in self.empty_values:
            return None
        year = fuzzydates.parse_financial_year(text)
        if year is None:
            raise ValidationError(
                f"“{text}” is not a financial year we can read: write it like 2009/10.",
                code="invalid",
            )
        return year

    def prepare_value(self, value):
        return fuzzydates.financial_year_label(value) if isinstance(value, int) else value


class UKDateField(forms.DateField):
    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("input_formats", UK_DATE_FORMATS)
        kwargs.setdefault("widget", UKDateInput)
        kwargs.setdefault("help_text", DATE_HINT)
        kwargs.setdefault(
            "error_messages", {"invalid": "Enter a real date, day first, like 31/03/2010."}
        )
        super().__init__(**kwargs)


class NotRecordedYesNo(forms.NullBooleanSelect):
    """Yes, No, or not recorded (as many action plans leave it)."""

    def __init__(self, attrs=None):
        super().__init__(attrs)
        self.choices = [("unknown", "Not recorded"), ("true", "Yes"), ("false", "No")]


def level_field(label: str, help_text: str) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label, help_text=help_text, coerce=int, empty_value=None, required=False
    )


# --------------------------------------------------------------------------------------------------
# The common part of a register record's form


class RecordForm(FuzzyDateModelForm):
    """A programme's record (risk, savings line, action) that may belong to a service area.

    ``programme`` and ``rights`` are required: the service areas offered are those the user
    may change, and only a programme manager may leave the service area blank (a record for
    the programme as a whole)."""

    noun = "record"

    def __init__(self, *args, programme, rights, **kwargs):
        super().__init__(*args, **kwargs)
        self.programme = programme
        self.rights = rights
        if self.instance.pk is None:
            self.instance.programme = programme
        manager = rights.can_manage_programme(programme)
        areas = programme.service_areas.all()
        if not manager:
            areas = areas.filter(pk__in=rights.named_areas)
        area = self.fields["service_area"]
        area.queryset = areas
        area.label = programme.service_area_label
        area.required = not manager
        area.empty_label = WHOLE_PROGRAMME if manager else None
        area.help_text = (
            "Leave as the whole programme unless it belongs to one of them."
            if manager
            else f"You can add and change these for the {programme.service_area_label.lower()}s "
            "you are named on."
        )
        area.error_messages["invalid_choice"] = (
            f"Choose one of the {programme.service_area_label.lower()}s you look after."
        )
        if "rag" in self.fields:
            self.fields["rag"].choices = [("", "Not rated")] + [
                (rating, programme.rag_label(rating)) for rating in programme.rag_ratings()
            ]
        for name in self.fuzzy_dates:
            field = self.fields[f"{name}_text"]
            field.label = name.replace("_", " ").capitalize()
            field.help_text = (
                'As you would write it: "31/03/2010", "end March 2010", "Q1 2010", "2009/10".'
            )

    def quarters(self) -> str:
        return self.programme.quarters

    def readings(self) -> dict[str, str]:
        """How each date typed into the form was understood, for showing beside its field."""
        if not self.is_bound:
            return {
                f"{name}_text": describe_reading(getattr(self.instance, name))
                for name in self.fuzzy_dates
                if getattr(self.instance, f"{name}_text")
            }
        return {
            f"{name}_text": describe_reading(getattr(self.instance, name))
            for name in self.fuzzy_dates
            if f"{name}_text" in self.changed_data and f"{name}_text" not in self.errors
        }

    def current_value(self, record, name: str) -> str:
        """A field of ``record`` as the form's user would read it (for "what changed")."""
        if name.endswith("_text") and name.removesuffix("_text") in self.fuzzy_dates:
            return fuzzydates.format(getattr(record, name.removesuffix("_text"))) or "no date"
        value = getattr(record, name)
        field = self.fields.get(name)
        if name == "rag":
            return self.programme.rag_label(value) or "Not rated"
        if name in ("likelihood", "impact"):
            return self.programme.risk_level_label(value) or "Not assessed"
        if name == "service_area":
            return str(value) if value else WHOLE_PROGRAMME
        if isinstance(field, MoneyField):
            return pounds(value) or "no figure"
        if isinstance(field, FinancialYearField):
            return fuzzydates.financial_year_label(value) if value else "no year"
        if isinstance(value, date):
            return value.strftime("%d/%m/%Y")
        if isinstance(value, bool) or value is None:
            return {True: "Yes", False: "No", None: "not recorded"}[value]
        display = getattr(record, f"get_{name}_display", None)
        return str(display() if display else value) or "blank"


# --------------------------------------------------------------------------------------------------
# Risks


class RiskCreateForm(RecordForm):
    noun = "risk"

    likelihood = level_field("Likelihood", "How likely it is to happen (also called frequency).")
    impact = level_field("Impact", "How much harm it would do (also called severity).")
    review_date = UKDateField(label="Review date")

    class Meta:
        model = Risk
        fields = (
            "title",
            "service_area",
            "description",
            "likelihood",
            "likelihood_note",
            "impact",
            "impact_note",
            "rag",
            "lead_officer",
            "moderating_factors",
            "review_date",
            "is_open",
        )
        labels = {
            "title": "Risk",
            "likelihood_note": "Why this likelihood",
            "impact_note": "Why this impact",
            "is_open": "The risk is open",
            "rag": "RAG status",
        }
        help_texts = {
            "title": "A few words, e.g. “Staff capacity”.",
            "description": "Paragraphs, and bullet lists starting with “- ”.",
            "moderating_factors": "What is being done to reduce it. Bullet lists start with “- ”.",
            "is_open": "Untick when the risk has gone away or been dealt with.",
            "lead_officer": "Person or role, as you would write it.",
        }
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "likelihood_note": forms.Textarea(attrs={"rows": 2}),
            "impact_note": forms.Textarea(attrs={"rows": 2}),
            "moderating_factors": forms.Textarea(attrs={"rows": 5}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        levels = [("", "Not assessed")] + [
            (str(n), label) for n, label in self.programme.risk_levels()
        ]
        self.fields["likelihood"].choices = levels
        self.fields["impact"].choices = levels

    @property
    def warning(self) -> str:
        """Words for when the RAG status chosen differs from the rating the programme's risk
        matrix gives the likelihood and impact: a warning, not an error (an officer may keep a
        status the matrix does not give), shown on the form and after saving."""
        return rating_warning(self.programme, self.instance)


class RiskEditForm(VersionedEditForm, RiskCreateForm):
    pass


def rating_warning(programme, risk) -> str:
    rated = programme.risk_rating(risk)
    if not rated.disagrees:
        return ""
    rating = programme.rag_label(rated.rating)
    return (
        f"Its likelihood ({programme.risk_level_label(risk.likelihood)}) and impact "
        f"({programme.risk_level_label(risk.impact)}) give this risk a rating of {rating} on "
        f"the programme's risk matrix, but its RAG status is "
        f"{programme.rag_label(rated.status)}. The heat map, the count of red risks and the "
        f"reports go by the rating, {rating}; the status is shown beside it. If mitigations make "
        "the risk less likely or less harmful, lower its likelihood or impact instead."
    )


# --------------------------------------------------------------------------------------------------
# Savings


class SavingsLineCreateForm(RecordForm):
    noun = "savings line"

    financial_year = FinancialYearField()
    target = MoneyField(label="Target")
    forecast = MoneyField(label="Forecast")
    achieved = MoneyField(label="Achieved")

    class Meta:
        model = SavingsLine
        fields = (
            "service_area",
            "financial_year",
            "kind",
            "recurrence",
            "target",
            "forecast",
            "achieved",
            "note",
        )
        labels = {"kind": "Cashable or non-cashable"}
        help_texts = {"note": "Where the figures come from, or what they include."}
        widgets = {
            "kind": forms.RadioSelect,
            "recurrence": forms.RadioSelect,
            "note": forms.Textarea(attrs={"rows": 3}),
        }

    def clean(self):
        cleaned = super().clean()
        if all(cleaned.get(name) is None for name in ("target", "forecast", "achieved")) and not (
            self.errors.keys() & {"target", "forecast", "achieved"}
        ):
            self.add_error("target", "Give at least one figure: a target, forecast or achieved.")
        return cleaned


class SavingsLineEditForm(VersionedEditForm, SavingsLineCreateForm):
    pass


# --------------------------------------------------------------------------------------------------
# Actions


class ActionCreateForm(RecordForm):
    noun = "action"
    fuzzy_dates = ("start", "due")

    class Meta:
        model = Action
        fields = (
            "title",
            "kind",
            "service_area",
            "owner",
            "start_text",
            "due_text",
            "status",
            "importance",
            "measure",
            "target",
            "resources_approved",
            "note",
        )
        labels = {"title": "Action"}
        help_texts = {
            "importance": "Equality impact actions: e.g. High, Medium, Low.",
            "measure": "Equality impact actions: how progress will be measured.",
            "target": "Equality impact actions: what will count as done.",
        }
        widgets = {
            "title": forms.Textarea(attrs={"rows": 2}),
            "measure": forms.Textarea(attrs={"rows": 2}),
            "target": forms.Textarea(attrs={"rows": 2}),
            "note": forms.Textarea(attrs={"rows": 3}),
            "resources_approved": NotRecordedYesNo,
        }

    def clean(self):
        cleaned = super().clean()
        start, due = self.instance.start, self.instance.due
        if (
            start.earliest is not None
            and due.latest is not None
            and due.latest < start.earliest
            and "due_text" not in self.errors
        ):
            self.add_error("due_text", "The due date cannot be before the start.")
        return cleaned


class ActionEditForm(VersionedEditForm, ActionCreateForm):
    pass


# --------------------------------------------------------------------------------------------------
# Timeline


class TimelineRangeForm(forms.Form):
    """Which months (and which service area) the timeline draws."""

    MONTH_CHOICES = [(n, f"{n} months") for n in (6, 12, 18, 24, 36, 48, 60)]

    start = forms.CharField(
        label="From",
        required=False,
        max_length=40,
        help_text="A month and year, e.g. April 2009. Leave blank to start with the first date.",
    )
    months = forms.TypedChoiceField(
        label="Months shown",
        choices=[("", "As the dates need (up to 36)"), *MONTH_CHOICES],
        coerce=int,
        empty_value=None,
        required=False,
    )
    area = forms.ModelChoiceField(
        label="Service area", queryset=None, required=False, empty_label="All"
    )

    def __init__(self, *args, programme, **kwargs):
        super().__init__(*args, **kwargs)
        self.programme = programme
        self.fields["area"].queryset = programme.service_areas.all()
        self.fields["area"].label = programme.service_area_label

    def clean_start(self):
        text = self.cleaned_data["start"]
        if not text:
            return None
        value = fuzzydates.parse(text, quarters=self.programme.quarters)
        first = value.earliest or value.latest
        if first is None:
            raise ValidationError(f"“{text}” is not a month we can read: write it like April 2009.")
        return first
