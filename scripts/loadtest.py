"""The load test: 50 officers at once reading pages and saving milestone edits through the edit
form (CSRF token, the version they opened) against gunicorn with production settings on
PostgreSQL, for a few minutes; then every write the server accepted is checked to be in the
database. Prints locust's figures (errors, p95) and the check.

    .venv/bin/python scripts/loadtest.py [--users 50] [--minutes 3] [--milestones 0]
        [--workers 2] [--database-url postgres://postgres@127.0.0.1:5432/postgres]

``--milestones 10000`` adds the large programme and loads it instead of the demonstration
programme. This file is also the locustfile that the run hands to locust (headless). The set-up
(database ``pages_benchmark``, seeds, static files, gunicorn) is scripts/benchmark_pages.py's.
The figures are recorded in docs/performance.md ("Load test").
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
from pathlib import Path

from locust import HttpUser, between, task

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

# Set by the run for locust's process: the programme, and where accepted writes are listed.
PROGRAMME = os.environ.get("LOADTEST_PROGRAMME", "demo-shared-services")
WRITES = os.environ.get("LOADTEST_WRITES", "")
USERNAME = os.environ.get("LOADTEST_USERNAME", "manager")
PASSWORD = os.environ.get("LOADTEST_PASSWORD", "")
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


class Officer(HttpUser):
    """A programme officer: mostly reading, sometimes saving a milestone's comment."""

    wait_time = between(1, 3)

    def on_start(self):
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
        number = next(OFFICERS)
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
    args = parser.parse_args()

    env, static = setup.environment(args.database_url)
    setup.recreate_database(args.database_url, drop_only=False)
    folder = tempfile.TemporaryDirectory()
    writes = Path(folder.name) / "writes.jsonl"
    writes.touch()
    try:
        setup.prepare(env)
        programme = setup.SEED
        if args.milestones:
            setup.manage(
                env,
                "config.settings.local",
                "make_large_programme",
                f"--milestones={args.milestones}",
                f"--manager={setup.USERNAME}",
            )
            programme = setup.LARGE
        with setup.Gunicorn(env, args.workers) as host:
            started = time.perf_counter()
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
                },
                check=False,
            )
            print(f"locust ran {time.perf_counter() - started:.0f} s, exit {locust.returncode}")
        summary(Path(folder.name) / "stats_stats.csv")
        check_writes(env, writes)
    finally:
        folder.cleanup()
        static.cleanup()
        setup.recreate_database(args.database_url, drop_only=True)


def summary(stats: Path) -> None:
    import csv

    rows = list(csv.DictReader(stats.open()))
    print("\n| request | count | failures | p50 ms | p95 ms | p99 ms |")
    print("|---|---:|---:|---:|---:|---:|")
    for row in rows:
        print(
            f"| {row['Name']} | {row['Request Count']} | {row['Failure Count']} | "
            f"{row['50%']} | {row['95%']} | {row['99%']} |"
        )


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
