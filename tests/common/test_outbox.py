"""The mail outbox: written with the change that causes it, sent after commit, once, and retried when it failed."""

import datetime
import smtplib
import time
from email.mime.text import MIMEText
from io import StringIO

import pytest
from django.core import mail
from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.core.mail.backends.base import BaseEmailBackend
from django.core.management import CommandError, call_command
from django.db import transaction
from django.db.models import F
from django.urls import reverse

from common.models import MailStatus, OutgoingMail
from common.outbox import (
    RETRY_FOR,
    deliver_pending_mail_with_backoff,
    enqueue_mail,
    enqueue_mails,
    message_of,
    retry_delay,
)

pytestmark = pytest.mark.django_db


class RefusingBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        raise smtplib.SMTPDataError(451, b"Try again later")


def message(to="someone@example.org", subject="Hello"):
    return EmailMessage(subject=subject, body="Body", from_email="portal@example.org", to=[to])


def test_nothing_is_sent_before_commit_and_everything_after(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        row = enqueue_mail(message())
        assert mail.outbox == [] and row.status == MailStatus.PENDING
    row.refresh_from_db()
    assert row.status == MailStatus.SENT and row.sent_at is not None and row.attempts == 1
    assert [sent.to for sent in mail.outbox] == [["someone@example.org"]]


def test_a_rolled_back_change_writes_and_sends_nothing(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError), transaction.atomic():
        enqueue_mail(message())
        raise RuntimeError("the change failed")
    assert not OutgoingMail.objects.exists() and mail.outbox == []


def test_a_crash_between_commit_and_sending_leaves_the_mail_pending_and_a_rerun_sends_it_once(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=False):  # the process dies before its on-commit hook runs
        enqueue_mail(message())
    assert OutgoingMail.objects.get().status == MailStatus.PENDING and mail.outbox == []

    out = StringIO()
    call_command("send_outbox", stdout=out)
    call_command("send_outbox", stdout=out)

    assert len(mail.outbox) == 1
    assert "Sent 1 e-mail(s)" in out.getvalue() and "Sent 0 e-mail(s)" in out.getvalue()


def test_the_same_key_is_written_and_sent_once(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        first = enqueue_mail(message(), key="invitation:1")
    with django_capture_on_commit_callbacks(execute=True):
        again = enqueue_mail(message(subject="Changed"), key="invitation:1")
    assert first.pk == again.pk and OutgoingMail.objects.count() == 1
    assert [sent.subject for sent in mail.outbox] == ["Hello"]


def time_passes(delta: datetime.timedelta) -> None:
    """Move the outbox's clock marks back, as if ``delta`` had passed."""
    OutgoingMail.objects.filter(next_attempt_at__isnull=False).update(next_attempt_at=F("next_attempt_at") - delta)
    OutgoingMail.objects.filter(failing_since__isnull=False).update(failing_since=F("failing_since") - delta)


def test_retries_back_off_from_a_minute_to_an_hour():
    minutes = [retry_delay(attempts) / datetime.timedelta(minutes=1) for attempts in range(1, 10)]
    assert minutes == [1, 2, 4, 8, 16, 32, 60, 60, 60]


def test_a_refused_mail_is_kept_with_its_error_and_retried_later_each_time_never_parked(
    settings, django_capture_on_commit_callbacks
):
    """Five quick failures used to park a mail for good: a 20-minute outage stranded everything written during it."""
    settings.EMAIL_BACKEND = f"{__name__}.RefusingBackend"
    with django_capture_on_commit_callbacks(execute=True):
        enqueue_mails([(message(), "")])
    row = OutgoingMail.objects.get()
    assert row.status == MailStatus.FAILED and "SMTPDataError" in row.last_error
    assert row.failing_since is not None and row.next_attempt_at > row.failing_since

    assert deliver_pending_mail_with_backoff().failed == 0  # not due yet: it waits a minute
    for attempt in range(1, 9):
        time_passes(retry_delay(attempt))
        assert deliver_pending_mail_with_backoff().failed == 1
    row.refresh_from_db()
    assert row.attempts == 9 and row.status == MailStatus.FAILED

    # The outage ends: the next due attempt sends it, once.
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    time_passes(retry_delay(9))
    assert deliver_pending_mail_with_backoff().sent == 1
    assert deliver_pending_mail_with_backoff().sent == 0
    row.refresh_from_db()
    assert row.status == MailStatus.SENT and row.failing_since is None and row.last_error == ""
    assert len(mail.outbox) == 1


def test_a_mail_failing_for_days_is_no_longer_tried_by_itself_but_stays_failing_until_sent_again(
    settings, client, admin_user, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = f"{__name__}.RefusingBackend"
    with django_capture_on_commit_callbacks(execute=True):
        enqueue_mail(message(subject="Invitation"))
    time_passes(RETRY_FOR)
    deliver_pending_mail_with_backoff()
    row = OutgoingMail.objects.get()
    assert row.status == MailStatus.FAILED and row.next_attempt_at is None
    time_passes(datetime.timedelta(days=30))
    assert deliver_pending_mail_with_backoff().failed == 0
    assert list(OutgoingMail.objects.failing()) == [row]
    with pytest.raises(CommandError, match="no longer tried by itself"):
        call_command("send_outbox", stdout=StringIO())

    client.force_login(admin_user)
    changelist = reverse("admin:common_outgoingmail_changelist")
    page = client.get(changelist, {"failing": "given_up"})
    assert page.status_code == 200 and "Invitation" in page.text and "SMTPDataError" in page.text
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(changelist, {"action": "send_again", "_selected_action": [row.pk]})
    assert response.status_code == 302
    row.refresh_from_db()
    assert row.status == MailStatus.SENT and [sent.subject for sent in mail.outbox] == ["Invitation"]
    call_command("send_outbox", stdout=StringIO())  # nothing failing: no error


def test_send_outbox_exits_with_an_error_saying_how_many_fail_and_why(settings):
    settings.EMAIL_BACKEND = f"{__name__}.RefusingBackend"
    enqueue_mails([(message(to="a@example.org"), ""), (message(to="b@example.org"), "")], deliver_after_commit=False)
    out = StringIO()
    with pytest.raises(CommandError) as failure:
        call_command("send_outbox", stdout=out)
    assert "Sent 0 e-mail(s); 2 failed" in out.getvalue()
    assert "2 e-mail(s) failing" in str(failure.value) and "2 x SMTPDataError: (451, b'Try again later')" in str(
        failure.value
    )
    assert failure.value.returncode == 1


def test_alternatives_and_attachments_survive_the_outbox():
    original = EmailMultiAlternatives(
        "Invitation", "Text", "portal@example.org", ["a@example.org"], headers={"X-A": "1"}
    )
    original.attach_alternative("<p>HTML</p>", "text/html")
    original.attach("notes.txt", "Привет", "text/plain")
    original.attach("data.bin", b"\x00\x01\x02", "application/octet-stream")
    ics = MIMEText("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", "calendar", "utf-8")
    ics.set_param("method", "REQUEST")
    ics.add_header("Content-Disposition", "attachment", filename="meeting-1.ics")
    original.attach(ics)

    rebuilt = message_of(enqueue_mail(original))

    assert (rebuilt.subject, rebuilt.body, rebuilt.to, rebuilt.extra_headers) == (
        "Invitation",
        "Text",
        ["a@example.org"],
        {"X-A": "1"},
    )
    assert rebuilt.alternatives == [("<p>HTML</p>", "text/html")]
    parts = {part.get_filename(): part for part in rebuilt.message().walk() if part.get_filename()}
    assert parts["notes.txt"].get_payload(decode=True).decode() == "Привет"
    assert parts["data.bin"].get_payload(decode=True) == b"\x00\x01\x02"
    assert parts["meeting-1.ics"].get_param("method") == "REQUEST"
    assert b"BEGIN:VCALENDAR" in parts["meeting-1.ics"].get_payload(decode=True)


@pytest.mark.django_db(transaction=True)
def test_a_password_reset_is_answered_before_its_mail_is_sent_in_the_background(client, django_user_model):
    django_user_model.objects.create_user("reader", "reader@example.org", "a long passphrase 42")
    response = client.post(reverse("password_reset"), {"email": "reader@example.org"})
    assert response.status_code == 302
    for _wait in range(50):
        if mail.outbox:
            break
        time.sleep(0.1)
    assert [sent.to for sent in mail.outbox] == [["reader@example.org"]]
    assert OutgoingMail.objects.get().status == MailStatus.SENT


def test_the_admin_lists_outgoing_mail_read_only(client, admin_user):
    enqueue_mail(message(subject="Minutes published"))
    client.force_login(admin_user)
    page = client.get(reverse("admin:common_outgoingmail_changelist"))
    assert page.status_code == 200 and "Minutes published" in page.text
    row = OutgoingMail.objects.get()
    assert client.get(reverse("admin:common_outgoingmail_add")).status_code == 403
    detail = client.get(reverse("admin:common_outgoingmail_change", args=[row.pk]))
    assert detail.status_code == 200 and 'name="subject"' not in detail.text
