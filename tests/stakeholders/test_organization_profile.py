import datetime

import pytest

from activities import analytics as activity_analytics
from meetings import analytics
from tests.activities.factories import ActivityFactory
from tests.meetings.factories import (
    ActionItemFactory,
    MeetingFactory,
    MeetingSeriesFactory,
    ParticipationFactory,
    StatementFactory,
)
from tests.stakeholders.factories import ContactFactory, OrganizationFactory

pytestmark = pytest.mark.django_db


def test_profile_shows_dots_actions_rate_statements_and_activities(client, participant, organization):
    series = MeetingSeriesFactory()
    attended = MeetingFactory(series=series, number=1, published=True)
    missed = MeetingFactory(series=series, number=2)
    ParticipationFactory(meeting=attended, organization=organization, status="attended")
    ParticipationFactory(meeting=missed, organization=organization, status="absent")
    ActionItemFactory(responsible_organization=organization, status="done")
    ActionItemFactory(responsible_organization=organization, status="open", due_on=datetime.date(2023, 1, 1))
    ActionItemFactory(responsible_organization=organization, status="dropped")
    speaker = ContactFactory(organization=organization)
    StatementFactory(meeting=attended, speaker=speaker, summary="Published remark")
    StatementFactory(meeting=missed, speaker=speaker, summary="Draft remark")
    led = ActivityFactory(lead_organization=organization, title="Led activity")
    partnered = ActivityFactory(title="Partnered activity")
    partnered.partners.add(organization)
    client.force_login(participant)

    response = client.get(organization.get_absolute_url())

    [(dot_series, meetings)] = response.context["attendance_dots"]
    assert dot_series == series
    assert [(m, m.status_of_organization) for m in meetings] == [(attended, "attended"), (missed, "absent")]
    record = response.context["action_record"]
    assert (record.total, record.done, record.still_open, record.overdue, record.completion_rate) == (3, 1, 1, 1, 50)
    content = response.content.decode()
    assert "Published remark" in content and "Draft remark" not in content
    assert {(a, a.is_led) for a in response.context["activities"]} == {(led, True), (partnered, False)}
    assert "dot dot-attended" in content


def test_profile_actions_show_their_reference_before_the_title(client, participant, organization):
    meeting = MeetingFactory(number=4, published=True)
    ActionItemFactory(meeting=meeting, title="Map the clinics")
    action = ActionItemFactory(meeting=meeting, responsible_organization=organization, title="Train the nurses")
    assert action.reference == "4.2"
    client.force_login(participant)

    content = client.get(organization.get_absolute_url()).content.decode()

    assert (
        f'<span class="entry-reference">4.2</span> <a href="{action.get_absolute_url()}">Train the nurses</a>'
        in content
    )


@pytest.mark.parametrize("rows", [3, 30])
def test_profile_query_count_is_constant(client, participant, organization, django_assert_max_num_queries, rows):
    series = MeetingSeriesFactory()
    for _ in range(rows):
        meeting = MeetingFactory(series=series, published=True)
        ParticipationFactory(meeting=meeting, organization=organization, status="attended")
        ActionItemFactory(meeting=meeting, responsible_organization=organization)
        StatementFactory(meeting=meeting, speaker=ContactFactory(organization=organization))
        ActivityFactory(lead_organization=organization).partners.add(OrganizationFactory())
    client.force_login(participant)
    with django_assert_max_num_queries(15):
        assert client.get(organization.get_absolute_url()).status_code == 200


def test_profile_lists_open_actions_first_by_due_date_then_closed_ones(organization, participant):
    closed_early = ActionItemFactory(
        responsible_organization=organization, status="done", due_on=datetime.date(2023, 1, 1)
    )
    open_late = ActionItemFactory(
        responsible_organization=organization, status="open", due_on=datetime.date(2023, 6, 1)
    )
    open_early = ActionItemFactory(
        responsible_organization=organization, status="in_progress", due_on=datetime.date(2023, 2, 1)
    )
    dropped = ActionItemFactory(
        responsible_organization=organization, status="dropped", due_on=datetime.date(2023, 3, 1)
    )
    ActionItemFactory(status="open")

    assert list(analytics.owned_actions(organization, participant)) == [open_early, open_late, closed_early, dropped]


def test_profile_lists_an_activity_led_and_partnered_once(organization):
    led_and_partnered = ActivityFactory(lead_organization=organization)
    led_and_partnered.partners.add(organization)
    partnered = ActivityFactory()
    partnered.partners.add(organization)
    ActivityFactory()

    activities = activity_analytics.activities_involved(organization)

    assert sorted((a.pk, a.is_led) for a in activities) == sorted([(led_and_partnered.pk, True), (partnered.pk, False)])
