"""Seed 004's risk log (the closure report's Appendix D) as the council wrote it: each risk's
frequency and severity in the author's own words ("Ongoing Moderate", "… will be high"), its
status, and no column the council's log does not have (no rating worked out on the risk matrix,
no review date, no references) unless the report turns them on; with ratings normalised, the
levels' names on the programme's scale instead."""

from dataclasses import replace
from html.parser import HTMLParser

import pytest

from programmes.models import Programme
from reports.kinds import build_report, get_kind
from reports.options import ReportOptions
from reports.rendering import report_html

from .conftest import SEED_AS_AT, words

WIGAN = "wigan-support-services-review"

# Appendix D, row by row: risk, Frequency, Severity, Status (Red, Amber Green), as written.
WIGAN_RISK_LOG = [
    ("Leadership", "Throughout the process so therefore will be High", "Medium", "Amber"),
    ("SMT", "Throughout the process so therefore will be High", "Medium", "Green"),
    ("Priorities", "At key stages so High initially; High at June 2007", "High", "Amber"),
    ("Structure", "Throughout the process therefore High", "Medium", "Amber"),
    ("Behaviour", "With reference to unification and facilitation High", "High", "Red"),
    ("Cultural changes", "Barriers to be identified before they can be addressed", "High", "Red"),
    (
        "Capacity",
        "Gap analysis required to ensure key milestones to be achieved. Medium",
        "High",
        "Red",
    ),
    ("Skills", "Currently High as skills for each project not yet identified", "High", "Amber"),
    ("Up-front investment", "Medium currently as no business cases prepared", "High", "Amber"),
    (
        "Performance monitoring",
        "PIs almost developed and framework in place Moderate",
        "Medium",
        "Amber",
    ),
    ("Policy changes", "Ongoing Moderate", "High", "Red"),
    (
        "Communication",
        "Communication strategy adopted and process agreed Medium to match key changes",
        "High",
        "Amber",
    ),
    ("Change agents", "Define for each stage of the process Moderate", "Medium", "Amber"),
    ("Staffing", "Ongoing through the review Medium", "Medium", "Amber"),
    (
        "Transition",
        "Phasing agreed overall but more work needed on detail for unification High",
        "Medium",
        "Red",
    ),
    (
        "Accommodation",
        "Work underway but timescale critical; High in initial phases",
        "Medium",
        "Amber",
    ),
    ("Schools", "Communication Moderate", "Medium", "Amber"),
    ("Trade Unions", "Meetings programmed at key stages Moderate", "Medium", "Green"),
    ("Employees", "Consultation actively underway High", "Low", "Red"),
    (
        "Members",
        "Report approved by Cabinet and Overview and Scrutiny – return for key decisions Low",
        "Low",
        "Amber",
    ),
    (
        "Maintaining the day to day business",
        "Throughout the process so therefore will be high",
        "High",
        "Red",
    ),
]


class RiskLog(HTMLParser):
    """The header cells and the rows (each a list of its cells' words) of the risk log."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.headings: list[str] = []
        self.rows: list[list[str]] = []
        self._depth = 0  # inside <table class="risk-log">
        self._cell: list[str] | None = None
        self._in_head = False

    def handle_starttag(self, tag, attrs):
        if tag == "table" and ("class", "risk-log") in attrs:
            self._depth = 1
        elif self._depth and tag == "thead":
            self._in_head = True
        elif self._depth and tag == "tr" and not self._in_head:
            self.rows.append([])
        elif self._depth and tag in ("th", "td"):
            self._cell = []

    def handle_endtag(self, tag):
        if not self._depth:
            return
        if tag == "table":
            self._depth = 0
        elif tag == "thead":
            self._in_head = False
        elif tag in ("th", "td") and self._cell is not None:
            text = words(" ".join(self._cell))
            (self.headings if self._in_head else self.rows[-1]).append(text)
            self._cell = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)


def risk_log(kind: str, **options) -> RiskLog:
    programme = Programme.objects.get(slug=WIGAN)
    report = build_report(
        get_kind(kind), programme, replace(ReportOptions(as_at=SEED_AS_AT[WIGAN]), **options)
    )
    parser = RiskLog()
    parser.feed(report_html(report))
    return parser


@pytest.mark.django_db
def test_the_closure_reports_risk_log_is_the_councils_as_written():
    log = risk_log("closure")
    assert log.headings == [
        "Risk",
        "Likelihood",
        "Impact",
        "Lead officer",
        "Moderating factors",
        "Status",
    ]
    assert len(log.rows) == len(WIGAN_RISK_LOG)
    for row, (risk, frequency, severity, status) in zip(log.rows, WIGAN_RISK_LOG, strict=True):
        assert row[0].startswith(risk + " "), (row[0], risk)  # no "R1." of our own
        # A frequency whose level word ends the cell prints as the council wrote the cell; one
        # whose words keep the whole cell prints it after the level's name.
        assert row[1] == frequency or row[1].endswith(" " + frequency), (risk, row[1])
        assert (row[2], row[5]) == (severity, status), risk
    html_words = " ".join(" ".join(row) for row in log.rows)
    assert "Differs from the rating" not in html_words


@pytest.mark.django_db
def test_normalised_ratings_print_the_levels_names_on_the_programmes_scale():
    log = risk_log("closure", normalise=True)
    cells = {row[0].split(" ", 1)[0]: row[1] for row in log.rows}
    assert cells["Policy"] == "Medium Ongoing"
    assert cells["Maintaining"] == "High Throughout the process so therefore will be"
    assert not any("Moderate" in row[1] for row in log.rows)


@pytest.mark.django_db
def test_the_matrix_rating_review_date_and_references_are_a_column_the_user_turns_on():
    log = risk_log("closure", columns=frozenset({"rating"}))
    assert log.headings == [
        "Risk",
        "Likelihood",
        "Impact",
        "Rating",
        "Lead officer",
        "Moderating factors",
        "Status chosen",
        "Review",
    ]
    leadership = log.rows[0]
    # High by Medium is Red on the standard matrix; the council chose Amber.
    assert leadership[0].startswith("R1. Leadership")
    assert (leadership[3], leadership[6]) == ("Red", "Amber Differs from the rating")


@pytest.mark.django_db
def test_the_risk_register_prints_the_authors_word_and_normalises_on_request():
    def performance(**options) -> str:
        log = risk_log("risks", **options)
        return next(row[1] for row in log.rows if "Performance monitoring" in row[0])

    assert performance() == "Moderate PIs almost developed and framework in place"
    assert performance(normalise=True) == "Medium PIs almost developed and framework in place"
