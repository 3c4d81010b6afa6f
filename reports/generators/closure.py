"""The project closure report (seed 004): the cover sheet, objectives against achievements,
savings by year and their re-allocation, lessons learnt by phase, the key milestones (date due,
date delivered, comments), the implementation plan with each work stream's progress rating,
purpose, current position and follow-on actions, the risk log and the equality impact
assessment's action plan."""

from dataclasses import dataclass, field

from core.fuzzydates import FuzzyDate
from core.savings import SavingsPosition
from programmes.models import Action, Lesson, Objective

from ..layouts import layout_parts
from ..structure import Placed, arrange, landscape_runs
from .base import (
    Context,
    areas,
    date_phrase,
    latest_update,
    milestones_prefetch,
    scoped,
    total,
    update_mark,
    updates_prefetch,
)
from .cover import CoverSheet, cover_sheet
from .records import (
    ReallocationRow,
    RiskRow,
    SavingsYear,
    reallocations,
    risk_rows,
    savings_lines,
    savings_years,
)


@dataclass
class ObjectiveRow:
    objective: str
    achievement: str  # Markdown


@dataclass
class LessonKind:
    kind: str
    lessons: list[str]


@dataclass
class LessonPhase:
    phase: str
    kinds: list[LessonKind]


@dataclass
class KeyMilestone:
    id: int
    title: str
    due: str
    delivered: str
    status: str
    comment: str  # Markdown
    comment_mark: str  # "Submitted, not yet accepted", or ""
    mark: str
    forecast: str = ""  # when it is now expected, with its moves, if not as planned


@dataclass
class KeyMilestoneTable:
    area: str
    rows: list[KeyMilestone]


@dataclass
class ActionLine:
    id: int
    title: str
    owner: str
    due: str
    status: str
    mark: str


@dataclass
class PlanRow:
    id: int
    name: str
    rating: str
    rating_code: str
    purpose: str  # Markdown
    position: str  # Markdown
    position_period: str
    position_mark: str  # "Submitted, not yet accepted", or ""
    actions: list[ActionLine]


@dataclass
class EqualityRow:
    id: int
    title: str
    importance: str
    owner: str
    start: FuzzyDate
    due: FuzzyDate
    resources_approved: str
    measure: str
    target: str
    status: str
    mark: str


@dataclass
class FollowOnRow:
    name: str
    actions: list[ActionLine]


@dataclass
class ClosureBody:
    area_heading: str
    cover: CoverSheet | None
    objectives: list[ObjectiveRow]
    savings: list[SavingsYear]
    savings_totals: SavingsPosition
    reallocations: list[ReallocationRow]
    lessons: list[LessonPhase]
    milestones: list[KeyMilestoneTable]
    plan: list[PlanRow]
    risks: list[RiskRow]
    equality: list[EqualityRow]
    follow_on: list[FollowOnRow] = field(default_factory=list)
    # Each phase's lessons as written, in order: ("review", [...]), for the lists the text
    # announces ("Lessons learnt:").
    lessons_by_phase: list[tuple[str, list[str]]] = field(default_factory=list)
    layout: list[Placed] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not (
            self.cover
            or self.objectives
            or self.savings
            or self.reallocations
            or self.lessons
            or self.milestones
            or self.plan
            or self.risks
            or self.equality
        )

    @property
    def reallocated(self):
        return total(row.amount for row in self.reallocations)


def action_line(context: Context, action: Action) -> ActionLine:
    return ActionLine(
        id=action.pk,
        title=action.title,
        owner=action.owner,
        due=str(action.due) if action.due.text else "",
        status=action.get_status_display(),
        mark=context.mark("action", action.pk),
    )


def lessons(context: Context) -> list[LessonPhase]:
    records = scoped(Lesson.objects.filter(programme=context.programme), context.options)
    phases: dict[str, dict[str, list[str]]] = {}
    for lesson in records:
        kinds = phases.setdefault(lesson.get_phase_display(), {})
        kinds.setdefault(lesson.get_kind_display(), []).append(lesson.text)
    return [
        LessonPhase(phase, [LessonKind(kind, texts) for kind, texts in kinds.items()])
        for phase, kinds in phases.items()
    ]


def key_milestone(context: Context, milestone) -> KeyMilestone:
    comment, comment_mark = context.comment(milestone)
    return KeyMilestone(
        id=milestone.pk,
        title=milestone.title,
        due=date_phrase(milestone, "planned_completion", as_written=context.options.as_written),
        delivered=date_phrase(
            milestone, "actual_completion", as_written=context.options.as_written
        ),
        status=milestone.status_words,
        comment=comment,
        comment_mark=comment_mark,
        mark=context.mark("milestone", milestone.pk),
        forecast=date_phrase(
            milestone, "forecast_completion", as_written=context.options.as_written
        ),
    )


def build(context: Context) -> ClosureBody:
    options = context.options
    programme = context.programme
    included = areas(context, milestones_prefetch(), updates_prefetch(options))
    actions = list(scoped(Action.objects.filter(programme=programme), options))
    follow_on: dict[int | None, list[ActionLine]] = {}
    for action in actions:
        if action.kind == Action.Kind.FOLLOW_ON:
            follow_on.setdefault(action.service_area_id, []).append(action_line(context, action))

    plan = []
    for area in included:
        update = latest_update(area)
        if not (area.purpose or area.progress_rating or update or follow_on.get(area.pk)):
            continue
        plan.append(
            PlanRow(
                id=area.pk,
                name=area.name,
                rating=area.get_progress_rating_display(),
                rating_code=area.progress_rating,
                purpose=area.purpose,
                position=update.text if update else "",
                position_period=update.period.label if update else "",
                position_mark=update_mark(update),
                actions=follow_on.get(area.pk, []),
            )
        )
    if follow_on.get(None):
        plan.append(PlanRow(0, "Programme-wide", "", "", "", "", "", "", follow_on[None]))

    key_milestones = [
        KeyMilestoneTable(
            area=area.name,
            rows=[key_milestone(context, m) for m in area.milestones.all()],
        )
        for area in included
    ]
    lines = savings_lines(context)
    years = savings_years(context, lines)
    cover = cover_sheet(context)
    by_phase: dict[str, list[str]] = {}
    for lesson in scoped(Lesson.objects.filter(programme=programme), options):
        by_phase.setdefault(lesson.phase, []).append(lesson.text)
    return ClosureBody(
        area_heading=programme.service_area_label,
        cover=cover,
        follow_on=[
            FollowOnRow(area.name, follow_on[area.pk])
            for area in included
            if follow_on.get(area.pk)
        ],
        lessons_by_phase=list(by_phase.items()),
        layout=landscape_runs(
            arrange(
                [p for p in layout_parts(programme, "closure") if options.shows(p.block)],
                cover.sections if cover else [],
            ),
            "closure",
        ),
        objectives=[
            ObjectiveRow(o.objective, o.achievement)
            for o in Objective.objects.filter(programme=programme)
        ],
        savings=years,
        savings_totals=SavingsPosition.of(lines),
        reallocations=reallocations(context),
        lessons=lessons(context),
        milestones=[table for table in key_milestones if table.rows],
        plan=plan,
        risks=risk_rows(context),
        equality=[
            EqualityRow(
                id=action.pk,
                title=action.title,
                importance=action.importance,
                owner=action.owner,
                start=action.start,
                due=action.due,
                resources_approved={True: "Yes", False: "No"}.get(action.resources_approved, ""),
                measure=action.measure,
                target=action.target,
                status=action.get_status_display(),
                mark=context.mark("action", action.pk),
            )
            for action in actions
            if action.kind == Action.Kind.EQUALITY_IMPACT
        ],
    )
