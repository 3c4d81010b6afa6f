"""The people and steps of the period's update cycle, on the AGMA seed programme (March 2010,
which has no updates yet): Phil Badley (``champion``) writes Transactional HR's update, the
demo ``manager`` reviews it. The conftests of the apps whose tests run the cycle import these."""

import pytest
from django.contrib.auth import get_user_model

from milestones import cycle
from milestones.models import Milestone, ProgressUpdate
from programmes.models import Programme, ProgrammeAccess, ServiceArea, ServiceAreaRole
from tests.factories import PersonFactory

AGMA = "agma-collaborative-services"


def user(username: str):
    return get_user_model().objects.get(username=username)


@pytest.fixture
def hr(db) -> ServiceArea:
    return ServiceArea.objects.select_related("programme").get(
        programme__slug=AGMA, name="Transactional HR"
    )


@pytest.fixture
def march(hr):
    return hr.programme.reporting_periods.get(label="March 2010")


@pytest.fixture
def stage_0_1(hr) -> Milestone:
    return Milestone.objects.get(service_area=hr, title="Stage 0-1")


def make_manager(username: str, programme: Programme, *, named_on: ServiceArea | None = None):
    """A new login managing ``programme`` (and, with ``named_on``, champion of that area)."""
    login = get_user_model().objects.create_user(username, f"{username}@example.gov.uk", "pw")
    login.first_name, login.last_name = username.capitalize(), "Officer"
    login.save()
    ProgrammeAccess.objects.create(
        programme=programme, user=login, role=ProgrammeAccess.Role.MANAGER
    )
    if named_on is not None:
        person = PersonFactory(name=f"{username.capitalize()} Officer", user=login)
        ServiceAreaRole.objects.create(
            service_area=named_on, person=person, role=ServiceAreaRole.Role.CHAMPION
        )
    return login


@pytest.fixture
def second_manager(hr):
    return make_manager("deputy", hr.programme)


@pytest.fixture
def manager_champion(hr):
    """A manager of the programme who is also named champion of Transactional HR."""
    return make_manager("both", hr.programme, named_on=hr)


def seen(area, period, milestone=None) -> int | None:
    """The version of a part the writer sees when they open the page (None: none yet)."""
    part = ProgressUpdate.objects.filter(
        service_area=area, period=period, milestone=milestone
    ).first()
    return part.version if part else None


def write(area, period, by, text="Workshops booked.", *, milestones=None, **kwargs):
    """Save (or, with ``submit=True``, submit) the area's update as the page would: the area's
    text, and ``milestones`` {milestone: (comment, rag)}."""
    parts = [cycle.Part(None, text, "", seen(area, period))]
    for milestone, (comment, rag) in (milestones or {}).items():
        parts.append(cycle.Part(milestone, comment, rag, seen(area, period, milestone)))
    return cycle.update_save(service_area=area, period=period, parts=parts, by=by, **kwargs)


def submitted(area, period, by=None, **kwargs):
    return write(area, period, by or user("champion"), submit=True, **kwargs)


def accept(record, by=None, comment=""):
    record.refresh_from_db()
    cycle.update_accept(
        record=record, opened_version=record.version, comment=comment, by=by or user("manager")
    )
    record.refresh_from_db()


def send_back(record, comment="Say what slipped.", by=None):
    record.refresh_from_db()
    cycle.update_return(
        record=record, opened_version=record.version, comment=comment, by=by or user("manager")
    )
    record.refresh_from_db()
