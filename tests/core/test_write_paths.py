"""Every way a record is written — the officers' pages, the admin, a spreadsheet import, the
command-line import and the seed loader — moves its version and leaves a history row saying
who made the change, so every other path sees it and the audit history tells it."""

import io
from datetime import date

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from exports import rows as export_rows
from exports import workbook as export
from imports import guessing, importing
from imports.reading import read_book
from milestones.models import Milestone
from programmes.models import Programme, Risk
from tests.imports.conftest import read_back

from .tabs import AdminTab, Tab

pytestmark = pytest.mark.django_db

WIGAN = "wigan-support-services-review"


def stage_0_1():
    return Milestone.objects.get(
        service_area__programme__slug="agma-collaborative-services",
        service_area__name="Transactional HR",
        title="Stage 0-1",
    )


def leadership():
    return Risk.objects.get(programme__slug=WIGAN, title="Leadership")


def latest(record):
    """The version now and the newest history row's version and user."""
    record.refresh_from_db()
    row = record.history.first()
    return record.version, row.version, row.history_user.username if row.history_user else None


def test_the_web_form(champion_client):
    milestone = stage_0_1()
    version = milestone.version
    url = reverse("milestones:edit", kwargs={"pk": milestone.pk})
    assert Tab(champion_client, url).open().save(rag="amber").status_code == 302
    assert latest(milestone) == (version + 1, version + 1, "champion")


def test_the_admin(admin_client_logged_in):
    risk = leadership()
    version = risk.version
    url = reverse("admin:programmes_risk_change", args=[risk.pk])
    assert AdminTab(admin_client_logged_in, url).open().save(rag="red").status_code == 302
    assert latest(risk) == (version + 1, version + 1, "boss")


def exported_risks_with_red_leadership() -> bytes:
    """The Wigan risk register exported, with Leadership's RAG changed to Red in Excel."""
    wigan = Programme.objects.get(slug=WIGAN)
    book = read_back(export.write_list(wigan, "risks", export_rows.risk_rows(wigan)).read())
    sheet = book["Risks"]
    header = [cell.value for cell in sheet[1]]
    title = header.index("Risk") + 1
    row = next(r for r in range(2, sheet.max_row + 1) if sheet.cell(r, title).value == "Leadership")
    sheet.cell(row, header.index("RAG status") + 1).value = "Red"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_the_spreadsheet_import(django_user_model):
    risk = leadership()
    version = risk.version
    wigan = risk.programme
    book = read_book(exported_risks_with_red_leadership(), "risks.xlsx")
    mappings = guessing.guess_book(book, wigan)
    manager = django_user_model.objects.get(username="manager")
    importing.commit(programme=wigan, book=book, mappings=mappings, by=manager)
    assert latest(risk) == (version + 1, version + 1, "manager")
    assert risk.rag == "red"


def test_the_management_command(tmp_path):
    risk = leadership()
    version = risk.version
    path = tmp_path / "risks.xlsx"
    path.write_bytes(exported_risks_with_red_leadership())
    call_command("import_tracker", str(path), programme=WIGAN, user="manager", stdout=io.StringIO())
    assert latest(risk) == (version + 1, version + 1, "manager")


def test_the_seed_loader():
    """A loaded record starts at version 1, its history dated as the report says and made by
    no login (the audit history says "loaded from the seed report"); each slippage the report
    records moves the version on, as an edit does."""
    milestone = stage_0_1()
    rows = list(milestone.history.order_by("history_id"))
    assert [(row.version, row.history_user) for row in rows] == [(1, None), (2, None), (3, None)]
    assert (rows[0].history_type, milestone.version) == ("+", 3)
    first = rows[0]
    assert timezone.localtime(first.history_date).date() == date(2010, 3, 31)  # AGMA's as_at
