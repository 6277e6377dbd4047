"""The benchmark's own database, next to the portal's, so the demo data is never touched.

BENCH_DATABASE_URL names it explicitly; otherwise it is one database per data scale, `coordination_bench` for
scale 1 and e.g. `coordination_bench_0_2` for scale 0.2, on the server of DATABASE_URL, or on the embedded
PostgreSQL server when that is unset: a run at two scales generates each data set once and then reuses both.
"""

import os
from urllib.parse import urlsplit, urlunsplit

import psycopg

BENCH_DATABASE_NAME = "coordination_bench"


def _server_url() -> str:
    if os.environ.get("DATABASE_URL"):
        return os.environ["DATABASE_URL"]
    from coordination.operations.embedded_postgres import database_url

    return database_url()


def bench_database_name(scale: float = 1) -> str:
    if scale == 1:
        return BENCH_DATABASE_NAME
    return f"{BENCH_DATABASE_NAME}_{format(scale, 'g').replace('.', '_')}"


def bench_database_url(scale: float = 1) -> str:
    if os.environ.get("BENCH_DATABASE_URL"):
        return os.environ["BENCH_DATABASE_URL"]
    return urlunsplit(urlsplit(_server_url())._replace(path=f"/{bench_database_name(scale)}"))


def _libpq(url: str) -> str:
    """django-environ accepts postgres:// and an empty host with ?host=/socket; libpq wants postgresql://."""
    parts = urlsplit(url)
    return urlunsplit(parts._replace(scheme="postgresql"))


def ensure_database(url: str) -> bool:
    """Create the bench database if it does not exist; True when it was created."""
    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    maintenance = _libpq(urlunsplit(parts._replace(path="/postgres")))
    with psycopg.connect(maintenance, autocommit=True) as connection:
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if exists:
            return False
        connection.execute(f'CREATE DATABASE "{name}"')
        return True
