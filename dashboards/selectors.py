"""Reads that join several models to feed a page: My work, the programme overview and the
service-area page. Each runs a fixed number of queries whatever the size of the programme."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.core.paginator import Page, Paginator
from django.db.models import Prefetch, Q
from django.utils import timezone

from milestones.models import AreaUpdate, DateChange, Milestone, ReportingPeriod
from milestones.models.cycle import NOT_STARTED
from milestones.periods import current_periods
from milestones.stage_groups import IN_STAGE_ORDER, by_stage
from programmes.models import (
    Action,
    Meeting,
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


# --- Service-area page -------------------------------------------------------------------------


# Rows of the service-area page: its milestones and its accepted updates, a page at a time.
AREA_MILESTONES_PER_PAGE = 50
AREA_UPDATES_PER_PAGE = 10


@dataclass
class ServiceAreaPage:
    area: ServiceArea
    roles: list
    participations: list
    stage_groups: list  # this page of milestones, by stage
    milestones_page: Page
    updates: Page
    risks: list
    savings: list
    actions: list
    children: list
    period: ReportingPeriod | None
    sign_off: AreaUpdate | None  # where this area's update for the period stands


def service_area_page(*, area: ServiceArea, milestones_page=1, updates_page=1) -> ServiceAreaPage:
    """The area's page; its milestones (in stage order) and accepted updates (newest first)
    a page at a time, sorted and counted by the database. A page number past the end shows the
    last page."""
    period = current_periods([area.programme_id]).get(area.programme_id)
    milestones = Paginator(
        milestones_with_history().filter(service_area=area).order_by(*IN_STAGE_ORDER),
        AREA_MILESTONES_PER_PAGE,
    ).get_page(milestones_page)
    # What the programme office accepted; drafts and submitted updates are on the update's own
    # page, for those who may see them.
    updates = Paginator(
        area.updates.reportable()
        .select_related("period", "author", "milestone", "written_by")
        .order_by("-period__start", "milestone_id", "-written_at"),
        AREA_UPDATES_PER_PAGE,
    ).get_page(updates_page)
    return ServiceAreaPage(
        area=area,
        roles=list(area.roles.select_related("person__organisation")),
        participations=list(area.participations.select_related("organisation")),
        stage_groups=by_stage(milestones.object_list, area.programme.stages.all()),
        milestones_page=milestones,
        updates=updates,
        risks=list(Risk.objects.filter(service_area=area)),
        savings=list(SavingsLine.objects.filter(service_area=area)),
        actions=list(Action.objects.filter(service_area=area)),
        children=list(area.children.all()),
        period=period,
        sign_off=AreaUpdate.objects.filter(service_area=area, period=period).first()
        if period
        else None,
    )
