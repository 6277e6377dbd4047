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
        ("activities", "0012_activity_lead_is_illustrative"),
    ]

    operations = [
        migrations.RemoveIndex(model_name="activity", name="activity_search_idx"),
        migrations.RemoveField(model_name="activity", name="search_document"),
        migrations.AddField(
            model_name="activity",
            name="search_document",
            field=models.GeneratedField(
                db_persist=True,
                expression=common.fulltext.Document(
                    ("title", "A", "original"),
                    ("title_en", "A", "english"),
                    ("title_ru", "A", "russian"),
                    ("title_uz", "A", "simple"),
                    ("description", "B", "original"),
                    ("description_en", "B", "english"),
                    ("description_ru", "B", "russian"),
                    ("description_uz", "B", "simple"),
                    (common.fulltext.ArrayToText("places"), "B"),
                    ("target_group", "C"),
                    ("outcome", "C"),
                ),
                output_field=django.contrib.postgres.search.SearchVectorField(),
            ),
        ),
        migrations.AddIndex(
            model_name="activity",
            index=django.contrib.postgres.indexes.GinIndex(fields=["search_document"], name="activity_search_idx"),
        ),
    ]
