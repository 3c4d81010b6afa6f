"""The council's standard cover sheet (seeds 002 and 004), read from a CommitteeReport."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Prefetch

from core.fuzzydates import FuzzyDate

from ..models import CommitteeReport, ContactOfficer
from .base import Context


@dataclass
class ContactOfficerLine:
    name: str
    job_title: str
    email: str
    telephone: str


@dataclass
class Section:
    number: str
    heading: str
    body: str  # Markdown


@dataclass
class BackgroundPaperLine:
    title: str
    meeting: str
    meeting_date: FuzzyDate
    available_from: str


@dataclass
class CoverSheet:
    id: int
    committee: str
    date: date
    subject: str
    report_of: str
    purpose: str
    recommendations: str
    financial_consequences: str
    alternative_options: str
    contact_officers: list[ContactOfficerLine]
    wards_affected: str
    implications: str
    proper_officer: str
    signed_off_on: FuzzyDate
    sections: list[Section]
    background_papers: list[BackgroundPaperLine]


def committee_reports(programme):
    return CommitteeReport.objects.filter(programme=programme).order_by("-date", "-id")


def chosen_report(context: Context) -> CommitteeReport | None:
    """The cover sheet the options name; else the latest dated on or before the as-at date,
    else the first after it."""
    reports = (
        committee_reports(context.programme)
        .select_related("proper_officer")
        .prefetch_related(
            Prefetch(
                "contact_officer_links",
                queryset=ContactOfficer.objects.select_related("person"),
            ),
            "sections",
            "background_papers",
        )
    )
    if context.options.cover_sheet_id:
        return reports.filter(pk=context.options.cover_sheet_id).first()
    return (
        reports.filter(date__lte=context.options.as_at).first()
        or reports.order_by("date", "id").first()
    )


def cover_sheet(context: Context) -> CoverSheet | None:
    report = chosen_report(context)
    if report is None:
        return None
    return CoverSheet(
        id=report.pk,
        committee=report.committee,
        date=report.date,
        subject=report.subject,
        report_of=report.report_of,
        purpose=report.purpose,
        recommendations=report.recommendations,
        financial_consequences=report.financial_consequences,
        alternative_options=report.alternative_options,
        contact_officers=[
            ContactOfficerLine(
                link.person.name, link.person.job_title, link.person.email, link.person.telephone
            )
            for link in report.contact_officer_links.all()
        ],
        wards_affected=report.wards_affected,
        implications=report.implications,
        proper_officer=report.proper_officer.name if report.proper_officer_id else "",
        signed_off_on=report.signed_off_on,
        sections=[Section(s.number, s.heading, s.body) for s in report.sections.all()],
        background_papers=[
            BackgroundPaperLine(p.title, p.meeting, p.meeting_date, p.available_from)
            for p in report.background_papers.all()
        ],
    )
