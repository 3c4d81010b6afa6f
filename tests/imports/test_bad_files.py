"""Files that cannot be imported get a clear message and change nothing; awkward spreadsheets
(formulas, merged cells, hidden sheets, blank rows, odd headings, dates Excel turned into
numbers) are read as their authors meant, and the preview says what was done."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from imports import guessing, importing, mapping
from imports.books import SpreadsheetError
from imports.plans import CREATE, UPDATE
from imports.reading import read_book
from milestones.models import Milestone
from tests.imports.conftest import (
    SEED_000_HEADINGS,
    compound_file,
    page_text,
    patched,
    snapshot,
    stored_uploads,
    workbook,
)

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.imports.urls")]

TRACKER = workbook(
    {
        "Milestones": [
            SEED_000_HEADINGS,
            ["Customer Contact", "Stage 1", "January '09", "March '09", "Under way."],
        ]
    }
)


def upload(client, programme, data: bytes, name: str):
    url = reverse("spreadsheets:import", kwargs={"programme": programme.slug})
    return client.post(url, {"file": SimpleUploadedFile(name, data)})


def with_member(data: bytes, name: str, content: bytes) -> bytes:
    buffer = io.BytesIO(data)
    with zipfile.ZipFile(buffer, "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(name, content)
    return buffer.getvalue()


def zipped(members: dict) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


REFUSED = {
    "not a spreadsheet": (
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200),
        "photo.xlsx",
        "This file is not a spreadsheet the tracker can read. Upload an Excel workbook (.xlsx) "
        "or a CSV file.",
    ),
    "a PDF": (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj", "report.xlsx", "This is a PDF"),
    "a web page saved as Excel": (
        b"<html><body><table><tr><td>Milestone</td></tr></table></body></html>",
        "export.xls",
        "This is a web page (HTML) saved with a spreadsheet's name",
    ),
    "a Word document": (
        zipped({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>"}),
        "tracker.xlsx",
        "This is a Word document, not a spreadsheet.",
    ),
    "truncated": (
        TRACKER[: len(TRACKER) // 2],
        "tracker.xlsx",
        "The file could not be read: it is damaged or incomplete",
    ),
    "corrupt inside": (
        patched(TRACKER, "xl/worksheets/sheet1.xml", b"</sheetData>", b"<row></sheetData>"),
        "tracker.xlsx",
        "The file could not be read: it is damaged or incomplete",
    ),
    "password protected": (
        compound_file("EncryptionInfo", "EncryptedPackage"),
        "tracker.xlsx",
        "This workbook is protected with a password, so it cannot be read.",
    ),
    "old .xls": (
        compound_file("Workbook", "\x05SummaryInformation"),
        "tracker.xls",
        "This is an old Excel 97–2003 workbook (.xls), which the tracker cannot read. Open it "
        "in Excel and save it as an Excel Workbook (.xlsx)",
    ),
    "not text in any encoding": (
        b"Milestone,Due\n" + bytes(range(0x80, 0xA0)) * 4,
        "tracker.csv",
        "not text in an encoding the tracker can read",
    ),
    "only hidden sheets": (
        workbook({"Cover": [], "Milestones": [SEED_000_HEADINGS]}, hidden=("Milestones",)),
        "tracker.xlsx",
        "The workbook has nothing to import: its visible sheets are empty. Its other sheets "
        "are hidden.",
    ),
}


@pytest.mark.parametrize("case", REFUSED)
def test_a_file_that_cannot_be_read_is_refused_with_a_message_and_changes_nothing(
    case, manager_client, agma
):
    data, name, message = REFUSED[case]
    before = snapshot()
    response = upload(manager_client, agma, data, name)
    assert response.status_code == 200
    assert message in page_text(response)
    assert snapshot() == before
    assert stored_uploads() == []


def test_a_file_over_the_size_limit_is_refused_unread(manager_client, agma, settings):
    settings.SPREADSHEET_MAX_BYTES = 2 * 1024
    before = snapshot()
    response = upload(manager_client, agma, TRACKER, "tracker.xlsx")
    assert "the largest the tracker accepts is 2 KB" in page_text(response)
    assert snapshot() == before
    assert stored_uploads() == []


def test_a_sheet_with_too_many_rows_is_refused(manager_client, agma, settings):
    settings.SPREADSHEET_MAX_ROWS = 5
    rows = [SEED_000_HEADINGS] + [["Customer Contact", f"Step {n}"] for n in range(8)]
    before = snapshot()
    response = upload(manager_client, agma, workbook({"Tracker": rows}), "big.xlsx")
    assert (
        'Sheet "Tracker" has more than 5 rows; the tracker imports at most 5 rows at a time. '
        "Split the sheet and import it in parts." in page_text(response)
    )
    assert snapshot() == before


def test_a_zip_bomb_is_refused_from_its_declared_sizes_before_it_is_opened(
    manager_client, agma, settings
):
    settings.SPREADSHEET_MAX_BYTES = 60 * 1024  # so a workbook may unpack to 1.2 MB
    bomb = with_member(TRACKER, "xl/media/image1.bin", bytes(3 * 1024 * 1024))
    assert len(bomb) < 60 * 1024
    before = snapshot()
    response = upload(manager_client, agma, bomb, "tracker.xlsx")
    text = page_text(response)
    assert "The workbook says it would unpack to 3 MB, far more than a spreadsheet should" in text
    assert "it has not been opened" in text
    assert snapshot() == before


def test_the_command_refuses_a_bad_file_with_the_same_message(tmp_path, agma):
    path = tmp_path / "tracker.xlsx"
    path.write_bytes(compound_file("EncryptionInfo", "EncryptedPackage"))
    before = snapshot()
    with pytest.raises(CommandError, match=r"protected with a password.*Nothing was imported"):
        call_command("import_tracker", str(path), programme=agma.slug)
    assert snapshot() == before


# --- awkward but readable ---------------------------------------------------------------------


def plan_for(data: bytes, programme, name="tracker.xlsx", **kwargs):
    book = read_book(data, name)
    mappings = guessing.guess_book(book, programme, **kwargs)
    return book, mappings, importing.preview(programme=programme, book=book, mappings=mappings)


def formula_workbook(*, cached: bool) -> bytes:
    """A tracker whose estimated cost is a formula, with or without its saved result."""
    data = workbook(
        {
            "Milestones": [
                ["Service Area", "Milestone", "Estimated cost", "Part 1", "Part 2"],
                ["Customer Contact", "Stage 1", "=D2+E2", 1000, 500],
            ]
        }
    )
    if cached:
        # What Excel writes once it has worked the formula out.
        # openpyxl writes the empty result as <v /> or <v></v>, by its XML library.
        sheet = zipfile.ZipFile(io.BytesIO(data)).read("xl/worksheets/sheet1.xml")
        empty = b"<f>D2+E2</f><v />" if b"<f>D2+E2</f><v />" in sheet else b"<f>D2+E2</f><v></v>"
        data = patched(data, "xl/worksheets/sheet1.xml", empty, b"<f>D2+E2</f><v>1500</v>")
    return data


def test_a_formula_is_read_as_the_result_excel_saved(agma):
    _, _, plan = plan_for(formula_workbook(cached=True), agma)
    (row,) = plan.rows
    assert row.action == UPDATE
    assert row.changes == ["Estimated cost: blank → £1,500"]


def test_a_formula_with_no_saved_result_is_an_error_naming_its_cell(agma):
    book, mappings, plan = plan_for(formula_workbook(cached=False), agma)
    (problem,) = plan.all_problems
    assert (problem.sheet, problem.row, problem.column) == ("Milestones", 2, "C (Estimated cost)")
    assert problem.message.startswith(
        "This cell holds a formula whose result was not saved in the file"
    )
    before = snapshot()
    with pytest.raises(importing.ImportRefused, match="1 problem to put right"):
        importing.commit(programme=agma, book=book, mappings=mappings)
    assert snapshot() == before


def test_an_excel_error_in_a_cell_is_an_error(agma):
    data = workbook(
        {
            "Milestones": [
                ["Service Area", "Milestone", "Owner"],
                ["Customer Contact", "Stage 1", "#REF!"],
            ]
        }
    )
    _, _, plan = plan_for(data, agma)
    assert [p.message for p in plan.all_problems] == [
        "This cell holds the Excel error #REF!: correct it or clear it."
    ]


def test_merged_cells_give_their_value_to_every_row_they_span(fresh_programme):
    rows = [
        ["Service Area", "Milestone", "Completion date"],
        ["Customer Contact", "Stage 1", "March '09"],
        [None, "Stage 2a", "Jan '10"],
        [None, "Stage 2b", "June 2010"],
    ]
    data = workbook({"Tracker": rows}, merges={"Tracker": ["A2:A4"]})
    book, mappings, plan = plan_for(data, fresh_programme)
    assert "Cells A2:A4 are merged: their value is used in each of rows 2 to 4." in (
        book.sheets[0].notes
    )
    assert [row.action for row in plan.rows] == [CREATE] * 3
    before = snapshot()
    importing.commit(programme=fresh_programme, book=book, mappings=mappings)
    assert snapshot() != before
    area = fresh_programme.service_areas.get(name="Customer Contact")
    assert list(area.milestones.values_list("title", flat=True)) == [
        "Stage 1",
        "Stage 2a",
        "Stage 2b",
    ]


def test_hidden_sheets_are_left_out_and_said_so(agma):
    data = workbook(
        {
            "Milestones": [SEED_000_HEADINGS, ["Customer Contact", "Stage 1", "", "March '09", ""]],
            "Workings": [["Service Area", "Milestone"], ["Customer Contact", "Secret"]],
        },
        hidden=("Workings",),
    )
    book, _, plan = plan_for(data, agma)
    assert [sheet.name for sheet in book.sheets] == ["Milestones"]
    assert 'Hidden sheets are left out: "Workings".' in plan.notes


def test_blank_rows_are_skipped_and_counted(fresh_programme):
    rows = [
        ["Service Area", "Milestone"],
        ["Customer Contact", "Stage 1"],
        [],
        [None, "  "],
        ["Customer Contact", "Stage 2"],
    ]
    book, _, plan = plan_for(workbook({"Tracker": rows}), fresh_programme)
    assert "2 blank rows skipped." in book.sheets[0].notes
    assert [row.row for row in plan.rows] == [2, 5]


def test_a_duplicated_heading_is_read_once_and_said_so(fresh_programme):
    rows = [
        ["Service Area", "Milestone", "Comment", "Comment"],
        ["Customer Contact", "Stage 1", "First words", "Second words"],
    ]
    before = snapshot()
    _, mappings, plan = plan_for(workbook({"Tracker": rows}), fresh_programme)
    (sheet,) = mappings
    assert sheet.fields[2] == "comment" and sheet.fields[3] == mapping.LEAVE_OUT
    assert plan.rows[0].action == CREATE
    assert (
        "Column D (Comment) has the same heading as column C (Comment): only column C is read. "
        "Choose a field for column D if it holds something else." in sheet.notes
    )
    assert snapshot() == before


def test_a_missing_heading_is_said_and_a_missing_required_column_stops_the_import(fresh_programme):
    rows = [["Service Area", None, "Completion date"], ["Customer Contact", "Stage 1", "March '09"]]
    book, mappings, plan = plan_for(workbook({"Tracker": rows}), fresh_programme)
    (sheet,) = mappings
    assert (
        "Column B has no heading: it is left out unless you choose a field for it." in sheet.notes
    )
    assert [str(p) for p in plan.problems] == [
        'Sheet "Tracker": No column is chosen for "Milestone" or "Stage of the Delivery plan"; '
        "choose the column that holds it."
    ]
    before = snapshot()
    with pytest.raises(importing.ImportRefused):
        importing.commit(programme=fresh_programme, book=book, mappings=mappings)
    assert snapshot() == before


def test_a_sheet_with_no_headings_is_left_out_with_a_reason(agma):
    data = workbook({"Notes": [["Just some notes"], ["about the programme"]]})
    _, (sheet,), plan = plan_for(data, agma)
    assert sheet.kind == mapping.LEAVE_OUT
    assert sheet.notes[0].startswith("No row of headings for milestones, risks, savings or actions")
    assert plan.refusal() == "Nothing was imported: there are no rows to import."


def test_dates_excel_turned_into_numbers_are_read_as_dates(fresh_programme):
    rows = [
        ["Service Area", "Milestone", "Completion date"],
        ["Customer Contact", "Stage 1", 40179],
    ]
    _, _, plan = plan_for(workbook({"Tracker": rows}), fresh_programme)
    (row,) = plan.rows
    assert row.notes == [
        "Column C (Completion date): Excel had stored this date as the number 40179: read as "
        "1 Jan 2010."
    ]
    csv = b"Service Area,Milestone,Completion date\r\nCustomer Contact,Stage 1,40179\r\n"
    _, _, plan = plan_for(csv, fresh_programme, name="tracker.csv")
    assert "read as 1 Jan 2010" in plan.rows[0].notes[0]


def test_csv_in_windows_1252_is_read_and_said_so(fresh_programme):
    csv = "Service Area;Milestone;Comment\r\nCustomer Contact;Stage 1;Costs £5.8m – challenged\r\n"
    book, _, plan = plan_for(csv.encode("cp1252"), fresh_programme, name="tracker.csv")
    assert book.notes == ["The file is not UTF-8: it was read as Windows-1252 (Western European)."]
    assert plan.rows[0].action == CREATE


def test_csv_in_utf8_with_excels_byte_order_mark_is_read(fresh_programme):
    csv = "\ufeffService Area,Milestone,Comment\r\nCustomer Contact,Stage 1,Costs £5.8m\r\n"
    book = read_book(csv.encode("utf-8"), "tracker.csv")
    assert book.notes == []
    assert book.sheets[0].rows[1].values == ("Customer Contact", "Stage 1", "Costs £5.8m")


def test_the_file_name_never_carries_a_folder():
    book = read_book(TRACKER, "C:\\Users\\me\\..\\tracker.xlsx")
    assert book.file_name == "tracker.xlsx"
    with pytest.raises(SpreadsheetError, match="empty"):
        read_book(b"", "tracker.xlsx")


def test_nothing_is_created_for_a_refused_file_through_the_command(tmp_path, agma):
    path = tmp_path / "tracker.xlsx"
    path.write_bytes(formula_workbook(cached=False))
    count = Milestone.objects.count()
    with pytest.raises(CommandError, match="Nothing was imported: 1 problem to put right"):
        call_command("import_tracker", str(path), programme=agma.slug, stdout=io.StringIO())
    assert Milestone.objects.count() == count
