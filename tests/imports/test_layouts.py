"""Trackers as councils lay them out: headings over several rows with a row of units, a title
that names the financial year, headings that mean something else, sheets with one record a
column, totals, sections, ditto marks and continuation rows, month-and-year date cells."""

import io
from datetime import datetime
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook

from imports import guessing
from imports.names import NEW
from imports.plans import CREATE
from imports.reading import read_book
from milestones.models import Milestone
from programmes.models import SavingsLine
from tests.imports.conftest import commit, preview, workbook

pytestmark = pytest.mark.django_db
TRACKERS = Path(__file__).resolve().parents[2] / "fixtures" / "trackers"


def mapped(path: Path, programme):
    book = read_book(path.read_bytes(), path.name)
    (mapping,) = guessing.guess_book(book, programme)
    return mapping


def test_savings_headings_over_three_rows_in_thousands_with_the_year_in_the_title(
    fresh_programme,
):
    mapping = mapped(TRACKERS / "savings-monitoring-2024-25.xlsx", fresh_programme)
    assert mapping.kind == "savings" and mapping.header_row == 4
    assert mapping.fields == {
        0: "service_area",
        1: "target",
        2: "achieved",
        3: "",
        4: "",
        5: "",
    }
    assert mapping.reasons[3] == "Left out: a pressure is not a saving."
    assert mapping.reasons[4].startswith("Left out: an amount at risk is not a target")
    assert mapping.reasons[5].startswith("Left out: ")
    assert "Amounts are in thousands of pounds." in mapping.reasons[1]
    assert mapping.year == 2024
    assert "The headings run over rows 2 to 4; they are read together." in mapping.notes


def test_a_savings_schedule_comes_in_in_pounds_without_its_total_row(fresh_programme):
    commit(
        (TRACKERS / "savings-monitoring-2024-25.xlsx").read_bytes(),
        fresh_programme,
        "savings.xlsx",
        resolutions=_create_all(fresh_programme, "savings-monitoring-2024-25.xlsx"),
    )
    lines = SavingsLine.objects.filter(programme=fresh_programme).order_by("order")
    assert [
        (line.service_area.name, line.financial_year, line.target, line.achieved) for line in lines
    ][:2] == [
        ("Families, Children & Learning", 2024, Decimal("5020000.00"), Decimal("4611000.00")),
        ("Housing, Care & Wellbeing", 2024, Decimal("6754000.00"), Decimal("5714000.00")),
    ]
    assert lines.count() == 5  # the total row is not a savings line
    plan = preview((TRACKERS / "savings-monitoring-2024-25.xlsx").read_bytes(), fresh_programme)
    assert "Row 10 is a total: skipped." in plan.mappings[0].notes


def _create_all(programme, name):
    plan = preview((TRACKERS / name).read_bytes(), programme)
    return {unknown.key: NEW for unknown in plan.unknown}


def test_a_sheet_with_one_project_a_column_is_read_turned_round(fresh_programme):
    mapping = mapped(TRACKERS / "dcms-gmpp-september-2019.csv", fresh_programme)
    assert mapping.transposed and mapping.kind == "milestones"
    assert mapping.notes[0].startswith("The headings run down the first column")
    plan = preview(
        (TRACKERS / "dcms-gmpp-september-2019.csv").read_bytes(), fresh_programme, "gmpp.csv"
    )
    assert [row.label for row in plan.rows][:2] == [
        "700 MHz Clearance Programme",
        "5G Testbeds & Trials",
    ]
    first = plan.rows[0]
    assert "Column E (IPA Delivery Confidence Assessment" in " ".join(first.notes)
    assert '"Amber/Green" is read as Amber.' in " ".join(first.notes)


def test_sections_totals_footnotes_dittos_and_continuation_rows(fresh_programme):
    data = workbook(
        {
            "Workplan": [
                ["Ref", "Action", "Lead", "By when", "Progress update"],
                ["Theme: Customer Contact"],
                ["1.1", "Consult residents", "Andrew Baldwin", "Mar-11", "Survey drafted"],
                [None, None, None, None, "and sent to the panel."],
                ["1.2", "Report to Cabinet", "ditto", "Oct 2011", ""],
                ["Theme: VPMM"],
                ["2.1", "Agree the business case", "do.", "Q3 2011/12", ""],
                ["* Dates are provisional"],
            ]
        }
    )
    plan = preview(data, fresh_programme, kind="milestones")
    notes = plan.mappings[0].notes
    assert "Rows 2, 6 are section headings: skipped." in notes
    assert "Row 8 is a footnote: skipped." in notes
    consult, report, agree = plan.rows
    assert [row.action for row in plan.rows] == [CREATE] * 3
    assert "Row 4 carries on this row's text: it is added here." in consult.notes
    assert any(
        '"ditto" means the same as the row above (Andrew Baldwin)' in n for n in report.notes
    )
    assert any('"do." means the same as the row above' in n for n in agree.notes)


def test_a_date_cell_formatted_as_month_and_year_means_the_whole_month(fresh_programme):
    book = Workbook()
    sheet = book.active
    sheet.append(["Service Area", "Milestone", "Completion date"])
    sheet.append(["VPMM", "Go live", datetime(2011, 3, 1)])
    sheet["C2"].number_format = "mmm-yy"
    sheet.append(["VPMM", "Review", datetime(2011, 4, 1)])
    sheet["C3"].number_format = "dd/mm/yyyy"
    buffer = io.BytesIO()
    book.save(buffer)
    commit(buffer.getvalue(), fresh_programme)
    go_live, review = Milestone.objects.for_programme(fresh_programme).order_by("order")
    assert (go_live.planned_completion.precision, go_live.planned_completion.latest) == (
        "month",
        datetime(2011, 3, 31).date(),
    )
    assert review.planned_completion.precision == "day"
