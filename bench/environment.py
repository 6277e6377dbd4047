"""Where the benchmark keeps its files, its log line, and the settings the portal runs with under it."""

import os
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
BENCH_DIR = BASE_DIR / "bench"
RESULTS_DIR = BENCH_DIR / "results"
RAW_DIR = RESULTS_DIR / "raw"
STATE_DIR = BASE_DIR / "var"


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", flush=True)


def fragment_stats_dir(scale: float) -> Path:
    return RAW_DIR / f"fragment-cache-{scale:g}"


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
            # Plain HTTP on the loopback: in production a TLS proxy sits in front (docs/deployment.md).
            "SECURE_SSL_REDIRECT": "False",
            "SECURE_COOKIES": "False",
            "SECURE_HSTS_SECONDS": "0",
            # gunicorn refuses to start while the deploy check fails: these are the knowingly weakened ones.
            "SILENCED_SYSTEM_CHECKS": "security.W004,security.W012,security.W016",
            "PORTAL_BASE_URL": "http://127.0.0.1",
            "LOG_LEVEL": "WARNING",
            "GUNICORN_LOG_LEVEL": "warning",
            # Every app server process writes its fragment-cache hits and misses here (common.fragment_cache).
            "FRAGMENT_CACHE_STATS_DIR": str(fragment_stats_dir(scale)),
        }
    )
    fragment_stats_dir(scale).mkdir(parents=True, exist_ok=True)
    os.environ.pop("GUNICORN_ACCESS_LOG", None)
    return dict(os.environ)
