"""The page cache (coordination/page_cache.py) through the whole stack, with real commits.

These tests commit (transaction=True): the cache is keyed by PostgreSQL's snapshot of committed transactions, which
the test-wide transaction of ordinary tests would never change.
"""

import copy
import datetime

import pytest
from django.core.cache import caches
from django.db import connection
from django.db.backends.signals import connection_created
from django.http import HttpResponse
from django.test import Client
from django.test.signals import template_rendered
from django.urls import reverse
from django.utils.cache import patch_vary_headers

from coordination.page_cache import (
    CACHE_ALIAS,
    HIT_HEADER,
    is_cacheable_request,
    is_cacheable_response,
    page_key,
)
from meetings.models import Meeting
from tests.meetings.factories import MeetingFactory
from tests.stakeholders.factories import participant_user, secretariat_user

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 60
    caches[CACHE_ALIAS].clear()
    yield
    caches[CACHE_ALIAS].clear()


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    client.get(reverse("dashboard"))  # a browser has its CSRF cookie after the first page
    return client


def replayed(response) -> bool:
    return response.get(HIT_HEADER) == "hit"


@pytest.fixture
def meeting():
    return MeetingFactory(title="Quarterly coordination", published=True)


@pytest.fixture
def reader(meeting):
    return logged_in(participant_user(username="reader"))


def test_a_repeated_page_is_replayed_with_one_query(reader, meeting, django_assert_num_queries):
    url = reverse("meeting-detail", args=[meeting.pk])
    first = reader.get(url)
    with django_assert_num_queries(1):  # the snapshot; no session, no user, no page queries
        second = reader.get(url)
    assert not replayed(first)
    assert replayed(second)
    assert second.content == first.content
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]


def test_a_committed_change_is_shown_at_once(reader, meeting):
    url = reverse("meeting-detail", args=[meeting.pk])
    reader.get(url)
    Meeting.objects.filter(pk=meeting.pk).update(title="Renamed meeting")  # no signals: the key still changes
    response = reader.get(url)
    assert not replayed(response)
    assert b"Renamed meeting" in response.content


def test_each_session_has_its_own_entries(meeting):
    secretariat_client = logged_in(secretariat_user(username="staff"))
    participant_client = logged_in(participant_user(username="reader"))
    edit_url = reverse("meeting-edit", args=[meeting.pk])
    assert secretariat_client.get(edit_url).status_code == 200
    assert replayed(secretariat_client.get(edit_url))
    assert participant_client.get(edit_url).status_code == 403


def test_a_logged_out_session_gets_no_page(reader, meeting):
    url = reverse("meeting-detail", args=[meeting.pk])
    cookies = copy.deepcopy(reader.cookies)
    reader.get(url)
    assert replayed(reader.get(url))
    reader.post(reverse("logout"))
    reader.cookies = cookies  # the very same Cookie header as the replayed request, for a session that is gone
    response = reader.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_a_message_is_shown_once_and_never_replayed(reader):
    subscription = reverse("calendar-subscription")
    reader.get(subscription)
    reader.post(reverse("calendar-token-reset"))
    with_message = reader.get(subscription)
    assert b"Your calendar address has changed" in with_message.content
    after = reader.get(subscription)
    again = reader.get(subscription)
    assert b"Your calendar address has changed" not in after.content + again.content


def test_a_withdrawn_role_takes_effect_at_once(meeting):
    staff = secretariat_user(username="staff")
    client = logged_in(staff)
    edit_url = reverse("meeting-edit", args=[meeting.pk])
    client.get(edit_url)
    assert replayed(client.get(edit_url))
    staff.groups.clear()
    assert client.get(edit_url).status_code == 403


def test_each_language_has_its_own_entry(reader, meeting):
    url = reverse("meeting-detail", args=[meeting.pk])
    reader.get(url, HTTP_ACCEPT_LANGUAGE="en")
    assert replayed(reader.get(url, HTTP_ACCEPT_LANGUAGE="en"))
    russian = reader.get(url, HTTP_ACCEPT_LANGUAGE="ru")
    assert not replayed(russian)
    assert russian["Content-Language"] == "ru"


def test_head_requests_pass_through(reader, meeting):
    url = reverse("meeting-detail", args=[meeting.pk])
    reader.get(url)
    assert not replayed(reader.head(url))


def test_a_page_that_wrote_is_not_stored(reader, meeting, monkeypatch):
    stored = []
    monkeypatch.setattr(caches[CACHE_ALIAS], "set", lambda *args, **kwargs: stored.append(args))
    url = reverse("meeting-detail", args=[meeting.pk])
    reader.get(url)
    assert len(stored) == 1  # an ordinary page is kept

    def write_while_rendering(**kwargs):
        Meeting.objects.filter(pk=meeting.pk).update(venue="Samarkand")  # committed with the request

    template_rendered.connect(write_while_rendering)
    try:
        reader.get(url)
    finally:
        template_rendered.disconnect(write_while_rendering)
    assert len(stored) == 1


def test_nothing_is_cached_on_a_hot_standby(reader, meeting, monkeypatch):
    monkeypatch.setattr("coordination.page_cache.current_snapshot", lambda: None)
    url = reverse("meeting-detail", args=[meeting.pk])
    reader.get(url)
    assert not replayed(reader.get(url))


def test_a_new_database_connection_forgets_every_page(reader, meeting):
    url = reverse("meeting-detail", args=[meeting.pk])
    reader.get(url)
    connection_created.send(sender=connection.__class__, connection=connection)
    assert not replayed(reader.get(url))


def test_pages_over_the_size_limit_are_not_stored(reader, meeting, settings):
    settings.PAGE_CACHE_MAX_BYTES = 1000
    url = reverse("meeting-detail", args=[meeting.pk])
    reader.get(url)
    assert not replayed(reader.get(url))


def test_a_response_varying_on_another_header_is_not_stored(rf):
    request = rf.get("/meetings/")
    response = HttpResponse("page")
    assert is_cacheable_response(request, response)
    patch_vary_headers(response, ["Cookie", "Accept-Language"])
    assert is_cacheable_response(request, response)
    patch_vary_headers(response, ["User-Agent"])
    assert not is_cacheable_response(request, response)


def test_only_gets_outside_the_exempt_paths_are_cached(rf):
    assert is_cacheable_request(rf.get("/meetings/"))
    assert not is_cacheable_request(rf.post("/meetings/"))
    assert not is_cacheable_request(rf.get("/admin/"))
    assert not is_cacheable_request(rf.get("/healthz"))


def test_redirects_and_new_cookies_are_not_stored(meeting):
    anonymous = Client()
    url = reverse("meeting-detail", args=[meeting.pk])
    assert anonymous.get(url).status_code == 302
    assert not replayed(anonymous.get(url))
    fresh = Client()
    fresh.force_login(participant_user(username="newcomer"))
    first = fresh.get(url)
    assert first.cookies  # the first page gives the browser its CSRF cookie: replaying it would drop that
    assert not replayed(first)


def test_no_store_responses_are_not_stored(reader):
    url = reverse("healthz")
    reader.get(url)
    assert not replayed(reader.get(url))


def test_the_key_names_the_date_the_page_and_the_cookies(rf, monkeypatch):
    request = rf.get("/meetings/", HTTP_COOKIE="sessionid=a")
    same = page_key(request, "1:2:")
    assert page_key(rf.get("/meetings/", HTTP_COOKIE="sessionid=a"), "1:2:") == same
    assert page_key(rf.get("/meetings/?page=2", HTTP_COOKIE="sessionid=a"), "1:2:") != same
    assert page_key(rf.get("/meetings/", HTTP_COOKIE="sessionid=b"), "1:2:") != same
    assert page_key(request, "1:3:") != same
    monkeypatch.setattr("django.utils.timezone.localdate", lambda: datetime.date(2031, 1, 1))
    assert page_key(request, "1:2:") != same
