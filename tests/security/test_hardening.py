"""Issue 12, finding 8: sessions, caching of pages, formset sizes, request bodies, the language cookie."""

import datetime
import time

import pytest
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from meetings.models import MeetingStatus
from meetings.rsvp import rsvp_links
from stakeholders import accounts
from stakeholders.reminders import unsubscribe_token
from tests.meetings.factories import MeetingFactory, ParticipationFactory
from tests.stakeholders.factories import FACTORY_PASSWORD, ContactFactory

pytestmark = pytest.mark.django_db


def test_deleting_session_rows_ends_sessions_with_the_cached_db_backend(settings, participant):
    settings.SESSION_ENGINE = "coordination.sessions"
    client = Client()
    client.force_login(participant)
    assert client.get(reverse("dashboard")).status_code == 200
    Session.objects.all().delete()
    response = client.get(reverse("dashboard"))
    assert response.status_code == 302 and response.url.startswith(reverse("login"))


UNREACHABLE_REDIS = {
    "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://127.0.0.1:9/0"}
}


def test_people_sign_in_and_out_while_the_shared_cache_is_down(settings, participant, caplog):
    """With CACHE_URL set, sessions are cached in Redis; Redis down must not keep anyone from signing in or out
    (each login deletes the session it replaces, each logout the session it ends: both raised)."""
    settings.SESSION_ENGINE = "coordination.sessions"
    settings.CACHES = UNREACHABLE_REDIS
    client = Client()
    client.get(reverse("login"))  # an anonymous session exists, as in a browser: the login replaces it
    response = client.post(reverse("login"), {"username": participant.username, "password": FACTORY_PASSWORD})
    assert response.status_code == 302 and not response.url.startswith(reverse("login"))
    assert client.get(reverse("dashboard")).status_code == 200
    assert client.post(reverse("logout")).status_code == 302
    response = client.get(reverse("dashboard"))
    assert response.status_code == 302 and response.url.startswith(reverse("login"))
    assert "Error deleting a session from the cache" in caplog.text


def test_pages_of_logged_in_users_are_not_stored(client, participant):
    client.force_login(participant)
    for path in (reverse("dashboard"), reverse("meetings:meeting-list")):
        cache_control = client.get(path)["Cache-Control"]
        assert "no-store" in cache_control and "private" in cache_control


def assert_not_stored(response):
    url = response.request["PATH_INFO"]
    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"private", "no-store"} <= cache_control, url


def test_the_reply_page_of_a_signed_link_is_not_stored(client):
    """It shows the person's name to whoever opens the link, without a login."""
    meeting = MeetingFactory(status=MeetingStatus.PLANNED, starts_at=timezone.now() + datetime.timedelta(days=9))
    contact = ContactFactory(name="Kadri Tamm")
    ParticipationFactory(meeting=meeting, organization=contact.organization, contact=contact)  # still invited
    links = rsvp_links(meeting=meeting, contact=contact)
    page = client.get(links["accepted"])
    assert page.status_code == 200 and "Kadri Tamm" in page.content.decode()
    assert_not_stored(page)
    recorded = client.post(links["accepted"].split("?")[0], {"answer": "accepted"})
    assert recorded.status_code == 200
    assert_not_stored(recorded)
    refused = client.get(reverse("meetings:meeting-rsvp-link", args=[meeting.pk, "tampered"]))
    assert refused.status_code == 400
    assert_not_stored(refused)


def test_the_unsubscribe_page_of_a_signed_link_is_not_stored(client):
    contact = ContactFactory(name="Kadri Tamm")
    link = reverse("stakeholders:reminders-unsubscribe", args=[unsubscribe_token(contact)])
    page = client.get(link)
    assert page.status_code == 200 and "Kadri Tamm" in page.content.decode()
    assert_not_stored(page)
    done = client.post(link)
    assert done.status_code == 200
    assert_not_stored(done)


def test_the_account_invitation_page_is_not_stored(client, secretariat):
    _invitation, token = accounts.invite_to_portal(
        contact=ContactFactory(email="kadri@example.org"), role="participant", invited_by=secretariat
    )
    page = client.get(reverse("stakeholders:account-invitation", args=[token]))
    assert page.status_code == 200
    assert_not_stored(page)
    refused = client.get(reverse("stakeholders:account-invitation", args=[token[:-3] + "xyz"]))
    assert refused.status_code == 404
    assert_not_stored(refused)


def test_the_unsubscribe_and_account_invitation_pages_open_in_the_recipients_language(client, secretariat):
    contact = ContactFactory(email="nodira@example.org", preferred_language="ru")
    unsubscribe = client.get(
        reverse("stakeholders:reminders-unsubscribe", args=[unsubscribe_token(contact)]),
        headers={"accept-language": "en"},
    )
    assert "Письма-напоминания" in unsubscribe.content.decode()
    _invitation, token = accounts.invite_to_portal(contact=contact, role="participant", invited_by=secretariat)
    invitation = client.get(reverse("stakeholders:account-invitation", args=[token]), headers={"accept-language": "en"})
    assert "Добро пожаловать на координационный портал" in invitation.content.decode()


def test_a_huge_participants_total_forms_builds_no_more_forms_than_rows(client, secretariat):
    meeting = MeetingFactory()
    ParticipationFactory(meeting=meeting)
    client.force_login(secretariat)
    data = {"participants-TOTAL_FORMS": "100000", "participants-INITIAL_FORMS": "100000"}
    started = time.monotonic()
    response = client.post(reverse("meetings:meeting-participants", args=[meeting.pk]), data)
    assert time.monotonic() - started < 1  # 3.8 s before
    assert response.status_code in (200, 302)
    assert meeting.participations.count() == 1


def test_an_anonymous_post_larger_than_the_limit_is_refused_unread(client, settings):
    settings.ANONYMOUS_MAX_BODY_BYTES = 1024
    response = client.post(reverse("login"), {"username": "x" * 2000, "password": "y"})
    assert response.status_code == 413
    assert client.post(reverse("login"), {"username": "x", "password": "y"}).status_code == 200


def test_a_logged_in_post_is_not_held_to_the_anonymous_limit(client, settings, secretariat):
    settings.ANONYMOUS_MAX_BODY_BYTES = 1024
    client.force_login(secretariat)
    response = client.post(reverse("stakeholders:organization-create"), {"name": "x" * 2000})
    assert response.status_code == 200  # field errors, not 413
