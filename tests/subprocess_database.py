"""The test database as a DATABASE_URL, for the tests that start a process of their own (manage.py, gunicorn).

A subprocess reads the settings afresh: without DATABASE_URL it would connect to the development database
(`make run`'s demo data), so its answer would depend on what a developer loaded there.
"""

from contextlib import contextmanager
from urllib.parse import quote, urlencode

from django.db import connection, connections


def url_of_the_test_database(name: str | None = None) -> str:
    """The database this test runs against (its test database), as a URL the settings accept; with ``name``,
    another database on the same server.

    The host goes in the query string, so that a Unix socket directory (the embedded server) works as well as a
    host name. Data a subprocess must see needs a test marked django_db(transaction=True): it is committed then.
    """
    settings = connection.settings_dict
    # Outside a django_db test the connection still names the development database.
    assert settings["NAME"].startswith("test"), "only inside a test marked django_db"
    credentials = quote(settings["USER"] or "", safe="")
    if settings["PASSWORD"]:
        credentials += ":" + quote(settings["PASSWORD"], safe="")
    options = {"host": settings["HOST"]} if settings["HOST"] else {}
    if settings["PORT"]:
        options["port"] = str(settings["PORT"])
    query = "?" + urlencode(options) if options else ""
    return f"postgres://{credentials}@/{quote(name or settings['NAME'], safe='')}{query}"


def direct_connection_settings(**changes) -> dict:
    """The test database's connection settings without the tests' connection pool (settings_test.py), which is kept
    per alias: a connection made with these connects directly, as production does, and not to the pool's database."""
    settings = connection.settings_dict
    options = {name: value for name, value in settings["OPTIONS"].items() if name != "pool"}
    return {**settings, "OPTIONS": options, **changes}


@contextmanager
def scratch_database(suffix: str):
    """An empty database beside the test database, named after it (so that workers do not share it), for a test
    about databases themselves: yields its name, its URL and a connection to the server outside any database (no
    pool); the database is dropped afterwards, whoever is still connected to it."""
    server = type(connections["default"])(direct_connection_settings(), "default")
    name = f"{connection.settings_dict['NAME']}_{suffix}"
    quoted = server.ops.quote_name(name)
    with server.creation._nodb_cursor() as cursor:
        cursor.execute(f"DROP DATABASE IF EXISTS {quoted} WITH (FORCE)")
        cursor.execute(f"CREATE DATABASE {quoted}")
    try:
        yield name, url_of_the_test_database(name), server
    finally:
        with server.creation._nodb_cursor() as cursor:
            cursor.execute(f"DROP DATABASE IF EXISTS {quoted} WITH (FORCE)")
