"""The list pages and the overview lead to the Excel downloads and, for managers, the import."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

WIGAN = "wigan-support-services-review"


def test_a_filtered_list_offers_its_own_rows_as_excel(reader_client):
    url = reverse("registers:risks", kwargs={"programme": WIGAN})
    html = reader_client.get(url, {"rag": "red"}).content.decode()
    export = reverse("spreadsheets:export", kwargs={"programme": WIGAN, "kind": "risks"})
    assert f'href="{export}?rag=red">Download risks as Excel (filtered)</a>' in html
    response = reader_client.get(f"{export}?rag=red")
    assert response.status_code == 200
    assert response["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )


@pytest.mark.parametrize("kind", ["milestones", "savings", "budget", "actions", "meetings"])
def test_every_list_page_has_its_download(reader_client, kind):
    page = {"milestones": "milestones", "savings": "savings", "budget": "budget"}.get(kind, kind)
    html = reader_client.get(reverse(f"registers:{page}", kwargs={"programme": WIGAN}))
    export = reverse("spreadsheets:export", kwargs={"programme": WIGAN, "kind": kind})
    assert f'href="{export}">Download {kind} as Excel</a>' in html.content.decode()


def test_only_managers_are_offered_the_import(manager_client, reader_client):
    overview = reverse("programmes:overview", kwargs={"programme": WIGAN})
    manager = manager_client.get(overview).content.decode()
    reader = reader_client.get(overview).content.decode()
    assert "Download the whole programme as an Excel workbook" in manager
    assert "Download the whole programme as an Excel workbook" in reader
    assert "Import a spreadsheet" in manager and "Import a spreadsheet" not in reader
    import_url = reverse("spreadsheets:import", kwargs={"programme": WIGAN})
    assert reader_client.get(import_url).status_code == 403
