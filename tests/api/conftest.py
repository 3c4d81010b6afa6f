"""API clients that sign in with a personal token, as an integration would, and the seed
programmes and areas the API is read and written on."""

import pytest
from rest_framework.test import APIClient

from api import keys
from api.models import ApiToken
from programmes.models import Programme, ProgrammeAccess
from tests.seed_programmes import WIGAN, agma, other_area, own_area  # noqa: F401


def token_client(user) -> APIClient:
    _, secret = keys.issue(ApiToken, user=user, name="tests", start=keys.TOKEN_START)
    client = APIClient()
    client.default_format = "json"  # as an integration sends its bodies
    client.credentials(HTTP_AUTHORIZATION=f"Token {secret}")
    return client


@pytest.fixture
def api_as(db, django_user_model):
    """``api_as("manager")``: an API client using a token of that demo user's."""

    def make(username):
        return token_client(django_user_model.objects.get(username=username))

    return make


@pytest.fixture
def wigan_manager(db, django_user_model):
    """Manages the Wigan programme only: AGMA's records are not theirs to see."""
    user = django_user_model.objects.create_user("wigan.manager", password="x")
    ProgrammeAccess.objects.create(
        programme=Programme.objects.get(slug=WIGAN), user=user, role=ProgrammeAccess.Role.MANAGER
    )
    return user
