"""A large programme for measuring the pages: twenty service areas, thousands of staged
milestones (a fifth of them slipped, each with a paragraph-and-bullets comment), a year of
accepted monthly progress updates, risks, savings and meetings.

This is volume, not behaviour, so it is bulk-created (10,000 milestones in seconds), but every
row is one the app's rules allow: each milestone is checked with ``full_clean`` (its fields and
check constraints) before it is written, dates are parsed from words by ``core.fuzzydates``,
every moved date has its ``DateChange`` with a reason, and history rows are written beside the
records, as the services would leave them.
"""

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from core.fuzzydates import parse
from core.reporting_periods import add_months
from milestones.models import AreaUpdate, DateChange, Milestone, ProgressUpdate, ReportingPeriod
from programmes.models import (
    GovernanceBody,
    Meeting,
    Organisation,
    Person,
    Programme,
    ProgrammeAccess,
    Risk,
    SavingsLine,
    ServiceArea,
    ServiceAreaRole,
    StageDefinition,
)

SLUG = "large-programme"
AREAS = 20
STAGES = (
    ("Stage 0", "Preparation"),
    ("Stage 1", "Identify improvement opportunities"),
    ("Stage 2a", "Prepare improvement programme"),
    ("Stage 2b", "Deliver"),
    ("Closure", "Close and hand over"),
)
MONTHS_OF_UPDATES = 12
MILESTONE_UPDATES_PER_PERIOD = 10  # per area and period, besides the area's own update
COMMENT = (
    "Work on step {n} continued this month: the data returns from the partner authorities "
    "were collected and checked.\n\n- workshop held with service managers\n"
    "- options appraisal drafted\n    - finance comments awaited\n- report to the board next"
)


@dataclass
class Large:
    programme: Programme
    milestones: int
    date_changes: int
    updates: int


def _bulk(model, rows, batch_size=1000) -> list:
    """Create ``rows``, with their history rows when the model keeps history (as every
    service's save would)."""
    rows = list(rows)
    if hasattr(model, "history"):
        return bulk_create_with_history(rows, model, batch_size=batch_size)
    return model.objects.bulk_create(rows, batch_size=batch_size)


def _months_ago(today: date, months: int) -> date:
    return add_months(today.replace(day=1), -months)


@transaction.atomic
def make_large_programme(
    *, milestones: int = 10_000, slug: str = SLUG, managers=(), today: date | None = None
) -> Large:
    """Create the programme ``slug`` with ``milestones`` milestones spread over twenty areas;
    ``managers`` (logins) are given manager access. Refuses a slug already in use."""
    today = today or timezone.localdate()
    if Programme.objects.filter(slug=slug).exists():
        raise ValueError(f"A programme with the address {slug!r} exists already.")
    council = Organisation.objects.create(name=f"Large Borough Council ({slug})", short_name="LBC")
    programme = Programme.objects.create(
        name=f"Large Improvement Programme ({milestones:,} milestones)",
        slug=slug,
        lead_organisation=council,
    )
    for user in managers:
        ProgrammeAccess.objects.create(
            programme=programme, user=user, role=ProgrammeAccess.Role.MANAGER
        )
    stages = _bulk(
        StageDefinition,
        (
            StageDefinition(programme=programme, code=code, name=name, definition=name, order=n)
            for n, (code, name) in enumerate(STAGES)
        ),
    )
    body = GovernanceBody.objects.create(programme=programme, name="Programme Board", acronym="PB")
    meetings = _bulk(
        Meeting,
        (Meeting(body=body, date=add_months(today.replace(day=10), n)) for n in range(-6, 7)),
    )
    people = _bulk(
        Person,
        (
            Person(name=f"Champion {n + 1}", job_title="Assistant Director", organisation=council)
            for n in range(AREAS)
        ),
    )
    areas = _bulk(
        ServiceArea,
        (
            ServiceArea(
                programme=programme,
                name=f"Service area {n + 1}",
                number=str(n + 1),
                order=n,
                rag=("green", "amber", "red")[n % 3],
            )
            for n in range(AREAS)
        ),
    )
    _bulk(
        ServiceAreaRole,
        (
            ServiceAreaRole(service_area=area, person=person, role="champion")
            for area, person in zip(areas, people, strict=True)
        ),
    )

    rows, moved = [], []
    for n in range(milestones):
        area = areas[n % AREAS]
        index = n // AREAS
        start = _months_ago(today, 18 - index % 30)
        end = add_months(start, 3 + index % 9)
        milestone = Milestone(
            service_area=area,
            stage=stages[index * len(stages) // max(1, milestones // AREAS)] if index % 7 else None,
            title=f"Step {index + 1} of {area.name}",
            planned_start=parse(start.strftime("%B %Y")),
            planned_completion=parse(end.strftime("end %B %Y")),
            status=(
                Milestone.Status.COMPLETE,
                Milestone.Status.IN_PROGRESS,
                Milestone.Status.NOT_STARTED,
            )[index % 3]
            if end < today
            else Milestone.Status.NOT_STARTED,
            rag=("green", "amber", "red")[index % 3],
            owner=people[n % AREAS],
            comment=COMMENT.format(n=index + 1),
            reports_to=meetings[index % len(meetings)] if index % 10 == 0 else None,
            order=index,
        )
        if n % 5 == 0:
            old = milestone.planned_completion
            milestone.planned_completion = parse(add_months(end, 3).strftime("end %B %Y"))
            moved.append((milestone, old))
        milestone.full_clean(exclude=["service_area", "stage", "owner", "reports_to"])
        rows.append(milestone)
    created = _bulk(Milestone, rows)

    # A fifth of them moved three months later once: created at the new date, with the move.
    changes = [
        DateChange(
            milestone=milestone,
            field="planned_completion",
            old=old,
            new=milestone.planned_completion,
            direction=DateChange.Direction.LATER,
            reason="Data returns from partners came in late",
        )
        for milestone, old in moved
    ]
    _bulk(DateChange, changes)

    updates = _monthly_updates(programme, areas, created, people, today)
    _bulk(
        Risk,
        (
            Risk(
                programme=programme,
                service_area=area,
                title=f"Capacity to deliver in {area.name}",
                likelihood=1 + n % 3,
                impact=1 + n // 3 % 3,
                lead_officer=people[n].name,
                moderating_factors="- Clear plan\n- Support from the programme office",
                rag=("green", "amber", "red")[n % 3],
                review_date=today + timedelta(days=30),
            )
            for n, area in enumerate(areas)
        ),
    )
    this_year = today.year if today.month >= 4 else today.year - 1
    _bulk(
        SavingsLine,
        (
            SavingsLine(
                programme=programme,
                service_area=area,
                financial_year=year,
                target=Decimal(250_000),
                forecast=Decimal(200_000),
            )
            for year in range(this_year - 2, this_year + 2)
            for area in areas
        ),
    )
    return Large(programme, len(created), len(changes), updates)


def _monthly_updates(programme, areas, milestones, people, today) -> int:
    """A year of monthly reporting periods, each area's update accepted, with the area's own
    update and ten of its milestones' updates in each."""
    manager = get_user_model().objects.filter(programme_access__programme=programme).first()
    periods = _bulk(
        ReportingPeriod,
        (
            ReportingPeriod(
                programme=programme,
                label=first.strftime("%B %Y"),
                start=first,
                end=add_months(first, 1) - timedelta(days=1),
            )
            for first in (_months_ago(today, n) for n in range(MONTHS_OF_UPDATES, 0, -1))
        ),
    )
    by_area: dict[int, list] = {}
    for milestone in milestones:
        by_area.setdefault(milestone.service_area_id, []).append(milestone)
    decided = timezone.now()
    _bulk(
        AreaUpdate,
        (
            AreaUpdate(
                service_area=area,
                period=period,
                status=AreaUpdate.Status.ACCEPTED,
                decided_by=manager,
                decided_at=decided,
            )
            for area in areas
            for period in periods
        ),
    )
    rows = []
    for number, period in enumerate(periods):
        for area, person in zip(areas, people, strict=True):
            text = COMMENT.format(n=f"{number + 1} of {area.name}")
            rows.append(ProgressUpdate(service_area=area, period=period, text=text, author=person))
            mine = by_area.get(area.pk, [])
            first = number * MILESTONE_UPDATES_PER_PERIOD
            for milestone in mine[first : first + MILESTONE_UPDATES_PER_PERIOD]:
                rows.append(
                    ProgressUpdate(
                        service_area=area,
                        milestone=milestone,
                        period=period,
                        text=text,
                        author=person,
                    )
                )
    _bulk(ProgressUpdate, rows)
    return len(rows)
