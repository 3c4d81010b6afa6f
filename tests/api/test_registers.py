"""Risks and savings through the API: the pages' rights and the records' rules."""

from programmes.models import Risk, SavingsLine
from tests.api.conftest import token_client


def test_a_champion_adds_a_risk_to_their_own_area_only(api_as, agma, own_area, other_area):
    client = api_as("champion")
    data = {"programme": agma.slug, "title": "Payroll staff leaving", "likelihood": 2}
    ok = client.post("/api/risks/", {**data, "service_area": own_area.pk}, format="json")
    assert ok.status_code == 201, ok.json()
    assert ok.json()["likelihood_words"]
    risk = Risk.objects.get(pk=ok.json()["id"])
    assert risk.history.first().history_user.username == "champion"
    refused = client.post("/api/risks/", {**data, "service_area": other_area.pk}, format="json")
    assert refused.status_code == 403
    whole = client.post("/api/risks/", data, format="json")
    assert whole.status_code == 403


def test_savings_read_as_recorded_and_a_stale_change_is_refused(api_as, wigan_manager):
    line = SavingsLine.objects.filter(programme__slug="wigan-support-services-review").first()
    client = token_client(wigan_manager)
    body = client.get(f"/api/savings/{line.pk}/").json()
    assert body["target"] == (f"{line.target:.2f}" if line.target is not None else None)
    assert body["financial_year_label"] == line.financial_year_label
    url = f"/api/savings/{line.pk}/"
    saved = client.patch(url, {"achieved": "1250000.00", "version": line.version}, format="json")
    assert saved.status_code == 200
    stale = client.patch(url, {"note": "late", "version": line.version}, format="json")
    assert stale.status_code == 409
    assert stale.json()["changed_fields"] == ["achieved"]
    line.refresh_from_db()
    assert line.note != "late"


def test_a_reader_cannot_add_a_risk(api_as, agma):
    response = api_as("reader").post(
        "/api/risks/", {"programme": agma.slug, "title": "x"}, format="json"
    )
    assert response.status_code == 403
    assert not Risk.objects.filter(title="x").exists()


def test_another_programmes_records_are_not_there(wigan_manager, agma):
    client = token_client(wigan_manager)
    response = client.post("/api/risks/", {"programme": agma.slug, "title": "x"}, format="json")
    assert response.status_code == 400
    assert "programme" in response.json()


def test_a_risk_reads_and_keeps_its_levels_in_the_councils_own_words(wigan_manager):
    risk = Risk.objects.filter(
        programme__slug="wigan-support-services-review", likelihood_as_written__gt=""
    ).first()
    client = token_client(wigan_manager)
    url = f"/api/risks/{risk.pk}/"
    body = client.get(url).json()
    assert body["likelihood_as_written"] == risk.likelihood_as_written
    saved = client.patch(
        url, {"impact_as_written": "Moderate", "version": risk.version}, format="json"
    )
    assert saved.status_code == 200, saved.json()
    risk.refresh_from_db()
    assert risk.impact_as_written == "Moderate"
    assert risk.history.first().history_user == wigan_manager
