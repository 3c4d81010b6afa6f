"""What every part of a seed load shares: the place in the file that errors name, the records
made so far by the names the file uses, saving a record with its audit history dated at the
report's as-at date, and reading values (dates as written, pounds, financial years, people,
bodies, meetings) strictly, failing with a ``SeedError`` that says where."""

from contextlib import contextmanager
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db.models.functions import Lower

from core import fuzzydates
from core.records import record_create
from milestones.models import ReportingPeriod
from programmes.models import (
    GovernanceBody,
    Meeting,
    Organisation,
    Person,
    Programme,
    ServiceArea,
    StageDefinition,
)
from seeds.files import SeedError


def as_text(value) -> str:
    if value is None:
        return ""
    return str(value).strip()


class SeedContext:
    """One load of one seed file in progress: where in the file it is (for messages), what it
    has made so far (looked up by the names the file uses), and how it reads values."""

    def __init__(self, source: str):
        self.source = source
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
            self.fail(messages(error))
        self.counts[kind] = self.counts.get(kind, 0) + 1
        return instance

    # --- values -------------------------------------------------------------------------------

    def fuzzy(self, value) -> fuzzydates.FuzzyDate:
        # A month written without a year ("presented to SMT in February") means the report's year.
        year_hint = self.as_at.year if self.as_at else None
        return fuzzydates.parse(
            as_text(value), quarters=self.programme.quarters, year_hint=year_hint
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
            return date.fromisoformat(as_text(value))
        except ValueError:
            self.fail(f"{key} should be a date written YYYY-MM-DD, not {value!r}.")

    def financial_year(self, value) -> int | None:
        if value is None:
            return None
        year = fuzzydates.parse_financial_year(as_text(value))
        if year is None:
            self.fail(f'financial_year {value!r} is not a financial year such as "2009/10".')
        return year

    def person(self, name) -> Person | None:
        if not name:
            return None
        try:
            return self.people[as_text(name)]
        except KeyError:
            self.fail(f"{name!r} is not listed under people.")

    def organisation(self, name) -> Organisation:
        key = as_text(name)
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
            return self.bodies[as_text(name)]
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


def messages(error: ValidationError) -> str:
    if hasattr(error, "message_dict"):
        return "; ".join(
            f"{name}: {' '.join(messages)}" if name != "__all__" else " ".join(messages)
            for name, messages in error.message_dict.items()
        )
    return " ".join(error.messages)
