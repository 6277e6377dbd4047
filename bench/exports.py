"""Time and memory of the CSV and XLSX exports on the bench data set, in process (Django's test client).

Usage: python -m bench.exports [--scale 2] [--limit 100000]
Prints, per export and format: rows, wall-clock seconds, this process's CPU seconds and CPU µs per row (the
database server's work is not in it; on a shared machine the wall clock mostly measures the neighbours), and how
much the process's peak memory grew.
"""

import argparse
import gc
import io
import resource
import sys
import time
import zipfile


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", type=float, default=None)
    parser.add_argument("--formats", default="csv,xlsx")
    parser.add_argument("--exports", default="action-export,activity-export,participation-export")
    args = parser.parse_args(argv)

    from bench.environment import configure_environment

    configure_environment(args.scale)
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.test import Client
    from django.urls import reverse

    from bench.datagen import BENCH_USERNAME

    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(
        get_user_model().objects.get(username=BENCH_USERNAME), backend="common.auth_backends.PortalModelBackend"
    )
    client.get("/healthz")  # imports the views: not part of any export's time
    print(
        f"{'export':<22} {'format':<6} {'rows':>8} {'seconds':>8} {'CPU s':>6} {'CPU µs/row':>10} "
        f"{'peak +MB':>9} {'MB sent':>8}"
    )
    for name in args.exports.split(","):
        for file_format in args.formats.split(","):
            gc.collect()
            before = peak_mb()
            started, cpu_started = time.perf_counter(), time.process_time()
            response = client.get(reverse(name, args=[file_format]))
            size = 0
            body = response.streaming_content if response.streaming else [response.content]
            newlines = 0
            for part in body:
                size += len(part)
                if file_format == "csv":
                    newlines += part.count(b"\n")
            elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
            response.close()
            grown = peak_mb() - before
            if file_format == "xlsx":
                # Counting rows is not part of the timing.
                again = client.get(reverse(name, args=[file_format]))
                content = b"".join(again.streaming_content) if again.streaming else again.content
                with zipfile.ZipFile(io.BytesIO(content)) as archive:
                    rows = archive.read("xl/worksheets/sheet1.xml").count(b"<row>") - 1
            else:
                rows = newlines - 1
            print(
                f"{name:<22} {file_format:<6} {rows:>8,} {elapsed:>8.2f} {cpu:>6.2f} {cpu / max(rows, 1) * 1e6:>10.1f} "
                f"{grown:>9.1f} {size / 1e6:>8.1f}",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
