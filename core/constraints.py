"""Check constraints that the database enforces and Python validates.

Django's ``CheckConstraint.validate()`` (called by ``full_clean``) asks the database with one
query per constraint: eight for each milestone saved, most of the time an import or the seed
loader spends. ``CheckedConstraint`` is the same constraint — the same name, condition and
message, so the database and the migrations are unchanged — but ``validate()`` evaluates the
condition on the instance in Python. It understands the lookups our constraints use (exact,
isnull, gt, gte, lt, lte, range, with ``F()`` references) and SQL's three-valued logic: a
comparison with a NULL is unknown, and a CHECK fails only when its condition is false.
"""

import operator

from django.core.exceptions import ValidationError
from django.db import DEFAULT_DB_ALIAS
from django.db.models import CheckConstraint, F, Q

COMPARISONS = {
    "exact": operator.eq,
    "gt": operator.gt,
    "gte": operator.ge,
    "lt": operator.lt,
    "lte": operator.le,
}


class CheckedConstraint(CheckConstraint):
    def validate(self, model, instance, exclude=None, using=DEFAULT_DB_ALIAS):
        if exclude and fields_of(self.condition) & set(exclude):
            return  # as Django does: a constraint on a field left out of the form is not checked
        if evaluate(self.condition, instance) is False:
            raise ValidationError(
                self.get_violation_error_message(), code=self.violation_error_code
            )


def fields_of(condition: Q) -> set[str]:
    names = set()
    for child in condition.children:
        if isinstance(child, Q):
            names |= fields_of(child)
        else:
            lookup, value = child
            names.add(lookup.split("__")[0])
            if isinstance(value, F):
                names.add(value.name)
    return names


def evaluate(condition: Q, instance) -> bool | None:
    """True, False, or None for unknown (SQL's NULL)."""
    results = [
        evaluate(child, instance) if isinstance(child, Q) else _lookup(child, instance)
        for child in condition.children
    ]
    if condition.connector == Q.AND:
        result = False if False in results else (None if None in results else True)
    else:
        result = True if True in results else (None if None in results else False)
    if condition.negated and result is not None:
        result = not result
    return result


def _lookup(child: tuple, instance) -> bool | None:
    lookup, expected = child
    name, _, kind = lookup.partition("__")
    value = getattr(instance, name)
    if kind == "isnull":
        return (value is None) == expected
    if isinstance(expected, F):
        expected = getattr(instance, expected.name)
    if value is None or expected is None:
        return None
    if kind == "range":
        low, high = expected
        return low <= value <= high
    return COMPARISONS[kind or "exact"](value, expected)
