"""The search documents become portal_document(), which never fails to fit in a tsvector (common.fulltext): very
long minutes made every save of them fail. PostgreSQL cannot change a generated column's expression in place
(before version 17), so each is dropped with its GIN index and added again; PostgreSQL computes it for every row."""

import django.contrib.postgres.indexes
import django.contrib.postgres.search
from django.db import migrations, models

import common.fulltext


class Migration(migrations.Migration):
    dependencies = [
        ("stakeholders", "0009_pg_trgm_name_indexes"),
    ]

    operations = [
        migrations.RemoveIndex(model_name="organization", name="organization_search_idx"),
        migrations.RemoveField(model_name="organization", name="search_document"),
        migrations.RunSQL(
            common.fulltext.DOCUMENT_FUNCTION_SQL, reverse_sql=common.fulltext.DROP_DOCUMENT_FUNCTION_SQL
        ),
        migrations.AddField(
            model_name="organization",
            name="search_document",
            field=models.GeneratedField(
                db_persist=True,
                expression=common.fulltext.Document(
                    ("name", "A", "english"),
                    ("name_ru", "A", "russian"),
                    ("name_uz", "A", "simple"),
                    ("acronym", "A", "english"),
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
