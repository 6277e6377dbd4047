"""Mail after commit: every e-mail the portal sends is first a row of ``OutgoingMail``.

A change that causes mail (invitations sent, minutes published, a password reset) writes its messages with
``enqueue_mail``/``enqueue_mails`` inside its own transaction, so a rolled-back change sends nothing. Delivery
starts once that transaction commits (``transaction.on_commit``), with no lock of the change still held, and
``manage.py send_outbox`` (run by cron) sends whatever a crash or a mail-server failure left behind.

Each row is claimed with ``SELECT ... FOR UPDATE SKIP LOCKED`` and marked sent in the same short transaction, so
two senders never deliver one row twice; a row whose key was used before is never written again, so retrying the
change that caused it sends nothing new. The only duplicate left is the classic one: the SMTP server accepted a
message and the process died before its row was marked sent.
"""

import base64
import email
import email.message
import logging
import smtplib
import threading
from collections.abc import Callable, Iterable
from email.mime.base import MIMEBase
from email.policy import compat32

from django.core.mail import BadHeaderError, EmailMessage, EmailMultiAlternatives, get_connection
from django.db import connections, transaction
from django.utils import timezone

from common.models import MailStatus, OutgoingMail

logger = logging.getLogger(__name__)

# After this many failed attempts a row is left alone (shown as failed) until someone resets it in the admin.
MAX_ATTEMPTS = 5
# What one failed message may raise: SMTP refusals (SMTPException is an OSError), network errors, and a header
# Django refuses to put in a message.
SEND_ERRORS = (smtplib.SMTPException, OSError, BadHeaderError)


class _StoredPart(MIMEBase):
    """A MIME part read back from the outbox, so Django attaches it as it was built (with its parameters)."""

    def __init__(self, policy=None):
        email.message.Message.__init__(self, policy=policy or compat32)


def _attachment_to_json(attachment) -> dict:
    if isinstance(attachment, MIMEBase):
        return {"mime": base64.b64encode(attachment.as_bytes()).decode("ascii")}
    filename, content, mimetype = attachment
    if isinstance(content, bytes):
        return {"filename": filename, "base64": base64.b64encode(content).decode("ascii"), "mimetype": mimetype}
    return {"filename": filename, "text": content, "mimetype": mimetype}


def _attachment_from_json(stored: dict):
    if "mime" in stored:
        return email.message_from_bytes(base64.b64decode(stored["mime"]), _class=_StoredPart)
    content = base64.b64decode(stored["base64"]) if "base64" in stored else stored["text"]
    return (stored["filename"], content, stored["mimetype"])


def _row_for(message: EmailMessage, key: str) -> OutgoingMail:
    html = next((content for content, mimetype in getattr(message, "alternatives", []) if mimetype == "text/html"), "")
    return OutgoingMail(
        key=key,
        from_email=message.from_email,
        to=[*message.to, *message.cc, *message.bcc],
        subject=message.subject,
        body=message.body,
        html=html,
        headers=dict(message.extra_headers),
        attachments=[_attachment_to_json(attachment) for attachment in message.attachments],
    )


def message_of(mail: OutgoingMail) -> EmailMultiAlternatives:
    """The Django message a row stands for, ready to send."""
    message = EmailMultiAlternatives(
        subject=mail.subject, body=mail.body, from_email=mail.from_email, to=mail.to, headers=mail.headers
    )
    if mail.html:
        message.attach_alternative(mail.html, "text/html")
    for stored in mail.attachments:
        attachment = _attachment_from_json(stored)
        if isinstance(attachment, MIMEBase):
            message.attach(attachment)
        else:
            message.attach(*attachment)
    return message


# The name of the threads that send in the background (tests wait for them, so no mail lands in a later test).
BACKGROUND_THREAD_NAME = "outbox-delivery"


def enqueue_mail(message: EmailMessage, *, key: str = "", in_background: bool = False) -> OutgoingMail:
    """Write one message to the outbox (see ``enqueue_mails``).

    ``in_background`` sends it from a thread after commit, so the response does not wait for the mail server: its
    timing then says nothing about whether a mail was written (a password reset for an unknown address).
    """
    if not in_background:
        return enqueue_mails([(message, key)])[0]
    [row] = enqueue_mails([(message, key)], deliver_after_commit=False)
    transaction.on_commit(
        lambda: threading.Thread(
            target=_deliver_in_thread, args=([row.pk],), name=BACKGROUND_THREAD_NAME, daemon=True
        ).start()
    )
    return row


def _deliver_in_thread(pks: list[int]) -> None:
    try:
        deliver(pks)
    except Exception:  # the row stays in the outbox for send_outbox
        logger.exception("Delivering e-mails %s in the background failed", pks)
    finally:
        connections.close_all()  # this thread's own database connection


def enqueue_mails(
    messages: Iterable[tuple[EmailMessage, str]],
    *,
    on_delivered: Callable[[list[OutgoingMail]], None] | None = None,
    deliver_after_commit: bool = True,
) -> list[OutgoingMail]:
    """Write messages, each with its key ("" for none), to the outbox; they are sent after the transaction commits.

    A message whose key is already in the outbox is not written again: its existing row is returned instead.
    ``on_delivered(rows)``, if given, runs after the attempt to send, with the rows' final state.
    """
    wanted = [(message, key) for message, key in messages]
    keys = [key for _message, key in wanted if key]
    existing = {mail.key: mail for mail in OutgoingMail.objects.filter(key__in=keys)} if keys else {}
    new_rows = [_row_for(message, key) for message, key in wanted if not key or key not in existing]
    OutgoingMail.objects.bulk_create([row for row in new_rows if not row.key])
    keyed = [row for row in new_rows if row.key]
    if keyed:
        # A concurrent transaction may have written the same key meanwhile: keep its row, not a second one.
        OutgoingMail.objects.bulk_create(keyed, ignore_conflicts=True)
        existing |= {mail.key: mail for mail in OutgoingMail.objects.filter(key__in=[row.key for row in keyed])}
    unkeyed = iter(row for row in new_rows if not row.key)
    rows = [existing[key] if key else next(unkeyed) for _message, key in wanted]
    if rows and deliver_after_commit:
        transaction.on_commit(lambda: _deliver_and_report(rows, on_delivered))
    return rows


def _deliver_and_report(rows: list[OutgoingMail], on_delivered) -> None:
    try:
        deliver(row.pk for row in rows if row.status != MailStatus.SENT)
    except Exception:  # the change is committed whatever happens to its mail; send_outbox tries again
        logger.exception("Delivering %d e-mails failed; they stay in the outbox", len(rows))
    if on_delivered is not None:
        fresh = OutgoingMail.objects.in_bulk([row.pk for row in rows])
        on_delivered([fresh[row.pk] for row in rows])


def deliver(pks: Iterable[int]) -> tuple[int, int]:
    """Try to send the given rows that are still unsent, on one connection. Returns (sent, failed)."""
    pks = list(pks)
    if not pks:
        return 0, 0
    connection = get_connection(fail_silently=False)
    try:
        connection.open()
    except SEND_ERRORS as error:
        logger.warning("Could not connect to the mail server: %s", error)
        unreachable = error
    else:
        unreachable = None
    sent = failed = 0
    try:
        for pk in pks:
            outcome = _send_one(pk, connection, unreachable)
            sent += outcome is MailStatus.SENT
            failed += outcome is MailStatus.FAILED
    finally:
        _close_quietly(connection)
    return sent, failed


def _send_one(pk: int, connection, unreachable: Exception | None) -> MailStatus | None:
    with transaction.atomic():
        mail = (
            OutgoingMail.objects.select_for_update(skip_locked=True)
            .filter(pk=pk, status__in=[MailStatus.PENDING, MailStatus.FAILED])
            .first()
        )
        if mail is None:  # sent already, or being sent by someone else right now
            return None
        mail.attempts += 1
        try:
            if unreachable is not None:
                raise unreachable
            _send_on(connection, mail)
        except SEND_ERRORS as error:
            logger.warning("Could not send e-mail %s to %s: %s", mail.pk, ", ".join(mail.to), error)
            mail.status, mail.last_error = MailStatus.FAILED, f"{type(error).__name__}: {error}"[:2000]
            _close_quietly(connection)  # the server may have dropped it: the next message opens a fresh one
        else:
            mail.status, mail.last_error, mail.sent_at = MailStatus.SENT, "", timezone.now()
        mail.save(update_fields=["status", "attempts", "last_error", "sent_at"])
        return mail.status


def _send_on(connection, mail: OutgoingMail) -> None:
    message = message_of(mail)
    message.connection = connection
    message.send()


def _close_quietly(connection) -> None:
    try:
        connection.close()
    except SEND_ERRORS:
        logger.warning("The mail connection did not close cleanly", exc_info=True)


def deliver_pending(*, limit: int = 1000) -> tuple[int, int]:
    """Send what is still waiting: pending rows, and failed ones with attempts left. Returns (sent, failed)."""
    pks = list(
        OutgoingMail.objects.exclude(status=MailStatus.SENT)
        .filter(attempts__lt=MAX_ATTEMPTS)
        .order_by("id")
        .values_list("pk", flat=True)[:limit]
    )
    return deliver(pks)
