"""The production start-up path (migrate, then Gunicorn with gunicorn.conf.py, which collects
static files first) serves pages with their stylesheets, not a 500, and its health check says
what is down."""

import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


@pytest.fixture(scope="module")
def production(tmp_path_factory):
    """One production start for the module: collecting static files takes a while."""
    tmp_path = tmp_path_factory.mktemp("production")
    port = free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": "production-start-test-" + "x" * 40,
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "STATIC_ROOT": str(tmp_path / "static"),
        "MEDIA_ROOT": str(tmp_path / "media"),
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "WEB_CONCURRENCY": "1",
    }
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "-v0"], cwd=ROOT, env=env, check=True
    )
    gunicorn = Path(sys.executable).parent / "gunicorn"
    server = subprocess.Popen(
        [str(gunicorn), "-c", "gunicorn.conf.py"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        # Collecting (and compressing) static files first takes a minute on a busy machine.
        deadline = time.monotonic() + 300
        while True:
            try:
                fetch(base + "/health/")
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"Gunicorn did not start: {server.stderr.read().decode()}")
                time.sleep(0.5)
        yield base, server
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_a_production_start_serves_pages_and_their_stylesheets(production):
    base, _ = production
    status, page = fetch(base + "/accounts/login/")
    assert status == 200
    assert "Sign in" in page
    stylesheet = re.search(r'href="(/static/css/app\.[0-9a-f]{12}\.css)"', page).group(1)
    assert fetch(base + stylesheet)[0] == 200


def test_the_health_check_says_the_worker_is_down(production):
    base, _ = production
    status, body = fetch(base + "/health/")
    assert status == 503
    assert '"database": "ok"' in body and '"storage": "ok"' in body
    assert '"worker": "down: no worker has ever started"' in body


def test_production_logs_are_one_json_object_per_line():
    script = (
        "import django, logging; django.setup(); "
        "logging.getLogger('jobs.services').warning('Job %s failed', 7)"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": "x" * 50,
        "ALLOWED_HOSTS": "127.0.0.1",
    }
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True
    )
    line = json.loads(done.stderr.strip().splitlines()[-1])
    assert (line["level"], line["logger"], line["message"]) == (
        "WARNING",
        "jobs.services",
        "Job 7 failed",
    )
    assert "time" in line
