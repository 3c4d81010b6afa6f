import pytest
from django.core.management import call_command
from django.test import Client


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Every test database holds the five seed programmes and the demo accounts (manager,
    champion, reader, admin), loaded once per session; each test runs in a transaction that is
    rolled back, so they are the same for every test."""
    with django_db_blocker.unblock():
        call_command("load_seed_programmes", "--demo-users", verbosity=0)


def signed_in(django_user_model, username) -> Client:
    """A client of its own (so several roles can act in one test), signed in as ``username``."""
    client = Client()
    client.force_login(django_user_model.objects.get(username=username))
    return client


@pytest.fixture
def manager_client(db, django_user_model):
    """Programme manager of every seed programme."""
    return signed_in(django_user_model, "manager")


@pytest.fixture
def champion_client(db, django_user_model):
    """Phil Badley, champion of Transactional HR in the AGMA programme, and nothing else."""
    return signed_in(django_user_model, "champion")


@pytest.fixture
def reader_client(db, django_user_model):
    """Reader of every seed programme: sees everything, edits nothing."""
    return signed_in(django_user_model, "reader")


@pytest.fixture
def admin_client_logged_in(db, django_user_model):
    django_user_model.objects.create_superuser("boss", "boss@example.org", "pw")
    return signed_in(django_user_model, "boss")
