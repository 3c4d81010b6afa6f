"""Dates as a tracker writes them: a cell that records its slippage moves the milestone with the
reason "imported from"; a date that does not exist comes in as words with a warning; a date only
reworded is not a move; dates out of order are a problem before anything is saved."""

import io

import pytest

from core import fuzzydates
from exports import workbook as export
from imports.plans import UPDATE
from milestones.models import Milestone
from milestones.services import milestone_create
from tests.imports.conftest import (
    commit,
    fuzzy,
    preview,
    read_back,
    workbook,
)

pytestmark = pytest.mark.django_db


def test_a_slipped_date_written_in_the_cell_moves_an_existing_milestone(fresh_programme):
    area = fresh_programme.service_areas.get(name="Transactional Finance")
    milestone = milestone_create(
        service_area=area, title="Stage 1", planned_completion=fuzzydates.parse("January '10")
    )
    rows = [
        ["Service Area", "Milestone", "Completion Dates"],
        ["Transactional Finance", "Stage 1", "January '10 Deadline extended to May '10"],
    ]
    plan = preview(workbook({"Tracker": rows}), fresh_programme)
    assert plan.rows[0].changes == ["Planned completion: Jan 2010, extended to May 2010"]
    commit(workbook({"Tracker": rows}), fresh_programme, "tracker.xlsx")
    milestone.refresh_from_db()
    assert milestone.planned_completion.text == "May '10"
    (change,) = milestone.date_changes.all()
    assert (change.old_text, change.reason) == (
        "January '10",
        "imported from tracker.xlsx (Deadline extended to)",
    )


def test_a_date_changed_in_our_export_is_moved_with_the_reason_imported_from(
    agma, django_user_model
):
    data = export.write_list(agma, "milestones", export.milestone_rows(agma)).read()
    book = read_back(data)
    sheet = book["Milestones"]
    header = [c.value for c in sheet[1]]
    titles = [
        row[header.index("Milestone")] for row in sheet.iter_rows(min_row=2, values_only=True)
    ]
    row = titles.index("Stage 2a – Design") + 2
    sheet.cell(row, header.index("Planned completion (as written)") + 1).value = "April 2010"
    sheet.cell(row, header.index("Status") + 1).value = "Will not be met"
    buffer = io.BytesIO()
    book.save(buffer)
    manager = django_user_model.objects.get(username="manager")
    plan = preview(buffer.getvalue(), agma, "milestones-edited.xlsx")
    (updated,) = [row for row in plan.rows if row.action == UPDATE]
    assert updated.changes == [
        "Status: In progress → Will not be met",
        "Planned completion: Feb 2010, extended to Apr 2010",
    ]
    record = commit(buffer.getvalue(), agma, "milestones-edited.xlsx", by=manager)
    assert record.updated == 1 and record.created == 0
    milestone = Milestone.objects.get(service_area__name="VPMM", title="Stage 2a – Design")
    assert milestone.status == Milestone.Status.WILL_NOT_BE_MET
    change = milestone.date_changes.get()
    assert (change.old_text, change.new_text, change.reason, change.changed_by) == (
        "February 2010",
        "April 2010",
        "imported from milestones-edited.xlsx",
        manager,
    )


def test_a_completion_before_the_start_is_a_problem_before_anything_is_saved(fresh_programme):
    rows = [
        ["Service Area", "Milestone", "Start date", "Completion date"],
        ["Customer Contact", "Backwards", "June 2010", "March 2010"],
    ]
    plan = preview(workbook({"Tracker": rows}), fresh_programme)
    assert [(p.column, p.message) for p in plan.all_problems] == [
        ("D (Completion date)", "The planned completion is before the start.")
    ]


def test_a_move_to_before_the_start_is_a_problem_once(fresh_programme):
    """The cell's first date is in order; the move it records is not."""
    rows = [
        ["Service Area", "Milestone", "Start date", "Completion date"],
        ["Customer Contact", "Backwards", "January 2010", "March 2010 revised to December 2009"],
    ]
    plan = preview(workbook({"Tracker": rows}), fresh_programme)
    assert [(p.column, p.message) for p in plan.all_problems] == [
        ("D (Completion date)", "The planned completion is before the start.")
    ]
    assert plan.rows[0].action == "error"


def test_an_action_due_before_it_starts_is_a_problem(wigan):
    rows = [["Action Points", "Start", "Due"], ["Publish the plan", "April 2009", "March 2009"]]
    plan = preview(workbook({"Action plan": rows}), wigan)
    assert [(p.row, p.column, p.message) for p in plan.all_problems] == [
        (2, "C (Due)", "It is due before it starts.")
    ]


# --- dates that do not exist, and dates only reworded -------------------------------------------


WARNING_TAIL = (
    " The words are imported as they are, with no date: correct them in the file if a date was "
    "meant."
)


def test_an_impossible_date_comes_in_as_words_with_a_warning_on_its_row(fresh_programme):
    rows = [
        ["Service Area", "Milestone", "Start Dates", "Completion Dates"],
        ["Transactional Finance", "Stage 1", "w/c 31-6-07", "30th Feb '09"],
        ["Transactional Finance", "Stage 2", "TBC", "Q5 2010"],
        ["Transactional Finance", "Stage 3", "Ongoing", "Dependent on outcome of Phase 1"],
        ["Transactional Finance", "Stage 4", "", "Dec '09 extended to 31/04/2010"],
    ]
    plan = preview(workbook({"Tracker": rows}), fresh_programme)
    assert plan.all_problems == [] and plan.can_commit
    notes = [row.notes for row in plan.rows]
    assert notes == [
        [
            "Column C (Start Dates): There is no 31 June 2007." + WARNING_TAIL,
            "Column D (Completion Dates): There is no 30 February 2009." + WARNING_TAIL,
        ],
        [
            "Column D (Completion Dates): There is no fifth quarter: quarters are Q1–Q4."
            + WARNING_TAIL
        ],
        [],  # words with no date in them are not a mistake
        ["Column D (Completion Dates): There is no 31 April 2010." + WARNING_TAIL],
    ]

    commit(workbook({"Tracker": rows}), fresh_programme)
    imported = {
        m.title: m for m in Milestone.objects.filter(service_area__programme=fresh_programme)
    }
    assert fuzzy(imported["Stage 1"].planned_start) == ("w/c 31-6-07", None, None, "undated")
    assert fuzzy(imported["Stage 2"].planned_completion) == ("Q5 2010", None, None, "undated")
    stage_4 = imported["Stage 4"]
    assert fuzzy(stage_4.planned_completion) == (
        "Dec '09 extended to 31/04/2010",
        None,
        None,
        "undated",
    )
    assert not stage_4.date_changes.exists()


def test_an_impossible_review_date_is_refused_with_what_is_wrong(wigan):
    rows = [["Risk", "Review date"], ["Capacity", "31/02/2010"]]
    plan = preview(workbook({"Risk log": rows}), wigan, kind="risks")
    assert [str(problem) for problem in plan.all_problems] == [
        'Sheet "Risk log", row 2, column B (Review date): There is no 31 February 2010. Write '
        "the date like 31/03/2010."
    ]


def test_a_reworded_date_is_saved_without_a_move(fresh_programme):
    area = fresh_programme.service_areas.get(name="Transactional Finance")
    milestone = milestone_create(
        service_area=area, title="Stage 1", planned_completion=fuzzydates.parse("Mar 2010")
    )
    rows = [
        ["Service Area", "Milestone", "Completion Dates"],
        ["Transactional Finance", "Stage 1", "March 2010"],
    ]
    plan = preview(workbook({"Tracker": rows}), fresh_programme)
    assert plan.rows[0].changes == ["Planned completion: Mar 2010, reworded as “March 2010”"]
    commit(workbook({"Tracker": rows}), fresh_programme)
    milestone.refresh_from_db()
    assert milestone.planned_completion_text == "March 2010"
    assert not milestone.date_changes.exists()


def test_a_cell_whose_history_only_rewords_is_not_a_move(fresh_programme):
    rows = [
        ["Service Area", "Milestone", "Completion Dates"],
        ["Transactional Finance", "Stage 1", "Dec '09 extended to March 2010 revised to Mar 2010"],
    ]
    commit(workbook({"Tracker": rows}), fresh_programme)
    milestone = Milestone.objects.get(service_area__programme=fresh_programme, title="Stage 1")
    assert milestone.planned_completion_text == "Mar 2010"
    (change,) = milestone.date_changes.all()
    assert (change.old_text, change.new_text, change.direction) == (
        "Dec '09",
        "March 2010",
        "later",
    )
