# Names are matched with pg_trgm and unaccent instead of the portal's own trigram functions (written when the
# embedded development server had neither extension): the stored trigram columns, their indexes and the functions
# go; a GIN trigram index on each accent-folded name takes their place.

import django.contrib.postgres.indexes
from django.conf import settings
from django.contrib.postgres.operations import TrigramExtension, UnaccentExtension
from django.db import migrations

import common.fulltext
from stakeholders.migrations import _before_pg_trgm


class Migration(migrations.Migration):
    dependencies = [
        ("stakeholders", "0008_stored_name_trigrams"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        TrigramExtension(),
        UnaccentExtension(),
        migrations.RunPython(common.fulltext.create_immutable_unaccent, common.fulltext.drop_immutable_unaccent),
        migrations.RemoveIndex(
            model_name="contact",
            name="contact_name_trigram_idx",
        ),
        migrations.RemoveIndex(
            model_name="organization",
            name="organization_name_trigram_idx",
        ),
        migrations.RemoveField(
            model_name="contact",
            name="name_trigrams",
        ),
        migrations.RemoveField(
            model_name="organization",
            name="name_trigrams",
        ),
        *(
            migrations.RunSQL(drop, reverse_sql=create)
            for create, drop in zip(
                _before_pg_trgm.TRIGRAM_FUNCTIONS_SQL, _before_pg_trgm.DROP_TRIGRAM_FUNCTIONS_SQL, strict=True
            )
        ),
        migrations.AddIndex(
            model_name="contact",
            index=django.contrib.postgres.indexes.GinIndex(
                django.contrib.postgres.indexes.OpClass(common.fulltext.FoldedAccents("name"), name="gin_trgm_ops"),
                name="contact_name_trigram_idx",
            ),
        ),
        migrations.AddIndex(
            model_name="organization",
            index=django.contrib.postgres.indexes.GinIndex(
                django.contrib.postgres.indexes.OpClass(common.fulltext.FoldedAccents("name"), name="gin_trgm_ops"),
                name="organization_name_trigram_idx",
            ),
        ),
    ]
