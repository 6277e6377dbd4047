"""The access policy (common/access.py), finding by finding of issue 12."""

import pytest
from django.urls import reverse

from meetings.models import ActionItem, Statement
from meetings.services import can_update_action
from stakeholders.models import Contact, may_report_for
from tests.activities.factories import ActivityFactory, ActivityReviewFactory
from tests.meetings.factories import ActionItemFactory, MeetingFactory, StatementFactory
from tests.stakeholders.factories import ContactFactory, UserFactory


@pytest.fixture
def draft_action(organization):
    return ActionItemFactory(meeting=MeetingFactory(), responsible_organization=organization, title="Draft follow-up")


# 1. Draft content leaks


@pytest.mark.parametrize(
    "path",
    ["/actions/", "/", "/search/?q=draft+follow-up", "/actions/export.csv"],
)
def test_an_action_in_draft_minutes_is_on_no_page_for_a_participant(client, participant, draft_action, path):
    client.force_login(participant)
    response = client.get(path)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    assert "Draft follow-up" not in body.decode()


def test_an_action_in_draft_minutes_is_404_and_cannot_be_updated(client, participant, draft_action):
    client.force_login(participant)
    assert client.get(draft_action.get_absolute_url()).status_code == 404
    assert client.post(reverse("meetings:action-update", args=[draft_action.pk]), {"status": "done"}).status_code == 404


def test_the_organisation_page_counts_no_action_of_draft_minutes(client, participant, organization, draft_action):
    client.force_login(participant)
    response = client.get(organization.get_absolute_url())
    assert response.context["action_record"].total == 0
    assert "Draft follow-up" not in response.content.decode()


def test_a_review_note_of_reopened_minutes_is_not_on_the_activity_page(client, participant, secretariat):
    activity = ActivityFactory()
    ActivityReviewFactory(activity=activity, meeting=MeetingFactory(), note="Reopened review note")
    client.force_login(participant)
    assert "Reopened review note" not in client.get(activity.get_absolute_url()).content.decode()
    client.force_login(secretariat)
    assert "Reopened review note" in client.get(activity.get_absolute_url()).content.decode()


def test_the_meeting_page_context_holds_no_draft_minutes(client, participant):
    meeting = MeetingFactory(minutes_summary="Secret summary")
    StatementFactory(meeting=meeting)
    ActionItemFactory(meeting=meeting)
    client.force_login(participant)
    shown = client.get(meeting.get_absolute_url()).context["meeting"]
    assert shown.minutes_summary == ""
    assert list(shown.statements.all()) == [] and list(shown.action_items.all()) == []


def test_visible_to_is_the_one_filter(participant, secretariat):
    published = StatementFactory(meeting=MeetingFactory(published=True))
    draft = StatementFactory(meeting=MeetingFactory())
    assert list(Statement.objects.visible_to(participant)) == [published]
    assert set(Statement.objects.visible_to(secretariat)) == {published, draft}
    assert list(ActionItem.objects.visible_to(None)) == []


# 2. An account with no role reads everything


@pytest.mark.parametrize("with_contact", [False, True])
@pytest.mark.parametrize(
    "path", ["/", "/meetings/", "/organizations/", "/search/?q=a", "/calendar.ics", "/actions/export.csv"]
)
def test_a_user_without_a_role_sees_only_the_no_access_page(client, organization, with_contact, path):
    user = UserFactory()
    ContactFactory(organization=organization, name="Visible Person", email="visible@example.org")
    if with_contact:
        ContactFactory(user=user, organization=organization)
    client.force_login(user)
    response = client.get(path)
    assert response.status_code == 403
    body = response.content.decode()
    assert "You have no access yet" in body
    assert "visible@example.org" not in body and "Visible Person" not in body
    assert f'href="{reverse("meetings:meeting-list")}"' not in body  # no navigation to pages they cannot open


# 3. Writes without a role, or for an organisation one has left


def test_a_user_without_a_role_cannot_post_progress_for_their_organisation(client, organization):
    user = UserFactory()
    ContactFactory(user=user, organization=organization)
    activity = ActivityFactory(lead_organization=organization)
    client.force_login(user)
    assert client.post(reverse("activities:activity-progress", args=[activity.pk]), {}).status_code == 403
    assert not may_report_for(user, organization.pk)


def test_an_inactive_contact_can_no_longer_update_the_organisations_actions(client, participant, organization):
    action = ActionItemFactory(responsible_organization=organization)
    activity = ActivityFactory(lead_organization=organization)
    assert can_update_action(participant, action)
    Contact.objects.filter(user=participant).update(is_active=False)
    assert not can_update_action(type(participant).objects.get(pk=participant.pk), action)
    client.force_login(participant)
    assert client.post(reverse("meetings:action-update", args=[action.pk]), {"status": "done"}).status_code == 403
    assert client.post(reverse("activities:activity-progress", args=[activity.pk]), {}).status_code == 403


def test_membership_counts_only_active_contacts(participant, organization):
    from stakeholders.models import organization_of

    assert organization_of(participant) == organization
    Contact.objects.filter(user=participant).update(is_active=False)
    assert organization_of(type(participant).objects.get(pk=participant.pk)) is None
