"""The worker that runs background jobs, for whichever queue the settings choose."""

import os
import socket
import threading

from django.core.management.base import BaseCommand, CommandError
from django.db import close_old_connections, connection, connections
from django_tasks import DEFAULT_TASK_BACKEND_ALIAS, DEFAULT_TASK_QUEUE_NAME, task_backends

from jobs.services import beat, requeue_abandoned

HEARTBEAT_SECONDS = 10


class Command(BaseCommand):
    help = (
        "Run background jobs (issuing packs, large PDFs, workbooks, reminder runs, imports) from "
        "the queue the TASKS setting chooses: the database (the default) or Redis. On start it "
        "queues again whatever it was running when it stopped, and it says it is alive every "
        f"{HEARTBEAT_SECONDS} seconds for the health check."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--worker-id",
            default=socket.gethostname()[:64],
            help="This worker's name, the same across restarts (default: the host name).",
        )
        parser.add_argument(
            "--batch", action="store_true", help="Run what is queued, then stop (no heartbeat)."
        )
        parser.add_argument(
            "--interval",
            type=float,
            default=1.0,
            help="Seconds between looks at an empty database queue (default: 1).",
        )

    def handle(self, *args, worker_id, batch, interval, **options):
        backend = type(task_backends[DEFAULT_TASK_BACKEND_ALIAS])
        name = f"{backend.__module__}.{backend.__name__}"
        beat(worker_id=worker_id, backend=name)
        requeued = requeue_abandoned(worker_id=worker_id)
        if requeued:
            self.stdout.write(f"Queued again {len(requeued)} job(s) left running at the last stop.")
        if not batch:
            self._keep_beating(worker_id, name)
        self.stdout.write(f"Worker {worker_id} taking jobs from {name}.")
        run = {
            "DatabaseBackend": self._run_database,
            "RQBackend": self._run_rq,
        }.get(backend.__name__)
        if run is None:
            raise CommandError(f"{name} runs jobs at once: it needs no worker.")
        run(worker_id, batch, interval)

    def _keep_beating(self, worker_id: str, backend: str) -> None:
        def loop():
            stop = threading.Event()
            while not stop.wait(HEARTBEAT_SECONDS):
                close_old_connections()
                beat(worker_id=worker_id, backend=backend)
                requeue_abandoned()  # other workers' jobs with no sign of life
                connection.close()

        threading.Thread(target=loop, name="heartbeat", daemon=True).start()

    def _run_database(self, worker_id: str, batch: bool, interval: float) -> None:
        from django_tasks_db.management.commands.db_worker import Worker

        Worker(
            queue_names=[DEFAULT_TASK_QUEUE_NAME],
            excluded_queue_names=[],
            interval=interval,
            batch=batch,
            backend_name=DEFAULT_TASK_BACKEND_ALIAS,
            startup_delay=not batch,
            max_tasks=None,
            worker_id=worker_id,
        ).run()

    def _run_rq(self, worker_id: str, batch: bool, interval: float) -> None:
        import django_rq
        from django_tasks_rq.backend import Job as TaskJob
        from rq import SimpleWorker, Worker

        # In a batch (tests, one-off runs) jobs run in this process; otherwise RQ forks one
        # process per job, which must not share this one's database connections.
        worker = django_rq.get_worker(
            DEFAULT_TASK_QUEUE_NAME,
            job_class=TaskJob,
            worker_class=SimpleWorker if batch else Worker,
            name=rq_worker_name(worker_id),
        )
        if not batch:
            connections.close_all()
        worker.work(burst=batch, with_scheduler=not batch)


def rq_worker_name(worker_id: str) -> str:
    """RQ refuses two live workers of one name, and a killed worker's name lingers in Redis for
    minutes: the process id keeps them apart, the prefix says whose jobs they were."""
    return f"{worker_id[:50]}.{os.getpid()}"
