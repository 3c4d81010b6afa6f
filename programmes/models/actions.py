from django.db import models
from simple_history.models import HistoricalRecords

from core.fuzzy_columns import (
    dates_in_order_constraint,
    fuzzy_date_columns,
    fuzzy_date_constraints,
    fuzzy_date_property,
)

from .references import reference_field
from .scoping import ProgrammeOrServiceArea


class Action(ProgrammeOrServiceArea):
    """Something someone must do: a follow-on action after a review, a point of an equality
    impact assessment's action plan, an item of next year's work programme."""

    class Kind(models.TextChoices):
        FOLLOW_ON = "follow_on", "Follow-on action"
        EQUALITY_IMPACT = "equality_impact", "Equality impact action"
        WORK_PROGRAMME = "work_programme", "Work programme"

    class Status(models.TextChoices):
        OPEN = "open", "Open"
        IN_PROGRESS = "in_progress", "In progress"
        DONE = "done", "Done"
        DROPPED = "dropped", "Dropped"

    reference = reference_field()
    title = models.TextField("action")
    kind = models.CharField("kind", max_length=16, choices=Kind.choices, default=Kind.FOLLOW_ON)
    heading = models.CharField(
        "heading",
        max_length=300,
        blank=True,
        help_text="The numbered heading a work-programme item is listed under in the report, "
        "as written: “6.14 Highways Service improvement”. Items with the same heading are "
        "listed together, in the order of their numbers.",
    )
    owner = models.CharField(
        "owner", max_length=300, blank=True, help_text="Person or role responsible, as written."
    )
    start_text, start_earliest, start_latest, start_precision = fuzzy_date_columns("start")
    start = fuzzy_date_property("start")
    due_text, due_earliest, due_latest, due_precision = fuzzy_date_columns("due")
    due = fuzzy_date_property("due")
    status = models.CharField("status", max_length=12, choices=Status.choices, default=Status.OPEN)
    # The equality impact assessment's action plan columns.
    importance = models.CharField("importance", max_length=100, blank=True)
    measure = models.TextField("measure", blank=True)
    target = models.TextField("target", blank=True)
    resources_approved = models.BooleanField("resources approved", null=True, blank=True)
    note = models.TextField("note", blank=True)

    version = models.PositiveIntegerField(
        "version", default=1, editable=False, help_text="Goes up by one at every saved edit."
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["programme", "order", "id"]
        constraints = [
            *fuzzy_date_constraints("start", "action"),
            *fuzzy_date_constraints("due", "action"),
            dates_in_order_constraint(
                "start", "due", "action", "An action cannot be due before it starts."
            ),
        ]

    def __str__(self):
        return self.title[:80]


class Lesson(ProgrammeOrServiceArea):
    """A lesson learnt, by the phase it came from."""

    class Phase(models.TextChoices):
        REVIEW = "review", "Review"
        IMPLEMENTATION = "implementation", "Implementation"
        GENERAL = "general", "General"

    class Kind(models.TextChoices):
        WENT_WELL = "went_well", "What went well"
        TO_CHANGE = "to_change", "What to change"
        OBSERVATION = "observation", "Observation"

    phase = models.CharField("phase", max_length=16, choices=Phase.choices)
    kind = models.CharField("kind", max_length=12, choices=Kind.choices, default=Kind.OBSERVATION)
    text = models.TextField("lesson")

    class Meta:
        ordering = ["programme", "order", "id"]

    def __str__(self):
        return self.text[:80]
