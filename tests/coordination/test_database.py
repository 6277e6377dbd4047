"""The database has the extensions production uses, whichever server runs it (the embedded one, CI's Debian
server, a managed one): the schema does not depend on the development tool."""

import pytest
from django.db import connection

pytestmark = pytest.mark.django_db


def _one(sql, params=()):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchone()


def test_pg_trgm_and_unaccent_are_installed_by_the_migrations():
    installed = _one("SELECT array_agg(extname::text ORDER BY extname) FROM pg_extension")[0]
    assert {"pg_trgm", "unaccent"} <= set(installed)
    assert _one("SELECT word_similarity('Boboyev', 'Akobir Boboev')")[0] == pytest.approx(0.5)


def test_the_immutable_unaccent_wrapper_needs_no_search_path():
    """pg_restore rebuilds the name indexes with an empty search_path: the wrapper names its schema itself."""
    schema = _one("SELECT pronamespace::regnamespace::text FROM pg_proc WHERE proname = 'portal_unaccent'")[0]
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL search_path = ''")
        cursor.execute(f"SELECT {connection.ops.quote_name(schema)}.portal_unaccent(%s)", ["Öztürk Фёдоров Société"])
        assert cursor.fetchone()[0] == "Ozturk Федоров Societe"
