"""Loading a seed programme from its YAML transcription (see fixtures/README.md).

The loader is strict: an unknown key, a name that refers to nothing, a slippage chain that does
not join up or a value a model refuses stops the load with a message naming the place in the
file, and nothing of that programme is saved. Milestones and their date changes are written
through ``milestones.services`` like any other edit.
"""

from collections.abc import Iterable
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal, InvalidOperation
from pathlib import Path

import yaml
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models.functions import Lower
from django.utils import timezone

from core import fuzzydates
from core.records import record_create
from milestones import services
from milestones.models import Milestone, ProgressUpdate, ReportingPeriod
from programmes.models import (
    Action,
    BodyMembership,
    BudgetLine,
    GlossaryTerm,
    GovernanceBody,
    Lesson,
    Meeting,
    Objective,
    Organisation,
    Participation,
    Person,
    Programme,
    Risk,
    SavingsLine,
    SavingsReallocation,
    ServiceArea,
    ServiceAreaRole,
    StageDefinition,
)
from reports.models import BackgroundPaper, CommitteeReport, CommitteeReportSection, ContactOfficer

SEED_DIR = Path(__file__).resolve().parent.parent / "fixtures" / "seeds"


class SeedError(Exception):
    """A seed file that cannot be loaded as written; the message says where and why."""


def seed_files(slugs: Iterable[str] = ()) -> list[Path]:
    """The seed files, all of them or those named by slug."""
    files = sorted(SEED_DIR.glob("*.yaml"))
    wanted = set(slugs)
    if wanted:
        found = {path.stem for path in files}
        if missing := wanted - found:
            raise SeedError(f"No seed programme called {', '.join(sorted(missing))}.")
        files = [path for path in files if path.stem in wanted]
    return files


def read_seed(path: Path) -> dict:
    try:
        # The C parser, where PyYAML was built with libyaml, is ten times faster than Python's.
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=loader)
    except yaml.YAMLError as error:
        raise SeedError(f"{path.name}: not valid YAML: {error}") from error
    if not isinstance(data, dict) or "programme" not in data:
        raise SeedError(f"{path.name}: expected a mapping with a 'programme' key.")
    return data


@dataclass
class LoadResult:
    programme: Programme
    counts: dict[str, int] = field(default_factory=dict)


def load_seed(path: Path, data: dict | None = None) -> LoadResult:
    """Create the programme a seed file describes (``data``: the file already read). The caller
    decides what to do when a programme with its slug already exists (see the command)."""
    data = data if data is not None else read_seed(path)
    with transaction.atomic():
        return _SeedLoader(path.name, data).load()


# --- the loader --------------------------------------------------------------------------------


def _as_text(value) -> str:
    if value is None:
        return ""
    return str(value).strip()


class _SeedLoader:
    def __init__(self, source: str, data: dict):
        self.source = source
        self.data = data
        self.where: list[str] = []
        self.counts: dict[str, int] = {}
        self.programme: Programme | None = None
        self.as_at: datetime | None = None
        self.author: Person | None = None
        self.people: dict[str, Person] = {}
        self.organisations: dict[str, Organisation] = {}
        self.stages: dict[str, StageDefinition] = {}
        self.periods: dict[str, ReportingPeriod] = {}
        self.bodies: dict[str, GovernanceBody] = {}
        self.service_areas: dict[str, ServiceArea] = {}

    # Errors name the place in the file, e.g. "service_areas[3] (IT) > milestones[1]".
    def fail(self, message: str):
        place = " > ".join(self.where)
        raise SeedError(
            f"{self.source}: {place}: {message}" if place else f"{self.source}: {message}"
        )

    @contextmanager
    def section(self, name: str):
        self.where.append(name)
        try:
            yield
        finally:
            self.where.pop()

    def items(self, mapping: dict, key: str) -> list:
        value = mapping.get(key) or []
        if not isinstance(value, list):
            self.fail(f"'{key}' should be a list.")
        return value

    def check_keys(self, mapping, allowed: set[str]) -> dict:
        if not isinstance(mapping, dict):
            self.fail("expected a mapping of keys to values.")
        if unknown := set(mapping) - allowed:
            self.fail(f"unknown key(s) {', '.join(sorted(unknown))}.")
        return mapping

    def save(self, instance, kind: str):
        try:
            # The audit history dates the report's facts; no user: "loaded from the seed report".
            record_create(record=instance, at=self.as_at)
        except ValidationError as error:
            self.fail(_messages(error))
        self.counts[kind] = self.counts.get(kind, 0) + 1
        return instance

    # --- values -------------------------------------------------------------------------------

    def fuzzy(self, value) -> fuzzydates.FuzzyDate:
        # A month written without a year ("presented to SMT in February") means the report's year.
        year_hint = self.as_at.year if self.as_at else None
        return fuzzydates.parse(
            _as_text(value), quarters=self.programme.quarters, year_hint=year_hint
        )

    def money(self, value, key: str) -> Decimal | None:
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float | str):
            self.fail(f"{key} should be a number of pounds.")
        try:
            return Decimal(str(value))
        except InvalidOperation:
            self.fail(f"{key} should be a number of pounds, not {value!r}.")

    def calendar_date(self, value, key: str) -> date:
        if isinstance(value, date):
            return value
        try:
            return date.fromisoformat(_as_text(value))
        except ValueError:
            self.fail(f"{key} should be a date written YYYY-MM-DD, not {value!r}.")

    def financial_year(self, value) -> int | None:
        if value is None:
            return None
        year = fuzzydates.parse_financial_year(_as_text(value))
        if year is None:
            self.fail(f'financial_year {value!r} is not a financial year such as "2009/10".')
        return year

    def person(self, name) -> Person | None:
        if not name:
            return None
        try:
            return self.people[_as_text(name)]
        except KeyError:
            self.fail(f"{name!r} is not listed under people.")

    def organisation(self, name) -> Organisation:
        key = _as_text(name)
        if key not in self.organisations:
            self.organisations[key] = self.organisation_named(key)
        return self.organisations[key]

    def organisation_named(self, name: str, **defaults) -> Organisation:
        existing = Organisation.objects.annotate(lower=Lower("name")).filter(lower=name.lower())
        if found := existing.first():
            return found
        return self.save(Organisation(name=name, **defaults), "organisations")

    def body(self, name) -> GovernanceBody:
        try:
            return self.bodies[_as_text(name)]
        except KeyError:
            self.fail(f"{name!r} is not listed under governance_bodies.")

    def meeting(self, reference) -> Meeting | None:
        if not reference:
            return None
        self.check_keys(reference, {"body", "date"})
        body = self.body(reference.get("body"))
        day = self.calendar_date(reference.get("date"), "meeting date")
        meeting = body.meetings.filter(date=day).first()
        if meeting is None:
            self.fail(f"{body.short_name} has no meeting on {day:%d/%m/%Y} under meetings.")
        return meeting

    # --- the programme ------------------------------------------------------------------------

    def load(self) -> LoadResult:
        data = self.check_keys(
            self.data,
            {
                "programme",
                "organisations",
                "people",
                "stages",
                "reporting_periods",
                "glossary",
                "governance_bodies",
                "meetings",
                "service_areas",
                "risks",
                "savings",
                "savings_reallocations",
                "budget_lines",
                "actions",
                "lessons",
                "objectives",
                "committee_reports",
            },
        )
        self.load_organisations(data)
        self.load_people(data)
        self.load_programme(data["programme"])
        self.load_stages(data)
        self.load_periods(data)
        self.load_glossary(data)
        self.load_governance(data)
        for index, area in enumerate(self.items(data, "service_areas")):
            with self.section(f"service_areas[{index}] ({area.get('name', '?')})"):
                self.load_service_area(area, index)
        self.load_scoped_records(data, service_area=None)
        for index, item in enumerate(self.items(data, "savings_reallocations")):
            with self.section(f"savings_reallocations[{index}]"):
                self.load_reallocation(item, index)
        for index, item in enumerate(self.items(data, "objectives")):
            with self.section(f"objectives[{index}]"):
                self.check_keys(item, {"objective", "achievement"})
                objective = Objective(
                    programme=self.programme,
                    objective=_as_text(item.get("objective")),
                    achievement=_as_text(item.get("achievement")),
                    order=index,
                )
                self.save(objective, "objectives")
        for index, item in enumerate(self.items(data, "committee_reports")):
            with self.section(f"committee_reports[{index}]"):
                self.load_committee_report(item)
        return LoadResult(self.programme, self.counts)

    def load_organisations(self, data):
        for index, item in enumerate(self.items(data, "organisations")):
            with self.section(f"organisations[{index}]"):
                self.check_keys(item, {"name", "short_name", "kind"})
                name = _as_text(item.get("name"))
                if not name:
                    self.fail("an organisation needs a name.")
                self.organisations[name] = self.organisation_named(
                    name,
                    short_name=_as_text(item.get("short_name")),
                    kind=item.get("kind") or Organisation.Kind.COUNCIL,
                )

    def load_people(self, data):
        for index, item in enumerate(self.items(data, "people")):
            with self.section(f"people[{index}]"):
                self.check_keys(item, {"name", "job_title", "organisation", "email", "telephone"})
                name = _as_text(item.get("name"))
                if not name:
                    self.fail("a person needs a name.")
                if name in self.people:
                    self.fail(f"{name} is listed twice.")
                organisation = (
                    self.organisation(item["organisation"]) if item.get("organisation") else None
                )
                person = Person.objects.filter(name=name, organisation=organisation).first()
                if person is None:
                    person = self.save(
                        Person(
                            name=name,
                            organisation=organisation,
                            job_title=_as_text(item.get("job_title")),
                            email=_as_text(item.get("email")),
                            telephone=_as_text(item.get("telephone")),
                        ),
                        "people",
                    )
                self.people[name] = person

    def load_programme(self, item):
        with self.section("programme"):
            self.check_keys(
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
                slug=_as_text(item.get("slug")),
                name=_as_text(item.get("name")),
                short_name=_as_text(item.get("short_name")),
                description=_as_text(item.get("description")),
                status=item.get("status") or Programme.Status.ACTIVE,
                service_area_label=_as_text(item.get("service_area_label")) or "Service area",
                stage_label=_as_text(item.get("stage_label")),
                rag_scale=item.get("rag_scale") or Programme.RagScale.THREE_POINT,
                rag_labels=item.get("rag_labels") or {},
                risk_scale=item.get("risk_scale") or Programme.RiskScale.HIGH_MEDIUM_LOW,
                quarters=item.get("quarters") or Programme.Quarters.CALENDAR,
            )
            if item.get("lead_organisation"):
                programme.lead_organisation = self.organisation(item["lead_organisation"])
            # The report does not say when each recorded date move was made; they were known by
            # its as-at date, so that is when the history says they happened.
            if item.get("as_at"):
                as_at = self.calendar_date(item["as_at"], "as_at")
                self.as_at = timezone.make_aware(datetime.combine(as_at, time(12)))
            self.programme = programme
            programme.started = self.fuzzy(item.get("started"))
            self.save(programme, "programmes")
            programme.partners.set(self.organisation(name) for name in item.get("partners") or [])
            self.author = self.person(item.get("author"))

    def load_stages(self, data):
        for index, item in enumerate(self.items(data, "stages")):
            with self.section(f"stages[{index}]"):
                self.check_keys(item, {"code", "name", "definition"})
                stage = StageDefinition(
                    programme=self.programme,
                    code=_as_text(item.get("code")),
                    name=_as_text(item.get("name")),
                    definition=_as_text(item.get("definition")),
                    order=index,
                )
                self.stages[stage.code] = self.save(stage, "stages")

    def load_periods(self, data):
        for index, item in enumerate(self.items(data, "reporting_periods")):
            with self.section(f"reporting_periods[{index}]"):
                self.check_keys(item, {"label", "start", "end"})
                period = ReportingPeriod(
                    programme=self.programme,
                    label=_as_text(item.get("label")),
                    start=self.calendar_date(item.get("start"), "start"),
                    end=self.calendar_date(item.get("end"), "end"),
                )
                self.periods[period.label] = self.save(period, "reporting periods")

    def load_glossary(self, data):
        for index, item in enumerate(self.items(data, "glossary")):
            with self.section(f"glossary[{index}]"):
                self.check_keys(item, {"term", "meaning"})
                term = GlossaryTerm(
                    programme=self.programme,
                    term=_as_text(item.get("term")),
                    meaning=_as_text(item.get("meaning")),
                )
                self.save(term, "glossary terms")

    def load_governance(self, data):
        bodies = self.items(data, "governance_bodies")
        for index, item in enumerate(bodies):
            with self.section(f"governance_bodies[{index}] ({item.get('name', '?')})"):
                self.check_keys(
                    item,
                    {
                        "name",
                        "acronym",
                        "kind",
                        "parent",
                        "description",
                        "terms_of_reference",
                        "terms_agreed",
                        "terms_agreed_by",
                        "members",
                    },
                )
                body = GovernanceBody(
                    programme=self.programme,
                    name=_as_text(item.get("name")),
                    acronym=_as_text(item.get("acronym")),
                    kind=item.get("kind") or GovernanceBody.Kind.GROUP,
                    description=_as_text(item.get("description")),
                    terms_of_reference=_as_text(item.get("terms_of_reference")),
                    terms_agreed_by=_as_text(item.get("terms_agreed_by")),
                    order=index,
                )
                body.terms_agreed = self.fuzzy(item.get("terms_agreed"))
                self.save(body, "governance bodies")
                self.bodies[body.name] = body
                if body.acronym:
                    self.bodies.setdefault(body.acronym, body)
                for position, member in enumerate(self.items(item, "members")):
                    self.check_keys(member, {"person", "role"})
                    membership = BodyMembership(
                        body=body,
                        person=self.person(member.get("person")),
                        role=_as_text(member.get("role")),
                        order=position,
                    )
                    self.save(membership, "memberships")
        # Parents may be listed after their children, so they are joined up afterwards.
        for index, item in enumerate(bodies):
            if item.get("parent"):
                with self.section(f"governance_bodies[{index}] ({item.get('name', '?')})"):
                    body = self.bodies[_as_text(item["name"])]
                    body.parent = self.body(item["parent"])
                    self.save(body, "parent links")
        for index, item in enumerate(self.items(data, "meetings")):
            with self.section(f"meetings[{index}]"):
                self.check_keys(item, {"body", "date", "title", "location"})
                meeting = Meeting(
                    body=self.body(item.get("body")),
                    date=self.calendar_date(item.get("date"), "date"),
                    title=_as_text(item.get("title")),
                    location=_as_text(item.get("location")),
                )
                self.save(meeting, "meetings")

    # --- service areas and what hangs off them ------------------------------------------------

    def load_service_area(self, item, index):
        self.check_keys(
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
            programme=self.programme,
            name=_as_text(item.get("name")),
            number=_as_text(item.get("number")),
            scope=_as_text(item.get("scope")),
            purpose=_as_text(item.get("purpose")),
            rag=item.get("rag") or "",
            progress_rating=item.get("progress_rating") or "",
            order=index,
        )
        if item.get("parent"):
            parent_name = _as_text(item["parent"])
            if parent_name not in self.service_areas:
                self.fail(f"parent {parent_name!r} is not an earlier service area.")
            area.parent = self.service_areas[parent_name]
        self.save(area, "service areas")
        self.service_areas[area.name] = area

        for position, role in enumerate(self.items(item, "people")):
            with self.section(f"people[{position}]"):
                self.check_keys(role, {"person", "role"})
                link = ServiceAreaRole(
                    service_area=area,
                    person=self.person(role.get("person")),
                    role=role.get("role") or "",
                    order=position,
                )
                self.save(link, "people in roles")
        for position, stance in enumerate(self.items(item, "participation")):
            with self.section(f"participation[{position}]"):
                self.check_keys(stance, {"organisation", "status", "note"})
                participation = Participation(
                    service_area=area,
                    organisation=self.organisation(stance.get("organisation")),
                    status=stance.get("status") or "",
                    note=_as_text(stance.get("note")),
                )
                self.save(participation, "participations")
        for position, milestone in enumerate(self.items(item, "milestones")):
            with self.section(f"milestones[{position}] ({milestone.get('title', '?')})"):
                self.load_milestone(area, milestone, position)
        for position, update in enumerate(self.items(item, "updates")):
            with self.section(f"updates[{position}]"):
                self.check_keys(update, {"period", "author", "text"})
                label = _as_text(update.get("period"))
                if label not in self.periods:
                    self.fail(f"period {label!r} is not listed under reporting_periods.")
                progress = ProgressUpdate(
                    service_area=area,
                    period=self.periods[label],
                    author=self.person(update.get("author")),
                    text=_as_text(update.get("text")),
                )
                if self.as_at:
                    progress.written_at = self.as_at
                self.save(progress, "progress updates")
        self.load_scoped_records(item, service_area=area)

    def load_milestone(self, area, item, position):
        self.check_keys(
            item,
            {
                "title",
                "stage",
                *Milestone.DATE_NAMES,
                "date_changes",
                "status",
                "rag",
                "owner",
                "estimated_cost",
                "estimated_cost_note",
                "reports_to",
                "comment",
            },
        )
        stage = None
        if item.get("stage"):
            code = _as_text(item["stage"])
            if code not in self.stages:
                self.fail(f"stage {code!r} is not listed under stages.")
            stage = self.stages[code]
        dates = {name: self.fuzzy(item.get(name)) for name in Milestone.DATE_NAMES}
        changes = self.items(item, "date_changes")
        # Create the milestone with each date as first planned, then replay every move through
        # the same service a champion's edit uses, so the history is built the usual way.
        for change in changes:
            self.check_keys(change, {"field", "from", "to", "reason"})
            name = change.get("field")
            if name not in Milestone.RESCHEDULABLE_DATES:
                self.fail(f"date_changes field {name!r} cannot be rescheduled.")
        for name in Milestone.RESCHEDULABLE_DATES:
            own = [change for change in changes if change["field"] == name]
            if own:
                dates[name] = self.fuzzy(own[0].get("from"))
        try:
            milestone = services.milestone_create(
                service_area=area,
                title=_as_text(item.get("title")),
                stage=stage,
                rag=item.get("rag") or "",
                owner=self.person(item.get("owner")),
                comment=_as_text(item.get("comment")),
                estimated_cost=self.money(item.get("estimated_cost"), "estimated_cost"),
                estimated_cost_note=_as_text(item.get("estimated_cost_note")),
                reports_to=self.meeting(item.get("reports_to")),
                order=position,
                at=self.as_at,
                # With no status written the service decides: Complete if it has an actual
                # completion date, else Not started.
                **({"status": item["status"]} if item.get("status") else {}),
                **dates,
            )
        except ValidationError as error:
            self.fail(_messages(error))
        self.counts["milestones"] = self.counts.get("milestones", 0) + 1
        for number, change in enumerate(changes):
            with self.section(f"date_changes[{number}]"):
                name = change["field"]
                current = getattr(milestone, name)
                if _as_text(change.get("from")) != current.text:
                    self.fail(
                        f"the change from {change.get('from')!r} does not follow on from "
                        f"{current.text!r}: the chain of moves must join up."
                    )
                try:
                    services.milestone_reschedule(
                        milestone=milestone,
                        field=name,
                        new=self.fuzzy(change.get("to")),
                        reason=_as_text(change.get("reason")) or "Not recorded in the report",
                        at=self.as_at,
                    )
                except ValidationError as error:
                    self.fail(_messages(error))
                self.counts["date changes"] = self.counts.get("date changes", 0) + 1
        for name in Milestone.RESCHEDULABLE_DATES:
            written = _as_text(item.get(name))
            if written != getattr(milestone, name).text:
                self.fail(
                    f"{name} is {written!r} but its date_changes end at "
                    f"{getattr(milestone, name).text!r}."
                )

    def load_scoped_records(self, item, *, service_area):
        """Risks, savings, budget lines, actions and lessons of the programme or of one area."""
        for index, risk in enumerate(self.items(item, "risks")):
            with self.section(f"risks[{index}] ({risk.get('title', '?')})"):
                self.load_risk(risk, service_area, index)
        for index, saving in enumerate(self.items(item, "savings")):
            with self.section(f"savings[{index}]"):
                self.load_saving(saving, service_area, index)
        for index, line in enumerate(self.items(item, "budget_lines")):
            with self.section(f"budget_lines[{index}] ({line.get('title', '?')})"):
                self.load_budget_line(line, service_area, None, index)
        for index, action in enumerate(self.items(item, "actions")):
            with self.section(f"actions[{index}]"):
                self.load_action(action, service_area, index)
        for index, lesson in enumerate(self.items(item, "lessons")):
            with self.section(f"lessons[{index}]"):
                self.check_keys(lesson, {"phase", "kind", "text"})
                record = Lesson(
                    programme=self.programme,
                    service_area=service_area,
                    phase=lesson.get("phase") or "",
                    kind=lesson.get("kind") or Lesson.Kind.OBSERVATION,
                    text=_as_text(lesson.get("text")),
                    order=index,
                )
                self.save(record, "lessons")

    def load_risk(self, item, service_area, index):
        self.check_keys(
            item,
            {
                "title",
                "description",
                "likelihood",
                "likelihood_note",
                "impact",
                "impact_note",
                "lead_officer",
                "moderating_factors",
                "rag",
                "review_date",
                "is_open",
            },
        )
        risk = Risk(
            programme=self.programme,
            service_area=service_area,
            title=_as_text(item.get("title")),
            description=_as_text(item.get("description")),
            likelihood=item.get("likelihood"),
            likelihood_note=_as_text(item.get("likelihood_note")),
            impact=item.get("impact"),
            impact_note=_as_text(item.get("impact_note")),
            lead_officer=_as_text(item.get("lead_officer")),
            moderating_factors=_as_text(item.get("moderating_factors")),
            rag=item.get("rag") or "",
            is_open=item.get("is_open", True),
            order=index,
        )
        if item.get("review_date"):
            review = self.fuzzy(item["review_date"])
            if not review.is_dated:
                self.fail(f"review_date {item['review_date']!r} is not a date.")
            risk.review_date = review.latest
        self.save(risk, "risks")

    def load_saving(self, item, service_area, index):
        self.check_keys(
            item,
            {"financial_year", "kind", "recurrence", "target", "forecast", "achieved", "note"},
        )
        saving = SavingsLine(
            programme=self.programme,
            service_area=service_area,
            financial_year=self.financial_year(item.get("financial_year")),
            kind=item.get("kind") or SavingsLine.Kind.CASHABLE,
            recurrence=item.get("recurrence") or SavingsLine.Recurrence.RECURRING,
            target=self.money(item.get("target"), "target"),
            forecast=self.money(item.get("forecast"), "forecast"),
            achieved=self.money(item.get("achieved"), "achieved"),
            note=_as_text(item.get("note")),
            order=index,
        )
        self.save(saving, "savings lines")

    def load_reallocation(self, item, index):
        self.check_keys(item, {"allocated_to", "permanence", "amount", "financial_year", "note"})
        reallocation = SavingsReallocation(
            programme=self.programme,
            allocated_to=_as_text(item.get("allocated_to")),
            permanence=item.get("permanence") or "",
            amount=self.money(item.get("amount"), "amount"),
            financial_year=self.financial_year(item.get("financial_year")),
            note=_as_text(item.get("note")),
            order=index,
        )
        self.save(reallocation, "savings re-allocations")

    def load_budget_line(self, item, service_area, parent, index):
        self.check_keys(
            item,
            {
                "title",
                "financial_year",
                "allocation",
                "estimated_cost",
                "spent",
                "estimated_savings",
                "estimated_savings_note",
                "detail",
                "lines",
            },
        )
        line = BudgetLine(
            programme=self.programme,
            service_area=service_area,
            parent=parent,
            title=_as_text(item.get("title")),
            financial_year=self.financial_year(item.get("financial_year")),
            allocation=self.money(item.get("allocation"), "allocation"),
            estimated_cost=self.money(item.get("estimated_cost"), "estimated_cost"),
            spent=self.money(item.get("spent"), "spent"),
            estimated_savings=self.money(item.get("estimated_savings"), "estimated_savings"),
            estimated_savings_note=_as_text(item.get("estimated_savings_note")),
            detail=_as_text(item.get("detail")),
            order=index,
        )
        self.save(line, "budget lines")
        for position, child in enumerate(self.items(item, "lines")):
            with self.section(f"lines[{position}] ({child.get('title', '?')})"):
                self.load_budget_line(child, service_area, line, position)

    def load_action(self, item, service_area, index):
        self.check_keys(
            item,
            {
                "title",
                "kind",
                "owner",
                "start",
                "due",
                "status",
                "importance",
                "measure",
                "target",
                "resources_approved",
                "note",
            },
        )
        action = Action(
            programme=self.programme,
            service_area=service_area,
            title=_as_text(item.get("title")),
            kind=item.get("kind") or Action.Kind.FOLLOW_ON,
            owner=_as_text(item.get("owner")),
            status=item.get("status") or Action.Status.OPEN,
            importance=_as_text(item.get("importance")),
            measure=_as_text(item.get("measure")),
            target=_as_text(item.get("target")),
            resources_approved=item.get("resources_approved"),
            note=_as_text(item.get("note")),
            order=index,
        )
        action.start = self.fuzzy(item.get("start"))
        action.due = self.fuzzy(item.get("due"))
        self.save(action, "actions")

    def load_committee_report(self, item):
        self.check_keys(
            item,
            {
                "committee",
                "date",
                "meeting",
                "subject",
                "report_of",
                "purpose",
                "recommendations",
                "financial_consequences",
                "alternative_options",
                "wards_affected",
                "implications",
                "contact_officers",
                "proper_officer",
                "signed_off_on",
                "sections",
                "background_papers",
            },
        )
        report = CommitteeReport(
            programme=self.programme,
            meeting=self.meeting(item.get("meeting")),
            committee=_as_text(item.get("committee")),
            date=self.calendar_date(item.get("date"), "date"),
            subject=_as_text(item.get("subject")),
            report_of=_as_text(item.get("report_of")),
            author=self.author,
            purpose=_as_text(item.get("purpose")),
            recommendations=_as_text(item.get("recommendations")),
            financial_consequences=_as_text(item.get("financial_consequences")),
            alternative_options=_as_text(item.get("alternative_options")),
            wards_affected=_as_text(item.get("wards_affected")),
            implications=_as_text(item.get("implications")),
            proper_officer=self.person(item.get("proper_officer")),
        )
        report.signed_off_on = self.fuzzy(item.get("signed_off_on"))
        self.save(report, "committee reports")
        for position, name in enumerate(item.get("contact_officers") or []):
            link = ContactOfficer(report=report, person=self.person(name), order=position)
            self.save(link, "contact officers")
        for position, section in enumerate(self.items(item, "sections")):
            with self.section(f"sections[{position}]"):
                self.check_keys(section, {"number", "heading", "body"})
                part = CommitteeReportSection(
                    report=report,
                    number=_as_text(section.get("number")),
                    heading=_as_text(section.get("heading")),
                    body=_as_text(section.get("body")),
                    order=position,
                )
                self.save(part, "report sections")
        for position, paper in enumerate(self.items(item, "background_papers")):
            with self.section(f"background_papers[{position}]"):
                self.check_keys(paper, {"title", "meeting", "meeting_date", "available_from"})
                record = BackgroundPaper(
                    report=report,
                    title=_as_text(paper.get("title")),
                    meeting=_as_text(paper.get("meeting")),
                    available_from=_as_text(paper.get("available_from")),
                    order=position,
                )
                record.meeting_date = self.fuzzy(paper.get("meeting_date"))
                self.save(record, "background papers")


def _messages(error: ValidationError) -> str:
    if hasattr(error, "message_dict"):
        return "; ".join(
            f"{name}: {' '.join(messages)}" if name != "__all__" else " ".join(messages)
            for name, messages in error.message_dict.items()
        )
    return " ".join(error.messages)
