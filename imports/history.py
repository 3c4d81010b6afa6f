"""The "Date changes" sheet of our own export, read back to restore the history of the
milestones an import adds.

Each row is one move of one date: the milestone's ID in the file, which date, the old and new
dates as written, the reason, and when it was made. The moves are kept by the file's milestone ID
and date, oldest first; each keeps its reason and says it was imported ("Extended (imported from
F)"). The sheet adds and counts nothing itself: a move waits on its milestone's row.
"""

from collections import defaultdict
from datetime import date, datetime

from django.utils import timezone

from core import fuzzydates
from exports.columns import DATE_LABELS
from imports import values
from imports.books import SheetData
from imports.cells import RowCells
from imports.mapping import SheetMapping
from imports.plans import RowPlan
from imports.values import CellError, is_blank, words
from milestones.models import Milestone


def read_history(run, sheet: SheetData, mapping: SheetMapping) -> dict[int, dict[str, list]]:
    """{milestone ID in the file: {date: [(old, new, reason, when)]}}; a row that cannot be read
    is a problem of the run's plan."""
    labels = {words(label): name for name, label in DATE_LABELS.items()}
    labels |= {words(name): name for name in DATE_LABELS}
    quarters = run.programme.quarters
    history: dict[int, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for row in sheet.rows:
        if row.number <= mapping.header_row:
            continue
        plan = RowPlan(sheet=sheet.name, row=row.number)
        cells = RowCells(sheet, mapping, row, plan)
        milestone_id = cells.read("milestone_id", values.record_id)
        name = labels.get(words(cells.text("field")))
        if name not in Milestone.RESCHEDULABLE_DATES:
            cells.problem(
                "field",
                "Say which date moved: Planned start, Planned completion or Forecast completion.",
            )
        at = cells.read("changed_at", _moment, epoch=run.book.epoch)
        if plan.problems or not isinstance(milestone_id, int):
            run.result.problems.extend(plan.problems)
            continue
        reason = " ".join(cells.text("reason").split())
        history[milestone_id][name].append(
            (
                fuzzydates.parse(cells.text("old"), quarters=quarters),
                fuzzydates.parse(cells.text("new"), quarters=quarters),
                f"{reason} ({run.reason('')})" if reason else run.reason(""),
                at if isinstance(at, datetime) else None,
            )
        )
    return {key: dict(moves) for key, moves in history.items()}


def _moment(value, *, epoch) -> datetime | None:
    """When a date change was made, as our export writes it (a date and time, UK style)."""
    if is_blank(value):
        return None
    if isinstance(value, datetime):
        moment = value
    elif isinstance(value, date):
        moment = datetime(value.year, value.month, value.day, 12)
    else:
        written = values.text(value)
        for pattern in ("%d/%m/%Y %H:%M", "%d/%m/%Y %H:%M:%S", "%d/%m/%Y"):
            try:
                moment = datetime.strptime(written, pattern)
                break
            except ValueError:
                continue
        else:
            raise CellError(f'"{written}" is not a date and time like 31/03/2010 14:30.')
    return timezone.make_aware(moment) if timezone.is_naive(moment) else moment
