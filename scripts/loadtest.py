"""The load test: 50 officers at once reading pages and saving milestone edits through the edit
form (CSRF token, the version they opened) against gunicorn with production settings on
PostgreSQL, for a few minutes; then every write the server accepted is checked to be in the
database. Prints locust's figures (errors, p50, p95, p99) and the check, and fails if a request
failed or an accepted write is missing.

    .venv/bin/python scripts/loadtest.py [--users 50] [--minutes 3] [--milestones 0]
        [--workers 2] [--database loadtest] [--reuse]
        [--database-url postgres://postgres@127.0.0.1:5432/postgres]

The run's database (``--database``) is a copy of a template database (``<database>_template``)
that holds the migrated schema, the seed programmes and the demonstration programme with the
demo accounts, and with ``--milestones 10000`` the large programme, whose pages the officers
then use. Making the template takes minutes (loading the seeds); copying it, a second. With
``--reuse`` the template and the collected static files are kept for the next run and used if
they are there. This file is also the locustfile that the run hands to locust (headless). The
figures are recorded in docs/performance.md ("Load test").

Why this module is long: it is both the runner and the locustfile it hands to locust, so the
officers' behaviour (``Officer``, ``FormReader``) and the run around them (the template
database, signing in, the check of every accepted write) live in one file that locust can load
alone; gunicorn and the shared set-up come from ``benchmark_pages``.
"""

import argparse
import itertools
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time
import uuid
from html.parser import HTMLParser
from http.cookiejar import DefaultCookiePolicy
from pathlib import Path

from locust import HttpUser, between, task

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

# Set by the run for locust's process: the programme, and where accepted writes are listed.
PROGRAMME = os.environ.get("LOADTEST_PROGRAMME", "demo-shared-services")
WRITES = os.environ.get("LOADTEST_WRITES", "")
USERNAME = os.environ.get("LOADTEST_USERNAME", "manager")
PASSWORD = os.environ.get("LOADTEST_PASSWORD", "")
SESSIONS = [key for key in os.environ.get("LOADTEST_SESSIONS", "").split(",") if key]
MARK = "load-test write"
CONFLICT = "while you were editing it"
OFFICERS = itertools.count()


class FormReader(HTMLParser):
    """The fields of a page's POST form as a browser would send them unchanged."""

    def __init__(self):
        super().__init__()
        self.fields: dict[str, str] = {}
        self.in_form = False
        self.select = self.textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and (attrs.get("method") or "").lower() == "post":
            self.in_form = True
        if not self.in_form:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            if kind not in ("submit", "button"):
                self.fields[name] = attrs.get("value") or ""
        elif tag == "select" and name:
            self.select = name
            self.fields.setdefault(name, "")
        elif tag == "option" and self.select and "selected" in attrs:
            self.fields[self.select] = attrs.get("value") or ""
        elif tag == "textarea" and name:
            self.textarea = name
            self.fields[name] = ""

    def handle_endtag(self, tag):
        if tag == "form":
            self.in_form = False
        elif tag == "select":
            self.select = None
        elif tag == "textarea":
            self.textarea = None

    def handle_data(self, data):
        if self.textarea:
            # A browser drops the one newline straight after <textarea>.
            text = self.fields[self.textarea] + data
            self.fields[self.textarea] = text[1:] if text.startswith("\n") else text


# Production marks its cookies Secure, for a site behind HTTPS; here the officers speak plain
# HTTP to gunicorn, as the reverse proxy would, so they send them all the same. (requests copies
# the session's cookies into a jar of its own for each request, so the policy is changed for
# every jar of locust's process.)
DefaultCookiePolicy.return_ok_secure = lambda policy, cookie, request: True


class Officer(HttpUser):
    """A programme officer: mostly reading, sometimes saving a milestone's comment."""

    wait_time = between(1, 3)

    def on_start(self):
        number = next(OFFICERS)
        if SESSIONS:
            # Signed in before the test began (see ``signed_in``).
            self.client.cookies.set("sessionid", SESSIONS[number % len(SESSIONS)])
        else:
            page = self.client.get("/accounts/login/", name="login page")
            token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
            self.client.post(
                "/accounts/login/",
                {"username": USERNAME, "password": PASSWORD, "csrfmiddlewaretoken": token},
                name="sign in",
            )
        overview = self.client.get(f"/programmes/{PROGRAMME}/", name="overview").text
        self.areas = re.findall(rf'href="(/programmes/{PROGRAMME}/areas/\d+/)"', overview)
        milestones = []
        for area in self.areas:
            html = self.client.get(area, name="service-area page").text
            milestones += re.findall(r'href="/milestones/(\d+)/edit/"', html)
        # Each officer keeps to milestones of their own, as champions keep to their areas (two
        # officers may share one when there are more officers than milestones: then the second
        # to save is shown the first's change and asked again, which is not an error).
        self.mine = milestones[
            number % len(milestones) :: max(1, self.environment.parsed_options.num_users)
        ][:3]

    @task(4)
    def overview(self):
        self.client.get(f"/programmes/{PROGRAMME}/", name="overview")

    @task(4)
    def area(self):
        self.client.get(random.choice(self.areas), name="service-area page")

    @task(2)
    def my_work(self):
        self.client.get("/", name="My work")

    @task(2)
    def milestone_list(self):
        self.client.get(f"/programmes/{PROGRAMME}/milestones/", name="milestone list")

    @task(1)
    def timeline(self):
        self.client.get(f"/programmes/{PROGRAMME}/timeline/", name="timeline")

    @task(1)
    def risks(self):
        self.client.get(f"/programmes/{PROGRAMME}/risks/", name="risks")

    @task(2)
    def milestone(self):
        self.client.get(f"/milestones/{random.choice(self.mine)}/", name="milestone page")

    @task(2)
    def save_milestone(self):
        """Open the edit form, add a line to the comment, save with the version opened."""
        pk = random.choice(self.mine)
        form = FormReader()
        form.feed(self.client.get(f"/milestones/{pk}/edit/", name="milestone edit form").text)
        marker = f"{MARK} {uuid.uuid4().hex}"
        data = dict(form.fields)
        data["comment"] = (data.get("comment", "").rstrip() + f"\n\n- {marker}").strip()
        with self.client.post(
            f"/milestones/{pk}/edit/",
            data,
            name="save milestone",
            allow_redirects=False,
            catch_response=True,
        ) as response:
            if response.status_code == 302:
                response.success()
                with open(WRITES, "a") as accepted:
                    accepted.write(json.dumps({"pk": int(pk), "marker": marker}) + "\n")
            elif response.status_code == 200 and CONFLICT in response.text:
                response.success()  # refused, with the other change shown: nothing written
            else:
                response.failure(f"edit not saved ({response.status_code})")


def main() -> None:
    import benchmark_pages as setup

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--minutes", type=float, default=3)
    parser.add_argument("--milestones", type=int, default=0, help="a large programme (0: none)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--database-url", default="postgres://postgres@127.0.0.1:5432/postgres")
    parser.add_argument("--database", default="loadtest", help="the run's database (loadtest)")
    parser.add_argument(
        "--sign-in",
        action="store_true",
        help="each officer signs in through the form as the test starts (by default they are "
        "signed in beforehand: fifty password checks at once would be all the test measured)",
    )
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="keep the prepared template database for the next run, and use it if it is there",
    )
    args = parser.parse_args()

    template = f"{args.database}_template" + (f"_{args.milestones}" if args.milestones else "")
    env, static = setup.environment(args.database_url, args.database)
    if args.reuse:
        static.cleanup()
        static = None
        env["STATIC_ROOT"] = str(Path(tempfile.gettempdir()) / f"{args.database}-static")
    folder = tempfile.TemporaryDirectory()
    writes = Path(folder.name) / "writes.jsonl"
    writes.touch()
    try:
        started = time.perf_counter()
        made = prepare_template(args, template, setup)
        copy_database(args.database_url, template, args.database)
        if not (Path(env["STATIC_ROOT"]) / "staticfiles.json").exists():
            setup.manage(env, "config.settings.benchmark", "collectstatic", "--noinput", "-v0")
        print(
            f"set up in {time.perf_counter() - started:.0f} s "
            f"({'template made' if made else 'template reused'}: {template})",
            flush=True,
        )
        programme = setup.LARGE if args.milestones else setup.SEED
        sessions = [] if args.sign_in else signed_in(env, setup.USERNAME, args.users)
        with setup.Gunicorn(env, args.workers, setup.PRODUCTION_WORKERS) as host:
            started = time.perf_counter()
            print(f"load average before: {load_average()}", flush=True)
            locust = subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "locust",
                    "-f",
                    __file__,
                    "--headless",
                    f"--users={args.users}",
                    f"--spawn-rate={max(1, args.users // 10)}",
                    f"--run-time={int(args.minutes * 60)}s",
                    f"--host=http://{host}",
                    f"--csv={Path(folder.name) / 'stats'}",
                    "--only-summary",
                ],
                cwd=ROOT,
                env={
                    **os.environ,
                    "LOADTEST_PROGRAMME": programme,
                    "LOADTEST_WRITES": str(writes),
                    "LOADTEST_USERNAME": setup.USERNAME,
                    "LOADTEST_PASSWORD": setup.PASSWORD,
                    "LOADTEST_SESSIONS": ",".join(sessions),
                },
                check=False,
            )
            print(f"locust ran {time.perf_counter() - started:.0f} s, exit {locust.returncode}")
            print(f"load average after: {load_average()}", flush=True)
        failures = summary(Path(folder.name) / "stats_stats.csv")
        check_writes(env, writes)
        if failures or locust.returncode:
            raise SystemExit(f"{failures} requests failed.")
    finally:
        folder.cleanup()
        if static is not None:
            static.cleanup()
        drop_database(args.database_url, args.database)
        if not args.reuse:
            drop_database(args.database_url, template)


def signed_in(env: dict, username: str, count: int) -> list[str]:
    """Session keys of ``count`` sessions of ``username``, signed in as the sign-in page would
    (Django's ``login``, with this project's session bookkeeping), in the run's database."""
    script = (
        "from django.contrib.auth import get_user_model\n"
        "from django.test import Client\n"
        f"user = get_user_model().objects.get(username={username!r})\n"
        f"for _ in range({count}):\n"
        "    client = Client()\n"
        "    client.force_login(user)\n"
        "    print(client.cookies['sessionid'].value)\n"
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", script],
        cwd=ROOT,
        env={**env, "DJANGO_SETTINGS_MODULE": "config.settings.local"},
        check=False,
        capture_output=True,
        text=True,
    )
    if result.returncode:
        raise SystemExit(f"Signing the officers in failed:\n{result.stderr}")
    return result.stdout.split()[-count:]


def load_average() -> str:
    return " ".join(f"{figure:.1f}" for figure in os.getloadavg())


def prepare_template(args, template: str, setup) -> bool:
    """The database every run starts from: migrated, the seed programmes and the demonstration
    programme loaded with the demo accounts (as ``make run`` does), and with ``--milestones``
    the large programme. Made once and kept with ``--reuse``; a run copies it (PostgreSQL's
    ``CREATE DATABASE … TEMPLATE``, a file copy), so loading the seeds is not paid every run.
    False when it was there already."""
    import psycopg

    with psycopg.connect(args.database_url, autocommit=True) as connection:
        found = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [template]
        ).fetchone()
        if found and args.reuse:
            # A template kept from an older checkout is brought up to this one's migrations:
            # the pages would otherwise ask for columns it does not have.
            env, static = setup.environment(args.database_url, template)
            static.cleanup()
            setup.manage(env, "config.settings.local", "migrate", "--noinput", "-v0")
            return False
        seeded = f"{args.database}_template"
        start_from = ""
        if args.milestones and args.reuse:
            # The large programme is added to a copy of the seed template, if there is one.
            there = "SELECT 1 FROM pg_database WHERE datname = %s"
            start_from = seeded if connection.execute(there, [seeded]).fetchone() else ""
        connection.execute(f"DROP DATABASE IF EXISTS {template} WITH (FORCE)")
        copy = f" TEMPLATE {start_from}" if start_from else ""
        connection.execute(f"CREATE DATABASE {template}{copy}")
    env, static = setup.environment(args.database_url, template)
    static.cleanup()
    try:
        if not start_from:
            setup.manage(env, "config.settings.local", "migrate", "--noinput", "-v0")
            setup.manage(env, "config.settings.local", "load_seed_programmes", "--demo-users")
            setup.manage(env, "config.settings.local", "load_demo_programme")
        if args.milestones:
            setup.manage(
                env,
                "config.settings.local",
                "make_large_programme",
                f"--milestones={args.milestones}",
                f"--manager={setup.USERNAME}",
            )
    except BaseException:
        drop_database(args.database_url, template)
        raise
    return True


def copy_database(server_url: str, template: str, name: str) -> None:
    import psycopg

    with psycopg.connect(server_url, autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        connection.execute(f"CREATE DATABASE {name} TEMPLATE {template}")


def drop_database(server_url: str, name: str) -> None:
    import psycopg

    with psycopg.connect(server_url, autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def summary(stats: Path) -> int:
    """Locust's figures per request as a table; the number of failed requests."""
    import csv

    rows = list(csv.DictReader(stats.open()))
    print("\n| request | count | failures | p50 ms | p95 ms | p99 ms |")
    print("|---|---:|---:|---:|---:|---:|")
    for row in rows:
        print(
            f"| {row['Name']} | {row['Request Count']} | {row['Failure Count']} | "
            f"{row['50%']} | {row['95%']} | {row['99%']} |"
        )
    return sum(int(row["Failure Count"]) for row in rows if row["Name"] == "Aggregated")


def check_writes(env: dict, writes: Path) -> None:
    """Every accepted save's line is in its milestone's comment now."""
    accepted = [json.loads(line) for line in writes.read_text().splitlines()]
    script = (
        "import json, sys\n"
        "from milestones.models import Milestone\n"
        f"accepted = json.loads({json.dumps(json.dumps(accepted))})\n"
        "comments = dict(Milestone.objects.filter(pk__in={a['pk'] for a in accepted})"
        ".values_list('pk', 'comment'))\n"
        "missing = [a for a in accepted if a['marker'] not in comments[a['pk']]]\n"
        "print(f'{len(accepted)} accepted writes, {len(missing)} missing')\n"
        "sys.exit(1 if missing else 0)\n"
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", script],
        cwd=ROOT,
        env={**env, "DJANGO_SETTINGS_MODULE": "config.settings.local"},
        check=False,
        capture_output=True,
        text=True,
    )
    print(result.stdout.strip() or result.stderr.strip())
    if result.returncode:
        raise SystemExit("Some accepted writes are missing.")


if __name__ == "__main__":
    main()
