"""The milestones report (seed 000): one table per service area, headed by the area and its
champions, a row per milestone with its stage, start and completion dates with their slippage in
words, its status (and whether it is late on the as-at date), and the comment / current
activity."""

from dataclasses import dataclass, field

from programmes.models import ServiceAreaRole

from ..layouts import layout_parts
from ..structure import Placed, arrange
from .base import (
    ROLE_WORDS,
    Context,
    Rag,
    areas,
    date_phrase,
    milestones_prefetch,
    roles_prefetch,
)


@dataclass
class PeopleGroup:
    heading: str  # "Service Area Champion", "Lead CE"
    people: list[str]  # "Martin Vickers, Director of Change, Salford"


@dataclass
class MilestoneRow:
    id: int
    title: str
    stage: str
    start: str
    completion: str
    forecast: str
    delivered: str
    status: str
    late: bool
    rag: Rag | None
    owner: str
    reports_to: str
    comment: str
    comment_mark: str  # "Submitted, not yet accepted", or ""
    mark: str


@dataclass
class AreaTable:
    id: int
    number: str
    name: str
    parent: str
    people: list[PeopleGroup]
    rows: list[MilestoneRow]


@dataclass
class MilestonesBody:
    area_heading: str
    stage_heading: str
    areas: list[AreaTable]
    has_late: bool = False
    layout: list[Placed] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not any(area.rows for area in self.areas)


def people_groups(area, area_label: str) -> list[PeopleGroup]:
    """The area's people grouped by role, champions first: "Service Area Champions: …"."""
    by_role: dict[str, list[str]] = {role: [] for role in ServiceAreaRole.Role}
    for role in area.roles.all():
        by_role[role.role].append(role.person.description)
    groups = []
    for role, names in by_role.items():
        if names:
            word = f"{area_label} Champion" if role == "champion" else ROLE_WORDS[role]
            groups.append(PeopleGroup(word + ("s" if len(names) > 1 else ""), names))
    return groups


def milestone_row(context: Context, milestone) -> MilestoneRow:
    meeting = milestone.reports_to
    comment, comment_mark = context.comment(milestone)
    return MilestoneRow(
        id=milestone.pk,
        title=milestone.title,
        stage=milestone.stage.code if milestone.stage_id else "",
        start=date_phrase(milestone, "planned_start", as_written=context.options.as_written),
        completion=date_phrase(
            milestone, "planned_completion", as_written=context.options.as_written
        ),
        forecast=date_phrase(
            milestone, "forecast_completion", as_written=context.options.as_written
        ),
        delivered=date_phrase(
            milestone, "actual_completion", as_written=context.options.as_written
        ),
        status=milestone.status_words,
        late=milestone.is_late(context.options.as_at),
        rag=context.rag(milestone.rag),
        owner=milestone.owner.description if milestone.owner_id else "",
        reports_to=(
            f"{meeting.body.short_name} {meeting.date:%-d %b %Y}{meeting.cancelled_mark}"
            if meeting
            else ""
        ),
        comment=comment,
        comment_mark=comment_mark,
        mark=context.mark("milestone", milestone.pk),
    )


def build(context: Context) -> MilestonesBody:
    programme = context.programme
    label = programme.service_area_label.title()
    tables = [
        AreaTable(
            id=area.pk,
            number=area.number,
            name=area.name,
            parent=area.parent.name if area.parent_id else "",
            people=people_groups(area, label),
            rows=[milestone_row(context, m) for m in area.milestones.all()],
        )
        for area in areas(context, roles_prefetch(), milestones_prefetch())
    ]
    return MilestonesBody(
        area_heading=label,
        stage_heading=programme.stage_label or "Milestone",
        areas=tables,
        has_late=any(row.late for table in tables for row in table.rows),
        layout=arrange(layout_parts(programme, "milestones"), []),
    )
