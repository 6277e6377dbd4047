"""Search across spellings: the stored search documents fold Uzbek apostrophes (oʻ, o', o‘, o’ are one letter;
common.scripts), and the vocabulary of the searchable content ("Did you mean") gets its table.

portal_document() is replaced in place; the documents computed with the old one are recomputed by assigning each
table a column its documents are computed from (PostgreSQL 18 recomputes a stored generated column only then)."""

import django.contrib.postgres.indexes
from django.db import migrations, models

import common.fulltext

# Each table with stored documents, and the columns that the documents are computed from (one per document).
DOCUMENT_SOURCES = {
    "stakeholders_organization": ["name"],
    "meetings_meeting": ["title", "minutes_summary"],
    "meetings_agendaitem": ["title", "discussion_summary"],
    "meetings_statement": ["summary"],
    "meetings_actionitem": ["title"],
    "activities_activity": ["title"],
}


def recompute_documents(apps, schema_editor):
    for table, columns in DOCUMENT_SOURCES.items():
        assignments = ", ".join(f"{column} = {column}" for column in columns)
        schema_editor.execute(f"UPDATE {table} SET {assignments}")  # noqa: S608  # nosec B608: constants above


class Migration(migrations.Migration):
    dependencies = [
        ("coordination", "0002_password_reset_requests"),
        ("stakeholders", "0011_account_event_kinds"),
        ("meetings", "0025_minutes_publications"),
        ("activities", "0010_bounded_search_documents"),
    ]

    operations = [
        migrations.RunSQL(common.fulltext.DOCUMENT_FUNCTION_SQL, reverse_sql=migrations.RunSQL.noop),
        migrations.RunPython(recompute_documents, migrations.RunPython.noop),
        migrations.CreateModel(
            name="SearchWord",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("word", models.TextField(unique=True)),
                ("occurrences", models.PositiveIntegerField()),
            ],
            options={
                "db_table": "coordination_searchword",
                "indexes": [
                    django.contrib.postgres.indexes.GinIndex(
                        django.contrib.postgres.indexes.OpClass("word", name="gin_trgm_ops"),
                        name="search_word_trigram_idx",
                    )
                ],
            },
        ),
    ]
