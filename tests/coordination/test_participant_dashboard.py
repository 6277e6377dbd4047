import datetime

import pytest
from django.urls import reverse

from tests.meetings.factories import ActionItemFactory, MeetingFactory, ParticipationFactory

pytestmark = pytest.mark.django_db


def test_dashboard_counts_own_overdue_actions_and_offers_the_calendar_file(client, participant, organization):
    meeting = MeetingFactory(status="planned", starts_at="2099-01-10T10:00+05:00", ends_at="2099-01-10T13:00+05:00")
    ParticipationFactory(meeting=meeting, organization=organization)  # the next meeting the reader is invited to
    ActionItemFactory(responsible_organization=organization, due_on=datetime.date(2023, 2, 1))
    ActionItemFactory(responsible_organization=organization, due_on=datetime.date(2099, 2, 1))
    ActionItemFactory(due_on=datetime.date(2023, 2, 1))  # another organisation's
    client.force_login(participant)
    response = client.get(reverse("dashboard"))
    dashboard = response.context["dashboard"]
    assert dashboard.overdue_count == 1
    content = response.content.decode()
    assert reverse("meetings:meeting-calendar", args=[meeting.pk]) in content
    assert f"organization={organization.pk}" in content
    assert "1 overdue" in content


def test_meeting_page_offers_calendar_and_print_but_no_minutes_links_for_drafts(client, participant):
    draft = MeetingFactory()
    published = MeetingFactory(published=True)
    client.force_login(participant)
    content = client.get(draft.get_absolute_url()).content.decode()
    assert reverse("meetings:meeting-calendar", args=[draft.pk]) in content
    assert reverse("meetings:meeting-agenda-print", args=[draft.pk]) in content
    assert reverse("meetings:meeting-minutes-pdf", args=[draft.pk]) not in content
    content = client.get(published.get_absolute_url()).content.decode()
    assert reverse("meetings:meeting-minutes-pdf", args=[published.pk]) in content


def test_dashboard_open_actions_show_their_reference_before_the_title(client, participant, organization):
    meeting = MeetingFactory(number=7, published=True)
    ActionItemFactory(meeting=meeting, responsible_organization=organization, title="Send the road survey")
    action = ActionItemFactory(meeting=meeting, responsible_organization=organization, title="Draft the budget")
    assert action.reference == "7.2"
    client.force_login(participant)

    content = client.get(reverse("dashboard")).content.decode()

    assert (
        f'<span class="entry-reference">7.2</span> <a href="{action.get_absolute_url()}">Draft the budget</a>'
        in content
    )
