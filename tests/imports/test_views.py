"""The web import and the downloads: who may do what, and a manager's whole journey from a
council's tracker to milestones with their slippage on the service-area pages."""

import hashlib
import re
from collections import Counter

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from milestones.models import Milestone
from programmes.models import ImportRecord, Person, ServiceArea
from tests.imports.conftest import (
    AGMA,
    SEED_000_HEADINGS,
    WIGAN,
    page_text,
    seed_000_rows,
    snapshot,
    stored_uploads,
    workbook,
)

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.imports.urls")]

TRACKER = workbook(
    {"Tracker": [SEED_000_HEADINGS, ["Customer Contact", "Stage 1", "", "March '09", "Begun."]]}
)


def url(name: str, **kwargs) -> str:
    return reverse(f"spreadsheets:{name}", kwargs=kwargs)


def upload(client, slug: str, data: bytes = TRACKER, name: str = "tracker.xlsx", **fields):
    return client.post(
        url("import", programme=slug), {"file": SimpleUploadedFile(name, data), **fields}
    )


def token_of(response) -> str:
    return re.search(r"/import/([0-9a-f]+)/", response["Location"]).group(1)


def form_fields(response) -> dict:
    """What a browser would post back from the page's selects: each one's chosen option."""
    html = response.content.decode()
    chosen = {}
    for name, options in re.findall(r'<select name="([^"]+)"[^>]*>(.*?)</select>', html, re.S):
        selected = re.search(r'<option value="([^"]*)" selected', options)
        chosen[name] = selected.group(1) if selected else ""
    return chosen


# --- who may do what ---------------------------------------------------------------------------


def test_signing_in_is_needed(client):
    for address in (
        url("import", programme=AGMA),
        url("export", programme=AGMA, kind="milestones"),
        url("workbook", programme=AGMA),
    ):
        response = client.get(address)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_readers_may_download_what_they_can_see_but_not_import(reader_client):
    assert reader_client.get(url("export", programme=AGMA, kind="risks")).status_code == 200
    assert reader_client.get(url("workbook", programme=WIGAN)).status_code == 200
    before = snapshot()
    assert reader_client.get(url("import", programme=AGMA)).status_code == 403
    assert upload(reader_client, AGMA).status_code == 403
    assert reader_client.get(url("import-history", programme=AGMA)).status_code == 403
    assert snapshot() == before and stored_uploads() == []


def test_a_champion_downloads_their_programme_but_not_another_and_imports_nothing(
    champion_client,
):
    assert champion_client.get(url("export", programme=AGMA, kind="milestones")).status_code == 200
    assert champion_client.get(url("export", programme=WIGAN, kind="risks")).status_code == 403
    assert champion_client.get(url("workbook", programme=WIGAN)).status_code == 403
    before = snapshot()
    assert upload(champion_client, AGMA).status_code == 403
    assert snapshot() == before


def test_an_import_in_progress_belongs_to_its_session_and_programme(
    manager_client, django_user_model, agma
):
    token = token_of(upload(manager_client, AGMA))
    assert manager_client.get(url("import-mapping", programme=AGMA, token=token)).status_code == 200
    assert (
        manager_client.get(url("import-mapping", programme=WIGAN, token=token)).status_code == 404
    )
    other = type(manager_client)()
    other.force_login(django_user_model.objects.get(username="manager"))
    assert other.get(url("import-preview", programme=AGMA, token=token)).status_code == 404
    assert (
        manager_client.get(url("import-preview", programme=AGMA, token="0" * 32)).status_code == 404
    )


# --- the journey -------------------------------------------------------------------------------


def test_a_manager_imports_a_seed_000_tracker_and_sees_its_slippage_then_imports_it_again(
    manager_client, fresh_programme
):
    """Upload a tracker laid out like seed 000's table, fix one guessed column, preview,
    commit, see the milestones with their slippage history on the service-area page; the same
    workbook uploaded again reports every row unchanged."""
    slug = fresh_programme.slug
    data = workbook({"Sheet1": seed_000_rows(extra_column=("Lead Officer", "CSG"))})

    response = upload(manager_client, slug, data, "agma-tracker.xlsx")
    assert response.status_code == 302
    token = token_of(response)
    assert len(stored_uploads()) == 2  # the file, and the file as read for the next steps

    # The guessed columns, shown for checking; "Lead Officer" holds a group, not a person.
    mapping_url = url("import-mapping", programme=slug, token=token)
    page = manager_client.get(mapping_url)
    text = page_text(page)
    assert "Column D (Completion Dates)" in text and "“March '09”" in text
    chosen = form_fields(page)
    assert [chosen[f"sheet-0-column_{i}"] for i in range(6)] == [
        "service_area",
        "stage",
        "planned_start",
        "planned_completion",
        "comment",
        "owner",
    ]
    chosen["sheet-0-column_5"] = ""  # leave it out
    response = manager_client.post(mapping_url, chosen)
    assert response.status_code == 302 and response["Location"].endswith("/preview/")

    preview_url = url("import-preview", programme=slug, token=token)
    page = manager_client.get(preview_url)
    text = page_text(page)
    assert "11 to add" in text
    assert 'Service area "Social Transport"' in text and 'Stage "Stage 0-1"' in text
    assert "Nothing was imported: 2 names to match" in text
    assert "Person" not in text  # the left-out column asks about nobody

    names = form_fields(page)
    assert set(names) == {"name_0", "name_1"}
    before = snapshot()
    response = manager_client.post(preview_url, {"name_0": "new", "name_1": "new", "names": "1"})
    assert response.status_code == 302
    assert snapshot() == before  # choosing does not create
    page = manager_client.get(preview_url)
    assert "Import 11 rows" in page_text(page)

    response = manager_client.post(preview_url, {"commit": "1"})
    assert response.status_code == 302
    assert response["Location"] == url("import-history", programme=slug)
    assert stored_uploads() == []
    record = ImportRecord.objects.get(programme=fresh_programme)
    assert (record.file_name, record.created, record.updated, record.unchanged) == (
        "agma-tracker.xlsx",
        11,
        0,
        0,
    )
    assert record.sha256 == hashlib.sha256(data).hexdigest()
    history = page_text(manager_client.get(response["Location"]))
    assert "agma-tracker.xlsx imported: 11 added, 0 updated, 0 unchanged." in history

    finance = ServiceArea.objects.get(programme=fresh_programme, name="Transactional Finance")
    page = page_text(
        manager_client.get(
            reverse("programmes:service-area", kwargs={"programme": slug, "pk": finance.pk})
        )
    )
    assert (
        "Planned completion: Jan 2010, extended to May 2010: imported from agma-tracker.xlsx "
        "(Deadline extended to)" in page
    )
    hr = ServiceArea.objects.get(programme=fresh_programme, name="Transactional HR")
    page = page_text(
        manager_client.get(
            reverse("programmes:service-area", kwargs={"programme": slug, "pk": hr.pk})
        )
    )
    assert "Planned completion: Dec 2009, extended to Mar 2010" in page
    assert "Planned completion: Mar 2010, extended to Jun 2010" in page

    # The same workbook again: every row unchanged.
    token = token_of(upload(manager_client, slug, data, "agma-tracker.xlsx"))
    mapping_url = url("import-mapping", programme=slug, token=token)
    chosen = form_fields(manager_client.get(mapping_url))
    chosen["sheet-0-column_5"] = ""
    manager_client.post(mapping_url, chosen)
    preview_url = url("import-preview", programme=slug, token=token)
    text = page_text(manager_client.get(preview_url))
    assert "0 to add" in text and "0 to update" in text and "11 unchanged" in text
    before = snapshot()
    manager_client.post(preview_url, {"commit": "1"})
    assert snapshot()[:-1] == before[:-1]
    assert ImportRecord.objects.filter(programme=fresh_programme).first().unchanged == 11
    assert Milestone.objects.filter(service_area__programme=fresh_programme).count() == 11


def test_the_preview_lists_each_problem_with_its_sheet_row_and_column(manager_client, agma):
    # ("Blue", complete in a BRAG tracker, is read as Green with a warning; "Purple" is no rating.)
    data = workbook(
        {"Tracker": [["Service Area", "Milestone", "RAG"], ["IT", "Go live", "Purple"]]}
    )
    token = token_of(upload(manager_client, AGMA, data))
    manager_client.post(
        url("import-mapping", programme=AGMA, token=token),
        form_fields(manager_client.get(url("import-mapping", programme=AGMA, token=token))),
    )
    page = manager_client.get(url("import-preview", programme=AGMA, token=token))
    text = page_text(page)
    assert 'Tracker 2 C (RAG) "Purple" is not a RAG status; use one of: Red, Amber, Green.' in text
    before = snapshot()
    response = manager_client.post(
        url("import-preview", programme=AGMA, token=token), {"commit": "1"}
    )
    assert "Nothing was imported: 1 problem to put right." in page_text(response)
    assert snapshot() == before


def test_choosing_the_same_field_for_two_columns_is_refused(manager_client, agma):
    token = token_of(upload(manager_client, AGMA))
    mapping_url = url("import-mapping", programme=AGMA, token=token)
    chosen = form_fields(manager_client.get(mapping_url))
    chosen["sheet-0-column_2"] = "planned_completion"
    response = manager_client.post(mapping_url, chosen)
    assert response.status_code == 200
    assert (
        "Column D (Completion Dates): Planned completion is already chosen for Column C (Start "
        "Dates); leave this column out or choose another field." in page_text(response)
    )


def test_choosing_another_kind_of_record_guesses_the_columns_again(manager_client, agma):
    token = token_of(upload(manager_client, AGMA))
    mapping_url = url("import-mapping", programme=AGMA, token=token)
    chosen = form_fields(manager_client.get(mapping_url))
    chosen["sheet-0-kind"] = "actions"
    response = manager_client.post(mapping_url, chosen)
    assert response.status_code == 302 and response["Location"] == mapping_url
    page = manager_client.get(mapping_url)
    assert form_fields(page)["sheet-0-kind"] == "actions"
    assert "The columns were guessed again for what you chose: check them." in page_text(page)


def test_an_import_refused_at_upload_shows_the_form_again_with_the_reason(manager_client):
    response = upload(manager_client, AGMA, b"%PDF-1.4", "report.xlsx")
    assert response.status_code == 200
    text = page_text(response)
    assert "There is a problem" in text and "This is a PDF, not a spreadsheet." in text


def test_the_preview_warns_of_an_impossible_date_on_its_row(manager_client, agma):
    data = workbook(
        {
            "Tracker": [
                ["Service Area", "Milestone", "Completion Dates"],
                ["IT", "Go live", "Q5 2010"],
            ]
        }
    )
    token = token_of(upload(manager_client, AGMA, data))
    manager_client.post(
        url("import-mapping", programme=AGMA, token=token),
        form_fields(manager_client.get(url("import-mapping", programme=AGMA, token=token))),
    )
    text = page_text(manager_client.get(url("import-preview", programme=AGMA, token=token)))
    assert (
        "Tracker 2 Go live Add Column C (Completion Dates): There is no fifth quarter: quarters "
        "are Q1–Q4. The words are imported as they are, with no date" in text
    )
    # A warning, apart from the errors: the row can still be imported.
    assert "0 errors to put right (they stop the import)" in text
    assert "1 warning to read (they do not stop it)" in text


def test_the_preview_offers_the_programmes_names_from_its_one_reading_of_them(manager_client, agma):
    """Each unknown name is offered the programme's service areas, stages and people, read once
    for the page (the preview's reading, not a second one)."""
    rows = [["Service Area", "Stage", "Milestone", "Owner"], ["Nowhere", "Stage 9", "Go", "Nobody"]]
    token = token_of(upload(manager_client, AGMA, workbook({"Tracker": rows})))
    with CaptureQueriesContext(connection) as queries:
        page = manager_client.get(url("import-preview", programme=AGMA, token=token))
    offered = set(re.findall(r'<option value="match:(\d+)"', page.content.decode()))
    area = ServiceArea.objects.filter(programme=agma).first()
    stage = agma.stages.first()
    person = Person.objects.of_programme(agma).first()
    assert {str(area.pk), str(stage.pk), str(person.pk)} <= offered
    read = (re.match(r'SELECT .*? FROM "(\w+)"', query["sql"]) for query in queries)
    tables = Counter(found[1] for found in read if found)
    assert [
        tables[name]
        for name in ("programmes_servicearea", "programmes_stagedefinition", "programmes_person")
    ] == [1, 1, 1]
