"""Date changes: every move of a milestone's planned or forecast date, with its reason."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from core import slippage
from core.constraints import CheckedConstraint
from core.fuzzy_columns import fuzzy_date_columns, fuzzy_date_constraints, fuzzy_date_property

from .milestone import RESCHEDULABLE_DATES, Milestone


class DateChange(models.Model):
    """A move of one of a milestone's dates: the heart of slippage reporting. Never edited or
    deleted; the reports derive "Jul 2009, extended to May 2010" from these (``core.slippage``)."""

    class Direction(models.TextChoices):
        LATER = slippage.LATER, slippage.LABELS[slippage.LATER]
        EARLIER = slippage.EARLIER, slippage.LABELS[slippage.EARLIER]
        CHANGED = slippage.CHANGED, slippage.LABELS[slippage.CHANGED]
        SAME = slippage.SAME, slippage.LABELS[slippage.SAME]

    milestone = models.ForeignKey(
        Milestone, verbose_name="milestone", on_delete=models.CASCADE, related_name="date_changes"
    )
    field = models.CharField(
        "date",
        max_length=24,
        choices=[(name, name.replace("_", " ")) for name in RESCHEDULABLE_DATES],
    )
    old_text, old_earliest, old_latest, old_precision = fuzzy_date_columns("old date")
    old = fuzzy_date_property("old")
    new_text, new_earliest, new_latest, new_precision = fuzzy_date_columns("new date")
    new = fuzzy_date_property("new")
    reason = models.TextField("reason")
    direction = models.CharField(
        "which way it moved",
        max_length=8,
        choices=Direction.choices,
        help_text="Judged by core.slippage when the move was made: on the dates' meaning, and "
        "for a first forecast against the plan of the time. Kept so that lists can filter and "
        "sort on it. “Same date, reworded” is a rewording recorded by an older version.",
    )
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="changed by",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="milestone_date_changes",
    )
    changed_at = models.DateTimeField("changed at", default=timezone.now)

    class Meta:
        ordering = ["milestone", "changed_at", "id"]
        verbose_name = "date change"
        get_latest_by = ["changed_at", "id"]
        constraints = [
            *fuzzy_date_constraints("old", "datechange"),
            *fuzzy_date_constraints("new", "datechange"),
            CheckedConstraint(
                condition=~Q(reason=""),
                name="datechange_has_reason",
                violation_error_message="Say why the date moved.",
            ),
        ]

    def __str__(self):
        return f"{self.milestone}: {self.get_field_display()} {self.old} → {self.new}"

    @property
    def move(self) -> slippage.Move:
        """The move in words: ``str(change.move)`` is "Dec 2009, extended to Mar 2010"."""
        return slippage.Move(self.old, self.new, self.reason, recorded=self.direction)
