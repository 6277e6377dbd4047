import pytest
from django.conf import settings
from django.utils import translation

from tests.stakeholders.factories import OrganizationFactory, UserFactory, participant_user, secretariat_user


def _flush_deletes_only_the_rows_a_test_left():
    """Django empties the database after each transactional test (the browser tests, whose live server commits) with
    one TRUNCATE of all its 75 tables, and PostgreSQL's TRUNCATE costs per table, rows or not (0.23 s). A test leaves
    rows in a few tables: deleting those rows, in the flush's one transaction (the foreign keys are checked at its
    end), leaves the same empty database in a fraction of the time. Resetting sequences still truncates."""
    from django.core.management.commands import flush

    def sql_flush(style, connection, reset_sequences=True, allow_cascade=False):
        tables = connection.introspection.django_table_names(only_existing=True, include_views=False)
        if reset_sequences or not tables:
            return connection.ops.sql_flush(style, tables, reset_sequences=reset_sequences, allow_cascade=allow_cascade)
        quote = connection.ops.quote_name  # the names are the models' own tables
        exists = [f"SELECT %s WHERE EXISTS (SELECT FROM {quote(table)})" for table in tables]  # noqa: S608
        with connection.cursor() as cursor:
            cursor.execute(" UNION ALL ".join(exists), tables)
            with_rows = [table for (table,) in cursor.fetchall()]
        return ["SET CONSTRAINTS ALL DEFERRED", *(f"DELETE FROM {quote(table)}" for table in with_rows)]  # noqa: S608

    flush.sql_flush = sql_flush


_flush_deletes_only_the_rows_a_test_left()


def _test_databases_dropped_without_waiting():
    """At the end of a run each worker drops its test database (under CI; locally they are kept). PostgreSQL waits
    five seconds for other sessions to leave a database and then refuses to drop it: the run ended five seconds late
    with the database left behind (a warning at the end of every CI run: one idle session, its last statement a
    ROLLBACK). Sessions still connected then belong to the finished run, so the drop ends them (PostgreSQL 13's
    DROP DATABASE ... WITH (FORCE)); the pool's own connections are closed first, as Django does."""
    from django.db.backends.postgresql.creation import DatabaseCreation

    def _destroy_test_db(self, test_database_name, verbosity):
        self.connection.close_pool()
        with self._nodb_cursor() as cursor:
            cursor.execute(f"DROP DATABASE {self.connection.ops.quote_name(test_database_name)} WITH (FORCE)")

    DatabaseCreation._destroy_test_db = _destroy_test_db


_test_databases_dropped_without_waiting()


@pytest.fixture
def organization(db):
    return OrganizationFactory()


@pytest.fixture
def secretariat(db):
    return secretariat_user(username="sec")


@pytest.fixture
def participant(db, organization):
    """A participant whose organisation is `organization`."""
    return participant_user(organization=organization, username="part")


@pytest.fixture
def other_participant(db):
    """A participant of another organisation."""
    return participant_user(username="other")


@pytest.fixture
def admin_user(db):
    return UserFactory(username="root", is_staff=True, is_superuser=True)


@pytest.fixture
def client_for(client):
    """Log the test client in as the given user (or stay anonymous with None)."""

    def login(user):
        if user is not None:
            client.force_login(user)
        return client

    return login


@pytest.fixture(autouse=True)
def back_to_the_default_language():
    """LocaleMiddleware leaves the last request's language active in the thread: no test passes it on."""
    yield
    translation.activate(settings.LANGUAGE_CODE)
