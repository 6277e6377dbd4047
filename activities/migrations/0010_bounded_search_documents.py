"""The search documents become portal_document(), which never fails to fit in a tsvector (common.fulltext): very
long minutes made every save of them fail. PostgreSQL cannot change a generated column's expression in place
(before version 17), so each is dropped with its GIN index and added again; PostgreSQL computes it for every row."""

import django.contrib.postgres.indexes
import django.contrib.postgres.search
from django.db import migrations, models

import common.fulltext


class Migration(migrations.Migration):
    dependencies = [
        ("stakeholders", "0010_bounded_search_documents"),
        ("activities", "0001_squashed_0009_search_in_three_languages"),
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
                    ("title", "A", "english"),
                    ("title_ru", "A", "russian"),
                    ("title_uz", "A", "simple"),
                    ("description", "B", "english"),
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
