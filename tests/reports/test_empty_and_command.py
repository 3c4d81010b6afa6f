"""A programme with nothing recorded still gets every report, saying so; and
``manage.py render_report`` prints a report to a file with the same options as the pages."""

from datetime import date
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from programmes.models import Programme
from reports.kinds import KINDS, build_report, get_kind
from reports.options import ReportOptions
from reports.rendering import render_pdf, report_html

from .conftest import read_pdf

pytestmark = pytest.mark.django_db

EMPTY_DAY = date(2010, 1, 1)

EMPTY_WORDS = {
    "milestones": "No milestones have been recorded",
    "programme": "No work streams, governance bodies or budget have been recorded",
    "grid": "have been recorded for this programme yet",
    "committee": "No cover sheet, savings, progress updates or work programme",
    "closure": "Nothing has been recorded for this programme's closure yet",
    "risks": "No risks have been recorded for this programme.",
    "savings": "No savings have been recorded for this programme.",
}


@pytest.fixture
def empty():
    return Programme.objects.create(name="New programme", slug="new-programme")


def test_an_empty_programme_report_says_so(empty):
    for slug, kind in KINDS.items():
        html = report_html(build_report(kind, empty, ReportOptions(as_at=EMPTY_DAY)))
        assert EMPTY_WORDS[slug] in html, slug


def test_an_empty_programme_prints_a_pdf(empty, manager_client):
    report = build_report(get_kind("committee"), empty, ReportOptions(as_at=EMPTY_DAY))
    text = read_pdf(render_pdf(report).content).text
    assert "No cover sheet, savings, progress updates or work programme" in text
    assert "Page 1 of 1" in text


def test_an_empty_programme_preview_page_says_so(admin_client_logged_in, empty):
    for kind in KINDS:
        url = reverse("reports:preview", args=[empty.slug, kind])
        assert EMPTY_WORDS[kind] in admin_client_logged_in.get(url).content.decode(), kind


def test_render_report_writes_a_pdf(tmp_path):
    output = tmp_path / "risks.pdf"
    call_command(
        "render_report",
        "risks",
        "wigan-support-services-review",
        "--output",
        str(output),
        "--as-at",
        "2008-10-06",
    )
    text = read_pdf(Path(output).read_bytes()).text
    assert "Risk register October 2008" in text


def test_render_report_refuses_bad_input(tmp_path):
    output = str(tmp_path / "x.pdf")
    with pytest.raises(CommandError, match="no programme"):
        call_command("render_report", "risks", "nothing-here", "--output", output)
    with pytest.raises(CommandError, match="already begun"):
        call_command(
            "render_report",
            "risks",
            "wigan-support-services-review",
            "--output",
            output,
            "--since",
            "2999-01-01",
        )
