"""The look, on the server side: columns empty on every row are left out of the data tables."""

import re

import pytest
from django.urls import reverse

from tests.activities.factories import ActivityFactory, ActivityPlanFactory
from tests.meetings.factories import ActionItemFactory, MeetingFactory
from tests.stakeholders.factories import ContactFactory, OrganizationFactory

pytestmark = pytest.mark.django_db


def column_headers(html: str) -> list[str]:
    return [re.sub(r"<[^>]+>", "", header).strip() for header in re.findall(r'<th scope="col"[^>]*>(.*?)</th>', html)]


def test_the_owner_column_appears_only_when_an_action_has_an_owner(client, participant):
    """The tracker's table; the meeting page gives its actions in the record per agenda item, the owner in brackets
    after the organisation only when there is one."""
    meeting = MeetingFactory(published=True)
    action = ActionItemFactory(meeting=meeting, title="Circulate the route analysis")
    client.force_login(participant)
    html = client.get(reverse("meetings:action-list")).content.decode()
    assert "Circulate the route analysis" in html
    assert "Owner" not in column_headers(html)
    assert "Circulate the route analysis" in client.get(meeting.get_absolute_url()).content.decode()

    action.owner = ContactFactory(organization=action.responsible_organization, name="Dilnoza Rashidova")
    action.save()
    html = client.get(reverse("meetings:action-list")).content.decode()
    assert "Owner" in column_headers(html)
    assert "Dilnoza Rashidova" in html
    assert "(Dilnoza Rashidova)" in client.get(meeting.get_absolute_url()).content.decode()


def test_a_plan_leaves_out_places_and_partners_when_no_activity_has_any(client, participant):
    plan = ActivityPlanFactory(year=2023, quarter_number=4)
    activity = ActivityFactory(plan=plan, title="Study visit", places=[])
    client.force_login(participant)
    headers = column_headers(client.get(reverse("activities:activity-list")).content.decode())
    assert "Activity" in headers and "Places" not in headers and "Partners" not in headers

    activity.places = ["Bukhara"]
    activity.save()
    activity.partners.add(OrganizationFactory(name="International Organization for Migration"))
    html = client.get(reverse("activities:activity-list")).content.decode()
    assert {"Places", "Partners"} <= set(column_headers(html))
    assert "Bukhara" in html
