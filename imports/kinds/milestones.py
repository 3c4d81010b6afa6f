"""Milestones from a spreadsheet: a stage, a title, dates that move, and the meeting reported to.

A milestone row names its service area (or belongs to the one above it), its stage, and its
dates as people write them. Dates that the row moves are moved through ``milestone_edit`` (many
at a time: ``imports.applying``), each
move kept with the reason "imported from FILE"; a milestone the import adds gets the moves its
completion cell records ("January '10 Deadline extended to May '10"), or those a "Date changes"
sheet from our own export restores.
"""

import copy
import re
from datetime import date, datetime

from django.core.exceptions import ValidationError

from core.fuzzydates import FuzzyDate
from imports.applying import CreateMilestone, EditMilestone, Step
from imports.cells import FAILED, RowCells
from imports.dates import same_date
from imports.kinds.base import KindImport, Wanted
from imports.names import NewName
from imports.plans import RowPlan
from imports.values import words
from milestones.models import Milestone
from milestones.models.milestone import DELIVERED_IS_COMPLETE
from milestones.services import completing
from programmes.models import Meeting, ServiceArea


class MilestoneImport(KindImport):
    key = "milestones"
    model = Milestone
    area_required = True
    date_names = Milestone.DATE_NAMES
    rescheduled = Milestone.RESCHEDULABLE_DATES
    date_order = (
        ("planned_start", "planned_completion", "The planned completion is before the start."),
        ("actual_start", "actual_completion", "The actual completion is before the start."),
    )

    def __init__(self, run):
        super().__init__(run)
        # The programme's meetings by body and date, read when a row first names one.
        self.meetings: dict[tuple[str, date], Meeting] | None = None

    def queryset(self):
        return (
            Milestone.objects.for_programme(self.run.programme)
            .select_related("service_area", "stage", "owner", "reports_to__body")
            .order_by("service_area__order", "service_area_id", "order", "id")
        )

    def read(self, cells: RowCells, wanted: Wanted) -> None:
        names, place = self.run.names, cells.place
        stage_written = cells.text("stage")
        if stage_written:
            stage, need = names.stage(stage_written, place)
            if cells.resolved(need):
                wanted.fields["stage"] = stage
        elif cells.mapped("stage"):
            wanted.fields["stage"] = None
        title = cells.text("title") or stage_written
        if cells.mapped("title") or cells.mapped("stage"):
            if not title:
                cells.problem(
                    "title" if cells.mapped("title") else "stage",
                    "The row names no milestone: give it a title.",
                )
            wanted.fields["title"] = wanted.label = title
        status = cells.read("status", self.run.translator.status, cells)
        if status not in (None, FAILED):
            wanted.fields["status"] = status or Milestone.Status.NOT_STARTED
        rag = cells.read("rag", self.run.translator.rag, cells)
        if rag not in (None, FAILED):
            wanted.fields["rag"] = rag
        if cells.mapped("owner"):
            owner_written = cells.text("owner")
            owner, need = names.person(owner_written, place) if owner_written else (None, None)
            if cells.resolved(need):
                wanted.fields["owner"] = owner
        cost = cells.amount("estimated_cost")
        if cost not in (None, FAILED):
            amount, said = cost
            wanted.fields["estimated_cost"] = amount
            if said and not cells.mapped("estimated_cost_note"):
                wanted.fields["estimated_cost_note"] = said[:100]
        if cells.mapped("estimated_cost_note"):
            wanted.fields["estimated_cost_note"] = cells.text("estimated_cost_note")
        if cells.mapped("reports_to"):
            meeting = self.meeting(cells.text("reports_to"), cells)
            if meeting is not FAILED:
                wanted.fields["reports_to"] = meeting
        if cells.mapped("comment"):
            wanted.fields["comment"] = cells.text("comment")

    def meeting(self, written: str, cells: RowCells):
        """The meeting a cell names ("JIB 26/07/2007"), ``None`` for a blank cell."""
        if not written:
            return None
        if self.meetings is None:
            self.meetings = {}
            meetings = Meeting.objects.filter(body__programme=self.run.programme).select_related(
                "body"
            )
            for meeting in meetings:
                for name in {meeting.body.acronym, meeting.body.name} - {""}:
                    self.meetings[(words(name), meeting.date)] = meeting
        found = re.fullmatch(r"(?P<body>.+?)\s+(?P<day>\d{1,2}/\d{1,2}/\d{4})", written.strip())
        meeting = None
        if found:
            try:
                day = datetime.strptime(found["day"], "%d/%m/%Y").date()
            except ValueError:
                day = None
            meeting = self.meetings.get((words(found["body"]), day))
        if meeting is None:
            cells.problem(
                "reports_to",
                f'There is no meeting "{written}" in this programme: write the body\'s acronym '
                "and the date of one of its meetings, like JIB 26/07/2007, or clear the cell.",
            )
            return FAILED
        return meeting

    def wanted_key(self, wanted: Wanted) -> tuple | None:
        if not isinstance(wanted.area, ServiceArea):
            return None
        return (wanted.area.pk, words(wanted.fields.get("title", "")))

    def baseline(self, record, name: str, diffs) -> FuzzyDate | None:
        # A first forecast is compared with the plan as the row leaves it, as the service does.
        plan = Milestone.BASELINES.get(name)
        if plan is None:
            return None
        return next((new for field, _, new in diffs if field == plan), getattr(record, plan))

    def differences(self, record, wanted: Wanted):
        # A milestone always has a service area: the row's (or the one above it) is compared.
        wanted.area_mapped = wanted.area is not None
        return super().differences(record, wanted)

    def validate(self, instance, cells: RowCells) -> None:
        super().validate(instance, cells)
        try:
            DELIVERED_IS_COMPLETE.validate(Milestone, instance)
        except ValidationError as error:
            cells.problem("status", " ".join(error.messages))

    def create(self, wanted: Wanted, cells: RowCells, row: RowPlan) -> None:
        fields = completing(self.new_fields(wanted))  # as milestone_create will save it
        moves = {
            name: [(d, self.run.reason(said), None) for d, said in date_wanted.chain[1:]]
            for name, date_wanted in wanted.dates.items()
        }
        restored = self.run.history.get(wanted.record_id, {}) if wanted.record_id else {}
        for name, steps in restored.items():
            # The recorded moves, then (if the row says otherwise) a move to the row's date.
            moves[name] = [(new, reason, at) for _, new, reason, at in steps]
            final = wanted.dates[name].final if name in wanted.dates else steps[-1][1]
            if not same_date(steps[-1][1], final):
                moves[name].append((final, self.run.reason(""), None))
            fields[name] = steps[0][0]
        area = wanted.area if isinstance(wanted.area, ServiceArea) else None
        self.check(Milestone(service_area=area, **_existing(fields)), moves, cells)
        if row.problems:
            return
        if restored:
            count = sum(len(steps) for steps in restored.values())
            plural = "s" if count != 1 else ""
            row.notes.append(f"Its {count} recorded date change{plural} will be restored.")
        order = self.next_order
        self.next_order += 1
        row.operation = CreateMilestone(
            {"title": "", **fields, "service_area": wanted.area, "order": order},
            _steps(moves),
        )

    def check(self, milestone: Milestone, moves: dict, cells: RowCells) -> None:
        """The milestone as it starts, then after each move (the services check each save)."""
        self.validate(milestone, cells)
        trial = copy.copy(milestone)
        for name, steps in moves.items():
            for new, _, _ in steps:
                setattr(trial, name, new)
                out_of_order = self.dates_out_of_order(trial)
                if out_of_order and not cells.plan.problems:  # said once, not at every move
                    cells.field_problem(*out_of_order[0])

    def update(self, record, wanted: Wanted, diffs, cells: RowCells, row: RowPlan) -> None:
        moved = {name for name, _, _ in diffs if name in Milestone.DATE_NAMES}
        changes = {name: new for name, _, new in diffs if name not in Milestone.DATE_NAMES}
        later: dict[str, list] = {}
        first_words = []
        for name in moved:
            date_wanted = wanted.dates[name]
            if name not in self.rescheduled:
                changes[name] = date_wanted.final
                continue
            chain, current = date_wanted.chain, getattr(record, name)
            # Moves the milestone has made already are not made again.
            reached = [i for i, (d, _) in enumerate(chain) if same_date(d, current)]
            steps = chain[reached[-1] + 1 :] if reached else chain
            changes[name] = steps[0][0]
            if steps[0][1]:
                first_words.append(steps[0][1])
            later[name] = [(d, self.run.reason(said), None) for d, said in steps[1:]]
        if "actual_completion" in changes and "status" in wanted.fields:
            changes["status"] = wanted.fields["status"]  # as the file says, not "complete"
        self.check(self.trial(record, completing(changes)), later, cells)
        reason = self.run.reason(first_words[0] if len(first_words) == 1 else "")
        row.operation = EditMilestone(record, record.version, changes, reason, _steps(later))


def _steps(moves: dict[str, list]) -> list[Step]:
    """Each date's steps, date by date: a move, kept with its reason; or, when a step only
    rewords the date ("Mar 2010" then "March 2010"), its new words (the service decides)."""
    return [
        Step(name, new, reason, at) for name, steps in moves.items() for new, reason, at in steps
    ]


def _existing(fields: dict) -> dict:
    """The fields without names that are created only at the commit (to validate the rest)."""
    return {name: value for name, value in fields.items() if not isinstance(value, NewName)}
