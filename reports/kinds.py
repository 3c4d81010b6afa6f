"""The report kinds, and ``build_report``, which gathers a report's data: the kind's generator
for the body, the summary of changes since the last report, the keys, branding and titles.

Each kind has a generator in ``reports/generators/`` (plain data) and a template in
``templates/reports/kinds/`` (HTML, also printed to PDF by ``reports.rendering``).
"""

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date

from django.utils import timezone

from .changes import changes_since
from .generators import closure, committee, grid, milestones, programme, risks, savings
from .generators.base import SUBMITTED_MARK, Context, Issue, Report, glossary, stages_key
from .models import ReportBranding, ReportKind
from .options import ReportOptions, grid_first_month
from .structure import preset

CHANGES = ("changes", "Summary of changes since the last report")
GLOSSARY = ("glossary", "Key of acronyms")
STAGES = ("stages", "Key to Stages")


@dataclass(frozen=True)
class Kind:
    slug: str
    label: str
    summary: str
    build: Callable[[Context], object]
    title: Callable[..., tuple[str, str]]
    sections: tuple[tuple[str, str], ...]
    landscape: bool = False
    uses_cover_sheet: bool = False
    uses_period: bool = False
    uses_months: bool = False
    uses_updates: bool = False  # prints progress updates or the comments they set
    # Columns the seed's own format lacks, printed only when turned on for a report.
    optional_columns: tuple[tuple[str, str], ...] = ()

    @property
    def template(self) -> str:
        return f"reports/kinds/{self.slug}.html"

    def has_section(self, key: str) -> bool:
        return any(name == key for name, _ in self.sections)

    @property
    def has_structure(self) -> bool:
        """Whether a programme may set out this kind's parts (it has a seed's format)."""
        return bool(preset(self.slug))


def month_year(day: date) -> str:
    return f"{day:%B %Y}"


def cover_title(default: str):
    def title(programme, options, body):
        if body.cover:
            return (
                body.cover.subject,
                f"Report to {body.cover.committee}, {body.cover.date:%-d %B %Y}",
            )
        return default, programme.name

    return title


KINDS: dict[str, Kind] = {
    kind.slug: kind
    for kind in (
        Kind(
            ReportKind.MILESTONES,
            ReportKind.MILESTONES.label,
            "Each service area's milestones with their start and completion dates, every move of "
            "a date in words, and the current activity; the Key to Stages at the end.",
            milestones.build,
            lambda programme, options, body: (
                f"Milestones Report {month_year(options.as_at)}",
                programme.name,
            ),
            (CHANGES, ("comments", "Comment / current activity"), STAGES, GLOSSARY),
            landscape=True,
            uses_updates=True,
            optional_columns=(("status", "Status (and whether late)"),),
        ),
        Kind(
            ReportKind.PROGRAMME,
            ReportKind.PROGRAMME.label,
            "Numbered work streams with their leads, progress to date, milestones, timescales "
            "and estimated costs; governance bodies and terms of reference; the budget appendix.",
            programme.build,
            lambda programme, options, body: (
                f"Programme report {options.as_at:%-d %B %Y}",
                programme.name,
            ),
            (
                CHANGES,
                ("progress", "Progress to date"),
                ("governance", "Governance and terms of reference"),
                ("budget", "Budget appendix"),
                STAGES,
                GLOSSARY,
            ),
            uses_updates=True,
        ),
        Kind(
            ReportKind.GRID,
            ReportKind.GRID.label,
            "Themes down the side and months across, each month's dated events and the "
            "meetings they go to, the status in the programme's own words; the acronym key.",
            grid.build,
            lambda programme, options, body: (
                f"Programme Milestones {body.months[0].year}" if body.months else "Programme",
                f"Update {month_year(options.as_at)}",
            ),
            (CHANGES, GLOSSARY),
            landscape=True,
            uses_months=True,
        ),
        Kind(
            ReportKind.COMMITTEE,
            ReportKind.COMMITTEE.label,
            "The council's cover sheet, the report's sections, the savings financials, each "
            "project's key achievements in the period and next year's work programme.",
            committee.build,
            cover_title("Report to committee"),
            (
                CHANGES,
                ("cover", "Cover sheet"),
                ("sections", "The report's sections"),
                ("financials", "Financials"),
                ("achievements", "Key achievements"),
                ("work_programme", "Work programme"),
                ("background_papers", "Background papers"),
                GLOSSARY,
            ),
            uses_cover_sheet=True,
            uses_period=True,
            uses_updates=True,
            optional_columns=(("due", "Due dates of work-programme items"),),
        ),
        Kind(
            ReportKind.CLOSURE,
            ReportKind.CLOSURE.label,
            "Objectives against achievements, savings and their re-allocation, lessons learnt, "
            "key milestones, the implementation plan, the risk log and the equality action plan.",
            closure.build,
            cover_title("Project closure"),
            (
                CHANGES,
                ("cover", "Cover sheet"),
                ("background_papers", "Background papers"),
                ("sections", "The report's sections"),
                ("follow_on", "Follow-on actions"),
                ("objectives", "Objectives and achievements"),
                ("savings", "Savings by financial year"),
                ("reallocations", "Re-allocation of savings"),
                ("lessons", "Lessons learnt"),
                ("milestones", "Key milestones"),
                ("plan", "Implementation plan"),
                ("risks", "Risk log"),
                ("equality", "Equality impact action plan"),
                GLOSSARY,
            ),
            uses_cover_sheet=True,
            uses_updates=True,
            optional_columns=(
                ("status", "Status of milestones and equality actions"),
                ("rating", "Risks' rating on the risk matrix, references and review dates"),
            ),
        ),
        Kind(
            ReportKind.RISKS,
            ReportKind.RISKS.label,
            "The risk log with likelihood, impact, lead officer, moderating factors and status, "
            "and a likelihood × impact heat map of the open risks.",
            risks.build,
            lambda programme, options, body: (
                f"Risk register {month_year(options.as_at)}",
                programme.name,
            ),
            (CHANGES, ("heat_map", "Heat map"), ("register", "Risk log"), GLOSSARY),
            landscape=True,
        ),
        Kind(
            ReportKind.SAVINGS,
            ReportKind.SAVINGS.label,
            "Savings targets, forecasts and achievements by financial year with totals and a "
            "chart, and where savings were re-allocated.",
            savings.build,
            lambda programme, options, body: (
                f"Savings report {month_year(options.as_at)}",
                programme.name,
            ),
            (
                CHANGES,
                ("chart", "Chart"),
                ("years", "Savings by financial year"),
                ("reallocations", "Re-allocation of savings"),
                GLOSSARY,
            ),
        ),
    )
}


def get_kind(slug: str) -> Kind:
    """The kind called ``slug``; KeyError if there is none."""
    return KINDS[slug]


def branding(programme) -> tuple[str, str | None]:
    """The organisation name printed at the top of a programme's reports, and its logo."""
    organisation = programme.lead_organisation
    if organisation is None:
        return programme.name, None
    record = ReportBranding.objects.filter(organisation=organisation).first()
    if record is None:
        return organisation.name, None
    return record.name_on_reports or organisation.name, record.logo.name or None


def updates_note(options: ReportOptions) -> str:
    """What the report says about the progress updates it prints."""
    if options.include_submitted:
        return (
            "Progress updates: those accepted by the programme office, and those submitted "
            f"and not yet accepted, marked “{SUBMITTED_MARK}”."
        )
    return "Progress updates: only those accepted by the programme office."


def build_report(kind: Kind, programme, options: ReportOptions, issue: Issue | None = None):
    """Gather everything a report prints, as plain data (also the snapshot an issued pack
    keeps)."""
    if kind.uses_months and options.first_month is None:
        options = replace(options, first_month=grid_first_month(options.as_at))
    changes = None
    if options.since is not None and options.shows("changes"):
        changes = changes_since(
            programme=programme,
            since=options.since,
            since_label=options.since_label,
            area_ids=options.area_ids,
        )
    context = Context(programme, options, marks=changes.marks if changes else {})

    def shown(section: str) -> bool:
        return kind.has_section(section) and options.shows(section)

    body = kind.build(context)
    title, subtitle = kind.title(programme, options, body)
    organisation, logo = branding(programme)
    cover = getattr(body, "cover", None)
    return Report(
        kind=kind.slug,
        kind_label=kind.label,
        title=title,
        subtitle=subtitle,
        programme_name=programme.name,
        programme_slug=programme.slug,
        area_label=programme.service_area_label,
        organisation=organisation,
        logo_name=logo,
        author=(cover.report_of if cover and cover.report_of else organisation),
        as_at=options.as_at,
        # An issued pack was made when it was issued: printing it again gives the same bytes.
        generated_at=issue.issued_at if issue else timezone.now(),
        options=options.as_json(),
        hidden_sections=sorted(options.hidden_sections),
        landscape=kind.landscape,
        body=body,
        changes=changes,
        stages=stages_key(programme) if shown("stages") else [],
        glossary=glossary(programme) if shown("glossary") else [],
        issue=issue,
        updates_note=updates_note(options) if kind.uses_updates else "",
    )
