"""The commit's writes, made in batches through the services.

Planning a row (``kinds``) leaves on it the write it asks for: a record to add
(``CreateRecord``, ``CreateMilestone``) or a record to change (``EditRecord``,
``EditMilestone``), a milestone's with the date moves that follow (``Step``: a move kept with
its reason, or a date reworded). ``apply`` makes them ``BATCH`` rows at a time through the
services' batch functions (``core.records.records_create`` and ``records_edit``,
``milestones.services.milestones_create`` and ``milestones_edit``): the same validation,
version check, history rows and ``DateChange`` rows as one row at a time, in a number of
queries that grows with the batches, not the rows. A milestone's moves are made in rounds (the
first move of every milestone of the batch, then the second…), each move its own save, as the
services would make them one by one. The caller holds the transaction: one error and nothing is
saved.
"""

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Model

from core.fuzzydates import FuzzyDate
from core.records import Edit, records_create, records_edit
from milestones.models import Milestone
from milestones.services import MilestoneEdit, milestones_create, milestones_edit

BATCH = 1000  # rows written together


@dataclass
class Step:
    """One step of a date's history: the date it moves to, the reason, and when it happened
    (for a move restored from our export's "Date changes" sheet)."""

    name: str
    new: FuzzyDate
    reason: str
    at: datetime | None = None


@dataclass
class CreateRecord:
    model: type[Model]
    fields: dict  # the record is made at the commit, when any names it creates exist


@dataclass
class EditRecord:
    record: Model
    opened_version: int
    changes: dict


@dataclass
class CreateMilestone:
    fields: dict  # milestone_create's keyword arguments
    steps: list[Step] = field(default_factory=list)


@dataclass
class EditMilestone:
    milestone: Milestone
    opened_version: int
    changes: dict
    reason: str
    steps: list[Step] = field(default_factory=list)


def apply(operations: list, *, by=None, progress: Callable[[int, int], None] | None = None):
    """Make every write, ``BATCH`` at a time, in the order given within each kind of write;
    ``progress(done, total)`` after each batch."""
    total = len(operations)
    for start in range(0, total, BATCH):
        _apply_batch(operations[start : start + BATCH], by)
        if progress is not None:
            progress(min(start + BATCH, total), total)


def _apply_batch(operations: list, by) -> None:
    creates, edits = defaultdict(list), defaultdict(list)
    new_milestones, milestone_edits = [], []
    for operation in operations:
        if isinstance(operation, CreateRecord):
            creates[operation.model].append(operation.model(**operation.fields))
        elif isinstance(operation, EditRecord):
            edits[type(operation.record)].append(
                Edit(operation.record, operation.opened_version, operation.changes)
            )
        elif isinstance(operation, CreateMilestone):
            new_milestones.append(operation)
        else:
            milestone_edits.append(operation)
    for records in creates.values():
        records_create(records, by=by)
    for model_edits in edits.values():
        records_edit(model_edits, by=by)
    made = milestones_create([operation.fields for operation in new_milestones], by=by)
    milestones_edit(
        [
            MilestoneEdit(o.milestone, o.opened_version, o.changes, o.reason)
            for o in milestone_edits
        ],
        by=by,
    )
    stepping = [(milestone, o.steps) for milestone, o in zip(made, new_milestones, strict=True)]
    stepping += [(o.milestone, o.steps) for o in milestone_edits]
    depth = max((len(steps) for _, steps in stepping), default=0)
    for number in range(depth):
        milestones_edit(
            [
                MilestoneEdit(
                    milestone,
                    milestone.version,
                    {steps[number].name: steps[number].new},
                    steps[number].reason,
                    steps[number].at,
                )
                for milestone, steps in stepping
                if len(steps) > number
            ],
            by=by,
        )
