# Squashed: everything this app's migrations had made by 0015, replaced by one (see `replaces`). The replaced
# files stay until every deployment has applied them; a fresh database (the tests' included) runs this one.

import django.contrib.postgres.fields
import django.contrib.postgres.indexes
import django.contrib.postgres.search
import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models

import common.fulltext


class Migration(migrations.Migration):
    replaces = [
        ("activities", "0001_squashed_0009_search_in_three_languages"),
        ("activities", "0010_bounded_search_documents"),
        ("activities", "0011_content_translations"),
        ("activities", "0012_activity_lead_is_illustrative"),
        ("activities", "0013_search_documents_every_translation"),
        ("activities", "0014_places"),
        ("activities", "0015_translated_descriptions_and_notes"),
    ]

    initial = True

    dependencies = [
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        ("meetings", "0001_squashed_0036_translated_descriptions_and_notes"),
        ("stakeholders", "0001_squashed_0014_translated_country"),
    ]

    operations = [
        migrations.CreateModel(
            name="Place",
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
                ("name", models.CharField(max_length=100, unique=True, verbose_name="name")),
                ("name_en", models.CharField(blank=True, max_length=100, verbose_name="name (English)")),
                ("name_ru", models.CharField(blank=True, max_length=100, verbose_name="name (Russian)")),
                ("name_uz", models.CharField(blank=True, max_length=100, verbose_name="name (Uzbek)")),
            ],
            options={
                "verbose_name": "place",
                "verbose_name_plural": "places",
                "ordering": ["name"],
            },
        ),
        migrations.CreateModel(
            name="ActivityPlan",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("created", models.DateTimeField(auto_now_add=True, verbose_name="created")),
                ("updated", models.DateTimeField(auto_now=True, verbose_name="updated")),
                ("year", models.PositiveSmallIntegerField(verbose_name="year")),
                ("quarter_number", models.PositiveSmallIntegerField(verbose_name="quarter")),
                (
                    "status",
                    models.CharField(
                        choices=[("draft", "Draft"), ("discussed", "Discussed"), ("endorsed", "Endorsed")],
                        default="draft",
                        max_length=16,
                        verbose_name="status",
                    ),
                ),
                ("notes", models.TextField(blank=True, verbose_name="notes")),
                (
                    "endorsed_at",
                    models.ForeignKey(
                        blank=True,
                        help_text="The meeting that discussed or endorsed this plan.",
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="endorsed_plans",
                        to="meetings.meeting",
                        verbose_name="meeting",
                    ),
                ),
                (
                    "series",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="plans",
                        to="meetings.meetingseries",
                        verbose_name="series",
                    ),
                ),
            ],
            options={
                "verbose_name": "activity plan",
                "verbose_name_plural": "activity plans",
                "ordering": ["-year", "-quarter_number"],
            },
        ),
        migrations.CreateModel(
            name="Activity",
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
                ("title", models.CharField(max_length=255, verbose_name="title")),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("training", "Training"),
                            ("tot", "Training of trainers"),
                            ("seminar", "Seminar"),
                            ("study_visit", "Study visit"),
                            ("campaign", "Awareness campaign"),
                            ("conference", "Conference"),
                            ("research", "Research"),
                            ("other", "Other"),
                        ],
                        default="other",
                        max_length=16,
                        verbose_name="kind",
                    ),
                ),
                ("description", models.TextField(blank=True, verbose_name="description")),
                (
                    "lead_is_illustrative",
                    models.BooleanField(
                        default=False,
                        help_text="No source says which organisation leads this activity: the lead shown is an example.",
                        verbose_name="lead illustrative",
                    ),
                ),
                ("starts_on", models.DateField(blank=True, null=True, verbose_name="starts on")),
                (
                    "ends_on",
                    models.DateField(
                        blank=True,
                        help_text="Leave empty for a single-day activity.",
                        null=True,
                        verbose_name="ends on",
                    ),
                ),
                (
                    "date_precision",
                    models.CharField(
                        choices=[("day", "Day"), ("month", "Month only")],
                        default="day",
                        help_text="Month only: the source gives the month, not the day (stored as its first day).",
                        max_length=8,
                        verbose_name="date precision",
                    ),
                ),
                (
                    "places",
                    django.contrib.postgres.fields.ArrayField(
                        base_field=models.CharField(max_length=100),
                        blank=True,
                        default=list,
                        help_text="Cities, separated by commas.",
                        size=None,
                    ),
                ),
                ("target_group", models.CharField(blank=True, max_length=255, verbose_name="target group")),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("planned", "Planned"),
                            ("ongoing", "Ongoing"),
                            ("completed", "Completed"),
                            ("postponed", "Postponed"),
                            ("cancelled", "Cancelled"),
                        ],
                        default="planned",
                        max_length=16,
                        verbose_name="status",
                    ),
                ),
                ("people_reached", models.PositiveIntegerField(blank=True, null=True, verbose_name="people reached")),
                ("outcome", models.TextField(blank=True, verbose_name="outcome")),
                ("version", models.PositiveIntegerField(default=1, editable=False, verbose_name="version")),
                ("title_en", models.CharField(blank=True, max_length=255, verbose_name="title (English)")),
                ("title_ru", models.CharField(blank=True, max_length=255, verbose_name="title (Russian)")),
                ("title_uz", models.CharField(blank=True, max_length=255, verbose_name="title (Uzbek)")),
                ("description_en", models.TextField(blank=True, verbose_name="description (English)")),
                ("description_ru", models.TextField(blank=True, verbose_name="description (Russian)")),
                ("description_uz", models.TextField(blank=True, verbose_name="description (Uzbek)")),
                (
                    "target_group_en",
                    models.CharField(blank=True, max_length=255, verbose_name="target group (English)"),
                ),
                (
                    "target_group_ru",
                    models.CharField(blank=True, max_length=255, verbose_name="target group (Russian)"),
                ),
                ("target_group_uz", models.CharField(blank=True, max_length=255, verbose_name="target group (Uzbek)")),
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
                            (common.fulltext.ArrayToText("places"), "B"),
                            ("target_group", "C", "original"),
                            ("target_group_en", "C", "english"),
                            ("target_group_ru", "C", "russian"),
                            ("target_group_uz", "C", "simple"),
                            ("outcome", "C"),
                        ),
                        output_field=django.contrib.postgres.search.SearchVectorField(),
                    ),
                ),
                (
                    "lead_organization",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="led_activities",
                        to="stakeholders.organization",
                        verbose_name="lead organisation",
                    ),
                ),
                (
                    "partners",
                    models.ManyToManyField(
                        blank=True,
                        related_name="partnered_activities",
                        to="stakeholders.organization",
                        verbose_name="partners",
                    ),
                ),
                (
                    "topics",
                    models.ManyToManyField(
                        blank=True, related_name="activities", to="meetings.topic", verbose_name="topics"
                    ),
                ),
                (
                    "plan",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="activities",
                        to="activities.activityplan",
                        verbose_name="plan",
                    ),
                ),
            ],
            options={
                "verbose_name": "activity",
                "verbose_name_plural": "activities",
                "ordering": ["starts_on", "title"],
            },
        ),
        migrations.CreateModel(
            name="ActivityReview",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("created", models.DateTimeField(auto_now_add=True, verbose_name="created")),
                ("updated", models.DateTimeField(auto_now=True, verbose_name="updated")),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("planned", "Planned"),
                            ("ongoing", "Ongoing"),
                            ("completed", "Completed"),
                            ("postponed", "Postponed"),
                            ("cancelled", "Cancelled"),
                        ],
                        max_length=16,
                        verbose_name="status",
                    ),
                ),
                ("people_reached", models.PositiveIntegerField(blank=True, null=True, verbose_name="people reached")),
                ("note", models.TextField(blank=True, verbose_name="note")),
                (
                    "activity",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="reviews",
                        to="activities.activity",
                        verbose_name="activity",
                    ),
                ),
                (
                    "meeting",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="activity_reviews",
                        to="meetings.meeting",
                        verbose_name="meeting",
                    ),
                ),
                (
                    "recorded_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="recorded by",
                    ),
                ),
            ],
            options={
                "verbose_name": "activity review",
                "verbose_name_plural": "activity reviews",
                "ordering": ["meeting__starts_at", "activity__starts_on"],
            },
        ),
        migrations.CreateModel(
            name="HistoricalActivity",
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
                ("title", models.CharField(max_length=255, verbose_name="title")),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("training", "Training"),
                            ("tot", "Training of trainers"),
                            ("seminar", "Seminar"),
                            ("study_visit", "Study visit"),
                            ("campaign", "Awareness campaign"),
                            ("conference", "Conference"),
                            ("research", "Research"),
                            ("other", "Other"),
                        ],
                        default="other",
                        max_length=16,
                        verbose_name="kind",
                    ),
                ),
                ("description", models.TextField(blank=True, verbose_name="description")),
                (
                    "lead_is_illustrative",
                    models.BooleanField(
                        default=False,
                        help_text="No source says which organisation leads this activity: the lead shown is an example.",
                        verbose_name="lead illustrative",
                    ),
                ),
                ("starts_on", models.DateField(blank=True, null=True, verbose_name="starts on")),
                (
                    "ends_on",
                    models.DateField(
                        blank=True,
                        help_text="Leave empty for a single-day activity.",
                        null=True,
                        verbose_name="ends on",
                    ),
                ),
                (
                    "date_precision",
                    models.CharField(
                        choices=[("day", "Day"), ("month", "Month only")],
                        default="day",
                        help_text="Month only: the source gives the month, not the day (stored as its first day).",
                        max_length=8,
                        verbose_name="date precision",
                    ),
                ),
                (
                    "places",
                    django.contrib.postgres.fields.ArrayField(
                        base_field=models.CharField(max_length=100),
                        blank=True,
                        default=list,
                        help_text="Cities, separated by commas.",
                        size=None,
                    ),
                ),
                ("target_group", models.CharField(blank=True, max_length=255, verbose_name="target group")),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("planned", "Planned"),
                            ("ongoing", "Ongoing"),
                            ("completed", "Completed"),
                            ("postponed", "Postponed"),
                            ("cancelled", "Cancelled"),
                        ],
                        default="planned",
                        max_length=16,
                        verbose_name="status",
                    ),
                ),
                ("people_reached", models.PositiveIntegerField(blank=True, null=True, verbose_name="people reached")),
                ("outcome", models.TextField(blank=True, verbose_name="outcome")),
                ("title_en", models.CharField(blank=True, max_length=255, verbose_name="title (English)")),
                ("title_ru", models.CharField(blank=True, max_length=255, verbose_name="title (Russian)")),
                ("title_uz", models.CharField(blank=True, max_length=255, verbose_name="title (Uzbek)")),
                ("description_en", models.TextField(blank=True, verbose_name="description (English)")),
                ("description_ru", models.TextField(blank=True, verbose_name="description (Russian)")),
                ("description_uz", models.TextField(blank=True, verbose_name="description (Uzbek)")),
                (
                    "target_group_en",
                    models.CharField(blank=True, max_length=255, verbose_name="target group (English)"),
                ),
                (
                    "target_group_ru",
                    models.CharField(blank=True, max_length=255, verbose_name="target group (Russian)"),
                ),
                ("target_group_uz", models.CharField(blank=True, max_length=255, verbose_name="target group (Uzbek)")),
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
                    "plan",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="activities.activityplan",
                        verbose_name="plan",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical activity",
                "verbose_name_plural": "historical activities",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalActivityPlan",
            fields=[
                ("id", models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name="ID")),
                ("created", models.DateTimeField(blank=True, editable=False, verbose_name="created")),
                ("updated", models.DateTimeField(blank=True, editable=False, verbose_name="updated")),
                ("year", models.PositiveSmallIntegerField(verbose_name="year")),
                ("quarter_number", models.PositiveSmallIntegerField(verbose_name="quarter")),
                (
                    "status",
                    models.CharField(
                        choices=[("draft", "Draft"), ("discussed", "Discussed"), ("endorsed", "Endorsed")],
                        default="draft",
                        max_length=16,
                        verbose_name="status",
                    ),
                ),
                ("notes", models.TextField(blank=True, verbose_name="notes")),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1),
                ),
                (
                    "endorsed_at",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        help_text="The meeting that discussed or endorsed this plan.",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="meetings.meeting",
                        verbose_name="meeting",
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
                "verbose_name": "historical activity plan",
                "verbose_name_plural": "historical activity plans",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalActivityReview",
            fields=[
                ("id", models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name="ID")),
                ("created", models.DateTimeField(blank=True, editable=False, verbose_name="created")),
                ("updated", models.DateTimeField(blank=True, editable=False, verbose_name="updated")),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("planned", "Planned"),
                            ("ongoing", "Ongoing"),
                            ("completed", "Completed"),
                            ("postponed", "Postponed"),
                            ("cancelled", "Cancelled"),
                        ],
                        max_length=16,
                        verbose_name="status",
                    ),
                ),
                ("people_reached", models.PositiveIntegerField(blank=True, null=True, verbose_name="people reached")),
                ("note", models.TextField(blank=True, verbose_name="note")),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1),
                ),
                (
                    "activity",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="activities.activity",
                        verbose_name="activity",
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
                (
                    "recorded_by",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="recorded by",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical activity review",
                "verbose_name_plural": "historical activity reviews",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.AddIndex(
            model_name="activityplan",
            index=models.Index(fields=["-year", "-quarter_number"], name="plan_quarter_idx"),
        ),
        migrations.AddConstraint(
            model_name="activityplan",
            constraint=models.UniqueConstraint(
                fields=("series", "year", "quarter_number"), name="one_plan_per_series_quarter"
            ),
        ),
        migrations.AddConstraint(
            model_name="activityplan",
            constraint=models.CheckConstraint(
                condition=models.Q(("quarter_number__gte", 1), ("quarter_number__lte", 4)), name="plan_quarter_1_to_4"
            ),
        ),
        migrations.AddConstraint(
            model_name="activityplan",
            constraint=models.CheckConstraint(
                condition=models.Q(("status", "draft"), ("endorsed_at__isnull", False), _connector="OR"),
                name="endorsed_plan_names_its_meeting",
            ),
        ),
        migrations.AddIndex(
            model_name="activity",
            index=django.contrib.postgres.indexes.GinIndex(fields=["places"], name="activity_places_gin"),
        ),
        migrations.AddIndex(
            model_name="activity",
            index=django.contrib.postgres.indexes.GinIndex(fields=["search_document"], name="activity_search_idx"),
        ),
        migrations.AddIndex(
            model_name="activity",
            index=models.Index(fields=["starts_on", "id"], name="activity_starts_on_idx"),
        ),
        migrations.AddConstraint(
            model_name="activity",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("ends_on__isnull", True),
                    models.Q(("ends_on__gte", models.F("starts_on")), ("starts_on__isnull", False)),
                    _connector="OR",
                ),
                name="activity_ends_after_start",
            ),
        ),
        migrations.AddConstraint(
            model_name="activity",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("date_precision", "day"),
                    models.Q(("ends_on__isnull", True), ("starts_on__day", 1)),
                    _connector="OR",
                ),
                name="activity_month_precision_is_first_day",
            ),
        ),
        migrations.AddConstraint(
            model_name="activityreview",
            constraint=models.UniqueConstraint(
                fields=("activity", "meeting"), name="one_review_per_activity_and_meeting"
            ),
        ),
    ]
