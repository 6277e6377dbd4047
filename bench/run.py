"""`make bench`: the portal under load on a large data set, measured against /healthz in the same run.

1. Creates the bench database (bench/database.py), migrates it and generates the data set when it is
   missing or was made by another scale or another version of the generator.
2. Collects the static files and counts each page's SQL queries with Django's test client.
3. Serves the portal with gunicorn exactly as `make serve` does (coordination/gunicorn.conf.py, DEBUG off),
   logs in once through the login form as a participant and checks that a second gunicorn server on another
   port accepts the same session (several app servers behind a load balancer).
4. Drives /healthz and each page alternately with wrk, several rounds, and reports medians: requests/s,
   p50 and p95 latency, throughput as a ratio to /healthz, queries per request.
5. Writes bench/results/latest.md and the results section of the README.

Usage: python -m bench.run [--scale 1] [--rounds 3] [--duration 5] [--connections 8] [--regenerate]
(environment: BENCH_SCALE, BENCH_ROUNDS, BENCH_DURATION, BENCH_CONNECTIONS, BENCH_PORT, BENCH_SECOND_PORT,
BENCH_DATABASE_URL, WEB_CONCURRENCY).
"""

import argparse
import datetime
import hashlib
import http.cookiejar
import json
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
BENCH_DIR = BASE_DIR / "bench"
RESULTS_DIR = BENCH_DIR / "results"
RAW_DIR = RESULTS_DIR / "raw"
README = BASE_DIR / "README.md"
README_START = "<!-- bench-results:start -->"
README_END = "<!-- bench-results:end -->"
STATE_DIR = BASE_DIR / "var"
# Issue 13's targets for first views (every request renders its page: there is no cache of whole pages).
TARGET_RATIO, TARGET_P95_MS = 0.10, 60
HEAVY_TARGET_RATIO, HEAVY_TARGET_P95_MS = 0.05, 120  # search and the calendar feed
HEAVY_PAGES = ("search", "calendar")
MIXED_LABEL = "mixed run"
MIXED_TARGET_RATIO = 0.12
FLAT_COST_LIMIT = 1.25  # a page's cost at the larger scale over its cost at the smaller one


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", flush=True)


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    env = os.environ.get
    parser.add_argument(
        "--scales",
        default=env("BENCH_SCALES", env("BENCH_SCALE", "0.2,2")),
        help="data scales, comma-separated: each one is measured in turn and the report compares them",
    )
    parser.add_argument("--scale", type=float, help=argparse.SUPPRESS)  # one scale, run by the parent process
    parser.add_argument("--json", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--rounds", type=int, default=int(env("BENCH_ROUNDS", "3")))
    parser.add_argument("--duration", type=int, default=int(env("BENCH_DURATION", "5")), help="seconds per wrk run")
    parser.add_argument("--connections", type=int, default=int(env("BENCH_CONNECTIONS", "8")))
    parser.add_argument("--threads", type=int, default=int(env("BENCH_WRK_THREADS", "2")))
    parser.add_argument("--port", type=int, default=int(env("BENCH_PORT", "8103")))
    parser.add_argument("--second-port", type=int, default=int(env("BENCH_SECOND_PORT", "8104")))
    parser.add_argument("--regenerate", action="store_true", help="generate the data set even if it is there")
    parser.add_argument("--only", help="run only pages whose label contains this text")
    parser.add_argument("--prepare-only", action="store_true", help="make the data set (for bench.profile) and stop")
    parser.add_argument("--no-readme", action="store_true", help="do not update the README's results section")
    parser.add_argument("--output", type=Path, default=RESULTS_DIR / "latest.md")
    return parser.parse_args(argv)


def configure_environment(scale: float | None = None) -> dict:
    """The settings `make serve` runs with, plus the bench's own database and throw-away secrets."""
    from bench.database import bench_database_url, ensure_database

    if scale is None:
        scale = float(os.environ.get("BENCH_SCALE", "1"))
    url = bench_database_url(scale)
    if ensure_database(url):
        log("created the bench database")
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "coordination.settings",
            "DATABASE_URL": url,
            "DEBUG": "False",
            "SECRET_KEY": "bench-only-secret-key-" + "x" * 40,
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            # Plain HTTP on the loopback: in production a TLS proxy sits in front (README, "Production serving").
            "SECURE_SSL_REDIRECT": "False",
            "SECURE_COOKIES": "False",
            "SECURE_HSTS_SECONDS": "0",
            "LOG_LEVEL": "WARNING",
            "GUNICORN_LOG_LEVEL": "warning",
        }
    )
    os.environ.pop("GUNICORN_ACCESS_LOG", None)
    return dict(os.environ)


def generator_fingerprint(scale: float, seed: int) -> dict:
    source = (BENCH_DIR / "datagen.py").read_bytes()
    return {
        "scale": scale,
        "seed": seed,
        "generator": hashlib.sha256(source).hexdigest()[:16],
        "database": os.environ["DATABASE_URL"],
    }


def state_file(scale: float) -> Path:
    return STATE_DIR / f"bench-data-{format(scale, 'g')}.json"


def prepare_data(scale: float, regenerate: bool) -> float | None:
    """Migrate and (re)generate the data set when needed; returns the generation time in seconds, if it ran."""
    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    from bench.datagen import BENCH_USERNAME, Volumes
    from meetings.models import Meeting

    call_command("migrate", interactive=False, verbosity=0)
    wanted = generator_fingerprint(scale, seed=1)
    volumes = Volumes.at_scale(scale)
    expected_meetings = volumes.series * max(1, volumes.meetings // volumes.series)
    try:
        recorded = json.loads(state_file(scale).read_text())
    except (OSError, ValueError):
        recorded = None
    present = (
        Meeting.objects.count() == expected_meetings
        and get_user_model().objects.filter(username=BENCH_USERNAME).exists()
    )
    if present and recorded == wanted and not regenerate:
        log(f"reusing the data set at scale {scale} ({expected_meetings:,} meetings)")
        return None
    log(f"generating the data set at scale {scale}")
    started = time.monotonic()
    call_command("generate_bench_data", scale=scale, seed=1)
    elapsed = time.monotonic() - started
    state_file(scale).parent.mkdir(parents=True, exist_ok=True)
    state_file(scale).write_text(json.dumps(wanted))
    return elapsed


def data_counts() -> dict:
    from activities.models import Activity
    from meetings.models import ActionItem, AgendaItem, Meeting, MeetingSeries, Participation
    from stakeholders.models import Contact, Organization

    models = [Organization, Contact, MeetingSeries, Meeting, AgendaItem, Participation, ActionItem, Activity]
    return {str(model._meta.verbose_name_plural): model.objects.count() for model in models}


@dataclass
class Target:
    label: str
    path: str
    queries: int | None = None
    size: int | None = None
    runs: list = field(default_factory=list)  # every request renders the page: first views
    baseline_runs: list = field(default_factory=list)
    script: str = "report.lua"
    env: dict = field(default_factory=dict)


def resolve_pages(only: str | None) -> tuple[list[Target], list[str]]:
    from bench.pages import PAGES, BenchData

    data = BenchData.find()
    targets, missing = [], []
    for page in PAGES:
        if only and only.lower() not in page.label.lower():
            continue
        path = page.path(data)
        if path is None:
            missing.append(f"{page.label} (URL name `{page.url_name}` does not exist yet)")
        else:
            targets.append(Target(page.label, path))
    return targets, missing


def count_queries(targets: list[Target], baseline: Target) -> None:
    """SQL queries per request, with Django's test client as the bench participant."""
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from bench.datagen import BENCH_USERNAME

    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(
        get_user_model().objects.get(username=BENCH_USERNAME), backend="django.contrib.auth.backends.ModelBackend"
    )
    anonymous = Client(HTTP_HOST="127.0.0.1")  # /healthz is measured as a load balancer calls it
    for target in [baseline, *targets]:
        browser = anonymous if target is baseline else client
        try:
            browser.get(target.path)  # warm up: first-request work is not what a page costs
        except Exception as error:
            raise SystemExit(f"{target.label} ({target.path}) fails: {error!r}") from error
        with CaptureQueriesContext(connection) as context:
            response = browser.get(target.path)
        if response.status_code != 200:
            raise SystemExit(f"{target.label} ({target.path}) answered {response.status_code} to the test client")
        target.queries = len(context.captured_queries)
    connection.close()


class Server:
    """One gunicorn master started with the production config."""

    def __init__(self, port: int, env: dict, workers: int | None = None):
        self.port = port
        command = [
            str(BASE_DIR / ".venv" / "bin" / "gunicorn"),
            "-c",
            str(BASE_DIR / "coordination" / "gunicorn.conf.py"),
            "--bind",
            f"127.0.0.1:{port}",
        ]
        if not Path(command[0]).exists():
            command[0] = shutil.which("gunicorn") or "gunicorn"
        if workers:
            command += ["--workers", str(workers)]
        self.log_path = RAW_DIR / f"gunicorn-{port}.log"
        self.log_file = self.log_path.open("w")
        self.process = subprocess.Popen(
            command, cwd=BASE_DIR, env=env, stdout=self.log_file, stderr=subprocess.STDOUT, start_new_session=True
        )
        self.base = f"http://127.0.0.1:{port}"

    def wait_until_ready(self, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(
                    f"gunicorn on port {self.port} exited; see {self.log_path}:\n{self.log_path.read_text()}"
                )
            try:
                with urllib.request.urlopen(self.base + "/healthz", timeout=2) as response:
                    if response.status == 200:
                        return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            time.sleep(0.3)
        raise SystemExit(f"gunicorn on port {self.port} did not answer /healthz within {timeout} s")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        self.log_file.close()


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def _opener(jar):
    return urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), _NoRedirect)


def _get(opener, url):
    try:
        with opener.open(url, timeout=30) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def log_in(base: str) -> str:
    """Log in through the login form like a browser; returns the Cookie header a browser would send next.

    That is the session and the CSRF cookie: without the latter every page would answer with a new CSRF cookie,
    which no browser sees after its first page.
    """
    from django.conf import settings

    from bench.datagen import BENCH_PASSWORD, BENCH_USERNAME

    jar = http.cookiejar.CookieJar()
    opener = _opener(jar)
    status, body = _get(opener, base + "/accounts/login/")
    match = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body)
    if status != 200 or not match:
        raise SystemExit(f"the login page answered {status} without a CSRF token")
    form = urllib.parse.urlencode(
        {"username": BENCH_USERNAME, "password": BENCH_PASSWORD, "csrfmiddlewaretoken": match.group(1).decode()}
    ).encode()
    request = urllib.request.Request(base + "/accounts/login/", data=form, headers={"Referer": base + "/"})
    try:
        response = opener.open(request, timeout=30)
        status = response.status
    except urllib.error.HTTPError as error:
        status = error.code
    cookies = {cookie.name: cookie.value for cookie in jar}
    if status != 302 or settings.SESSION_COOKIE_NAME not in cookies:
        raise SystemExit(f"logging in as {BENCH_USERNAME} failed (HTTP {status})")
    return "; ".join(f"{name}={value}" for name, value in sorted(cookies.items()))


def fetch_with_session(url: str, cookie: str) -> tuple[int, bytes]:
    request = urllib.request.Request(url, headers={"Cookie": cookie})
    return _get(_opener(http.cookiejar.CookieJar()), request)


def check_shared_session(first: Server, second: Server, cookie: str) -> str:
    """One login, then the same cookie on two app servers in turn: both must see the logged-in user."""
    from bench.datagen import BENCH_USERNAME

    answers = []
    for server in [first, second, first, second]:
        status, body = fetch_with_session(server.base + "/", cookie)
        answers.append((server.port, status, BENCH_USERNAME.encode() in body))
    if not all(status == 200 and knows_user for _, status, knows_user in answers):
        raise SystemExit(f"the session did not work on both app servers: {answers}")
    ports = ", ".join(f":{port}" for port, _, _ in answers)
    return (
        f"logged in once through the login form on :{first.port}; the same session cookie was then "
        f"accepted by {ports} in turn (each 200, as `{BENCH_USERNAME}`)"
    )


def run_wrk(base: str, target: Target, cookie: str, args, duration: int | None = None) -> dict:
    """One wrk run of a page (report.lua), or of the mixed run (mixed.lua, its requests in target.env's file)."""
    command = [
        "wrk",
        f"-t{args.threads}",
        f"-c{args.connections}",
        f"-d{duration or args.duration}s",
        "--timeout",
        "10s",
        "--latency",
        "-s",
        str(BENCH_DIR / target.script),
        base + target.path,
    ]
    if cookie:
        command[-1:-1] = ["-H", f"Cookie: {cookie}"]
    env = {**os.environ, **target.env}
    output = subprocess.run(command, capture_output=True, text=True, check=True, env=env).stdout
    settle(base)
    match = re.search(r"^BENCH_JSON (\{.*\})$", output, re.MULTILINE)
    if not match:
        raise SystemExit(f"no result from wrk for {target.path}:\n{output}")
    result = json.loads(match.group(1))
    if result["errors_status"]:  # a 4xx/5xx answer: the page is broken, its numbers would mean nothing
        raise SystemExit(f"wrk saw {result['errors_status']} error answers on {target.path}: {result}\n{output}")
    # Socket errors and requests slower than wrk's timeout are counted and shown in the report.
    result["errors"] = sum(value for key, value in result.items() if key.startswith("errors_"))
    result["rps"] = result["requests"] / (result["duration_us"] / 1e6)
    return result


def settle(base: str, timeout: float = 60) -> None:
    """Wait until the requests wrk left queued in gunicorn are answered, so they do not slow the next run."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(base + "/healthz", timeout=timeout) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.2)


def check_page(base: str, target: Target, cookie: str) -> None:
    status, body = fetch_with_session(base + target.path, cookie)
    if status != 200:
        raise SystemExit(f"{target.label} ({target.path}) answered {status}: the bench measures only 200 answers")
    target.size = len(body)


def measure(base: str, targets: list[Target], baseline: Target, cookie: str, args) -> None:
    for target in [baseline, *targets]:
        if target.label != MIXED_LABEL:
            check_page(base, target, cookie)
        run_wrk(
            base, target, None if target is baseline else cookie, args, duration=1
        )  # warm the workers' connections and PostgreSQL's cache
    for round_number in range(1, args.rounds + 1):
        for target in targets:
            healthz = run_wrk(base, baseline, None, args)  # anonymous, like a load balancer's health check
            page = run_wrk(base, target, cookie, args)
            target.baseline_runs.append(healthz)
            target.runs.append(page)
            baseline.runs.append(healthz)
            log(
                f"round {round_number}/{args.rounds}  {target.label:<28} {page['rps']:8.0f} req/s  "
                f"p95 {page['p95_us'] / 1000:6.1f} ms   /healthz {healthz['rps']:6.0f} req/s"
            )
        for target in targets:
            if target.label != MIXED_LABEL:
                check_page(base, target, cookie)  # still 200: the session did not expire half-way


def _median(runs, key):
    return statistics.median(run[key] for run in runs)


def _ratio(runs, baseline_runs) -> float:
    return statistics.median(
        page["rps"] / healthz["rps"] if healthz["rps"] else 0.0
        for page, healthz in zip(runs, baseline_runs, strict=True)
    )


def summarise(target: Target, baseline: bool = False) -> dict:
    row = {
        "label": target.label,
        "path": target.path,
        "rps": _median(target.runs, "rps"),
        "p50": _median(target.runs, "p50_us") / 1000,
        "p95": _median(target.runs, "p95_us") / 1000,
        "queries": target.queries,
        "kb": (target.size or 0) / 1024,
        "errors": sum(run["errors"] for run in target.runs),
    }
    row["ratio"] = 1.0 if baseline else _ratio(target.runs, target.baseline_runs)
    row["target_ratio"], row["target_p95"] = targets_for(target.label)
    row["ok"] = row["ratio"] >= row["target_ratio"] and row["p95"] < row["target_p95"]
    return row


def targets_for(label: str) -> tuple[float, float]:
    if label == MIXED_LABEL:
        return MIXED_TARGET_RATIO, HEAVY_TARGET_P95_MS
    if label.startswith(HEAVY_PAGES):
        return HEAVY_TARGET_RATIO, HEAVY_TARGET_P95_MS
    return TARGET_RATIO, TARGET_P95_MS


def machine() -> dict:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {"cores": os.cpu_count(), "cpu": cpu}


def postgres_version() -> str:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        version = cursor.fetchone()[0]
    connection.close()
    return version


def render_table(rows: list[dict]) -> str:
    lines = [
        "| page | path | req/s | p50 ms | p95 ms | ratio to /healthz | target | met | SQL queries | KiB | errors |",
        "| --- | --- | ---: | ---: | ---: | ---: | --- | --- | ---: | ---: | ---: |",
    ]
    for row in rows:
        path = row["path"] if len(row["path"]) <= 40 else row["path"][:37] + "..."
        target = f">= {row['target_ratio']:.2f}, p95 < {row['target_p95']:.0f}" if row["label"] != "/healthz" else ""
        met = "" if row["label"] == "/healthz" else ("yes" if row["ok"] else "**no**")
        queries = "" if row["queries"] is None else row["queries"]
        lines.append(
            f"| {row['label']} | `{path}` | {row['rps']:,.0f} | {row['p50']:.1f} | {row['p95']:.1f} | "
            f"{row['ratio']:.2f} | {target} | {met} | {queries} | {row['kb']:.0f} | {row['errors']} |"
        )
    return "\n".join(lines)


def render_scale(rows, context) -> str:
    counts = ", ".join(f"{count:,} {name}" for name, count in context["counts"].items())
    missing = "".join(f"\n- not measured: {item}" for item in context["missing"])
    generated = (
        f"generated in this run in {context['generated']:.0f} s"
        if context["generated"] is not None
        else "reused from an earlier run"
    )
    mixed = context.get("mixed") or {}
    mixed_text = (
        f"- Mixed run: {mixed['users']} users logged in ({mixed['secretariat']} secretariat, the others participants "
        f"of {mixed['organizations']} organisations), one after the other in a walk of {mixed['lines']:,} requests "
        f"over {mixed['pages']} distinct pages, weighted {mixed['mix']}; {mixed['words']} different search words; "
        f"{mixed['writes']} writes (an action's page, then its status update posted with the version the page "
        f"showed), one per {mixed['lines'] // max(mixed['writes'], 1)} requests of the walk; "
        f"{mixed.get('writes_done', 0)} saved during the runs (bench/mixed.py, bench/mixed.lua)\n"
        if mixed
        else ""
    )
    return f"""## Scale {context["scale"]:g}

- Data set ({generated}): {counts}
- Load average (1 min) before / after: {context["load"][0]:.1f} / {context["load"][1]:.1f}
- Two app servers: {context["session_check"]}
{mixed_text}{missing}
{render_table(rows)}
"""


def mixed_writes_done() -> int:
    """Status updates the mixed run's writes saved (bench/mixed.lua posts them with this note)."""
    from django.db import connection

    from meetings.models import ActionUpdate

    count = ActionUpdate.objects.filter(note="Bench progress note").count()
    connection.close()
    return count


def render_flat_cost(results: list[dict]) -> str:
    if len(results) < 2:
        return ""
    small, large = results[0], results[-1]
    by_label = {row["label"]: row for row in small["rows"]}
    lines = [
        f"## Cost against data size: scale {large['context']['scale']:g} over scale {small['context']['scale']:g}",
        "",
        f"Per page, the /healthz ratio at the smaller scale over the ratio at the larger one (the /healthz ratio "
        f"takes out the load of the machine at the time): at most {FLAT_COST_LIMIT} means the cost is flat.",
        "",
        "| page | ratio, small | ratio, large | cost factor | flat |",
        "| --- | ---: | ---: | ---: | --- |",
    ]
    for row in large["rows"]:
        if row["label"] == "/healthz" or row["label"] not in by_label:
            continue
        before = by_label[row["label"]]
        factor = before["ratio"] / row["ratio"] if row["ratio"] else float("inf")
        lines.append(
            f"| {row['label']} | {before['ratio']:.3f} | {row['ratio']:.3f} | {factor:.2f} | "
            f"{'yes' if factor <= FLAT_COST_LIMIT else '**no**'} |"
        )
    return "\n".join(lines) + "\n"


def render_report(results: list[dict], args) -> str:
    import django

    first = results[0]["context"]
    failing = [
        f"{row['label']} (scale {result['context']['scale']:g})"
        for result in results
        for row in result["rows"]
        if row["label"] != "/healthz" and not row["ok"]
    ]
    verdict = "Every page meets its target." if not failing else f"Short of the targets: {', '.join(failing)}."
    sections = "\n".join(render_scale(result["rows"], result["context"]) for result in results)
    return f"""# Benchmark results

- Date: {first["date"]}; machine: {first["machine"]["cores"]} cores ({first["machine"]["cpu"]});
  Python {platform.python_version()}, Django {django.get_version()}, PostgreSQL {first["postgres"]}
- Server: gunicorn with `coordination/gunicorn.conf.py` ({first["workers"]} sync workers), DEBUG off,
  whitenoise, persistent connections, the database session backend; wrk and PostgreSQL on the same machine
- Every number is a **first view**: there is no cache of whole pages, every request renders its page
  (the calendar feeds answer a calendar app's revalidation with 304, which this does not measure)
- Load: wrk, {args.threads} threads, {args.connections} connections, {args.duration} s per run,
  {args.rounds} round(s); /healthz (anonymous, as a load balancer calls it) and each page alternately; medians over
  the rounds; ratio = page req/s / the /healthz req/s measured just before it
- Pages: logged in as a participant of the busiest organisation; SQL queries per request counted with Django's
  test client. Other work on the machine lowers every number; errors = wrk timeouts over 10 s and socket errors
- Targets (issue 13): each page's ratio >= {TARGET_RATIO} and p95 < {TARGET_P95_MS} ms; search and the calendar
  feed >= {HEAVY_TARGET_RATIO} and p95 < {HEAVY_TARGET_P95_MS} ms; the mixed run >= {MIXED_TARGET_RATIO}; cost at the
  larger scale within {FLAT_COST_LIMIT}x of the smaller. {verdict}

{sections}
{render_flat_cost(results)}"""


def update_readme(report: str) -> bool:
    if not README.exists():
        return False
    text = README.read_text()
    if README_START not in text or README_END not in text:
        return False
    body = report.split("\n", 2)[2].strip()  # without the "# Benchmark results" heading
    start = text.index(README_START) + len(README_START)
    end = text.index(README_END)
    README.write_text(text[:start] + "\n" + body + "\n" + text[end:])
    return True


def workers_for(env: dict) -> int:
    return int(env.get("WEB_CONCURRENCY") or (os.cpu_count() or 1) * 2 + 1)


def main(argv=None) -> int:
    args = parse_args(argv if argv is not None else sys.argv[1:])
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed: `apt-get install wrk` (make bench does this when it can)")
    RAW_DIR.mkdir(parents=True, exist_ok=True)
    if args.scale is not None:
        return run_scale(args)
    # Each scale in its own process: Django's settings name one database per process.
    scales = [float(text) for text in str(args.scales).split(",") if text.strip()]
    results = []
    for scale in scales:
        result_path = RAW_DIR / f"scale-{scale:g}.json"
        command = [sys.executable, "-m", "bench.run", *(argv if argv is not None else sys.argv[1:])]
        command += ["--scale", str(scale), "--json", str(result_path)]
        subprocess.run(command, check=True, cwd=BASE_DIR)
        if not args.prepare_only:
            results.append(json.loads(result_path.read_text()))
    if args.prepare_only:
        return 0
    report = render_report(results, args)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(report)
    print(report)
    log(f"wrote {args.output}")
    if not args.no_readme and args.output == RESULTS_DIR / "latest.md" and update_readme(report):
        log("updated the results section of README.md")
    return 0


def run_scale(args) -> int:
    """Prepare, serve and measure one data scale; the numbers go to args.json for the parent's report."""
    env = configure_environment(args.scale)
    import django

    django.setup()
    from django.core.management import call_command

    generated = prepare_data(args.scale, args.regenerate)
    if args.prepare_only:
        return 0
    counts = data_counts()
    from django.conf import settings

    if not (Path(settings.STATIC_ROOT) / "staticfiles.json").exists():  # `make bench` runs `make collectstatic`
        call_command("collectstatic", interactive=False, verbosity=0)
    targets, missing = resolve_pages(args.only)
    from bench.mixed import prepare_mixed
    from bench.pages import BASELINE, BenchData

    data = BenchData.find()
    baseline = Target(BASELINE.label, BASELINE.path(data))
    count_queries(targets, baseline)
    log("queries per request: " + ", ".join(f"{t.label} {t.queries}" for t in [baseline, *targets]))
    mixed_file = RAW_DIR / f"mixed-{args.scale:g}.tsv"
    mixed = prepare_mixed(mixed_file, data) if not args.only else None
    if mixed:
        targets.append(Target(MIXED_LABEL, "/", script="mixed.lua", env={"BENCH_MIXED_FILE": str(mixed_file)}, size=0))
        log(f"mixed run: {mixed}")
    postgres = postgres_version()

    load_before = os.getloadavg()[0]
    servers = []
    try:
        first = Server(args.port, env)
        second = Server(args.second_port, env, workers=1)
        servers = [first, second]
        first.wait_until_ready()
        second.wait_until_ready()
        cookie = log_in(first.base)
        session_check = check_shared_session(first, second, cookie)
        log(session_check)
        second.stop()
        servers = [first]
        log(f"driving {len(targets)} runs against /healthz, {args.rounds} rounds of {args.duration} s")
        writes_before = mixed_writes_done() if mixed else 0
        measure(first.base, targets, baseline, cookie, args)
        if mixed:
            mixed["writes_done"] = mixed_writes_done() - writes_before
    finally:
        for server in servers:
            server.stop()

    rows = [summarise(baseline, baseline=True), *[summarise(target) for target in targets]]
    context = {
        "scale": args.scale,
        "date": datetime.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z"),
        "machine": machine(),
        "postgres": postgres,
        "workers": workers_for(env),
        "counts": counts,
        "generated": generated,
        "missing": missing,
        "session_check": session_check,
        "load": (load_before, os.getloadavg()[0]),
        "mixed": mixed,
    }
    raw_path = RAW_DIR / f"{time.strftime('%Y%m%d-%H%M%S')}-scale-{args.scale:g}.json"
    raw_path.write_text(json.dumps([t.__dict__ for t in [baseline, *targets]], indent=1, default=str))
    if args.json:
        args.json.write_text(json.dumps({"rows": rows, "context": context}, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
