"""Follow-ups on the agenda: the item flagged ``reviews_follow_up_actions`` lists the actions carried to it on the
meeting page, the agenda builder, the printed agenda and the minutes editor, where the secretariat records what
the meeting decided (done, continued with a new due date, dropped). Draft-minutes rules apply throughout."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from meetings.models import ActionStatus, ActionUpdate, MinutesStatus
from meetings.services import publish_minutes, review_carried_action
from tests.meetings.factories import (
    ActionItemFactory,
    ActionUpdateFactory,
    AgendaItemFactory,
    MeetingFactory,
)
from tests.stakeholders.factories import OrganizationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def review():
    """A meeting whose review item carries a published action (with progress) and one from draft minutes."""
    meeting = MeetingFactory()
    item = AgendaItemFactory(meeting=meeting, title="Review of follow-up actions", reviews_follow_up_actions=True)
    ministry = OrganizationFactory(name="Ministry of Labour", acronym="MoL")
    published = ActionItemFactory(title="Share the airport training report", responsible_organization=ministry)
    ActionUpdateFactory(action=published, note="Draft report circulated", noted_on=datetime.date(2023, 3, 1))
    hidden = ActionItemFactory(title="Action from draft minutes", meeting=MeetingFactory())
    item.actions_to_review.add(published, hidden)
    return meeting, item, published, hidden


def _review_url(meeting, action):
    return reverse("meetings:meeting-action-review", args=[meeting.pk, action.pk])


PAGES = [
    ("meetings:meeting-detail", "participant"),
    ("meetings:meeting-agenda-print", "participant"),
    ("meetings:meeting-detail", "secretariat"),
    ("meetings:meeting-agenda", "secretariat"),
    ("meetings:meeting-agenda-print", "secretariat"),
    ("meetings:meeting-minutes-edit", "secretariat"),
]


@pytest.mark.parametrize(("url_name", "role"), PAGES)
def test_carried_actions_are_listed_wherever_the_agenda_is(client, request, review, url_name, role):
    meeting, _item, _published, _hidden = review
    client.force_login(request.getfixturevalue(role))
    content = client.get(reverse(url_name, args=[meeting.pk])).content.decode()
    assert "Share the airport training report" in content
    assert "MoL" in content and "Draft report circulated" in content
    assert ("Action from draft minutes" in content) == (role == "secretariat")


def test_progress_recorded_in_draft_minutes_is_not_shown_to_participants(client, participant, secretariat, review):
    meeting, _item, published, _hidden = review
    ActionUpdate.objects.create(
        action=published, status="in_progress", note="Said at the draft meeting", meeting=meeting
    )
    client.force_login(participant)
    content = client.get(meeting.get_absolute_url()).content.decode()
    assert "Draft report circulated" in content and "Said at the draft meeting" not in content
    client.force_login(secretariat)
    assert "Said at the draft meeting" in client.get(meeting.get_absolute_url()).content.decode()


@pytest.mark.parametrize(
    "url_name",
    [
        "meetings:meeting-detail",
        "meetings:meeting-agenda",
        "meetings:meeting-agenda-print",
        "meetings:meeting-minutes-edit",
    ],
)
def test_query_count_does_not_grow_with_the_carried_actions(
    client, secretariat, review, url_name, django_assert_max_num_queries
):
    meeting, item, _published, _hidden = review
    client.force_login(secretariat)
    url = reverse(url_name, args=[meeting.pk])
    client.get(url)  # warm caches (content types, sessions)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for _ in range(5):
        action = ActionItemFactory()
        ActionUpdateFactory(action=action)
        item.actions_to_review.add(action)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(url)
    assert response.content.decode().count("carried-action") >= 7


def test_the_secretariat_marks_carried_actions_done_continued_or_dropped(client, secretariat, review):
    meeting, _item, published, hidden = review
    client.force_login(secretariat)
    content = client.get(reverse("meetings:meeting-minutes-edit", args=[meeting.pk])).content.decode()
    assert _review_url(meeting, published) in content

    new_due = datetime.date(2031, 6, 30)
    data = {
        f"review-{published.pk}-outcome": "continued",
        f"review-{published.pk}-due_on": new_due.isoformat(),
        f"review-{published.pk}-note": "Waiting for the ministry's figures",
        f"review-{published.pk}-version": published.version,
    }
    response = client.post(_review_url(meeting, published), data)
    assert response.status_code == 302 and response.url.endswith(f"#review-{published.pk}")
    update = published.updates.first()
    assert update.meeting == meeting and update.author == secretariat
    assert update.note == "Waiting for the ministry's figures" and update.new_due_on == new_due
    published.refresh_from_db()
    old_due = published.due_on
    assert old_due != new_due and published.status == ActionStatus.OPEN  # applied at publication

    client.post(
        _review_url(meeting, hidden),
        {f"review-{hidden.pk}-outcome": "dropped", f"review-{hidden.pk}-version": hidden.version},
    )
    hidden.refresh_from_db()
    assert hidden.status == ActionStatus.OPEN

    publish_minutes(meeting=meeting, user=secretariat)
    published.refresh_from_db()
    hidden.refresh_from_db()
    assert published.due_on == new_due and published.status == ActionStatus.OPEN  # still open, due later
    assert hidden.status == ActionStatus.DROPPED


def test_a_review_in_draft_minutes_changes_the_action_for_participants_only_at_publication(
    client, participant, secretariat, review
):
    """Bug: the status a meeting gave a carried action showed on the action while its minutes were a draft."""
    meeting, _item, published, _hidden = review
    client.force_login(secretariat)
    data = {f"review-{published.pk}-outcome": "done", f"review-{published.pk}-version": published.version}
    client.post(_review_url(meeting, published), data)
    published.refresh_from_db()
    assert published.status == ActionStatus.OPEN

    client.force_login(participant)
    page = client.get(published.get_absolute_url()).content.decode()
    assert "Done" not in page

    publish_minutes(meeting=meeting, user=secretariat)
    published.refresh_from_db()
    assert published.status == ActionStatus.DONE
    assert "Done" in client.get(published.get_absolute_url()).content.decode()


def test_a_review_is_not_applied_over_later_progress(secretariat, review):
    meeting, _item, published, _hidden = review
    review_carried_action(
        meeting=meeting, action=published, user=secretariat, outcome="dropped", expected_version=published.version
    )
    ActionUpdateFactory(action=published, status="in_progress", noted_on=datetime.date.today())
    publish_minutes(meeting=meeting, user=secretariat)
    published.refresh_from_db()
    assert published.status == ActionStatus.OPEN  # the later progress is newer news than the meeting's review


def test_continued_needs_a_new_due_date(client, secretariat, review):
    meeting, _item, published, _hidden = review
    client.force_login(secretariat)
    data = {f"review-{published.pk}-outcome": "continued", f"review-{published.pk}-version": published.version}
    response = client.post(_review_url(meeting, published), data, follow=True)
    assert "Give the new due date" in response.content.decode()
    published.refresh_from_db()
    assert published.status == ActionStatus.OPEN and not published.updates.filter(meeting=meeting).exists()


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"outcome": "finished", "version": 1},
        {"outcome": "done", "version": "x"},
        {"outcome": "continued", "due_on": "2023-02-30", "version": 1},
        {"outcome": "continued", "due_on": "2001-01-01", "version": 1},
        {"outcome": "done", "version": 99},  # someone else updated it meanwhile
    ],
)
def test_bad_reviews_change_nothing(client, secretariat, review, data):
    meeting, _item, published, _hidden = review
    client.force_login(secretariat)
    posted = {f"review-{published.pk}-{key}": value for key, value in data.items()}
    response = client.post(_review_url(meeting, published), posted)
    assert response.status_code == 302
    published.refresh_from_db()
    assert published.status == ActionStatus.OPEN and published.version == 1


def test_an_action_not_carried_to_the_meeting_cannot_be_reviewed_there(client, secretariat, review):
    meeting, _item, _published, _hidden = review
    elsewhere = ActionItemFactory()
    client.force_login(secretariat)
    data = {f"review-{elsewhere.pk}-outcome": "done", f"review-{elsewhere.pk}-version": elsewhere.version}
    response = client.post(_review_url(meeting, elsewhere), data, follow=True)
    assert "not carried to this meeting" in response.content.decode()
    elsewhere.refresh_from_db()
    assert elsewhere.status == ActionStatus.OPEN


def test_no_review_once_the_minutes_are_published(client, secretariat, review):
    meeting, _item, published, _hidden = review
    meeting.minutes_status, meeting.minutes_published_at = MinutesStatus.PUBLISHED, meeting.ends_at
    meeting.save()
    client.force_login(secretariat)
    assert (
        _review_url(meeting, published)
        not in client.get(reverse("meetings:meeting-minutes-edit", args=[meeting.pk])).content.decode()
    )
    data = {f"review-{published.pk}-outcome": "done", f"review-{published.pk}-version": published.version}
    client.post(_review_url(meeting, published), data)
    published.refresh_from_db()
    assert published.status == ActionStatus.OPEN
