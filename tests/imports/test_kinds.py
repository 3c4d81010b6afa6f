"""Each kind of record from its rows: a council's risk log, savings in pounds as people write them,
actions with their dates, milestones whose status and delivery date must agree; and a cell that
cannot be read names its sheet, row and column."""

from datetime import date
from decimal import Decimal

import pytest

from milestones.models import Milestone
from programmes.models import Action, Risk, SavingsLine
from tests.imports.conftest import (
    commit,
    preview,
    snapshot,
    workbook,
)

pytestmark = pytest.mark.django_db


def test_a_council_risk_log_comes_in(wigan):
    rows = [
        [
            "Risk",
            "Frequency",
            "Severity",
            "Lead Officer",
            "Moderating Factors",
            "Status (Red, Amber Green)",
            "Review date",
        ],
        [
            "Capacity",
            "Throughout the process so therefore will be High",
            "Medium",
            "Chief Executive",
            "Clear lead",
            "Amber",
            "31/03/2009",
        ],
    ]
    commit(workbook({"Risk log": rows}), wigan, kind="risks")
    risk = Risk.objects.get(programme=wigan, title="Capacity")
    assert (risk.likelihood, risk.likelihood_note, risk.impact, risk.rag) == (
        3,
        "Throughout the process so therefore will be",
        2,
        "amber",
    )
    assert risk.review_date == date(2009, 3, 31) and risk.service_area is None


def test_savings_come_in_with_pounds_as_people_write_them(agma):
    rows = [
        ["Financial year", "Target", "Forecast", "Achieved"],
        ["2009/10", "£1.316m", "£180k", "50,000"],
        [date(2025, 11, 10), 1000, None, None],  # Excel turned "10/11" into 10 November
    ]
    plan = preview(workbook({"Savings": rows}), agma)
    assert plan.rows[1].notes == [
        "Column A (Financial year): Excel had turned the year into the date 10/11/2025: read "
        "as 2010/11."
    ]
    commit(workbook({"Savings": rows}), agma)
    line = SavingsLine.objects.get(programme=agma, financial_year=2009)
    assert (line.target, line.forecast, line.achieved) == (
        Decimal("1316000.00"),
        Decimal("180000.00"),
        Decimal("50000.00"),
    )
    assert SavingsLine.objects.filter(programme=agma, financial_year=2010).exists()


def test_actions_come_in_with_dates_as_written(wigan):
    rows = [
        [
            "Action Points",
            "Importance",
            "Person responsible",
            "Start",
            "Due",
            "Resources approved?",
        ],
        ["Publish the plan", "High", "All Service Directors", "April 2008", "March 2009", "Yes"],
    ]
    commit(workbook({"Action plan": rows}), wigan)
    action = Action.objects.get(programme=wigan, title="Publish the plan")
    assert (action.start.text, action.due.latest, action.resources_approved) == (
        "April 2008",
        date(2009, 3, 31),
        True,
    )


def test_a_problem_in_a_cell_names_its_sheet_row_and_column(wigan):
    rows = [["Risk", "Likelihood", "RAG status"], ["Capacity", "Certain", "Purple"]]
    before = snapshot()
    plan = preview(workbook({"Risks": rows}), wigan)
    assert [(p.row, p.column, p.message) for p in plan.all_problems] == [
        (2, "C (RAG status)", '"Purple" is not a RAG status; use one of: Red, Amber, Green.'),
    ]
    assert snapshot() == before
    # A number off the programme's scale is read as a level on a wider one (1 to 10), with a
    # warning and a reading to confirm, not refused.
    plan = preview(workbook({"Risks": [["Risk", "Likelihood"], ["Capacity", 7]]}), wigan)
    assert not plan.all_problems
    assert 'Column B (Likelihood): "7" is read as High.' in plan.rows[0].notes


def test_a_row_complete_with_no_date_comes_in_complete_with_no_date(fresh_programme):
    rows = [
        ["Service Area", "Milestone", "Completion date", "Status", "Actual completion"],
        ["VPMM", "Scope defined", "July 2009", "Complete", ""],
    ]
    record = commit(workbook({"Tracker": rows}), fresh_programme)
    assert record.created == 1
    (scope,) = Milestone.objects.for_programme(fresh_programme)
    assert scope.status == "complete" and not scope.actual_completion.text
    assert scope.status_words == "Complete — date not recorded"


def test_a_row_with_a_delivery_date_and_another_status_is_refused_and_says_why(fresh_programme):
    rows = [
        ["Service Area", "Milestone", "Status", "Actual completion"],
        ["VPMM", "Stage 0", "In progress", "18/12/2009"],
    ]
    before = snapshot()
    plan = preview(workbook({"Tracker": rows}), fresh_programme)
    assert [(p.row, p.column, p.message) for p in plan.all_problems] == [
        (
            2,
            "C (Status)",
            "It has an actual completion date, so its status is Complete: clear the actual "
            "completion date to give it another status.",
        )
    ]
    assert snapshot() == before


def test_a_row_with_a_delivery_date_and_no_status_column_comes_in_complete(fresh_programme):
    rows = [["Service Area", "Milestone", "Actual completion"], ["VPMM", "Stage 0", "18/12/2009"]]
    commit(workbook({"Tracker": rows}), fresh_programme)
    (stage_0,) = Milestone.objects.for_programme(fresh_programme)
    assert stage_0.status == "complete" and stage_0.actual_completion.earliest == date(2009, 12, 18)
