#!/usr/bin/env bash
# `make run`: the development web server and the job worker side by side. Ctrl+C (or either of
# them stopping) stops both.
set -uo pipefail
cd "$(dirname "$0")/.."
python=".venv/bin/python"
"$python" manage.py run_worker &
worker=$!
"$python" manage.py runserver "${HOST:-127.0.0.1}:${PORT:-8000}" &
web=$!
stop() { kill "$web" "$worker" 2>/dev/null; wait "$web" "$worker" 2>/dev/null; }
trap 'stop; exit 130' INT TERM
wait -n "$web" "$worker"
status=$?
stop
exit "$status"
