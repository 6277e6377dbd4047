import datetime

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from common.roles import PARTICIPANT, SECRETARIAT
from tests.activities.factories import ActivityFactory
from tests.meetings.factories import ActionItemFactory, MeetingFactory, ParticipationFactory

pytestmark = pytest.mark.django_db


def test_healthz_answers_without_login(client, django_assert_num_queries):
    with django_assert_num_queries(1):
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_favicon_ico_answers_with_the_portal_mark_without_login(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    assert response.content.startswith(b"<svg")
    assert "public" in response["Cache-Control"]


def test_every_page_names_its_icon_and_the_built_stylesheet(client):
    page = client.get(reverse("login")).content.decode()
    assert '<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">' in page
    assert "/static/build/portal.css" in page
    assert "bootstrap.min.css" not in page


def test_dashboard_shows_next_meeting_and_own_open_actions(client, participant, organization):
    meeting = MeetingFactory(status="planned", starts_at="2099-01-10T10:00+05:00", ends_at="2099-01-10T13:00+05:00")
    ParticipationFactory(meeting=meeting, organization=organization)  # the next meeting the reader is invited to
    held = MeetingFactory(starts_at=datetime.datetime(2023, 6, 20, 10, tzinfo=datetime.UTC), published=True)
    own = ActionItemFactory(meeting=held, responsible_organization=organization, title="Our follow-up")
    ActionItemFactory(meeting=held, title="Someone else's follow-up")
    client.force_login(participant)
    response = client.get("/")
    assert response.context["dashboard"].next_meeting == meeting
    assert response.context["dashboard"].actions == [own]
    assert b"Someone else" not in response.content


def test_dashboard_shows_drafts_to_the_secretariat_only(client, secretariat, participant):
    MeetingFactory(title="Draft minutes meeting")
    client.force_login(secretariat)
    assert b"Minutes waiting to be published" in client.get("/").content
    client.force_login(participant)
    assert b"Minutes waiting to be published" not in client.get("/").content


@pytest.mark.parametrize("rows", [3, 30])
def test_dashboard_query_count_does_not_grow(client, secretariat, django_assert_max_num_queries, rows):
    for _ in range(rows):
        ActivityFactory()
        ActionItemFactory()
    client.force_login(secretariat)
    with django_assert_max_num_queries(17):  # 16: the overdue count (issue 4); 17: the series to prepare next
        assert client.get("/").status_code == 200


def test_roles_exist_with_permissions():
    assert Group.objects.get(name=SECRETARIAT).permissions.filter(codename="publish_minutes").exists()
    participant_permissions = Group.objects.get(name=PARTICIPANT).permissions
    assert participant_permissions.filter(codename="view_meeting").exists()
    assert not participant_permissions.filter(codename__in=["change_meeting", "view_draft_minutes"]).exists()


def test_healthz_is_not_redirected_to_https(client, settings):
    """Load balancers check health over plain HTTP; every other page still goes to HTTPS."""
    settings.SECURE_SSL_REDIRECT = True
    assert client.get("/healthz").status_code == 200
    assert client.get(reverse("login")).status_code == 301
