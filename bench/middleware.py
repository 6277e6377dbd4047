"""What each middleware costs per request (CPU time of the Django process), in process, with `make serve`'s
settings on the bench database.

    python -m bench.middleware [--repeat 400]

A probe view that only reads request.user (no template, no query of its own) is requested as the bench
participant through the whole stack, then with each middleware left out in turn; the difference is that
middleware's cost. A middleware that another one needs (the session for authentication, say) cannot be left out
alone and is reported as such. Also prints the SQL queries of one request through the whole stack.
"""

import argparse
import statistics
import sys
import time

from django.http import HttpResponse
from django.urls import path

from bench.environment import configure_environment


def probe(request):
    user = getattr(request, "user", None)
    return HttpResponse(f"ok {getattr(user, 'pk', '')}", content_type="text/plain")


urlpatterns = [path("probe/", probe, name="probe")]


def _median_ms(client, url, repeat) -> float:
    times = []
    for _ in range(repeat):
        started = time.process_time()  # CPU time of this process: waiting for the database or the CPU left out
        response = client.get(url)
        times.append((time.process_time() - started) * 1000)
        assert response.status_code == 200, response.status_code
    return statistics.median(times)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=400)
    args = parser.parse_args(argv)

    configure_environment()
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, override_settings

    from bench.datagen import BENCH_USERNAME

    user = get_user_model().objects.get(username=BENCH_USERNAME)
    full = list(settings.MIDDLEWARE)

    def measure(middleware) -> float:
        with override_settings(MIDDLEWARE=middleware, ROOT_URLCONF=__name__):
            client = Client(HTTP_HOST="127.0.0.1")
            client.force_login(user, backend="common.auth_backends.PortalModelBackend")
            client.get("/probe/")
            return _median_ms(client, "/probe/", args.repeat)

    with override_settings(ROOT_URLCONF=__name__):
        client = Client(HTTP_HOST="127.0.0.1")
        client.force_login(user, backend="common.auth_backends.PortalModelBackend")
        client.get("/probe/")
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/probe/")
        print(response.status_code, response.content[:40])
    whole = measure(full)
    bare = measure([])
    print(
        f"Probe through all {len(full)} middleware: {whole:.2f} ms; with none: {bare:.2f} ms (median of {args.repeat})"
    )
    print(f"SQL queries per request: {len(queries)}")
    for query in queries.captured_queries:
        print(f"  {query['sql'][:140]}")
    print("\n| middleware | ms per request |\n| --- | ---: |")
    for name in full:
        try:
            without = measure([other for other in full if other != name])
        except Exception as error:  # another middleware needs this one
            print(f"| `{name}` | needed by another ({type(error).__name__}) |")
            continue
        print(f"| `{name}` | {whole - without:.2f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
