from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from common.typed_text import TypedTextModel


class TimeStampedModel(TypedTextModel):
    """Adds created/updated stamps to every table of the portal (and cleans typed text, common.typed_text)."""

    created = models.DateTimeField(_("created"), auto_now_add=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        abstract = True


class MailStatus(models.TextChoices):
    PENDING = "pending", _("pending")
    SENT = "sent", _("sent")
    FAILED = "failed", _("failed")


class OutgoingMailQuerySet(models.QuerySet):
    def failing(self):
        """Mail not sent although it was tried (or waited for a mail server that did not answer)."""
        return self.exclude(status=MailStatus.SENT).filter(failing_since__isnull=False)


class OutgoingMail(models.Model):
    """One e-mail to send, written in the transaction that caused it and sent after commit (common.outbox).

    A failed attempt is tried again from ``next_attempt_at`` on, later each time (common.retries.retry_delay); after
    failing for ``common.outbox.RETRY_FOR`` it is no longer tried by itself (``next_attempt_at`` empty) but stays
    failed, counted by ``send_outbox``, until someone sends it again.
    """

    key = models.CharField(
        _("key"), max_length=200, blank=True, help_text=_("Names what the mail is for; the same key is sent once.")
    )
    from_email = models.CharField(_("from"), max_length=254)
    to = models.JSONField(_("to"), default=list)
    subject = models.TextField(_("subject"))
    body = models.TextField(_("text"))
    html = models.TextField(_("HTML"), blank=True)
    headers = models.JSONField(_("headers"), default=dict, blank=True)
    attachments = models.JSONField(_("attachments"), default=list, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=MailStatus, default=MailStatus.PENDING)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    created = models.DateTimeField(_("created"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    next_attempt_at = models.DateTimeField(
        _("next attempt"), null=True, blank=True, default=timezone.now, help_text=_("Empty: not tried by itself.")
    )
    failing_since = models.DateTimeField(_("failing since"), null=True, blank=True)
    # A sender that claimed the row and is sending it; another sender leaves it alone until then (or takes it over
    # once the time is past: the first died mid-send).
    claimed_until = models.DateTimeField(_("being sent until"), null=True, blank=True)

    objects = OutgoingMailQuerySet.as_manager()

    class Meta:
        verbose_name = _("outgoing e-mail")
        verbose_name_plural = _("outgoing e-mails")
        ordering = ["-created", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["key"], condition=~Q(key=""), name="unique_outgoing_mail_key"),
        ]
        indexes = [
            models.Index(fields=["status", "id"], condition=~Q(status=MailStatus.SENT), name="outgoing_mail_unsent"),
        ]

    def __str__(self):
        return f"{self.subject} -> {', '.join(self.to)} ({self.status})"
