"""The milestone: something a service area must reach by a date, its dates as people wrote
them, its status and its lateness; and the names of the dates whose moves are slippage."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from core import lateness
from core.constraints import CheckedConstraint
from core.fuzzy_columns import (
    dates_in_order_constraint,
    fuzzy_date_columns,
    fuzzy_date_constraints,
    fuzzy_date_property,
)
from core.fuzzydates import FuzzyDate
from milestones.querysets import MilestoneQuerySet
from programmes.models.people_scope import NamesProgrammePeople
from programmes.models.ratings import rag_field
from programmes.models.references import reference_field

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


# Why, by whom and when a milestone was cancelled belong to a cancelled milestone only: the
# services clear them when it is reinstated (given another status), whichever path does it.
CANCELLATION_ONLY_WHEN_CANCELLED = CheckedConstraint(
    condition=Q(status="cancelled")
    | Q(cancelled_reason="", cancelled_by_id__isnull=True, cancelled_at__isnull=True),
    name="milestone_cancellation_only_when_cancelled",
    violation_error_message="Only a cancelled milestone has a reason for being cancelled.",
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
    reference = reference_field()
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
    # Cancelling keeps the milestone, its dates, history and updates; these say why and who.
    cancelled_reason = models.TextField(
        "why it was cancelled",
        blank=True,
        help_text="Printed on the milestone's page and in the summary of changes since the last "
        "report.",
    )
    cancelled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="cancelled by",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="cancelled_milestones",
    )
    cancelled_at = models.DateTimeField("cancelled at", null=True, blank=True)

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
            CANCELLATION_ONLY_WHEN_CANCELLED,
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
