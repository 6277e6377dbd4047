from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from activities.quarter import Quarter
from coordination import fulltext
from coordination.models import TimeStampedModel


class PlanStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    ENDORSED = "endorsed", "Endorsed"


class ActivityPlanQuerySet(models.QuerySet):
    def for_quarter(self, quarter: Quarter):
        return self.filter(year=quarter.year, quarter_number=quarter.number)


class ActivityPlan(TimeStampedModel):
    """The activities the partners plan for one quarter of a meeting series."""

    series = models.ForeignKey("meetings.MeetingSeries", on_delete=models.PROTECT, related_name="plans")
    year = models.PositiveSmallIntegerField()
    quarter_number = models.PositiveSmallIntegerField("quarter")
    status = models.CharField(max_length=16, choices=PlanStatus.choices, default=PlanStatus.DRAFT)
    endorsed_at = models.ForeignKey(
        "meetings.Meeting",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="endorsed_plans",
        help_text="The meeting that endorsed this plan.",
    )
    notes = models.TextField(blank=True)

    history = HistoricalRecords()
    objects = ActivityPlanQuerySet.as_manager()

    class Meta:
        ordering = ["-year", "-quarter_number"]
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
        return f"Activity plan {self.quarter.label}"

    @property
    def quarter(self) -> Quarter:
        return Quarter(self.year, self.quarter_number)

    def get_absolute_url(self):
        return reverse("activity-list") + f"?quarter={self.quarter}"


class ActivityKind(models.TextChoices):
    TRAINING = "training", "Training"
    TRAINING_OF_TRAINERS = "tot", "Training of trainers"
    SEMINAR = "seminar", "Seminar"
    STUDY_VISIT = "study_visit", "Study visit"
    CAMPAIGN = "campaign", "Awareness campaign"
    CONFERENCE = "conference", "Conference"
    RESEARCH = "research", "Research"
    OTHER = "other", "Other"


class ActivityStatus(models.TextChoices):
    PLANNED = "planned", "Planned"
    ONGOING = "ongoing", "Ongoing"
    COMPLETED = "completed", "Completed"
    POSTPONED = "postponed", "Postponed"
    CANCELLED = "cancelled", "Cancelled"


class Activity(TimeStampedModel):
    plan = models.ForeignKey(ActivityPlan, on_delete=models.PROTECT, related_name="activities")
    title = models.CharField(max_length=255)
    kind = models.CharField(max_length=16, choices=ActivityKind.choices, default=ActivityKind.OTHER)
    description = models.TextField(blank=True)
    lead_organization = models.ForeignKey(
        "stakeholders.Organization",
        on_delete=models.PROTECT,
        related_name="led_activities",
    )
    partners = models.ManyToManyField("stakeholders.Organization", blank=True, related_name="partnered_activities")
    starts_on = models.DateField(null=True, blank=True)
    ends_on = models.DateField(null=True, blank=True, help_text="Leave empty for a single-day activity.")
    places = ArrayField(
        models.CharField(max_length=100),
        default=list,
        blank=True,
        help_text="Cities, separated by commas.",
    )
    target_group = models.CharField(max_length=255, blank=True)
    status = models.CharField(max_length=16, choices=ActivityStatus.choices, default=ActivityStatus.PLANNED)
    people_reached = models.PositiveIntegerField(null=True, blank=True)
    outcome = models.TextField(blank=True)
    topics = models.ManyToManyField("meetings.Topic", blank=True, related_name="activities")
    version = models.PositiveIntegerField(default=1, editable=False)

    history = HistoricalRecords(excluded_fields=["version"])

    class Meta:
        ordering = ["starts_on", "title"]
        verbose_name_plural = "activities"
        indexes = [
            GinIndex(fields=["places"], name="activity_places_gin"),
            GinIndex(fulltext.activity_document(), name="activity_search_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(starts_on__isnull=False, ends_on__gte=models.F("starts_on")),
                name="activity_ends_after_start",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("activity-detail", args=[self.pk])

    @property
    def last_day(self):
        return self.ends_on or self.starts_on

    def clean(self):
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": "The activity cannot end before it starts."})
        if self.ends_on and not self.starts_on:
            raise ValidationError({"starts_on": "Give the first day too."})
        if self.plan_id and self.starts_on:
            quarter = self.plan.quarter
            if self.starts_on not in quarter:
                raise ValidationError(
                    {"starts_on": f"The activity must start within its plan's quarter ({quarter.label})."}
                )


class ActivityReview(TimeStampedModel):
    """What a meeting recorded about one activity when it reviewed the quarter."""

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="reviews")
    meeting = models.ForeignKey("meetings.Meeting", on_delete=models.PROTECT, related_name="activity_reviews")
    status = models.CharField(max_length=16, choices=ActivityStatus.choices)
    people_reached = models.PositiveIntegerField(null=True, blank=True)
    note = models.TextField(blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting__starts_at", "activity__starts_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["activity", "meeting"],
                name="one_review_per_activity_and_meeting",
            ),
        ]

    def __str__(self):
        return f"{self.activity} reviewed at {self.meeting}"
