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
# runserver's reloader serves from a child process: stop the children with their parents.
stop() {
  for pid in "$web" "$worker"; do
    kill $(pgrep -P "$pid") "$pid" 2>/dev/null
  done
  wait "$web" "$worker" 2>/dev/null
}
trap 'stop; exit 130' INT TERM
wait -n "$web" "$worker"
status=$?
stop
exit "$status"
