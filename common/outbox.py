"""Mail after commit: every e-mail the portal sends is first a row of ``OutgoingMail``.

A change that causes mail (invitations sent, minutes published, reminders, account invitations, a password reset)
writes its messages with ``enqueue_mail``/``enqueue_mails`` inside its own transaction, so a rolled-back change sends
nothing. Once that transaction commits, a job of the task queue (``common.tasks.deliver_mail``, run by
``manage.py procrastinate worker``) sends them: no page ever talks to the mail server. The worker's
``sweep_outbox`` (every minute) sends whatever else is due: a crash before the job was deferred, a failed mail whose
next attempt has come, a row whose sender died mid-send once its claim lease has run out.

A sender claims a few rows at a time in a short transaction (``SELECT ... FOR UPDATE SKIP LOCKED``, then a claim
stamp valid for ``CLAIM_LEASE``, commit), sends them with no transaction or lock open, and records each outcome at
once, so two senders (two workers, a retried job, the sweep) never deliver one row twice; a row whose key was used
before is never written again, so retrying the change that caused it sends nothing new. The only duplicate left is
the classic one: the SMTP server accepted a message and the process died before its row was marked sent.

Every connection to the mail server has a timeout (``EMAIL_TIMEOUT``), and a run stops at the first sign that the
server is down: the rest waits for the sweep. A failed mail is tried again later each time (``retry_delay``).
"""

import base64
import datetime
import email
import email.message
import logging
import smtplib
from collections.abc import Iterable
from dataclasses import dataclass
from email.mime.base import MIMEBase
from email.policy import compat32

from django.core.mail import BadHeaderError, EmailMessage, EmailMultiAlternatives, get_connection
from django.db import transaction
from django.db.models import Q
from django.db.models.functions import Coalesce
from django.utils import timezone

from common.models import MailStatus, OutgoingMail
from common.queue import defer_on_commit
from common.retries import retry_delay

logger = logging.getLogger(__name__)

# A failed mail is tried again after 1 minute, then 2, 4, ... at most every hour, for RETRY_FOR; after that it is
# no longer tried by itself but stays failed (send_outbox exits with an error) until someone sends it again.
RETRY_FOR = datetime.timedelta(days=3)
# Rows are claimed this many at a time, for this long: a sender that died mid-send leaves them to others after it.
CLAIM_BATCH = 10
CLAIM_LEASE = datetime.timedelta(minutes=30)
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


def enqueue_mail(message: EmailMessage, *, key: str = "") -> OutgoingMail:
    """Write one message to the outbox (see ``enqueue_mails``)."""
    return enqueue_mails([(message, key)])[0]


def enqueue_mails(
    messages: Iterable[tuple[EmailMessage, str]], *, deliver_after_commit: bool = True
) -> list[OutgoingMail]:
    """Write messages, each with its key ("" for none), to the outbox; once the transaction commits, a job of the
    task queue sends them (``common.tasks.deliver_mail``).

    A message whose key is already in the outbox is not written again: its existing row is returned instead.
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
    if deliver_after_commit:
        deliver_after_commit_of([row.pk for row in rows if row.status != MailStatus.SENT])
    return rows


def deliver_after_commit_of(pks: list[int]) -> None:
    """Once the current transaction commits, have the worker send these rows (those still unsent then)."""
    from common.tasks import deliver_mail  # common.tasks imports this module

    if pks:
        defer_on_commit(deliver_mail, mail_ids=list(dict.fromkeys(pks)))


@dataclass
class DeliveryRun:
    """What one attempt to send a batch did. ``server_error`` is set when it stopped because the mail server could
    not be reached or did not answer: the rows after that one were not tried and wait for the next run."""

    sent: int = 0
    failed: int = 0
    server_error: str = ""


def deliver(pks: Iterable[int], *, timeout: float | None = None) -> DeliveryRun:
    """Try to send the given rows that are unsent and not being sent by another sender, on one connection.

    Rows are claimed a few at a time (a short transaction: lock them with SKIP LOCKED, mark them claimed, commit),
    sent with no transaction or lock open, and each outcome is recorded as soon as it is known. A message the server
    refuses fails alone and the next goes on a fresh connection; when the server cannot be reached or does not answer
    within ``timeout`` seconds (default ``settings.EMAIL_TIMEOUT``), the run stops there and the rows not tried yet
    keep their turn, with that error, for the next run.
    """
    wanted = list(dict.fromkeys(pks))
    run = DeliveryRun()
    if not wanted:
        return run
    connection = get_connection(fail_silently=False, timeout=timeout)
    try:
        for start in range(0, len(wanted), CLAIM_BATCH):
            claimed = _claim(wanted[start : start + CLAIM_BATCH])
            for position, mail in enumerate(claimed):
                error, server_down = _send(connection, mail)
                if error is None:
                    run.sent += 1
                    continue
                run.failed += 1
                _record_failure(mail, error)
                if server_down:
                    run.server_error = _describe(error)
                    logger.warning("The mail server did not answer (%s): the rest waits for the next run", error)
                    _leave_for_later(
                        claimed=[row.pk for row in claimed[position + 1 :]],
                        unclaimed=wanted[start + CLAIM_BATCH :],
                        error=run.server_error,
                    )
                    return run
    finally:
        _close_quietly(connection)
    return run


def _unclaimed(now) -> Q:
    return Q(claimed_until__isnull=True) | Q(claimed_until__lt=now)


def _claim(pks: list[int]) -> list[OutgoingMail]:
    now = timezone.now()
    with transaction.atomic():
        rows = list(
            OutgoingMail.objects.select_for_update(skip_locked=True)
            .filter(_unclaimed(now), pk__in=pks)
            .exclude(status=MailStatus.SENT)
            .order_by("id")
        )
        OutgoingMail.objects.filter(pk__in=[row.pk for row in rows]).update(claimed_until=now + CLAIM_LEASE)
    return rows


def _send(connection, mail: OutgoingMail) -> tuple[Exception | None, bool]:
    """Send one claimed row and record it sent; or return the error and whether the server itself is down."""
    try:
        connection.open()  # a no-op while open; after a failure closed it, a fresh connection
    except SEND_ERRORS as error:
        return error, True
    try:
        _send_on(connection, mail)
    except SEND_ERRORS as error:
        logger.warning("Could not send e-mail %s to %s: %s", mail.pk, ", ".join(mail.to), error)
        _close_quietly(connection)  # the server may have dropped it: the next message opens a fresh one
        return error, _server_down(error)
    now = timezone.now()
    OutgoingMail.objects.filter(pk=mail.pk).update(
        status=MailStatus.SENT,
        attempts=mail.attempts + 1,
        last_error="",
        sent_at=now,
        next_attempt_at=None,
        failing_since=None,
        claimed_until=None,
    )
    return None, False


def _server_down(error: Exception) -> bool:
    """Whether the error is the server's silence or absence (a timeout, a refused or reset connection), which every
    further message would meet too, rather than the refusal of this one message or a dropped connection."""
    seen, depth = error, 0
    while seen is not None and depth < 10:
        if isinstance(seen, TimeoutError):  # smtplib reports a timeout as SMTPServerDisconnected from it
            return True
        seen, depth = seen.__cause__ or seen.__context__, depth + 1
    return isinstance(error, OSError) and not isinstance(error, smtplib.SMTPException)


def _describe(error: Exception) -> str:
    return f"{type(error).__name__}: {error}"[:2000]


def _record_failure(mail: OutgoingMail, error: Exception) -> None:
    now = timezone.now()
    attempts = mail.attempts + 1
    failing_since = mail.failing_since or now
    retrying = now - failing_since < RETRY_FOR
    OutgoingMail.objects.filter(pk=mail.pk).update(
        status=MailStatus.FAILED,
        attempts=attempts,
        last_error=_describe(error),
        failing_since=failing_since,
        next_attempt_at=now + retry_delay(attempts) if retrying else None,
        claimed_until=None,
    )


def _leave_for_later(*, claimed: list[int], unclaimed: list[int], error: str) -> None:
    """The rows a stopped run did not try: released, with the error that stopped it, due as they were."""
    now = timezone.now()
    OutgoingMail.objects.filter(Q(pk__in=claimed) | Q(_unclaimed(now), pk__in=unclaimed)).exclude(
        status=MailStatus.SENT
    ).update(last_error=error, failing_since=Coalesce("failing_since", now), claimed_until=None)


def _send_on(connection, mail: OutgoingMail) -> None:
    message = message_of(mail)
    message.connection = connection
    message.send()


def _close_quietly(connection) -> None:
    try:
        connection.close()
    except SEND_ERRORS:
        logger.warning("The mail connection did not close cleanly", exc_info=True)


def deliver_pending_mail_with_backoff(*, limit: int = 1000, timeout: float | None = None) -> DeliveryRun:
    """Send the mail that is due: never tried, or failed and its next attempt has come (``retry_delay``).

    What the worker's ``sweep_outbox`` runs every minute (and ``send_outbox`` by hand): each call claims what it
    sends, so several may run at once.
    """
    now = timezone.now()
    pks = list(
        OutgoingMail.objects.exclude(status=MailStatus.SENT)
        .filter(_unclaimed(now), next_attempt_at__lte=now)
        .order_by("next_attempt_at", "id")
        .values_list("pk", flat=True)[:limit]
    )
    return deliver(pks, timeout=timeout)


def send_again(pks: Iterable[int]) -> int:
    """Make the given unsent rows due now (failed ones too, given up or not) and have the worker send them after
    commit. Returns how many rows that is."""
    unsent = list(
        OutgoingMail.objects.filter(pk__in=list(pks)).exclude(status=MailStatus.SENT).values_list("pk", flat=True)
    )
    OutgoingMail.objects.filter(pk__in=unsent).update(next_attempt_at=timezone.now())
    deliver_after_commit_of(unsent)
    return len(unsent)
