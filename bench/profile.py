"""Profile pages on the bench data set with pyinstrument, as the bench participant, with `make serve`'s settings.

    python -m bench.profile /meetings/ "/search/?q=trafficking"       (after `make bench` made the data set)

Prints each page's time, its SQL queries with their durations, and pyinstrument's call tree; writes an HTML
profile per page to bench/results/raw/. Options: --repeat N (requests profiled together, default 20),
--sql (print every query), --explain [N] (EXPLAIN ANALYZE the N slowest queries).
"""

import argparse
import re
import sys
import time

from bench.environment import RAW_DIR, configure_environment


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--sql", action="store_true")
    parser.add_argument("--explain", type=int, nargs="?", const=1, default=0, metavar="N")
    args = parser.parse_args(argv)

    configure_environment()
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from pyinstrument import Profiler

    from bench.datagen import BENCH_USERNAME

    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(
        get_user_model().objects.get(username=BENCH_USERNAME), backend="common.auth_backends.PortalModelBackend"
    )
    RAW_DIR.mkdir(parents=True, exist_ok=True)
    for path in args.paths:
        client.get(path)
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            response = client.get(path)
            elapsed = (time.perf_counter() - started) * 1000
        sql_ms = sum(float(query["time"]) for query in queries.captured_queries) * 1000
        print(
            f"\n=== {path}: HTTP {response.status_code}, {elapsed:.1f} ms, {len(queries)} queries, {sql_ms:.1f} ms SQL"
        )
        slowest = sorted(queries.captured_queries, key=lambda query: -float(query["time"]))
        for query in slowest if args.sql else slowest[:5]:
            print(f"  {float(query['time']) * 1000:7.1f} ms  {query['sql'][:300]}")
        for query in slowest[: args.explain]:
            with connection.cursor() as cursor:
                cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + query["sql"])
                print(f"\n{query['sql'][:400]}\n" + "\n".join(row[0] for row in cursor.fetchall()))
        profiler = Profiler(interval=0.0005)
        profiler.start()
        for _ in range(args.repeat):
            client.get(path)
        profiler.stop()
        print(profiler.output_text(unicode=True, color=False, show_all=False))
        name = re.sub(r"[^A-Za-z0-9]+", "-", path).strip("-") or "dashboard"
        (RAW_DIR / f"profile-{name}.html").write_text(profiler.output_html())
    return 0


if __name__ == "__main__":
    sys.exit(main())
