import pytest
from django.core.management import call_command


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Every test database holds the five seed programmes, loaded once per session; each test
    runs in a transaction that is rolled back, so the seeds are the same for every test."""
    with django_db_blocker.unblock():
        call_command("load_seed_programmes", verbosity=0)


@pytest.fixture
def admin_client_logged_in(client, django_user_model):
    user = django_user_model.objects.create_superuser("boss", "boss@example.org", "pw")
    client.force_login(user)
    return client
