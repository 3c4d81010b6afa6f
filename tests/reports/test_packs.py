"""Issued packs are records: the PDF and the data are frozen with their SHA-256 when issued,
download byte for byte forever, cannot be changed or deleted, and a later pack's summary of
changes names what changed since the earlier one."""

import hashlib
import json
from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.urls import reverse

from core.fuzzydates import parse
from milestones.models import Milestone
from milestones.services import milestone_reschedule
from programmes.models import Meeting, Programme, ServiceArea
from reports.kinds import get_kind
from reports.models import IssuedPack, IssuedPackFrozen
from reports.options import ReportOptions
from reports.services import pack_issue

from .conftest import read_pdf

pytestmark = pytest.mark.django_db

AGMA = "agma-collaborative-services"


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


def issue(programme, area, meeting, manager, **options):
    return pack_issue(
        programme=programme,
        kind=get_kind("milestones"),
        options=ReportOptions(as_at=date(2010, 3, 31), area_ids=(area.pk,), **options),
        meeting=meeting,
        by=manager,
        early_meeting_confirmed=True,  # the meeting of 10 March takes the report as at 31 March
    )


def download(client, pack, name="reports:pack-pdf"):
    response = client.get(reverse(name, args=[pack.programme.slug, pack.pk]))
    assert response.status_code == 200
    return response.content


def test_issue_edit_issue_again(manager_client, programme, area, meeting, manager):
    """The issue's "done when": the second pack names the change, the first is unchanged."""
    first = issue(programme, area, meeting, manager)
    first_bytes = download(manager_client, first)
    assert hashlib.sha256(first_bytes).hexdigest() == first.sha256
    assert first.size == len(first_bytes)
    assert first.pdf.name.startswith(f"issued-packs/{AGMA}/")
    first_text = read_pdf(first_bytes).text
    assert "Issued to CSG 10 March 2010 on " in first_text
    assert "by Demo Manager" in first_text
    assert "Draft, not issued" not in first_text

    milestone = Milestone.objects.get(service_area=area, title="Stage 1")
    milestone_reschedule(
        milestone=milestone,
        field="planned_completion",
        new=parse("September 2010"),
        reason="Workshops moved after the elections",
        by=manager,
    )

    again = download(manager_client, first)
    assert again == first_bytes
    first.refresh_from_db()
    assert hashlib.sha256(again).hexdigest() == first.sha256

    second = issue(
        programme,
        area,
        meeting,
        manager,
        since=first.issued_at,
        since_label="the pack issued to CSG",
        since_pack_id=first.pk,
    )
    second_text = read_pdf(download(manager_client, second)).text
    assert "What has changed since the pack issued to CSG" in second_text
    assert "Milestones that slipped" in second_text
    assert (
        "Stage 1 (Transactional Finance): completion May 2010, extended to Sep 2010" in second_text
    )
    assert "Reason: Workshops moved after the elections." in second_text
    assert "Stage 1 Slipped" in second_text
    assert "May 2010, extended to Sep 2010" in second_text
    assert second.since_pack == first

    snapshot = json.loads(download(manager_client, second, "reports:pack-data"))
    moves = snapshot["changes"]["date_moves"]
    assert [(m["title"], m["direction"], m["reasons"]) for m in moves] == [
        ("Stage 1", "later", ["Workshops moved after the elections"])
    ]
    first_snapshot = json.loads(download(manager_client, first, "reports:pack-data"))
    assert first_snapshot["changes"] is None
    assert download(manager_client, first) == first_bytes


def test_packs_cannot_be_changed_or_deleted(programme, area, meeting, manager):
    pack = issue(programme, area, meeting, manager)
    pack.title = "Something else"
    with pytest.raises(IssuedPackFrozen):
        pack.save()
    with pytest.raises(IssuedPackFrozen):
        pack.delete()
    with pytest.raises(IssuedPackFrozen):
        IssuedPack.objects.filter(pk=pack.pk).update(title="Something else")
    with pytest.raises(IssuedPackFrozen):
        IssuedPack.objects.filter(pk=pack.pk).delete()
    assert IssuedPack.objects.get(pk=pack.pk).title == "Milestones Report March 2010"


def test_the_admin_shows_packs_read_only(admin_client_logged_in, programme, area, meeting, manager):
    pack = issue(programme, area, meeting, manager)
    change = reverse("admin:reports_issuedpack_change", args=[pack.pk])
    response = admin_client_logged_in.get(change)
    assert response.status_code == 200
    assert b'name="_save"' not in response.content
    delete = reverse("admin:reports_issuedpack_delete", args=[pack.pk])
    assert admin_client_logged_in.post(delete, {"post": "yes"}).status_code == 403
    assert admin_client_logged_in.get(reverse("admin:reports_issuedpack_add")).status_code == 403
    assert IssuedPack.objects.filter(pk=pack.pk).exists()


def test_a_tampered_file_is_not_served(client, manager_client, programme, area, meeting, manager):
    pack = issue(programme, area, meeting, manager)
    default_storage.delete(pack.pdf.name)
    default_storage.save(pack.pdf.name, ContentFile(b"%PDF-1.7 forged"))
    response = manager_client.get(reverse("reports:pack-pdf", args=[AGMA, pack.pk]))
    assert response.status_code == 500
    assert b"does not match the fingerprint" in response.content
    assert b"forged" not in response.content


def test_issuing_through_the_page(manager_client, programme, area, meeting):
    url = reverse("reports:issue", args=[AGMA, "milestones"])
    response = manager_client.post(
        url,
        {
            "as_at": "31/03/2010",
            "areas": [area.pk],
            "meeting": meeting.pk,
            "confirmed": "yes",
            "early_meeting": "yes",
        },
    )
    pack = IssuedPack.objects.get(programme=programme)
    assert response.status_code == 302
    assert response["Location"] == pack.get_absolute_url()
    assert pack.meeting == meeting
    assert pack.options["service_areas"] == [area.pk]
    assert pack.issued_by.username == "manager"
    assert pack.issued_by_name == "Demo Manager"

    page = manager_client.get(pack.get_absolute_url())
    assert pack.sha256.encode() in page.content
    listing = manager_client.get(reverse("reports:meeting-packs", args=[AGMA, meeting.pk]))
    assert pack.title.encode() in listing.content
    index = manager_client.get(reverse("reports:index", args=[AGMA]))
    assert pack.title.encode() in index.content


def test_only_managers_issue(reader_client, champion_client, programme, area, meeting):
    url = reverse("reports:issue", args=[AGMA, "milestones"])
    data = {"as_at": "31/03/2010", "areas": [area.pk], "meeting": meeting.pk}
    assert reader_client.post(url, data).status_code == 403
    assert champion_client.post(url, data).status_code == 403
    assert not IssuedPack.objects.exists()


def test_issuing_needs_a_meeting_of_the_programme(manager_client, area):
    other = Meeting.objects.exclude(body__programme__slug=AGMA).first()
    url = reverse("reports:issue", args=[AGMA, "milestones"])
    response = manager_client.post(url, {"areas": [area.pk], "meeting": other.pk})
    assert response.status_code == 400
    assert not IssuedPack.objects.exists()


def test_readers_download_issued_packs(reader_client, programme, area, meeting, manager):
    pack = issue(programme, area, meeting, manager)
    assert download(reader_client, pack) == default_storage.open(pack.pdf.name).read()


def test_the_issue_form_carries_the_options_shown(manager_client, area):
    url = reverse("reports:preview", args=[AGMA, "milestones"])
    response = manager_client.get(url, {"as_at": "31/03/2010", "areas": area.pk})
    carried = response.context["carried"]
    assert ("as_at", "31/03/2010") in carried
    assert ("areas", str(area.pk)) in carried
    assert f'<input type="hidden" name="areas" value="{area.pk}">'.encode() in response.content
