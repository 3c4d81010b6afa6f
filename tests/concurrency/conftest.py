"""Several clients saving at once, each in its own thread with its own database connection, on
the suite's database (a file for SQLite, so that its locking is the real one; PostgreSQL when
DATABASE_URL names one).

Their data must be committed for the other connections to see it, so these tests use
``transaction=True``, after which pytest-django empties the database: like the browser tests
they run after every other test, and make their own records."""

import threading

import pytest
from django.db import connections
from django.test import Client

from milestones.models import ReportingPeriod
from programmes.models import ProgrammeAccess
from tests.factories import MilestoneFactory, ServiceAreaFactory


def pytest_collection_modifyitems(session, config, items):
    here = [item for item in items if "tests/concurrency/" in str(item.fspath)]
    items[:] = [item for item in items if item not in here] + here


def at_once(actions) -> list:
    """Run each action in its own thread, all released together; return what each returned,
    or the exception it raised (a view's error reaches the test client as an exception)."""
    start = threading.Barrier(len(actions))
    results = [None] * len(actions)

    def run(index, action):
        try:
            start.wait()
            results[index] = action()
        except Exception as error:  # reported to the test as its result, never swallowed
            results[index] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i, a)) for i, a in enumerate(actions)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return results


@pytest.fixture
def programme_office(django_user_model):
    """A programme with one service area, a reporting period and ``make_managers(n)`` logins
    who may edit everything in it, each signed in on a client of their own."""
    area = ServiceAreaFactory(name="Transactional HR")
    period = ReportingPeriod.objects.create(
        programme=area.programme, label="March 2010", start="2010-03-01", end="2010-03-31"
    )

    def make_managers(count: int) -> list[Client]:
        clients = []
        for number in range(count):
            user = django_user_model.objects.create_user(
                f"officer{number}", first_name="Officer", last_name=str(number)
            )
            ProgrammeAccess.objects.create(
                programme=area.programme, user=user, role=ProgrammeAccess.Role.MANAGER
            )
            client = Client()
            client.force_login(user)
            clients.append(client)
        return clients

    class Office:
        pass

    office = Office()
    office.area, office.period, office.make_managers = area, period, make_managers
    office.milestones = lambda n: [MilestoneFactory(service_area=area) for _ in range(n)]
    return office
