"""Issue 12, finding 8: sessions, caching of pages, formset sizes, request bodies, the language cookie."""

import time

import pytest
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse

from tests.meetings.factories import MeetingFactory, ParticipationFactory

pytestmark = pytest.mark.django_db


def test_deleting_session_rows_ends_sessions_with_the_cached_db_backend(settings, participant):
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    client = Client()
    client.force_login(participant)
    assert client.get(reverse("dashboard")).status_code == 200
    Session.objects.all().delete()
    response = client.get(reverse("dashboard"))
    assert response.status_code == 302 and response.url.startswith(reverse("login"))


def test_pages_of_logged_in_users_are_not_stored(client, participant):
    client.force_login(participant)
    for path in (reverse("dashboard"), reverse("meeting-list")):
        cache_control = client.get(path)["Cache-Control"]
        assert "no-store" in cache_control and "private" in cache_control


def test_a_huge_participants_total_forms_builds_no_more_forms_than_rows(client, secretariat):
    meeting = MeetingFactory()
    ParticipationFactory(meeting=meeting)
    client.force_login(secretariat)
    data = {"participants-TOTAL_FORMS": "100000", "participants-INITIAL_FORMS": "100000"}
    started = time.monotonic()
    response = client.post(reverse("meeting-participants", args=[meeting.pk]), data)
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
    response = client.post(reverse("organization-create"), {"name": "x" * 2000})
    assert response.status_code == 200  # field errors, not 413
