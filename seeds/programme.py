"""Loading a seed's programme, its organisations and people, its stages and glossary, its
objectives, and each service area with the people in its roles and the authorities taking
part (what hangs off an area is loaded by ``milestones`` and ``registers``)."""

from datetime import datetime, time

from django.utils import timezone

from programmes.models import (
    GlossaryTerm,
    Objective,
    Organisation,
    Participation,
    Person,
    Programme,
    ServiceArea,
    ServiceAreaRole,
    StageDefinition,
)
from seeds.context import SeedContext, as_text
from seeds.milestones import load_milestone, load_update
from seeds.registers import load_scoped_records


def load_organisations(seed: SeedContext, data):
    for index, item in enumerate(seed.items(data, "organisations")):
        with seed.section(f"organisations[{index}]"):
            seed.check_keys(item, {"name", "short_name", "kind"})
            name = as_text(item.get("name"))
            if not name:
                seed.fail("an organisation needs a name.")
            seed.organisations[name] = seed.organisation_named(
                name,
                short_name=as_text(item.get("short_name")),
                kind=item.get("kind") or Organisation.Kind.COUNCIL,
            )


def load_people(seed: SeedContext, data):
    for index, item in enumerate(seed.items(data, "people")):
        with seed.section(f"people[{index}]"):
            seed.check_keys(item, {"name", "job_title", "organisation", "email", "telephone"})
            name = as_text(item.get("name"))
            if not name:
                seed.fail("a person needs a name.")
            if name in seed.people:
                seed.fail(f"{name} is listed twice.")
            organisation = (
                seed.organisation(item["organisation"]) if item.get("organisation") else None
            )
            person = Person.objects.filter(name=name, organisation=organisation).first()
            if person is None:
                person = seed.save(
                    Person(
                        name=name,
                        organisation=organisation,
                        job_title=as_text(item.get("job_title")),
                        email=as_text(item.get("email")),
                        telephone=as_text(item.get("telephone")),
                    ),
                    "people",
                )
            seed.people[name] = person


def load_programme(seed: SeedContext, item):
    with seed.section("programme"):
        seed.check_keys(
            item,
            {
                "slug",
                "name",
                "short_name",
                "description",
                "status",
                "lead_organisation",
                "partners",
                "service_area_label",
                "stage_label",
                "rag_scale",
                "rag_labels",
                "risk_scale",
                "quarters",
                "started",
                "report_title",
                "as_at",
                "author",
            },
        )
        programme = Programme(
            slug=as_text(item.get("slug")),
            name=as_text(item.get("name")),
            short_name=as_text(item.get("short_name")),
            description=as_text(item.get("description")),
            status=item.get("status") or Programme.Status.ACTIVE,
            service_area_label=as_text(item.get("service_area_label")) or "Service area",
            stage_label=as_text(item.get("stage_label")),
            rag_scale=item.get("rag_scale") or Programme.RagScale.THREE_POINT,
            rag_labels=item.get("rag_labels") or {},
            risk_scale=item.get("risk_scale") or Programme.RiskScale.HIGH_MEDIUM_LOW,
            quarters=item.get("quarters") or Programme.Quarters.CALENDAR,
        )
        if item.get("lead_organisation"):
            programme.lead_organisation = seed.organisation(item["lead_organisation"])
        # The report does not say when each recorded date move was made; they were known by
        # its as-at date, so that is when the history says they happened.
        if item.get("as_at"):
            as_at = seed.calendar_date(item["as_at"], "as_at")
            seed.as_at = timezone.make_aware(datetime.combine(as_at, time(12)))
        seed.programme = programme
        programme.started = seed.fuzzy(item.get("started"))
        seed.save(programme, "programmes")
        programme.partners.set(seed.organisation(name) for name in item.get("partners") or [])
        seed.author = seed.person(item.get("author"))


def load_stages(seed: SeedContext, data):
    for index, item in enumerate(seed.items(data, "stages")):
        with seed.section(f"stages[{index}]"):
            seed.check_keys(item, {"code", "name", "definition"})
            stage = StageDefinition(
                programme=seed.programme,
                code=as_text(item.get("code")),
                name=as_text(item.get("name")),
                definition=as_text(item.get("definition")),
                order=index,
            )
            seed.stages[stage.code] = seed.save(stage, "stages")


def load_glossary(seed: SeedContext, data):
    for index, item in enumerate(seed.items(data, "glossary")):
        with seed.section(f"glossary[{index}]"):
            seed.check_keys(item, {"term", "meaning"})
            term = GlossaryTerm(
                programme=seed.programme,
                term=as_text(item.get("term")),
                meaning=as_text(item.get("meaning")),
            )
            seed.save(term, "glossary terms")


def load_service_area(seed: SeedContext, item, index):
    seed.check_keys(
        item,
        {
            "name",
            "number",
            "parent",
            "scope",
            "purpose",
            "rag",
            "progress_rating",
            "people",
            "participation",
            "milestones",
            "updates",
            "risks",
            "savings",
            "budget_lines",
            "actions",
            "lessons",
        },
    )
    area = ServiceArea(
        programme=seed.programme,
        name=as_text(item.get("name")),
        number=as_text(item.get("number")),
        scope=as_text(item.get("scope")),
        purpose=as_text(item.get("purpose")),
        rag=item.get("rag") or "",
        progress_rating=item.get("progress_rating") or "",
        order=index,
    )
    if item.get("parent"):
        parent_name = as_text(item["parent"])
        if parent_name not in seed.service_areas:
            seed.fail(f"parent {parent_name!r} is not an earlier service area.")
        area.parent = seed.service_areas[parent_name]
    seed.save(area, "service areas")
    seed.service_areas[area.name] = area

    for position, role in enumerate(seed.items(item, "people")):
        with seed.section(f"people[{position}]"):
            seed.check_keys(role, {"person", "role"})
            link = ServiceAreaRole(
                service_area=area,
                person=seed.person(role.get("person")),
                role=role.get("role") or "",
                order=position,
            )
            seed.save(link, "people in roles")
    for position, stance in enumerate(seed.items(item, "participation")):
        with seed.section(f"participation[{position}]"):
            seed.check_keys(stance, {"organisation", "status", "note"})
            participation = Participation(
                service_area=area,
                organisation=seed.organisation(stance.get("organisation")),
                status=stance.get("status") or "",
                note=as_text(stance.get("note")),
            )
            seed.save(participation, "participations")
    for position, milestone in enumerate(seed.items(item, "milestones")):
        with seed.section(f"milestones[{position}] ({milestone.get('title', '?')})"):
            load_milestone(seed, area, milestone, position)
    for position, update in enumerate(seed.items(item, "updates")):
        with seed.section(f"updates[{position}]"):
            load_update(seed, area, update)
    load_scoped_records(seed, item, service_area=area)


def load_objective(seed: SeedContext, item, index):
    seed.check_keys(item, {"objective", "achievement"})
    objective = Objective(
        programme=seed.programme,
        objective=as_text(item.get("objective")),
        achievement=as_text(item.get("achievement")),
        order=index,
    )
    seed.save(objective, "objectives")
