"""Reports print the updates the programme office accepted, and say so; an option adds those
submitted and awaiting review, each marked "Submitted, not yet accepted". Drafts and returned
updates are never printed."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from programmes.models import Programme
from reports.kinds import build_report, get_kind
from reports.options import ReportOptions
from reports.rendering import render_pdf
from tests.helpers import text_of
from tests.update_cycle import accept, send_back, submitted

from .conftest import SEED_AS_AT, read_pdf, words

pytestmark = pytest.mark.django_db

AGMA = "agma-collaborative-services"
AS_AT = SEED_AS_AT[AGMA].strftime("%d/%m/%Y")
ACCEPTED_ONLY = "Progress updates: only those accepted by the programme office."
MARK = "Submitted, not yet accepted"


def preview(client, kind, **options):
    response = client.get(
        reverse("reports:preview", args=[AGMA, kind]), {"as_at": AS_AT, **options}
    )
    assert response.status_code == 200
    return text_of(response)


def test_a_submitted_update_is_left_out_unless_asked_for_and_then_marked(reader_client, hr, march):
    record = submitted(hr, march, text="Workshops booked with Bury.")
    default = preview(reader_client, "programme")
    assert ACCEPTED_ONLY in default
    assert "Workshops booked with Bury." not in default

    included = preview(reader_client, "programme", include_submitted="on")
    assert "those submitted and not yet accepted, marked “Submitted, not yet accepted”" in included
    assert f"{MARK} Workshops booked with Bury." in included

    send_back(record)  # returned: back with the champion, in no report
    assert "Workshops booked with Bury." not in preview(
        reader_client, "programme", include_submitted="on"
    )


def test_once_accepted_the_update_is_printed_unmarked(reader_client, hr, march):
    accept(submitted(hr, march, text="Workshops booked with Bury."))
    default = preview(reader_client, "programme")
    assert "Workshops booked with Bury." in default
    assert f"{MARK} Workshops" not in default
    committee = preview(reader_client, "committee")
    assert "Transactional HR Workshops booked with Bury." in committee


def test_a_milestones_submitted_comment_is_printed_only_when_asked_and_marked(
    reader_client, hr, march, stage_0_1
):
    submitted(hr, march, milestones={stage_0_1: ("Scoping finished everywhere.", "")})
    default = preview(reader_client, "milestones")
    assert "Scoping finished everywhere." not in default
    assert "Bury has completed its scoping" in default  # the record's comment, as accepted
    included = preview(reader_client, "milestones", include_submitted="on")
    assert f"{MARK} Scoping finished everywhere." in included


def test_the_committee_report_leaves_out_achievements_nobody_accepted(reader_client, hr, march):
    """Key achievements with no accepted update are left out, not filled with a sentence the
    manager did not write; the submitted update is not printed."""
    submitted(hr, march, text="Workshops booked with Bury.")
    committee = preview(reader_client, "committee")
    assert "Workshops booked with Bury." not in committee
    assert "No progress update has been accepted" not in committee
    assert "Transactional HR Workshops" not in committee


def test_reports_that_print_no_updates_neither_offer_the_option_nor_say_it(reader_client):
    response = reader_client.get(reverse("reports:preview", args=[AGMA, "risks"]))
    assert b"include_submitted" not in response.content
    assert ACCEPTED_ONLY not in text_of(response)


def test_the_pdf_marks_the_submitted_update(hr, march):
    submitted(hr, march, text="Workshops booked with Bury.")
    options = ReportOptions(as_at=SEED_AS_AT[AGMA], include_submitted=True)
    report = build_report(get_kind("programme"), Programme.objects.get(slug=AGMA), options)
    text = read_pdf(render_pdf(report).content).text
    assert words(f"{MARK} Workshops booked with Bury.") in text
    assert report.options["include_submitted"] is True  # an issued pack records the choice


def test_the_command_includes_submitted_updates_when_asked(hr, march, tmp_path):
    submitted(hr, march, text="Workshops booked with Bury.")
    output = tmp_path / "programme.html"
    call_command(
        "render_report", "programme", AGMA, "--output", str(output), "--html",
        "--as-at", "2010-03-31", "--include-submitted",
    )  # fmt: skip
    assert MARK in output.read_text(encoding="utf-8")
