"""The test database as a DATABASE_URL, for the tests that start a process of their own (manage.py, gunicorn).

A subprocess reads the settings afresh: without DATABASE_URL it would connect to the development database
(`make run`'s demo data), so its answer would depend on what a developer loaded there.
"""

from urllib.parse import quote, urlencode

from django.db import connection


def url_of_the_test_database() -> str:
    """The database this test runs against (its test database), as a URL the settings accept.

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
    return f"postgres://{credentials}@/{quote(settings['NAME'], safe='')}{query}"


def direct_connection_settings(**changes) -> dict:
    """The test database's connection settings without the tests' connection pool (settings_test.py), which is kept
    per alias: a connection made with these connects directly, as production does, and not to the pool's database."""
    settings = connection.settings_dict
    options = {name: value for name, value in settings["OPTIONS"].items() if name != "pool"}
    return {**settings, "OPTIONS": options, **changes}
