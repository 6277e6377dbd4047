"""A mail server that accepts the connection and never answers: no page waits for it (pages never talk to the mail
server), the worker's jobs and send_outbox give up with an error, and once the server is back each waiting mail
goes out exactly once, by the worker's sweep, with no one pressing anything."""

import runpy
import socket
import threading
import time
from io import StringIO
from pathlib import Path

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.db import connection
from django.urls import reverse
from django.utils import timezone
from procrastinate.contrib.django.models import ProcrastinateJob

from common import tasks
from common.models import MailStatus, OutgoingMail
from common.outbox import enqueue_mails
from common.roles import sync_roles
from coordination import settings as settings_module
from tests.meetings.page_forms import confirm_send
from tests.meetings.test_notifications import invited_meeting, message_texts
from tests.stakeholders.factories import participant_user, secretariat_user

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
        for accepted in self.accepted:
            accepted.close()


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


@pytest.mark.django_db(transaction=True)  # real commits: the job is deferred as in production
def test_sending_invitations_with_a_silent_server_answers_at_once_and_the_worker_sends_when_it_is_back(
    client, settings, silent_server
):
    settings.TASKS_RUN_IN_PROCESS = False  # the job goes to the queue, as in production
    settings.EMAIL_TIMEOUT = 1
    sync_roles()  # a transactional test starts from an empty database
    meeting = invited_meeting(named=3)
    client.force_login(secretariat_user(username="convener"))

    response = confirm_send(client, reverse("meetings:meeting-send-invitations", args=[meeting.pk]), back="invitations")

    assert response.status_code == 302
    assert "The invitation is being sent to 3 people." in message_texts(response)
    assert silent_server.accepted == []  # the request never talked to the mail server
    rows = list(OutgoingMail.objects.order_by("id"))
    [job] = ProcrastinateJob.objects.filter(task_name="common.deliver_mail", args={"mail_ids": [r.pk for r in rows]})
    assert job.status == "todo"

    tasks.deliver_mail(**job.args)  # the worker runs the job: the server does not answer within EMAIL_TIMEOUT
    assert len(silent_server.accepted) == 1  # one connection tried, the rest not waited for
    assert [row.status for row in OutgoingMail.objects.order_by("id")] == [
        MailStatus.FAILED,
        MailStatus.PENDING,
        MailStatus.PENDING,
    ]
    page = client.get(reverse("meetings:meeting-invitations", args=[meeting.pk]))
    assert page.status_code == 200 and page.text.count("failing since") == 3

    the_server_comes_back(settings)
    OutgoingMail.objects.filter(status=MailStatus.FAILED).update(next_attempt_at=timezone.now())  # a minute later
    tasks.sweep_outbox(timestamp=int(time.time()))  # the worker's periodic sweep, every minute
    tasks.sweep_outbox(timestamp=int(time.time()))
    assert sorted(message.to[0] for message in mail.outbox) == sorted(address for row in rows for address in row.to)
    assert set(OutgoingMail.objects.values_list("status", flat=True)) == {MailStatus.SENT}
    with connection.cursor() as cursor:  # procrastinate's table is not flushed between tests
        cursor.execute("DELETE FROM procrastinate_jobs WHERE id = %s", [job.pk])


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


@pytest.mark.django_db(transaction=True)
def test_a_password_reset_answers_without_waiting_for_a_silent_mail_server(client, settings, silent_server):
    settings.TASKS_RUN_IN_PROCESS = False
    participant = participant_user(username="reader")
    assert client.post(reverse("password_reset"), {"email": participant.email}).status_code == 302
    assert silent_server.accepted == []  # no thread, no connection: the worker sends it
    row = OutgoingMail.objects.get()
    assert row.status == MailStatus.PENDING
    [job] = ProcrastinateJob.objects.filter(task_name="common.deliver_mail", args={"mail_ids": [row.pk]})
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM procrastinate_jobs WHERE id = %s", [job.pk])


@pytest.mark.parametrize(
    ("environment", "timeout"),
    [
        ({}, 10),
        ({"EMAIL_URL": "smtp://mail.example.org:25?timeout=5"}, 5),
        ({"EMAIL_URL": "smtp://mail.example.org:25", "EMAIL_TIMEOUT": "1.5"}, 1.5),
    ],
)
def test_every_mail_connection_has_a_timeout_from_the_environment(monkeypatch, environment, timeout):
    for name in ("EMAIL_URL", "EMAIL_TIMEOUT"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    loaded = runpy.run_path(str(Path(settings_module.__file__)))
    assert loaded["EMAIL_TIMEOUT"] == timeout
    assert "OPTIONS" not in loaded
