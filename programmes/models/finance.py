from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from core import fuzzydates, savings
from core.constraints import CheckedConstraint

from .references import reference_field
from .scoping import ProgrammeOrServiceArea


def money_field(verbose_name: str, **kwargs) -> models.DecimalField:
    """Pounds and pence; blank where the report gives no figure."""
    return models.DecimalField(
        verbose_name, max_digits=14, decimal_places=2, null=True, blank=True, **kwargs
    )


def not_negative(field: str, model_label: str) -> CheckedConstraint:
    return CheckedConstraint(
        condition=Q(**{f"{field}__isnull": True}) | Q(**{f"{field}__gte": 0}),
        name=f"{model_label}_{field}_not_negative",
        violation_error_message=f"The {field.replace('_', ' ')} cannot be negative.",
    )


def financial_year_field() -> models.PositiveSmallIntegerField:
    return models.PositiveSmallIntegerField(
        "financial year",
        null=True,
        blank=True,
        help_text="The year the financial year starts in: 2009 for 2009/10 (April to March).",
    )


class FinancialYearMixin:
    @property
    def financial_year_label(self) -> str:
        if self.financial_year is None:
            return ""
        return fuzzydates.financial_year_label(self.financial_year)


class SavingsLine(FinancialYearMixin, ProgrammeOrServiceArea):
    """A savings (benefits) target for one financial year, and what is forecast and achieved."""

    class Kind(models.TextChoices):
        CASHABLE = "cashable", "Cashable"
        NON_CASHABLE = "non_cashable", "Non-cashable"

    class Recurrence(models.TextChoices):
        RECURRING = "recurring", "Recurring"
        ONE_OFF = "one_off", "One-off"

    reference = reference_field()
    financial_year = financial_year_field()
    kind = models.CharField("kind", max_length=12, choices=Kind.choices, default=Kind.CASHABLE)
    recurrence = models.CharField(
        "recurring or one-off",
        max_length=10,
        choices=Recurrence.choices,
        default=Recurrence.RECURRING,
    )
    target = money_field("target")
    forecast = money_field("forecast")
    achieved = money_field("achieved")
    note = models.TextField("note", blank=True)

    version = models.PositiveIntegerField(
        "version", default=1, editable=False, help_text="Goes up by one at every saved edit."
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["programme", "financial_year", "order", "id"]
        verbose_name = "savings line"
        constraints = [
            not_negative("target", "savings"),
            not_negative("forecast", "savings"),
            not_negative("achieved", "savings"),
        ]

    def __str__(self):
        year = self.financial_year_label or "no year"
        return f"{self.get_kind_display()} savings {year}: target {self.target}"

    @property
    def shortfall(self) -> Decimal | None:
        """Target less achieved (or, until then, forecast); ``None`` without both. The rule
        lives in ``core.savings``."""
        return savings.shortfall(self)


class SavingsReallocation(FinancialYearMixin, ProgrammeOrServiceArea):
    """Savings re-invested elsewhere: "Head of customer services, permanent, £55K"."""

    class Permanence(models.TextChoices):
        PERMANENT = "permanent", "Permanent"
        ONE_OFF = "one_off", "One-off"

    allocated_to = models.CharField("re-allocated to", max_length=300)
    permanence = models.CharField(
        "from one-off or permanent savings", max_length=10, choices=Permanence.choices
    )
    amount = money_field("amount")
    financial_year = financial_year_field()
    note = models.TextField("note", blank=True)

    class Meta:
        ordering = ["programme", "order", "id"]
        verbose_name = "savings re-allocation"
        constraints = [not_negative("amount", "reallocation")]

    def __str__(self):
        return f"{self.allocated_to} ({self.get_permanence_display()}): {self.amount}"


class BudgetLine(FinancialYearMixin, ProgrammeOrServiceArea):
    """A line of a programme's budget; lines may have sub-lines (the appendix's sub-tables)."""

    parent = models.ForeignKey(
        "self",
        verbose_name="part of",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="lines",
    )
    title = models.CharField("item", max_length=300)
    financial_year = financial_year_field()
    allocation = money_field("budget allocation")
    estimated_cost = money_field("estimated cost")
    spent = money_field("committed or spent")
    estimated_savings = money_field("estimated savings")
    estimated_savings_note = models.CharField(
        "estimated savings note", max_length=100, blank=True, help_text='e.g. "tbc", "minimum".'
    )
    detail = models.TextField("detail", blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["programme", "order", "id"]
        verbose_name = "budget line"
        constraints = [
            not_negative("allocation", "budget"),
            not_negative("estimated_cost", "budget"),
            not_negative("spent", "budget"),
            not_negative("estimated_savings", "budget"),
        ]

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if self.parent_id and self.parent.programme_id != self.programme_id:
            raise ValidationError({"parent": "The parent line must be in the same programme."})
