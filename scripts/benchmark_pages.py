"""How fast the officer pages are served, against a bare Django view in the same run: gunicorn
with production settings on PostgreSQL, signed in as a programme manager, at seed size and
again after adding a programme of 10,000 milestones. Prints requests per second, p50 and p99
for each page and each page's share of the bare view's requests per second.

    .venv/bin/python scripts/benchmark_pages.py [--milestones 10000] [--seconds 5]
        [--connections 4] [--workers 2] [--database-url postgres://postgres@127.0.0.1:5432/postgres]
        [--database pages_benchmark]

It creates (and afterwards drops) the database ``--database`` (``pages_benchmark``) on the
PostgreSQL server of ``--database-url``, migrates it, loads the seed programmes and the
demonstration programme with the demo accounts (development settings, as ``make run`` does),
refreshes PostgreSQL's statistics (``ANALYZE``, as autovacuum would), collects the static files into
a temporary folder, then serves ``config.settings.benchmark`` (production settings plus a bare
view at /benchmark/bare/) with gunicorn. Each page is requested for ``--seconds`` by
``--connections`` keep-alive connections after a one-second warm-up. The client is Python and
shares the machine with the server: compare the ratios of one run, not absolute figures of
different runs. The figures are recorded in docs/performance.md ("Web pages: speed").
"""

import argparse
import http.client
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlencode, urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
USERNAME, PASSWORD = "manager", "benchmark-password"
SEED = "demo-shared-services"
LARGE = "large-programme"
EMPTY_CONFIG = Path(tempfile.gettempdir()) / "benchmark_pages_gunicorn.conf.py"
TARGET = 0.25  # every page at least a quarter of the bare view's requests per second


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--milestones", type=int, default=10_000)
    parser.add_argument("--seconds", type=float, default=5.0, help="per page (5)")
    parser.add_argument("--connections", type=int, default=4, help="concurrent (4)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (2)")
    parser.add_argument("--database-url", default="postgres://postgres@127.0.0.1:5432/postgres")
    parser.add_argument("--database", default="pages_benchmark", help="made and dropped")
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    parser.add_argument(
        "--reuse", action="store_true", help="measure a database kept by --keep, as it is"
    )
    args = parser.parse_args()

    env, static = environment(args.database_url, args.database)
    if not args.reuse:
        recreate_database(args.database_url, args.database, drop_only=False)
    try:
        prepare(env, reuse=args.reuse)
        results = []
        with Gunicorn(env, args.workers) as base:
            results += measure_size("seed", SEED, base, args)
            if not args.reuse:
                started = time.perf_counter()
                manage(
                    env,
                    "config.settings.local",
                    "make_large_programme",
                    f"--milestones={args.milestones}",
                    f"--manager={USERNAME}",
                )
                took = time.perf_counter() - started
                print(f"made {args.milestones:,} milestones in {took:.0f} s")
                analyse(env)
            results += measure_size(f"{args.milestones:,}", LARGE, base, args)
        report(results)
    finally:
        static.cleanup()
        if not args.keep:
            recreate_database(args.database_url, args.database, drop_only=True)


def environment(server_url: str, database: str):
    """The environment of every command and of gunicorn, and the static files' folder."""
    server = urlsplit(server_url)
    static = tempfile.TemporaryDirectory()
    env = {
        **os.environ,
        "DATABASE_URL": urlunsplit(server._replace(path=f"/{database}")),
        "DEMO_PASSWORD": PASSWORD,
        "SECRET_KEY": "benchmark-only-" + "x" * 40,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "False",
        "LOG_LEVEL": "WARNING",
        "STATIC_ROOT": static.name,
    }
    return env, static


def prepare(env: dict, *, reuse: bool) -> None:
    """Migrate, load the seeds and the demonstration programme with the demo accounts (as
    ``make run`` does), and collect the static files for the production settings."""
    if not reuse:
        manage(env, "config.settings.local", "migrate", "--noinput", "-v0")
        manage(env, "config.settings.local", "load_seed_programmes", "--demo-users")
        manage(env, "config.settings.local", "load_demo_programme")
        analyse(env)
    manage(env, "config.settings.benchmark", "collectstatic", "--noinput", "-v0")


def analyse(env: dict) -> None:
    """Refresh PostgreSQL's statistics after a bulk load, as autovacuum soon does on a server
    that runs it (test servers often do not): without them the planner guesses a handful of
    rows per programme and joins every milestone before sorting."""
    import psycopg

    with psycopg.connect(env["DATABASE_URL"], autocommit=True) as connection:
        connection.execute("ANALYZE")


def recreate_database(server_url: str, database: str, *, drop_only: bool) -> None:
    import psycopg

    with psycopg.connect(server_url, autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {database} WITH (FORCE)")
        if not drop_only:
            connection.execute(f"CREATE DATABASE {database}")


def manage(env: dict, settings: str, *command: str) -> None:
    subprocess.run(
        [PYTHON, "manage.py", *command],
        cwd=ROOT,
        env={**env, "DJANGO_SETTINGS_MODULE": settings},
        check=True,
        stdout=subprocess.DEVNULL,
    )


# How gunicorn.conf.py runs the workers in production (two threads each, its time-out and worker
# recycling), for a run that should serve as production does (the load test).
PRODUCTION_WORKERS = (
    "--threads=2",
    "--timeout=60",
    "--max-requests=2000",
    "--max-requests-jitter=200",
)


class Gunicorn:
    """gunicorn serving ``config.settings.benchmark`` on a free port, for a ``with`` block;
    ``options`` are added to (and override) the command's own."""

    def __init__(self, env: dict, workers: int, options: tuple[str, ...] = ()):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.command = [
            PYTHON,
            "-m",
            "gunicorn",
            "config.wsgi",
            f"--workers={workers}",
            f"--bind=127.0.0.1:{self.port}",
            "--timeout=120",
            "--keep-alive=30",
            "--log-level=warning",
            # Not the repository's gunicorn.conf.py (read from the working folder by default):
            # its start-up collectstatic would race the one prepare() ran.
            f"--config={EMPTY_CONFIG}",
            *options,
        ]
        self.env = {**env, "DJANGO_SETTINGS_MODULE": "config.settings.benchmark"}

    def __enter__(self) -> str:
        EMPTY_CONFIG.write_text("")
        self.process = subprocess.Popen(self.command, cwd=ROOT, env=self.env)
        deadline = time.monotonic() + 300  # a loaded machine takes its time to import
        while time.monotonic() < deadline and self.process.poll() is None:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                    return f"127.0.0.1:{self.port}"
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("gunicorn did not start")

    def __exit__(self, *exc) -> None:
        self.process.send_signal(signal.SIGTERM)
        self.process.wait(timeout=30)


class Session:
    """A signed-in browser, as far as the server can tell: cookies, one keep-alive connection."""

    def __init__(self, host: str, cookies: dict | None = None):
        self.host = host
        self.cookies = dict(cookies or {})
        self.connection = http.client.HTTPConnection(host, timeout=120)

    def request(self, method: str, path: str, body: dict | None = None):
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        data = None
        if body is not None:
            data = urlencode(body)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        self.connection.request(method, path, body=data, headers=headers)
        response = self.connection.getresponse()
        content = response.read()
        for header in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = header.partition("=")
            self.cookies[name] = rest.split(";", 1)[0]
        return response.status, response.headers, content

    def sign_in(self) -> None:
        status, _, html = self.request("GET", "/accounts/login/")
        token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
        status, _, _ = self.request(
            "POST",
            "/accounts/login/",
            {"username": USERNAME, "password": PASSWORD, "csrfmiddlewaretoken": token.decode()},
        )
        if status != 302 or "sessionid" not in self.cookies:
            raise RuntimeError(f"signing in failed ({status})")


def pages(session: Session, slug: str) -> list[tuple[str, str]]:
    """The officer pages of programme ``slug``, with an area and a milestone found on them."""
    _, _, html = session.request("GET", f"/programmes/{slug}/")
    area = re.search(rf'href="(/programmes/{slug}/areas/\d+/)"'.encode(), html).group(1).decode()
    _, _, html = session.request("GET", area)
    milestone = re.search(rb'href="(/milestones/\d+/)"', html).group(1).decode()
    base = f"/programmes/{slug}"
    return [
        ("bare Django view", "/benchmark/bare/"),
        ("My work", "/"),
        ("overview", f"{base}/"),
        ("service-area page", area),
        ("timeline", f"{base}/timeline/"),
        ("milestone list", f"{base}/milestones/"),
        ("all milestones", "/milestones/"),
        ("milestone page", milestone),
        ("milestone edit form", f"{milestone}edit/"),
        ("risks", f"{base}/risks/"),
        ("savings", f"{base}/savings/"),
        ("budget", f"{base}/budget/"),
        ("actions", f"{base}/actions/"),
        ("meetings", f"{base}/meetings/"),
        ("governance", f"{base}/governance/"),
        ("glossary", f"{base}/glossary/"),
        ("updates board", f"{base}/updates/"),
        ("reports", f"{base}/reports/"),
    ]


def measure_size(size: str, slug: str, host: str, args) -> list[dict]:
    signed_in = Session(host)
    signed_in.sign_in()
    results = []
    for name, path in pages(signed_in, slug):
        status, _, content = signed_in.request("GET", path)
        if status != 200:
            raise RuntimeError(f"{path}: {status}")
        figures = load(host, signed_in.cookies, path, args.seconds, args.connections)
        figures.update(size=size, page=name, path=path, kb=len(content) / 1024)
        print(
            f"{size:>7} {name:<22} {figures['rps']:8.1f} req/s  p50 {figures['p50']:7.1f} ms  "
            f"p99 {figures['p99']:7.1f} ms  {figures['kb']:7.0f} kB",
            flush=True,
        )
        results.append(figures)
    return results


def load(host: str, cookies: dict, path: str, seconds: float, connections: int) -> dict:
    """Requests of ``path`` for ``seconds`` (after a second's warm-up) on ``connections``
    keep-alive connections: requests per second and latency percentiles."""
    latencies: list[float] = []
    errors = []
    start_at = time.perf_counter() + 1.0
    stop_at = start_at + seconds
    lock = threading.Lock()

    def client():
        session = Session(host, cookies)
        mine = []
        while (now := time.perf_counter()) < stop_at:
            status, _, _ = session.request("GET", path)
            took = time.perf_counter() - now
            if status != 200:
                errors.append(status)
            if now >= start_at:
                mine.append(took)
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=client) for _ in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if errors:
        raise RuntimeError(f"{path}: {len(errors)} errors, e.g. {errors[0]}")
    cuts = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else latencies * 99
    return {
        "rps": len(latencies) / seconds,
        "p50": cuts[49] * 1000,
        "p99": cuts[98] * 1000,
        "requests": len(latencies),
    }


def report(results: list[dict]) -> None:
    print("\n| size | page | req/s | p50 ms | p99 ms | kB | share of bare |")
    print("|---|---|---:|---:|---:|---:|---:|")
    failing = []
    for size in dict.fromkeys(row["size"] for row in results):
        rows = [row for row in results if row["size"] == size]
        bare = next(row for row in rows if row["page"] == "bare Django view")["rps"]
        for row in rows:
            share = row["rps"] / bare
            if share < TARGET:
                failing.append(f"{size} {row['page']}")
            print(
                f"| {size} | {row['page']} | {row['rps']:.1f} | {row['p50']:.1f} | "
                f"{row['p99']:.1f} | {row['kb']:.0f} | {share:.0%} |"
            )
    if failing:
        print(f"\nBelow {TARGET:.0%} of the bare view: {', '.join(failing)}")
    else:
        print(f"\nEvery page serves at least {TARGET:.0%} of the bare view's requests per second.")


if __name__ == "__main__":
    os.chdir(ROOT)
    main()
