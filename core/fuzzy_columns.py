"""Storing a date as people write it in four database columns.

A date such as "end July 2007" is kept as its words (``<name>_text``), what they mean
(``<name>_earliest`` and ``<name>_latest``) and how precise they are (``<name>_precision``).
Sorting, filtering and lateness use the meaning; screens and reports print the words back in
report style. ``fuzzy_date_columns`` makes the four fields, ``fuzzy_date_property`` reads and
writes them as one :class:`~core.fuzzydates.FuzzyDate`, and ``fuzzy_date_constraints``
keeps the meaning consistent in the database.
"""

from django.db import models
from django.db.models import F, Q

from core.constraints import CheckedConstraint
from core.fuzzydates import FuzzyDate, Precision

PRECISION_CHOICES = [(p.value, p.value.replace("_", " ")) for p in Precision]


def fuzzy_date_columns(verbose_name: str, help_text: str = ""):
    """The four fields for one fuzzy date; unpack them into four class attributes."""
    return (
        models.CharField(
            f"{verbose_name} (as written)", max_length=200, blank=True, help_text=help_text
        ),
        models.DateField(f"{verbose_name}: earliest", null=True, blank=True, editable=False),
        models.DateField(f"{verbose_name}: latest", null=True, blank=True, editable=False),
        models.CharField(
            f"{verbose_name}: precision",
            max_length=20,
            choices=PRECISION_CHOICES,
            default=Precision.UNDATED.value,
            editable=False,
        ),
    )


def fuzzy_date_property(name: str) -> property:
    """A property that reads the four columns called ``name_*`` as one FuzzyDate.

    Setting it to ``None`` clears the date. It is a real ``property`` so that
    ``Model(name=FuzzyDate(...))`` works in constructors too.
    """

    def get(instance) -> FuzzyDate:
        return FuzzyDate(
            text=getattr(instance, f"{name}_text"),
            earliest=getattr(instance, f"{name}_earliest"),
            latest=getattr(instance, f"{name}_latest"),
            precision=Precision(getattr(instance, f"{name}_precision")),
        )

    def set_(instance, value: FuzzyDate | None) -> None:
        if value is None:
            value = FuzzyDate("", None, None, Precision.UNDATED)
        if not isinstance(value, FuzzyDate):
            raise TypeError(f"{name} takes a FuzzyDate; parse the words with fuzzydates.parse()")
        setattr(instance, f"{name}_text", value.text)
        setattr(instance, f"{name}_earliest", value.earliest)
        setattr(instance, f"{name}_latest", value.latest)
        setattr(instance, f"{name}_precision", value.precision.value)

    return property(get, set_, doc=f"{name} as a FuzzyDate")


def fuzzy_date_constraints(name: str, model_label: str) -> list[models.BaseConstraint]:
    """A fuzzy date never ends before it begins."""
    earliest, latest = f"{name}_earliest", f"{name}_latest"
    return [
        CheckedConstraint(
            condition=Q(**{f"{earliest}__isnull": True})
            | Q(**{f"{latest}__isnull": True})
            | Q(**{f"{latest}__gte": F(earliest)}),
            name=f"{model_label}_{name}_in_order",
            violation_error_message=f"The {name.replace('_', ' ')} ends before it begins.",
        )
    ]


def dates_in_order_constraint(
    start: str, end: str, model_label: str, message: str
) -> CheckedConstraint:
    """An end date (fuzzy) that may not fall before a start date (fuzzy)."""
    return CheckedConstraint(
        condition=Q(**{f"{start}_earliest__isnull": True})
        | Q(**{f"{end}_latest__isnull": True})
        | Q(**{f"{end}_latest__gte": F(f"{start}_earliest")}),
        name=f"{model_label}_{end}_not_before_{start}",
        violation_error_message=message,
    )
