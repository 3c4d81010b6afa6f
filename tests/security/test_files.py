"""Uploaded images are decoded with a pixel limit and a clear message (a 74-byte PNG that
declares 100,000 × 100,000 pixels is a form error, not a 500); uploaded and issued files are
served only to those who may see them, through the same rights as their pages."""

import struct
import zlib
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from programmes.models import Organisation
from reports.models import ReportBranding
from tests.helpers import text_of
from tests.seed_programmes import AGMA

pytestmark = pytest.mark.django_db


def chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def pixel_bomb() -> bytes:
    """A 74-byte PNG whose header says it is 100,000 × 100,000 pixels."""
    header = struct.pack(">IIBBBBB", 100_000, 100_000, 8, 2, 0, 0, 0)
    png = (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\0" * 6, level=0))
        + chunk(b"IEND", b"")
    )
    assert len(png) == 74
    return png


def png() -> bytes:
    buffer = BytesIO()
    Image.new("RGB", (60, 20), (0, 112, 60)).save(buffer, "PNG")
    return buffer.getvalue()


def test_a_pixel_bomb_logo_is_a_form_error_not_a_500(admin_client_logged_in):
    organisation = Organisation.objects.create(name="Bombshire Council")
    answer = admin_client_logged_in.post(
        reverse("admin:reports_reportbranding_add"),
        {
            "organisation": organisation.pk,
            "name_on_reports": "",
            "logo": SimpleUploadedFile("logo.png", pixel_bomb(), content_type="image/png"),
        },
    )
    assert answer.status_code == 200
    assert "The logo is too big: at most 3000 pixels wide and high." in text_of(answer)
    assert not ReportBranding.objects.exists()


@pytest.fixture
def logo(agma):
    branding = ReportBranding(
        organisation=agma.lead_organisation, logo=SimpleUploadedFile("agma.png", png())
    )
    branding.full_clean()
    branding.save()
    return f"/media/{branding.logo.name}"


def test_a_logo_is_served_to_those_who_see_a_programme_it_brands(logo, reader_client):
    answer = reader_client.get(logo)
    assert answer.status_code == 200
    assert answer["Content-Type"] == "image/png"
    assert b"".join(answer.streaming_content) == png()
    assert "no-store" in answer["Cache-Control"]


def test_a_logo_is_not_found_for_anyone_else(logo, outsider_client, client):
    answer = outsider_client.get(logo)
    assert answer.status_code == 404
    assert "There is no such file, or you have not been given access to it." in text_of(answer)
    anonymous = client.get(logo)
    assert anonymous.status_code == 302 and anonymous["Location"].startswith(reverse("login"))


def test_guessed_and_traversing_names_are_not_found(reader_client):
    for name in ("report-logos/nothing.png", "../config/settings/base.py", "db.sqlite3"):
        assert reader_client.get(f"/media/{name}").status_code == 404


@pytest.fixture
def pack(agma, django_user_model):
    from datetime import date

    from programmes.models import Meeting
    from reports.kinds import get_kind
    from reports.options import ReportOptions
    from reports.services import pack_issue

    area = agma.service_areas.get(name="Transactional HR")
    return pack_issue(
        programme=agma,
        kind=get_kind("milestones"),
        options=ReportOptions(as_at=date(2010, 3, 31), area_ids=(area.pk,)),
        meeting=Meeting.objects.get(body__programme=agma, date=date(2010, 3, 10)),
        by=django_user_model.objects.get(username="manager"),
        early_meeting_confirmed=True,  # the meeting is before the as-at date
    )


def test_an_issued_pack_file_goes_through_its_own_checked_download(pack, reader_client):
    answer = reader_client.get(f"/media/{pack.pdf.name}", follow=True)
    assert answer.redirect_chain[0][0] == reverse("reports:pack-pdf", args=[AGMA, pack.pk])
    assert answer.content.startswith(b"%PDF")
    data = reader_client.get(f"/media/{pack.snapshot.name}", follow=True)
    assert data.redirect_chain[0][0] == reverse("reports:pack-data", args=[AGMA, pack.pk])


def test_an_issued_pack_file_is_not_found_for_someone_without_the_programme(
    pack, outsider_client, client
):
    for name in (pack.pdf.name, pack.snapshot.name):
        answer = outsider_client.get(f"/media/{name}")
        assert answer.status_code == 404
        assert b"%PDF" not in answer.content
        assert client.get(f"/media/{name}").status_code == 302  # to the sign-in page
