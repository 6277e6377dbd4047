"""The report: medians, ratios to /healthz, the targets of issue 13, bench/results/latest.md and docs/benchmark.md."""

import json
import os
import platform
import statistics
from pathlib import Path

from bench.environment import BASE_DIR

README = BASE_DIR / "docs" / "benchmark.md"  # the results section between the markers
README_START = "<!-- bench-results:start -->"
README_END = "<!-- bench-results:end -->"
# Issue 13's targets for first views (every request renders its page: there is no cache of whole pages).
TARGET_RATIO, TARGET_P95_MS = 0.10, 60
HEAVY_TARGET_RATIO, HEAVY_TARGET_P95_MS = 0.05, 120  # search and the calendar feed
HEAVY_PAGES = ("search", "calendar")
MIXED_LABEL = "mixed run"
MIXED_TARGET_RATIO = 0.12
FLAT_COST_LIMIT = 1.25  # a page's cost at the larger scale over its cost at the smaller one


def _median(runs, key):
    return statistics.median(run[key] for run in runs)


def _ratio(runs, baseline_runs) -> float:
    return statistics.median(
        page["rps"] / healthz["rps"] if healthz["rps"] else 0.0
        for page, healthz in zip(runs, baseline_runs, strict=True)
    )


def summarise(target, baseline: bool = False) -> dict:
    row = {
        "label": target.label,
        "path": target.path,
        "rps": _median(target.runs, "rps"),
        "p50": _median(target.runs, "p50_us") / 1000,
        "p95": _median(target.runs, "p95_us") / 1000,
        "queries": target.queries,
        "kb": (target.size or 0) / 1024,
        "errors": sum(run["errors"] for run in target.runs),
        "cache": getattr(target, "cache", {}),
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


FRAGMENT_KINDS = {"meeting-row": "rows", "meeting-event": "meeting events", "activity-event": "activity events"}


def hit_rates(cache: dict) -> str:
    """The fragment cache's hit rate per kind during a page's measured runs: "rows 97% of 1,250"."""
    parts = []
    for kind, numbers in sorted(cache.items()):
        looked_up = numbers["hits"] + numbers["misses"]
        if looked_up:
            parts.append(f"{FRAGMENT_KINDS.get(kind, kind)} {numbers['hits'] / looked_up:.0%} of {looked_up:,}")
    return "; ".join(parts)


def floor_profile(floor: dict | None, label: str) -> str:
    """The floor profile's breakdown of a page (bench/floor.py, in process): CPU and where the wall time went."""
    page = (floor or {}).get("pages", {}).get(label)
    if not page:
        return ""
    return (
        f"{page['total']:.0f} ms: CPU {page['cpu']:.0f}, SQL {page['sql']:.0f} ({page['queries']} q), "
        f"templates {page['templates']:.0f}, view {page['view']:.0f}, "
        f"middleware + session + user {page['middleware'] + page['session_user']:.0f}"
    )


def render_table(rows: list[dict], floor: dict | None = None) -> str:
    lines = [
        "| page | path | target | req/s | p95 ms | ratio to /healthz | met | p50 ms | SQL queries | KiB | errors "
        "| fragment cache hits | floor profile, in process |",
        "| --- | --- | --- | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | --- | --- |",
    ]
    for row in rows:
        path = row["path"] if len(row["path"]) <= 40 else row["path"][:37] + "..."
        target = f">= {row['target_ratio']:.2f}, p95 < {row['target_p95']:.0f}" if row["label"] != "/healthz" else ""
        met = "" if row["label"] == "/healthz" else ("yes" if row["ok"] else "**no**")
        queries = "" if row["queries"] is None else row["queries"]
        lines.append(
            f"| {row['label']} | `{path}` | {target} | {row['rps']:,.0f} | {row['p95']:.1f} | {row['ratio']:.2f} "
            f"| {met} | {row['p50']:.1f} | {queries} | {row['kb']:.0f} | {row['errors']} "
            f"| {hit_rates(row.get('cache') or {})} | {floor_profile(floor, row['label'])} |"
        )
    return "\n".join(lines)


def read_floor(scale: float) -> dict | None:
    from bench.floor import summary_path

    try:
        return json.loads(summary_path(scale).read_text())
    except (OSError, ValueError):
        return None


def render_floor_note(floor: dict | None, scale: float) -> str:
    if not floor:
        return (
            f"- Floor profile: none for scale {scale:g} yet (`make bench-floor BENCH_SCALE={scale:g}` writes "
            f"bench/results/floor-{scale:g}.json)\n"
        )
    return (
        f"- Floor profile (last column): `make bench-floor` of {floor['date']} (load average {floor['load']:.1f}), "
        f"in process, one request at a time, medians; details in bench/results/floor-{scale:g}.md\n"
    )


def render_production(context) -> str:
    """Nginx in front of one and of two app servers with Redis as the shared cache (``--prod``)."""
    shapes = context.get("production") or []
    if not shapes:
        return ""
    lines = [
        "### The production shape: nginx, one and two app servers, Redis, PostgreSQL",
        "",
        *(f"- {shape['description']}" for shape in shapes),
        "",
        "| page | target | "
        + " | ".join(f"{shape['name']}: req/s | p95 ms | ratio | met | cache hits" for shape in shapes)
        + " |",
        "| --- | --- | " + " | ".join("---: | ---: | ---: | --- | ---" for _ in shapes) + " |",
    ]
    by_shape = [{row["label"]: row for row in shape["rows"]} for shape in shapes]
    for row in shapes[0]["rows"]:
        label = row["label"]
        target = f">= {row['target_ratio']:.2f}, p95 < {row['target_p95']:.0f}" if label != "/healthz" else ""
        cells = []
        for rows in by_shape:
            each = rows.get(label)
            if each is None:
                cells.append(" |  |  |  | ")
                continue
            met = "" if label == "/healthz" else ("yes" if each["ok"] else "**no**")
            cells.append(
                f"{each['rps']:,.0f} | {each['p95']:.1f} | {each['ratio']:.2f} | {met} | "
                f"{hit_rates(each.get('cache') or {})}"
            )
        lines.append(f"| {label} | {target} | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def render_missing_production(context) -> str:
    missing = context.get("production_missing")
    return f"- Production shape not measured: {missing}\n" if missing else ""


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
        f"{mixed['writes']} writes (by turns an action's page, then its status update posted with the version the "
        f"page showed, and the Russian translation of the title of a meeting the list's first page and the feed show: "
        f"{mixed.get('translations', 0)} of them), one per {mixed['lines'] // max(mixed['writes'], 1)} requests of "
        "the walk; "
        f"{mixed.get('writes_done', 0)} action updates saved during the runs (bench/mixed.py, bench/mixed.lua)\n"
        if mixed
        else ""
    )
    floor = read_floor(context["scale"])
    mixed_cache = next((hit_rates(row.get("cache") or {}) for row in rows if row["label"] == MIXED_LABEL), "")
    mixed_cache_text = (
        f"- Fragment cache in the mixed run (pages varied, writes mixed in): {mixed_cache}\n" if mixed_cache else ""
    )
    return f"""## Scale {context["scale"]:g}

- Data set ({generated}): {counts}
- Load average (1 min) before / after: {context["load"][0]:.1f} / {context["load"][1]:.1f}
- Two app servers: {context["session_check"]}
{mixed_text}{mixed_cache_text}{render_floor_note(floor, context["scale"])}{render_missing_production(context)}{missing}
{render_table(rows, floor)}

{render_production(context)}"""


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
    server = (
        f"nginx in front of two gunicorn servers with `coordination/gunicorn.conf.py` ({first['workers']} sync "
        "workers in all)"
        if first.get("nginx")
        else f"gunicorn with `coordination/gunicorn.conf.py` ({first['workers']} sync workers)"
    )
    sections = "\n".join(render_scale(result["rows"], result["context"]) for result in results)
    return f"""# Benchmark results

- Date: {first["date"]}; machine: {first["machine"]["cores"]} cores ({first["machine"]["cpu"]});
  Python {platform.python_version()}, Django {django.get_version()}, PostgreSQL {first["postgres"]}
- Server: {server}, DEBUG off,
  whitenoise, persistent connections, the database session backend; wrk and PostgreSQL on the same machine
- Every number is a **first view**: there is no cache of whole pages, every request renders its page; the
  meetings list's rows and the calendar feed's events, the same for every reader of a language, come from the
  fragment cache once made (hit rates in the table; the mixed run's are the ones that tell), and the calendar
  feeds answer a calendar app's revalidation with 304, which this does not measure
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
