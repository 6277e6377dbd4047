"""A worker's test database is dropped at the end of a run even while a session is still connected to it
(tests/conftest.py): PostgreSQL refused after waiting five seconds, and the run ended late with a warning."""

import psycopg
import pytest
from django.db import connection, connections

from tests.subprocess_database import direct_connection_settings, url_of_the_test_database


@pytest.mark.django_db
def test_a_test_database_with_a_session_still_connected_is_dropped():
    name = f"{connection.settings_dict['NAME']}_teardown"
    scratch = type(connections["default"])(direct_connection_settings(), "default")
    with scratch.creation._nodb_cursor() as cursor:
        cursor.execute(f"DROP DATABASE IF EXISTS {scratch.ops.quote_name(name)}")
        cursor.execute(f"CREATE DATABASE {scratch.ops.quote_name(name)}")
    url = url_of_the_test_database().replace(f"/{connection.settings_dict['NAME']}", f"/{name}", 1)
    with psycopg.connect(url) as left_behind:
        scratch.creation._destroy_test_db(name, verbosity=0)
        with scratch.creation._nodb_cursor() as cursor:
            cursor.execute("SELECT count(*) FROM pg_database WHERE datname = %s", [name])
            assert cursor.fetchone()[0] == 0
        assert left_behind.closed or left_behind.broken or _gone(left_behind)


def _gone(session) -> bool:
    try:
        session.execute("SELECT 1")
    except psycopg.OperationalError:
        return True
    return False
