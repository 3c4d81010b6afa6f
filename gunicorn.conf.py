"""Gunicorn's settings for production (`gunicorn -c gunicorn.conf.py`, as scripts/start.sh does).
Each value can be changed from the environment; docs/deploy.md explains them."""

import os
import subprocess
import sys

wsgi_app = "config.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", f"127.0.0.1:{os.environ.get('PORT', '8000')}")
# Two processes per core is Gunicorn's advice for synchronous workers; long work (packs,
# imports) goes to the job worker, so requests stay short.
workers = int(os.environ.get("WEB_CONCURRENCY", (os.cpu_count() or 1) * 2))
threads = int(os.environ.get("GUNICORN_THREADS", "2"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
graceful_timeout = 30
max_requests = 2000  # recycle workers now and then, so that a leak cannot grow for ever
max_requests_jitter = 200
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info").lower()


def on_starting(server):
    """Collect static files before the first worker starts: without them every page that
    names a stylesheet is a 500 under the manifest storage of production."""
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        check=True,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.production"},
    )
