"""What the governance tests share: the addresses of the governance pages, and the roles
that may and may not keep a programme's governance."""

import pytest
from django.urls import reverse

from tests.seed_programmes import AGMA


def page(name, slug=AGMA, **kwargs) -> str:
    return reverse(f"registers:{name}", kwargs={"programme": slug, **kwargs})


@pytest.fixture
def refused_clients(champion_client, reader_client, other_manager_client):
    """Everyone who may see (or not) a seed programme but not keep its governance."""
    return {
        "champion": champion_client,
        "reader": reader_client,
        "other programme's manager": other_manager_client,
    }
