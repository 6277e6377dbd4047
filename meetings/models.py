import zoneinfo

from django.conf import settings
from django.contrib.postgres.indexes import GinIndex
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, gettext, gettext_noop
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from common import access, fulltext
from common.formatting import date_text
from common.i18n import localized
from common.models import TimeStampedModel
from common.quarter import Quarter
from common.queries import sort_key_without_index
from common.time_zones import default_time_zone, time_zone_choices


class Topic(TimeStampedModel):
    """A tag such as an emerging trend, put on agenda items, statements and activities."""

    name = models.CharField(_("name"), max_length=120, unique=True)
    description = models.TextField(_("description"), blank=True)
    is_emerging_trend = models.BooleanField(_("emerging trend"), default=False)
    # Optional versions in the portal's other languages (see coordination.i18n.localized).
    name_ru = models.CharField(_("name (Russian)"), max_length=120, blank=True)
    name_uz = models.CharField(_("name (Uzbek)"), max_length=120, blank=True)

    class Meta:
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["name"]

    def __str__(self):
        return localized(self, "name")


class MeetingSeries(TimeStampedModel):
    """A coordination platform: the recurring series of meetings of one set of partners."""

    title = models.CharField(_("title"), max_length=255, unique=True)
    description = models.TextField(_("description"), blank=True)
    convening_organization = models.ForeignKey(
        "stakeholders.Organization",
        on_delete=models.PROTECT,
        related_name="convened_series",
        verbose_name=_("convening organisation"),
    )
    funding_organization = models.ForeignKey(
        "stakeholders.Organization",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="funded_series",
        verbose_name=_("funding organisation"),
    )
    programme = models.CharField(_("programme"), max_length=255, blank=True)
    country = models.CharField(_("country"), max_length=100, blank=True)
    started_on = models.DateField(_("started on"), null=True, blank=True)
    members = models.ManyToManyField(
        "stakeholders.Organization", blank=True, related_name="member_of_series", verbose_name=_("members")
    )
    # Optional versions in the portal's other languages (see coordination.i18n.localized).
    title_ru = models.CharField(_("title (Russian)"), max_length=255, blank=True)
    title_uz = models.CharField(_("title (Uzbek)"), max_length=255, blank=True)
    description_ru = models.TextField(_("description (Russian)"), blank=True)
    description_uz = models.TextField(_("description (Uzbek)"), blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("meeting series")
        verbose_name_plural = _("meeting series")
        ordering = ["title"]

    def __str__(self):
        return localized(self, "title")

    def get_absolute_url(self):
        return reverse("series-detail", args=[self.pk])


class MeetingFormat(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    ONLINE = "online", _("Online")
    HYBRID = "hybrid", _("Hybrid")


class MeetingStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    HELD = "held", _("Held")
    CANCELLED = "cancelled", _("Cancelled")


class MinutesStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


class LifecycleStage(models.TextChoices):
    """Where a meeting stands, shown on its page (Meeting.lifecycle_stage)."""

    DRAFT = "draft", _("Draft")
    ANNOUNCED = "announced", _("Announced")
    HELD = "held", _("Held")
    MINUTES_DRAFT = "minutes_draft", _("Minutes in draft")
    MINUTES_PUBLISHED = "minutes_published", _("Minutes published")
    CANCELLED = "cancelled", _("Cancelled")


LIFECYCLE_PATH = [
    LifecycleStage.DRAFT,
    LifecycleStage.ANNOUNCED,
    LifecycleStage.HELD,
    LifecycleStage.MINUTES_DRAFT,
    LifecycleStage.MINUTES_PUBLISHED,
]


def sees_draft_meetings(user) -> bool:
    """Draft meetings (not announced yet) are the secretariat's: everyone else sees announced ones only."""
    return user.is_authenticated and user.has_perm("meetings.change_meeting")


class MeetingQuerySet(models.QuerySet):
    def visible_to(self, user):
        if sees_draft_meetings(user):
            return self
        return self.announced()

    def announced(self):
        return self.filter(announced_at__isnull=False)

    def upcoming(self):
        """Meetings not over yet, the soonest first: read through the ends_at index (see sort_key_without_index)."""
        return (
            self.filter(ends_at__gte=timezone.now())
            .exclude(status=MeetingStatus.CANCELLED)
            .order_by(sort_key_without_index("starts_at", models.DateTimeField()), "id")
        )

    def past(self):
        return self.filter(starts_at__lt=timezone.now()).order_by("-starts_at")

    def with_published_minutes(self):
        return self.filter(minutes_status=MinutesStatus.PUBLISHED)

    def with_draft_minutes(self):
        return self.filter(minutes_status=MinutesStatus.DRAFT, status=MeetingStatus.HELD)

    def with_counts(self):
        """Annotate agenda_item_count and organization_count (distinct organisations invited).

        Correlated subqueries rather than Count() over joins: PostgreSQL then counts only for the rows
        of the page, not for every meeting before it sorts and cuts the page.
        """

        def count(queryset, expression):
            counted = queryset.filter(meeting=OuterRef("pk")).order_by().values("meeting").annotate(n=expression)
            return Coalesce(Subquery(counted.values("n")), 0)

        return self.annotate(
            agenda_item_count=count(AgendaItem.objects, Count("pk")),
            organization_count=count(Participation.objects, Count("organization", distinct=True)),
        )


class Meeting(TimeStampedModel):
    series = models.ForeignKey(
        MeetingSeries, on_delete=models.PROTECT, related_name="meetings", verbose_name=_("series")
    )
    number = models.PositiveIntegerField(
        _("number"), help_text=_("The meeting's number within its series: 3 for the 3rd meeting.")
    )
    title = models.CharField(_("title"), max_length=255)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    time_zone = models.CharField(_("time zone"), max_length=64, choices=time_zone_choices, default=default_time_zone)
    venue = models.CharField(_("venue"), max_length=255, blank=True)
    format = models.CharField(
        _("format"), max_length=16, choices=MeetingFormat.choices, default=MeetingFormat.IN_PERSON
    )
    join_url = models.URLField(
        _("join link"), max_length=500, blank=True, help_text=_("For an online or hybrid meeting: the video call.")
    )
    status = models.CharField(_("status"), max_length=16, choices=MeetingStatus.choices, default=MeetingStatus.PLANNED)
    announced_at = models.DateTimeField(
        _("announced at"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("Until it is announced, a meeting is a draft that only the secretariat sees."),
    )
    headcount = models.PositiveIntegerField(
        _("headcount"), null=True, blank=True, help_text=_("How many people were in the room, counted on the day.")
    )
    review_year = models.PositiveSmallIntegerField(_("review year"), null=True, blank=True)
    review_quarter_number = models.PositiveSmallIntegerField(_("reviewed quarter"), null=True, blank=True)
    minutes_summary = models.TextField(_("minutes"), blank=True, help_text=_("The general summary of the meeting."))
    minutes_status = models.CharField(
        _("minutes status"), max_length=16, choices=MinutesStatus.choices, default=MinutesStatus.DRAFT
    )
    minutes_published_at = models.DateTimeField(_("minutes published at"), null=True, blank=True)
    minutes_published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("minutes published by"),
    )
    is_illustrative = models.BooleanField(
        _("illustrative details"),
        default=False,
        help_text=_(
            "The times, venue, format and publication date are examples that no source states (demonstration data)."
        ),
    )
    version = models.PositiveIntegerField(
        _("version"), default=1, editable=False, help_text=_("Bumped on every save by the portal.")
    )
    calendar_sequence = models.PositiveIntegerField(_("calendar sequence"), default=0, editable=False)
    # Optional versions of the content in the portal's other languages (see common.i18n.localized).
    title_ru = models.CharField(_("title (Russian)"), max_length=255, blank=True)
    title_uz = models.CharField(_("title (Uzbek)"), max_length=255, blank=True)
    minutes_summary_ru = models.TextField(_("minutes (Russian)"), blank=True)
    minutes_summary_uz = models.TextField(_("minutes (Uzbek)"), blank=True)

    search_document = fulltext.stored(fulltext.meeting_document())
    minutes_search_document = fulltext.stored(fulltext.meeting_minutes_document())

    history = HistoricalRecords(excluded_fields=["version", "calendar_sequence", *fulltext.STORED_FIELDS])
    objects = fulltext.WithoutStoredDocuments.from_queryset(MeetingQuerySet)()

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["-starts_at"]
        permissions = [
            ("publish_minutes", "Can publish and reopen minutes"),
            ("view_draft_minutes", "Can see minutes before they are published"),
        ]
        constraints = [
            models.UniqueConstraint(fields=["series", "number"], name="unique_meeting_number_per_series"),
            models.CheckConstraint(condition=Q(ends_at__gt=F("starts_at")), name="meeting_ends_after_start"),
            models.CheckConstraint(
                condition=Q(review_quarter_number__isnull=True, review_year__isnull=True)
                | Q(
                    review_quarter_number__gte=1,
                    review_quarter_number__lte=4,
                    review_year__isnull=False,
                ),
                name="meeting_review_quarter_valid",
            ),
            models.CheckConstraint(
                condition=Q(minutes_status=MinutesStatus.DRAFT) | Q(minutes_published_at__isnull=False),
                name="published_minutes_have_a_date",
            ),
        ]
        indexes = [
            # Date filters and the meetings list's order (-starts_at, -id), read backwards, with no sort step.
            models.Index(fields=["starts_at", "id"], name="meeting_list_order_idx"),
            models.Index(fields=["ends_at"], name="meeting_ends_at_idx"),  # the meetings still to come
            GinIndex(fields=["search_document"], name="meeting_search_idx"),
            GinIndex(fields=["minutes_search_document"], name="meeting_minutes_search_idx"),
        ]

    def __str__(self):
        title = localized(self, "title")
        if title:
            return _("%(ordinal)s meeting: %(title)s") % {"ordinal": self.ordinal, "title": title}
        return _("%(ordinal)s meeting") % {"ordinal": self.ordinal}

    def get_absolute_url(self):
        return reverse("meeting-detail", args=[self.pk])

    # What calendar apps show of a meeting: a change to any of these gives its event a new SEQUENCE (RFC 5545).
    # The title's versions too: an invitation's event is written in its recipient's language.
    CALENDAR_FIELDS = (
        "title",
        "title_ru",
        "title_uz",
        "starts_at",
        "ends_at",
        "time_zone",
        "venue",
        "format",
        "status",
        "number",
    )

    def save(self, *args, **kwargs):
        changed = self._calendar_change_pending(kwargs.get("update_fields"))
        super().save(*args, **kwargs)
        if changed:
            # An UPDATE rather than a field on this save, so that saves with update_fields move it too.
            Meeting.objects.filter(pk=self.pk).update(calendar_sequence=F("calendar_sequence") + 1)
            self.calendar_sequence += 1

    def _calendar_change_pending(self, update_fields) -> bool:
        if self.pk is None:
            return False
        fields = [name for name in self.CALENDAR_FIELDS if update_fields is None or name in update_fields]
        stored = Meeting.objects.filter(pk=self.pk).values(*fields).first() if fields else None
        return stored is not None and any(stored[name] != getattr(self, name) for name in fields)

    @property
    def ordinal(self) -> str:
        return ordinal(self.number)

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.time_zone)

    @property
    def local_start(self):
        return timezone.localtime(self.starts_at, self.zone)

    @property
    def local_end(self):
        return timezone.localtime(self.ends_at, self.zone)

    @property
    def reviewed_quarter(self) -> Quarter | None:
        if self.review_year is None or self.review_quarter_number is None:
            return None
        return Quarter(self.review_year, self.review_quarter_number)

    @reviewed_quarter.setter
    def reviewed_quarter(self, quarter: Quarter | None):
        self.review_year = quarter.year if quarter else None
        self.review_quarter_number = quarter.number if quarter else None

    @property
    def minutes_published(self) -> bool:
        return self.minutes_status == MinutesStatus.PUBLISHED

    def minutes_visible_to(self, user) -> bool:
        return self.minutes_published or access.may_see_draft_minutes(user)

    def withhold_minutes_text(self) -> None:
        """Blank what the minutes say on this instance (and its prefetched agenda items) before a page shows it to
        someone who may not read the draft: a page can then not show it, whatever its template does."""
        for name in ("minutes_summary", "minutes_summary_ru", "minutes_summary_uz"):
            setattr(self, name, "")
        for item in getattr(self, "_prefetched_objects_cache", {}).get("agenda_items", []):
            item.withhold_minutes_text()

    @property
    def is_draft(self) -> bool:
        return self.announced_at is None

    @property
    def has_started(self) -> bool:
        return self.starts_at <= timezone.now()

    @property
    def has_minutes_text(self) -> bool:
        """Whether anything of the minutes is written (reads the agenda items: prefetch them on a page)."""
        return bool(self.minutes_summary.strip()) or any(
            item.discussion_summary.strip() for item in self.agenda_items.all()
        )

    @property
    def lifecycle_stage(self) -> LifecycleStage:
        """draft -> announced -> held -> minutes in draft -> minutes published (or cancelled)."""
        if self.status == MeetingStatus.CANCELLED:
            return LifecycleStage.CANCELLED
        if self.minutes_published:
            return LifecycleStage.MINUTES_PUBLISHED
        if self.status == MeetingStatus.HELD:
            return LifecycleStage.MINUTES_DRAFT if self.has_minutes_text else LifecycleStage.HELD
        return LifecycleStage.DRAFT if self.is_draft else LifecycleStage.ANNOUNCED

    @property
    def lifecycle_steps(self) -> list[tuple[str, str]]:
        """The path as (label, state) pairs, state being "done", "current" or "todo", for the page's progress bar."""
        stage = self.lifecycle_stage
        if stage not in LIFECYCLE_PATH:
            return []
        current = LIFECYCLE_PATH.index(stage)
        states = ["done"] * current + ["current"] + ["todo"] * (len(LIFECYCLE_PATH) - current - 1)
        return [(step.label, state) for step, state in zip(LIFECYCLE_PATH, states, strict=True)]

    def clean(self):
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("The meeting must end after it starts.")})
        if self.join_url and self.format == MeetingFormat.IN_PERSON:
            raise ValidationError({"join_url": _("Only an online or hybrid meeting has a join link.")})
        if (self.review_year is None) != (self.review_quarter_number is None):
            raise ValidationError({"review_quarter_number": _("Give both the year and the quarter, or neither.")})


def ordinal(number: int) -> str:
    """The ordinal in the active language: "3rd" (meeting), "3" (заседание № 3), "3-" (3-yigʻilish)."""
    language = get_language() or "en"
    if language.startswith(("ru", "uz")):
        return f"{number}" if language.startswith("ru") else f"{number}-"
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


class OutcomeKind(models.TextChoices):
    INFORMATION = "information", _("Information")
    DECISION = "decision", _("Decision")
    ACTION = "action", _("Action")


# The title of the standing item under which open follow-up actions are reviewed (services.prepare_next_meeting),
# stored in English; shown through gettext when no version in the reader's language is stored.
REVIEW_OF_ACTIONS_TITLE = gettext_noop("Review of follow-up actions")


class AgendaItem(TimeStampedModel):
    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="agenda_items", verbose_name=_("meeting")
    )
    position = models.PositiveIntegerField(_("position"), default=0)
    title = models.CharField(_("title"), max_length=255)
    description = models.TextField(_("description"), blank=True)
    presenter = models.ForeignKey(
        "stakeholders.Contact",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="presented_items",
        verbose_name=_("presenter"),
    )
    lead_organization = models.ForeignKey(
        "stakeholders.Organization",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="led_agenda_items",
        verbose_name=_("lead organisation"),
    )
    planned_minutes = models.PositiveIntegerField(_("planned minutes"), null=True, blank=True)
    is_standing = models.BooleanField(
        _("standing item"),
        default=False,
        help_text=_("Standing items are copied to the next meeting."),
    )
    reviews_follow_up_actions = models.BooleanField(
        _("reviews the follow-up actions"),
        default=False,
        help_text=_("The item under which the open follow-up actions of earlier meetings are reviewed."),
    )
    discussion_summary = models.TextField(
        _("discussion summary"), blank=True, help_text=_("The minutes for this item.")
    )
    title_ru = models.CharField(_("title (Russian)"), max_length=255, blank=True)
    title_uz = models.CharField(_("title (Uzbek)"), max_length=255, blank=True)
    discussion_summary_ru = models.TextField(_("discussion summary (Russian)"), blank=True)
    discussion_summary_uz = models.TextField(_("discussion summary (Uzbek)"), blank=True)
    outcome = models.CharField(_("outcome"), max_length=16, choices=OutcomeKind.choices, blank=True)
    topics = models.ManyToManyField(Topic, blank=True, related_name="agenda_items", verbose_name=_("topics"))
    actions_to_review = models.ManyToManyField(
        "ActionItem",
        blank=True,
        related_name="reviewed_in_items",
        help_text=_("Open follow-ups reviewed under this item."),
        verbose_name=_("actions to review"),
    )

    # The item's own minutes (discussion summary, outcome, their translations) are saved card by card in the
    # minutes editor: this version guards them. The rest of the item shares Meeting.version with the agenda.
    version = models.PositiveIntegerField(
        _("version"), default=1, editable=False, help_text=_("Bumped on every save of the item's minutes.")
    )

    search_document = fulltext.stored(fulltext.agenda_item_document())
    minutes_search_document = fulltext.stored(fulltext.agenda_item_minutes_document())

    history = HistoricalRecords(excluded_fields=["version", *fulltext.STORED_FIELDS])
    objects = fulltext.WithoutStoredDocuments()

    class Meta:
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        ordering = ["meeting", "position", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "position"],
                name="unique_agenda_position",
                deferrable=models.Deferrable.DEFERRED,
            ),
        ]
        indexes = [
            GinIndex(fields=["search_document"], name="agenda_item_search_idx"),
            GinIndex(fields=["minutes_search_document"], name="agenda_item_minutes_search_idx"),
        ]

    def __str__(self):
        return f"{self.position}. {localized(self, 'title')}"

    def default_translation(self, field: str) -> str | None:
        """The standing review item's title in the reader's language (see coordination.i18n.localized)."""
        if field == "title" and self.reviews_follow_up_actions and self.title == REVIEW_OF_ACTIONS_TITLE:
            return gettext(REVIEW_OF_ACTIONS_TITLE)
        return None

    def withhold_minutes_text(self) -> None:
        for name in ("discussion_summary", "discussion_summary_ru", "discussion_summary_uz", "outcome"):
            setattr(self, name, "")


class ParticipationRole(models.TextChoices):
    CHAIR = "chair", _("Chair")
    SPEAKER = "speaker", _("Speaker")
    PARTICIPANT = "participant", _("Participant")
    OBSERVER = "observer", _("Observer")


class ParticipationStatus(models.TextChoices):
    INVITED = "invited", _("Invited")
    CONFIRMED = "confirmed", _("Confirmed")
    ATTENDED = "attended", _("Attended")
    EXCUSED = "excused", _("Excused")
    ABSENT = "absent", _("Absent")


class Participation(TimeStampedModel):
    """An organisation, optionally a named contact of it, invited to or attending a meeting."""

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="participations", verbose_name=_("meeting")
    )
    organization = models.ForeignKey(
        "stakeholders.Organization",
        on_delete=models.PROTECT,
        related_name="participations",
        verbose_name=_("organisation"),
    )
    contact = models.ForeignKey(
        "stakeholders.Contact",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="participations",
        verbose_name=_("contact"),
    )
    role = models.CharField(
        _("role"),
        max_length=16,
        choices=ParticipationRole.choices,
        default=ParticipationRole.PARTICIPANT,
    )
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=ParticipationStatus.choices,
        default=ParticipationStatus.INVITED,
    )
    invitation_sent_at = models.DateTimeField(_("invitation sent at"), null=True, blank=True, editable=False)
    attendee_name = models.CharField(
        _("name of the person who attended"),
        max_length=200,
        blank=True,
        help_text=_("For a walk-in who is not among the contacts."),
    )
    walk_in = models.BooleanField(_("walk-in"), default=False, help_text=_("Came without being invited."))
    named_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("named by"),
        help_text=_("The organisation's focal point who named this person as attending (empty: the secretariat)."),
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("participation")
        verbose_name_plural = _("participations")
        ordering = ["organization__name", "contact__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "organization", "contact", "attendee_name"],
                name="unique_participation",
                nulls_distinct=False,
            ),
        ]

    def __str__(self):
        who = self.contact.name if self.contact_id else self.attendee_name or self.organization.short_name
        return _("%(who)s at the %(meeting)s (%(status)s)") % {
            "who": who,
            "meeting": _("%(ordinal)s meeting") % {"ordinal": self.meeting.ordinal},
            "status": self.get_status_display().lower(),
        }

    def clean(self):
        if self.contact_id and self.organization_id and self.contact.organization_id != self.organization_id:
            raise ValidationError({"contact": _("This person works for another organisation.")})
        if self.contact_id and self.attendee_name:
            raise ValidationError({"attendee_name": _("A name is given only for a walk-in who is not a contact.")})


class StatementKind(models.TextChoices):
    VERBATIM = "verbatim", _("Verbatim quotation")
    SUMMARY = "summary", _("Summary (reported speech)")


class Statement(TimeStampedModel):
    """A key remark made by a speaker at a meeting: the speaker's own words, or a summary of them.

    Only a verbatim statement may be shown as a quotation; a summary is shown as reported speech.
    """

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="statements", verbose_name=_("meeting"))
    agenda_item = models.ForeignKey(
        AgendaItem,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="statements",
        verbose_name=_("agenda item"),
    )
    speaker = models.ForeignKey(
        "stakeholders.Contact", on_delete=models.PROTECT, related_name="statements", verbose_name=_("speaker")
    )
    organization = models.ForeignKey(
        "stakeholders.Organization",
        on_delete=models.PROTECT,
        related_name="statements",
        help_text=_("The organisation the speaker spoke for."),
        verbose_name=_("organisation"),
    )
    summary = models.TextField(_("text"))
    kind = models.CharField(
        _("kind of text"),
        max_length=16,
        choices=StatementKind.choices,
        default=StatementKind.SUMMARY,
        help_text=_("Verbatim only when the text is exactly the speaker's words, as a source records them."),
    )
    source_document = models.ForeignKey(
        "Document",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="statements",
        verbose_name=_("source document"),
        help_text=_("A document of this meeting that records the remark."),
    )
    source_title = models.CharField(_("source title"), max_length=255, blank=True)
    source_url = models.URLField(_("source link"), max_length=500, blank=True)
    position = models.PositiveIntegerField(_("position"), default=0)
    topics = models.ManyToManyField(Topic, blank=True, related_name="statements", verbose_name=_("topics"))
    version = models.PositiveIntegerField(
        _("version"), default=1, editable=False, help_text=_("Bumped on every save by the portal.")
    )

    search_document = fulltext.stored(fulltext.statement_document())

    history = HistoricalRecords(excluded_fields=["version", *fulltext.STORED_FIELDS])
    objects = fulltext.WithoutStoredDocuments.from_queryset(access.MinutesContentQuerySet)()

    class Meta:
        verbose_name = _("statement")
        verbose_name_plural = _("statements")
        ordering = ["meeting", "position", "id"]
        indexes = [GinIndex(fields=["search_document"], name="statement_search_idx")]

    def __str__(self):
        return _("%(speaker)s at the %(meeting)s") % {
            "speaker": self.speaker.name,
            "meeting": _("%(ordinal)s meeting") % {"ordinal": self.meeting.ordinal},
        }

    @property
    def is_verbatim(self) -> bool:
        return self.kind == StatementKind.VERBATIM

    @property
    def has_source(self) -> bool:
        return bool(self.source_document_id or self.source_title)

    def clean(self):
        errors = {}
        if self.source_document_id and self.meeting_id and self.source_document.meeting_id != self.meeting_id:
            errors["source_document"] = _("Choose a document of this meeting.")
        if self.source_url and not self.source_title:
            errors["source_title"] = _("Give the title of the linked source.")
        if self.is_verbatim and not errors and not self.has_source:
            errors["kind"] = _("A verbatim quotation needs its source: a document of the meeting or a titled link.")
        if errors:
            raise ValidationError(errors)


class Decision(TimeStampedModel):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="decisions", verbose_name=_("meeting"))
    agenda_item = models.ForeignKey(
        AgendaItem,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="decisions",
        verbose_name=_("agenda item"),
    )
    text = models.TextField(_("text"))
    version = models.PositiveIntegerField(
        _("version"), default=1, editable=False, help_text=_("Bumped on every save by the portal.")
    )

    history = HistoricalRecords(excluded_fields=["version"])
    objects = access.MinutesContentQuerySet.as_manager()

    class Meta:
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        ordering = ["meeting", "id"]

    def __str__(self):
        return self.text if len(self.text) <= 80 else self.text[:77] + "..."


class ActionStatus(models.TextChoices):
    OPEN = "open", _("Open")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    DROPPED = "dropped", _("Dropped")


OPEN_ACTION_STATUSES = (ActionStatus.OPEN, ActionStatus.IN_PROGRESS)


class ReviewOutcome(models.TextChoices):
    """What a meeting decides about an action carried to its review of follow-up actions."""

    DONE = "done", _("Done")
    CONTINUED = "continued", _("Continued (new due date)")
    DROPPED = "dropped", _("Dropped")


class ActionItemQuerySet(access.MinutesContentQuerySet):
    def still_open(self):
        return self.filter(status__in=OPEN_ACTION_STATUSES)

    def overdue(self, today=None):
        return self.still_open().filter(due_on__lt=today or timezone.localdate())

    def for_organization(self, organization):
        return self.filter(responsible_organization=organization)

    def with_latest_update(self, user):
        """Each action's latest progress entry that ``user`` may read, as ``latest_status``, ``latest_note`` and
        ``latest_noted_on`` (an entry recorded in draft minutes counts only for those who may read drafts)."""
        updates = ActionUpdate.objects.visible_to(user).filter(action=OuterRef("pk")).order_by("-noted_on", "-id")
        return self.annotate(
            latest_status=Subquery(updates.values("status")[:1]),
            latest_note=Subquery(updates.values("note")[:1]),
            latest_noted_on=Subquery(updates.values("noted_on")[:1]),
        )


class ActionItem(TimeStampedModel):
    """A follow-up agreed at a meeting; reviewed at later meetings until it is closed."""

    meeting = models.ForeignKey(
        Meeting, on_delete=models.PROTECT, related_name="action_items", verbose_name=_("meeting")
    )
    agenda_item = models.ForeignKey(
        AgendaItem,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="action_items",
        verbose_name=_("agenda item"),
    )
    decision = models.ForeignKey(
        Decision,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="actions",
        verbose_name=_("decision"),
    )
    title = models.CharField(_("title"), max_length=255)
    description = models.TextField(_("description"), blank=True)
    responsible_organization = models.ForeignKey(
        "stakeholders.Organization",
        on_delete=models.PROTECT,
        related_name="action_items",
        verbose_name=_("responsible organisation"),
    )
    owner = models.ForeignKey(
        "stakeholders.Contact",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="owned_actions",
        verbose_name=_("owner"),
    )
    due_on = models.DateField(_("due on"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=16, choices=ActionStatus.choices, default=ActionStatus.OPEN)
    is_illustrative = models.BooleanField(
        _("illustrative example"),
        default=False,
        help_text=_("An example that no source states, added to show the portal's features (demonstration data)."),
    )
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)

    search_document = fulltext.stored(fulltext.action_document())

    history = HistoricalRecords(excluded_fields=["version", *fulltext.STORED_FIELDS])
    objects = fulltext.WithoutStoredDocuments.from_queryset(ActionItemQuerySet)()

    class Meta:
        verbose_name = _("action item")
        verbose_name_plural = _("action items")
        ordering = ["due_on", "id"]
        permissions = [("update_own_action", "Can update actions of their own organisation")]
        indexes = [
            models.Index(fields=["status", "due_on"], name="action_status_due_idx"),
            # Open actions by due date, for everyone (the tracker) and per organisation (dashboard): no sort step.
            models.Index(
                fields=["due_on", "id"], condition=Q(status__in=OPEN_ACTION_STATUSES), name="open_action_due_idx"
            ),
            models.Index(
                fields=["responsible_organization", "due_on", "id"],
                condition=Q(status__in=OPEN_ACTION_STATUSES),
                name="open_action_org_due_idx",
            ),
            # An organisation's closed actions by due date (its profile lists them after the open ones).
            models.Index(
                fields=["responsible_organization", "due_on", "id"],
                condition=~Q(status__in=OPEN_ACTION_STATUSES),
                name="closed_action_org_due_idx",
            ),
            # An organisation's action record (counts by status and due date) from the index alone.
            models.Index(
                fields=["responsible_organization", "status", "due_on"], include=["id"], name="action_org_record_idx"
            ),
            GinIndex(fields=["search_document"], name="action_search_idx"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("action-detail", args=[self.pk])

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_ACTION_STATUSES

    @property
    def is_overdue(self) -> bool:
        return self.is_open and self.due_on is not None and self.due_on < timezone.localdate()

    def get_latest_status_display(self) -> str:
        """The status of the entry annotated by ``with_latest_update``, for display."""
        return str(ActionStatus(self.latest_status).label) if getattr(self, "latest_status", None) else ""

    def clean(self):
        if self.due_on and self.meeting_id and self.due_on < self.meeting.local_start.date():
            raise ValidationError({"due_on": _("The due date cannot be before the meeting that agreed the action.")})
        if self.owner_id and self.owner.organization_id != self.responsible_organization_id:
            raise ValidationError({"owner": _("The owner must work for the responsible organisation.")})


class ActionUpdate(TimeStampedModel):
    """A dated status change or progress note on a follow-up action."""

    action = models.ForeignKey(ActionItem, on_delete=models.CASCADE, related_name="updates", verbose_name=_("action"))
    status = models.CharField(_("status"), max_length=16, choices=ActionStatus.choices)
    note = models.TextField(_("note"), blank=True)
    noted_on = models.DateField(_("noted on"), default=timezone.localdate)
    meeting = models.ForeignKey(
        Meeting,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="action_updates",
        help_text=_("The meeting at which the action was reviewed, if any."),
        verbose_name=_("meeting"),
    )
    new_due_on = models.DateField(
        _("new due date"),
        null=True,
        blank=True,
        help_text=_("The due date a meeting gave an action it continued; applied when its minutes are published."),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, verbose_name=_("author")
    )

    history = HistoricalRecords()
    objects = access.OptionalMinutesContentQuerySet.as_manager()

    class Meta:
        verbose_name = _("action update")
        verbose_name_plural = _("action updates")
        ordering = ["-noted_on", "-id"]

    def __str__(self):
        return _("%(action)s: %(status)s on %(date)s") % {
            "action": self.action,
            "status": self.get_status_display(),
            "date": date_text(self.noted_on),
        }


class DocumentKind(models.TextChoices):
    AGENDA = "agenda", _("Agenda")
    PRESENTATION = "presentation", _("Presentation")
    REPORT = "report", _("Report")
    MINUTES = "minutes", _("Minutes")
    OTHER = "other", _("Other")


def document_upload_to(document, filename):
    return f"meetings/{document.meeting_id}/{filename}"


class DocumentQuerySet(access.MinutesContentQuerySet):
    def _published_q(self):
        """Only minutes documents are minutes content; an agenda or a presentation is shared before the meeting."""
        return ~Q(kind=DocumentKind.MINUTES) | super()._published_q()


class Document(TimeStampedModel):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="documents", verbose_name=_("meeting"))
    title = models.CharField(_("title"), max_length=255)
    kind = models.CharField(_("kind"), max_length=16, choices=DocumentKind.choices, default=DocumentKind.OTHER)
    file = models.FileField(_("file"), upload_to=document_upload_to, max_length=255)
    size = models.PositiveBigIntegerField(_("size"), default=0, editable=False)
    content_type = models.CharField(_("content type"), max_length=100, blank=True, editable=False)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, verbose_name=_("uploaded by")
    )

    history = HistoricalRecords()
    objects = DocumentQuerySet.as_manager()

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["meeting", "kind", "title"]

    def __str__(self):
        return self.title


class Invitation(TimeStampedModel):
    """The invitation e-mailed to one person for one meeting (meetings/notifications/).

    ``sequence`` is the meeting's ``calendar_sequence`` in the last .ics sent to them: when the meeting has
    changed since (a higher sequence), they are due an update with the same UID.
    """

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="invitations")
    contact = models.ForeignKey("stakeholders.Contact", on_delete=models.CASCADE, related_name="invitations")
    sent_at = models.DateTimeField()
    sequence = models.PositiveIntegerField()
    mail = models.ForeignKey(
        "common.OutgoingMail", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )  # the e-mail of the latest invitation: whether it went out

    class Meta:
        ordering = ["meeting", "contact"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "contact"], name="unique_invitation_per_contact"),
        ]

    def __str__(self):
        return f"{self.contact} invited to {self.meeting} (sequence {self.sequence})"


class ActionReminder(models.Model):
    """One reminder e-mail about one follow-up action to one person: at most one a week (send_action_reminders)."""

    action = models.ForeignKey(ActionItem, on_delete=models.CASCADE, related_name="reminders")
    contact = models.ForeignKey("stakeholders.Contact", on_delete=models.CASCADE, related_name="action_reminders")
    sent_on = models.DateField()

    class Meta:
        ordering = ["-sent_on", "action"]
        constraints = [
            models.UniqueConstraint(fields=["action", "contact", "sent_on"], name="unique_action_reminder_per_day"),
        ]

    def __str__(self):
        return f"Reminder of {self.action} to {self.contact} on {self.sent_on}"


class RsvpAnswer(models.TextChoices):
    ACCEPTED = "accepted", _("Will attend")
    DECLINED = "declined", _("Will not attend")


class Rsvp(TimeStampedModel):
    """One person's answer to a meeting's invitation: by the signed link in the e-mail or on the meeting page."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="rsvps", verbose_name=_("meeting"))
    contact = models.ForeignKey(
        "stakeholders.Contact", on_delete=models.CASCADE, related_name="rsvps", verbose_name=_("contact")
    )
    answer = models.CharField(_("answer"), max_length=16, choices=RsvpAnswer.choices)
    answered_at = models.DateTimeField(_("answered at"))

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("reply to an invitation")
        verbose_name_plural = _("replies to invitations")
        ordering = ["meeting", "contact"]
        constraints = [models.UniqueConstraint(fields=["meeting", "contact"], name="unique_rsvp_per_contact")]

    def __str__(self):
        return f"{self.contact} to {self.meeting}: {self.answer}"


class OrganizationReply(TimeStampedModel):
    """An organisation's answer to a meeting's invitation, given by its focal point, who also names who attends
    (those people are the organisation's Participation rows with ``named_by`` set)."""

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="organization_replies", verbose_name=_("meeting")
    )
    organization = models.ForeignKey(
        "stakeholders.Organization",
        on_delete=models.PROTECT,
        related_name="meeting_replies",
        verbose_name=_("organisation"),
    )
    answer = models.CharField(_("answer"), max_length=16, choices=RsvpAnswer.choices)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("answered by"),
    )
    answered_at = models.DateTimeField(_("answered at"))

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("organisation's reply to an invitation")
        verbose_name_plural = _("organisations' replies to invitations")
        ordering = ["meeting", "organization"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "organization"], name="unique_reply_per_organization")
        ]

    def __str__(self):
        return f"{self.organization} to {self.meeting}: {self.answer}"
