"""A meeting's agenda items, with the minutes of each."""

from django.contrib.postgres.indexes import GinIndex
from django.db import models
from django.utils.translation import gettext, gettext_noop
from django.utils.translation import gettext_lazy as _

from common import access, fulltext
from common.history import HistoricalRecords
from common.i18n import TranslatedContent, localized, translations_of
from common.models import TimeStampedModel
from meetings.models.meeting import Meeting
from meetings.models.series import Topic


class OutcomeKind(models.TextChoices):
    INFORMATION = "information", _("Information")
    DECISION = "decision", _("Decision")
    ACTION = "action", _("Action")


# The title of the standing item under which open follow-up actions are reviewed (services.prepare_next_meeting),
# stored in English; shown through gettext when no version in the reader's language is stored.
REVIEW_OF_ACTIONS_TITLE = gettext_noop("Review of follow-up actions")


class AgendaItemQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Items of the meetings ``user`` may see, kept to an audience ``user`` belongs to (their minutes' text is
        withheld separately, by Meeting.withhold_minutes_text)."""
        return self.filter(meeting__in=Meeting.objects.visible_to(user)).readable_by(user)

    def readable_by(self, user):
        """Items kept to an audience ``user`` belongs to, whatever their meeting (for a meeting already checked)."""
        return self.filter(access.confidentiality_q(user))


class AgendaItem(TranslatedContent, TimeStampedModel):
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
    # Public by default: an announced agenda is shared with every invitee, and the item and its minutes are what a
    # public series publishes. Nothing is public until the series is.
    visibility = models.CharField(
        _("who may read it"),
        max_length=16,
        choices=access.Visibility.choices,
        default=access.Visibility.PUBLIC,
        help_text=_("Public items appear on the public pages once the series is public."),
    )
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
    # Translations: title_en, title_ru, ... (a field per content language; common.i18n).
    locals().update(translations_of("title", title))
    locals().update(translations_of("discussion_summary", discussion_summary))
    locals().update(translations_of("description", description))
    TRANSLATED_FIELDS = ("title", "discussion_summary", "description")
    outcome = models.CharField(_("outcome"), max_length=16, choices=OutcomeKind.choices, blank=True)
    # What the minutes say about the item, the one list: saved by meetings.services.save_item_minutes, withheld
    # from readers of unpublished minutes.
    MINUTES_FIELDS = ("discussion_summary", "outcome", *translations_of("discussion_summary", discussion_summary))
    topics = models.ManyToManyField(Topic, blank=True, related_name="agenda_items", verbose_name=_("topics"))
    actions_to_review = models.ManyToManyField(
        "ActionItem",
        blank=True,
        related_name="reviewed_in_items",
        help_text=_("Open follow-ups reviewed under this item."),
        verbose_name=_("actions to review"),
    )

    # Live mode (meetings.services.live): when the room actually took the item up and moved on from it.
    started_at = models.DateTimeField(_("actually started at"), null=True, blank=True, editable=False)
    ended_at = models.DateTimeField(_("actually ended at"), null=True, blank=True, editable=False)

    # The item's own minutes (discussion summary, outcome, their translations) are saved card by card in the
    # minutes editor: this version guards them. The rest of the item shares Meeting.version with the agenda.
    version = models.PositiveIntegerField(
        _("version"), default=1, editable=False, help_text=_("Bumped on every save of the item's minutes.")
    )

    search_document = fulltext.stored(fulltext.agenda_item_document())
    minutes_search_document = fulltext.stored(fulltext.agenda_item_minutes_document())

    history = HistoricalRecords(excluded_fields=["version", "search_document", "minutes_search_document"])
    objects = fulltext.WithoutStoredDocuments.from_queryset(AgendaItemQuerySet)()

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
        for name in self.MINUTES_FIELDS:
            setattr(self, name, "")
