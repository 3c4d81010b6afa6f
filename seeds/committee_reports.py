"""Loading a seed's committee reports: the report, its contact officers, its sections and
its background papers."""

from reports.models import BackgroundPaper, CommitteeReport, CommitteeReportSection, ContactOfficer
from seeds.context import SeedContext, as_text


def load_committee_report(seed: SeedContext, item):
    seed.check_keys(
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
        programme=seed.programme,
        meeting=seed.meeting(item.get("meeting")),
        committee=as_text(item.get("committee")),
        date=seed.calendar_date(item.get("date"), "date"),
        subject=as_text(item.get("subject")),
        report_of=as_text(item.get("report_of")),
        author=seed.author,
        purpose=as_text(item.get("purpose")),
        recommendations=as_text(item.get("recommendations")),
        financial_consequences=as_text(item.get("financial_consequences")),
        alternative_options=as_text(item.get("alternative_options")),
        wards_affected=as_text(item.get("wards_affected")),
        implications=as_text(item.get("implications")),
        proper_officer=seed.person(item.get("proper_officer")),
    )
    report.signed_off_on = seed.fuzzy(item.get("signed_off_on"))
    seed.save(report, "committee reports")
    for position, name in enumerate(item.get("contact_officers") or []):
        link = ContactOfficer(report=report, person=seed.person(name), order=position)
        seed.save(link, "contact officers")
    for position, section in enumerate(seed.items(item, "sections")):
        with seed.section(f"sections[{position}]"):
            seed.check_keys(section, {"number", "heading", "body"})
            part = CommitteeReportSection(
                report=report,
                number=as_text(section.get("number")),
                heading=as_text(section.get("heading")),
                body=as_text(section.get("body")),
                order=position,
            )
            seed.save(part, "report sections")
    for position, paper in enumerate(seed.items(item, "background_papers")):
        with seed.section(f"background_papers[{position}]"):
            seed.check_keys(paper, {"title", "meeting", "meeting_date", "available_from"})
            record = BackgroundPaper(
                report=report,
                title=as_text(paper.get("title")),
                meeting=as_text(paper.get("meeting")),
                available_from=as_text(paper.get("available_from")),
                order=position,
            )
            record.meeting_date = seed.fuzzy(paper.get("meeting_date"))
            seed.save(record, "background papers")
