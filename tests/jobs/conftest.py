from datetime import date
from unittest import mock

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import override_settings

from programmes.models import Meeting, Programme, ServiceArea

AGMA = "agma-collaborative-services"
DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.backend.DatabaseBackend"}}
REDIS_QUEUE = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}


@pytest.fixture
def programme():
    return Programme.objects.get(slug=AGMA)


@pytest.fixture
def area(programme):
    return ServiceArea.objects.get(programme=programme, name="Transactional Finance")


@pytest.fixture
def meeting(programme):
    return Meeting.objects.get(body__programme=programme, date=date(2010, 3, 10))


@pytest.fixture
def manager():
    return get_user_model().objects.get(username="manager")


@pytest.fixture
def database_queue():
    """Jobs wait in the database for the worker, as on a server. The worker runs in this test's
    thread and transaction: its habit of closing stale connections between tasks would close
    the test's, so that is left out."""
    with (
        override_settings(TASKS=DATABASE_QUEUE),
        mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"),
    ):
        yield


def run_worker(worker_id: str = "test-worker") -> str:
    """What is queued, run by ``manage.py run_worker --batch``; what it printed."""
    from io import StringIO

    out = StringIO()
    call_command("run_worker", "--batch", "--worker-id", worker_id, stdout=out)
    return out.getvalue()
