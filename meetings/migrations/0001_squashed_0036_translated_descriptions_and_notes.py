# Squashed: everything this app's migrations had made by 0036, replaced by one (see `replaces`). The replaced
# files stay until every deployment has applied them; a fresh database (the tests' included) runs this one.

import django.contrib.postgres.indexes
import django.contrib.postgres.search
import django.db.models.constraints
import django.db.models.deletion
import django.utils.timezone
import simple_history.models
from django.conf import settings
from django.db import migrations, models

import common.fulltext
import common.time_zones
import meetings.models.documents


class Migration(migrations.Migration):
    replaces = [
        ("meetings", "0001_squashed_0021_time_zone_choices_by_reference"),
        ("meetings", "0022_bounded_search_documents"),
        ("meetings", "0023_participation_version"),
        ("meetings", "0024_reference_numbers"),
        ("meetings", "0025_minutes_publications"),
        ("meetings", "0026_content_translations"),
        ("meetings", "0027_agenda_item_actual_times"),
        ("meetings", "0028_meeting_mails"),
        ("meetings", "0029_document_versions_and_agenda_items"),
        ("meetings", "0030_meeting_participants_partly_recorded"),
        ("meetings", "0031_minutes_approval"),
        ("meetings", "0032_public_pages"),
        ("meetings", "0033_minutes_comment_edits"),
        ("meetings", "0034_search_documents_every_translation"),
        ("meetings", "0035_translated_venue_and_country"),
        ("meetings", "0036_translated_descriptions_and_notes"),
    ]

    initial = True

    dependencies = [
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        ("common", "0002_mail_retries_with_backoff"),
        ("stakeholders", "0001_squashed_0014_translated_country"),
    ]

    operations = [
        migrations.CreateModel(
            name="Topic",
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
                ("name", models.CharField(max_length=120, unique=True, verbose_name="name")),
                ("description", models.TextField(blank=True, verbose_name="description")),
                ("is_emerging_trend", models.BooleanField(default=False, verbose_name="emerging trend")),
                ("name_en", models.CharField(blank=True, max_length=120, verbose_name="name (English)")),
                ("name_ru", models.CharField(blank=True, max_length=120, verbose_name="name (Russian)")),
                ("name_uz", models.CharField(blank=True, max_length=120, verbose_name="name (Uzbek)")),
            ],
            options={
                "verbose_name": "topic",
                "verbose_name_plural": "topics",
                "ordering": ["name"],
            },
        ),
        migrations.CreateModel(
            name="ActionItem",
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
                (
                    "reference_number",
                    models.PositiveIntegerField(
                        blank=True,
                        editable=False,
                        help_text="Its number within the meeting, given when it is recorded and never changed.",
                        null=True,
                        verbose_name="number",
                    ),
                ),
                ("title", models.CharField(max_length=255, verbose_name="title")),
                ("description", models.TextField(blank=True, verbose_name="description")),
                ("title_en", models.CharField(blank=True, max_length=255, verbose_name="title (English)")),
                ("title_ru", models.CharField(blank=True, max_length=255, verbose_name="title (Russian)")),
                ("title_uz", models.CharField(blank=True, max_length=255, verbose_name="title (Uzbek)")),
                ("description_en", models.TextField(blank=True, verbose_name="description (English)")),
                ("description_ru", models.TextField(blank=True, verbose_name="description (Russian)")),
                ("description_uz", models.TextField(blank=True, verbose_name="description (Uzbek)")),
                ("due_on", models.DateField(blank=True, null=True, verbose_name="due on")),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("open", "Open"),
                            ("in_progress", "In progress"),
                            ("done", "Done"),
                            ("dropped", "Dropped"),
                        ],
                        default="open",
                        max_length=16,
                        verbose_name="status",
                    ),
                ),
                (
                    "is_illustrative",
                    models.BooleanField(
                        default=False,
                        help_text="An example that no source states, added to show the portal's features (demonstration data).",
                        verbose_name="illustrative example",
                    ),
                ),
                ("version", models.PositiveIntegerField(default=1, editable=False, verbose_name="version")),
                (
                    "search_document",
                    models.GeneratedField(
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
                        ),
                        output_field=django.contrib.postgres.search.SearchVectorField(),
                    ),
                ),
                (
                    "owner",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="owned_actions",
                        to="stakeholders.contact",
                        verbose_name="owner",
                    ),
                ),
                (
                    "responsible_organization",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="action_items",
                        to="stakeholders.organization",
                        verbose_name="responsible organisation",
                    ),
                ),
            ],
            options={
                "verbose_name": "action item",
                "verbose_name_plural": "action items",
                "ordering": ["due_on", "id"],
                "permissions": [("update_own_action", "Can update actions of their own organisation")],
            },
        ),
        migrations.CreateModel(
            name="AgendaItem",
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
                ("position", models.PositiveIntegerField(default=0, verbose_name="position")),
                ("title", models.CharField(max_length=255, verbose_name="title")),
                ("description", models.TextField(blank=True, verbose_name="description")),
                ("planned_minutes", models.PositiveIntegerField(blank=True, null=True, verbose_name="planned minutes")),
                (
                    "visibility",
                    models.CharField(
                        choices=[
                            ("public", "Public (also on the public pages, once the series is public)"),
                            ("participants", "Participants"),
                            ("secretariat", "Secretariat only"),
                        ],
                        default="public",
                        help_text="Public items appear on the public pages once the series is public.",
                        max_length=16,
                        verbose_name="who may read it",
                    ),
                ),
                (
                    "is_standing",
                    models.BooleanField(
                        default=False,
                        help_text="Standing items are copied to the next meeting.",
                        verbose_name="standing item",
                    ),
                ),
                (
                    "reviews_follow_up_actions",
                    models.BooleanField(
                        default=False,
                        help_text="The item under which the open follow-up actions of earlier meetings are reviewed.",
                        verbose_name="reviews the follow-up actions",
                    ),
                ),
                (
                    "discussion_summary",
                    models.TextField(
                        blank=True, help_text="The minutes for this item.", verbose_name="discussion summary"
                    ),
                ),
                ("title_en", models.CharField(blank=True, max_length=255, verbose_name="title (English)")),
                ("title_ru", models.CharField(blank=True, max_length=255, verbose_name="title (Russian)")),
                ("title_uz", models.CharField(blank=True, max_length=255, verbose_name="title (Uzbek)")),
                ("discussion_summary_en", models.TextField(blank=True, verbose_name="discussion summary (English)")),
                ("discussion_summary_ru", models.TextField(blank=True, verbose_name="discussion summary (Russian)")),
                ("discussion_summary_uz", models.TextField(blank=True, verbose_name="discussion summary (Uzbek)")),
                ("description_en", models.TextField(blank=True, verbose_name="description (English)")),
                ("description_ru", models.TextField(blank=True, verbose_name="description (Russian)")),
                ("description_uz", models.TextField(blank=True, verbose_name="description (Uzbek)")),
                (
                    "outcome",
                    models.CharField(
                        blank=True,
                        choices=[("information", "Information"), ("decision", "Decision"), ("action", "Action")],
                        max_length=16,
                        verbose_name="outcome",
                    ),
                ),
                (
                    "started_at",
                    models.DateTimeField(blank=True, editable=False, null=True, verbose_name="actually started at"),
                ),
                (
                    "ended_at",
                    models.DateTimeField(blank=True, editable=False, null=True, verbose_name="actually ended at"),
                ),
                (
                    "version",
                    models.PositiveIntegerField(
                        default=1,
                        editable=False,
                        help_text="Bumped on every save of the item's minutes.",
                        verbose_name="version",
                    ),
                ),
                (
                    "search_document",
                    models.GeneratedField(
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
                        ),
                        output_field=django.contrib.postgres.search.SearchVectorField(),
                    ),
                ),
                (
                    "minutes_search_document",
                    models.GeneratedField(
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
                (
                    "actions_to_review",
                    models.ManyToManyField(
                        blank=True,
                        help_text="Open follow-ups reviewed under this item.",
                        related_name="reviewed_in_items",
                        to="meetings.actionitem",
                        verbose_name="actions to review",
                    ),
                ),
                (
                    "lead_organization",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="led_agenda_items",
                        to="stakeholders.organization",
                        verbose_name="lead organisation",
                    ),
                ),
                (
                    "presenter",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="presented_items",
                        to="stakeholders.contact",
                        verbose_name="presenter",
                    ),
                ),
            ],
            options={
                "verbose_name": "agenda item",
                "verbose_name_plural": "agenda items",
                "ordering": ["meeting", "position", "id"],
            },
        ),
        migrations.AddField(
            model_name="actionitem",
            name="agenda_item",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="action_items",
                to="meetings.agendaitem",
                verbose_name="agenda item",
            ),
        ),
        migrations.CreateModel(
            name="Decision",
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
                (
                    "reference_number",
                    models.PositiveIntegerField(
                        blank=True,
                        editable=False,
                        help_text="Its number within the meeting, given when it is recorded and never changed.",
                        null=True,
                        verbose_name="number",
                    ),
                ),
                ("text", models.TextField(verbose_name="text")),
                ("text_en", models.TextField(blank=True, verbose_name="text (English)")),
                ("text_ru", models.TextField(blank=True, verbose_name="text (Russian)")),
                ("text_uz", models.TextField(blank=True, verbose_name="text (Uzbek)")),
                (
                    "version",
                    models.PositiveIntegerField(
                        default=1,
                        editable=False,
                        help_text="Bumped on every save by the portal.",
                        verbose_name="version",
                    ),
                ),
                (
                    "agenda_item",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="decisions",
                        to="meetings.agendaitem",
                        verbose_name="agenda item",
                    ),
                ),
            ],
            options={
                "verbose_name": "decision",
                "verbose_name_plural": "decisions",
                "ordering": ["meeting", "reference_number", "id"],
            },
        ),
        migrations.AddField(
            model_name="actionitem",
            name="decision",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="actions",
                to="meetings.decision",
                verbose_name="decision",
            ),
        ),
        migrations.CreateModel(
            name="Document",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("created", models.DateTimeField(auto_now_add=True, verbose_name="created")),
                ("updated", models.DateTimeField(auto_now=True, verbose_name="updated")),
                ("title", models.CharField(max_length=255, verbose_name="title")),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("agenda", "Agenda"),
                            ("presentation", "Presentation"),
                            ("report", "Report"),
                            ("minutes", "Minutes"),
                            ("other", "Other"),
                        ],
                        default="other",
                        max_length=16,
                        verbose_name="kind",
                    ),
                ),
                (
                    "file",
                    models.FileField(
                        max_length=255, upload_to=meetings.models.documents.document_upload_to, verbose_name="file"
                    ),
                ),
                ("size", models.PositiveBigIntegerField(default=0, editable=False, verbose_name="size")),
                (
                    "content_type",
                    models.CharField(blank=True, editable=False, max_length=100, verbose_name="content type"),
                ),
                (
                    "visibility",
                    models.CharField(
                        choices=[
                            ("public", "Public (also on the public pages, once the series is public)"),
                            ("participants", "Participants"),
                            ("secretariat", "Secretariat only"),
                        ],
                        default="participants",
                        help_text="Only what is marked public appears on the public pages of a public series.",
                        max_length=16,
                        verbose_name="who may read it",
                    ),
                ),
                ("file_version", models.PositiveIntegerField(default=1, editable=False, verbose_name="version")),
                (
                    "file_uploaded_at",
                    models.DateTimeField(
                        default=django.utils.timezone.now, editable=False, verbose_name="file uploaded at"
                    ),
                ),
                (
                    "agenda_item",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="documents",
                        to="meetings.agendaitem",
                        verbose_name="agenda item",
                    ),
                ),
                (
                    "uploaded_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="uploaded by",
                    ),
                ),
            ],
            options={
                "verbose_name": "document",
                "verbose_name_plural": "documents",
                "ordering": ["meeting", "kind", "title"],
            },
        ),
        migrations.CreateModel(
            name="HistoricalMeetingSeries",
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
                ("title", models.CharField(db_index=True, max_length=255, verbose_name="title")),
                ("description", models.TextField(blank=True, verbose_name="description")),
                ("programme", models.CharField(blank=True, max_length=255, verbose_name="programme")),
                ("country", models.CharField(blank=True, max_length=100, verbose_name="country")),
                ("started_on", models.DateField(blank=True, null=True, verbose_name="started on")),
                (
                    "is_public",
                    models.BooleanField(
                        default=False,
                        help_text="Anyone, without an account, may read the series' announced meetings, their published minutes and its activity plans: only the agenda items, statements and documents marked public.",
                        verbose_name="public",
                    ),
                ),
                (
                    "attendance_is_public",
                    models.BooleanField(
                        default=False,
                        help_text="The public pages also list the organisations that attended each meeting.",
                        verbose_name="attendance list public",
                    ),
                ),
                ("title_en", models.CharField(blank=True, max_length=255, verbose_name="title (English)")),
                ("title_ru", models.CharField(blank=True, max_length=255, verbose_name="title (Russian)")),
                ("title_uz", models.CharField(blank=True, max_length=255, verbose_name="title (Uzbek)")),
                ("description_en", models.TextField(blank=True, verbose_name="description (English)")),
                ("description_ru", models.TextField(blank=True, verbose_name="description (Russian)")),
                ("description_uz", models.TextField(blank=True, verbose_name="description (Uzbek)")),
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
                    "convening_organization",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="stakeholders.organization",
                        verbose_name="convening organisation",
                    ),
                ),
                (
                    "funding_organization",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="stakeholders.organization",
                        verbose_name="funding organisation",
                    ),
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
            ],
            options={
                "verbose_name": "historical meeting series",
                "verbose_name_plural": "historical meeting series",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="Meeting",
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
                (
                    "minutes_circulated_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="minutes circulated at"),
                ),
                (
                    "minutes_comments_due",
                    models.DateField(
                        blank=True,
                        help_text="The last day for comments on the circulated draft.",
                        null=True,
                        verbose_name="comments due",
                    ),
                ),
                (
                    "minutes_approved_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="minutes approved at"),
                ),
                (
                    "number",
                    models.PositiveIntegerField(
                        help_text="The meeting's number within its series: 3 for the 3rd meeting.",
                        verbose_name="number",
                    ),
                ),
                ("title", models.CharField(max_length=255, verbose_name="title")),
                ("starts_at", models.DateTimeField(verbose_name="starts at")),
                ("ends_at", models.DateTimeField(verbose_name="ends at")),
                (
                    "time_zone",
                    models.CharField(
                        choices=common.time_zones.time_zone_choices,
                        default=common.time_zones.default_time_zone,
                        max_length=64,
                        verbose_name="time zone",
                    ),
                ),
                ("venue", models.CharField(blank=True, max_length=255, verbose_name="venue")),
                (
                    "format",
                    models.CharField(
                        choices=[("in_person", "In person"), ("online", "Online"), ("hybrid", "Hybrid")],
                        default="in_person",
                        max_length=16,
                        verbose_name="format",
                    ),
                ),
                (
                    "join_url",
                    models.URLField(
                        blank=True,
                        help_text="For an online or hybrid meeting: the video call.",
                        max_length=500,
                        verbose_name="join link",
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[("planned", "Planned"), ("held", "Held"), ("cancelled", "Cancelled")],
                        default="planned",
                        max_length=16,
                        verbose_name="status",
                    ),
                ),
                (
                    "announced_at",
                    models.DateTimeField(
                        blank=True,
                        editable=False,
                        help_text="Until it is announced, a meeting is a draft that only the secretariat sees.",
                        null=True,
                        verbose_name="announced at",
                    ),
                ),
                (
                    "headcount",
                    models.PositiveIntegerField(
                        blank=True,
                        help_text="How many people were in the room, counted on the day.",
                        null=True,
                        verbose_name="headcount",
                    ),
                ),
                ("review_year", models.PositiveSmallIntegerField(blank=True, null=True, verbose_name="review year")),
                (
                    "review_quarter_number",
                    models.PositiveSmallIntegerField(blank=True, null=True, verbose_name="reviewed quarter"),
                ),
                (
                    "minutes_summary",
                    models.TextField(
                        blank=True, help_text="The general summary of the meeting.", verbose_name="minutes"
                    ),
                ),
                (
                    "minutes_status",
                    models.CharField(
                        choices=[
                            ("draft", "Draft"),
                            ("circulated", "Circulated for comment"),
                            ("published", "Published"),
                        ],
                        default="draft",
                        max_length=16,
                        verbose_name="minutes status",
                    ),
                ),
                (
                    "minutes_published_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="minutes published at"),
                ),
                (
                    "minutes_publications",
                    models.PositiveSmallIntegerField(
                        default=0,
                        help_text="A publication after a reopening is a correction: it e-mails a short notice or nothing.",
                        verbose_name="times the minutes were published",
                    ),
                ),
                (
                    "minutes_reopen_reason",
                    models.CharField(
                        blank=True, default="", max_length=100, verbose_name="why the minutes were last reopened"
                    ),
                ),
                (
                    "is_illustrative",
                    models.BooleanField(
                        default=False,
                        help_text="The times, venue, format and publication date are examples that no source states (demonstration data).",
                        verbose_name="illustrative details",
                    ),
                ),
                (
                    "participants_partly_recorded",
                    models.BooleanField(
                        default=False,
                        help_text="Only the participants a source names are recorded: an organisation not listed may still have taken part.",
                        verbose_name="participants partly recorded",
                    ),
                ),
                (
                    "version",
                    models.PositiveIntegerField(
                        default=1,
                        editable=False,
                        help_text="Bumped on every save by the portal.",
                        verbose_name="version",
                    ),
                ),
                (
                    "calendar_sequence",
                    models.PositiveIntegerField(default=0, editable=False, verbose_name="calendar sequence"),
                ),
                ("title_en", models.CharField(blank=True, max_length=255, verbose_name="title (English)")),
                ("title_ru", models.CharField(blank=True, max_length=255, verbose_name="title (Russian)")),
                ("title_uz", models.CharField(blank=True, max_length=255, verbose_name="title (Uzbek)")),
                ("minutes_summary_en", models.TextField(blank=True, verbose_name="minutes (English)")),
                ("minutes_summary_ru", models.TextField(blank=True, verbose_name="minutes (Russian)")),
                ("minutes_summary_uz", models.TextField(blank=True, verbose_name="minutes (Uzbek)")),
                ("venue_en", models.CharField(blank=True, max_length=255, verbose_name="venue (English)")),
                ("venue_ru", models.CharField(blank=True, max_length=255, verbose_name="venue (Russian)")),
                ("venue_uz", models.CharField(blank=True, max_length=255, verbose_name="venue (Uzbek)")),
                (
                    "search_document",
                    models.GeneratedField(
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
                (
                    "minutes_search_document",
                    models.GeneratedField(
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
                (
                    "minutes_approval_item",
                    models.OneToOneField(
                        blank=True,
                        help_text="The item of the next meeting under which these minutes are approved.",
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="approves_minutes_of",
                        to="meetings.agendaitem",
                        verbose_name="agenda item approving the minutes",
                    ),
                ),
                (
                    "minutes_approved_at_meeting",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="approved_minutes",
                        to="meetings.meeting",
                        verbose_name="minutes approved at the meeting",
                    ),
                ),
                (
                    "minutes_approved_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="minutes approval recorded by",
                    ),
                ),
                (
                    "minutes_published_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="minutes published by",
                    ),
                ),
            ],
            options={
                "verbose_name": "meeting",
                "verbose_name_plural": "meetings",
                "ordering": ["-starts_at"],
                "permissions": [
                    ("publish_minutes", "Can publish and reopen minutes"),
                    ("view_draft_minutes", "Can see minutes before they are published"),
                ],
            },
        ),
        migrations.CreateModel(
            name="HistoricalStatement",
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
                ("summary", models.TextField(verbose_name="text")),
                ("summary_en", models.TextField(blank=True, verbose_name="text (English)")),
                ("summary_ru", models.TextField(blank=True, verbose_name="text (Russian)")),
                ("summary_uz", models.TextField(blank=True, verbose_name="text (Uzbek)")),
                (
                    "kind",
                    models.CharField(
                        choices=[("verbatim", "Verbatim quotation"), ("summary", "Summary (reported speech)")],
                        default="summary",
                        help_text="Verbatim only when the text is exactly the speaker's words, as a source records them.",
                        max_length=16,
                        verbose_name="kind of text",
                    ),
                ),
                ("source_title", models.CharField(blank=True, max_length=255, verbose_name="source title")),
                ("source_url", models.URLField(blank=True, max_length=500, verbose_name="source link")),
                (
                    "visibility",
                    models.CharField(
                        choices=[
                            ("public", "Public (also on the public pages, once the series is public)"),
                            ("participants", "Participants"),
                            ("secretariat", "Secretariat only"),
                        ],
                        default="participants",
                        help_text="Only what is marked public appears on the public pages of a public series.",
                        max_length=16,
                        verbose_name="who may read it",
                    ),
                ),
                ("position", models.PositiveIntegerField(default=0, verbose_name="position")),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1),
                ),
                (
                    "agenda_item",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="meetings.agendaitem",
                        verbose_name="agenda item",
                    ),
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
                    "organization",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        help_text="The organisation the speaker spoke for.",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="stakeholders.organization",
                        verbose_name="organisation",
                    ),
                ),
                (
                    "source_document",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        help_text="A document of this meeting that records the remark.",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="meetings.document",
                        verbose_name="source document",
                    ),
                ),
                (
                    "speaker",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="stakeholders.contact",
                        verbose_name="speaker",
                    ),
                ),
                (
                    "meeting",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="meetings.meeting",
                        verbose_name="meeting",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical statement",
                "verbose_name_plural": "historical statements",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalRsvp",
            fields=[
                ("id", models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name="ID")),
                ("created", models.DateTimeField(blank=True, editable=False, verbose_name="created")),
                ("updated", models.DateTimeField(blank=True, editable=False, verbose_name="updated")),
                (
                    "answer",
                    models.CharField(
                        choices=[("accepted", "Will attend"), ("declined", "Will not attend")],
                        max_length=16,
                        verbose_name="answer",
                    ),
                ),
                ("answered_at", models.DateTimeField(verbose_name="answered at")),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1),
                ),
                (
                    "contact",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="stakeholders.contact",
                        verbose_name="contact",
                    ),
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
                    "meeting",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="meetings.meeting",
                        verbose_name="meeting",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical reply to an invitation",
                "verbose_name_plural": "historical replies to invitations",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalParticipation",
            fields=[
                ("id", models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name="ID")),
                ("created", models.DateTimeField(blank=True, editable=False, verbose_name="created")),
                ("updated", models.DateTimeField(blank=True, editable=False, verbose_name="updated")),
                (
                    "role",
                    models.CharField(
                        choices=[
                            ("chair", "Chair"),
                            ("speaker", "Speaker"),
                            ("participant", "Participant"),
                            ("observer", "Observer"),
                        ],
                        default="participant",
                        max_length=16,
                        verbose_name="role",
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("invited", "Invited"),
                            ("confirmed", "Confirmed"),
                            ("attended", "Attended"),
                            ("excused", "Excused"),
                            ("absent", "Absent"),
                        ],
                        default="invited",
                        max_length=16,
                        verbose_name="status",
                    ),
                ),
                (
                    "invitation_sent_at",
                    models.DateTimeField(blank=True, editable=False, null=True, verbose_name="invitation sent at"),
                ),
                (
                    "attendee_name",
                    models.CharField(
                        blank=True,
                        help_text="For a walk-in who is not among the contacts.",
                        max_length=200,
                        verbose_name="name of the person who attended",
                    ),
                ),
                (
                    "walk_in",
                    models.BooleanField(default=False, help_text="Came without being invited.", verbose_name="walk-in"),
                ),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1),
                ),
                (
                    "contact",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="stakeholders.contact",
                        verbose_name="contact",
                    ),
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
                    "named_by",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        editable=False,
                        help_text="The organisation's focal point who named this person as attending (empty: the secretariat).",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="named by",
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
                (
                    "meeting",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="meetings.meeting",
                        verbose_name="meeting",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical participation",
                "verbose_name_plural": "historical participations",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalOrganizationReply",
            fields=[
                ("id", models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name="ID")),
                ("created", models.DateTimeField(blank=True, editable=False, verbose_name="created")),
                ("updated", models.DateTimeField(blank=True, editable=False, verbose_name="updated")),
                (
                    "answer",
                    models.CharField(
                        choices=[("accepted", "Will attend"), ("declined", "Will not attend")],
                        max_length=16,
                        verbose_name="answer",
                    ),
                ),
                ("answered_at", models.DateTimeField(verbose_name="answered at")),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1),
                ),
                (
                    "answered_by",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="answered by",
                    ),
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
                (
                    "meeting",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="meetings.meeting",
                        verbose_name="meeting",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical organisation's reply to an invitation",
                "verbose_name_plural": "historical organisations' replies to invitations",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalDocument",
            fields=[
                ("id", models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name="ID")),
                ("created", models.DateTimeField(blank=True, editable=False, verbose_name="created")),
                ("updated", models.DateTimeField(blank=True, editable=False, verbose_name="updated")),
                ("title", models.CharField(max_length=255, verbose_name="title")),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("agenda", "Agenda"),
                            ("presentation", "Presentation"),
                            ("report", "Report"),
                            ("minutes", "Minutes"),
                            ("other", "Other"),
                        ],
                        default="other",
                        max_length=16,
                        verbose_name="kind",
                    ),
                ),
                ("file", models.TextField(max_length=255, verbose_name="file")),
                ("size", models.PositiveBigIntegerField(default=0, editable=False, verbose_name="size")),
                (
                    "content_type",
                    models.CharField(blank=True, editable=False, max_length=100, verbose_name="content type"),
                ),
                (
                    "visibility",
                    models.CharField(
                        choices=[
                            ("public", "Public (also on the public pages, once the series is public)"),
                            ("participants", "Participants"),
                            ("secretariat", "Secretariat only"),
                        ],
                        default="participants",
                        help_text="Only what is marked public appears on the public pages of a public series.",
                        max_length=16,
                        verbose_name="who may read it",
                    ),
                ),
                ("file_version", models.PositiveIntegerField(default=1, editable=False, verbose_name="version")),
                (
                    "file_uploaded_at",
                    models.DateTimeField(
                        default=django.utils.timezone.now, editable=False, verbose_name="file uploaded at"
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
                    "agenda_item",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="meetings.agendaitem",
                        verbose_name="agenda item",
                    ),
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
                    "uploaded_by",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="uploaded by",
                    ),
                ),
                (
                    "meeting",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="meetings.meeting",
                        verbose_name="meeting",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical document",
                "verbose_name_plural": "historical documents",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalDecision",
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
                (
                    "reference_number",
                    models.PositiveIntegerField(
                        blank=True,
                        editable=False,
                        help_text="Its number within the meeting, given when it is recorded and never changed.",
                        null=True,
                        verbose_name="number",
                    ),
                ),
                ("text", models.TextField(verbose_name="text")),
                ("text_en", models.TextField(blank=True, verbose_name="text (English)")),
                ("text_ru", models.TextField(blank=True, verbose_name="text (Russian)")),
                ("text_uz", models.TextField(blank=True, verbose_name="text (Uzbek)")),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1),
                ),
                (
                    "agenda_item",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="meetings.agendaitem",
                        verbose_name="agenda item",
                    ),
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
                    "meeting",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="meetings.meeting",
                        verbose_name="meeting",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical decision",
                "verbose_name_plural": "historical decisions",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalAgendaItem",
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
                ("position", models.PositiveIntegerField(default=0, verbose_name="position")),
                ("title", models.CharField(max_length=255, verbose_name="title")),
                ("description", models.TextField(blank=True, verbose_name="description")),
                ("planned_minutes", models.PositiveIntegerField(blank=True, null=True, verbose_name="planned minutes")),
                (
                    "visibility",
                    models.CharField(
                        choices=[
                            ("public", "Public (also on the public pages, once the series is public)"),
                            ("participants", "Participants"),
                            ("secretariat", "Secretariat only"),
                        ],
                        default="public",
                        help_text="Public items appear on the public pages once the series is public.",
                        max_length=16,
                        verbose_name="who may read it",
                    ),
                ),
                (
                    "is_standing",
                    models.BooleanField(
                        default=False,
                        help_text="Standing items are copied to the next meeting.",
                        verbose_name="standing item",
                    ),
                ),
                (
                    "reviews_follow_up_actions",
                    models.BooleanField(
                        default=False,
                        help_text="The item under which the open follow-up actions of earlier meetings are reviewed.",
                        verbose_name="reviews the follow-up actions",
                    ),
                ),
                (
                    "discussion_summary",
                    models.TextField(
                        blank=True, help_text="The minutes for this item.", verbose_name="discussion summary"
                    ),
                ),
                ("title_en", models.CharField(blank=True, max_length=255, verbose_name="title (English)")),
                ("title_ru", models.CharField(blank=True, max_length=255, verbose_name="title (Russian)")),
                ("title_uz", models.CharField(blank=True, max_length=255, verbose_name="title (Uzbek)")),
                ("discussion_summary_en", models.TextField(blank=True, verbose_name="discussion summary (English)")),
                ("discussion_summary_ru", models.TextField(blank=True, verbose_name="discussion summary (Russian)")),
                ("discussion_summary_uz", models.TextField(blank=True, verbose_name="discussion summary (Uzbek)")),
                ("description_en", models.TextField(blank=True, verbose_name="description (English)")),
                ("description_ru", models.TextField(blank=True, verbose_name="description (Russian)")),
                ("description_uz", models.TextField(blank=True, verbose_name="description (Uzbek)")),
                (
                    "outcome",
                    models.CharField(
                        blank=True,
                        choices=[("information", "Information"), ("decision", "Decision"), ("action", "Action")],
                        max_length=16,
                        verbose_name="outcome",
                    ),
                ),
                (
                    "started_at",
                    models.DateTimeField(blank=True, editable=False, null=True, verbose_name="actually started at"),
                ),
                (
                    "ended_at",
                    models.DateTimeField(blank=True, editable=False, null=True, verbose_name="actually ended at"),
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
                    "lead_organization",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="stakeholders.organization",
                        verbose_name="lead organisation",
                    ),
                ),
                (
                    "presenter",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="stakeholders.contact",
                        verbose_name="presenter",
                    ),
                ),
                (
                    "meeting",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="meetings.meeting",
                        verbose_name="meeting",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical agenda item",
                "verbose_name_plural": "historical agenda items",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalActionUpdate",
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
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("open", "Open"),
                            ("in_progress", "In progress"),
                            ("done", "Done"),
                            ("dropped", "Dropped"),
                        ],
                        max_length=16,
                        verbose_name="status",
                    ),
                ),
                ("note", models.TextField(blank=True, verbose_name="note")),
                ("note_en", models.TextField(blank=True, verbose_name="note (English)")),
                ("note_ru", models.TextField(blank=True, verbose_name="note (Russian)")),
                ("note_uz", models.TextField(blank=True, verbose_name="note (Uzbek)")),
                ("noted_on", models.DateField(default=django.utils.timezone.localdate, verbose_name="noted on")),
                (
                    "new_due_on",
                    models.DateField(
                        blank=True,
                        help_text="The due date a meeting gave an action it continued; applied when its minutes are published.",
                        null=True,
                        verbose_name="new due date",
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
                    "action",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="meetings.actionitem",
                        verbose_name="action",
                    ),
                ),
                (
                    "author",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="author",
                    ),
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
                    "meeting",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        help_text="The meeting at which the action was reviewed, if any.",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="meetings.meeting",
                        verbose_name="meeting",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical action update",
                "verbose_name_plural": "historical action updates",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalActionItem",
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
                (
                    "reference_number",
                    models.PositiveIntegerField(
                        blank=True,
                        editable=False,
                        help_text="Its number within the meeting, given when it is recorded and never changed.",
                        null=True,
                        verbose_name="number",
                    ),
                ),
                ("title", models.CharField(max_length=255, verbose_name="title")),
                ("description", models.TextField(blank=True, verbose_name="description")),
                ("title_en", models.CharField(blank=True, max_length=255, verbose_name="title (English)")),
                ("title_ru", models.CharField(blank=True, max_length=255, verbose_name="title (Russian)")),
                ("title_uz", models.CharField(blank=True, max_length=255, verbose_name="title (Uzbek)")),
                ("description_en", models.TextField(blank=True, verbose_name="description (English)")),
                ("description_ru", models.TextField(blank=True, verbose_name="description (Russian)")),
                ("description_uz", models.TextField(blank=True, verbose_name="description (Uzbek)")),
                ("due_on", models.DateField(blank=True, null=True, verbose_name="due on")),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("open", "Open"),
                            ("in_progress", "In progress"),
                            ("done", "Done"),
                            ("dropped", "Dropped"),
                        ],
                        default="open",
                        max_length=16,
                        verbose_name="status",
                    ),
                ),
                (
                    "is_illustrative",
                    models.BooleanField(
                        default=False,
                        help_text="An example that no source states, added to show the portal's features (demonstration data).",
                        verbose_name="illustrative example",
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
                    "agenda_item",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="meetings.agendaitem",
                        verbose_name="agenda item",
                    ),
                ),
                (
                    "decision",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="meetings.decision",
                        verbose_name="decision",
                    ),
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
                    "owner",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="stakeholders.contact",
                        verbose_name="owner",
                    ),
                ),
                (
                    "responsible_organization",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="stakeholders.organization",
                        verbose_name="responsible organisation",
                    ),
                ),
                (
                    "meeting",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="meetings.meeting",
                        verbose_name="meeting",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical action item",
                "verbose_name_plural": "historical action items",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.AddField(
            model_name="document",
            name="meeting",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="documents",
                to="meetings.meeting",
                verbose_name="meeting",
            ),
        ),
        migrations.AddField(
            model_name="decision",
            name="meeting",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="decisions",
                to="meetings.meeting",
                verbose_name="meeting",
            ),
        ),
        migrations.AddField(
            model_name="agendaitem",
            name="meeting",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="agenda_items",
                to="meetings.meeting",
                verbose_name="meeting",
            ),
        ),
        migrations.CreateModel(
            name="ActionUpdate",
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
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("open", "Open"),
                            ("in_progress", "In progress"),
                            ("done", "Done"),
                            ("dropped", "Dropped"),
                        ],
                        max_length=16,
                        verbose_name="status",
                    ),
                ),
                ("note", models.TextField(blank=True, verbose_name="note")),
                ("note_en", models.TextField(blank=True, verbose_name="note (English)")),
                ("note_ru", models.TextField(blank=True, verbose_name="note (Russian)")),
                ("note_uz", models.TextField(blank=True, verbose_name="note (Uzbek)")),
                ("noted_on", models.DateField(default=django.utils.timezone.localdate, verbose_name="noted on")),
                (
                    "new_due_on",
                    models.DateField(
                        blank=True,
                        help_text="The due date a meeting gave an action it continued; applied when its minutes are published.",
                        null=True,
                        verbose_name="new due date",
                    ),
                ),
                (
                    "action",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="updates",
                        to="meetings.actionitem",
                        verbose_name="action",
                    ),
                ),
                (
                    "author",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="author",
                    ),
                ),
                (
                    "meeting",
                    models.ForeignKey(
                        blank=True,
                        help_text="The meeting at which the action was reviewed, if any.",
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="action_updates",
                        to="meetings.meeting",
                        verbose_name="meeting",
                    ),
                ),
            ],
            options={
                "verbose_name": "action update",
                "verbose_name_plural": "action updates",
                "ordering": ["-noted_on", "-id"],
            },
        ),
        migrations.AddField(
            model_name="actionitem",
            name="meeting",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="action_items",
                to="meetings.meeting",
                verbose_name="meeting",
            ),
        ),
        migrations.CreateModel(
            name="MeetingMail",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("invitation", "Invitation"),
                            ("update", "Update"),
                            ("cancellation", "Cancellation"),
                            ("minutes", "Minutes published"),
                            ("correction", "Minutes corrected"),
                            ("minutes-circulated", "Draft minutes circulated"),
                            ("minutes-approved", "Minutes approved"),
                        ],
                        max_length=20,
                    ),
                ),
                ("created", models.DateTimeField(auto_now_add=True)),
                (
                    "contact",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="meeting_mails",
                        to="stakeholders.contact",
                    ),
                ),
                (
                    "mail",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE, related_name="+", to="common.outgoingmail"
                    ),
                ),
                (
                    "meeting",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE, related_name="mails", to="meetings.meeting"
                    ),
                ),
            ],
            options={
                "ordering": ["meeting", "contact", "created", "id"],
            },
        ),
        migrations.CreateModel(
            name="MeetingSeries",
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
                ("title", models.CharField(max_length=255, unique=True, verbose_name="title")),
                ("description", models.TextField(blank=True, verbose_name="description")),
                ("programme", models.CharField(blank=True, max_length=255, verbose_name="programme")),
                ("country", models.CharField(blank=True, max_length=100, verbose_name="country")),
                ("started_on", models.DateField(blank=True, null=True, verbose_name="started on")),
                (
                    "is_public",
                    models.BooleanField(
                        default=False,
                        help_text="Anyone, without an account, may read the series' announced meetings, their published minutes and its activity plans: only the agenda items, statements and documents marked public.",
                        verbose_name="public",
                    ),
                ),
                (
                    "attendance_is_public",
                    models.BooleanField(
                        default=False,
                        help_text="The public pages also list the organisations that attended each meeting.",
                        verbose_name="attendance list public",
                    ),
                ),
                ("title_en", models.CharField(blank=True, max_length=255, verbose_name="title (English)")),
                ("title_ru", models.CharField(blank=True, max_length=255, verbose_name="title (Russian)")),
                ("title_uz", models.CharField(blank=True, max_length=255, verbose_name="title (Uzbek)")),
                ("description_en", models.TextField(blank=True, verbose_name="description (English)")),
                ("description_ru", models.TextField(blank=True, verbose_name="description (Russian)")),
                ("description_uz", models.TextField(blank=True, verbose_name="description (Uzbek)")),
                ("country_en", models.CharField(blank=True, max_length=100, verbose_name="country (English)")),
                ("country_ru", models.CharField(blank=True, max_length=100, verbose_name="country (Russian)")),
                ("country_uz", models.CharField(blank=True, max_length=100, verbose_name="country (Uzbek)")),
                (
                    "convening_organization",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="convened_series",
                        to="stakeholders.organization",
                        verbose_name="convening organisation",
                    ),
                ),
                (
                    "funding_organization",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="funded_series",
                        to="stakeholders.organization",
                        verbose_name="funding organisation",
                    ),
                ),
                (
                    "members",
                    models.ManyToManyField(
                        blank=True,
                        related_name="member_of_series",
                        to="stakeholders.organization",
                        verbose_name="members",
                    ),
                ),
            ],
            options={
                "verbose_name": "meeting series",
                "verbose_name_plural": "meeting series",
                "ordering": ["title"],
            },
        ),
        migrations.AddField(
            model_name="meeting",
            name="series",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="meetings",
                to="meetings.meetingseries",
                verbose_name="series",
            ),
        ),
        migrations.CreateModel(
            name="HistoricalMeeting",
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
                (
                    "minutes_circulated_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="minutes circulated at"),
                ),
                (
                    "minutes_comments_due",
                    models.DateField(
                        blank=True,
                        help_text="The last day for comments on the circulated draft.",
                        null=True,
                        verbose_name="comments due",
                    ),
                ),
                (
                    "minutes_approved_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="minutes approved at"),
                ),
                (
                    "number",
                    models.PositiveIntegerField(
                        help_text="The meeting's number within its series: 3 for the 3rd meeting.",
                        verbose_name="number",
                    ),
                ),
                ("title", models.CharField(max_length=255, verbose_name="title")),
                ("starts_at", models.DateTimeField(verbose_name="starts at")),
                ("ends_at", models.DateTimeField(verbose_name="ends at")),
                (
                    "time_zone",
                    models.CharField(
                        choices=common.time_zones.time_zone_choices,
                        default=common.time_zones.default_time_zone,
                        max_length=64,
                        verbose_name="time zone",
                    ),
                ),
                ("venue", models.CharField(blank=True, max_length=255, verbose_name="venue")),
                (
                    "format",
                    models.CharField(
                        choices=[("in_person", "In person"), ("online", "Online"), ("hybrid", "Hybrid")],
                        default="in_person",
                        max_length=16,
                        verbose_name="format",
                    ),
                ),
                (
                    "join_url",
                    models.URLField(
                        blank=True,
                        help_text="For an online or hybrid meeting: the video call.",
                        max_length=500,
                        verbose_name="join link",
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[("planned", "Planned"), ("held", "Held"), ("cancelled", "Cancelled")],
                        default="planned",
                        max_length=16,
                        verbose_name="status",
                    ),
                ),
                (
                    "announced_at",
                    models.DateTimeField(
                        blank=True,
                        editable=False,
                        help_text="Until it is announced, a meeting is a draft that only the secretariat sees.",
                        null=True,
                        verbose_name="announced at",
                    ),
                ),
                (
                    "headcount",
                    models.PositiveIntegerField(
                        blank=True,
                        help_text="How many people were in the room, counted on the day.",
                        null=True,
                        verbose_name="headcount",
                    ),
                ),
                ("review_year", models.PositiveSmallIntegerField(blank=True, null=True, verbose_name="review year")),
                (
                    "review_quarter_number",
                    models.PositiveSmallIntegerField(blank=True, null=True, verbose_name="reviewed quarter"),
                ),
                (
                    "minutes_summary",
                    models.TextField(
                        blank=True, help_text="The general summary of the meeting.", verbose_name="minutes"
                    ),
                ),
                (
                    "minutes_status",
                    models.CharField(
                        choices=[
                            ("draft", "Draft"),
                            ("circulated", "Circulated for comment"),
                            ("published", "Published"),
                        ],
                        default="draft",
                        max_length=16,
                        verbose_name="minutes status",
                    ),
                ),
                (
                    "minutes_published_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="minutes published at"),
                ),
                (
                    "minutes_publications",
                    models.PositiveSmallIntegerField(
                        default=0,
                        help_text="A publication after a reopening is a correction: it e-mails a short notice or nothing.",
                        verbose_name="times the minutes were published",
                    ),
                ),
                (
                    "minutes_reopen_reason",
                    models.CharField(
                        blank=True, default="", max_length=100, verbose_name="why the minutes were last reopened"
                    ),
                ),
                (
                    "is_illustrative",
                    models.BooleanField(
                        default=False,
                        help_text="The times, venue, format and publication date are examples that no source states (demonstration data).",
                        verbose_name="illustrative details",
                    ),
                ),
                (
                    "participants_partly_recorded",
                    models.BooleanField(
                        default=False,
                        help_text="Only the participants a source names are recorded: an organisation not listed may still have taken part.",
                        verbose_name="participants partly recorded",
                    ),
                ),
                ("title_en", models.CharField(blank=True, max_length=255, verbose_name="title (English)")),
                ("title_ru", models.CharField(blank=True, max_length=255, verbose_name="title (Russian)")),
                ("title_uz", models.CharField(blank=True, max_length=255, verbose_name="title (Uzbek)")),
                ("minutes_summary_en", models.TextField(blank=True, verbose_name="minutes (English)")),
                ("minutes_summary_ru", models.TextField(blank=True, verbose_name="minutes (Russian)")),
                ("minutes_summary_uz", models.TextField(blank=True, verbose_name="minutes (Uzbek)")),
                ("venue_en", models.CharField(blank=True, max_length=255, verbose_name="venue (English)")),
                ("venue_ru", models.CharField(blank=True, max_length=255, verbose_name="venue (Russian)")),
                ("venue_uz", models.CharField(blank=True, max_length=255, verbose_name="venue (Uzbek)")),
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
                    "minutes_approval_item",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        help_text="The item of the next meeting under which these minutes are approved.",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="meetings.agendaitem",
                        verbose_name="agenda item approving the minutes",
                    ),
                ),
                (
                    "minutes_approved_by",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="minutes approval recorded by",
                    ),
                ),
                (
                    "minutes_published_by",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="minutes published by",
                    ),
                ),
                (
                    "minutes_approved_at_meeting",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="meetings.meeting",
                        verbose_name="minutes approved at the meeting",
                    ),
                ),
                (
                    "series",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="meetings.meetingseries",
                        verbose_name="series",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical meeting",
                "verbose_name_plural": "historical meetings",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="MinutesComment",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("created", models.DateTimeField(auto_now_add=True, verbose_name="created")),
                ("updated", models.DateTimeField(auto_now=True, verbose_name="updated")),
                ("text", models.TextField(verbose_name="comment")),
                ("resolved_at", models.DateTimeField(blank=True, null=True, verbose_name="resolved at")),
                ("resolution_note", models.TextField(blank=True, verbose_name="resolution note")),
                (
                    "edited_at",
                    models.DateTimeField(
                        blank=True,
                        help_text="When its author last changed the text, if ever.",
                        null=True,
                        verbose_name="edited at",
                    ),
                ),
                (
                    "version",
                    models.PositiveIntegerField(
                        default=1,
                        editable=False,
                        help_text="Bumped on every edit by its author.",
                        verbose_name="version",
                    ),
                ),
                (
                    "agenda_item",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="minutes_comments",
                        to="meetings.agendaitem",
                        verbose_name="agenda item",
                    ),
                ),
                (
                    "author",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="author",
                    ),
                ),
                (
                    "meeting",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="minutes_comments",
                        to="meetings.meeting",
                        verbose_name="meeting",
                    ),
                ),
                (
                    "organization",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="stakeholders.organization",
                        verbose_name="organisation",
                    ),
                ),
                (
                    "resolved_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="resolved by",
                    ),
                ),
            ],
            options={
                "verbose_name": "comment on the minutes",
                "verbose_name_plural": "comments on the minutes",
                "ordering": ["meeting", "created", "id"],
            },
        ),
        migrations.CreateModel(
            name="MinutesVersion",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("number", models.PositiveIntegerField(verbose_name="version")),
                ("reason", models.CharField(max_length=255, verbose_name="reason")),
                ("created", models.DateTimeField(auto_now_add=True, verbose_name="recorded at")),
                ("content", models.JSONField(default=dict, verbose_name="content")),
                (
                    "created_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="recorded by",
                    ),
                ),
                (
                    "meeting",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="minutes_versions",
                        to="meetings.meeting",
                        verbose_name="meeting",
                    ),
                ),
            ],
            options={
                "verbose_name": "version of the minutes",
                "verbose_name_plural": "versions of the minutes",
                "ordering": ["meeting", "number"],
            },
        ),
        migrations.CreateModel(
            name="OrganizationReply",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("created", models.DateTimeField(auto_now_add=True, verbose_name="created")),
                ("updated", models.DateTimeField(auto_now=True, verbose_name="updated")),
                (
                    "answer",
                    models.CharField(
                        choices=[("accepted", "Will attend"), ("declined", "Will not attend")],
                        max_length=16,
                        verbose_name="answer",
                    ),
                ),
                ("answered_at", models.DateTimeField(verbose_name="answered at")),
                (
                    "answered_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="answered by",
                    ),
                ),
                (
                    "meeting",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="organization_replies",
                        to="meetings.meeting",
                        verbose_name="meeting",
                    ),
                ),
                (
                    "organization",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="meeting_replies",
                        to="stakeholders.organization",
                        verbose_name="organisation",
                    ),
                ),
            ],
            options={
                "verbose_name": "organisation's reply to an invitation",
                "verbose_name_plural": "organisations' replies to invitations",
                "ordering": ["meeting", "organization"],
            },
        ),
        migrations.CreateModel(
            name="Participation",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("created", models.DateTimeField(auto_now_add=True, verbose_name="created")),
                ("updated", models.DateTimeField(auto_now=True, verbose_name="updated")),
                (
                    "role",
                    models.CharField(
                        choices=[
                            ("chair", "Chair"),
                            ("speaker", "Speaker"),
                            ("participant", "Participant"),
                            ("observer", "Observer"),
                        ],
                        default="participant",
                        max_length=16,
                        verbose_name="role",
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("invited", "Invited"),
                            ("confirmed", "Confirmed"),
                            ("attended", "Attended"),
                            ("excused", "Excused"),
                            ("absent", "Absent"),
                        ],
                        default="invited",
                        max_length=16,
                        verbose_name="status",
                    ),
                ),
                (
                    "invitation_sent_at",
                    models.DateTimeField(blank=True, editable=False, null=True, verbose_name="invitation sent at"),
                ),
                (
                    "attendee_name",
                    models.CharField(
                        blank=True,
                        help_text="For a walk-in who is not among the contacts.",
                        max_length=200,
                        verbose_name="name of the person who attended",
                    ),
                ),
                (
                    "walk_in",
                    models.BooleanField(default=False, help_text="Came without being invited.", verbose_name="walk-in"),
                ),
                (
                    "version",
                    models.PositiveIntegerField(
                        default=1,
                        editable=False,
                        help_text="Bumped on every save by the portal.",
                        verbose_name="version",
                    ),
                ),
                (
                    "contact",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="participations",
                        to="stakeholders.contact",
                        verbose_name="contact",
                    ),
                ),
                (
                    "meeting",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="participations",
                        to="meetings.meeting",
                        verbose_name="meeting",
                    ),
                ),
                (
                    "named_by",
                    models.ForeignKey(
                        blank=True,
                        editable=False,
                        help_text="The organisation's focal point who named this person as attending (empty: the secretariat).",
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="named by",
                    ),
                ),
                (
                    "organization",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="participations",
                        to="stakeholders.organization",
                        verbose_name="organisation",
                    ),
                ),
            ],
            options={
                "verbose_name": "participation",
                "verbose_name_plural": "participations",
                "ordering": ["organization__name", "contact__name"],
            },
        ),
        migrations.CreateModel(
            name="Rsvp",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("created", models.DateTimeField(auto_now_add=True, verbose_name="created")),
                ("updated", models.DateTimeField(auto_now=True, verbose_name="updated")),
                (
                    "answer",
                    models.CharField(
                        choices=[("accepted", "Will attend"), ("declined", "Will not attend")],
                        max_length=16,
                        verbose_name="answer",
                    ),
                ),
                ("answered_at", models.DateTimeField(verbose_name="answered at")),
                (
                    "contact",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="rsvps",
                        to="stakeholders.contact",
                        verbose_name="contact",
                    ),
                ),
                (
                    "meeting",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="rsvps",
                        to="meetings.meeting",
                        verbose_name="meeting",
                    ),
                ),
            ],
            options={
                "verbose_name": "reply to an invitation",
                "verbose_name_plural": "replies to invitations",
                "ordering": ["meeting", "contact"],
            },
        ),
        migrations.CreateModel(
            name="Statement",
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
                ("summary", models.TextField(verbose_name="text")),
                ("summary_en", models.TextField(blank=True, verbose_name="text (English)")),
                ("summary_ru", models.TextField(blank=True, verbose_name="text (Russian)")),
                ("summary_uz", models.TextField(blank=True, verbose_name="text (Uzbek)")),
                (
                    "kind",
                    models.CharField(
                        choices=[("verbatim", "Verbatim quotation"), ("summary", "Summary (reported speech)")],
                        default="summary",
                        help_text="Verbatim only when the text is exactly the speaker's words, as a source records them.",
                        max_length=16,
                        verbose_name="kind of text",
                    ),
                ),
                ("source_title", models.CharField(blank=True, max_length=255, verbose_name="source title")),
                ("source_url", models.URLField(blank=True, max_length=500, verbose_name="source link")),
                (
                    "visibility",
                    models.CharField(
                        choices=[
                            ("public", "Public (also on the public pages, once the series is public)"),
                            ("participants", "Participants"),
                            ("secretariat", "Secretariat only"),
                        ],
                        default="participants",
                        help_text="Only what is marked public appears on the public pages of a public series.",
                        max_length=16,
                        verbose_name="who may read it",
                    ),
                ),
                ("position", models.PositiveIntegerField(default=0, verbose_name="position")),
                (
                    "version",
                    models.PositiveIntegerField(
                        default=1,
                        editable=False,
                        help_text="Bumped on every save by the portal.",
                        verbose_name="version",
                    ),
                ),
                (
                    "search_document",
                    models.GeneratedField(
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
                (
                    "agenda_item",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="statements",
                        to="meetings.agendaitem",
                        verbose_name="agenda item",
                    ),
                ),
                (
                    "meeting",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="statements",
                        to="meetings.meeting",
                        verbose_name="meeting",
                    ),
                ),
                (
                    "organization",
                    models.ForeignKey(
                        help_text="The organisation the speaker spoke for.",
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="statements",
                        to="stakeholders.organization",
                        verbose_name="organisation",
                    ),
                ),
                (
                    "source_document",
                    models.ForeignKey(
                        blank=True,
                        help_text="A document of this meeting that records the remark.",
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="statements",
                        to="meetings.document",
                        verbose_name="source document",
                    ),
                ),
                (
                    "speaker",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="statements",
                        to="stakeholders.contact",
                        verbose_name="speaker",
                    ),
                ),
                (
                    "topics",
                    models.ManyToManyField(
                        blank=True, related_name="statements", to="meetings.topic", verbose_name="topics"
                    ),
                ),
            ],
            options={
                "verbose_name": "statement",
                "verbose_name_plural": "statements",
                "ordering": ["meeting", "position", "id"],
            },
        ),
        migrations.AddField(
            model_name="agendaitem",
            name="topics",
            field=models.ManyToManyField(
                blank=True, related_name="agenda_items", to="meetings.topic", verbose_name="topics"
            ),
        ),
        migrations.CreateModel(
            name="ActionReminder",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("sent_on", models.DateField()),
                (
                    "action",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE, related_name="reminders", to="meetings.actionitem"
                    ),
                ),
                (
                    "contact",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="action_reminders",
                        to="stakeholders.contact",
                    ),
                ),
            ],
            options={
                "ordering": ["-sent_on", "action"],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("action", "contact", "sent_on"), name="unique_action_reminder_per_day"
                    )
                ],
            },
        ),
        migrations.CreateModel(
            name="DocumentVersion",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("number", models.PositiveIntegerField(verbose_name="version")),
                (
                    "file",
                    models.FileField(
                        max_length=255, upload_to=meetings.models.documents.document_upload_to, verbose_name="file"
                    ),
                ),
                ("size", models.PositiveBigIntegerField(default=0, verbose_name="size")),
                ("content_type", models.CharField(blank=True, max_length=100, verbose_name="content type")),
                ("uploaded_at", models.DateTimeField(verbose_name="uploaded at")),
                (
                    "document",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="versions",
                        to="meetings.document",
                        verbose_name="document",
                    ),
                ),
                (
                    "uploaded_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="uploaded by",
                    ),
                ),
            ],
            options={
                "verbose_name": "document version",
                "verbose_name_plural": "document versions",
                "ordering": ["document", "-number"],
                "constraints": [
                    models.UniqueConstraint(fields=("document", "number"), name="unique_document_version_number")
                ],
            },
        ),
        migrations.CreateModel(
            name="Invitation",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("created", models.DateTimeField(auto_now_add=True, verbose_name="created")),
                ("updated", models.DateTimeField(auto_now=True, verbose_name="updated")),
                ("sent_at", models.DateTimeField()),
                ("sequence", models.PositiveIntegerField()),
                ("announced", models.JSONField(blank=True, default=dict)),
                (
                    "contact",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="invitations",
                        to="stakeholders.contact",
                    ),
                ),
                (
                    "mail",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="common.outgoingmail",
                    ),
                ),
                (
                    "meeting",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE, related_name="invitations", to="meetings.meeting"
                    ),
                ),
            ],
            options={
                "ordering": ["meeting", "contact"],
                "constraints": [
                    models.UniqueConstraint(fields=("meeting", "contact"), name="unique_invitation_per_contact")
                ],
            },
        ),
        migrations.AddConstraint(
            model_name="decision",
            constraint=models.UniqueConstraint(
                fields=("meeting", "reference_number"), name="unique_decision_reference"
            ),
        ),
        migrations.AddIndex(
            model_name="actionitem",
            index=models.Index(fields=["status", "due_on"], name="action_status_due_idx"),
        ),
        migrations.AddIndex(
            model_name="actionitem",
            index=models.Index(
                condition=models.Q(("status__in", ("open", "in_progress"))),
                fields=["due_on", "id"],
                name="open_action_due_idx",
            ),
        ),
        migrations.AddIndex(
            model_name="actionitem",
            index=models.Index(
                condition=models.Q(("status__in", ("open", "in_progress"))),
                fields=["responsible_organization", "due_on", "id"],
                name="open_action_org_due_idx",
            ),
        ),
        migrations.AddIndex(
            model_name="actionitem",
            index=models.Index(
                condition=models.Q(("status__in", ("open", "in_progress")), _negated=True),
                fields=["responsible_organization", "due_on", "id"],
                name="closed_action_org_due_idx",
            ),
        ),
        migrations.AddIndex(
            model_name="actionitem",
            index=models.Index(
                fields=["responsible_organization", "status", "due_on"], include=("id",), name="action_org_record_idx"
            ),
        ),
        migrations.AddIndex(
            model_name="actionitem",
            index=django.contrib.postgres.indexes.GinIndex(fields=["search_document"], name="action_search_idx"),
        ),
        migrations.AddConstraint(
            model_name="actionitem",
            constraint=models.UniqueConstraint(fields=("meeting", "reference_number"), name="unique_action_reference"),
        ),
        migrations.AddConstraint(
            model_name="meetingmail",
            constraint=models.UniqueConstraint(fields=("mail",), name="one_meeting_mail_per_outgoing_mail"),
        ),
        migrations.AddIndex(
            model_name="meeting",
            index=models.Index(fields=["starts_at", "id"], name="meeting_list_order_idx"),
        ),
        migrations.AddIndex(
            model_name="meeting",
            index=models.Index(fields=["ends_at"], name="meeting_ends_at_idx"),
        ),
        migrations.AddIndex(
            model_name="meeting",
            index=django.contrib.postgres.indexes.GinIndex(fields=["search_document"], name="meeting_search_idx"),
        ),
        migrations.AddIndex(
            model_name="meeting",
            index=django.contrib.postgres.indexes.GinIndex(
                fields=["minutes_search_document"], name="meeting_minutes_search_idx"
            ),
        ),
        migrations.AddConstraint(
            model_name="meeting",
            constraint=models.UniqueConstraint(fields=("series", "number"), name="unique_meeting_number_per_series"),
        ),
        migrations.AddConstraint(
            model_name="meeting",
            constraint=models.CheckConstraint(
                condition=models.Q(("ends_at__gt", models.F("starts_at"))), name="meeting_ends_after_start"
            ),
        ),
        migrations.AddConstraint(
            model_name="meeting",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("review_quarter_number__isnull", True), ("review_year__isnull", True)),
                    models.Q(
                        ("review_quarter_number__gte", 1),
                        ("review_quarter_number__lte", 4),
                        ("review_year__isnull", False),
                    ),
                    _connector="OR",
                ),
                name="meeting_review_quarter_valid",
            ),
        ),
        migrations.AddConstraint(
            model_name="meeting",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("minutes_status__in", ["draft", "circulated"]),
                    ("minutes_published_at__isnull", False),
                    _connector="OR",
                ),
                name="published_minutes_have_a_date",
            ),
        ),
        migrations.AddConstraint(
            model_name="minutesversion",
            constraint=models.UniqueConstraint(fields=("meeting", "number"), name="unique_minutes_version_number"),
        ),
        migrations.AddConstraint(
            model_name="organizationreply",
            constraint=models.UniqueConstraint(
                fields=("meeting", "organization"), name="unique_reply_per_organization"
            ),
        ),
        migrations.AddConstraint(
            model_name="participation",
            constraint=models.UniqueConstraint(
                fields=("meeting", "organization", "contact", "attendee_name"),
                name="unique_participation",
                nulls_distinct=False,
            ),
        ),
        migrations.AddConstraint(
            model_name="rsvp",
            constraint=models.UniqueConstraint(fields=("meeting", "contact"), name="unique_rsvp_per_contact"),
        ),
        migrations.AddIndex(
            model_name="statement",
            index=django.contrib.postgres.indexes.GinIndex(fields=["search_document"], name="statement_search_idx"),
        ),
        migrations.AddIndex(
            model_name="agendaitem",
            index=django.contrib.postgres.indexes.GinIndex(fields=["search_document"], name="agenda_item_search_idx"),
        ),
        migrations.AddIndex(
            model_name="agendaitem",
            index=django.contrib.postgres.indexes.GinIndex(
                fields=["minutes_search_document"], name="agenda_item_minutes_search_idx"
            ),
        ),
        migrations.AddConstraint(
            model_name="agendaitem",
            constraint=models.UniqueConstraint(
                deferrable=django.db.models.constraints.Deferrable["DEFERRED"],
                fields=("meeting", "position"),
                name="unique_agenda_position",
            ),
        ),
    ]
