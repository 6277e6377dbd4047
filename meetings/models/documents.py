"""Files attached to a meeting."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from common import access
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
