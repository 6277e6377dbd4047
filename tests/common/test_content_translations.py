"""Each text knows its language, and its translations know the original they were made from (common.i18n)."""

import os
import re
import subprocess
import sys

import pytest
from django.utils import translation

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
    """With Karakalpak added in the environment, Django asks for migrations that only add its fields (and the new
    choice of the original's language): no code changes."""
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
        if line not in added and not re.fullmatch(r"~ Alter field source_language on \w+", line)
    ]
    assert others == []
    assert "+ Add field summary_kaa to statement" in added
    assert "+ Add field title_kaa to meeting" in added
    assert "+ Add field name_kaa to organization" in added
    migrations = [line for line in result.stdout.splitlines() if line.strip().startswith("Migrations for")]
    assert len(migrations) == 3  # stakeholders, meetings, activities: one migration each
