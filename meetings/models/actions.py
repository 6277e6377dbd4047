"""Follow-up actions, their progress updates and reminders."""

from django.conf import settings
from django.contrib.postgres.indexes import GinIndex
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import OuterRef, Q, Subquery
from django.db.models.functions import JSONObject
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from common import access, fulltext
from common.formatting import date_text
from common.history import HistoricalRecords
from common.i18n import TranslatedContent, translations_of, with_translations
from common.models import TimeStampedModel
from meetings.models.agenda import AgendaItem
from meetings.models.meeting import Meeting
from meetings.models.minutes import Decision, NumberedEntry


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
        """Each action's latest progress entry that ``user`` may read, as ``latest_status``, ``latest_note`` (and its
        translations, ``latest_update``) and ``latest_noted_on`` (an entry recorded in draft minutes counts only for
        those who may read drafts)."""
        updates = ActionUpdate.objects.visible_to(user).filter(action=OuterRef("pk")).order_by("-noted_on", "-id")
        return self.annotate(
            latest_status=Subquery(updates.values("status")[:1]),
            latest_note=Subquery(updates.values("note")[:1]),
            latest_note_versions=Subquery(
                updates.values(versions=JSONObject(**{name: name for name in with_translations("note")}))[:1]
            ),
            latest_noted_on=Subquery(updates.values("noted_on")[:1]),
        )


class ActionItem(NumberedEntry, TranslatedContent, TimeStampedModel):
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
    locals().update(translations_of("title", title))
    locals().update(translations_of("description", description))
    TRANSLATED_FIELDS = ("title", "description")
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

    history = HistoricalRecords(excluded_fields=["version", "search_document"])
    objects = fulltext.WithoutStoredDocuments.from_queryset(ActionItemQuerySet)()

    class Meta:
        verbose_name = _("action item")
        verbose_name_plural = _("action items")
        ordering = ["due_on", "id"]
        permissions = [("update_own_action", "Can update actions of their own organisation")]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "reference_number"], name="unique_action_reference"),
        ]
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
        return reverse("meetings:action-detail", args=[self.pk])

    @property
    def anchor(self) -> str:
        return f"action-{self.pk}"

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_ACTION_STATUSES

    @property
    def is_overdue(self) -> bool:
        return self.is_open and self.due_on is not None and self.due_on < timezone.localdate()

    @property
    def latest_update(self) -> "ActionUpdate | None":
        """The entry annotated by ``with_latest_update`` as far as reading its note goes (``localized``), unsaved."""
        versions = getattr(self, "latest_note_versions", None)
        return ActionUpdate(**versions) if versions else None

    def get_latest_status_display(self) -> str:
        """The status of the entry annotated by ``with_latest_update``, for display."""
        return str(ActionStatus(self.latest_status).label) if getattr(self, "latest_status", None) else ""

    def clean(self):
        if self.due_on and self.meeting_id and self.due_on < self.meeting.local_start.date():
            raise ValidationError({"due_on": _("The due date cannot be before the meeting that agreed the action.")})
        if self.owner_id and self.owner.organization_id != self.responsible_organization_id:
            raise ValidationError({"owner": _("The owner must work for the responsible organisation.")})


class ActionUpdate(TranslatedContent, TimeStampedModel):
    """A dated status change or progress note on a follow-up action."""

    action = models.ForeignKey(ActionItem, on_delete=models.CASCADE, related_name="updates", verbose_name=_("action"))
    status = models.CharField(_("status"), max_length=16, choices=ActionStatus.choices)
    note = models.TextField(_("note"), blank=True)
    locals().update(translations_of("note", note))
    TRANSLATED_FIELDS = ("note",)
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

    @property
    def review_outcome(self) -> str:
        """What a meeting's review decided (ReviewOutcome), read back from the entry review_carried_action made."""
        if self.new_due_on:
            return ReviewOutcome.CONTINUED
        return {ActionStatus.DONE: ReviewOutcome.DONE, ActionStatus.DROPPED: ReviewOutcome.DROPPED}.get(
            self.status, ReviewOutcome.CONTINUED
        )

    def get_review_outcome_display(self) -> str:
        return str(ReviewOutcome(self.review_outcome).label)

    def __str__(self):
        return _("%(action)s: %(status)s on %(date)s") % {
            "action": self.action,
            "status": self.get_status_display(),
            "date": date_text(self.noted_on),
        }


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
