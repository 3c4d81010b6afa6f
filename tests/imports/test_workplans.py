"""Workplans and local-plan timetables as councils publish them: a "Stage" column that names
each milestone, an "Item" column of words beside the "Ref", "Led by" and "Finish by", numbered
section rows above the rows numbered under them, and a timetable's date written once above its
block of rows."""

from pathlib import Path

import pytest

from imports import guessing
from imports.names import AREA
from imports.reading import read_book
from tests.imports.conftest import preview, workbook

pytestmark = pytest.mark.django_db
TRACKERS = Path(__file__).resolve().parents[2] / "fixtures" / "trackers"


def mapped(data: bytes, programme, name="tracker.xlsx"):
    (mapping,) = guessing.guess_book(read_book(data, name), programme)
    return mapping


def test_a_stage_column_that_names_each_row_is_the_milestone(fresh_programme):
    mapping = mapped(
        (TRACKERS / "waverley-local-plan-part-2-timetable-2021.csv").read_bytes(),
        fresh_programme,
        "waverley.csv",
    )
    assert (mapping.kind, mapping.fields) == ("milestones", {0: "title", 1: "planned_completion"})
    assert mapping.reasons[0] == (
        "Read as Milestone: no column is headed for it, and this one names each row in words."
    )


def test_a_stage_column_of_stages_stays_the_stage(fresh_programme):
    rows = [["Stage", "Completion date"]] + [[f"Stage {n % 2}", "May 2013"] for n in range(4)]
    mapping = mapped(workbook({"Plan": rows}), fresh_programme)
    assert mapping.fields == {0: "stage", 1: "planned_completion"}


def test_a_workplan_by_ref_and_item_led_by_an_officer_from_start_to_finish(fresh_programme):
    data = (TRACKERS / "isle-of-wight-best-value-action-plan-2002.csv").read_bytes()
    mapping = mapped(data, fresh_programme, "iow.csv")
    assert mapping.kind == "milestones"
    named = {mapping.headings[i]: field for i, field in mapping.fields.items() if field}
    assert named == {
        "Ref": "reference",
        "Item": "title",
        "Led by": "owner",
        "Start by": "planned_start",
        "Finish by": "planned_completion",
    }
    plan = preview(data, fresh_programme, "iow.csv")
    assert [row.label for row in plan.rows][:2] == [
        "Show explicit links between Community Plan, Corporate Plan and LTP:APR",
        "Note to explain how relevant sections of UDP will change to reflect progress made "
        "with other Plans",
    ]
    assert len(plan.rows) == 12  # not the two section rows, nor the headings repeated
    assert "Rows 3, 7 are section headings: skipped." in mapping_notes(plan)
    areas = {unknown.name for unknown in plan.unknown if unknown.what == AREA}
    assert areas == {
        "Corporate and Departmental Vision, Objectives and Priorities",
        "Department\u2019s Working Style",
    }


def test_a_whole_number_row_not_above_rows_numbered_under_it_is_a_record(fresh_programme):
    rows = [
        ["Ref", "Milestone", "Lead officer", "Target date"],
        ["1", "Agree the scope", "", ""],
        ["2", "Appoint the contractor", "Head of Property", "May/June 2013"],
    ]
    sheet = [["Service Area", *rows[0]]] + [["Customer Contact", *row] for row in rows[1:]]
    plan = preview(workbook({"Plan": sheet}), fresh_programme)
    assert [row.label for row in plan.rows] == ["Agree the scope", "Appoint the contractor"]


def test_a_timetables_date_written_once_above_its_block_is_each_rows_date(fresh_programme):
    data = (TRACKERS / "maidstone-corporate-planning-timetable-2013.csv").read_bytes()
    plan = preview(data, fresh_programme, "maidstone.csv")
    second = plan.rows[1]
    assert second.label == "Assessment of progress against priorities and outcomes"
    assert (
        "Column A (Date): blank, so the date of the row above (August \u2013 November 2013)."
        in second.notes
    )
    budget = next(row for row in plan.rows if row.label == "Budget Consultation")
    assert not any("row above" in note for note in budget.notes)


def test_a_blank_date_right_of_the_titles_stays_blank(fresh_programme):
    rows = [
        ["Service Area", "Milestone", "Completion date"],
        ["Customer Contact", "Go live", "March 2011"],
        ["Customer Contact", "Train staff", ""],
    ]
    plan = preview(workbook({"Plan": rows}), fresh_programme)
    assert not any("row above" in note for row in plan.rows for note in row.notes)
    train = plan.rows[1]
    assert not any("Mar 2011" in change for change in train.changes)


def mapping_notes(plan) -> list[str]:
    return [note for mapping in plan.mappings for note in mapping.notes]
