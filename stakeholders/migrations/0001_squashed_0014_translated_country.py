# Squashed: everything this app's migrations had made by 0014, replaced by one (see `replaces`). The replaced
# files stay until every deployment has applied them; a fresh database (the tests' included) runs this one.

import secrets

import django.contrib.postgres.indexes
import django.contrib.postgres.search
import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.contrib.postgres.operations import TrigramExtension, UnaccentExtension
from django.db import migrations, models

import common.fulltext


class Migration(migrations.Migration):
    replaces = [
        ("stakeholders", "0001_squashed_0007_translated_names"),
        ("stakeholders", "0008_stored_name_trigrams"),
        ("stakeholders", "0009_pg_trgm_name_indexes"),
        ("stakeholders", "0010_bounded_search_documents"),
        ("stakeholders", "0011_account_event_kinds"),
        ("stakeholders", "0012_content_translations"),
        ("stakeholders", "0013_search_documents_every_translation"),
        ("stakeholders", "0014_translated_country"),
    ]

    initial = True

    dependencies = [
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        # The extensions and SQL functions the search columns and name indexes of this app, meetings and activities
        # are built on (common.fulltext).
        TrigramExtension(),
        UnaccentExtension(),
        migrations.RunPython(common.fulltext.create_immutable_unaccent, common.fulltext.drop_immutable_unaccent),
        migrations.RunSQL(
            common.fulltext.IMMUTABLE_ARRAY_TO_TEXT_SQL,
            reverse_sql="DROP FUNCTION IF EXISTS portal_array_to_text(text[])",
        ),
        migrations.RunSQL(
            common.fulltext.DOCUMENT_FUNCTION_SQL, reverse_sql=common.fulltext.DROP_DOCUMENT_FUNCTION_SQL
        ),
        migrations.CreateModel(
            name="Contact",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("created", models.DateTimeField(auto_now_add=True, verbose_name="created")),
                ("updated", models.DateTimeField(auto_now=True, verbose_name="updated")),
                (
                    "source_language",
                    models.CharField(
                        choices=[("en", "English"), ("ru", "Русский"), ("uz", "Oʻzbekcha")],
                        default="en",
                        help_text="The language the original text is in; the others are its translations.",
                        max_length=10,
                        verbose_name="written in",
                    ),
                ),
                (
                    "translated_from",
                    models.JSONField(blank=True, default=dict, editable=False, verbose_name="translated from"),
                ),
                ("name", models.CharField(max_length=200, verbose_name="name")),
                ("position", models.CharField(blank=True, max_length=255, verbose_name="position")),
                ("name_en", models.CharField(blank=True, max_length=200, verbose_name="name (English)")),
                ("name_ru", models.CharField(blank=True, max_length=200, verbose_name="name (Russian)")),
                ("name_uz", models.CharField(blank=True, max_length=200, verbose_name="name (Uzbek)")),
                ("position_en", models.CharField(blank=True, max_length=255, verbose_name="position (English)")),
                ("position_ru", models.CharField(blank=True, max_length=255, verbose_name="position (Russian)")),
                ("position_uz", models.CharField(blank=True, max_length=255, verbose_name="position (Uzbek)")),
                ("email", models.EmailField(blank=True, max_length=254, verbose_name="email")),
                ("phone", models.CharField(blank=True, max_length=50, verbose_name="phone")),
                ("is_active", models.BooleanField(default=True, verbose_name="active")),
                (
                    "preferred_language",
                    models.CharField(
                        choices=[("en", "English"), ("ru", "Русский"), ("uz", "Oʻzbekcha")],
                        default="en",
                        max_length=8,
                        verbose_name="preferred language",
                    ),
                ),
                ("receives_reminders", models.BooleanField(default=True, verbose_name="receives reminders")),
                (
                    "calendar_token",
                    models.CharField(
                        default=secrets.token_urlsafe,
                        editable=False,
                        max_length=64,
                        unique=True,
                        verbose_name="calendar token",
                    ),
                ),
                (
                    "user",
                    models.OneToOneField(
                        blank=True,
                        help_text="The portal account of this person, if they have one.",
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="contact",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="user",
                    ),
                ),
            ],
            options={
                "verbose_name": "contact",
                "verbose_name_plural": "contacts",
                "ordering": ["name"],
                "permissions": [("manage_organization_contacts", "Can maintain their own organisation's contacts")],
            },
        ),
        migrations.CreateModel(
            name="AccountEvent",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("invited", "Invited to the portal"),
                            ("invitation_revoked", "Invitation revoked"),
                            ("joined", "Set a password and joined"),
                            ("joined_by_sso", "Joined with the organisation's sign-in"),
                            ("role_changed", "Role changed"),
                            ("deactivated", "Account deactivated"),
                            ("reactivated", "Account reactivated"),
                            ("second_factor_reset", "Two-factor authentication reset"),
                        ],
                        max_length=24,
                        verbose_name="what",
                    ),
                ),
                ("role", models.CharField(blank=True, max_length=20, verbose_name="role")),
                ("created", models.DateTimeField(auto_now_add=True, verbose_name="when")),
                (
                    "actor",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="by",
                    ),
                ),
                (
                    "contact",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="account_events",
                        to="stakeholders.contact",
                        verbose_name="contact",
                    ),
                ),
            ],
            options={
                "verbose_name": "account event",
                "verbose_name_plural": "account events",
                "ordering": ["-created", "-pk"],
            },
        ),
        migrations.CreateModel(
            name="Organization",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("created", models.DateTimeField(auto_now_add=True, verbose_name="created")),
                ("updated", models.DateTimeField(auto_now=True, verbose_name="updated")),
                (
                    "source_language",
                    models.CharField(
                        choices=[("en", "English"), ("ru", "Русский"), ("uz", "Oʻzbekcha")],
                        default="en",
                        help_text="The language the original text is in; the others are its translations.",
                        max_length=10,
                        verbose_name="written in",
                    ),
                ),
                (
                    "translated_from",
                    models.JSONField(blank=True, default=dict, editable=False, verbose_name="translated from"),
                ),
                ("name", models.CharField(max_length=255, unique=True, verbose_name="name")),
                ("acronym", models.CharField(blank=True, max_length=50, verbose_name="acronym")),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("government", "Government body"),
                            ("judiciary", "Judiciary"),
                            ("law_enforcement", "Law enforcement"),
                            ("national_coordination", "National coordination body"),
                            ("diplomatic", "Diplomatic mission"),
                            ("donor", "Donor agency"),
                            ("international", "International organisation"),
                            ("un_entity", "UN entity"),
                            ("ngo", "NGO / civil society"),
                            ("academia", "Academia"),
                            ("private", "Private sector"),
                            ("other", "Other"),
                        ],
                        default="other",
                        max_length=32,
                        verbose_name="kind",
                    ),
                ),
                ("country", models.CharField(blank=True, max_length=100, verbose_name="country")),
                ("website", models.URLField(blank=True, verbose_name="website")),
                ("is_active", models.BooleanField(default=True, verbose_name="active")),
                ("name_en", models.CharField(blank=True, max_length=255, verbose_name="name (English)")),
                ("name_ru", models.CharField(blank=True, max_length=255, verbose_name="name (Russian)")),
                ("name_uz", models.CharField(blank=True, max_length=255, verbose_name="name (Uzbek)")),
                ("acronym_en", models.CharField(blank=True, max_length=50, verbose_name="acronym (English)")),
                ("acronym_ru", models.CharField(blank=True, max_length=50, verbose_name="acronym (Russian)")),
                ("acronym_uz", models.CharField(blank=True, max_length=50, verbose_name="acronym (Uzbek)")),
                ("country_en", models.CharField(blank=True, max_length=100, verbose_name="country (English)")),
                ("country_ru", models.CharField(blank=True, max_length=100, verbose_name="country (Russian)")),
                ("country_uz", models.CharField(blank=True, max_length=100, verbose_name="country (Uzbek)")),
                (
                    "search_document",
                    models.GeneratedField(
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
                (
                    "parent",
                    models.ForeignKey(
                        blank=True,
                        help_text="The body this one belongs to, e.g. a sub-commission under a commission.",
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="children",
                        to="stakeholders.organization",
                        verbose_name="parent",
                    ),
                ),
            ],
            options={
                "verbose_name": "organisation",
                "verbose_name_plural": "organisations",
                "ordering": ["name"],
            },
        ),
        migrations.CreateModel(
            name="HistoricalOrganization",
            fields=[
                ("id", models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name="ID")),
                ("created", models.DateTimeField(blank=True, editable=False, verbose_name="created")),
                ("updated", models.DateTimeField(blank=True, editable=False, verbose_name="updated")),
                (
                    "source_language",
                    models.CharField(
                        choices=[("en", "English"), ("ru", "Русский"), ("uz", "Oʻzbekcha")],
                        default="en",
                        help_text="The language the original text is in; the others are its translations.",
                        max_length=10,
                        verbose_name="written in",
                    ),
                ),
                (
                    "translated_from",
                    models.JSONField(blank=True, default=dict, editable=False, verbose_name="translated from"),
                ),
                ("name", models.CharField(db_index=True, max_length=255, verbose_name="name")),
                ("acronym", models.CharField(blank=True, max_length=50, verbose_name="acronym")),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("government", "Government body"),
                            ("judiciary", "Judiciary"),
                            ("law_enforcement", "Law enforcement"),
                            ("national_coordination", "National coordination body"),
                            ("diplomatic", "Diplomatic mission"),
                            ("donor", "Donor agency"),
                            ("international", "International organisation"),
                            ("un_entity", "UN entity"),
                            ("ngo", "NGO / civil society"),
                            ("academia", "Academia"),
                            ("private", "Private sector"),
                            ("other", "Other"),
                        ],
                        default="other",
                        max_length=32,
                        verbose_name="kind",
                    ),
                ),
                ("country", models.CharField(blank=True, max_length=100, verbose_name="country")),
                ("website", models.URLField(blank=True, verbose_name="website")),
                ("is_active", models.BooleanField(default=True, verbose_name="active")),
                ("name_en", models.CharField(blank=True, max_length=255, verbose_name="name (English)")),
                ("name_ru", models.CharField(blank=True, max_length=255, verbose_name="name (Russian)")),
                ("name_uz", models.CharField(blank=True, max_length=255, verbose_name="name (Uzbek)")),
                ("acronym_en", models.CharField(blank=True, max_length=50, verbose_name="acronym (English)")),
                ("acronym_ru", models.CharField(blank=True, max_length=50, verbose_name="acronym (Russian)")),
                ("acronym_uz", models.CharField(blank=True, max_length=50, verbose_name="acronym (Uzbek)")),
                ("country_en", models.CharField(blank=True, max_length=100, verbose_name="country (English)")),
                ("country_ru", models.CharField(blank=True, max_length=100, verbose_name="country (Russian)")),
                ("country_uz", models.CharField(blank=True, max_length=100, verbose_name="country (Uzbek)")),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "parent",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        help_text="The body this one belongs to, e.g. a sub-commission under a commission.",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="stakeholders.organization",
                        verbose_name="parent",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical organisation",
                "verbose_name_plural": "historical organisations",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalContact",
            fields=[
                ("id", models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name="ID")),
                ("created", models.DateTimeField(blank=True, editable=False, verbose_name="created")),
                ("updated", models.DateTimeField(blank=True, editable=False, verbose_name="updated")),
                (
                    "source_language",
                    models.CharField(
                        choices=[("en", "English"), ("ru", "Русский"), ("uz", "Oʻzbekcha")],
                        default="en",
                        help_text="The language the original text is in; the others are its translations.",
                        max_length=10,
                        verbose_name="written in",
                    ),
                ),
                (
                    "translated_from",
                    models.JSONField(blank=True, default=dict, editable=False, verbose_name="translated from"),
                ),
                ("name", models.CharField(max_length=200, verbose_name="name")),
                ("position", models.CharField(blank=True, max_length=255, verbose_name="position")),
                ("name_en", models.CharField(blank=True, max_length=200, verbose_name="name (English)")),
                ("name_ru", models.CharField(blank=True, max_length=200, verbose_name="name (Russian)")),
                ("name_uz", models.CharField(blank=True, max_length=200, verbose_name="name (Uzbek)")),
                ("position_en", models.CharField(blank=True, max_length=255, verbose_name="position (English)")),
                ("position_ru", models.CharField(blank=True, max_length=255, verbose_name="position (Russian)")),
                ("position_uz", models.CharField(blank=True, max_length=255, verbose_name="position (Uzbek)")),
                ("email", models.EmailField(blank=True, max_length=254, verbose_name="email")),
                ("phone", models.CharField(blank=True, max_length=50, verbose_name="phone")),
                ("is_active", models.BooleanField(default=True, verbose_name="active")),
                (
                    "preferred_language",
                    models.CharField(
                        choices=[("en", "English"), ("ru", "Русский"), ("uz", "Oʻzbekcha")],
                        default="en",
                        max_length=8,
                        verbose_name="preferred language",
                    ),
                ),
                ("receives_reminders", models.BooleanField(default=True, verbose_name="receives reminders")),
                (
                    "calendar_token",
                    models.CharField(
                        db_index=True,
                        default=secrets.token_urlsafe,
                        editable=False,
                        max_length=64,
                        verbose_name="calendar token",
                    ),
                ),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "user",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        help_text="The portal account of this person, if they have one.",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="user",
                    ),
                ),
                (
                    "organization",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="stakeholders.organization",
                        verbose_name="organisation",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical contact",
                "verbose_name_plural": "historical contacts",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.AddField(
            model_name="contact",
            name="organization",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="contacts",
                to="stakeholders.organization",
                verbose_name="organisation",
            ),
        ),
        migrations.CreateModel(
            name="AccountInvitation",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("created", models.DateTimeField(auto_now_add=True, verbose_name="created")),
                ("updated", models.DateTimeField(auto_now=True, verbose_name="updated")),
                (
                    "role",
                    models.CharField(
                        choices=[
                            ("participant", "Participant"),
                            ("focal_point", "Focal point of the organisation"),
                            ("secretariat", "Secretariat"),
                        ],
                        default="participant",
                        max_length=20,
                        verbose_name="role",
                    ),
                ),
                ("email", models.EmailField(max_length=254, verbose_name="email")),
                ("token_hash", models.CharField(editable=False, max_length=64, unique=True)),
                ("expires_at", models.DateTimeField(verbose_name="expires")),
                ("accepted_at", models.DateTimeField(blank=True, null=True, verbose_name="accepted")),
                ("revoked_at", models.DateTimeField(blank=True, null=True, verbose_name="revoked")),
                (
                    "invited_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="invited by",
                    ),
                ),
                (
                    "contact",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="account_invitations",
                        to="stakeholders.contact",
                        verbose_name="contact",
                    ),
                ),
            ],
            options={
                "verbose_name": "account invitation",
                "verbose_name_plural": "account invitations",
                "ordering": ["-created"],
                "constraints": [
                    models.UniqueConstraint(
                        condition=models.Q(("accepted_at__isnull", True), ("revoked_at__isnull", True)),
                        fields=("contact",),
                        name="one_open_account_invitation_per_contact",
                    )
                ],
            },
        ),
        migrations.AddIndex(
            model_name="organization",
            index=django.contrib.postgres.indexes.GinIndex(fields=["search_document"], name="organization_search_idx"),
        ),
        migrations.AddIndex(
            model_name="organization",
            index=django.contrib.postgres.indexes.GinIndex(
                django.contrib.postgres.indexes.OpClass(common.fulltext.FoldedAccents("name"), name="gin_trgm_ops"),
                name="organization_name_trigram_idx",
            ),
        ),
        migrations.AddConstraint(
            model_name="organization",
            constraint=models.CheckConstraint(
                condition=models.Q(("parent", models.F("id")), _negated=True), name="organization_not_own_parent"
            ),
        ),
        migrations.AddIndex(
            model_name="contact",
            index=django.contrib.postgres.indexes.GinIndex(
                django.contrib.postgres.indexes.OpClass(common.fulltext.FoldedAccents("name"), name="gin_trgm_ops"),
                name="contact_name_trigram_idx",
            ),
        ),
    ]
