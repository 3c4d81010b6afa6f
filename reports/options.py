"""The choices a report is built with: as-at date, changes since when, which service areas and
sections, and the few options only some kinds use."""

from dataclasses import dataclass, field, replace
from datetime import date, datetime

from django.utils import timezone

from milestones.models import ReportingPeriod

from .models import CommitteeReport

DEFAULT_GRID_MONTHS = 7
# The grid starts two months before the as-at month, so a December update shows what happened
# in October and November and what is planned to April (seed 003's six-monthly layout).
GRID_MONTHS_BEFORE = 2


@dataclass(frozen=True)
class ReportOptions:
    as_at: date
    since: datetime | None = None
    since_pack_id: int | None = None
    since_label: str = ""
    area_ids: tuple[int, ...] | None = None  # None: every service area
    hidden_sections: frozenset[str] = field(default_factory=frozenset)
    cover_sheet_id: int | None = None
    period_id: int | None = None
    first_month: date | None = None
    months: int = DEFAULT_GRID_MONTHS
    # Progress updates the programme office has accepted are reported; this adds those
    # submitted and still awaiting review, each marked as such.
    include_submitted: bool = False
    # Dates and ratings print in their author's words ("Q1 2009", "Deadline extended to May
    # '10"); this writes them in one style instead ("Jan 2010, extended to May 2010").
    normalise: bool = False
    # Columns the council's own format does not have, turned on for this report (a kind's
    # ``optional_columns``: "status", "due").
    columns: frozenset[str] = field(default_factory=frozenset)

    @property
    def as_written(self) -> bool:
        return not self.normalise

    def has_column(self, name: str) -> bool:
        return name in self.columns

    def shows(self, section: str) -> bool:
        return section not in self.hidden_sections

    def with_since(self, since: datetime | None, label: str, pack_id: int | None = None):
        return replace(self, since=since, since_label=label, since_pack_id=pack_id)

    def as_json(self) -> dict:
        """The options as an issued pack records them."""
        return {
            "as_at": self.as_at.isoformat(),
            "since": self.since.isoformat() if self.since else None,
            "since_pack": self.since_pack_id,
            "since_label": self.since_label,
            "service_areas": list(self.area_ids) if self.area_ids is not None else "all",
            "hidden_sections": sorted(self.hidden_sections),
            "cover_sheet": self.cover_sheet_id,
            "reporting_period": self.period_id,
            "first_month": self.first_month.isoformat() if self.first_month else None,
            "months": self.months,
            "include_submitted": self.include_submitted,
            "normalise": self.normalise,
            "columns": sorted(self.columns),
        }


def default_as_at(programme, *, uses_cover_sheet: bool = False) -> date:
    """The report's own date. For a report with a cover sheet, the date of the latest sheet
    (its meeting's date), never a later period end. Otherwise today; or, for a programme whose
    reporting has stopped, the end of its last reporting period, so that a finished
    programme's reports read as they did when they were current."""
    today = timezone.localdate()
    if uses_cover_sheet:
        sheet_date = (
            CommitteeReport.objects.filter(programme=programme, date__lte=today)
            .order_by("-date")
            .values_list("date", flat=True)
            .first()
        )
        if sheet_date:
            return sheet_date
    last = (
        ReportingPeriod.objects.filter(programme=programme, start__lte=today)
        .order_by("-start")
        .values_list("end", flat=True)
        .first()
    )
    return min(last, today) if last else today


def grid_first_month(as_at: date, months_before: int = GRID_MONTHS_BEFORE) -> date:
    index = as_at.year * 12 + as_at.month - 1 - months_before
    return date(index // 12, index % 12 + 1, 1)


def start_of_day(day: date) -> datetime:
    """A date given for "changes since" means from the start of that day, local time."""
    return timezone.make_aware(datetime.combine(day, datetime.min.time()))
