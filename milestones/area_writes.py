"""Writes to several of an area's milestones at once: adding a batch, saving the dates-and-status
grid, and moving one up or down within its stage.

A batch or a grid is saved whole or not at all. Each row goes through the same service as a
single milestone (``services.milestone_create``, ``services.milestone_edit``), so the rules are
the same — a reason for every moved date, no lost updates — and every refused row is reported
with what is wrong, so the page can show each beside its row."""

from dataclasses import dataclass

from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import transaction

from core.records import record_edit
from core.versioning import StaleEdit

from .models import DateChange, Milestone
from .services import check_entitled, milestone_create, milestone_edit
from .stage_groups import WITHIN_STAGE


class RowsRefused(Exception):
    """Nothing was saved. ``problems`` maps each refused row (its index in the rows given) to
    what is wrong with it, in words; ``stale`` maps each row someone else saved meanwhile to
    the ``StaleEdit`` carrying that milestone as it is now."""

    def __init__(self, problems: dict[int, list[str]], stale: dict[int, StaleEdit] | None = None):
        self.problems = problems
        self.stale = stale or {}
        count = len(set(problems) | set(self.stale))
        super().__init__(f"{count} row{'s' if count != 1 else ''} could not be saved.")


def in_words(error: ValidationError) -> list[str]:
    """A refusal's messages, each naming the field it is about."""
    if not hasattr(error, "error_dict"):
        return error.messages
    words = []
    for name, messages in error.message_dict.items():
        label = ""
        if name != "__all__":
            try:
                label = Milestone._meta.get_field(name).verbose_name
            except FieldDoesNotExist:  # a fuzzy date's name: its columns are the fields
                label = name.replace("_", " ")
            label = f"{label.replace(' (as written)', '').capitalize()}: "
        words.extend(f"{label}{message}" for message in messages)
    return words


@transaction.atomic
def milestones_add_several(*, service_area, rows: list[dict], by=None) -> list[Milestone]:
    """Add a milestone for each row (``title`` and the other fields ``milestone_create``
    takes), in that order after the area's others. Every row is validated; if any is refused,
    none is added and ``RowsRefused`` says what is wrong with each."""
    check_entitled(service_area, by)
    added, problems = [], {}
    for index, row in enumerate(rows):
        fields = dict(row)
        title = fields.pop("title")
        try:
            # milestone_create saves in a savepoint of its own: a refused row leaves nothing.
            added.append(milestone_create(service_area=service_area, title=title, by=by, **fields))
        except ValidationError as error:
            problems[index] = in_words(error)
    if problems:
        raise RowsRefused(problems)  # leaving the transaction undoes the rows added
    return added


@dataclass
class RowEdit:
    """One row of the grid: a milestone, the version the user opened, what they changed."""

    milestone: Milestone
    opened_version: int
    changes: dict
    reason: str = ""


@transaction.atomic
def milestones_edit_together(*, edits: list[RowEdit], by=None) -> list[DateChange]:
    """Save the rows of the dates-and-status grid, each as ``milestone_edit`` saves one
    milestone (a reason for every moved date, a DateChange for each move). All or nothing: if
    any row is refused — a rule broken, or someone else saved that milestone since the page
    was opened — nothing is saved and ``RowsRefused`` names every refused row."""
    for edit in edits:
        check_entitled(edit.milestone.service_area, by)
    moves, problems, stale = [], {}, {}
    for index, edit in enumerate(edits):
        try:
            # milestone_edit runs in a savepoint of its own, so each row is tried whatever
            # happened to the others, and every refusal can be reported at once.
            moves += milestone_edit(
                milestone=edit.milestone,
                opened_version=edit.opened_version,
                changes=edit.changes,
                reason=edit.reason,
                by=by,
            )
        except StaleEdit as refusal:
            stale[index] = refusal
        except ValidationError as error:
            problems[index] = in_words(error)
    if problems or stale:
        raise RowsRefused(problems, stale)
    return moves


UP, DOWN = "up", "down"


@transaction.atomic
def milestone_move(*, milestone: Milestone, way: str, past: int | None = None, by=None):
    """Move a milestone one place up or down among its area's milestones of the same stage,
    past its neighbour there; returns that neighbour. ``past`` is the neighbour the user saw:
    if the order has changed since, nothing moves. Both records' versions and histories say
    the order changed, and the area's other stages keep their order."""
    check_entitled(milestone.service_area, by)
    if way not in (UP, DOWN):
        raise ValueError(f"A milestone moves up or down, not {way!r}.")
    stage = Milestone.objects.filter(
        service_area_id=milestone.service_area_id, stage_id=milestone.stage_id
    ).order_by(*WITHIN_STAGE)
    siblings = list(stage)
    position = next(i for i, sibling in enumerate(siblings) if sibling.pk == milestone.pk)
    other = position - 1 if way == UP else position + 1
    if not 0 <= other < len(siblings):
        raise ValidationError(f"It is already {'first' if way == UP else 'last'} in its stage.")
    neighbour = siblings[other]
    if past is not None and neighbour.pk != past:
        raise ValidationError(
            "The order has changed since you opened the page: it is shown again as it is now."
        )
    if neighbour.order == milestone.order:
        # Equal orders cannot be swapped: number the area's milestones as they stand first.
        _number_in_order(milestone.service_area_id, by)
        milestone, neighbour = (Milestone.objects.get(pk=m.pk) for m in (milestone, neighbour))
    mine, theirs = milestone.order, neighbour.order
    for record, order in ((milestone, theirs), (neighbour, mine)):
        record_order(record, order, by)
    return neighbour


def _number_in_order(area_id: int, by) -> None:
    area = Milestone.objects.filter(service_area_id=area_id).order_by(*WITHIN_STAGE)
    for position, record in enumerate(area):
        record_order(record, position, by)


def record_order(record: Milestone, order: int, by) -> None:
    """Save a milestone's place in its area: a new version and a history row, like any edit."""
    record_edit(record=record, opened_version=record.version, changes={"order": order}, by=by)
