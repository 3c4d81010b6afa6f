"""``/health/``: whether this installation can do its work — the database answers, the file
storage keeps and returns a file, and a worker has said it is alive lately (when jobs need
one). JSON for the load balancer and monitoring; 503 when anything is down."""

import secrets
from datetime import timedelta

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django_tasks import DEFAULT_TASK_BACKEND_ALIAS, task_backends
from django_tasks.backends.immediate import ImmediateBackend

from jobs.models import WorkerHeartbeat


def database() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return "ok"


def storage() -> str:
    probe = secrets.token_hex(8).encode()
    name = default_storage.save(f"health/{probe.decode()}.txt", ContentFile(probe))
    try:
        with default_storage.open(name, "rb") as file:
            if file.read() != probe:
                raise OSError("the file read back differs from the file written")
    finally:
        default_storage.delete(name)
    return "ok"


def worker() -> str:
    if isinstance(task_backends[DEFAULT_TASK_BACKEND_ALIAS], ImmediateBackend):
        return "ok (jobs run at once: no worker needed)"
    since = timezone.now() - timedelta(seconds=settings.WORKER_HEARTBEAT_STALE_SECONDS)
    latest = WorkerHeartbeat.objects.order_by("-seen_at").values_list("seen_at", flat=True).first()
    if latest is None:
        raise RuntimeError("no worker has ever started")
    if latest < since:
        raise RuntimeError(f"no worker seen since {timezone.localtime(latest):%Y-%m-%d %H:%M:%S}")
    return "ok"


CHECKS = {"database": database, "storage": storage, "worker": worker}


@never_cache
def health(request):
    results, healthy = {}, True
    for name, check in CHECKS.items():
        try:
            results[name] = check()
        except Exception as error:  # any failure is what the check is for
            healthy = False
            results[name] = f"down: {error}"
            if name == "database":
                break  # the worker check reads the database too
    results["status"] = "ok" if healthy else "down"
    return JsonResponse(results, status=200 if healthy else 503)
