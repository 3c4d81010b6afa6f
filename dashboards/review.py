"""Reads for the period's update cycle: the review board (where each area's update for a period
stands), one update with what changed since the last accepted one, and the cycle's part of My
work. Each runs a fixed number of queries whatever the size of the programme."""

from dataclasses import dataclass, field
from datetime import datetime, time, timedelta

from django.db.models import Prefetch
from django.utils import timezone

from core.text_diff import Segment, has_changes, word_diff
from milestones.models import AreaUpdate, DateChange, Milestone, ProgressUpdate, ReportingPeriod
from milestones.models.cycle import NOT_STARTED
from milestones.periods import current_periods
from programmes.models import ServiceArea, ServiceAreaRole
from programmes.rights import Rights

NOT_STARTED_CODE = "not_started"
# The order the board counts them in: what needs the office first.
BOARD_ORDER = (
    (AreaUpdate.Status.SUBMITTED, "Submitted"),
    (NOT_STARTED_CODE, NOT_STARTED),
    (AreaUpdate.Status.DRAFT, "Draft"),
    (AreaUpdate.Status.RETURNED, "Returned"),
    (AreaUpdate.Status.ACCEPTED, "Accepted"),
)


def status_code(record: AreaUpdate | None) -> str:
    return record.status if record else NOT_STARTED_CODE


def status_words(record: AreaUpdate | None) -> str:
    return record.get_status_display() if record else NOT_STARTED


# --- The review board ----------------------------------------------------------------------------


@dataclass
class BoardRow:
    area: ServiceArea
    record: AreaUpdate | None
    people: list
    may_open: bool = False  # whether the viewer may read the update itself

    @property
    def status(self) -> str:
        return status_code(self.record)

    @property
    def status_words(self) -> str:
        return status_words(self.record)


@dataclass
class StatusCount:
    code: str
    words: str
    count: int


@dataclass
class Board:
    period: ReportingPeriod
    rows: list[BoardRow]
    counts: list[StatusCount]
    showing: str = ""  # the status the rows are filtered to, if any


def update_board(*, programme, period: ReportingPeriod, rights: Rights, status: str = "") -> Board:
    areas = programme.service_areas.select_related("parent").prefetch_related(
        Prefetch("roles", queryset=ServiceAreaRole.objects.select_related("person"))
    )
    records = {
        record.service_area_id: record
        for record in AreaUpdate.objects.filter(period=period).select_related(
            "submitted_by", "decided_by"
        )
    }
    rows = [
        BoardRow(
            area,
            records.get(area.pk),
            [role.person for role in area.roles.all()],
            may_open=rights.can_write_update(area),
        )
        for area in areas
    ]
    counts = [
        StatusCount(code, words, sum(1 for row in rows if row.status == code))
        for code, words in BOARD_ORDER
    ]
    if status in dict(BOARD_ORDER):
        rows = [row for row in rows if row.status == status]
    else:
        status = ""
    return Board(period, rows, counts, status)


# --- One update, and what changed since the last accepted one ------------------------------------


@dataclass
class PartChange:
    """One part of the update beside what the record held at the last acceptance."""

    milestone: Milestone | None
    text: str
    segments: list[Segment]
    rag: str
    rag_before: str

    @property
    def changed(self) -> bool:
        return has_changes(self.segments) or (bool(self.rag) and self.rag != self.rag_before)


@dataclass
class UpdateReview:
    area: ServiceArea
    period: ReportingPeriod
    record: AreaUpdate | None
    last_accepted: AreaUpdate | None  # the area's last accepted update of an earlier period
    area_part: PartChange | None
    milestone_parts: list[PartChange]
    date_moves: list[DateChange]
    steps: list = field(default_factory=list)

    @property
    def status_words(self) -> str:
        return status_words(self.record)


def as_of(model, ids, moment: datetime | None) -> dict:
    """Each record of ``model`` (by id) as its history held it at ``moment``; as it is now when
    ``moment`` is None."""
    if moment is None:
        return {record.pk: record for record in model.objects.filter(pk__in=ids)}
    rows = model.history.filter(id__in=ids, history_date__lte=moment).order_by(
        "id", "-history_date", "-history_id"
    )
    found: dict = {}
    for row in rows:
        found.setdefault(row.id, row)
    return found


def update_review(*, area: ServiceArea, period: ReportingPeriod) -> UpdateReview:
    """The update of ``area`` for ``period``: each part beside what the record held when the
    area's last update (of an earlier period) was accepted — the area's text beside that
    update's, each milestone's comment and RAG status beside the milestone's then — and the
    dates moved since. With no accepted update before it, beside the records as they stand
    (or, for one already accepted, as they stood just before)."""
    record = (
        AreaUpdate.objects.filter(service_area=area, period=period)
        .select_related("submitted_by", "decided_by")
        .first()
    )
    last = (
        AreaUpdate.objects.filter(
            service_area=area,
            status=AreaUpdate.Status.ACCEPTED,
            period__start__lt=period.start,
        )
        .select_related("period")
        .order_by("-period__start")
        .first()
    )
    since = last.decided_at if last else None
    until = record.decided_at if record and record.status == AreaUpdate.Status.ACCEPTED else None
    before_moment = since or (until and until - timedelta(microseconds=1))
    parts = list(
        ProgressUpdate.objects.filter(service_area=area, period=period)
        .select_related("milestone")
        .order_by("milestone__order", "milestone_id")
    )
    milestones_then = as_of(
        Milestone, [p.milestone_id for p in parts if p.milestone_id], before_moment
    )
    area_then = as_of(ServiceArea, [area.pk], before_moment).get(area.pk, area)
    old_area_text = ""
    if last is not None:
        old_area_text = (
            ProgressUpdate.objects.filter(service_area=area, period=last.period, milestone=None)
            .values_list("text", flat=True)
            .first()
            or ""
        )
    area_part, milestone_parts = None, []
    for part in parts:
        if part.milestone_id is None:
            area_part = PartChange(
                None, part.text, word_diff(old_area_text, part.text), part.rag, area_then.rag
            )
            continue
        then = milestones_then.get(part.milestone_id)
        old_text, old_rag = (then.comment, then.rag) if then else ("", "")
        milestone_parts.append(
            PartChange(part.milestone, part.text, word_diff(old_text, part.text), part.rag, old_rag)
        )
    moves = DateChange.objects.filter(milestone__service_area=area).select_related(
        "milestone", "changed_by"
    )
    start = since or timezone.make_aware(datetime.combine(period.start, time.min))
    moves = moves.filter(changed_at__gt=start)
    if until:
        moves = moves.filter(changed_at__lte=until)
    steps = list(record.steps.select_related("by")) if record else []
    return UpdateReview(
        area=area,
        period=period,
        record=record,
        last_accepted=last,
        area_part=area_part,
        milestone_parts=milestone_parts,
        date_moves=list(moves),
        steps=steps,
    )


# --- My work -------------------------------------------------------------------------------------


@dataclass
class AreaToDo:
    area: ServiceArea
    period: ReportingPeriod
    record: AreaUpdate | None

    @property
    def status_words(self) -> str:
        return status_words(self.record)


@dataclass
class CycleWork:
    to_write: list[AreaToDo]  # this period's updates not yet submitted (returned ones apart)
    to_answer: list[AreaToDo]  # returned with a comment, in any open period
    to_review: list[AreaUpdate]  # submitted in programmes the user manages, not theirs

    @property
    def total(self) -> int:
        return len(self.to_write) + len(self.to_answer) + len(self.to_review)


def cycle_work(*, areas: list[ServiceArea], rights: Rights) -> CycleWork:
    """What the period's update cycle asks of this user: their areas' updates to write and to
    answer, and the submitted updates they may review."""
    periods = current_periods({area.programme_id for area in areas})
    mine = AreaUpdate.objects.filter(service_area__in=areas).select_related("period")
    records = {(r.service_area_id, r.period_id): r for r in mine}
    to_write, to_answer = [], []
    for area in areas:
        period = periods.get(area.programme_id)
        if period is not None and not period.is_closed:
            record = records.get((area.pk, period.pk))
            if record is None or record.status == AreaUpdate.Status.DRAFT:
                to_write.append(AreaToDo(area, period, record))
    for record in records.values():
        if record.status == AreaUpdate.Status.RETURNED and not record.period.is_closed:
            area = next(a for a in areas if a.pk == record.service_area_id)
            to_answer.append(AreaToDo(area, record.period, record))
    submitted = list(
        AreaUpdate.objects.filter(
            status=AreaUpdate.Status.SUBMITTED,
            service_area__programme__in=rights.managed_programmes,
        )
        .select_related("service_area__programme", "period", "submitted_by")
        .order_by("submitted_at")
    )
    AreaUpdate.load_contributors(submitted)
    return CycleWork(
        to_write=to_write,
        to_answer=sorted(to_answer, key=lambda todo: todo.period.start),
        to_review=[record for record in submitted if rights.can_review_update(record)],
    )
