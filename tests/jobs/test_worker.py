"""Jobs through the database queue and its worker (``manage.py run_worker``), and through Redis:
issuing a pack (the same bytes as printing it inline), progress, failure with its reason and a
retry, one pack at a time, and a job left running by a stopped worker run again."""

from datetime import timedelta

import pytest
import redis
from django.conf import settings
from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction
from django.http import QueryDict
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from jobs.models import Job
from jobs.services import job_start
from reports.forms import ReportOptionsForm
from reports.generators.base import Issue
from reports.kinds import build_report, get_kind
from reports.models import IssuedPack
from reports.rendering import render_pdf
from tests.helpers import text_of

from .conftest import AGMA, REDIS_QUEUE, run_worker

pytestmark = pytest.mark.django_db

ISSUE = reverse("reports:issue", args=[AGMA, "milestones"])


def options_of(choices, programme):
    data = QueryDict(mutable=True)
    for name, value in choices.items():
        data.setlist(name, [str(v) for v in value] if isinstance(value, list) else [value])
    form = ReportOptionsForm(data, kind=get_kind("milestones"), programme=programme)
    assert form.is_valid(), form.errors
    return form.to_options()


def issue_choices(area, meeting):
    # The meeting (10 March) is before the as-at date: the manager answers yes to issuing it.
    choices = {"as_at": "31/03/2010", "areas": [area.pk], "meeting": meeting.pk}
    return {**choices, "confirmed": "yes", "early_meeting": "yes"}


def test_a_pack_issued_by_the_worker_is_the_pack_printed_inline(
    database_queue, manager_client, programme, area, meeting
):
    response = manager_client.post(ISSUE, issue_choices(area, meeting))
    job = Job.objects.get()
    assert response["Location"] == job.get_absolute_url()
    waiting = text_of(manager_client.get(job.get_absolute_url()))
    assert "Issuing a committee pack" in waiting and "Waiting to start" in waiting
    assert not IssuedPack.objects.exists()

    assert "taking jobs from django_tasks_db.backend.DatabaseBackend" in run_worker()

    pack = IssuedPack.objects.get()
    done = manager_client.get(job.get_absolute_url())
    assert f"Issued to {meeting}: kept as pack {pack.pk}" in text_of(done)
    assert f'href="{pack.get_absolute_url()}"' in done.content.decode()
    inline = render_pdf(
        build_report(
            get_kind("milestones"),
            programme,
            options_of({"as_at": "31/03/2010", "areas": [area.pk]}, programme),
            issue=Issue(
                meeting=f"{meeting.body.short_name} {meeting.date:%-d %B %Y}",
                meeting_date=meeting.date,
                issued_at=pack.issued_at,
                issued_by=pack.issued_by_name,
            ),
        )
    )
    with default_storage.open(pack.pdf.name, "rb") as stored:
        assert stored.read() == inline.content


def test_the_same_pack_is_never_issued_twice_at_once(database_queue, manager_client, area, meeting):
    first = manager_client.post(ISSUE, issue_choices(area, meeting))
    second = manager_client.post(ISSUE, issue_choices(area, meeting), follow=True)
    job = Job.objects.get()
    assert first["Location"] == job.get_absolute_url()
    assert "The same work is already under way: here it is." in text_of(second)
    twin = Job(kind=job.kind, programme=job.programme, lock_key=job.lock_key)
    with pytest.raises(IntegrityError), transaction.atomic():
        twin.save()
    run_worker()
    assert IssuedPack.objects.count() == 1


def test_the_page_follows_progress_with_and_without_javascript(
    database_queue, manager_client, programme, area, meeting
):
    manager_client.post(ISSUE, issue_choices(area, meeting))
    job = Job.objects.get()
    Job.objects.filter(pk=job.pk).update(
        status=Job.Status.RUNNING, step="Printing the PDF", steps_done=1, steps_total=2
    )
    page = manager_client.get(job.get_absolute_url())
    html = page.content.decode()
    assert '<noscript><meta http-equiv="refresh" content="3"></noscript>' in html
    assert '<progress id="job-bar" class="w-100 d-block mb-3" max="100" value="50">' in html
    assert "js/job-progress.js" in html
    assert "Running : Printing the PDF Progress: step 2 of 2" in text_of(page)
    assert ">Refresh</a>" in html
    status = manager_client.get(reverse("jobs:status", args=[AGMA, job.pk])).json()
    assert status == {
        "status": "running",
        "status_words": "Running",
        "step": "Printing the PDF",
        "steps_done": 1,
        "steps_total": 2,
        "percent": 50,
        "live": True,
    }


def test_a_failure_says_why_and_can_be_tried_again(database_queue, manager_client, area, meeting):
    manager_client.post(ISSUE, issue_choices(area, meeting))
    job = Job.objects.get()
    meeting.is_cancelled, meeting.cancelled_reason = True, "Not quorate"
    meeting.save()
    run_worker()
    page = manager_client.get(job.get_absolute_url())
    assert "Why it failed This meeting was cancelled (Not quorate): choose another." in text_of(
        page
    )
    assert ">Try again</button>" in page.content.decode()
    assert not IssuedPack.objects.exists()

    meeting.is_cancelled, meeting.cancelled_reason = False, ""
    meeting.save()
    manager_client.post(reverse("jobs:retry", args=[AGMA, job.pk]))
    run_worker()
    job.refresh_from_db()
    assert (job.status, job.attempts) == (Job.Status.DONE, 2)
    assert IssuedPack.objects.count() == 1


def test_a_job_left_running_by_a_stopped_worker_runs_again_when_it_restarts(
    database_queue, programme, manager
):
    job = job_start(kind=Job.Kind.PROGRAMME_EXPORT, programme=programme, by=manager, params={})
    # The worker took it, then was killed: its task is gone, the job still says running.
    from django_tasks_db.models import DBTaskResult

    DBTaskResult.objects.all().delete()
    Job.objects.filter(pk=job.pk).update(
        status=Job.Status.RUNNING, worker_id="host-a", heartbeat_at=timezone.now()
    )
    assert "Queued again 1 job(s) left running at the last stop." in run_worker("host-a")
    job.refresh_from_db()
    assert job.status == Job.Status.DONE
    assert job.result_name.endswith(".xlsx")


def test_a_live_worker_keeps_its_job_and_a_silent_one_loses_it(database_queue, programme, manager):
    job = job_start(kind=Job.Kind.PROGRAMME_EXPORT, programme=programme, by=manager, params={})
    from django_tasks_db.models import DBTaskResult

    DBTaskResult.objects.all().delete()
    Job.objects.filter(pk=job.pk).update(
        status=Job.Status.RUNNING, worker_id="host-b", heartbeat_at=timezone.now()
    )
    run_worker("host-a")
    job.refresh_from_db()
    assert job.status == Job.Status.RUNNING  # host-b is still alive
    Job.objects.filter(pk=job.pk).update(heartbeat_at=timezone.now() - timedelta(minutes=5))
    run_worker("host-a")
    job.refresh_from_db()
    assert job.status == Job.Status.DONE


@pytest.fixture
def redis_queue():
    url = settings.RQ_QUEUES["default"]["URL"]
    try:
        redis.Redis.from_url(url).ping()
    except redis.ConnectionError:
        pytest.skip("Redis is not running at 127.0.0.1:6379")
    redis.Redis.from_url(url).flushdb()
    with override_settings(TASKS=REDIS_QUEUE):
        yield
    redis.Redis.from_url(url).flushdb()


def test_jobs_through_redis(
    redis_queue, manager_client, area, meeting, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = manager_client.post(ISSUE, issue_choices(area, meeting))
    job = Job.objects.get()
    assert response["Location"] == job.get_absolute_url()
    assert job.status == Job.Status.QUEUED
    assert "taking jobs from django_tasks_rq.backend.RQBackend" in run_worker("redis-test")
    job.refresh_from_db()
    assert job.status == Job.Status.DONE, job.failure
    assert job.worker_id.startswith("redis-test.")
    assert IssuedPack.objects.get().get_absolute_url() == job.result_link
