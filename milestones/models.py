from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from simple_history.models import HistoricalRecords

from core import lateness, slippage
from core.constraints import CheckedConstraint
from core.fuzzy_columns import (
    dates_in_order_constraint,
    fuzzy_date_columns,
    fuzzy_date_constraints,
    fuzzy_date_property,
)
from core.fuzzydates import FuzzyDate
from programmes.models.people_scope import NamesProgrammePeople
from programmes.models.ratings import rag_field

from .querysets import MilestoneQuerySet

# Dates whose moves are slippage: changing one needs a reason and leaves a DateChange.
RESCHEDULABLE_DATES = ("planned_start", "planned_completion", "forecast_completion")
MILESTONE_DATES = (*RESCHEDULABLE_DATES, "actual_start", "actual_completion")
# A milestone with no forecast is forecast to finish as planned: its first forecast is compared
# with the planned completion (see core.slippage.direction).
BASELINES = {"forecast_completion": "planned_completion"}

# An actual completion date says the milestone was delivered, so no other status can stand
# beside it (``services`` marks it complete when the date is given without a status). Complete
# with no date is allowed: many reports say that something was done, not when.
DELIVERED_IS_COMPLETE = CheckedConstraint(
    condition=Q(actual_completion_earliest__isnull=True, actual_completion_latest__isnull=True)
    | Q(status="complete"),
    name="milestone_delivered_is_complete",
    violation_error_message=(
        "It has an actual completion date, so its status is Complete: clear the actual "
        "completion date to give it another status."
    ),
)


class Milestone(NamesProgrammePeople, models.Model):
    """Something a service area must reach by a date: a stage's start and completion, a report to
    a board. Dates are kept as people write them (see ``fuzzy_columns``); every move of a planned
    or forecast date is recorded as a :class:`DateChange` by ``services.milestone_reschedule``."""

    class Status(models.TextChoices):
        NOT_STARTED = "not_started", "Not started"
        IN_PROGRESS = "in_progress", "In progress"
        COMPLETE = "complete", "Complete"
        WILL_NOT_BE_MET = "will_not_be_met", "Will not be met"
        ON_HOLD = "on_hold", "On hold"
        CANCELLED = "cancelled", "Cancelled"

    # Finished milestones are never late, and are not "to do" on anyone's list.
    FINISHED = (Status.COMPLETE, Status.CANCELLED)
    # The status of one complete with no actual completion date (``status_words``).
    COMPLETE_NO_DATE = "Complete — date not recorded"
    RESCHEDULABLE_DATES = RESCHEDULABLE_DATES
    DATE_NAMES = MILESTONE_DATES
    BASELINES = BASELINES

    service_area = models.ForeignKey(
        "programmes.ServiceArea",
        verbose_name="service area",
        on_delete=models.CASCADE,
        related_name="milestones",
    )
    stage = models.ForeignKey(
        "programmes.StageDefinition",
        verbose_name="stage",
        # RESTRICT, not PROTECT: a stage in use cannot be deleted on its own, but deleting the
        # whole programme takes its stages and milestones together.
        on_delete=models.RESTRICT,
        null=True,
        blank=True,
        related_name="milestones",
    )
    title = models.CharField("milestone", max_length=300)
    (
        planned_start_text,
        planned_start_earliest,
        planned_start_latest,
        planned_start_precision,
    ) = fuzzy_date_columns("planned start")
    planned_start = fuzzy_date_property("planned_start")
    (
        planned_completion_text,
        planned_completion_earliest,
        planned_completion_latest,
        planned_completion_precision,
    ) = fuzzy_date_columns("planned completion")
    planned_completion = fuzzy_date_property("planned_completion")
    (
        forecast_completion_text,
        forecast_completion_earliest,
        forecast_completion_latest,
        forecast_completion_precision,
    ) = fuzzy_date_columns(
        "forecast completion", help_text="When it is now expected, if not the planned date."
    )
    forecast_completion = fuzzy_date_property("forecast_completion")
    (
        actual_start_text,
        actual_start_earliest,
        actual_start_latest,
        actual_start_precision,
    ) = fuzzy_date_columns("actual start")
    actual_start = fuzzy_date_property("actual_start")
    (
        actual_completion_text,
        actual_completion_earliest,
        actual_completion_latest,
        actual_completion_precision,
    ) = fuzzy_date_columns("actual completion", help_text="The date it was delivered.")
    actual_completion = fuzzy_date_property("actual_completion")
    status = models.CharField(
        "status", max_length=16, choices=Status.choices, default=Status.NOT_STARTED
    )
    rag = rag_field()
    owner = models.ForeignKey(
        "programmes.Person",
        verbose_name="owner",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="milestones",
    )
    comment = models.TextField(
        "comment / current activity",
        blank=True,
        help_text="Markdown: paragraphs, and bullet lists with - (indent four spaces to nest).",
    )
    estimated_cost = models.DecimalField(
        "estimated cost", max_digits=14, decimal_places=2, null=True, blank=True
    )
    estimated_cost_note = models.CharField("estimated cost note", max_length=100, blank=True)
    reports_to = models.ForeignKey(
        "programmes.Meeting",
        verbose_name="reports to",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="milestones",
    )
    order = models.PositiveSmallIntegerField("order", default=0)

    version = models.PositiveIntegerField(
        "version", default=1, editable=False, help_text="Goes up by one at every saved edit."
    )

    objects = MilestoneQuerySet.as_manager()
    history = HistoricalRecords()

    programme_people_fields = ("owner",)

    class Meta:
        ordering = ["service_area", "order", "id"]
        constraints = [
            *[
                constraint
                for name in MILESTONE_DATES
                for constraint in fuzzy_date_constraints(name, "milestone")
            ],
            dates_in_order_constraint(
                "planned_start",
                "planned_completion",
                "milestone",
                "The planned completion cannot be before the planned start.",
            ),
            dates_in_order_constraint(
                "actual_start",
                "actual_completion",
                "milestone",
                "The actual completion cannot be before the actual start.",
            ),
            CheckedConstraint(
                condition=Q(estimated_cost__isnull=True) | Q(estimated_cost__gte=0),
                name="milestone_estimated_cost_not_negative",
                violation_error_message="The estimated cost cannot be negative.",
            ),
            DELIVERED_IS_COMPLETE,
        ]

    def __str__(self):
        return self.title

    def people_programme_id(self) -> int | None:
        return self.service_area.programme_id if self.service_area_id else None

    def clean(self):
        programme_id = self.service_area.programme_id if self.service_area_id else None
        if self.stage_id and self.stage.programme_id != programme_id:
            raise ValidationError({"stage": "This stage belongs to a different programme."})
        if self.reports_to_id and self.reports_to.body.programme_id != programme_id:
            raise ValidationError(
                {"reports_to": "This meeting belongs to a different programme's body."}
            )

    @property
    def is_finished(self) -> bool:
        return self.status in self.FINISHED

    @property
    def status_words(self) -> str:
        """The status as pages and reports print it. Complete with no actual completion date
        says so in words: the record holds no date, and none is made up."""
        if self.status == self.Status.COMPLETE and not self.actual_completion.is_dated:
            return self.COMPLETE_NO_DATE
        return self.get_status_display()

    @property
    def expected_completion(self) -> FuzzyDate:
        """When it will be (or was) done: actual, else forecast, else planned."""
        if self.actual_completion.is_dated:
            return self.actual_completion
        return lateness.due_date(planned=self.planned_completion, forecast=self.forecast_completion)

    def is_late(self, today) -> bool:
        """See ``core.lateness``: not finished, and past the last day it is now due."""
        return lateness.is_late(
            planned=self.planned_completion,
            forecast=self.forecast_completion,
            finished=self.is_finished,
            today=today,
        )


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


class ReportingPeriod(models.Model):
    """A month or a quarter that updates belong to; reports compare one period with the last."""

    programme = models.ForeignKey(
        "programmes.Programme",
        verbose_name="programme",
        on_delete=models.CASCADE,
        related_name="reporting_periods",
    )
    label = models.CharField("label", max_length=60, help_text='e.g. "March 2010", "2008/09".')
    start = models.DateField("start")
    end = models.DateField("end")

    class Meta:
        ordering = ["programme", "start"]
        verbose_name = "reporting period"
        constraints = [
            models.UniqueConstraint(
                "programme",
                "label",
                name="period_label_unique_in_programme",
                violation_error_message="This programme already has a period with this label.",
            ),
            CheckedConstraint(
                condition=Q(end__gte=models.F("start")),
                name="period_ends_after_it_starts",
                violation_error_message="A reporting period cannot end before it starts.",
            ),
        ]

    def __str__(self):
        return self.label


class ProgressUpdate(NamesProgrammePeople, models.Model):
    """What happened in a reporting period, for a service area or one of its milestones."""

    service_area = models.ForeignKey(
        "programmes.ServiceArea",
        verbose_name="service area",
        on_delete=models.CASCADE,
        related_name="updates",
    )
    milestone = models.ForeignKey(
        Milestone,
        verbose_name="milestone",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="updates",
        help_text="Leave blank for an update on the service area as a whole.",
    )
    period = models.ForeignKey(
        ReportingPeriod,
        verbose_name="reporting period",
        on_delete=models.RESTRICT,
        related_name="updates",
    )
    text = models.TextField("update", help_text="Markdown.")
    author = models.ForeignKey(
        "programmes.Person",
        verbose_name="author",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="updates",
    )
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="written by",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="progress_updates",
    )
    written_at = models.DateTimeField("written at", default=timezone.now)

    programme_people_fields = ("author",)

    version = models.PositiveIntegerField(
        "version", default=1, editable=False, help_text="Goes up by one at every saved edit."
    )

    # Every version of the text, with who wrote it and when: a revision never loses the first.
    history = HistoricalRecords()

    class Meta:
        ordering = ["service_area", "-period__start", "id"]
        verbose_name = "progress update"
        constraints = [
            models.UniqueConstraint(
                "milestone",
                "period",
                condition=Q(milestone__isnull=False),
                name="one_update_per_milestone_and_period",
                violation_error_message="This milestone already has an update for this period.",
            ),
            models.UniqueConstraint(
                "service_area",
                "period",
                condition=Q(milestone__isnull=True),
                name="one_update_per_area_and_period",
                violation_error_message="This service area already has an update for this period.",
            ),
        ]

    def __str__(self):
        return f"{self.service_area} – {self.period}"

    def people_programme_id(self) -> int | None:
        return self.service_area.programme_id if self.service_area_id else None

    def clean(self):
        if self.milestone_id and self.milestone.service_area_id != self.service_area_id:
            raise ValidationError({"milestone": "This milestone is in a different service area."})
        if (
            self.period_id
            and self.service_area_id
            and self.period.programme_id != self.service_area.programme_id
        ):
            raise ValidationError({"period": "This period belongs to a different programme."})
