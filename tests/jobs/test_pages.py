"""Work handed to jobs from the pages (run at once here, as the test settings choose): a large
report and a large programme's workbook, reminders from the button and from the scheduled
command, importing; who may follow a job; and the health check."""

import io
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from jobs.models import Job
from jobs.services import beat
from programmes.models import Person
from tests.helpers import text_of

from .conftest import AGMA

pytestmark = pytest.mark.django_db


@override_settings(REPORT_INLINE_MAX_MILESTONES=0)
def test_a_large_report_is_printed_in_the_background(manager_client, area):
    url = reverse("reports:pdf", args=[AGMA, "milestones"])
    asked = manager_client.get(url, {"as_at": "31/03/2010", "areas": area.pk})
    page = text_of(asked)
    assert "too many milestones to print its report while you wait" in page
    assert f'<input type="hidden" name="areas" value="{area.pk}">' in asked.content.decode()
    started = manager_client.post(url, {"as_at": "31/03/2010", "areas": area.pk})
    job = Job.objects.get(kind=Job.Kind.REPORT_PDF)
    assert started["Location"] == job.get_absolute_url()
    done = text_of(manager_client.get(job.get_absolute_url()))
    assert "Finished" in done and "Milestones Report March 2010" in done
    pdf = manager_client.get(reverse("jobs:download", args=[AGMA, job.pk]))
    assert b"".join(pdf.streaming_content).startswith(b"%PDF")
    assert pdf["Content-Disposition"] == (
        f'attachment; filename="{AGMA}-milestones-2010-03-31.pdf"'
    )


@override_settings(EXPORT_INLINE_MAX_MILESTONES=0)
def test_a_large_programme_workbook_is_written_in_the_background(manager_client):
    url = reverse("spreadsheets:workbook", args=[AGMA])
    assert "too large to write its workbook while you wait" in text_of(manager_client.get(url))
    job_page = manager_client.post(url, follow=True)
    assert "The whole programme as an Excel workbook" in text_of(job_page)
    job = Job.objects.get(kind=Job.Kind.PROGRAMME_EXPORT)
    download = manager_client.get(reverse("jobs:download", args=[AGMA, job.pk]))
    book = load_workbook(io.BytesIO(b"".join(download.streaming_content)))
    assert "Milestones" in book.sheetnames


def test_reminders_from_the_button_run_as_a_job(manager_client):
    Person.objects.filter(name="Phil Badley").update(email="phil.badley@stockport.gov.uk")
    response = manager_client.post(reverse("programmes:send-reminders", args=[AGMA]), follow=True)
    job = Job.objects.get(kind=Job.Kind.REMINDERS)
    assert job.summary.startswith("1 reminder e-mail sent. No e-mail address for")
    assert "1 reminder e-mail sent." in text_of(response)
    assert [m.to for m in mail.outbox] == [["phil.badley@stockport.gov.uk"]]


def test_reminders_from_the_scheduled_command_wait_for_the_worker(database_queue):
    out = io.StringIO()
    call_command("send_update_reminders", AGMA, "--in-background", stdout=out)
    assert f"{AGMA}: reminders waiting to start." in out.getvalue()
    job = Job.objects.get(kind=Job.Kind.REMINDERS)
    assert (job.requested_by, job.params) == (None, {"base_url": None})


def test_only_the_requester_and_managers_follow_a_job(manager_client, reader_client):
    manager_client.post(reverse("programmes:send-reminders", args=[AGMA]))
    job = Job.objects.get()
    assert manager_client.get(job.get_absolute_url()).status_code == 200
    refused = reader_client.get(job.get_absolute_url())
    assert refused.status_code == 403
    assert "Only whoever asked for this job, and the programme's managers" in text_of(refused)
    assert reader_client.post(reverse("jobs:retry", args=[AGMA, job.pk])).status_code == 403


def test_health_says_what_is_up(client):
    response = client.get("/health/")
    assert response.status_code == 200
    assert response.json() == {
        "database": "ok",
        "storage": "ok",
        "worker": "ok (jobs run at once: no worker needed)",
        "status": "ok",
    }


def test_health_is_503_when_no_worker_is_alive(client, database_queue):
    down = client.get("/health/")
    assert down.status_code == 503
    assert down.json()["worker"] == "down: no worker has ever started"
    beat(worker_id="host-a", backend="db")
    assert client.get("/health/").status_code == 200
    from jobs.models import WorkerHeartbeat

    WorkerHeartbeat.objects.update(seen_at=timezone.now() - timedelta(minutes=5))
    late = client.get("/health/")
    assert late.status_code == 503
    assert late.json()["worker"].startswith("down: no worker seen since ")
