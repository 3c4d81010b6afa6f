"""Open data: nothing public until a manager chooses it in the browser; then milestones and
savings by financial year as CSV and JSON at a public address, with the columns documented."""

import csv
import io
import json

from django.test import Client

from api.models import Publication
from tests.helpers import text_of

WIGAN = "wigan-support-services-review"


def publish(client, **choices):
    data = {"licence": "Open Government Licence v3.0", **choices}
    publication = Publication.objects.filter(programme__slug=WIGAN).first()
    if publication:
        data["version"] = publication.version
    return client.post(f"/programmes/{WIGAN}/open-data/", data, follow=True)


def test_nothing_is_public_until_a_manager_publishes_it(manager_client):
    public = Client()
    assert public.get(f"/open-data/{WIGAN}/milestones.csv").status_code == 404
    page = publish(manager_client, milestones="on")
    assert "Saved what the programme publishes." in text_of(page)
    assert f"/open-data/{WIGAN}/milestones.csv" in text_of(page)
    publication = Publication.objects.get(programme__slug=WIGAN)
    assert publication.history.first().history_user.username == "manager"
    response = public.get(f"/open-data/{WIGAN}/milestones.csv")
    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert rows and {"title", "planned_completion_latest", "slipped"} <= set(rows[0])
    assert "owner" not in rows[0] and "comment" not in rows[0]
    assert public.get(f"/open-data/{WIGAN}/savings.json").status_code == 404


def test_savings_by_financial_year_as_json_with_its_columns(manager_client):
    publish(manager_client, savings="on")
    body = json.loads(Client().get(f"/open-data/{WIGAN}/savings.json").content)
    assert body["licence"] == "Open Government Licence v3.0"
    assert [column["name"] for column in body["columns"]] == [
        "financial_year",
        "kind",
        "target",
        "forecast",
        "achieved",
        "shortfall",
    ]
    years = [row["financial_year"] for row in body["rows"]]
    assert years == sorted(years) and all("/" in year for year in years)


def test_a_reader_sees_the_addresses_but_cannot_change_the_choice(manager_client, reader_client):
    publish(manager_client, milestones="on")
    page = reader_client.get(f"/programmes/{WIGAN}/open-data/")
    assert f"/open-data/{WIGAN}/milestones.csv" in text_of(page)
    assert "Choose what it publishes" not in text_of(page)
    refused = reader_client.post(f"/programmes/{WIGAN}/open-data/", {"savings": "on"})
    assert refused.status_code == 403
    assert not Publication.objects.get(programme__slug=WIGAN).savings


def test_a_formula_in_a_title_is_written_as_text(manager_client):
    from milestones.models import Milestone

    milestone = Milestone.objects.filter(service_area__programme__slug=WIGAN).first()
    Milestone.objects.filter(pk=milestone.pk).update(title='=HYPERLINK("x")')
    publish(manager_client, milestones="on")
    text = Client().get(f"/open-data/{WIGAN}/milestones.csv").content.decode()
    assert "'=HYPERLINK" in text
