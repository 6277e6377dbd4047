"""A meeting of a series: its dates, format, status, lifecycle and minutes state."""

import zoneinfo

from django.conf import settings
from django.contrib.postgres.indexes import GinIndex
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, Exists, F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from common import access, fulltext
from common.history import HistoricalRecords
from common.i18n import TranslatedContent, localized, translations_of
from common.models import TimeStampedModel
from common.quarter import Quarter
from common.queries import sort_key_without_index
from common.time_zones import default_time_zone, time_zone_choices
from meetings.models.approval import MinutesApproval, MinutesStatus
from meetings.models.series import MeetingSeries


class MeetingFormat(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    ONLINE = "online", _("Online")
    HYBRID = "hybrid", _("Hybrid")


class MeetingStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    HELD = "held", _("Held")
    CANCELLED = "cancelled", _("Cancelled")


class LifecycleStage(models.TextChoices):
    """Where a meeting stands, shown on its page (Meeting.lifecycle_stage)."""

    DRAFT = "draft", _("Draft")
    ANNOUNCED = "announced", _("Announced")
    IN_PROGRESS = "in_progress", pgettext_lazy("meeting stage", "In progress")
    HELD = "held", _("Held")
    MINUTES_DRAFT = "minutes_draft", _("Minutes in draft")
    MINUTES_CIRCULATED = "minutes_circulated", _("Minutes circulated for comment")
    MINUTES_PUBLISHED = "minutes_published", _("Minutes published")
    MINUTES_APPROVED = "minutes_approved", _("Minutes approved")
    CANCELLED = "cancelled", _("Cancelled")


LIFECYCLE_PATH = [
    LifecycleStage.DRAFT,
    LifecycleStage.ANNOUNCED,
    LifecycleStage.HELD,
    LifecycleStage.MINUTES_DRAFT,
    LifecycleStage.MINUTES_PUBLISHED,
]


def announced_q(path: str = "") -> Q:
    """What an announced meeting is, the one definition (a draft is one not announced yet): ``path`` leads from the
    rows filtered to their meeting ("meeting__"), or is empty for meetings themselves."""
    return Q(**{f"{path}announced_at__isnull": False})


DRAFT_MEETING = Q(announced_at__isnull=True)


def held_meeting_q() -> Q:
    """What a held meeting is, the one definition (Meeting.is_held says the same of one meeting): not cancelled, and
    marked held (stored before the stage followed the clock), or announced and over, or started with attendance
    recorded."""
    now = timezone.now()
    attended = participation.Participation.objects.filter(
        meeting=OuterRef("pk"), status=participation.ParticipationStatus.ATTENDED
    )
    return ~Q(status=MeetingStatus.CANCELLED) & (
        Q(status=MeetingStatus.HELD)
        | Q(ends_at__lte=now, announced_at__isnull=False)
        | Q(Exists(attended), starts_at__lte=now)
    )


def sees_draft_meetings(user) -> bool:
    """Draft meetings (not announced yet) are the secretariat's: everyone else sees announced ones only."""
    return access.is_secretariat(user)


class MeetingQuerySet(models.QuerySet):
    def visible_to(self, user):
        if sees_draft_meetings(user):
            return self
        if access.reads_as_public(user):
            return self.public()
        return self.announced()

    def public(self):
        """What the public pages show: announced meetings of public series (cancelled ones say so)."""
        return self.filter(access.public_meeting_q())

    def announced(self):
        return self.exclude(DRAFT_MEETING)

    def drafts(self):
        return self.filter(DRAFT_MEETING)

    def upcoming(self):
        """Meetings not over yet, the soonest first: read through the ends_at index (see sort_key_without_index)."""
        return (
            self.filter(ends_at__gte=timezone.now())
            .exclude(status=MeetingStatus.CANCELLED)
            .order_by(sort_key_without_index("starts_at", models.DateTimeField()), "id")
        )

    def held(self):
        return self.filter(held_meeting_q())

    def not_held(self):
        """Meetings still to take place: neither held nor cancelled."""
        return self.exclude(status=MeetingStatus.CANCELLED).exclude(held_meeting_q())

    def inviting(self, *, organization=None, contact=None):
        """Meetings whose list holds ``organization`` (as a whole or by one of its people) or names ``contact``;
        a walk-in's row records attendance, not an invitation."""
        rows = participation.Participation.objects.filter(meeting=OuterRef("pk"), walk_in=False)
        invited = Q(pk__in=[])
        if organization is not None:
            invited |= Exists(rows.filter(organization=organization))
        if contact is not None:
            invited |= Exists(rows.filter(contact=contact))
        return self.filter(invited)

    def past(self):
        return self.filter(starts_at__lt=timezone.now()).order_by("-starts_at")

    def with_published_minutes(self):
        return self.filter(access.published_minutes_q())

    def with_draft_minutes(self):
        return self.held().filter(minutes_status=MinutesStatus.DRAFT)

    def with_counts(self):
        """Annotate agenda_item_count and organization_count (distinct organisations invited).

        Correlated subqueries rather than Count() over joins: PostgreSQL then counts only for the rows
        of the page, not for every meeting before it sorts and cuts the page.
        """

        def count(queryset, expression):
            counted = queryset.filter(meeting=OuterRef("pk")).order_by().values("meeting").annotate(n=expression)
            return Coalesce(Subquery(counted.values("n")), 0)

        return self.annotate(
            agenda_item_count=count(agenda.AgendaItem.objects, Count("pk")),
            organization_count=count(participation.Participation.objects, Count("organization", distinct=True)),
        )


class Meeting(MinutesApproval, TranslatedContent, TimeStampedModel):
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
    minutes_publications = models.PositiveSmallIntegerField(
        _("times the minutes were published"),
        default=0,
        help_text=_("A publication after a reopening is a correction: it e-mails a short notice or nothing."),
    )
    minutes_reopen_reason = models.CharField(
        _("why the minutes were last reopened"), max_length=100, blank=True, default=""
    )
    is_illustrative = models.BooleanField(
        _("illustrative details"),
        default=False,
        help_text=_(
            "The times, venue, format and publication date are examples that no source states (demonstration data)."
        ),
    )
    participants_partly_recorded = models.BooleanField(
        _("participants partly recorded"),
        default=False,
        help_text=_(
            "Only the participants a source names are recorded: an organisation not listed may still have taken part."
        ),
    )
    version = models.PositiveIntegerField(
        _("version"), default=1, editable=False, help_text=_("Bumped on every save by the portal.")
    )
    calendar_sequence = models.PositiveIntegerField(_("calendar sequence"), default=0, editable=False)
    # Translations: title_en, title_ru, ... (a field per content language; common.i18n).
    locals().update(translations_of("title", title))
    locals().update(translations_of("minutes_summary", minutes_summary))
    locals().update(translations_of("venue", venue))
    TRANSLATED_FIELDS = ("title", "minutes_summary", "venue")
    MINUTES_TEXT_FIELDS = ("minutes_summary", *translations_of("minutes_summary", minutes_summary))  # the minutes' text

    search_document = fulltext.stored(fulltext.meeting_document())
    minutes_search_document = fulltext.stored(fulltext.meeting_minutes_document())

    history = HistoricalRecords(
        excluded_fields=["version", "calendar_sequence", "search_document", "minutes_search_document"]
    )
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
                condition=Q(minutes_status__in=[MinutesStatus.DRAFT, MinutesStatus.CIRCULATED])
                | Q(minutes_published_at__isnull=False),
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
        return reverse("meetings:meeting-detail", args=[self.pk])

    @property
    def display_venue(self) -> str:
        """The venue in the reader's language ("Ташкент" on a Russian page), else as written."""
        return localized(self, "venue")

    def file_name(self, extension: str, what: str = "") -> str:
        """A download's name by series and number, never by database id: "<series>-meeting-6.ics",
        "<series>-meeting-6-minutes.pdf" (see MeetingSeries.file_slug)."""
        suffix = f"-{what}" if what else ""
        return f"{self.series.file_slug}-meeting-{self.number}{suffix}.{extension}"

    # What calendar apps show of a meeting: a change to any of these gives its event a new SEQUENCE (RFC 5545).
    # The title's versions too: an invitation's event is written in its recipient's language.
    CALENDAR_FIELDS = (
        "title",
        *translations_of("title", title),
        "starts_at",
        "ends_at",
        "time_zone",
        "venue",
        *translations_of("venue", venue),
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

    def attendance_visible_to(self, user) -> bool:
        """The attendance list is the participants'; the public reads it only where the secretariat chose so."""
        return not access.reads_as_public(user) or self.series.attendance_is_public

    def withhold_minutes_text(self) -> None:
        """Blank what the minutes say on this instance (and its prefetched agenda items) before a page shows it to
        someone who may not read the draft: a page can then not show it, whatever its template does."""
        for name in self.MINUTES_TEXT_FIELDS:
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
    def has_ended(self) -> bool:
        return self.ends_at <= timezone.now()

    @property
    def attendance_recorded(self) -> bool:
        """Whether anyone is recorded as having attended (from the page's prefetch when there is one)."""
        prefetched = getattr(self, "_prefetched_objects_cache", {}).get("participations")
        if prefetched is not None:
            return any(row.status == participation.ParticipationStatus.ATTENDED for row in prefetched)
        return self.participations.filter(status=participation.ParticipationStatus.ATTENDED).exists()

    @property
    def is_held(self) -> bool:
        """Held by the clock and the facts, never by choice (the same as held_meeting_q): not cancelled, and marked
        held, or announced and over, or with attendance recorded."""
        if self.status == MeetingStatus.CANCELLED:
            return False
        if self.status == MeetingStatus.HELD or (self.has_ended and not self.is_draft):
            return True
        return self.has_started and self.pk is not None and self.attendance_recorded

    @property
    def status_label(self) -> str:
        """The status as lists show it, from the clock and the facts: planned, in progress, held or cancelled."""
        if self.status == MeetingStatus.CANCELLED:
            return MeetingStatus.CANCELLED.label
        if self.is_held:
            return MeetingStatus.HELD.label
        if self.has_started and not self.is_draft:
            return LifecycleStage.IN_PROGRESS.label
        return MeetingStatus.PLANNED.label

    @property
    def has_minutes_text(self) -> bool:
        """Whether anything of the minutes is written (reads the agenda items: prefetch them on a page)."""
        return bool(self.minutes_summary.strip()) or any(
            item.discussion_summary.strip() for item in self.agenda_items.all()
        )

    @property
    def lifecycle_stage(self) -> LifecycleStage:
        """draft -> announced -> in progress -> held -> minutes in draft -> minutes published (or cancelled), from
        the clock and the facts: only cancelling is chosen."""
        if self.status == MeetingStatus.CANCELLED:
            return LifecycleStage.CANCELLED
        if self.minutes_published:
            return LifecycleStage.MINUTES_APPROVED if self.minutes_approved else LifecycleStage.MINUTES_PUBLISHED
        if self.minutes_circulated:
            return LifecycleStage.MINUTES_CIRCULATED
        if self.is_held:
            return LifecycleStage.MINUTES_DRAFT if self.has_minutes_text else LifecycleStage.HELD
        if self.is_draft:
            return LifecycleStage.DRAFT
        return LifecycleStage.IN_PROGRESS if self.has_started else LifecycleStage.ANNOUNCED

    @property
    def lifecycle_steps(self) -> list[tuple[str, str]]:
        """The path as (label, state) pairs, state being "done", "current" or "todo", for the page's progress bar."""
        stage = self.lifecycle_stage
        # A meeting in progress stands where "held" will be, circulated minutes where the draft was, approved ones
        # where published ones are: the step is named for now.
        stands_for = {
            LifecycleStage.IN_PROGRESS: LifecycleStage.HELD,
            LifecycleStage.MINUTES_CIRCULATED: LifecycleStage.MINUTES_DRAFT,
            LifecycleStage.MINUTES_APPROVED: LifecycleStage.MINUTES_PUBLISHED,
        }
        path = [stage if stands_for.get(stage) == step else step for step in LIFECYCLE_PATH]
        if stage not in path:
            return []
        current = path.index(stage)
        states = ["done"] * current + ["current"] + ["todo"] * (len(path) - current - 1)
        return [(step.label, state) for step, state in zip(path, states, strict=True)]

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


# Imported last: these modules import this one (only functions above use them).
from meetings.models import agenda, participation  # noqa: E402
