"""Webhooks (api/webhooks/): a receiver started here, on 127.0.0.1, checks each delivery's signature.

WEBHOOKS_ALLOWED_HOSTS lets 127.0.0.1 through the check of internal addresses; every other internal address is
refused by resolving it only: no test connects anywhere but to its own receiver (the guard below fails it if so).
"""

import datetime
import hashlib
import hmac
import http.server
import json
import re
import socket
import threading
import time

import pytest
from django.urls import reverse
from django.utils import timezone

from api.models import DeliveryStatus, WebhookDelivery, WebhookEndpoint
from api.tasks import sweep_webhooks
from common.models import OutgoingMail
from meetings.models import ActionStatus, MeetingStatus, MinutesStatus
from meetings.services import save_action, save_meeting
from stakeholders.models import Contact
from tests.meetings.factories import ActionItemFactory, AgendaItemFactory, MeetingFactory

ALL_EVENTS = [
    "meeting.announced",
    "meeting.changed",
    "meeting.cancelled",
    "minutes.published",
    "action.created",
    "action.status_changed",
]


class Receiver:
    """An HTTP server in a thread: answers each POST with the next of ``answers`` (the last one repeats)."""

    def __init__(self):
        self.requests = []
        self.answers = [200]
        receiver = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"]))
                receiver.requests.append((dict(self.headers), body, self.path))
                answer = receiver.answers.pop(0) if len(receiver.answers) > 1 else receiver.answers[0]
                self.send_response(answer)
                if 300 <= answer < 400:
                    self.send_header("Location", f"{receiver.url}elsewhere")
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def verified(self, secret: str) -> list[tuple[str, dict]]:
        """(event, payload) of every request received, each checked against its signature and timestamp."""
        checked = []
        for headers, body, _path in self.requests:
            timestamp = headers["X-Portal-Timestamp"]
            expected = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()
            assert hmac.compare_digest(headers["X-Portal-Signature"], f"sha256={expected}")
            assert abs(time.time() - int(timestamp)) < 300, "a replay window of five minutes"
            checked.append((headers["X-Portal-Event"], json.loads(body)))
        return checked


@pytest.fixture
def receiver(settings):
    settings.WEBHOOKS_ALLOW_HTTP = True
    settings.WEBHOOKS_ALLOWED_HOSTS = ["127.0.0.1"]
    started = Receiver()
    started.thread.start()
    yield started
    started.server.shutdown()
    started.server.server_close()


@pytest.fixture(autouse=True)
def no_connection_but_to_loopback(monkeypatch):
    """A guard: a test that would connect anywhere but to its own receiver fails instead of connecting."""
    connect = socket.socket.connect

    def guarded(sock, address):
        assert address[0] == "127.0.0.1", f"a webhook test tried to connect to {address}"
        return connect(sock, address)

    monkeypatch.setattr(socket.socket, "connect", guarded)


@pytest.fixture
def register(client, secretariat, django_capture_on_commit_callbacks):
    """Register an endpoint through the page: -> (endpoint, its secret as shown once)."""

    def make(url, events=("meeting.announced",)):
        client.force_login(secretariat)
        response = client.post(reverse("api:webhook-list"), {"url": url, "events": list(events)})
        assert response.status_code == 200
        secret = re.search(r'class="webhook-secret[^"]*">([0-9a-f]+)<', response.content.decode()).group(1)
        return WebhookEndpoint.objects.get(url=url), secret

    return make


def announce(client, secretariat, meeting, capture):
    client.force_login(secretariat)
    with capture(execute=True):
        response = client.post(reverse("meetings:meeting-announce", args=[meeting.pk]))
    assert response.status_code == 302


def run_sweep(capture):
    with capture(execute=True):
        sweep_webhooks(timestamp=int(time.time()))


def make_due(delivery):
    WebhookDelivery.objects.filter(pk=delivery.pk).update(next_attempt_at=timezone.now() - datetime.timedelta(1))


def test_announcing_a_meeting_delivers_a_signed_event(
    client, secretariat, receiver, register, django_capture_on_commit_callbacks
):
    endpoint, secret = register(receiver.url)
    meeting = MeetingFactory(draft=True)
    announce(client, secretariat, meeting, django_capture_on_commit_callbacks)

    [(event, payload)] = receiver.verified(secret)
    assert event == "meeting.announced"
    assert payload["event"] == "meeting.announced"
    assert payload["data"]["id"] == meeting.pk
    delivery = WebhookDelivery.objects.get(endpoint=endpoint)
    assert receiver.requests[0][0]["X-Portal-Delivery"] == str(delivery.pk)
    assert (delivery.status, delivery.attempts, delivery.last_status_code) == (DeliveryStatus.DELIVERED, 1, 200)


def test_a_wrong_secret_does_not_verify(client, secretariat, receiver, register, django_capture_on_commit_callbacks):
    register(receiver.url)
    announce(client, secretariat, MeetingFactory(draft=True), django_capture_on_commit_callbacks)
    with pytest.raises(AssertionError):
        receiver.verified("0" * 64)


def test_an_endpoint_not_subscribed_to_the_event_gets_nothing(
    client, secretariat, receiver, register, django_capture_on_commit_callbacks
):
    register(receiver.url, events=["minutes.published"])
    announce(client, secretariat, MeetingFactory(draft=True), django_capture_on_commit_callbacks)
    assert receiver.requests == []
    assert not WebhookDelivery.objects.exists()


def test_a_failed_delivery_is_retried_with_backoff_until_the_receiver_recovers(
    client, secretariat, receiver, register, django_capture_on_commit_callbacks
):
    receiver.answers = [500, 200]
    endpoint, secret = register(receiver.url)
    announce(client, secretariat, MeetingFactory(draft=True), django_capture_on_commit_callbacks)
    delivery = WebhookDelivery.objects.get(endpoint=endpoint)
    assert (delivery.status, delivery.attempts, delivery.last_status_code) == (DeliveryStatus.FAILED, 1, 500)
    assert delivery.next_attempt_at > timezone.now() + datetime.timedelta(seconds=30), "backoff: not at once"

    run_sweep(django_capture_on_commit_callbacks)  # not due yet
    assert len(receiver.requests) == 1

    make_due(delivery)
    run_sweep(django_capture_on_commit_callbacks)
    run_sweep(django_capture_on_commit_callbacks)  # delivered: never sent again
    assert [event for event, _payload in receiver.verified(secret)] == ["meeting.announced"] * 2
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts, delivery.last_status_code) == (DeliveryStatus.DELIVERED, 2, 200)
    endpoint.refresh_from_db()
    assert endpoint.failure_count == 0


def test_the_backoff_doubles_up_to_an_hour():
    from api.webhooks.delivery import retry_delay

    minutes = [retry_delay(attempts).total_seconds() / 60 for attempts in range(1, 10)]
    assert minutes == [1, 2, 4, 8, 16, 32, 60, 60, 60]


def test_a_redirect_is_a_failure_and_is_not_followed(
    client, secretariat, receiver, register, django_capture_on_commit_callbacks
):
    receiver.answers = [302]
    endpoint, _secret = register(receiver.url)
    announce(client, secretariat, MeetingFactory(draft=True), django_capture_on_commit_callbacks)
    delivery = WebhookDelivery.objects.get(endpoint=endpoint)
    assert (delivery.status, delivery.last_status_code) == (DeliveryStatus.FAILED, 302)
    assert "redirect" in delivery.last_error
    assert [path for _headers, _body, path in receiver.requests] == ["/"]


@pytest.mark.parametrize(
    "url", ["https://10.0.0.1/hook", "https://169.254.169.254/latest/meta-data/", "https://[::1]/hook", "ftp://x.org/"]
)
def test_internal_addresses_are_refused_at_registration(client, secretariat, url):
    client.force_login(secretariat)
    response = client.post(reverse("api:webhook-list"), {"url": url, "events": ["meeting.announced"]})
    assert response.status_code == 200
    assert response.context["form"].errors["url"]
    assert not WebhookEndpoint.objects.exists()


def test_localhost_is_refused_unless_allowed(client, secretariat, receiver):
    client.force_login(secretariat)
    url = receiver.url.replace("127.0.0.1", "localhost")
    response = client.post(reverse("api:webhook-list"), {"url": url, "events": ["meeting.announced"]})
    assert "internal address" in response.context["form"].errors["url"][0]
    assert not WebhookEndpoint.objects.exists()


def test_http_is_refused_without_the_setting(client, secretariat, settings):
    settings.WEBHOOKS_ALLOW_HTTP = False
    settings.WEBHOOKS_ALLOWED_HOSTS = ["127.0.0.1"]
    client.force_login(secretariat)
    response = client.post(reverse("api:webhook-list"), {"url": "http://127.0.0.1:9/", "events": ["meeting.announced"]})
    assert response.context["form"].errors["url"] == ["The URL must start with https://."]


@pytest.mark.parametrize("host", ["10.0.0.1", "169.254.169.254", "localhost"])
def test_internal_addresses_are_refused_at_delivery_without_a_request(
    client, secretariat, receiver, host, django_capture_on_commit_callbacks
):
    # Registered when the address was allowed (or resolved elsewhere): the check is made again at every delivery.
    url = receiver.url.replace("127.0.0.1", host)
    endpoint = WebhookEndpoint.objects.create(url=url, events=["meeting.announced"], secret="s", created_by=secretariat)
    announce(client, secretariat, MeetingFactory(draft=True), django_capture_on_commit_callbacks)
    delivery = WebhookDelivery.objects.get(endpoint=endpoint)
    assert delivery.status == DeliveryStatus.FAILED
    assert "internal address" in delivery.last_error
    assert delivery.last_status_code is None
    assert receiver.requests == []


def test_ten_failures_in_a_row_pause_the_endpoint_and_tell_its_creator_once(
    client, secretariat, receiver, register, django_capture_on_commit_callbacks
):
    receiver.answers = [500]
    endpoint, _secret = register(receiver.url)
    announce(client, secretariat, MeetingFactory(draft=True), django_capture_on_commit_callbacks)
    delivery = WebhookDelivery.objects.get(endpoint=endpoint)
    for _attempt in range(9):
        endpoint.refresh_from_db()
        assert endpoint.paused_at is None
        make_due(delivery)
        run_sweep(django_capture_on_commit_callbacks)
    endpoint.refresh_from_db()
    assert endpoint.paused_at is not None
    assert len(receiver.requests) == 10
    mails = OutgoingMail.objects.filter(subject__contains="Webhook endpoint paused")
    assert [mail.to for mail in mails] == [[secretariat.email]]

    make_due(delivery)
    run_sweep(django_capture_on_commit_callbacks)  # paused: nothing is sent, nobody is told again
    assert len(receiver.requests) == 10
    assert OutgoingMail.objects.filter(subject__contains="Webhook endpoint paused").count() == 1

    receiver.answers = [200]
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("api:webhook-resume", args=[endpoint.pk]))
    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.DELIVERED
    assert len(receiver.requests) == 11


def test_the_pause_mail_is_in_its_creators_language(
    client, secretariat, receiver, register, django_capture_on_commit_callbacks
):
    Contact.objects.filter(user=secretariat).update(preferred_language="ru")
    receiver.answers = [500]
    endpoint, _secret = register(receiver.url)
    announce(client, secretariat, MeetingFactory(draft=True), django_capture_on_commit_callbacks)
    delivery = WebhookDelivery.objects.get(endpoint=endpoint)
    for _attempt in range(9):
        make_due(delivery)
        run_sweep(django_capture_on_commit_callbacks)
    endpoint.refresh_from_db()
    assert endpoint.paused_at is not None
    mail = OutgoingMail.objects.get(key__startswith=f"webhook-paused-{endpoint.pk}-")
    assert mail.to == [secretariat.email]
    assert mail.subject == f"Адрес веб-хука приостановлен: {endpoint.url}"
    assert "Webhook endpoint" not in mail.subject and "The portal stopped" not in mail.body


def test_send_again_redelivers(client, secretariat, receiver, register, django_capture_on_commit_callbacks):
    endpoint, secret = register(receiver.url)
    announce(client, secretariat, MeetingFactory(draft=True), django_capture_on_commit_callbacks)
    delivery = WebhookDelivery.objects.get(endpoint=endpoint)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("api:webhook-send-again", args=[delivery.pk]))
    assert response.status_code == 302
    assert len(receiver.verified(secret)) == 2
    assert {headers["X-Portal-Delivery"] for headers, _body, _path in receiver.requests} == {str(delivery.pk)}
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts) == (DeliveryStatus.DELIVERED, 2)
    page = client.get(reverse("api:webhook-detail", args=[endpoint.pk]))
    assert page.status_code == 200
    assert "meeting.announced" in page.content.decode()


def test_draft_minutes_are_never_in_a_payload(secretariat, receiver, register, django_capture_on_commit_callbacks):
    _endpoint, secret = register(receiver.url, events=ALL_EVENTS)
    meeting = MeetingFactory(minutes_status=MinutesStatus.DRAFT, minutes_summary="Draft summary not yet published")
    AgendaItemFactory(meeting=meeting, discussion_summary="Draft discussion not yet published")
    action = ActionItemFactory(meeting=meeting, status=ActionStatus.OPEN)
    meeting.venue = "Another room"
    with django_capture_on_commit_callbacks(execute=True):
        save_meeting(meeting=meeting, expected_version=meeting.version, user=secretariat)
    action.status = ActionStatus.DONE  # in draft minutes: part of them, not sent
    with django_capture_on_commit_callbacks(execute=True):
        save_action(action=action, expected_version=action.version, user=secretariat)
    delivered = receiver.verified(secret)
    assert [event for event, _payload in delivered] == ["meeting.changed"]
    assert delivered[0][1]["data"]["venue"] == "Another room"
    bodies = b"".join(body for _headers, body, _path in receiver.requests).decode()
    assert "Draft summary" not in bodies
    assert "Draft discussion" not in bodies


def test_actions_and_cancellations_of_published_meetings_are_sent(
    secretariat, receiver, register, django_capture_on_commit_callbacks
):
    _endpoint, secret = register(receiver.url, events=ALL_EVENTS)
    meeting = MeetingFactory(published=True)
    action = ActionItemFactory.build(meeting=meeting, responsible_organization=secretariat.contact.organization)
    with django_capture_on_commit_callbacks(execute=True):
        save_action(action=action, expected_version=None, user=secretariat)
    action.status = ActionStatus.IN_PROGRESS
    with django_capture_on_commit_callbacks(execute=True):
        save_action(action=action, expected_version=action.version, user=secretariat)
    planned = MeetingFactory()
    planned.status = MeetingStatus.CANCELLED
    with django_capture_on_commit_callbacks(execute=True):
        save_meeting(meeting=planned, expected_version=planned.version, user=secretariat)
    delivered = receiver.verified(secret)
    assert [event for event, _payload in delivered] == ["action.created", "action.status_changed", "meeting.cancelled"]
    assert delivered[1][1]["data"]["status"] == "in_progress"
    assert delivered[2][1]["data"]["id"] == planned.pk
