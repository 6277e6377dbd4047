"""A worker's test database is dropped at the end of a run even while a session is still connected to it
(tests/conftest.py): PostgreSQL refused after waiting five seconds, and the run ended late with a warning."""

import psycopg
import pytest

from tests.subprocess_database import scratch_database


@pytest.mark.django_db
def test_a_test_database_with_a_session_still_connected_is_dropped():
    with scratch_database("teardown") as (name, url, server), psycopg.connect(url) as left_behind:
        server.creation._destroy_test_db(name, verbosity=0)
        with server.creation._nodb_cursor() as cursor:
            cursor.execute("SELECT count(*) FROM pg_database WHERE datname = %s", [name])
            assert cursor.fetchone()[0] == 0
        assert left_behind.closed or left_behind.broken or _gone(left_behind)


def _gone(session) -> bool:
    try:
        session.execute("SELECT 1")
    except psycopg.OperationalError:
        return True
    return False
