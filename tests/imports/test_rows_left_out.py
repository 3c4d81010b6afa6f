"""Commit what is right, show what is not: errors apart from warnings in the preview; "import
the rows that are right and list the others", recorded on the import and downloadable; our own
whole-programme export re-imported in the browser."""

import io

import pytest
from openpyxl import load_workbook

from exports import workbook as export
from milestones.models import Milestone
from programmes.models import ImportRecord
from tests.imports.conftest import AGMA, page_text, workbook
from tests.imports.test_views import form_fields, token_of, upload, url

pytestmark = pytest.mark.django_db

MIXED = workbook(
    {
        "Tracker": [
            ["Service Area", "Milestone", "Completion date", "Status"],
            ["VPMM", "Go live", "March 2011", "On target"],
            ["VPMM", "Bad status", "April 2011", "Bananas"],
            ["VPMM", "Train staff", "May 2011", "Not yet commenced"],
        ]
    }
)


def test_the_rows_that_are_right_are_imported_and_the_others_listed(manager_client, agma):
    token = token_of(upload(manager_client, AGMA, MIXED))
    mapping_url = url("import-mapping", programme=AGMA, token=token)
    manager_client.post(mapping_url, form_fields(manager_client.get(mapping_url)))
    preview_url = url("import-preview", programme=AGMA, token=token)
    text = page_text(manager_client.get(preview_url))
    assert "1 error to put right (they stop the import)" in text
    assert '"On target" is read as In progress.' in text
    assert "Import the rows that are right and list the others" in text

    before = Milestone.objects.count()
    response = manager_client.post(preview_url, {"partial": "1"})
    assert response.status_code == 302
    assert Milestone.objects.count() == before + 2
    record = ImportRecord.objects.get(programme=agma)
    assert (record.created, len(record.left_out)) == (2, 1)
    assert record.left_out[0]["row"] == 3

    history = page_text(manager_client.get(response["Location"]))
    assert "1 — download the rows left out" in history
    download = manager_client.get(url("import-left-out", programme=AGMA, pk=record.pk))
    sheet = load_workbook(io.BytesIO(b"".join(download.streaming_content)))["Tracker"]
    rows = list(sheet.values)
    assert rows[0] == (
        "Service Area",
        "Milestone",
        "Completion date",
        "Status",
        "Why it was left out",
    )
    assert rows[1][:4] == ("VPMM", "Bad status", "April 2011", "Bananas")
    assert rows[1][4].startswith('"Bananas" is not a status')


def test_our_whole_programme_export_re_imports_in_the_browser(manager_client, agma):
    data = export.write_programme(agma).read()
    token = token_of(upload(manager_client, AGMA, data, "agma.xlsx"))
    mapping_url = url("import-mapping", programme=AGMA, token=token)
    chosen = form_fields(manager_client.get(mapping_url))
    assert chosen["sheet-4-kind"] == ""  # "Savings by financial year": Leave this sheet out
    response = manager_client.post(mapping_url, chosen)
    assert response.status_code == 302 and response["Location"].endswith("/preview/")
    preview_url = url("import-preview", programme=AGMA, token=token)
    assert "0 to add" in page_text(manager_client.get(preview_url))
    response = manager_client.post(preview_url, {"commit": "1"})
    assert response.status_code == 302
    record = ImportRecord.objects.get(programme=agma)
    assert (record.created, record.updated) == (0, 0) and record.unchanged > 0
