"""Files attached to a meeting (optionally to one of its agenda items), and the earlier versions of each file."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from common import access
from common.history import HistoricalRecords
from common.models import TimeStampedModel
from meetings.models.meeting import Meeting


class DocumentKind(models.TextChoices):
    AGENDA = "agenda", _("Agenda")
    PRESENTATION = "presentation", _("Presentation")
    REPORT = "report", _("Report")
    MINUTES = "minutes", _("Minutes")
    OTHER = "other", _("Other")


def document_upload_to(document, filename):
    return f"meetings/{document.meeting_id}/{filename}"


class DocumentQuerySet(access.ConfidentialMinutesContentQuerySet):
    def _published_q(self):
        """Only minutes documents are minutes content; an agenda or a presentation is shared before the meeting."""
        return ~Q(kind=DocumentKind.MINUTES) | super()._published_q()

    def visible_to(self, user):
        return super().visible_to(user).filter(access.under_readable_item_q(user))


class Document(TimeStampedModel):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="documents", verbose_name=_("meeting"))
    # The item the document belongs to (a presentation under its item); removing the item keeps the document.
    agenda_item = models.ForeignKey(
        "meetings.AgendaItem",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="documents",
        verbose_name=_("agenda item"),
    )
    title = models.CharField(_("title"), max_length=255)
    kind = models.CharField(_("kind"), max_length=16, choices=DocumentKind.choices, default=DocumentKind.OTHER)
    file = models.FileField(_("file"), upload_to=document_upload_to, max_length=255)
    size = models.PositiveBigIntegerField(_("size"), default=0, editable=False)
    content_type = models.CharField(_("content type"), max_length=100, blank=True, editable=False)
    # Kept to the participants unless the secretariat chooses otherwise: a partner's presentation or report is
    # theirs to publish.
    visibility = models.CharField(
        _("who may read it"),
        max_length=16,
        choices=access.Visibility.choices,
        default=access.Visibility.PARTICIPANTS,
        help_text=_("Only what is marked public appears on the public pages of a public series."),
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, verbose_name=_("uploaded by")
    )
    # The number of the file the document holds now: 1 at upload, one more at each replacement (DocumentVersion).
    file_version = models.PositiveIntegerField(_("version"), default=1, editable=False)
    file_uploaded_at = models.DateTimeField(_("file uploaded at"), default=timezone.now, editable=False)

    history = HistoricalRecords()
    objects = DocumentQuerySet.as_manager()

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["meeting", "kind", "title"]

    def __str__(self):
        return self.title


class DocumentVersion(models.Model):
    """An earlier file of a document, kept when the file was replaced; the document itself holds the newest."""

    document = models.ForeignKey(
        Document, on_delete=models.CASCADE, related_name="versions", verbose_name=_("document")
    )
    number = models.PositiveIntegerField(_("version"))
    file = models.FileField(_("file"), upload_to=document_upload_to, max_length=255)
    size = models.PositiveBigIntegerField(_("size"), default=0)
    content_type = models.CharField(_("content type"), max_length=100, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("uploaded by"),
    )
    uploaded_at = models.DateTimeField(_("uploaded at"))

    class Meta:
        verbose_name = _("document version")
        verbose_name_plural = _("document versions")
        ordering = ["document", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["document", "number"], name="unique_document_version_number"),
        ]

    def __str__(self):
        return f"{self.document} (v{self.number})"
