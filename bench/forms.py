"""Time the secretariat's forms and the filtered lists in process, on the bench data set (issue 13: a secretariat
form renders in under 30 ms with 2,000 contacts and 3,000 plans).

    python -m bench.forms [--repeat 20]          (BENCH_SCALE=2 for the scale-2 data set)

Logs in as a secretariat user of the bench database (made when missing), requests each page `--repeat` times with
Django's test client and prints the median wall time, the SQL queries and the size of the HTML.
"""

import argparse
import statistics
import sys
import time

from bench.environment import configure_environment

FORM_USERNAME = "bench-forms-secretariat"


def pages():
    from activities.models import ActivityPlan
    from meetings.models import Meeting

    meeting = Meeting.objects.order_by("-starts_at").first()
    plan = ActivityPlan.objects.order_by("-year", "-quarter_number").first()
    return [
        ("agenda builder (add an item)", f"/meetings/{meeting.pk}/agenda/"),
        ("new statement", f"/meetings/{meeting.pk}/statements/new/"),
        ("new follow-up action", f"/meetings/{meeting.pk}/actions/new/"),
        ("participants register", f"/meetings/{meeting.pk}/participants/"),
        ("new activity", f"/activities/new/?plan={plan.pk}"),
        ("new contact", "/contacts/new/"),
        ("actions list, filtered", "/actions/?status=open"),
        ("activities list", "/activities/"),
        ("participation, series", f"/series/{meeting.series_id}/participation/"),
    ]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args(argv)

    configure_environment()
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from common.roles import SECRETARIAT

    user, _ = get_user_model().objects.get_or_create(username=FORM_USERNAME)
    user.groups.add(Group.objects.get(name=SECRETARIAT))
    from bench.mixed import _logged_in

    client = _logged_in(Client(HTTP_HOST="127.0.0.1"), user)
    print(f"| page | path | ms (median of {args.repeat}) | SQL queries | KiB |")
    print("| --- | --- | ---: | ---: | ---: |")
    for label, path in pages():
        client.get(path)
        times = []
        for _ in range(args.repeat):
            with CaptureQueriesContext(connection) as queries:
                started = time.perf_counter()
                response = client.get(path)
                times.append((time.perf_counter() - started) * 1000)
        size = len(response.content) / 1024
        status = "" if response.status_code == 200 else f" (HTTP {response.status_code})"
        print(f"| {label}{status} | `{path}` | {statistics.median(times):.1f} | {len(queries)} | {size:.0f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
