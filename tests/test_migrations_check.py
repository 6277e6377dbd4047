"""`make check-migrations` (part of `make test`) compares the models with the migration files and reads no
database: a development database half-way through a squashed migration's replaced ones made it fail with an
inconsistent history, which only `make migrate` mended."""

import os
import subprocess
import sys

import psycopg
import pytest
from django.conf import settings

from tests.subprocess_database import scratch_database


@pytest.fixture
def database_half_way_through_a_squash():
    """A database whose history says coordination's first migration ran before the activities migration it needs."""
    with scratch_database("half_way") as (_name, url, _server):
        with psycopg.connect(url, autocommit=True) as database:
            database.execute(
                "CREATE TABLE django_migrations (id serial PRIMARY KEY, app varchar(255), name varchar(255), "
                "applied timestamptz NOT NULL DEFAULT now())"
            )
            database.execute("INSERT INTO django_migrations (app, name) VALUES ('coordination', '0001_roles')")
        yield url


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
