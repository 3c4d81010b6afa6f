"""An issued pack keeps its HTML version beside its PDF and data, with its own SHA-256: the pack
page offers both, both download byte for byte as issued and are checked against their
fingerprints first; packs issued before the HTML version existed keep working."""

import hashlib
from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.urls import reverse

from core.fuzzydates import parse
from milestones.models import Milestone
from milestones.services import milestone_reschedule
from programmes.models import Meeting, Programme, ServiceArea
from reports.models import IssuedPack

from .html_outline import outline
from .test_packs import AGMA, download, issue

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


def test_issued_pack_keeps_its_html_with_its_sha256(
    reader_client, programme, area, meeting, manager
):
    pack = issue(programme, area, meeting, manager)
    assert pack.html.name.startswith(f"issued-packs/{AGMA}/")
    assert pack.html.name.endswith("-milestones-csg.html")

    response = reader_client.get(reverse("reports:pack-html", args=[AGMA, pack.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/html; charset=utf-8"
    assert response["Content-Disposition"] == (
        f'attachment; filename="{AGMA}-milestones-pack-{pack.pk}.html"'
    )
    html = response.content
    assert hashlib.sha256(html).hexdigest() == pack.html_sha256
    page = outline(html.decode())
    assert page.title == "Milestones Report March 2010"
    assert page.headings[0] == (1, "Milestones Report March 2010")
    assert "Transactional Finance" in page.text
    assert "Issued to CSG 10 March 2010 on " in page.text
    assert "by Demo Manager" in page.text
    assert "Draft, not issued" not in page.text
    assert page.outside_fetches() == []

    # Later changes to the programme leave the issued HTML as it was.
    milestone_reschedule(
        milestone=Milestone.objects.get(service_area=area, title="Stage 1"),
        field="planned_completion",
        new=parse("September 2010"),
        reason="Workshops moved after the elections",
        by=manager,
    )
    assert download(reader_client, pack, "reports:pack-html") == html

    detail = reader_client.get(pack.get_absolute_url()).content.decode()
    assert reverse("reports:pack-pdf", args=[AGMA, pack.pk]) in detail
    assert "Download the HTML version" in detail
    assert f"<code>{pack.html_sha256}</code>" in detail
    assert f"<code>{pack.sha256}</code>" in detail
    index = reader_client.get(reverse("reports:index", args=[AGMA])).content.decode()
    assert reverse("reports:pack-html", args=[AGMA, pack.pk]) in index


def test_a_tampered_html_version_is_not_served(manager_client, programme, area, meeting, manager):
    pack = issue(programme, area, meeting, manager)
    default_storage.delete(pack.html.name)
    default_storage.save(pack.html.name, ContentFile(b"<p>forged minutes</p>"))
    response = manager_client.get(reverse("reports:pack-html", args=[AGMA, pack.pk]))
    assert response.status_code == 500
    assert b"does not match the fingerprint" in response.content
    assert b"forged" not in response.content
    # The PDF, untouched, still downloads.
    assert hashlib.sha256(download(manager_client, pack)).hexdigest() == pack.sha256


def older_pack(programme, meeting, manager, **fields) -> IssuedPack:
    """A pack as issued before packs kept an HTML version: a PDF and a snapshot only."""
    pdf = b"%PDF-1.7 an older pack"
    snapshot = b'{"kind": "milestones"}'
    pack = IssuedPack(
        programme=programme,
        meeting=meeting,
        kind="milestones",
        title="Milestones Report February 2010",
        as_at=date(2010, 2, 28),
        options={"as_at": "2010-02-28"},
        sha256=hashlib.sha256(pdf).hexdigest(),
        size=len(pdf),
        pages=1,
        snapshot_sha256=hashlib.sha256(snapshot).hexdigest(),
        issued_by=manager,
        issued_by_name="Demo Manager",
        **fields,
    )
    pack.pdf.name = default_storage.save("issued-packs/test/older.pdf", ContentFile(pdf))
    pack.snapshot.name = default_storage.save("issued-packs/test/older.json", ContentFile(snapshot))
    return pack


def test_packs_issued_before_html_show_what_they_have(reader_client, programme, meeting, manager):
    pack = older_pack(programme, meeting, manager)
    pack.full_clean()
    pack.save()
    try:
        detail = reader_client.get(pack.get_absolute_url()).content.decode()
        assert "Download the PDF" in detail
        assert "HTML" not in detail
        index = reader_client.get(reverse("reports:index", args=[AGMA])).content.decode()
        assert reverse("reports:pack-pdf", args=[AGMA, pack.pk]) in index
        assert reverse("reports:pack-html", args=[AGMA, pack.pk]) not in index
        assert download(reader_client, pack) == b"%PDF-1.7 an older pack"
        missing = reader_client.get(reverse("reports:pack-html", args=[AGMA, pack.pk]))
        assert missing.status_code == 404
    finally:
        default_storage.delete(pack.pdf.name)
        default_storage.delete(pack.snapshot.name)


def test_an_html_version_needs_its_sha256(programme, meeting, manager):
    pack = older_pack(programme, meeting, manager)
    pack.html.name = "issued-packs/test/older.html"
    try:
        with pytest.raises(ValidationError, match="HTML version needs its SHA-256"):
            pack.full_clean()
    finally:
        default_storage.delete(pack.pdf.name)
        default_storage.delete(pack.snapshot.name)
