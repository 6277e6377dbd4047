"""A mail server that accepts the connection and never answers: no page hangs, send_outbox returns with an error,
the password-reset thread ends, and once the server is back each waiting mail goes out exactly once."""

import runpy
import socket
import threading
from io import StringIO
from pathlib import Path

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from common.models import MailStatus, OutgoingMail
from common.outbox import BACKGROUND_THREAD_NAME, enqueue_mails
from coordination import settings as settings_module
from tests.meetings.test_notifications import invited_meeting, message_texts
from tests.stakeholders.factories import participant_user

pytestmark = pytest.mark.django_db

# The silent server hangs up after this long, so that a sender without a timeout fails the test instead of hanging it.
HANG_UP_AFTER = 15


class SilentSmtpServer:
    """Listens on 127.0.0.1, accepts every connection and never says a word (no greeting, no reply)."""

    def __init__(self):
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.accepted: list[socket.socket] = []
        self.stopped = threading.Event()
        self.thread = threading.Thread(target=self._accept, name="silent-smtp", daemon=True)
        self.thread.start()

    def _accept(self):
        self.listener.settimeout(0.2)
        while not self.stopped.is_set():
            try:
                connection, _address = self.listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self.accepted.append(connection)
            threading.Timer(HANG_UP_AFTER, connection.close).start()

    def stop(self):
        self.stopped.set()
        self.thread.join()
        self.listener.close()
        for connection in self.accepted:
            connection.close()


@pytest.fixture
def silent_server(settings):
    server = SilentSmtpServer()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", server.port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    yield server
    server.stop()


def the_server_comes_back(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


def test_sending_invitations_to_a_silent_server_answers_and_leaves_the_mail_waiting(
    client, secretariat, silent_server, django_capture_on_commit_callbacks
):
    meeting = invited_meeting(named=3)
    client.force_login(secretariat)

    with django_capture_on_commit_callbacks(execute=True):  # the request's commit, then sending
        response = client.post(reverse("meetings:meeting-send-invitations", args=[meeting.pk]), {"back": "invitations"})

    assert response.status_code == 302
    assert "The mail server did not answer; 3 messages will be sent automatically when it does." in message_texts(
        response
    )
    assert len(silent_server.accepted) == 1  # one connection tried, the rest not waited for
    rows = list(OutgoingMail.objects.order_by("id"))
    assert [row.status for row in rows] == [MailStatus.FAILED, MailStatus.PENDING, MailStatus.PENDING]
    assert all("timed out" in row.last_error and row.failing_since for row in rows)
    page = client.get(reverse("meetings:meeting-invitations", args=[meeting.pk]))
    assert page.status_code == 200 and page.text.count("failing since") == 3


def test_send_outbox_gives_up_on_a_silent_server_with_an_error_and_later_sends_each_mail_once(settings, silent_server):
    settings.EMAIL_TIMEOUT = 1
    addresses = ["a@example.org", "b@example.org", "c@example.org"]
    enqueue_mails(
        [(mail.EmailMessage("Invitation", "Body", "portal@example.org", [to]), "") for to in addresses],
        deliver_after_commit=False,
    )
    with pytest.raises(CommandError) as failure:  # without a timeout, this waited until the server hung up
        call_command("send_outbox", stdout=StringIO())
    assert failure.value.returncode == 1 and "3 e-mail(s) failing" in str(failure.value)
    assert "timed out" in str(failure.value) and len(silent_server.accepted) == 1
    assert sorted(OutgoingMail.objects.values_list("status", flat=True)) == ["failed", "pending", "pending"]

    the_server_comes_back(settings)
    with pytest.raises(CommandError, match="1 e-mail"):  # the one that failed waits for its next attempt
        call_command("send_outbox", stdout=StringIO())
    OutgoingMail.objects.filter(status=MailStatus.FAILED).update(next_attempt_at=timezone.now())
    call_command("send_outbox", stdout=StringIO())
    call_command("send_outbox", stdout=StringIO())
    assert sorted(message.to[0] for message in mail.outbox) == addresses
    assert set(OutgoingMail.objects.values_list("status", flat=True)) == {MailStatus.SENT}


@pytest.mark.django_db(transaction=True)  # the reset mail is sent from a thread, on its own connection
def test_a_password_reset_thread_ends_when_the_mail_server_does_not_answer(client, settings, silent_server):
    assert settings.EMAIL_TIMEOUT < HANG_UP_AFTER  # the portal's default: the thread gives up before the server does
    participant = participant_user(username="reader")
    assert client.post(reverse("password_reset"), {"email": participant.email}).status_code == 302
    for thread in threading.enumerate():
        if thread.name == BACKGROUND_THREAD_NAME:
            thread.join(timeout=HANG_UP_AFTER + 10)
            assert not thread.is_alive()
    row = OutgoingMail.objects.get()
    assert row.status == MailStatus.FAILED and "timed out" in row.last_error


@pytest.mark.parametrize(
    ("environment", "timeout", "in_request"),
    [
        ({}, 10, 2),
        ({"EMAIL_URL": "smtp://mail.example.org:25?timeout=5"}, 5, 2),
        ({"EMAIL_URL": "smtp://mail.example.org:25", "EMAIL_TIMEOUT": "1.5"}, 1.5, 1.5),
    ],
)
def test_every_mail_connection_has_a_timeout_from_the_environment(monkeypatch, environment, timeout, in_request):
    for name in ("EMAIL_URL", "EMAIL_TIMEOUT", "EMAIL_TIMEOUT_IN_REQUEST"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    loaded = runpy.run_path(str(Path(settings_module.__file__)))
    assert (loaded["EMAIL_TIMEOUT"], loaded["EMAIL_TIMEOUT_IN_REQUEST"]) == (timeout, in_request)
    assert "OPTIONS" not in loaded
