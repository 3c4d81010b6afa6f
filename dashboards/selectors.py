"""Reads that join several models to feed a page: My work, the programme overview and the
service-area page. Each runs a fixed number of queries whatever the size of the programme."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import Prefetch, Q
from django.utils import timezone

from core.fuzzydates import financial_year_label, financial_year_of
from core.savings import SavingsPosition
from milestones.models import AreaUpdate, DateChange, Milestone, ReportingPeriod
from milestones.models.cycle import NOT_STARTED
from milestones.periods import current_periods
from milestones.stage_groups import WITHIN_STAGE, by_stage
from programmes.models import (
    Action,
    Meeting,
    Programme,
    Risk,
    SavingsLine,
    ServiceArea,
    ServiceAreaRole,
)
from programmes.rights import Rights

from .review import CycleWork, cycle_work

DUE_SOON_DAYS = 60
LIST_LIMIT = 50


def milestones_with_history():
    """Milestones with what their pages print: area, stage, owner, and date history."""
    return Milestone.objects.select_related(
        "service_area__programme", "stage", "owner", "reports_to__body"
    ).prefetch_related(
        Prefetch("date_changes", queryset=DateChange.objects.select_related("changed_by"))
    )


@dataclass
class UpdateDue:
    area: ServiceArea
    period: ReportingPeriod
    people: list
    record: AreaUpdate | None = None  # None: not started

    @property
    def status_words(self) -> str:
        return self.record.get_status_display() if self.record else NOT_STARTED


def updates_due(areas: list[ServiceArea]) -> list[UpdateDue]:
    """Areas whose update for their programme's current reporting period is still owed: not
    started, a draft not yet submitted, or returned to them; with the people named on them
    (the ones to remind). A closed period, or a closed area, owes nothing."""
    areas = [area for area in areas if not area.is_closed]
    periods = {
        programme: period
        for programme, period in current_periods({area.programme_id for area in areas}).items()
        if not period.is_closed
    }
    records = {
        (record.service_area_id, record.period_id): record
        for record in AreaUpdate.objects.filter(
            service_area__in=areas, period__in=list(periods.values())
        )
    }
    due = []
    for area in areas:
        period = periods.get(area.programme_id)
        if period is None:
            continue
        record = records.get((area.pk, period.pk))
        if record is None or record.is_writable:
            people = [role.person for role in area.roles.all()]
            due.append(UpdateDue(area, period, people, record))
    return due


# --- My work -----------------------------------------------------------------------------------


@dataclass
class MyWork:
    programmes: list
    areas: list
    due_soon: list
    overdue: list
    overdue_count: int
    cycle: CycleWork
    meetings: list
    today: date


def my_work(*, user, rights: Rights) -> MyWork:
    today = timezone.localdate()
    areas = list(
        ServiceArea.objects.filter(pk__in=rights.named_areas)
        .open()
        .select_related("programme")
        .prefetch_related(
            Prefetch("roles", queryset=ServiceAreaRole.objects.select_related("person"))
        )
    )
    mine = Q(service_area__in=rights.named_areas) | Q(owner__user=user)
    if rights.managed_programmes:
        mine |= Q(service_area__programme__in=rights.managed_programmes)
    milestones = milestones_with_history().filter(mine).in_report_order()
    soon = milestones.unfinished().due_between(today, today + timedelta(days=DUE_SOON_DAYS))
    overdue = milestones.late(today).order_by("due_last", "id")
    programmes = list(rights.visible_programmes().select_related("lead_organisation"))
    meetings = list(
        Meeting.objects.going_ahead()
        .filter(body__programme__in=programmes, date__gte=today)
        .select_related("body__programme")
        .order_by("date")[:10]
    )
    return MyWork(
        programmes=programmes,
        areas=areas,
        due_soon=list(soon[:LIST_LIMIT]),
        overdue=list(overdue[:LIST_LIMIT]),
        overdue_count=overdue.count(),
        cycle=cycle_work(areas=areas, rights=rights),
        meetings=meetings,
        today=today,
    )


# --- Programme overview ------------------------------------------------------------------------


@dataclass
class MatrixRow:
    area: ServiceArea
    cells: list  # one list of milestones per stage, in stage order
    unstaged: list
    current_stage: object = None


@dataclass
class SavingsSummary:
    year_label: str
    is_current_year: bool
    figures: SavingsPosition  # the year's totals and shortfall (``core.savings``)


@dataclass
class Overview:
    programme: Programme
    stages: list
    rows: list
    has_unstaged: bool
    late: int
    slipped: int
    completed: int
    total: int
    savings: SavingsSummary | None
    red_risks: list
    meetings: list
    last_meeting: Meeting | None
    updates_due: list
    period: ReportingPeriod | None
    today: date = field(default_factory=timezone.localdate)
    closed_areas: list = field(default_factory=list)  # kept, but not among the current rows


def current_stage(milestones: list[Milestone]):
    """The stage an area is at: of the staged milestone in progress, else the first not yet
    finished, else the last one finished."""
    staged = [m for m in milestones if m.stage_id]
    for milestone in staged:
        if milestone.status == Milestone.Status.IN_PROGRESS:
            return milestone.stage
    unfinished = [m for m in staged if not m.is_finished]
    if unfinished:
        return unfinished[0].stage
    return staged[-1].stage if staged else None


def savings_summary(
    programme: Programme, today: date, rights: Rights | None = None
) -> SavingsSummary | None:
    """This financial year's savings; if none are recorded for it, the latest year that has
    some (the page says which). Only the lines ``rights`` may see, when given."""
    lines = SavingsLine.objects.filter(programme=programme, financial_year__isnull=False)
    lines = list(rights.scope(lines) if rights else lines)
    if not lines:
        return None
    this_year = financial_year_of(today)
    years = {line.financial_year for line in lines}
    year = this_year if this_year in years else max(years)
    chosen = [line for line in lines if line.financial_year == year]
    return SavingsSummary(
        year_label=financial_year_label(year),
        is_current_year=year == this_year,
        figures=SavingsPosition.of(chosen),
    )


def red_risks(programme: Programme, rights: Rights | None = None) -> list[Risk]:
    """Open risks the programme's risk matrix rates red (``Programme.risk_rating``), as the
    heat map and the reports count them, whatever status their officers chose (only those
    ``rights`` may see, when given)."""
    risks = Risk.objects.filter(programme=programme, is_open=True).select_related("service_area")
    risks = rights.scope(risks) if rights else risks
    return [risk for risk in risks if programme.risk_rating(risk).is_red]


def programme_overview(*, programme: Programme, rights: Rights | None = None) -> Overview:
    """The overview of ``programme``; of the part ``rights`` may see, when given (a reader
    limited to one partner authority sees its areas only)."""
    today = timezone.localdate()
    stages = list(programme.stages.all())
    areas_seen = programme.service_areas.all()
    milestones_seen = Milestone.objects.filter(service_area__programme=programme)
    if rights is not None:
        areas_seen = rights.scope(areas_seen, area="pk")
        milestones_seen = rights.scope(milestones_seen, programme="service_area__programme")
    every_area = list(
        areas_seen.select_related("parent").prefetch_related(
            Prefetch("roles", queryset=ServiceAreaRole.objects.select_related("person"))
        )
    )
    areas = [area for area in every_area if not area.is_closed]
    milestones = list(
        milestones_seen.select_related("stage").with_slipped().order_by("order", "id")
    )
    by_area = defaultdict(list)
    for milestone in milestones:
        by_area[milestone.service_area_id].append(milestone)
    rows = []
    for area in areas:
        mine = by_area[area.pk]
        cells = [[m for m in mine if m.stage_id == stage.pk] for stage in stages]
        unstaged = [m for m in mine if m.stage_id is None]
        rows.append(MatrixRow(area, cells, unstaged, current_stage(mine)))

    meetings = (
        Meeting.objects.going_ahead().filter(body__programme=programme).select_related("body")
    )
    upcoming = list(meetings.filter(date__gte=today).order_by("date")[:5])
    last = None if upcoming else meetings.order_by("-date").first()
    due = updates_due(areas)
    return Overview(
        programme=programme,
        stages=stages,
        rows=rows,
        has_unstaged=any(row.unstaged for row in rows),
        late=sum(1 for m in milestones if m.is_late(today)),
        slipped=sum(1 for m in milestones if m.is_slipped),
        completed=sum(1 for m in milestones if m.status == Milestone.Status.COMPLETE),
        total=len(milestones),
        savings=savings_summary(programme, today, rights),
        red_risks=red_risks(programme, rights),
        meetings=upcoming,
        last_meeting=last,
        updates_due=due,
        period=due[0].period if due else current_periods([programme.pk]).get(programme.pk),
        today=today,
        closed_areas=[area for area in every_area if area.is_closed],
    )


# --- Service-area page -------------------------------------------------------------------------


@dataclass
class ServiceAreaPage:
    area: ServiceArea
    roles: list
    participations: list
    stage_groups: list
    updates: list
    risks: list
    savings: list
    actions: list
    children: list
    period: ReportingPeriod | None
    sign_off: AreaUpdate | None  # where this area's update for the period stands


def service_area_page(*, area: ServiceArea) -> ServiceAreaPage:
    period = current_periods([area.programme_id]).get(area.programme_id)
    milestones = milestones_with_history().filter(service_area=area).order_by(*WITHIN_STAGE)
    return ServiceAreaPage(
        area=area,
        roles=list(area.roles.select_related("person__organisation")),
        participations=list(area.participations.select_related("organisation")),
        stage_groups=by_stage(milestones, area.programme.stages.all()),
        # What the programme office accepted; drafts and submitted updates are on the update's
        # own page, for those who may see them.
        updates=list(
            area.updates.reportable()
            .select_related("period", "author", "milestone", "written_by")
            .order_by("-period__start", "milestone_id", "-written_at")
        ),
        risks=list(Risk.objects.filter(service_area=area)),
        savings=list(SavingsLine.objects.filter(service_area=area)),
        actions=list(Action.objects.filter(service_area=area)),
        children=list(area.children.all()),
        period=period,
        sign_off=AreaUpdate.objects.filter(service_area=area, period=period).first()
        if period
        else None,
    )
