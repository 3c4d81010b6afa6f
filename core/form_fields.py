"""Form fields for values as people in a council office type them: money ("£1.25m", "180k"),
financial years ("2009/10") and dates written day first ("31/03/2010"). Each reads the words
into what they mean, or refuses them in plain English; none needs a model, so every app's forms
and filters use the same ones."""

from datetime import date
from decimal import Decimal

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError

from core import fuzzydates
from core.money import find_pounds, pounds

# --------------------------------------------------------------------------------------------------
# Dates written day first

# Dates are typed the UK way; ISO is accepted too (what a browser's date picker sends).
UK_DATE_FORMATS = [*settings.DATE_INPUT_FORMATS, "%Y-%m-%d"]
DATE_HINT = "For example, 31/03/2010."


class UKDateInput(forms.TextInput):
    """A plain text box for a date written day first; no browser date picker, which reads
    and writes dates the American way in some browsers."""

    def __init__(self, attrs=None):
        super().__init__(attrs={"inputmode": "numeric", "autocomplete": "off", **(attrs or {})})

    def format_value(self, value):
        if isinstance(value, date):
            return value.strftime("%d/%m/%Y")
        return super().format_value(value)


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


# --------------------------------------------------------------------------------------------------
# Money

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


# --------------------------------------------------------------------------------------------------
# Financial years


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
