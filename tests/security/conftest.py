import pytest
from django.test import Client

from tests.conftest import signed_in
from tests.seed_programmes import agma, other_area, own_area, wigan  # noqa: F401

PASSWORD = "correct horse battery staple"


@pytest.fixture
def jane(db, django_user_model):
    """A login with a password, signing in through the pages."""
    return django_user_model.objects.create_user(
        "jane", email="jane@example.gov.uk", password=PASSWORD
    )


@pytest.fixture
def outsider_client(db, django_user_model):
    """Signed in, but given no programme."""
    django_user_model.objects.create_user("outsider", password=PASSWORD)
    return signed_in(django_user_model, "outsider")


def browser(address: str = "203.0.113.7") -> Client:
    """A browser of its own, coming from ``address``."""
    return Client(REMOTE_ADDR=address)
