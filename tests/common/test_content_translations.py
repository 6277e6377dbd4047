"""Each text knows its language, and its translations know the original they were made from (common.i18n)."""

import os
import re
import subprocess
import sys

import pytest
from django.contrib.postgres.search import SearchVectorField
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.operations import AlterField
from django.db.models import GeneratedField
from django.utils import translation

from common import fulltext
from common.i18n import CURRENT, MISSING, ORIGINAL, OUTDATED, localized
from coordination.settings import BASE_DIR
from meetings.models import AgendaItem, Statement
from tests.meetings.factories import AgendaItemFactory, StatementFactory
from tests.subprocess_database import url_of_the_test_database

pytestmark = pytest.mark.django_db


def _item(**texts) -> AgendaItem:
    return AgendaItem.objects.get(pk=AgendaItemFactory(**texts).pk)  # as loaded from the database


def test_changing_the_original_leaves_its_translations_out_of_date_until_they_are_saved_again():
    item = _item(
        discussion_summary="Partners reviewed the plan.",
        discussion_summary_ru="Партнёры рассмотрели план.",
        discussion_summary_uz="Hamkorlar rejani koʻrib chiqdi.",
    )
    assert item.translation_state("discussion_summary", "ru") == CURRENT
    assert item.translation_state("discussion_summary", "en") == ORIGINAL

    item.discussion_summary = "Partners reviewed and approved the plan."
    item.save()
    item = AgendaItem.objects.get(pk=item.pk)
    assert item.translation_state("discussion_summary", "ru") == OUTDATED
    assert item.translation_state("discussion_summary", "uz") == OUTDATED
    assert item.original_when_translated("discussion_summary", "ru") == "Partners reviewed the plan."
    assert item.translations_to_update() == [
        ("title", "ru", MISSING),  # the factory's title was never translated
        ("title", "uz", MISSING),
        ("discussion_summary", "ru", OUTDATED),
        ("discussion_summary", "uz", OUTDATED),
    ]
    with translation.override("ru"):  # a Russian reader gets the current original, not the stale translation
        assert localized(item, "discussion_summary") == "Partners reviewed and approved the plan."

    item.discussion_summary_ru = "Партнёры рассмотрели и одобрили план."
    item.save()
    item = AgendaItem.objects.get(pk=item.pk)
    assert item.translation_state("discussion_summary", "ru") == CURRENT
    assert item.translation_state("discussion_summary", "uz") == OUTDATED
    with translation.override("ru"):
        assert localized(item, "discussion_summary") == "Партнёры рассмотрели и одобрили план."


def test_an_original_and_its_translation_changed_together_stay_in_step():
    item = _item(title="Ongoing activities", title_ru="Текущие мероприятия")
    item.title, item.title_ru = "Activities under way", "Мероприятия в работе"
    item.save()
    assert AgendaItem.objects.get(pk=item.pk).translation_state("title", "ru") == CURRENT


def test_a_text_written_in_russian_is_the_original_and_its_english_is_the_translation():
    statement = StatementFactory(
        summary="Министерство усилит работу по выявлению жертв.",
        source_language="ru",
        summary_en="The ministry will step up the identification of victims.",
    )
    statement = Statement.objects.get(pk=statement.pk)
    assert statement.translation_state("summary", "ru") == ORIGINAL
    assert statement.translation_state("summary", "uz") == MISSING
    with translation.override("en"):
        assert localized(statement, "summary") == "The ministry will step up the identification of victims."
    with translation.override("uz"):  # no Uzbek translation: the original
        assert localized(statement, "summary") == "Министерство усилит работу по выявлению жертв."
    with translation.override("ru"):
        assert localized(statement, "summary") == "Министерство усилит работу по выявлению жертв."


def test_a_translation_stored_before_translations_remembered_their_original_goes_out_of_date_on_a_change():
    item = AgendaItemFactory(title="Ongoing activities", title_ru="Текущие мероприятия")
    AgendaItem.objects.filter(pk=item.pk).update(translated_from={})  # as the migration left existing rows
    item = AgendaItem.objects.get(pk=item.pk)
    assert item.translation_state("title", "ru") == CURRENT
    item.title = "Activities under way"
    item.save()
    assert AgendaItem.objects.get(pk=item.pk).translation_state("title", "ru") == OUTDATED


@pytest.mark.django_db(transaction=True)
def test_a_fourth_content_language_is_one_setting_and_one_migration_per_app():
    """With Karakalpak added in the environment, Django asks for migrations that only add its fields, the new choice
    of the original's language and the search documents that now hold its translations: no code changes (the
    portal's database backend knows how to change a search document, see the next test)."""
    env = {
        **os.environ,
        "EXTRA_CONTENT_LANGUAGES": "kaa:Qaraqalpaqsha",
        "DATABASE_URL": url_of_the_test_database(),
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "makemigrations", "--dry-run"],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    operations = [line.strip() for line in result.stdout.splitlines() if line.strip().startswith(("+", "~", "-"))]
    added = [line for line in operations if re.fullmatch(r"\+ Add field \w+_kaa to \w+", line)]
    others = [
        line
        for line in operations
        if line not in added
        and not re.fullmatch(r"~ Alter field (source_language|search_document|minutes_search_document) on \w+", line)
    ]
    assert others == []
    assert "+ Add field summary_kaa to statement" in added
    assert "+ Add field title_kaa to meeting" in added
    assert "+ Add field name_kaa to organization" in added
    migrations = [line for line in result.stdout.splitlines() if line.strip().startswith("Migrations for")]
    assert len(migrations) == 3  # stakeholders, meetings, activities: one migration each
    assert "~ Alter field search_document on statement" in operations


def test_the_database_backend_changes_a_search_document_and_keeps_its_index():
    """PostgreSQL cannot change a generated column's expression, and Django refused to: the migration a new content
    language needs for the search documents could not be applied."""
    statement = StatementFactory(summary="Shelters need beds.", summary_ru="Приютам нужны койки.")
    new = GeneratedField(
        expression=fulltext.document(*fulltext.translated("summary", "B"), ("kind", "C", "simple")),
        output_field=SearchVectorField(),
        db_persist=True,
    )
    # As ``migrate`` applies the AlterField that makemigrations writes.
    before = MigrationLoader(connection).project_state()
    after = before.clone()
    operation = AlterField("statement", "search_document", new)
    operation.state_forwards("meetings", after)
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # the row's foreign keys checked now, as a migration finds them
    with connection.schema_editor() as editor:
        operation.database_forwards("meetings", editor, before, after)
    with connection.cursor() as cursor:
        cursor.execute("SELECT search_document::text FROM meetings_statement WHERE id = %s", [statement.pk])
        [document] = cursor.fetchone()
        cursor.execute("SELECT indexname FROM pg_indexes WHERE tablename = %s", [Statement._meta.db_table])
        indexes = {name for (name,) in cursor.fetchall()}
    assert "'summary':" in document and "'койк':" in document  # the new expression, computed for the row
    assert "statement_search_idx" in indexes
