"""Starting, running, retrying and recovering jobs.

- ``job_start`` records a job and queues it; the database refuses a second live job with the
  same lock (the same pack), and the requester is sent to the one already under way.
- ``job_run`` claims a queued job with one conditional UPDATE, so two workers handed the same
  job never both run it; the handler's failure is kept as the job's reason.
- ``requeue_abandoned`` puts back in the queue what a stopped worker was running (its worker id
  restarted, or no sign of life for ``STALE_AFTER``): a job survives a worker restart by being
  run again from the start. Handlers are written so that a re-run does the work once (issuing
  and importing are single transactions; a reminder run never sends a reminder twice).
"""

import logging
from contextlib import nullcontext
from datetime import timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import DEFAULT_DB_ALIAS, IntegrityError, connection, connections, transaction
from django.db.models import F, Q
from django.utils import timezone
from django_tasks import DEFAULT_TASK_BACKEND_ALIAS, task_backends
from django_tasks.backends.immediate import ImmediateBackend

from jobs.models import RESULT_FOLDER, Job
from jobs.registry import HANDLERS, JobRefused, Outcome

logger = logging.getLogger(__name__)

STALE_AFTER = timedelta(minutes=2)


class JobBusy(Exception):
    """The same work is already waiting or running: ``job`` is that one."""

    def __init__(self, job: Job):
        super().__init__(f"{job.get_kind_display()} is already {job.get_status_display().lower()}")
        self.job = job


def _enqueue(job: Job) -> None:
    from jobs.tasks import run_job  # the task module imports this one

    if _same_database_queue():
        # Queued in the same transaction as the job: both are committed, or neither.
        run_job.enqueue(job.pk)
    else:
        # Redis cannot see this transaction: queue once the job is committed.
        transaction.on_commit(lambda: run_job.enqueue(job.pk))


def _same_database_queue() -> bool:
    from django_tasks_db.backend import DatabaseBackend

    return isinstance(task_backends[DEFAULT_TASK_BACKEND_ALIAS], DatabaseBackend | ImmediateBackend)


def job_start(*, kind: str, programme, by, params: dict, lock_key: str = "") -> Job:
    """Record a job and hand it to the queue. Raises ``JobBusy`` when the same lock is held."""
    if kind not in HANDLERS:
        raise ValueError(f"No handler for jobs of kind {kind!r}")
    job = Job(kind=kind, programme=programme, requested_by=by, params=params)
    job.lock_key = lock_key or None
    try:
        with transaction.atomic():
            job.save()
    except IntegrityError:
        raise JobBusy(Job.objects.get(lock_key=lock_key, status__in=Job.LIVE)) from None
    _enqueue(job)
    job.refresh_from_db()  # run already when the backend runs jobs at once
    return job


def job_retry(*, job: Job, rights) -> Job:
    """Queue a failed job again, as it was asked for."""
    if not rights.can_follow_job(job):
        raise PermissionDenied("Only whoever asked for this job, or the programme's managers.")
    if job.status != Job.Status.FAILED:
        raise ValidationError("Only a job that failed can be tried again.")
    try:
        with transaction.atomic():
            Job.objects.filter(pk=job.pk, status=Job.Status.FAILED).update(
                status=Job.Status.QUEUED,
                failure="",
                step="",
                steps_done=0,
                started_at=None,
                finished_at=None,
            )
    except IntegrityError:
        raise JobBusy(Job.objects.get(lock_key=job.lock_key, status__in=Job.LIVE)) from None
    _enqueue(job)
    job.refresh_from_db()
    return job


class Progress:
    """What a handler calls to say how far it has got; saved at once, so the job's page shows it
    while the work goes on (the worker is outside any transaction). A handler that reports
    from inside its own long transaction (an import saving a batch of rows at a time) would
    keep its progress to itself until the end: on PostgreSQL that progress is saved through a
    connection of its own, so the page sees it at once. (SQLite allows one writer at a time:
    there the page sees the steps inside a transaction when it ends.)"""

    def __init__(self, job: Job):
        self.job = job

    def __call__(self, step: str, done: int, total: int) -> None:
        total = max(total, 1)
        values = {
            "step": step[:200],
            "steps_done": min(done, total),
            "steps_total": total,
            "heartbeat_at": timezone.now(),
        }
        inside = connection.in_atomic_block and connection.vendor == "postgresql"
        # A job not committed yet (run inside a test or a request) is invisible to another
        # connection, which then changes nothing: its progress is saved with the transaction.
        if inside and _saved_apart(self.job.pk, values):
            return
        Job.objects.filter(pk=self.job.pk).update(**values)


def _saved_apart(pk: int, values: dict) -> bool:
    """Save a job's progress through a new connection, committed at once; False if that
    connection cannot see the job."""
    apart = connections.create_connection(DEFAULT_DB_ALIAS)
    try:
        quote = apart.ops.quote_name
        columns = ", ".join(f"{quote(name)} = %s" for name in values)
        with apart.cursor() as cursor:
            cursor.execute(
                f"UPDATE {quote(Job._meta.db_table)} SET {columns} WHERE {quote('id')} = %s",
                [*values.values(), pk],
            )
            return cursor.rowcount == 1
    finally:
        apart.close()


def job_run(job_id: int, worker_id: str = "") -> None:
    """Run a queued job, once. Nothing happens if another worker has claimed it."""
    now = timezone.now()
    claimed = Job.objects.filter(pk=job_id, status=Job.Status.QUEUED).update(
        status=Job.Status.RUNNING,
        started_at=now,
        heartbeat_at=now,
        worker_id=worker_id[:64],
        attempts=F("attempts") + 1,
    )
    if not claimed:
        return
    job = Job.objects.select_related("programme", "requested_by").get(pk=job_id)
    # Inside a web request or a test (the immediate backend) a savepoint keeps a failed
    # handler's writes from breaking the surrounding transaction.
    guard = transaction.atomic() if connection.in_atomic_block else nullcontext()
    try:
        with guard:
            outcome = HANDLERS[job.kind](job, Progress(job))
    except (ValidationError, JobRefused) as refused:
        reason = (
            " ".join(refused.messages) if isinstance(refused, ValidationError) else str(refused)
        )
        _finish_failed(job, reason)
    except Exception as error:
        logger.exception("Job %s (%s) failed", job.pk, job.kind)
        _finish_failed(job, f"It stopped with an unexpected error ({type(error).__name__}).")
    else:
        _finish_done(job, outcome)


def _finish_done(job: Job, outcome: Outcome) -> None:
    fields = {
        "status": Job.Status.DONE,
        "summary": outcome.summary,
        "result_link": outcome.link,
        "finished_at": timezone.now(),
        "steps_done": F("steps_total"),
        "step": "",
    }
    if outcome.content is not None:
        stored = job.result.storage.save(
            f"{RESULT_FOLDER}/{job.programme.slug}/{job.pk}-{outcome.file_name}",
            ContentFile(outcome.content),
        )
        fields.update(result=stored, result_name=outcome.file_name)
    Job.objects.filter(pk=job.pk).update(**fields)


def _finish_failed(job: Job, reason: str) -> None:
    Job.objects.filter(pk=job.pk).update(
        status=Job.Status.FAILED, failure=reason, finished_at=timezone.now()
    )


def of_worker(worker_id: str) -> Q:
    """Jobs run by this worker: the database worker records its id, RQ's its id and process."""
    return Q(worker_id=worker_id) | Q(worker_id__startswith=f"{worker_id}.")


def requeue_abandoned(*, worker_id: str | None = None) -> list[int]:
    """Queue again the jobs a stopped worker was running: those of ``worker_id`` (it has just
    restarted) and those nobody has touched for ``STALE_AFTER``."""
    abandoned = Q(heartbeat_at__lt=timezone.now() - STALE_AFTER)
    if worker_id:
        abandoned |= of_worker(worker_id)
    requeued = []
    for job in Job.objects.filter(abandoned, status=Job.Status.RUNNING):
        with transaction.atomic():
            moved = Job.objects.filter(pk=job.pk, status=Job.Status.RUNNING).update(
                status=Job.Status.QUEUED, step="Waiting to start again after a worker restart"
            )
            if moved:
                _enqueue(job)
                requeued.append(job.pk)
    if requeued:
        logger.warning("Queued again jobs a stopped worker left running: %s", requeued)
    return requeued


def beat(*, worker_id: str, backend: str) -> None:
    """The worker's sign of life, and that of the job it is running."""
    from jobs.models import WorkerHeartbeat

    now = timezone.now()
    WorkerHeartbeat.objects.update_or_create(
        worker_id=worker_id, defaults={"backend": backend, "seen_at": now}
    )
    Job.objects.filter(of_worker(worker_id), status=Job.Status.RUNNING).update(heartbeat_at=now)
