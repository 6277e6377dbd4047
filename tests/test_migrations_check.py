"""`make check-migrations` (part of `make test`) compares the models with the migration files and reads no
database: a development database half-way through a squashed migration's replaced ones made it fail with an
inconsistent history, which only `make migrate` mended."""

import os
import subprocess
import sys

import psycopg
import pytest
from django.conf import settings
from django.db import connection, connections

from tests.subprocess_database import direct_connection_settings, url_of_the_test_database


@pytest.fixture
def database_half_way_through_a_squash():
    """A database whose history says coordination's first migration ran before the activities migration it needs."""
    name = f"{connection.settings_dict['NAME']}_half_way"
    server = type(connections["default"])(direct_connection_settings(), "default")
    quoted = server.ops.quote_name(name)
    with server.creation._nodb_cursor() as cursor:
        cursor.execute(f"DROP DATABASE IF EXISTS {quoted}")
        cursor.execute(f"CREATE DATABASE {quoted}")
    url = url_of_the_test_database().replace(f"/{connection.settings_dict['NAME']}", f"/{name}", 1)
    with psycopg.connect(url, autocommit=True) as database:
        database.execute(
            "CREATE TABLE django_migrations (id serial PRIMARY KEY, app varchar(255), name varchar(255), "
            "applied timestamptz NOT NULL DEFAULT now())"
        )
        database.execute("INSERT INTO django_migrations (app, name) VALUES ('coordination', '0001_roles')")
    yield url
    with server.creation._nodb_cursor() as cursor:
        cursor.execute(f"DROP DATABASE IF EXISTS {quoted} WITH (FORCE)")


def run(command, database_url):
    environment = {**os.environ, "DATABASE_URL": database_url}
    environment.pop("DJANGO_SETTINGS_MODULE", None)
    return subprocess.run(  # noqa: S603 (fixed argv)
        command, cwd=settings.BASE_DIR, env=environment, capture_output=True, text=True, timeout=120, check=False
    )


@pytest.mark.django_db
def test_the_migrations_check_passes_beside_a_database_half_way_through_a_squash(database_half_way_through_a_squash):
    reading_the_database = run(
        [sys.executable, "manage.py", "makemigrations", "--check", "--dry-run"], database_half_way_through_a_squash
    )
    assert reading_the_database.returncode != 0
    assert "InconsistentMigrationHistory" in reading_the_database.stderr

    # As `make test` runs it (-o: the installed packages are taken as they are).
    check = run(
        ["make", "--no-print-directory", "-o", ".venv/.installed", "check-migrations"],
        database_half_way_through_a_squash,
    )
    assert check.returncode == 0, check.stdout + check.stderr
    assert "No changes detected" in check.stdout
