"""`migrate` gives up on a busy table instead of stalling every request queued behind its lock."""

import threading

import psycopg
import pytest
from django.core.management import call_command
from django.db import connection

from tests.subprocess_database import url_of_the_test_database


def lock_timeout_seen_by_migrations():
    seen = []

    def record(sender, **kwargs):
        with connection.cursor() as cursor:
            cursor.execute("SHOW lock_timeout")
            seen.append(cursor.fetchone()[0])

    from django.db.models.signals import post_migrate

    post_migrate.connect(record, dispatch_uid="test.record_lock_timeout")
    try:
        call_command("migrate", verbosity=0)
    finally:
        post_migrate.disconnect(dispatch_uid="test.record_lock_timeout")
    return seen


@pytest.mark.django_db
def test_migrations_run_with_a_lock_timeout_and_leave_it_as_it_was(settings):
    settings.MIGRATION_LOCK_TIMEOUT = "3s"
    seen = lock_timeout_seen_by_migrations()
    assert set(seen[:-1]) == {"3s"}  # after the last app's post_migrate it is reset, before our recorder runs
    with connection.cursor() as cursor:
        cursor.execute("SHOW lock_timeout")
        assert cursor.fetchone()[0] == "0"  # pages wait as usual


@pytest.mark.django_db(transaction=True)
def test_a_schema_change_on_a_busy_table_gives_up_instead_of_queueing_everyone(settings):
    settings.MIGRATION_LOCK_TIMEOUT = "200ms"
    from coordination.apps import _migrations_wait_briefly_for_locks

    holding, release = threading.Event(), threading.Event()

    def hold_a_lock():
        with psycopg.connect(url_of_the_test_database(), autocommit=False) as other:
            other.execute("LOCK TABLE stakeholders_organization IN ACCESS SHARE MODE")
            holding.set()
            release.wait(10)

    holder = threading.Thread(target=hold_a_lock)
    holder.start()
    try:
        assert holding.wait(10)
        _migrations_wait_briefly_for_locks(sender=None)
        with pytest.raises(Exception, match="lock timeout"), connection.cursor() as cursor:
            cursor.execute("ALTER TABLE stakeholders_organization ADD COLUMN never_added integer")
    finally:
        release.set()
        holder.join()
        with connection.cursor() as cursor:
            cursor.execute("RESET lock_timeout")
