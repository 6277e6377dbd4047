import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.activities.factories import ActivityFactory
from tests.meetings.factories import (
    ActionItemFactory,
    AgendaItemFactory,
    DecisionFactory,
    MeetingFactory,
    MeetingSeriesFactory,
    ParticipationFactory,
    StatementFactory,
)
from tests.stakeholders.factories import ContactFactory

pytestmark = pytest.mark.django_db


def _full_meeting(**kwargs):
    meeting = MeetingFactory(minutes_summary="Summary of the whole meeting", **kwargs)
    presenter = ContactFactory(name="Presenter Person")
    AgendaItemFactory(meeting=meeting, position=2, title="Second item", discussion_summary="Talked about B")
    AgendaItemFactory(meeting=meeting, position=1, title="First item", presenter=presenter)
    ParticipationFactory(meeting=meeting, role="chair", status="attended")
    StatementFactory(meeting=meeting, summary="A key remark")
    DecisionFactory(meeting=meeting, text="A decision taken")
    ActionItemFactory(meeting=meeting, title="A follow-up")
    return meeting


def test_meeting_page_shows_agenda_in_order_and_participants(client, participant):
    meeting = _full_meeting(published=True)
    client.force_login(participant)
    response = client.get(meeting.get_absolute_url())
    content = response.content.decode()
    assert content.index("First item") < content.index("Second item")
    assert "Presenter Person" in content
    assert "Chair" in content
    assert "A key remark" in content and "A decision taken" in content and "A follow-up" in content


def test_participants_do_not_see_draft_minutes(client, participant, secretariat):
    meeting = _full_meeting()
    client.force_login(participant)
    content = client.get(meeting.get_absolute_url()).content.decode()
    assert "Summary of the whole meeting" not in content
    assert "Talked about B" not in content
    assert "A key remark" not in content
    assert "have not been published yet" in content
    client.force_login(secretariat)
    content = client.get(meeting.get_absolute_url()).content.decode()
    assert "Summary of the whole meeting" in content and "Draft" in content


@pytest.mark.parametrize("rows", [3, 30])
def test_meeting_page_query_count_does_not_grow(client, secretariat, django_assert_max_num_queries, rows):
    meeting = MeetingFactory()
    for position in range(1, rows + 1):
        AgendaItemFactory(meeting=meeting, position=position, presenter=ContactFactory())
        ParticipationFactory(meeting=meeting)
        StatementFactory(meeting=meeting)
        ActionItemFactory(meeting=meeting)
    client.force_login(secretariat)
    # 19: the page also reads who was e-mailed, the series' latest held meeting (the secretariat's next step) and
    # the actions carried to the review of follow-up actions.
    with django_assert_max_num_queries(19):
        assert client.get(meeting.get_absolute_url()).status_code == 200


@pytest.mark.parametrize("rows", [3, 30])
def test_meeting_list_query_count_does_not_grow(client, participant, django_assert_max_num_queries, rows):
    series = MeetingSeriesFactory()
    for days in range(rows):  # all in the past: the paginated part of the list
        AgendaItemFactory(
            meeting=MeetingFactory(series=series, starts_at=timezone.now() - datetime.timedelta(days=days + 1))
        )
    client.force_login(participant)
    with django_assert_max_num_queries(9):  # 9: the upcoming meetings above the past ones
        response = client.get(reverse("meetings:meeting-list"))
    assert response.status_code == 200
    assert len(response.context["meetings"]) == min(rows, 25)


@pytest.mark.parametrize("rows", [3, 30])
def test_series_and_action_pages_query_count(client, participant, django_assert_max_num_queries, rows):
    series = MeetingSeriesFactory()
    for _ in range(rows):
        action = ActionItemFactory(meeting=MeetingFactory(series=series, published=True))
    client.force_login(participant)
    # 12: the action tracker's filter choices and the meetings that reviewed each action (issue 4).
    for url in (series.get_absolute_url(), reverse("meetings:action-list"), action.get_absolute_url()):
        with django_assert_max_num_queries(12):
            assert client.get(url).status_code == 200


def test_unknown_meeting_is_404(client, participant):
    client.force_login(participant)
    assert client.get("/meetings/999999/").status_code == 404


def test_activity_pages(client, participant, django_assert_max_num_queries):
    activity = ActivityFactory(title="Airport training", places=["Bukhara", "Fergana"])
    client.force_login(participant)
    with django_assert_max_num_queries(11):  # 11: the lead-organisation filter's choices
        content = client.get(reverse("activities:activity-list")).content.decode()
    assert "Airport training" in content and "Bukhara, Fergana" in content
    assert client.get(activity.get_absolute_url()).status_code == 200
    assert client.get(reverse("activities:activity-list") + "?quarter=nonsense").status_code == 200
