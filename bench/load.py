"""Load: the pages' SQL queries counted in process, and wrk driving /healthz and each page in turn."""

import json
import os
import re
import subprocess
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field

from bench.environment import BENCH_DIR, log
from bench.report import MIXED_LABEL
from bench.server import fetch_with_session


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
    cache: dict = field(default_factory=dict)  # fragment-cache hits and misses per kind during the measured runs


def count_queries(targets: list[Target], baseline: Target) -> None:
    """SQL queries per request, with Django's test client as the bench participant."""
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from bench.datagen import BENCH_USERNAME

    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(
        get_user_model().objects.get(username=BENCH_USERNAME), backend="common.auth_backends.PortalModelBackend"
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
            counted_before = quiet_fragment_counts()
            page = run_wrk(base, target, cookie, args)
            add_counts(target.cache, counted_before, quiet_fragment_counts())
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


def fragment_counts() -> dict:
    """The fragment-cache hits and misses every app server process counted so far (FRAGMENT_CACHE_STATS_DIR)."""
    from common.fragment_cache import read_stats

    folder = os.environ.get("FRAGMENT_CACHE_STATS_DIR")
    return read_stats(folder) if folder else {}


def quiet_fragment_counts(timeout: float = 10) -> dict:
    """The counts once no process has counted anything for half a second: the requests still queued from the run
    before are answered and counted, so that a page's numbers are its own."""
    counts = fragment_counts()
    deadline = time.monotonic() + timeout
    while counts and time.monotonic() < deadline:
        time.sleep(0.5)
        again = fragment_counts()
        if again == counts:
            break
        counts = again
    return counts


def add_counts(total: dict, before: dict, after: dict) -> None:
    for kind, numbers in after.items():
        earlier = before.get(kind, {"hits": 0, "misses": 0})
        counted = total.setdefault(kind, {"hits": 0, "misses": 0})
        for name in ("hits", "misses"):
            counted[name] += numbers[name] - earlier[name]


def mixed_writes_done() -> int:
    """Status updates the mixed run's writes saved (bench/mixed.lua posts them with this note)."""
    from django.db import connection

    from meetings.models import ActionUpdate

    count = ActionUpdate.objects.filter(note="Bench progress note").count()
    connection.close()
    return count
