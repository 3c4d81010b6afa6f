"""The list pages and the overview lead to the Excel downloads and, for managers, the import."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from programmes.models import Risk

pytestmark = pytest.mark.django_db

WIGAN = "wigan-support-services-review"


def test_a_filtered_list_offers_its_own_rows_as_excel(reader_client):
    url = reverse("registers:risks", kwargs={"programme": WIGAN})
    html = reader_client.get(url, {"rag": "red"}).content.decode()
    export = reverse("spreadsheets:export", kwargs={"programme": WIGAN, "kind": "risks"})
    assert f'href="{export}?rag=red">Download risks as Excel (filtered)</a>' in html
    response = reader_client.get(f"{export}?rag=red")
    book = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    header, *rows = book["Risks"].iter_rows(values_only=True)
    titles = [row[header.index("Risk")] for row in rows]
    red = Risk.objects.filter(programme__slug=WIGAN, rag="red")
    assert sorted(titles) == sorted(red.values_list("title", flat=True))
    assert "Behaviour" in titles and "Leadership" not in titles  # Leadership is amber


@pytest.mark.parametrize(
    ("url_name", "kind"),
    [
        ("milestones:list", "milestones"),
        ("registers:savings", "savings"),
        ("registers:budget", "budget"),
        ("registers:actions", "actions"),
        ("reports:meetings", "meetings"),
    ],
)
def test_every_list_page_has_its_download(reader_client, url_name, kind):
    html = reader_client.get(reverse(url_name, kwargs={"programme": WIGAN}))
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
