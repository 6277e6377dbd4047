"""The approval loop of the minutes: draft -> circulated to the attending organisations for comment -> published ->
approved at the next meeting, which locks them; a correction after approval is a new version.

``MinutesApproval`` holds the meeting's own fields (Meeting inherits it); ``MinutesComment`` is a comment on the
circulated draft, per agenda item; ``MinutesVersion`` keeps the text of the minutes as approved and as corrected."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from common.models import TimeStampedModel


class MinutesStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    CIRCULATED = "circulated", _("Circulated for comment")
    PUBLISHED = "published", _("Published")


class MinutesApproval(models.Model):
    """The meeting's fields of the approval loop (the status itself is Meeting.minutes_status)."""

    minutes_circulated_at = models.DateTimeField(_("minutes circulated at"), null=True, blank=True)
    minutes_comments_due = models.DateField(
        _("comments due"), null=True, blank=True, help_text=_("The last day for comments on the circulated draft.")
    )
    minutes_approved_at = models.DateTimeField(_("minutes approved at"), null=True, blank=True)
    minutes_approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("minutes approval recorded by"),
    )
    minutes_approved_at_meeting = models.ForeignKey(
        "meetings.Meeting",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="approved_minutes",
        verbose_name=_("minutes approved at the meeting"),
    )
    minutes_approval_item = models.OneToOneField(
        "meetings.AgendaItem",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="approves_minutes_of",
        verbose_name=_("agenda item approving the minutes"),
        help_text=_("The item of the next meeting under which these minutes are approved."),
    )

    class Meta:
        abstract = True

    @property
    def minutes_circulated(self) -> bool:
        return self.minutes_status == MinutesStatus.CIRCULATED

    @property
    def minutes_approved(self) -> bool:
        return self.minutes_approved_at is not None

    @property
    def minutes_locked(self) -> bool:
        """Approved and published: no edit until a correction reopens them (which makes a new version)."""
        return self.minutes_approved and self.minutes_status == MinutesStatus.PUBLISHED

    @property
    def minutes_document_status(self) -> str:
        """The status a copy of the minutes states (the PDF's footer, the editor): draft, circulated for comment,
        published, approved and its version, or a correction of approved minutes in draft."""
        if self.minutes_locked:
            return _("Approved, version %(number)d") % {"number": self.minutes_version_number}
        if self.minutes_approved:
            return _("Correction in draft (approved version %(number)d)") % {"number": self.minutes_version_number}
        return str(self.get_minutes_status_display())

    @property
    def minutes_version_number(self) -> int:
        """The version the approved minutes stand at (1 as approved), or 0 before approval."""
        versions = getattr(self, "_prefetched_objects_cache", {}).get("minutes_versions")
        if versions is not None:
            return max((version.number for version in versions), default=0)
        return self.minutes_versions.aggregate(last=models.Max("number"))["last"] or 0


class MinutesComment(TimeStampedModel):
    """A comment by an attending organisation's focal point or participant on circulated draft minutes: on one
    agenda item, or on the minutes in general (no item). The secretariat resolves it, with an optional note."""

    meeting = models.ForeignKey(
        "meetings.Meeting", on_delete=models.CASCADE, related_name="minutes_comments", verbose_name=_("meeting")
    )
    agenda_item = models.ForeignKey(
        "meetings.AgendaItem",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="minutes_comments",
        verbose_name=_("agenda item"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("author")
    )
    organization = models.ForeignKey(
        "stakeholders.Organization", on_delete=models.PROTECT, related_name="+", verbose_name=_("organisation")
    )
    text = models.TextField(_("comment"))
    resolved_at = models.DateTimeField(_("resolved at"), null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("resolved by"),
    )
    resolution_note = models.TextField(_("resolution note"), blank=True)
    edited_at = models.DateTimeField(
        _("edited at"), null=True, blank=True, help_text=_("When its author last changed the text, if ever.")
    )
    version = models.PositiveIntegerField(
        _("version"), default=1, editable=False, help_text=_("Bumped on every edit by its author.")
    )

    class Meta:
        verbose_name = _("comment on the minutes")
        verbose_name_plural = _("comments on the minutes")
        ordering = ["meeting", "created", "id"]

    def __str__(self):
        return self.text if len(self.text) <= 80 else self.text[:77] + "..."

    @property
    def is_resolved(self) -> bool:
        return self.resolved_at is not None

    @property
    def is_edited(self) -> bool:
        return self.edited_at is not None


class MinutesVersion(models.Model):
    """The minutes' text as approved (version 1) or as corrected after approval (2, 3, ...), kept as it was:
    ``content`` is what ``meetings.services.approval.minutes_snapshot`` recorded."""

    meeting = models.ForeignKey(
        "meetings.Meeting", on_delete=models.CASCADE, related_name="minutes_versions", verbose_name=_("meeting")
    )
    number = models.PositiveIntegerField(_("version"))
    reason = models.CharField(_("reason"), max_length=255)
    created = models.DateTimeField(_("recorded at"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    content = models.JSONField(_("content"), default=dict)

    class Meta:
        verbose_name = _("version of the minutes")
        verbose_name_plural = _("versions of the minutes")
        ordering = ["meeting", "number"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "number"], name="unique_minutes_version_number"),
        ]

    def __str__(self):
        return str(_("Version %(number)d") % {"number": self.number})

    def get_absolute_url(self):
        return reverse("meetings:meeting-minutes-version", args=[self.meeting_id, self.number])
