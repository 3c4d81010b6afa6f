"""Personal API tokens: made and revoked on the user's own page, shown once, stored as a hash,
used as ``Token`` or ``Bearer``; the session works too, with its CSRF check."""

import re

from django.test import Client
from rest_framework.test import APIClient

from api import keys
from api.models import ApiToken
from tests.helpers import text_of


def make_token(client, name="Power BI") -> str:
    page = client.post("/accounts/api-tokens/", {"name": name})
    assert page.status_code == 200
    return re.search(r'value="(mt_[^"]+)"', page.content.decode()).group(1)


def test_a_token_is_shown_once_and_kept_only_as_a_hash(manager_client):
    secret = make_token(manager_client)
    token = ApiToken.objects.get(name="Power BI")
    assert token.key_hash == keys.digest(secret)
    assert secret not in str(ApiToken.objects.values_list().get(pk=token.pk))
    again = text_of(manager_client.get("/accounts/api-tokens/"))
    assert secret not in again
    assert token.prefix in again
    assert "Power BI" in again and "Never" in again


def test_a_token_works_as_token_or_bearer_until_revoked(manager_client):
    secret = make_token(manager_client)
    api = APIClient()
    for keyword in ("Token", "Bearer"):
        api.credentials(HTTP_AUTHORIZATION=f"{keyword} {secret}")
        assert api.get("/api/programmes/").status_code == 200
    token = ApiToken.objects.get(name="Power BI")
    assert token.history.first().history_user.username == "manager"
    page = manager_client.post(f"/accounts/api-tokens/{token.pk}/revoke/", follow=True)
    assert "Revoked “Power BI”: it no longer works." in text_of(page)
    refused = api.get("/api/programmes/")
    assert refused.status_code == 401
    assert "revoked" in refused.json()["detail"]


def test_nobody_revokes_someone_elses_token(manager_client, reader_client):
    make_token(manager_client)
    token = ApiToken.objects.get(name="Power BI")
    assert reader_client.post(f"/accounts/api-tokens/{token.pk}/revoke/").status_code == 404
    token.refresh_from_db()
    assert not token.is_revoked


def test_without_credentials_the_api_answers_401(db):
    response = APIClient().get("/api/milestones/")
    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == "Token"


def test_the_session_works_and_a_write_needs_its_csrf_token(db, django_user_model, own_area):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(django_user_model.objects.get(username="manager"))
    assert browser.get("/api/milestones/", {"service_area": own_area.pk}).status_code == 200
    milestone = own_area.milestones.first()
    response = browser.patch(
        f"/api/milestones/{milestone.pk}/",
        {"comment": "x", "version": milestone.version},
        content_type="application/json",
    )
    assert response.status_code == 403
    assert "CSRF" in response.json()["detail"]
