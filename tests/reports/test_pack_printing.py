"""Issuing a pack prints it outside any database transaction, then keeps it in a short one only
if nothing it shows changed meanwhile: a change saved while it prints is printed too, never
left out of a pack whose snapshot says otherwise."""

import json
from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.db import connection

from milestones.models import Milestone
from milestones.services import milestone_edit
from programmes.models import Meeting, Programme, ServiceArea
from reports import services
from reports.models import IssuedPack

from .conftest import read_pdf
from .test_packs import AGMA, issue

pytestmark = pytest.mark.django_db


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
def printing(monkeypatch):
    """Each printing of a PDF, with the transactions open while it printed; ``during`` is run
    as each printing starts (another user saving a change)."""
    real = services.render_pdf
    calls = []

    def render(report):
        calls.append(len(connection.atomic_blocks))
        if printing.during:
            printing.during(len(calls))
        return real(report)

    printing.during = None
    printing.calls = calls
    monkeypatch.setattr(services, "render_pdf", render)
    return printing


def stored(pack, which) -> bytes:
    with default_storage.open(getattr(pack, which).name, "rb") as file:
        return file.read()


def rename(milestone, title):
    milestone.refresh_from_db()
    milestone_edit(milestone=milestone, opened_version=milestone.version, changes={"title": title})


def test_the_pdf_is_printed_outside_any_transaction(printing, programme, area, meeting, manager):
    around = len(connection.atomic_blocks)  # the test's own
    pack = issue(programme, area, meeting, manager)
    assert printing.calls == [around]
    assert IssuedPack.objects.get() == pack


def test_a_change_saved_while_the_pack_prints_is_in_the_pack(
    printing, programme, area, meeting, manager
):
    milestone = Milestone.objects.filter(service_area=area).order_by("order").first()
    printing.during = lambda n: (
        rename(milestone, "Ledger moved to the shared service") if n == 1 else None
    )
    pack = issue(programme, area, meeting, manager)
    assert len(printing.calls) == 2  # printed again from the new records
    snapshot = json.loads(stored(pack, "snapshot"))
    assert "Ledger moved to the shared service" in json.dumps(snapshot)
    assert "Ledger moved to the shared service" in read_pdf(stored(pack, "pdf")).text


def test_records_that_keep_changing_are_not_issued(printing, programme, area, meeting, manager):
    milestone = Milestone.objects.filter(service_area=area).order_by("order").first()
    printing.during = lambda n: rename(milestone, f"Renamed {n} times")
    try:
        before = set(default_storage.listdir(f"{services.PACK_DIRECTORY}/{programme.slug}/2010")[1])
    except FileNotFoundError:
        before = set()
    with pytest.raises(ValidationError, match="kept changing while the pack was printed"):
        issue(programme, area, meeting, manager)
    assert len(printing.calls) == services.ATTEMPTS
    assert not IssuedPack.objects.exists()
    try:
        after = set(default_storage.listdir(f"{services.PACK_DIRECTORY}/{programme.slug}/2010")[1])
    except FileNotFoundError:
        after = set()
    assert after == before
