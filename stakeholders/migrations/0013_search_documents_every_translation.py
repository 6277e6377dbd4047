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
        ("stakeholders", "0012_content_translations"),
    ]

    operations = [
        migrations.RemoveIndex(model_name="organization", name="organization_search_idx"),
        migrations.RemoveField(model_name="organization", name="search_document"),
        migrations.AddField(
            model_name="organization",
            name="search_document",
            field=models.GeneratedField(
                db_persist=True,
                expression=common.fulltext.Document(
                    ("name", "A", "original"),
                    ("name_en", "A", "english"),
                    ("name_ru", "A", "russian"),
                    ("name_uz", "A", "simple"),
                    ("acronym", "A", "original"),
                    ("acronym_en", "A", "english"),
                    ("acronym_ru", "A", "russian"),
                    ("acronym_uz", "A", "simple"),
                    ("country", "C"),
                ),
                output_field=django.contrib.postgres.search.SearchVectorField(),
            ),
        ),
        migrations.AddIndex(
            model_name="organization",
            index=django.contrib.postgres.indexes.GinIndex(fields=["search_document"], name="organization_search_idx"),
        ),
    ]
