"""The flush after each transactional test (tests/conftest.py deletes only the rows a test left) empties every table."""

import pytest
from django.core.management import call_command
from django.db import connection

from coordination.operations.demo import load_demo


@pytest.mark.django_db(transaction=True)
def test_a_flush_after_the_whole_demo_leaves_every_table_empty():
    load_demo(with_users=False)
    call_command("flush", verbosity=0, interactive=False, inhibit_post_migrate=True)

    tables = connection.introspection.django_table_names(only_existing=True, include_views=False)
    with connection.cursor() as cursor:
        with_rows = []
        for table in tables:
            cursor.execute(f"SELECT EXISTS (SELECT FROM {connection.ops.quote_name(table)})")  # noqa: S608 (models' tables)
            if cursor.fetchone()[0]:
                with_rows.append(table)
    assert len(tables) > 50
    assert with_rows == []
