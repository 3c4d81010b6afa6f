"""A savings position as a council's budget report prints it: headings over three rows under a
row of year and group words, an "In-Year Pressures" column, and a second table (the Housing
Revenue Account) whose headings are worded differently in the columns not read."""

from pathlib import Path

import pytest

from imports import guessing
from imports.headings import bare
from imports.reading import read_book
from tests.imports.conftest import preview

pytestmark = pytest.mark.django_db
POSITION = Path(__file__).resolve().parents[2] / "fixtures/trackers/savings-monitoring-2022-23.xlsx"


@pytest.mark.parametrize(
    ("heading", "left"),
    [("In-Year", ""), ("In Year Savings Achieved", "Savings Achieved"), ("in-year", "")],
)
def test_in_year_says_when_and_is_never_the_financial_year(heading, left):
    assert bare(heading) == left


def test_the_headings_are_the_rows_that_name_most_fields_together(fresh_programme):
    (mapping,) = guessing.guess_book(
        read_book(POSITION.read_bytes(), POSITION.name), fresh_programme
    )
    assert (mapping.kind, mapping.header_start, mapping.header_row) == ("savings", 5, 7)
    assert mapping.fields == {
        0: "service_area",
        1: "target",
        2: "achieved",
        3: "",
        4: "",
        5: "",
    }
    assert mapping.reasons[3] == "Left out: a pressure is not a saving."
    assert mapping.year == 2022


def test_a_second_tables_headings_worded_differently_are_skipped(fresh_programme):
    plan = preview(POSITION.read_bytes(), fresh_programme, POSITION.name)
    notes = [note for mapping in plan.mappings for note in mapping.notes]
    assert "Rows 18, 19, 20, 21 repeat the headings: skipped." in notes
    assert not plan.all_problems
    assert [row.row for row in plan.rows] == [8, 9, 10, 11, 12, 13, 14, 22]
