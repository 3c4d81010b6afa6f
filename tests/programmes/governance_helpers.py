"""What the governance tests share: the addresses of the governance pages, and the roles
that may and may not keep a programme's governance."""

import pytest
from django.urls import reverse

from programmes.models import ProgrammeAccess
from tests.conftest import signed_in
from tests.factories import ProgrammeFactory
from tests.seed_programmes import AGMA


def page(name, slug=AGMA, **kwargs) -> str:
    return reverse(f"registers:{name}", kwargs={"programme": slug, **kwargs})


@pytest.fixture
def other_manager_client(db, django_user_model):
    """The manager of another programme, who has not been given access to the seed ones."""
    user = django_user_model.objects.create_user("elsewhere", password="pw")
    ProgrammeAccess.objects.create(
        programme=ProgrammeFactory(), user=user, role=ProgrammeAccess.Role.MANAGER
    )
    return signed_in(django_user_model, "elsewhere")


@pytest.fixture
def refused_clients(champion_client, reader_client, other_manager_client):
    """Everyone who may see (or not) a seed programme but not keep its governance."""
    return {
        "champion": champion_client,
        "reader": reader_client,
        "other programme's manager": other_manager_client,
    }
