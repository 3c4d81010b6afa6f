#!/usr/bin/env bash
# Prepares a fresh Debian machine for this project: Python 3.11+ in .venv, the system libraries
# WeasyPrint needs, and the Python packages from pyproject.toml. Safe to run again: it only does
# what is missing. Usage: scripts/bootstrap.sh [run|dev]
set -euo pipefail
cd "$(dirname "$0")/.."

profile="${1:-run}"
venv=".venv"

say() { printf '%s\n' "$*" >&2; }
die() { say "bootstrap: $*"; exit 1; }

can_apt() { [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; }
apt_updated=""
apt_install() {
  if ! can_apt; then
    die "missing system packages: $*. Install them with: sudo apt-get install -y $*"
  fi
  if [ -z "$apt_updated" ]; then
    say "bootstrap: apt-get update"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
    apt_updated=1
  fi
  say "bootstrap: installing system packages: $*"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

# 1. A Python of 3.11 or newer.
find_python() {
  for candidate in python3.13 python3.12 python3.11 python3; do
    if command -v "$candidate" >/dev/null 2>&1 &&
       "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
      command -v "$candidate"
      return 0
    fi
  done
  return 1
}
python_bin="$(find_python)" || die "Python 3.11 or newer is required (apt-get install python3)."

# 2. The virtual environment (Debian splits venv/ensurepip into its own package).
if [ ! -x "$venv/bin/python" ]; then
  if ! "$python_bin" -m venv "$venv" >/dev/null 2>&1; then
    rm -rf "$venv"
    version="$("$python_bin" -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')"
    apt_install "python${version}-venv"
    "$python_bin" -m venv "$venv" || die "could not create $venv with $python_bin"
  fi
  "$venv/bin/python" -m pip install --quiet --upgrade pip
fi

# 3. WeasyPrint draws PDFs with Pango (and HarfBuzz to subset fonts).
missing=()
for lib in libpango-1.0.so.0:libpango-1.0-0 libpangoft2-1.0.so.0:libpangoft2-1.0-0 \
           libharfbuzz-subset.so.0:libharfbuzz-subset0; do
  ldconfig -p 2>/dev/null | grep -q "${lib%%:*}" || missing+=("${lib##*:}")
done
if [ "${#missing[@]}" -gt 0 ]; then
  apt_install "${missing[@]}"
fi

# 4. The browser tests drive Debian's Chromium (never a browser downloaded by a test tool).
if [ "$profile" = "dev" ] && [ ! -x /usr/bin/chromium ]; then
  apt_install chromium
fi

# 5. Python packages, exactly as uv.lock pins them (uv itself is installed into .venv first).
#    pyproject.toml and uv.lock must agree: after changing dependencies, run `uv lock`.
uv="$venv/bin/uv"
if [ ! -x "$uv" ]; then
  say "bootstrap: installing uv"
  "$venv/bin/python" -m pip install --quiet 'uv>=0.13,<0.14'
fi
if ! "$uv" lock --check --quiet 2>/dev/null; then
  die "uv.lock does not match pyproject.toml's dependencies. Run: $uv lock   (then commit uv.lock)"
fi
stamp="$venv/.installed-$profile"
if [ ! -f "$stamp" ] || [ uv.lock -nt "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  extras=()
  [ "$profile" = "dev" ] && extras=(--extra dev)
  say "bootstrap: installing Python packages from uv.lock ($profile)"
  # --inexact keeps uv itself, which the lock does not list.
  UV_PROJECT_ENVIRONMENT="$venv" "$uv" sync --locked --inexact --quiet "${extras[@]}"
  rm -f "$venv"/.installed-*
  touch "$stamp"
fi
