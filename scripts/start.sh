#!/usr/bin/env bash
# Production start-up of one app server: apply migrations, then Gunicorn (which collects static
# files before it serves: gunicorn.conf.py). The job worker runs beside it as its own service:
#   .venv/bin/python manage.py run_worker
# See docs/deploy.md.
set -euo pipefail
cd "$(dirname "$0")/.."
export DJANGO_SETTINGS_MODULE=config.settings.production
.venv/bin/python manage.py migrate --noinput
exec .venv/bin/gunicorn -c gunicorn.conf.py
