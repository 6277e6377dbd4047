"""Nothing lost: a backup restores into an empty database with every row; a non-empty one is refused."""

import io

import psycopg
import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import connection

from coordination.operations.backup import Target
from tests.security.world import build_world


def row_counts(cursor):
    cursor.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'"
    )
    tables = sorted(row[0] for row in cursor.fetchall())
    counts = {}
    for table in tables:
        cursor.execute(f'SELECT count(*) FROM "{table}"')  # noqa: S608 (names from the catalogue)
        counts[table] = cursor.fetchone()[0]
    return counts


def connect(target):
    return psycopg.connect(
        dbname=target.name,
        host=target.host or None,
        port=target.port or None,
        user=target.user,
        password=target.password or None,
        autocommit=True,
    )


@pytest.fixture
def scratch_database():
    """An empty database on the same server, dropped afterwards."""
    source = Target.from_alias()
    scratch = Target(**{**source.__dict__, "name": f"{source.name}_restore"})
    with connect(source) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{scratch.name}"')
        admin.execute(f'CREATE DATABASE "{scratch.name}"')
    yield scratch
    with connect(source) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{scratch.name}" WITH (FORCE)')


def url_of(target):
    if target.host.startswith("/"):  # a Unix socket directory, as the embedded server uses
        return f"postgres://{target.user}:{target.password}@/{target.name}?host={target.host}"
    return f"postgres://{target.user}:{target.password}@{target.host}:{target.port or 5432}/{target.name}"


@pytest.mark.django_db(transaction=True)
def test_backup_and_restore_round_trip_keeps_every_row(
    tmp_path, scratch_database, participant, other_participant, secretariat, admin_user, capsys
):
    build_world(participant=participant, other_participant=other_participant, secretariat=secretariat, admin=admin_user)
    dump = tmp_path / "portal.dump"
    call_command("backup", output=str(dump))
    assert dump.stat().st_size > 0
    assert dump.read_bytes()[:5] == b"PGDMP"  # pg_dump's custom format
    assert dump.stat().st_mode & 0o077 == 0

    call_command("restore", str(dump), database_url=url_of(scratch_database))

    with connection.cursor() as cursor:
        original = row_counts(cursor)
    with connect(scratch_database) as restored_connection, restored_connection.cursor() as cursor:
        restored = row_counts(cursor)
    assert restored == original
    assert original["meetings_meeting"] == 4  # held, draft minutes, not announced, circulated (tests/security/world.py)
    assert original["auth_user"] == 4
    assert sum(original.values()) > 200
    print(f"backup round trip: {len(original)} tables, {sum(original.values())} rows")

    # A second restore into the now non-empty database is refused, and changes nothing.
    with pytest.raises(CommandError, match="is not empty"):
        call_command("restore", str(dump), database_url=url_of(scratch_database))
    with connect(scratch_database) as restored_connection, restored_connection.cursor() as cursor:
        assert row_counts(cursor) == original


@pytest.mark.django_db
def test_restore_refuses_a_missing_file_and_the_live_database(tmp_path):
    with pytest.raises(CommandError, match="No such backup file"):
        call_command("restore", str(tmp_path / "missing.dump"))
    dump = tmp_path / "empty.dump"
    dump.write_bytes(b"")
    with pytest.raises(CommandError, match="is not empty"):
        call_command("restore", str(dump))


def test_backup_refuses_to_overwrite(tmp_path, db):
    existing = tmp_path / "existing.dump"
    existing.write_bytes(b"keep me")
    with pytest.raises(CommandError, match="exists already"):
        call_command("backup", output=str(existing))
    assert existing.read_bytes() == b"keep me"


def test_backup_says_it_holds_the_database_only(tmp_path, db):
    output = io.StringIO()
    call_command("backup", output=str(tmp_path / "b.dump"), stdout=output)
    said = output.getvalue()
    assert "holds the database only" in said
    assert str(settings.MEDIA_ROOT) in said
    assert "SECRET_KEY" in said
