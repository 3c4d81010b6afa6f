"""What every report holds besides its own body, and the reads the report kinds share.

Generators return plain data (dataclasses of strings, numbers, dates and ``FuzzyDate``); the
templates in ``templates/reports/`` turn it into HTML and ``reports.rendering`` into PDF. User
text stays Markdown here and is rendered (escaped) by the templates' ``markdown`` filter.
"""

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.db.models import Prefetch, Q, QuerySet

from core.slippage import milestone_phrase
from milestones.models import AreaUpdate, DateChange, Milestone, ProgressUpdate, ReportingPeriod
from programmes.models import Programme, ServiceArea, ServiceAreaRole

from ..options import ReportOptions

# How a report marks an update the programme office has not yet accepted.
SUBMITTED_MARK = "Submitted, not yet accepted"

# How reports name the roles people hold on a service area.
ROLE_WORDS = {
    ServiceAreaRole.Role.CHAMPION: "Champion",
    ServiceAreaRole.Role.LEAD_CHIEF_EXECUTIVE: "Lead CE",
    ServiceAreaRole.Role.PROJECT_MANAGER: "Project manager",
    ServiceAreaRole.Role.LEAD_OFFICER: "Lead officer",
    ServiceAreaRole.Role.SPONSOR: "Sponsor",
}


@dataclass
class Rag:
    """A rating with the programme's word for it: colour is never the only signal."""

    code: str
    label: str


@dataclass
class StageKey:
    code: str
    name: str
    definition: str


@dataclass
class Term:
    term: str
    meaning: str


@dataclass
class Issue:
    """Printed on an issued pack: which meeting it went to, when and by whom."""

    meeting: str
    meeting_date: date
    issued_at: datetime
    issued_by: str


@dataclass
class Report:
    kind: str
    kind_label: str
    title: str
    subtitle: str
    programme_name: str
    programme_slug: str
    area_label: str
    organisation: str
    logo_name: str | None
    author: str
    as_at: date
    generated_at: datetime
    options: dict
    hidden_sections: list[str]
    landscape: bool
    body: Any
    changes: Any = None
    stages: list[StageKey] = field(default_factory=list)
    glossary: list[Term] = field(default_factory=list)
    issue: Issue | None = None
    updates_note: str = ""  # which progress updates it prints (accepted, or also submitted)

    @property
    def subject(self) -> str:
        return f"{self.programme_name}: {self.kind_label}, as at {self.as_at:%-d %B %Y}"


@dataclass
class Context:
    """What a generator is given: the programme, the options and the marks the summary of
    changes puts on rows (``marks["milestone"][id] == "Slipped"``)."""

    programme: Programme
    options: ReportOptions
    marks: dict[str, dict[int, str]] = field(default_factory=dict)
    submitted_comments: dict[int, str] | None = None  # read on first use

    def mark(self, kind: str, pk: int) -> str:
        return self.marks.get(kind, {}).get(pk, "")

    def comment(self, milestone: Milestone) -> tuple[str, str]:
        """A milestone's comment / current activity and its mark: the record's (as last
        accepted); or, when the options include submitted updates, the comment of one
        submitted and awaiting review, marked ``SUBMITTED_MARK``."""
        if not self.options.include_submitted:
            return milestone.comment, ""
        if self.submitted_comments is None:
            self.submitted_comments = submitted_comments(self.programme, self.options)
        if milestone.pk in self.submitted_comments:
            return self.submitted_comments[milestone.pk], SUBMITTED_MARK
        return milestone.comment, ""

    def rag(self, rating: str) -> Rag | None:
        return Rag(rating, self.programme.rag_label(rating)) if rating else None


def total(values) -> Decimal:
    return sum((value for value in values if value is not None), Decimal(0))


def any_value(values) -> bool:
    return any(value is not None for value in values)


def sum_or_none(values) -> Decimal | None:
    """The total of the amounts given, or None when none is given (not £0)."""
    values = list(values)
    return total(values) if any_value(values) else None


# --- Reads shared by the kinds -------------------------------------------------------------------


def areas(context: Context, *prefetches) -> list[ServiceArea]:
    """The programme's service areas the options include, in report order (a theme's
    sub-themes straight after it), with what the caller needs prefetched."""
    queryset = ServiceArea.objects.filter(programme=context.programme).select_related("parent")
    if context.options.area_ids is not None:
        queryset = queryset.filter(pk__in=context.options.area_ids)
    return tree_order(list(queryset.prefetch_related(*prefetches)))


def tree_order(items: list[ServiceArea]) -> list[ServiceArea]:
    """Parents before their children, each level in its own order."""
    present = {item.pk for item in items}
    children: dict[int | None, list[ServiceArea]] = {}
    for item in items:
        parent = item.parent_id if item.parent_id in present else None
        children.setdefault(parent, []).append(item)
    ordered: list[ServiceArea] = []

    def visit(parent):
        for item in children.get(parent, []):
            ordered.append(item)
            visit(item.pk)

    visit(None)
    return ordered


def area_depth(area: ServiceArea, included: set[int]) -> int:
    return 1 if area.parent_id in included else 0


def roles_prefetch() -> Prefetch:
    return Prefetch(
        "roles",
        queryset=ServiceAreaRole.objects.select_related("person__organisation"),
    )


def milestones_prefetch() -> Prefetch:
    return Prefetch(
        "milestones",
        queryset=Milestone.objects.select_related("stage", "owner", "reports_to__body")
        .prefetch_related(Prefetch("date_changes", queryset=DateChange.objects.order_by("id")))
        .order_by("order", "planned_start_earliest", "id"),
    )


def reported_updates(options: ReportOptions):
    """The progress updates a report may print: those the programme office accepted (with the
    option, also those submitted and awaiting review), of periods that had started by the
    as-at date. Every report reads updates through here."""
    return ProgressUpdate.objects.reportable(include_submitted=options.include_submitted).filter(
        period__start__lte=options.as_at
    )


def updates_prefetch(options: ReportOptions) -> Prefetch:
    """Area-wide progress updates the report may print, newest first."""
    return Prefetch(
        "updates",
        queryset=reported_updates(options)
        .filter(milestone__isnull=True)
        .select_related("period", "author__organisation")
        .order_by("-period__start", "-written_at"),
        to_attr="updates_to_date",
    )


def submitted_comments(programme: Programme, options: ReportOptions) -> dict[int, str]:
    """Milestones' comments in updates submitted and awaiting review (the newest period's)."""
    rows = (
        reported_updates(options)
        .filter(
            service_area__programme=programme,
            milestone__isnull=False,
            sign_off=AreaUpdate.Status.SUBMITTED,
        )
        .order_by("period__start")
        .values_list("milestone_id", "text")
    )
    return dict(rows)  # the newest period's comment is the last, so it stays


def latest_update(area: ServiceArea):
    updates = getattr(area, "updates_to_date", [])
    return updates[0] if updates else None


def update_mark(update) -> str:
    """How a report marks an update not yet accepted."""
    if update is not None and update.sign_off == AreaUpdate.Status.SUBMITTED:
        return SUBMITTED_MARK
    return ""


def people(area: ServiceArea, *roles: str) -> list[tuple[str, str]]:
    """(role word, "Martin Vickers, Director of Change, Salford") for the area's people in
    ``roles`` (every role when none is given), in order."""
    return [
        (ROLE_WORDS.get(role.role, role.get_role_display()), role.person.description)
        for role in area.roles.all()
        if not roles or role.role in roles
    ]


def date_phrase(milestone: Milestone, name: str, *, as_written: bool = True) -> str:
    """A date of a milestone with its slippage in words (from the prefetched changes), in its
    author's words unless the report normalises them."""
    return milestone_phrase(milestone, name, as_written=as_written)


def stages_key(programme: Programme) -> list[StageKey]:
    return [StageKey(s.code, s.name, s.definition) for s in programme.stages.all()]


def glossary(programme: Programme) -> list[Term]:
    return [Term(t.term, t.meaning) for t in programme.glossary.in_use()]


def period_for(programme: Programme, options: ReportOptions) -> ReportingPeriod | None:
    """The reporting period chosen, else the one holding the as-at date, else the latest to
    have started by then."""
    periods = ReportingPeriod.objects.filter(programme=programme)
    if options.period_id:
        return periods.filter(pk=options.period_id).first()
    holding = periods.filter(start__lte=options.as_at, end__gte=options.as_at).first()
    return holding or periods.filter(start__lte=options.as_at).order_by("-start").first()


def scoped(queryset: QuerySet, options: ReportOptions) -> QuerySet:
    """Programme-wide records and those of the service areas the options include."""
    if options.area_ids is None:
        return queryset
    return queryset.filter(Q(service_area__isnull=True) | Q(service_area__in=options.area_ids))
