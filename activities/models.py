import datetime

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from common import access, fulltext
from common.history import HistoricalRecords
from common.i18n import TranslatedContent, localized, translations_of
from common.models import TimeStampedModel
from common.quarter import Quarter


class PlanStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    DISCUSSED = "discussed", _("Discussed")
    ENDORSED = "endorsed", _("Endorsed")


class ActivityPlanQuerySet(models.QuerySet):
    def for_quarter(self, quarter: Quarter):
        return self.filter(year=quarter.year, quarter_number=quarter.number)

    def visible_to(self, user):
        """Every plan for those who read the portal; the public reads the plans of public series once they are no
        longer drafts."""
        if access.reads_as_public(user):
            return self.filter(series__is_public=True).exclude(status=PlanStatus.DRAFT)
        return self


class ActivityPlan(TimeStampedModel):
    """The activities the partners plan for one quarter of a meeting series."""

    series = models.ForeignKey(
        "meetings.MeetingSeries", on_delete=models.PROTECT, related_name="plans", verbose_name=_("series")
    )
    year = models.PositiveSmallIntegerField(_("year"))
    quarter_number = models.PositiveSmallIntegerField(_("quarter"))
    status = models.CharField(_("status"), max_length=16, choices=PlanStatus.choices, default=PlanStatus.DRAFT)
    endorsed_at = models.ForeignKey(
        "meetings.Meeting",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="endorsed_plans",
        help_text=_("The meeting that discussed or endorsed this plan."),
        verbose_name=_("meeting"),
    )
    notes = models.TextField(_("notes"), blank=True)

    history = HistoricalRecords()
    objects = ActivityPlanQuerySet.as_manager()

    class Meta:
        verbose_name = _("activity plan")
        verbose_name_plural = _("activity plans")
        ordering = ["-year", "-quarter_number"]
        # The plan list (newest first) and the dashboard (this quarter's plans) read plans by quarter.
        indexes = [models.Index(fields=["-year", "-quarter_number"], name="plan_quarter_idx")]
        constraints = [
            models.UniqueConstraint(
                fields=["series", "year", "quarter_number"],
                name="one_plan_per_series_quarter",
            ),
            models.CheckConstraint(
                condition=Q(quarter_number__gte=1, quarter_number__lte=4),
                name="plan_quarter_1_to_4",
            ),
            models.CheckConstraint(
                condition=Q(status=PlanStatus.DRAFT) | Q(endorsed_at__isnull=False),
                name="endorsed_plan_names_its_meeting",
            ),
        ]

    def __str__(self):
        return _("Activity plan %(quarter)s") % {"quarter": self.quarter.label}

    @property
    def quarter(self) -> Quarter:
        return Quarter(self.year, self.quarter_number)

    @property
    def choice_label(self) -> str:
        """How a plan is named where one is chosen: its quarter and its series."""
        return f"{self.quarter.label} · {self.series}"

    def get_absolute_url(self):
        return reverse("activities:activity-list") + f"?quarter={self.quarter}"


class ActivityKind(models.TextChoices):
    TRAINING = "training", _("Training")
    TRAINING_OF_TRAINERS = "tot", _("Training of trainers")
    SEMINAR = "seminar", _("Seminar")
    STUDY_VISIT = "study_visit", _("Study visit")
    CAMPAIGN = "campaign", _("Awareness campaign")
    CONFERENCE = "conference", _("Conference")
    RESEARCH = "research", _("Research")
    OTHER = "other", _("Other")


class DatePrecision(models.TextChoices):
    DAY = "day", _("Day")
    MONTH = "month", _("Month only")


class ActivityStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    ONGOING = "ongoing", _("Ongoing")
    COMPLETED = "completed", _("Completed")
    POSTPONED = "postponed", _("Postponed")
    CANCELLED = "cancelled", _("Cancelled")


class Place(TranslatedContent, TimeStampedModel):
    """A city activities take place in, named once in every language (Tashkent, Ташкент, Toshkent).

    An activity keeps its places as the names it was given (``Activity.places``: one spelling, so the city filter
    and its index stay simple); a place named there is added here, where the secretariat translates it once for
    every activity, and readers see each name in their language (``shown_places``)."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    locals().update(translations_of("name", name))
    TRANSLATED_FIELDS = ("name",)

    class Meta:
        verbose_name = _("place")
        verbose_name_plural = _("places")
        ordering = ["name"]

    def __str__(self):
        return localized(self, "name")

    @classmethod
    def add_new(cls, names) -> None:
        """Every one of ``names`` not yet known, so that it can be translated."""
        if names:
            cls.objects.bulk_create([cls(name=name) for name in names], ignore_conflicts=True)


def shown_places(names, vocabulary: dict | None = None) -> list[str]:
    """``names`` in the reader's language where the place is translated, else as written. ``vocabulary`` (name ->
    Place, from ``place_vocabulary``) saves the query when a page shows many activities."""
    if not names:
        return []
    if vocabulary is None:
        vocabulary = place_vocabulary(names)
    return [localized(vocabulary[name], "name") if name in vocabulary else name for name in names]


def place_vocabulary(names=None) -> dict:
    places = Place.objects.all() if names is None else Place.objects.filter(name__in=list(names))
    return {place.name: place for place in places}


class Activity(TranslatedContent, TimeStampedModel):
    plan = models.ForeignKey(ActivityPlan, on_delete=models.PROTECT, related_name="activities", verbose_name=_("plan"))
    title = models.CharField(_("title"), max_length=255)
    kind = models.CharField(_("kind"), max_length=16, choices=ActivityKind.choices, default=ActivityKind.OTHER)
    description = models.TextField(_("description"), blank=True)
    lead_organization = models.ForeignKey(
        "stakeholders.Organization",
        on_delete=models.PROTECT,
        related_name="led_activities",
        verbose_name=_("lead organisation"),
    )
    lead_is_illustrative = models.BooleanField(
        _("lead illustrative"),
        default=False,
        help_text=_("No source says which organisation leads this activity: the lead shown is an example."),
    )
    partners = models.ManyToManyField(
        "stakeholders.Organization", blank=True, related_name="partnered_activities", verbose_name=_("partners")
    )
    starts_on = models.DateField(_("starts on"), null=True, blank=True)
    ends_on = models.DateField(
        _("ends on"), null=True, blank=True, help_text=_("Leave empty for a single-day activity.")
    )
    date_precision = models.CharField(
        _("date precision"),
        max_length=8,
        choices=DatePrecision.choices,
        default=DatePrecision.DAY,
        help_text=_("Month only: the source gives the month, not the day (stored as its first day)."),
    )
    places = ArrayField(
        models.CharField(max_length=100),
        default=list,
        blank=True,
        help_text=_("Cities, separated by commas."),
    )
    target_group = models.CharField(_("target group"), max_length=255, blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=ActivityStatus.choices, default=ActivityStatus.PLANNED
    )
    people_reached = models.PositiveIntegerField(_("people reached"), null=True, blank=True)
    outcome = models.TextField(_("outcome"), blank=True)
    topics = models.ManyToManyField("meetings.Topic", blank=True, related_name="activities", verbose_name=_("topics"))
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)
    # Translations: title_en, title_ru, ... (a field per content language; common.i18n).
    locals().update(translations_of("title", title))
    locals().update(translations_of("description", description))
    locals().update(translations_of("target_group", target_group))
    TRANSLATED_FIELDS = ("title", "description", "target_group")

    search_document = fulltext.stored(fulltext.activity_document())

    history = HistoricalRecords(excluded_fields=["version", "search_document"])
    objects = fulltext.WithoutStoredDocuments()

    class Meta:
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        ordering = ["starts_on", "title"]
        indexes = [
            GinIndex(fields=["places"], name="activity_places_gin"),
            GinIndex(fields=["search_document"], name="activity_search_idx"),
            # The calendar feed and the timeline pick activities by date among tens of thousands.
            models.Index(fields=["starts_on", "id"], name="activity_starts_on_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(starts_on__isnull=False, ends_on__gte=models.F("starts_on")),
                name="activity_ends_after_start",
            ),
            models.CheckConstraint(
                condition=Q(date_precision="day") | Q(starts_on__day=1, ends_on__isnull=True),
                name="activity_month_precision_is_first_day",
            ),
        ]

    def __str__(self):
        return localized(self, "title")

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        if kwargs.get("update_fields") is None or "places" in kwargs["update_fields"]:
            Place.add_new(self.places)

    @property
    def shown_places(self) -> list[str]:
        return shown_places(self.places)

    def get_absolute_url(self):
        return reverse("activities:activity-detail", args=[self.pk])

    @property
    def last_day(self):
        """The last day the activity may take place: for a month-only date, the month's last day."""
        if self.is_month_only and self.starts_on:
            return _month_end(self.starts_on)
        return self.ends_on or self.starts_on

    @property
    def is_month_only(self) -> bool:
        return self.date_precision == DatePrecision.MONTH

    def clean(self):
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("The activity cannot end before it starts.")})
        if self.ends_on and not self.starts_on:
            raise ValidationError({"starts_on": _("Give the first day too.")})
        if self.is_month_only:
            if self.ends_on:
                raise ValidationError({"ends_on": _("An activity known only to the month has no last day.")})
            if self.starts_on:
                self.starts_on = self.starts_on.replace(day=1)
        if self.plan_id and self.starts_on:
            quarter = self.plan.quarter
            if self.starts_on not in quarter:
                raise ValidationError(
                    {
                        "starts_on": _("The activity must start within its plan's quarter (%(quarter)s).")
                        % {"quarter": quarter.label}
                    }
                )


def _month_end(day):
    following = (day.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
    return following - datetime.timedelta(days=1)


class ActivityReview(TimeStampedModel):
    """What a meeting recorded about one activity when it reviewed the quarter."""

    # PROTECT: a reviewed activity is part of that meeting's record and cannot be deleted, in the portal or the admin.
    activity = models.ForeignKey(Activity, on_delete=models.PROTECT, related_name="reviews", verbose_name=_("activity"))
    meeting = models.ForeignKey(
        "meetings.Meeting", on_delete=models.PROTECT, related_name="activity_reviews", verbose_name=_("meeting")
    )
    status = models.CharField(_("status"), max_length=16, choices=ActivityStatus.choices)
    people_reached = models.PositiveIntegerField(_("people reached"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, verbose_name=_("recorded by")
    )

    history = HistoricalRecords()
    objects = access.MinutesContentQuerySet.as_manager()

    class Meta:
        verbose_name = _("activity review")
        verbose_name_plural = _("activity reviews")
        ordering = ["meeting__starts_at", "activity__starts_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["activity", "meeting"],
                name="one_review_per_activity_and_meeting",
            ),
        ]

    def __str__(self):
        return _("%(activity)s reviewed at the %(meeting)s") % {"activity": self.activity, "meeting": self.meeting}
