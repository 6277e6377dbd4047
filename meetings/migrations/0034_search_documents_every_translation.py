"""The search documents hold every translation of a text (``<field>_en`` as well as ``_ru`` and ``_uz``; statements'
and actions' translations, which they had left out), and index the original in the configuration of the language it
was written in (common.fulltext.translated): an English translation of a Russian statement is found by its English
words. PostgreSQL cannot change a generated column's expression in place (before version 17), so each is dropped with
its GIN index and added again; PostgreSQL computes it for every row."""

import django.contrib.postgres.indexes
import django.contrib.postgres.search
from django.db import migrations, models

import common.fulltext


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0033_minutes_comment_edits"),
    ]

    operations = [
        migrations.RemoveIndex(model_name="actionitem", name="action_search_idx"),
        migrations.RemoveField(model_name="actionitem", name="search_document"),
        migrations.AddField(
            model_name="actionitem",
            name="search_document",
            field=models.GeneratedField(
                db_persist=True,
                expression=common.fulltext.Document(
                    ("title", "A", "original"),
                    ("title_en", "A", "english"),
                    ("title_ru", "A", "russian"),
                    ("title_uz", "A", "simple"),
                    ("description", "B"),
                ),
                output_field=django.contrib.postgres.search.SearchVectorField(),
            ),
        ),
        migrations.AddIndex(
            model_name="actionitem",
            index=django.contrib.postgres.indexes.GinIndex(fields=["search_document"], name="action_search_idx"),
        ),
        migrations.RemoveIndex(model_name="agendaitem", name="agenda_item_minutes_search_idx"),
        migrations.RemoveField(model_name="agendaitem", name="minutes_search_document"),
        migrations.AddField(
            model_name="agendaitem",
            name="minutes_search_document",
            field=models.GeneratedField(
                db_persist=True,
                expression=common.fulltext.Document(
                    ("discussion_summary", "B", "original"),
                    ("discussion_summary_en", "B", "english"),
                    ("discussion_summary_ru", "B", "russian"),
                    ("discussion_summary_uz", "B", "simple"),
                ),
                output_field=django.contrib.postgres.search.SearchVectorField(),
            ),
        ),
        migrations.AddIndex(
            model_name="agendaitem",
            index=django.contrib.postgres.indexes.GinIndex(
                fields=["minutes_search_document"], name="agenda_item_minutes_search_idx"
            ),
        ),
        migrations.RemoveIndex(model_name="agendaitem", name="agenda_item_search_idx"),
        migrations.RemoveField(model_name="agendaitem", name="search_document"),
        migrations.AddField(
            model_name="agendaitem",
            name="search_document",
            field=models.GeneratedField(
                db_persist=True,
                expression=common.fulltext.Document(
                    ("title", "A", "original"),
                    ("title_en", "A", "english"),
                    ("title_ru", "A", "russian"),
                    ("title_uz", "A", "simple"),
                    ("description", "B"),
                ),
                output_field=django.contrib.postgres.search.SearchVectorField(),
            ),
        ),
        migrations.AddIndex(
            model_name="agendaitem",
            index=django.contrib.postgres.indexes.GinIndex(fields=["search_document"], name="agenda_item_search_idx"),
        ),
        migrations.RemoveIndex(model_name="meeting", name="meeting_minutes_search_idx"),
        migrations.RemoveField(model_name="meeting", name="minutes_search_document"),
        migrations.AddField(
            model_name="meeting",
            name="minutes_search_document",
            field=models.GeneratedField(
                db_persist=True,
                expression=common.fulltext.Document(
                    ("minutes_summary", "B", "original"),
                    ("minutes_summary_en", "B", "english"),
                    ("minutes_summary_ru", "B", "russian"),
                    ("minutes_summary_uz", "B", "simple"),
                ),
                output_field=django.contrib.postgres.search.SearchVectorField(),
            ),
        ),
        migrations.AddIndex(
            model_name="meeting",
            index=django.contrib.postgres.indexes.GinIndex(
                fields=["minutes_search_document"], name="meeting_minutes_search_idx"
            ),
        ),
        migrations.RemoveIndex(model_name="meeting", name="meeting_search_idx"),
        migrations.RemoveField(model_name="meeting", name="search_document"),
        migrations.AddField(
            model_name="meeting",
            name="search_document",
            field=models.GeneratedField(
                db_persist=True,
                expression=common.fulltext.Document(
                    ("title", "A", "original"),
                    ("title_en", "A", "english"),
                    ("title_ru", "A", "russian"),
                    ("title_uz", "A", "simple"),
                    ("venue", "B"),
                ),
                output_field=django.contrib.postgres.search.SearchVectorField(),
            ),
        ),
        migrations.AddIndex(
            model_name="meeting",
            index=django.contrib.postgres.indexes.GinIndex(fields=["search_document"], name="meeting_search_idx"),
        ),
        migrations.RemoveIndex(model_name="statement", name="statement_search_idx"),
        migrations.RemoveField(model_name="statement", name="search_document"),
        migrations.AddField(
            model_name="statement",
            name="search_document",
            field=models.GeneratedField(
                db_persist=True,
                expression=common.fulltext.Document(
                    ("summary", "B", "original"),
                    ("summary_en", "B", "english"),
                    ("summary_ru", "B", "russian"),
                    ("summary_uz", "B", "simple"),
                ),
                output_field=django.contrib.postgres.search.SearchVectorField(),
            ),
        ),
        migrations.AddIndex(
            model_name="statement",
            index=django.contrib.postgres.indexes.GinIndex(fields=["search_document"], name="statement_search_idx"),
        ),
    ]
