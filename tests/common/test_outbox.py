"""The mail outbox: written with the change that causes it, sent after commit, once, and retried when it failed."""

import smtplib
import time
from email.mime.text import MIMEText
from io import StringIO

import pytest
from django.core import mail
from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.core.mail.backends.base import BaseEmailBackend
from django.core.management import call_command
from django.db import transaction
from django.urls import reverse

from common.models import MailStatus, OutgoingMail
from common.outbox import MAX_ATTEMPTS, deliver_pending, enqueue_mail, enqueue_mails, message_of

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


def test_a_refused_mail_is_kept_with_its_error_and_retried_until_the_limit(
    settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = f"{__name__}.RefusingBackend"
    reports = []
    with django_capture_on_commit_callbacks(execute=True):
        enqueue_mails([(message(), "")], on_delivered=reports.append)
    [[row]] = reports
    assert row.status == MailStatus.FAILED and "SMTPDataError" in row.last_error
    for _attempt in range(MAX_ATTEMPTS):
        deliver_pending()
    row.refresh_from_db()
    assert row.attempts == MAX_ATTEMPTS
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert deliver_pending() == (0, 0)  # given up: an admin sends it again by hand
    assert mail.outbox == []


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
