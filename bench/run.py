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

The parts: bench/environment.py (paths, settings), bench/server.py (gunicorn, nginx, logging in), bench/load.py
(queries and wrk), bench/report.py (the report).
"""

import argparse
import datetime
import hashlib
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from bench.environment import (
    BASE_DIR,
    BENCH_DIR,
    RAW_DIR,
    RESULTS_DIR,
    STATE_DIR,
    configure_environment,
    fragment_stats_dir,
    log,
)
from bench.load import Target, count_queries, measure, mixed_writes_done
from bench.report import MIXED_LABEL, machine, postgres_version, render_report, summarise, update_readme
from bench.server import Nginx, Redis, Server, check_shared_session, log_in, production_tools_missing, workers_for

__all__ = ["RAW_DIR", "configure_environment", "main"]


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
    parser.add_argument(
        "--nginx",
        action="store_true",
        default=env("BENCH_NGINX", "") not in ("", "0"),
        help="measure through nginx in front of two gunicorn servers (half the workers each) instead of one server",
    )
    parser.add_argument("--nginx-port", type=int, default=int(env("BENCH_NGINX_PORT", "8102")))
    parser.add_argument(
        "--prod",
        action="store_true",
        default=env("BENCH_PROD", "") not in ("", "0"),
        help="after the one-server run, the production shape: nginx in front of one, then two app servers, with "
        "Redis as the shared cache (CACHE_URL), the same pages and mixed run",
    )
    parser.add_argument("--redis-port", type=int, default=int(env("BENCH_REDIS_PORT", "8105")))
    parser.add_argument("--regenerate", action="store_true", help="generate the data set even if it is there")
    parser.add_argument("--only", help="run only pages whose label contains this text")
    parser.add_argument("--prepare-only", action="store_true", help="make the data set (for bench.profile) and stop")
    parser.add_argument("--no-readme", action="store_true", help="do not update the README's results section")
    parser.add_argument("--output", type=Path, default=RESULTS_DIR / "latest.md")
    return parser.parse_args(argv)


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
    from bench.generate import generate_data_set
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
    generate_data_set(scale=scale, seed=1, log=log)
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
        log("updated the results section of docs/benchmark.md")
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
    reset_fragment_counts(args.scale)
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
        front = first
        workers = workers_for(env)
        if args.nginx:
            # Production's shape: a load balancer in front of two app servers that share the database (sessions
            # included); about as many workers in all as the one server has (an even split).
            first.stop()
            half = max(2, workers // 2)
            workers = 2 * half
            proxied = {**env, "TRUSTED_PROXY_COUNT": "1"}
            servers = [Server(args.port, proxied, workers=half), Server(args.second_port, proxied, workers=half)]
            for server in servers:
                server.wait_until_ready()
            front = Nginx(args.nginx_port, [server.port for server in servers])
            servers.append(front)
            front.wait_until_ready()
            cookie = log_in(front.base)
            session_check += (
                f"; measured through nginx on :{args.nginx_port} balancing over :{args.port} and "
                f":{args.second_port} ({half} workers each)"
            )
        log(f"driving {len(targets)} runs against /healthz, {args.rounds} rounds of {args.duration} s")
        writes_before = mixed_writes_done() if mixed else 0
        measure(front.base, targets, baseline, cookie, args)
        if mixed:
            mixed["writes_done"] = mixed_writes_done() - writes_before
    finally:
        for server in servers:
            server.stop()

    rows = [summarise(baseline, baseline=True), *[summarise(target) for target in targets]]
    production, production_missing = [], ""
    if args.prod:
        production_missing = production_tools_missing()
        if production_missing:
            log(f"the production shape is not measured: this machine lacks {production_missing}")
        else:
            production = measure_production(args, env, targets, baseline, mixed)
    context = {
        "scale": args.scale,
        "date": datetime.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z"),
        "machine": machine(),
        "postgres": postgres,
        "workers": workers,
        "nginx": args.nginx,
        "counts": counts,
        "generated": generated,
        "missing": missing,
        "session_check": session_check,
        "load": (load_before, os.getloadavg()[0]),
        "mixed": mixed,
        "production": production,
        "production_missing": production_missing,
        "load_after_production": os.getloadavg()[0] if args.prod else None,
    }
    raw_path = RAW_DIR / f"{time.strftime('%Y%m%d-%H%M%S')}-scale-{args.scale:g}.json"
    raw_path.write_text(json.dumps([t.__dict__ for t in [baseline, *targets]], indent=1, default=str))
    if args.json:
        args.json.write_text(json.dumps({"rows": rows, "context": context}, default=str))
    return 0


def reset_fragment_counts(scale: float) -> None:
    """Forget the fragment-cache counts of earlier servers (their process ids may come again)."""
    for path in fragment_stats_dir(scale).glob("*.json"):
        path.unlink()


def measure_production(args, env: dict, targets: list[Target], baseline: Target, mixed: dict | None) -> list[dict]:
    """The same pages and mixed run through nginx in front of one, then two app servers, each configured as
    production runs one (`2 x cores + 1` workers, docs/deployment.md), with Redis as their shared cache
    (CACHE_URL: the fragment cache and cached_db sessions) and PostgreSQL."""
    shapes = []
    redis = Redis(args.redis_port)
    try:
        redis.wait_until_ready()
        production_env = {**env, "CACHE_URL": redis.url, "TRUSTED_PROXY_COUNT": "1"}
        ports = [args.port, args.second_port]
        for count in (1, 2):
            reset_fragment_counts(args.scale)
            redis_flush(redis.url)  # each shape starts with an empty cache
            load_before = os.getloadavg()[0]
            servers = []
            try:
                servers = [Server(port, production_env) for port in ports[:count]]
                for server in servers:
                    server.wait_until_ready()
                front = Nginx(args.nginx_port, [server.port for server in servers])
                servers.append(front)
                front.wait_until_ready()
                cookie = log_in(front.base)
                shape_baseline = fresh(baseline)
                shape_targets = [fresh(target) for target in targets]
                name = f"nginx + {count} app server{'s' if count > 1 else ''}"
                log(f"{name} (Redis on :{args.redis_port}): {len(shape_targets)} runs")
                writes_before = mixed_writes_done() if mixed else 0
                measure(front.base, shape_targets, shape_baseline, cookie, args)
                writes = mixed_writes_done() - writes_before if mixed else 0
            finally:
                for server in servers:
                    server.stop()
            workers = workers_for(env)
            shapes.append(
                {
                    "name": name,
                    "description": (
                        f"{name}: nginx on :{args.nginx_port} balancing round robin over "
                        + ", ".join(f":{port}" for port in ports[:count])
                        + f" ({workers} gunicorn workers each), Redis on :{args.redis_port} as the shared cache "
                        f"(fragments and sessions), PostgreSQL; logged in once through nginx; {writes} of the mixed "
                        f"run's action updates saved; load average (1 min) before / after {load_before:.1f} / "
                        f"{os.getloadavg()[0]:.1f}. On one machine a second app server adds no CPU: the point is the "
                        "shape, which is production's"
                    ),
                    "rows": [summarise(shape_baseline, baseline=True), *[summarise(t) for t in shape_targets]],
                }
            )
    finally:
        redis.stop()
    return shapes


def redis_flush(url: str) -> None:
    import redis

    redis.Redis.from_url(url).flushdb()


def fresh(target: Target) -> Target:
    """The same page with no measurements yet."""
    return Target(
        target.label, target.path, queries=target.queries, size=target.size, script=target.script, env=target.env
    )


if __name__ == "__main__":
    sys.exit(main())
