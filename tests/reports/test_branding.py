"""An administrator may give an organisation's reports a name and a logo: PNG or JPEG only
(an SVG could fetch other files), of limited size; the PDF prints it."""

from io import BytesIO

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from programmes.models import Programme
from reports.kinds import build_report, get_kind
from reports.models import ReportBranding
from reports.options import ReportOptions
from reports.rendering import render_pdf
from reports.validators import MAX_LOGO_BYTES, validate_logo

from .conftest import SEED_AS_AT, read_pdf

pytestmark = pytest.mark.django_db

RISKS_PROGRAMME = "wigan-support-services-review"


def png(size=(60, 20)) -> bytes:
    buffer = BytesIO()
    Image.new("RGB", size, (0, 112, 60)).save(buffer, "PNG")
    return buffer.getvalue()


def test_logos_must_be_png_or_jpeg():
    validate_logo(SimpleUploadedFile("logo.png", png()))
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><image href="http://127.0.0.1/x"/></svg>'
    with pytest.raises(ValidationError, match="PNG or JPEG"):
        validate_logo(SimpleUploadedFile("logo.png", svg))
    buffer = BytesIO()
    Image.new("RGB", (10, 10)).save(buffer, "GIF")
    with pytest.raises(ValidationError, match="PNG or JPEG"):
        validate_logo(SimpleUploadedFile("logo.gif", buffer.getvalue()))
    with pytest.raises(ValidationError, match="too large"):
        validate_logo(SimpleUploadedFile("logo.png", b"\x89PNG" + b"0" * MAX_LOGO_BYTES))
    with pytest.raises(ValidationError, match="too big"):
        validate_logo(SimpleUploadedFile("logo.png", png((3100, 10))))


def test_the_pdf_prints_the_organisation_name_and_logo():
    programme = Programme.objects.get(slug=RISKS_PROGRAMME)
    branding = ReportBranding(
        organisation=programme.lead_organisation,
        name_on_reports="Wigan Council – Business Support Services",
        logo=SimpleUploadedFile("wigan.png", png()),
    )
    branding.full_clean()
    branding.save()

    report = build_report(
        get_kind("risks"), programme, ReportOptions(as_at=SEED_AS_AT[RISKS_PROGRAMME])
    )
    printed = read_pdf(render_pdf(report).content)
    assert "Wigan Council – Business Support Services" in printed.text
    first_page = printed.reader.pages[0]
    assert len(first_page.images) == 1
