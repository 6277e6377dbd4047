"""The task queue for real: a click writes the mail and defers a job, `manage.py procrastinate worker` (a separate
process, against the test database) sends it to an SMTP server listening on 127.0.0.1; and the pieces that keep
each mail sent once: a claim lease that a dead sender's rows outlive, the sweep, the reminders' schedule."""

import datetime
import os
import signal
import socketserver
import subprocess
import sys
import threading
import time
import zoneinfo
from pathlib import Path
from urllib.parse import quote

import pytest
from django.conf import settings as django_settings
from django.core import mail
from django.db import connection, transaction
from django.urls import reverse
from django.utils import timezone
from procrastinate.contrib.django.models import ProcrastinateJob

from common import outbox, tasks
from common.models import MailStatus, OutgoingMail
from common.roles import sync_roles
from meetings import tasks as meeting_tasks
from tests.meetings.page_forms import confirm_send
from tests.meetings.test_notifications import invited_meeting
from tests.stakeholders.factories import secretariat_user

BASE_DIR = Path(__file__).resolve().parents[2]
# How long the worker may take to start and deliver before the test gives up (a bound, not a speed requirement).
DELIVERY_BOUND = 90


class SmtpSink:
    """A small SMTP server on 127.0.0.1 (in a thread) that accepts every message and keeps it."""

    def __init__(self):
        self.messages: list[dict] = []
        sink = self

        class Session(socketserver.StreamRequestHandler):
            def reply(self, line: str) -> None:
                self.wfile.write(f"{line}\r\n".encode())

            def handle(self):
                self.reply("220 sink ready")
                envelope = {"to": [], "data": b""}
                while line := self.rfile.readline():
                    verb = line.decode("ascii", "replace").strip().split(" ", 1)[0].upper()
                    if verb in ("EHLO", "HELO"):
                        self.reply("250 sink")
                    elif verb == "RCPT":
                        envelope["to"].append(line.decode().split(":", 1)[1].strip().strip("<>"))
                        self.reply("250 ok")
                    elif verb == "DATA":
                        self.reply("354 go on")
                        data = b""
                        while (chunk := self.rfile.readline()) not in (b".\r\n", b""):
                            data += chunk
                        envelope["data"] = data
                        sink.messages.append(envelope)
                        envelope = {"to": [], "data": b""}
                        self.reply("250 kept")
                    elif verb == "QUIT":
                        self.reply("221 bye")
                        return
                    else:  # MAIL, RSET, NOOP
                        self.reply("250 ok")

        self.server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Session)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, name="smtp-sink", daemon=True)
        self.thread.start()

    def stop(self):
        self.server.shutdown()
        self.server.server_close()


def database_url() -> str:
    """The test database, as a DATABASE_URL for another process (the embedded server listens on a Unix socket,
    given as ?host=)."""
    db = connection.settings_dict
    credentials = quote(db["USER"], safe="") + (f":{quote(db['PASSWORD'], safe='')}" if db["PASSWORD"] else "")
    socket_dir = (db["HOST"] or "").startswith("/")
    host = "" if socket_dir else db["HOST"] or ""
    port = f":{db['PORT']}" if db["PORT"] else ""
    query = f"?host={quote(db['HOST'])}" if socket_dir else ""
    return f"postgres://{credentials}@{host}{port}/{quote(db['NAME'], safe='')}{query}"


@pytest.fixture
def sink():
    server = SmtpSink()
    yield server
    server.stop()


@pytest.fixture
def worker(sink, tmp_path):
    """`manage.py procrastinate worker` in its own process, on the test database, sending to the sink."""
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "coordination.settings",
        "DATABASE_URL": database_url(),
        "EMAIL_URL": f"smtp://127.0.0.1:{sink.port}",
        "EMAIL_TIMEOUT": "5",
        "DEBUG": "True",
    }
    log = (tmp_path / "worker.log").open("w")
    process = subprocess.Popen(
        [sys.executable, "manage.py", "procrastinate", "worker"],
        cwd=BASE_DIR,
        env=environment,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    yield process
    process.send_signal(signal.SIGINT)  # what Ctrl-C does: running jobs finish, then the worker exits
    try:
        process.wait(timeout=40)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
    log.close()
    print((tmp_path / "worker.log").read_text())  # shown when the test fails


def wait_for(condition, worker) -> bool:
    deadline = time.monotonic() + DELIVERY_BOUND
    while time.monotonic() < deadline:
        if condition():
            return True
        assert worker.poll() is None, "the worker exited"
        time.sleep(0.2)
    return condition()


@pytest.mark.django_db(transaction=True)  # the worker, another process, sees only what the test commits
def test_a_click_on_send_invitations_is_delivered_by_the_worker_process(client, settings, sink, worker):
    settings.TASKS_RUN_IN_PROCESS = False  # the real path: a job in procrastinate's table, run by the worker
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"  # should the request send, the sink sees
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", sink.port
    sync_roles()  # a transactional test starts from an empty database
    meeting = invited_meeting(named=2)
    client.force_login(secretariat_user(username="convener"))

    response = confirm_send(client, reverse("meetings:meeting-send-invitations", args=[meeting.pk]), back="invitations")

    assert response.status_code == 302
    addresses = sorted(address for row in OutgoingMail.objects.all() for address in row.to)
    assert len(addresses) == 2
    assert wait_for(lambda: len(sink.messages) >= 2, worker), "the worker did not deliver the invitations"
    assert sorted(address for message in sink.messages for address in message["to"]) == addresses
    assert all(b"Invitation:" in message["data"] for message in sink.messages)
    assert wait_for(lambda: set(OutgoingMail.objects.values_list("status", flat=True)) == {MailStatus.SENT}, worker), (
        "the worker did not record the mail as sent"
    )
    assert len(sink.messages) == 2  # each once
    assert mail.outbox == []  # nothing was sent by the test process


@pytest.mark.django_db(transaction=True)
def test_committing_mail_defers_one_delivery_job_and_a_rollback_defers_none(settings):
    settings.TASKS_RUN_IN_PROCESS = False
    earlier = ProcrastinateJob.objects.filter(task_name="common.deliver_mail")
    before = max(earlier.values_list("id", flat=True), default=0)
    with transaction.atomic():
        [row] = outbox.enqueue_mails([(mail.EmailMessage("Hello", "Body", "p@example.org", ["a@example.org"]), "")])
    try:
        with transaction.atomic():
            outbox.enqueue_mails([(mail.EmailMessage("Hello", "Body", "p@example.org", ["b@example.org"]), "")])
            raise RuntimeError("rolled back")
    except RuntimeError:
        pass

    [job] = ProcrastinateJob.objects.filter(task_name="common.deliver_mail", id__gt=before)
    assert job.args == {"mail_ids": [row.pk]} and job.status == "todo" and job.queue_name == "mail"
    assert mail.outbox == []
    with connection.cursor() as cursor:  # procrastinate's models are read-only; its table is not flushed
        cursor.execute("DELETE FROM procrastinate_jobs WHERE id = %s", [job.pk])


@pytest.mark.django_db
def test_rows_of_a_sender_that_died_mid_send_are_sent_once_after_the_lease_not_lost_nor_doubled():
    outbox.enqueue_mails(
        [(mail.EmailMessage("Minutes", "Body", "p@example.org", [to]), "") for to in ("a@x.org", "b@x.org")],
        deliver_after_commit=False,
    )
    pks = list(OutgoingMail.objects.values_list("pk", flat=True))
    claimed = outbox._claim(pks)  # a worker claimed them, then was killed before sending or recording
    assert len(claimed) == 2

    tasks.sweep_outbox(timestamp=int(time.time()))  # another worker's sweep: they are still leased
    tasks.deliver_mail(mail_ids=pks)  # the dead worker's job, retried: nothing to claim
    assert mail.outbox == []

    OutgoingMail.objects.update(claimed_until=timezone.now() - datetime.timedelta(seconds=1))  # the lease runs out
    tasks.sweep_outbox(timestamp=int(time.time()))
    tasks.sweep_outbox(timestamp=int(time.time()))
    assert sorted(message.to[0] for message in mail.outbox) == ["a@x.org", "b@x.org"]
    assert set(OutgoingMail.objects.values_list("status", flat=True)) == {MailStatus.SENT}


@pytest.mark.parametrize(
    ("local_time", "due"),
    [("08:00", True), ("08:14", True), ("08:15", False), ("07:45", False), ("03:00", False)],
)
def test_reminders_go_out_at_eight_in_the_portals_time_zone(local_time, due):
    zone = zoneinfo.ZoneInfo(django_settings.TIME_ZONE)
    hour, minute = map(int, local_time.split(":"))
    moment = datetime.datetime(2026, 3, 10, hour, minute, tzinfo=zone)
    assert meeting_tasks.is_reminder_time(moment) is due


def test_the_worker_schedules_the_sweep_every_minute_and_the_reminders_every_quarter_hour():
    from procrastinate.contrib.django import app

    schedules = {task.task.name: task.cron for task in app.periodic_registry.periodic_tasks.values()}
    assert schedules["common.sweep_outbox"] == "* * * * *"
    assert schedules["meetings.send_action_reminders"] == meeting_tasks.REMINDERS_CRON == "*/15 * * * *"
