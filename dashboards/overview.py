"""The programme overview's reads: the counts at a glance, each area's current stage, the stage
matrix, savings, red risks, meetings and who still owes an update.

The overview costs the same at 50 milestones and at 10,000: the counts and each area's current
stage are worked out by the database (one grouped query, one query of areas with subqueries),
never by loading every milestone. A small programme's matrix lists its milestones in each
cell; above ``MATRIX_DETAIL_LIMIT`` milestones each cell summarises them in counts that link to
the milestone list filtered to that area and stage.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, OuterRef, Prefetch, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from core.fuzzydates import financial_year_label, financial_year_of
from core.savings import SavingsPosition
from milestones.models import Milestone, ReportingPeriod
from milestones.periods import current_periods
from programmes.models import Meeting, Programme, Risk, SavingsLine, ServiceAreaRole
from programmes.rights import Rights

from .selectors import updates_due

# Up to this many milestones, the matrix lists each one in its cell; above it, counts.
MATRIX_DETAIL_LIMIT = 300


@dataclass
class CellCounts:
    """A matrix cell of a large programme: how many milestones, and how many of them are
    complete, late and slipped."""

    stage: object  # None: the milestones with no stage
    total: int = 0
    complete: int = 0
    late: int = 0
    slipped: int = 0

    @property
    def stage_filter(self) -> str:
        """The milestone list's stage filter for this cell (``null``: no stage)."""
        return str(self.stage.pk) if self.stage is not None else "null"


@dataclass
class MatrixRow:
    area: object
    cells: list  # one per stage, in stage order: a list of milestones, or CellCounts
    unstaged: object  # the same, for milestones with no stage
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
    summarised: bool  # the matrix gives counts, not milestones
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


def current_stage_ids(areas_queryset):
    """Annotate each area with ``current_stage_id``: the stage of its first staged milestone
    in progress, else of its first staged milestone not yet finished, else of its last staged
    milestone (first and last in the area's order)."""
    staged = Milestone.objects.filter(service_area=OuterRef("pk"), stage__isnull=False)
    in_order = ("order", "id")

    def first_stage(queryset, order=in_order):
        return Subquery(queryset.order_by(*order).values("stage")[:1])

    return areas_queryset.annotate(
        current_stage_id=Coalesce(
            first_stage(staged.filter(status=Milestone.Status.IN_PROGRESS)),
            first_stage(staged.unfinished()),
            first_stage(staged, order=("-order", "-id")),
        )
    )


def seen(rows, rights: Rights | None, **paths):
    """``rows`` less those ``rights`` may not see, when given (a reader limited to one partner
    authority sees its areas only: ``Rights.scope``)."""
    return rights.scope(rows, **paths) if rights is not None else rows


def milestones_seen(programme: Programme, rights: Rights | None):
    return seen(
        Milestone.objects.for_programme(programme), rights, programme="service_area__programme"
    )


def cell_counts(
    programme: Programme, today: date, rights: Rights | None = None
) -> dict[tuple, CellCounts]:
    """{(area id, stage id or None): counts} in one grouped query; late and slipped by the
    querysets' own rules (``late_when``, ``with_slipped``)."""
    rows = (
        milestones_seen(programme, rights)
        .with_due()
        .with_slipped()
        .values("service_area_id", "stage_id")
        .annotate(
            total=Count("pk"),
            complete=Count("pk", filter=Q(status=Milestone.Status.COMPLETE)),
            late=Count("pk", filter=Milestone.objects.late_when(today)),
            slipped=Count("pk", filter=Q(is_slipped=True)),
        )
        .order_by()
    )
    return {
        (row["service_area_id"], row["stage_id"]): CellCounts(
            None, row["total"], row["complete"], row["late"], row["slipped"]
        )
        for row in rows
    }


def savings_summary(
    programme: Programme, today: date, rights: Rights | None = None
) -> SavingsSummary | None:
    """This financial year's savings; if none are recorded for it, the latest year that has
    some (the page says which). Only the lines ``rights`` may see, when given."""
    lines = list(
        seen(SavingsLine.objects.filter(programme=programme, financial_year__isnull=False), rights)
    )
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
    risks = seen(
        Risk.objects.filter(programme=programme, is_open=True).select_related("service_area"),
        rights,
    )
    return [risk for risk in risks if programme.risk_rating(risk).is_red]


def _milestone_cells(programme, areas, stages, rights) -> dict[int, tuple[list, list]]:
    """A small programme's matrix: each area's milestones by stage, in the area's order."""
    by_area = defaultdict(list)
    milestones = (
        milestones_seen(programme, rights)
        .select_related("stage")
        .with_slipped()
        .order_by("order", "id")
    )
    for milestone in milestones:
        by_area[milestone.service_area_id].append(milestone)
    return {
        area.pk: (
            [[m for m in by_area[area.pk] if m.stage_id == stage.pk] for stage in stages],
            [m for m in by_area[area.pk] if m.stage_id is None],
        )
        for area in areas
    }


def programme_overview(*, programme: Programme, rights: Rights | None = None) -> Overview:
    """The overview of ``programme``; of the part ``rights`` may see, when given."""
    today = timezone.localdate()
    stages = list(programme.stages.all())
    stage_by_id = {stage.pk: stage for stage in stages}
    areas_seen = seen(programme.service_areas.select_related("parent"), rights, area="pk")
    every_area = list(
        current_stage_ids(areas_seen).prefetch_related(
            Prefetch("roles", queryset=ServiceAreaRole.objects.select_related("person"))
        )
    )
    areas = [area for area in every_area if not area.is_closed]
    counts = cell_counts(programme, today, rights)
    total = sum(cell.total for cell in counts.values())
    summarised = total > MATRIX_DETAIL_LIMIT
    listed = {} if summarised else _milestone_cells(programme, areas, stages, rights)
    rows = []
    for area in areas:
        if summarised:
            cells = [counts.get((area.pk, stage.pk), CellCounts(None)) for stage in stages]
            for cell, stage in zip(cells, stages, strict=True):
                cell.stage = stage
            unstaged = counts.get((area.pk, None), CellCounts(None))
        else:
            cells, unstaged = listed[area.pk]
        rows.append(MatrixRow(area, cells, unstaged, stage_by_id.get(area.current_stage_id)))

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
        has_unstaged=any((area.pk, None) in counts for area in areas),
        summarised=summarised,
        late=sum(cell.late for cell in counts.values()),
        slipped=sum(cell.slipped for cell in counts.values()),
        completed=sum(cell.complete for cell in counts.values()),
        total=total,
        savings=savings_summary(programme, today, rights),
        red_risks=red_risks(programme, rights),
        meetings=upcoming,
        last_meeting=last,
        updates_due=due,
        period=due[0].period if due else current_periods([programme.pk]).get(programme.pk),
        today=today,
        closed_areas=[area for area in every_area if area.is_closed],
    )
