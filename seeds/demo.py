"""The living demonstration programme: a programme whose reporting cycle is under way today,
so a newcomer running ``make run`` sees it alive — the current financial year, this month's
reporting period open with one area's update submitted, one returned with a comment and one
not started, meetings in the coming weeks, milestones that slipped (with reasons), red risks
and this year's savings.

Every date is worked out from ``today`` (``timezone.localdate()`` unless given), and every
record is written through the services the pages use (starting the programme, adding its
people and areas, milestones and their moves, the period, the update cycle, governance,
``core.records``), by the demo account whose job it is, so loading it also exercises those
paths. The five seed programmes are not touched.
"""

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from core.fuzzydates import financial_year_of, parse
from core.records import record_create
from core.reporting_periods import add_months
from milestones.services import milestone_create, milestone_edit
from programmes.area_setup import area_add, role_add
from programmes.governance_services import governance_create
from programmes.models import (
    GovernanceBody,
    Meeting,
    Person,
    Programme,
    Risk,
    SavingsLine,
    ServiceArea,
    ServiceAreaRole,
)
from programmes.people_services import access_grant, person_add
from programmes.programme_setup import programme_start
from programmes.rights import Rights
from seeds.accounts import demo_user
from seeds.demo_cycle import reporting_cycle

SLUG = "demo-shared-services"
NAME = "Demonstration: Shared Services Programme"
LEAD = "Demonstration Borough Council"

#: The demo accounts and the people they sign in as: username → (name, job title).
ACCOUNTS = {
    "manager": ("Demo Manager", "Programme Manager"),
    "reader": ("Demo Reader", "Scrutiny Officer"),
    "revenues.champion": ("Priya Shah", "Head of Revenues and Benefits"),
    "waste.champion": ("Tom Walsh", "Head of Waste and Street Scene"),
}
CONTACT_CHAMPION = ("Sam Okafor", "Customer Services Manager")


@dataclass
class Demo:
    programme: Programme
    loaded: bool  # False: it was there already and left as it is


def fresh(user):
    """The account again from the database: its rights are read once per object."""
    return type(user).objects.get(pk=user.pk)


def month(today: date, months: int) -> str:
    """The month ``months`` after today's, as people write it ("March 2027")."""
    return f"{add_months(today, months):%B %Y}"


def load_demo(*, today: date | None = None, reload: bool = False) -> Demo:
    """Load the demonstration programme for ``today``; leave it as it is if it is there
    already, unless ``reload`` (then it is deleted and loaded again, losing its edits)."""
    today = today or timezone.localdate()
    existing = Programme.objects.filter(slug=SLUG).first()
    if existing and not reload:
        return Demo(existing, loaded=False)
    with transaction.atomic():
        if existing:
            existing.delete()
        return Demo(_load(today), loaded=True)


def _load(today: date) -> Programme:
    admin = demo_user("admin", is_staff=True, is_superuser=True)
    programme = programme_start(
        programme=Programme(
            name=NAME,
            slug=SLUG,
            short_name="Shared Services (demo)",
            description=(
                "A made-up programme whose dates follow today's, to show a reporting cycle "
                "under way. Its people and figures are invented."
            ),
            quarters=Programme.Quarters.FINANCIAL,
        ),
        rights=Rights.of(admin),
        by=admin,
        new_lead=LEAD,
    )
    people = {
        username: _person(programme, username, name, title, by=admin)
        for username, (name, title) in ACCOUNTS.items()
    }
    # Customer Contact's champion has no login yet: the overview still names whom to chase.
    people["contact"] = _person(programme, None, *CONTACT_CHAMPION, by=admin)
    access_grant(programme=programme, person=people["manager"], role="manager", by=admin)
    access_grant(programme=programme, person=people["reader"], role="reader", by=admin)
    manager = fresh(people["manager"].user)
    areas = _areas(programme, people, today, by=manager)
    _registers(programme, areas, today, by=manager)
    _governance(programme, today, by=manager)
    champions = {key: fresh(people[f"{key}.champion"].user) for key in ("revenues", "waste")}
    reporting_cycle(programme, areas, champions, today, manager=manager)
    return programme


def _person(programme, username, name, title, *, by) -> Person:
    """The person a demo account signs in as (or, with no ``username``, one with no login),
    added to the programme. People outlive a reload: a person belongs to no one programme."""
    user = None
    if username:
        first, _, last = name.partition(" ")
        user = demo_user(username, first_name=first, last_name=last)
        person = Person.objects.filter(user=user).first()
    else:
        person = Person.objects.filter(name=name, organisation__name=LEAD).first()
    if person is None:
        email = user.email if user else ""
        person = Person(name=name, job_title=title, user=user, email=email)
        return person_add(programme=programme, person=person, by=by, new_organisation=LEAD)
    programme.other_people.add(person)  # as person_add does for a new one
    return person


# --- service areas and their milestones ------------------------------------------------------


def _areas(programme, people, today, *, by) -> dict[str, ServiceArea]:
    rights = Rights.of(by)
    areas = {}
    for number, (key, name, champion) in enumerate(
        [
            ("revenues", "Revenues and Benefits", people["revenues.champion"]),
            ("waste", "Waste Collection", people["waste.champion"]),
            ("contact", "Customer Contact", people["contact"]),
        ],
        start=1,
    ):
        area = area_add(
            area=ServiceArea(programme=programme, number=str(number), name=name),
            rights=rights,
            by=by,
        )
        role_add(
            area=area, person=champion, role=ServiceAreaRole.Role.CHAMPION, rights=rights, by=by
        )
        areas[key] = area
    _milestones(areas, today, by=by)
    return areas


def _milestones(areas, today, *, by) -> None:
    def m(months):  # the month ``months`` from today's, as a milestone's date
        return parse(month(today, months))

    revenues, waste, contact = areas["revenues"], areas["waste"], areas["contact"]
    milestone_create(
        service_area=revenues,
        title="Single benefits assessment team in place",
        planned_completion=m(-3),
        actual_completion=m(-3),
        by=by,
    )
    slipped = milestone_create(
        service_area=revenues,
        title="New council tax system live",
        planned_completion=m(-1),
        status="in_progress",
        by=by,
    )
    milestone_edit(
        milestone=slipped,
        opened_version=slipped.version,
        changes={"forecast_completion": m(2)},
        reason="The supplier's data migration failed its second test run; a third is booked.",
        by=by,
    )
    milestone_create(
        service_area=revenues,
        title="Business case for a shared revenues service to the Board",
        planned_completion=m(1),
        status="in_progress",
        by=by,
    )
    contract = milestone_create(
        service_area=waste,
        title="Joint waste collection contract let",
        planned_completion=m(-2),
        status="in_progress",
        by=by,
    )
    milestone_edit(
        milestone=contract,
        opened_version=contract.version,
        changes={"forecast_completion": m(3)},
        reason="Two bidders withdrew at the final stage; the tender was advertised again.",
        by=by,
    )
    milestone_create(
        service_area=waste,
        title="Route optimisation pilot complete",
        planned_completion=m(0),
        status="in_progress",
        by=by,
    )
    milestone_create(
        service_area=waste,
        title="Depot consolidation options appraised",
        planned_completion=m(4),
        by=by,
    )
    milestone_create(
        service_area=contact,
        title="Shared telephony platform specified",
        planned_completion=m(1),
        by=by,
    )
    milestone_create(
        service_area=contact, title="Single contact number launched", planned_completion=m(5), by=by
    )


# --- risks, savings and governance ----------------------------------------------------------


def _registers(programme, areas, today, *, by) -> None:
    risks = [
        (
            None,
            "Partner councils do not agree the cost-sharing formula",
            "red",
            "Without it no service can move to the shared arrangement.",
        ),
        (
            areas["waste"],
            "The re-tendered waste contract costs more than budgeted",
            "red",
            "The first tender's prices were 12% over the estimate.",
        ),
        (
            areas["revenues"],
            "Staff leave before the council tax system goes live",
            "amber",
            "Two experienced assessors have applied for posts elsewhere.",
        ),
    ]
    for order, (area, title, rag, description) in enumerate(risks):
        risk = Risk(
            programme=programme,
            service_area=area,
            title=title,
            description=description,
            rag=rag,
            lead_officer="Demo Manager",
            review_date=today + timedelta(days=14 + 7 * order),
            order=order,
        )
        record_create(record=risk, by=by)
    year = financial_year_of(today)
    savings = [
        (areas["revenues"], "450000", "380000", "120000", "Forecast down: the system is late."),
        (areas["waste"], "600000", "600000", "210000", ""),
    ]
    for order, (area, target, forecast, achieved, note) in enumerate(savings):
        line = SavingsLine(
            programme=programme,
            service_area=area,
            financial_year=year,
            target=Decimal(target),
            forecast=Decimal(forecast),
            achieved=Decimal(achieved),
            note=note,
            order=order,
        )
        record_create(record=line, by=by)


def _governance(programme, today, *, by) -> None:
    board = governance_create(
        record=GovernanceBody(
            programme=programme,
            name="Shared Services Board",
            acronym="SSB",
            kind=GovernanceBody.Kind.BOARD,
        ),
        by=by,
    )
    champions = governance_create(
        record=GovernanceBody(
            programme=programme,
            name="Champions Group",
            kind=GovernanceBody.Kind.GROUP,
            order=1,
        ),
        by=by,
    )
    meetings = [
        (board, today - timedelta(days=21), "Shared Services Board"),
        (champions, today + timedelta(days=9), "Champions Group"),
        (board, today + timedelta(days=23), "Shared Services Board"),
        (champions, today + timedelta(days=37), "Champions Group"),
    ]
    for body, day, title in meetings:
        meeting = Meeting(body=body, date=day, title=title, location="Town Hall, Committee Room 2")
        governance_create(record=meeting, by=by)
