"""What each sheet and column holds, guessed from the headings of the seed reports' tables and the
other headings councils use; case, punctuation, plurals and extra words do not matter."""

import pytest

from imports import mapping
from imports.books import Row, SheetData
from imports.guessing import guess_sheet
from imports.mapping import LEAVE_OUT
from tests.imports.conftest import SEED_000_HEADINGS

pytestmark = pytest.mark.django_db


def sheet(name: str, headings: list, *rows: list) -> SheetData:
    return SheetData(
        name=name,
        rows=[Row(1, tuple(headings)), *(Row(n, tuple(r)) for n, r in enumerate(rows, start=2))],
    )


def fields_of(guess) -> list[str]:
    return [guess.fields[index] for index in sorted(guess.fields)]


SEEDS = {
    "000: milestones report": (
        "Sheet1",
        SEED_000_HEADINGS,
        "milestones",
        ["service_area", "stage", "planned_start", "planned_completion", "comment"],
    ),
    "001: pathfinder work streams": (
        "Programme report",
        [None, "Progress to date", "Milestones", "Timescale", "Estimated costs"],
        "milestones",
        [LEAVE_OUT, "comment", "title", "planned_completion", "estimated_cost"],
    ),
    "004: appendix A key milestones": (
        "Appendix A",
        ["Milestones", "Date due", "Date delivered", "Comments"],
        "milestones",
        ["title", "planned_completion", "actual_completion", "comment"],
    ),
    "004: appendix D risk log": (
        "Appendix D",
        [
            "Risk",
            "Frequency",
            "Severity",
            "Lead Officer",
            "Moderating Factors",
            "Status (Red, Amber Green)",
        ],
        "risks",
        ["title", "likelihood", "impact", "lead_officer", "moderating_factors", "rag"],
    ),
    "004: appendix E equality impact action plan": (
        "Appendix E",
        [
            "Action Points",
            "Importance",
            "Person responsible",
            "Start and end date",
            "Resources approved?",
            "Measure",
            "Target",
        ],
        "actions",
        ["title", "importance", "owner", "due", "resources_approved", "measure", "target"],
    ),
}


@pytest.mark.parametrize("seed", SEEDS)
def test_the_seed_reports_headings_are_guessed(seed, agma):
    name, headings, kind, fields = SEEDS[seed]
    guess = guess_sheet(sheet(name, headings), agma)
    assert guess.kind == kind
    assert fields_of(guess) == fields


MILESTONE_HEADINGS = {
    "Work stream": "service_area",
    "THEME": "service_area",
    "Project": "service_area",
    "Stage": "stage",
    "Milestone": "title",
    "Key milestones": "title",
    "Start date(s)": "planned_start",
    "Timescale": "planned_completion",
    "Due": "planned_completion",
    "Target date": "planned_completion",
    "End Date": "planned_completion",
    "Completion date (revised March 2010)": "planned_completion",
    "Forecast": "forecast_completion",
    "Owner": "owner",
    "Lead": "owner",
    "Lead-Officer": "owner",
    "Status": "status",
    "Progress": "status",
    "RAG": "rag",
    "R/A/G status": "rag",
    "Comment / Current Activity": "comment",
    "Estimated costs (£)": "estimated_cost",
    "Reports to": "reports_to",
}


@pytest.mark.parametrize("heading", MILESTONE_HEADINGS)
def test_the_usual_milestone_headings_are_guessed(heading, agma):
    expected = MILESTONE_HEADINGS[heading]
    other = "Comment" if expected == "title" else "Milestone"
    guess = guess_sheet(sheet("Tracker", [other, heading]), agma, kind="milestones")
    assert guess.fields[1] == expected


RISK_HEADINGS = {
    "Likelihood": "likelihood",
    "Frequency": "likelihood",
    "Impact": "impact",
    "Severity": "impact",
    "Lead Officer": "lead_officer",
    "Owner": "lead_officer",
    "Moderating Factors": "moderating_factors",
    "Mitigation": "moderating_factors",
    "Status": "rag",
    "Review date": "review_date",
}


@pytest.mark.parametrize("heading", RISK_HEADINGS)
def test_the_usual_risk_log_headings_are_guessed(heading, wigan):
    guess = guess_sheet(sheet("Risk log", ["Risk", heading]), wigan)
    assert guess.kind == "risks"
    assert guess.fields == {0: "title", 1: RISK_HEADINGS[heading]}


def test_our_own_export_headings_use_the_programmes_words(wigan):
    headings = ["ID", "Version", "Reference", wigan.service_area_label, "Risk", "RAG status"]
    guess = guess_sheet(sheet("Risks", headings), wigan, ours=True)
    assert fields_of(guess) == ["id", "version", "reference", "service_area", "title", "rag"]


def test_an_id_heading_in_a_council_file_is_its_reference(wigan):
    guess = guess_sheet(sheet("Risks", ["ID", "Version", "Risk", "RAG status"]), wigan)
    assert fields_of(guess) == ["reference", "", "title", "rag"]
    assert guess.reasons[0] == "Read as Reference: councils head it “ID”."


def test_a_status_column_of_red_amber_green_is_read_as_the_rag_status(agma):
    guess = guess_sheet(
        sheet("Tracker", ["Milestone", "Status"], ["Stage 1", "Red"], ["Stage 2", "Amber"]), agma
    )
    assert guess.fields[1] == "rag"
    assert guess.notes == [
        "Column B (Status) holds RAG ratings (Red, Amber, Green), so it is read as the RAG status."
    ]


def test_a_risk_log_status_of_open_and_closed_says_whether_each_is_open(wigan):
    guess = guess_sheet(
        sheet("Risk log", ["Risk", "Status"], ["Staffing", "Open"], ["Budget", "Closed"]), wigan
    )
    assert guess.fields[1] == "is_open"


def test_the_headings_may_be_below_a_title(agma):
    data = SheetData(
        "Tracker",
        [Row(1, ("Milestones Report March 2010",)), Row(3, tuple(SEED_000_HEADINGS))],
    )
    guess = guess_sheet(data, agma)
    assert guess.header_row == 3
    assert "The headings are in row 3; the rows above them are left out." in guess.notes


def test_a_sheet_name_tips_the_balance(agma):
    headings = ["Title", "Owner", "Due date"]  # could be milestones or actions
    assert guess_sheet(sheet("Action plan", headings), agma).kind == "actions"
    assert guess_sheet(sheet("Milestone tracker", headings), agma).kind == "milestones"


def test_the_sheets_our_export_writes_for_reading_are_left_out(agma):
    guess = guess_sheet(sheet("Budget", ["ID", "Item", "Budget allocation"]), agma)
    assert guess.kind == LEAVE_OUT
    assert guess.notes == ['"Budget" is exported for reading: not imported.']


def test_a_field_can_be_named_by_its_key_or_its_heading(agma):
    assert mapping.find_field("milestones", "planned completion", agma) == "planned_completion"
    assert mapping.find_field("milestones", "Planned_Completion", agma) == "planned_completion"
    assert mapping.find_field("milestones", "Stage of the Delivery plan", agma) == "stage"
    assert mapping.find_field("milestones", "ignore", agma) == LEAVE_OUT
    assert mapping.find_field("milestones", "likelihood", agma) is None
