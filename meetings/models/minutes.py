"""What the minutes record besides the agenda items' summaries: statements and decisions."""

from django.contrib.postgres.indexes import GinIndex
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Max
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from common import access, fulltext
from common.history import HistoricalRecords
from common.i18n import TranslatedContent, translations_of
from common.models import TimeStampedModel
from meetings.models.agenda import AgendaItem
from meetings.models.meeting import Meeting
from meetings.models.series import Topic


class StatementQuerySet(access.ConfidentialMinutesContentQuerySet):
    def visible_to(self, user):
        return super().visible_to(user).filter(access.under_readable_item_q(user))


class DecisionQuerySet(access.MinutesContentQuerySet):
    def visible_to(self, user):
        return super().visible_to(user).filter(access.under_readable_item_q(user))


class StatementKind(models.TextChoices):
    VERBATIM = "verbatim", _("Verbatim quotation")
    SUMMARY = "summary", _("Summary (reported speech)")


class Statement(TranslatedContent, TimeStampedModel):
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
    locals().update(translations_of("summary", summary))
    TRANSLATED_FIELDS = ("summary",)
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
    # Kept to the participants unless the secretariat chooses otherwise: a remark attributed to a named
    # person is published only with their consent.
    visibility = models.CharField(
        _("who may read it"),
        max_length=16,
        choices=access.Visibility.choices,
        default=access.Visibility.PARTICIPANTS,
        help_text=_("Only what is marked public appears on the public pages of a public series."),
    )
    position = models.PositiveIntegerField(_("position"), default=0)
    topics = models.ManyToManyField(Topic, blank=True, related_name="statements", verbose_name=_("topics"))
    version = models.PositiveIntegerField(
        _("version"), default=1, editable=False, help_text=_("Bumped on every save by the portal.")
    )

    search_document = fulltext.stored(fulltext.statement_document())

    history = HistoricalRecords(excluded_fields=["version", "search_document"])
    objects = fulltext.WithoutStoredDocuments.from_queryset(StatementQuerySet)()

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


def next_reference_number(meeting_id: int) -> int:
    """The next number of a meeting's decisions and follow-up actions: one sequence for both, so "4.3" names one
    entry of the 4th meeting whichever kind it is. Numbers deleted entries had (kept in their history) are not
    reused, so a number once cited never comes to mean something else. Call inside a transaction."""
    from meetings.models.actions import ActionItem

    Meeting.objects.select_for_update().filter(pk=meeting_id).first()  # one number at a time per meeting
    taken = [
        model.objects.filter(meeting_id=meeting_id).aggregate(last=Max("reference_number"))["last"] or 0
        for model in (Decision, ActionItem, Decision.history.model, ActionItem.history.model)
    ]
    return max(taken) + 1


class NumberedEntry(models.Model):
    """A decision or follow-up action: numbered within its meeting when it is created ("4.2"), never renumbered."""

    reference_number = models.PositiveIntegerField(
        _("number"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("Its number within the meeting, given when it is recorded and never changed."),
    )

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.reference_number is None and self.meeting_id:
            with transaction.atomic():
                self.reference_number = next_reference_number(self.meeting_id)
                return super().save(*args, **kwargs)
        return super().save(*args, **kwargs)

    @property
    def reference(self) -> str:
        """The citable reference: the meeting's number and the entry's, "4.2"."""
        if self.reference_number is None:
            return ""
        return f"{self.meeting.number}.{self.reference_number}"


class Decision(NumberedEntry, TranslatedContent, TimeStampedModel):
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
    locals().update(translations_of("text", text))
    TRANSLATED_FIELDS = ("text",)
    version = models.PositiveIntegerField(
        _("version"), default=1, editable=False, help_text=_("Bumped on every save by the portal.")
    )

    history = HistoricalRecords(excluded_fields=["version"])
    objects = DecisionQuerySet.as_manager()

    class Meta:
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        ordering = ["meeting", "reference_number", "id"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "reference_number"], name="unique_decision_reference"),
        ]

    def __str__(self):
        return self.text if len(self.text) <= 80 else self.text[:77] + "..."

    def get_absolute_url(self):
        return reverse("meetings:decision-detail", args=[self.pk])

    @property
    def anchor(self) -> str:
        return f"decision-{self.pk}"
