"""The floor: where each millisecond of a request goes, in process, on the bench data set (`make bench-floor`).

    python -m bench.floor [--scale 0.2] [--repeat 30] [--output bench/results/floor.md]

Requests /healthz, a near-empty authenticated page (base.html with an empty content block), a plain-text
authenticated probe (no template) and the main pages as the bench participant through Django's test client with
`make serve`'s settings, and splits each request's wall time into exclusive segments:

- each middleware's own code (its `__call__` before and after the next one, and its `process_view`), measured by
  a marker between every two middleware;
- session loading (the session backend's `load`) and user loading (`auth.get_user`, the user with their
  permissions), wherever they are first touched;
- each context processor; template rendering (Django's `Template.render`, tags and filters included); the view's
  own Python (the rest of the handler: URL resolving, the view, building the response);
- SQL: queries and their time, by where they ran (session, user, view, templates, a middleware).

Each segment's time is exclusive (what runs inside it is counted where it belongs), its median over the repeats is
reported, and every page's total is also given as a multiple of /healthz's in the same run: on a shared machine the
absolute numbers move with the load, the multiples much less. Needs the data set (`make bench`, or
`python -m bench.run --scales 0.2 --prepare-only`).
"""

import argparse
import functools
import json
import os
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

from django.urls import include, path

from bench.environment import RESULTS_DIR, configure_environment, log


class Segments:
    """Exclusive wall time per named segment: entering one pauses the one it runs inside."""

    def __init__(self):
        self.totals = defaultdict(float)
        self.queries = defaultdict(int)
        self.stack = []
        self.started = 0.0

    def reset(self):
        self.totals.clear()
        self.queries.clear()
        self.stack = []

    def enter(self, name):
        now = time.perf_counter()
        if self.stack:
            self.totals[self.stack[-1]] += now - self.started
        self.stack.append(name)
        self.started = now

    def leave(self):
        now = time.perf_counter()
        self.totals[self.stack.pop()] += now - self.started
        self.started = now

    @property
    def current(self):
        return self.stack[-1] if self.stack else "outside the stack"

    def timed(self, name, function):
        @functools.wraps(function)
        def wrapper(*args, **kwargs):
            self.enter(name)
            try:
                return function(*args, **kwargs)
            finally:
                self.leave()

        return wrapper


SEGMENTS = Segments()
VIEW = "view (Python: URL resolving, the view, the response)"
TEMPLATES = "template rendering (tags and filters included)"
SESSION = "session loading"
USER = "user loading (with permissions)"
CPU = "CPU time of the Django process (not a segment: the database's work and waiting left out)"


def _marker(label):
    class Marker:
        """Enters the segment of the middleware after it (or the view, for the last one)."""

        def __init__(self, get_response):
            self.get_response = get_response

        def __call__(self, request):
            SEGMENTS.enter(label)
            try:
                return self.get_response(request)
            finally:
                SEGMENTS.leave()

    return Marker


def middleware_label(dotted):
    return f"middleware {dotted.rsplit('.', 1)[-1]}"


def instrumented_middleware(middleware):
    """settings.MIDDLEWARE with a marker before each middleware and one before the view."""
    names = []
    for index, dotted in enumerate(middleware):
        marker = f"Marker{index}"
        globals()[marker] = _marker(middleware_label(dotted))
        names += [f"{__name__}.{marker}", dotted]
    globals()["MarkerView"] = _marker(VIEW)
    return [*names, f"{__name__}.MarkerView"]


def instrument_handler(handler):
    """Time each middleware's process_view and process_template_response in that middleware's segment."""
    handler.load_middleware()

    def owner(method):
        return middleware_label(type(method.__self__).__name__)

    handler._view_middleware = [SEGMENTS.timed(owner(m), m) for m in handler._view_middleware]
    handler._template_response_middleware = [SEGMENTS.timed(owner(m), m) for m in handler._template_response_middleware]


def instrument_django():
    """Session and user loading, context processors, template rendering and SQL, each in its segment."""
    from importlib import import_module

    from django.conf import settings
    from django.contrib import auth
    from django.db import connection
    from django.template import base, engines

    store = import_module(settings.SESSION_ENGINE).SessionStore
    store.load = SEGMENTS.timed(SESSION, store.load)
    auth.get_user = SEGMENTS.timed(USER, auth.get_user)
    base.Template.render = SEGMENTS.timed(TEMPLATES, base.Template.render)
    engine = engines["django"].engine
    engine.__dict__["template_context_processors"] = tuple(
        SEGMENTS.timed(f"context processor {processor.__module__}.{processor.__name__}", processor)
        for processor in engine.template_context_processors
    )

    def sql(execute, sql, params, many, context):
        where = SEGMENTS.current
        name = f"SQL in {where}"
        SEGMENTS.queries[name] += 1
        SEGMENTS.enter(name)
        try:
            return execute(sql, params, many, context)
        finally:
            SEGMENTS.leave()

    connection.execute_wrappers.append(sql)


def floor_page(request):
    """An authenticated page with nothing on it: the base layout and an empty content block."""
    from django.template import engines
    from django.template.response import TemplateResponse

    return TemplateResponse(request, engines["django"].from_string('{% extends "base.html" %}'), {})


def text_probe(request):
    """An authenticated answer with no template: the middleware, the session and the user only."""
    from django.http import HttpResponse

    return HttpResponse(f"ok {request.user.pk}", content_type="text/plain")


def __getattr__(name):
    """The URLs: the two probes and the portal's own (read when Django resolves, after setup)."""
    if name != "urlpatterns":
        raise AttributeError(name)
    return [
        path("bench-floor/page/", floor_page, name="bench-floor-page"),
        path("bench-floor/text/", text_probe, name="bench-floor-text"),
        path("", include("coordination.urls")),
    ]


def pages():
    from bench.pages import BASELINE, PAGES, BenchData

    data = BenchData.find()
    wanted = {
        "dashboard",
        "meetings, page 1",
        "meetings, deep page",
        "meeting with a full agenda",
        "busy organisation",
        "search, common word",
        "search, rare word",
        "calendar feed",
    }
    chosen = [
        (BASELINE.label, BASELINE.path(data), False),
        ("authenticated text probe (no template)", "/bench-floor/text/", True),
        ("near-empty authenticated page (base.html)", "/bench-floor/page/", True),
    ]
    chosen += [(page.label, page.path(data), True) for page in PAGES if page.label in wanted and page.path(data)]
    return chosen


def measure(client, url, repeat):
    """Per segment, the median of its exclusive ms over the repeats; and the median total."""
    client.get(url)  # warm: templates compiled, the connection open
    per_segment = defaultdict(list)
    queries = defaultdict(list)
    totals, cpu = [], []
    for _ in range(repeat):
        SEGMENTS.reset()
        started, cpu_started = time.perf_counter(), time.process_time()
        response = client.get(url)
        cpu.append((time.process_time() - cpu_started) * 1000)
        totals.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (url, response.status_code)
        accounted = 0.0
        for name, seconds in SEGMENTS.totals.items():
            per_segment[name].append(seconds * 1000)
            accounted += seconds * 1000
        per_segment["test client and handler outside the middleware"].append(totals[-1] - accounted)
        for name, count in SEGMENTS.queries.items():
            queries[name].append(count)
    segments = {
        name: statistics.median(values + [0.0] * (repeat - len(values))) for name, values in per_segment.items()
    }
    counts = {name: max(values) for name, values in queries.items()}
    segments[CPU] = statistics.median(cpu)
    return statistics.median(totals), segments, counts


def summary(results) -> dict[str, dict]:
    """Per page, its total, CPU and the main parts in ms (what bench/report.py shows beside the load numbers)."""
    pages = {}
    for label, total, segments, counts in results:

        def part(predicate, segments=segments):
            return sum(ms for name, ms in segments.items() if predicate(name))

        pages[label] = {
            "total": total,
            "cpu": segments[CPU],
            "queries": sum(counts.values()),
            "sql": part(lambda n: n.startswith("SQL")),
            "middleware": part(lambda n: n.startswith("middleware")),
            "session_user": part(lambda n: n in (SESSION, USER)),
            "context_processors": part(lambda n: n.startswith("context processor")),
            "templates": part(lambda n: n == TEMPLATES),
            "view": part(lambda n: n == VIEW),
        }
    return pages


def summary_path(scale: float) -> Path:
    """Where the floor's summary of a scale is kept for the load report (bench/report.py)."""
    return RESULTS_DIR / f"floor-{scale:g}.json"


def render(results, scale, repeat, load):
    baseline, baseline_cpu = results[0][1], results[0][2][CPU]
    lines = [
        f"# The floor: where each millisecond goes (scale {scale:g})",
        "",
        f"`make bench-floor` (`python -m bench.floor --scale {scale:g}`), {time.strftime('%Y-%m-%d %H:%M %Z')}, "
        f"in process through Django's test client, `make serve`'s settings (DEBUG off), as the bench participant; "
        f"medians of {repeat} requests per page; load average {load[0]:.1f} before, {load[1]:.1f} after. "
        "Wall time, so SQL includes the round trip. Each segment is exclusive; `x /healthz` compares a page's "
        "total with /healthz's in this run. "
        "CPU is the Django process's own time, which waiting for the CPU or the database does not inflate: on a "
        "shared machine the CPU columns are the ones to compare across runs.",
        "",
        "| page | total ms | x /healthz | CPU ms | CPU x /healthz | SQL queries | SQL ms | middleware ms "
        "| session + user ms | context processors ms | templates ms | view ms |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for label, each in summary(results).items():
        lines.append(
            f"| {label} | {each['total']:.2f} | {each['total'] / baseline:.1f} "
            f"| {each['cpu']:.2f} | {each['cpu'] / baseline_cpu:.1f} "
            f"| {each['queries']} | {each['sql']:.2f} "
            f"| {each['middleware']:.2f} | {each['session_user']:.2f} "
            f"| {each['context_processors']:.2f} | {each['templates']:.2f} "
            f"| {each['view']:.2f} |"
        )
    lines += ["", "Middleware, session and user columns exclude their SQL, which is in the SQL column.", ""]
    for label, total, segments, counts in [(r[0], *r[1:]) for r in results]:
        lines += [
            f"## {label}",
            "",
            f"Total {total:.2f} ms ({total / baseline:.1f} x /healthz), {segments[CPU]:.2f} ms of CPU.",
            "",
        ]
        lines += ["| segment | ms | share | queries |", "| --- | ---: | ---: | ---: |"]
        for name, ms in sorted(segments.items(), key=lambda item: -item[1]):
            if name == CPU or (ms < 0.005 and name not in counts):
                continue
            lines.append(f"| {name} | {ms:.2f} | {ms / total:.0%} | {counts.get(name, '')} |")
        lines.append("")
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", type=float, default=0.2)
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--only", help="only pages whose label contains this text (and /healthz)")
    parser.add_argument("--output", type=Path)
    args = parser.parse_args(argv)
    configure_environment(args.scale)
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.test import Client
    from django.test.utils import override_settings

    from bench.datagen import BENCH_USERNAME

    if not (Path(settings.STATIC_ROOT) / "staticfiles.json").exists():  # as bench.run: the layout's static tags
        from django.core.management import call_command

        call_command("collectstatic", interactive=False, verbosity=0)
    user = get_user_model().objects.get(username=BENCH_USERNAME)
    chosen = pages()
    if args.only:
        chosen = [chosen[0]] + [page for page in chosen[1:] if args.only.lower() in page[0].lower()]
    load_before = os.getloadavg()[0]
    results = []
    with override_settings(ROOT_URLCONF=__name__, MIDDLEWARE=instrumented_middleware(settings.MIDDLEWARE)):
        instrument_django()
        anonymous = Client(HTTP_HOST="127.0.0.1")
        client = Client(HTTP_HOST="127.0.0.1")
        client.force_login(user, backend="common.auth_backends.PortalModelBackend")
        for each in (anonymous, client):
            instrument_handler(each.handler)
        for label, url, logged_in in chosen:
            total, segments, counts = measure(client if logged_in else anonymous, url, args.repeat)
            log(f"{label}: {total:.1f} ms, {sum(counts.values())} queries")
            results.append((label, total, segments, counts))
    report = render(results, args.scale, args.repeat, (load_before, os.getloadavg()[0]))
    output = args.output or RESULTS_DIR / f"floor-{args.scale:g}.md"
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(report + "\n")
    if args.output is None and not args.only:
        floor = {"date": time.strftime("%Y-%m-%d %H:%M %Z"), "load": load_before, "pages": summary(results)}
        summary_path(args.scale).write_text(json.dumps(floor, indent=1) + "\n")
    print(report)
    log(f"wrote {output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
