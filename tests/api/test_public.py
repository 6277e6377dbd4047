"""The API without a token: the public series' records, as the public pages show them; nothing else."""

import pytest
from django.test import Client

from activities.models import PlanStatus
from common.access import Visibility
from meetings.models import ParticipationStatus
from tests.activities.factories import ActivityFactory, ActivityPlanFactory
from tests.meetings.factories import (
    AgendaItemFactory,
    DecisionFactory,
    MeetingFactory,
    MeetingSeriesFactory,
    ParticipationFactory,
    StatementFactory,
)
from tests.stakeholders.factories import participant_user


@pytest.fixture
def public_and_private(db):
    public = MeetingSeriesFactory(is_public=True, title="Public platform")
    meeting = MeetingFactory(series=public, published=True)
    AgendaItemFactory(meeting=meeting, title="Open item", visibility=Visibility.PUBLIC, position=1)
    kept = AgendaItemFactory(meeting=meeting, title="Kept item", visibility=Visibility.PARTICIPANTS, position=2)
    StatementFactory(meeting=meeting, summary="Open remark", visibility=Visibility.PUBLIC)
    StatementFactory(meeting=meeting, summary="Kept remark")  # participants by default
    DecisionFactory(meeting=meeting, agenda_item=kept, text="Kept decision")
    ParticipationFactory(meeting=meeting, status=ParticipationStatus.ATTENDED)
    ActivityPlanFactory(series=public, year=2023, quarter_number=3, status=PlanStatus.DISCUSSED, endorsed_at=meeting)
    private = MeetingSeriesFactory(title="Private platform")
    private_meeting = MeetingFactory(series=private, published=True, title="Private meeting")
    AgendaItemFactory(meeting=private_meeting, title="Private item", visibility=Visibility.PUBLIC)
    StatementFactory(meeting=private_meeting, summary="Private remark", visibility=Visibility.PUBLIC)
    private_plan = ActivityPlanFactory(series=private, status=PlanStatus.DISCUSSED, endorsed_at=private_meeting)
    ActivityFactory(plan=private_plan, title="Private activity")
    return {"public": public, "meeting": meeting, "private": private}


def _all(client, name):
    response = client.get(f"/api/v1/{name}/")
    assert response.status_code == 200, (name, response.content)
    return response, response.json()["results"]


def test_anonymous_reads_only_the_public_series_and_its_public_pieces(public_and_private):
    client = Client()
    _response, series = _all(client, "series")
    assert [row["title"] for row in series] == ["Public platform"]
    _response, meetings = _all(client, "meetings")
    assert [row["id"] for row in meetings] == [public_and_private["meeting"].pk]
    assert [item["title"] for item in meetings[0]["agenda"]] == ["Open item"]
    assert meetings[0]["attendance"] is None  # not chosen public
    _response, items = _all(client, "agenda-items")
    assert [row["title"] for row in items] == ["Open item"]
    _response, statements = _all(client, "statements")
    assert [row["summary"] for row in statements] == ["Open remark"]
    _response, decisions = _all(client, "decisions")
    assert decisions == []
    _response, activities = _all(client, "activities")
    assert activities == []
    _response, plans = _all(client, "activity-plans")
    assert [row["series"] for row in plans] == [public_and_private["public"].pk]
    assert client.get(f"/api/v1/meetings/{public_and_private['meeting'].pk + 1}/").status_code == 404


def test_attendance_when_the_secretariat_chose_to_publish_it(public_and_private):
    series = public_and_private["public"]
    series.attendance_is_public = True
    series.save()
    _response, meetings = _all(Client(), "meetings")
    assert len(meetings[0]["attendance"]) == 1


def test_contacts_actions_and_tombstones_stay_closed_and_writes_are_refused(public_and_private):
    client = Client()
    for path in ("/api/v1/contacts/", "/api/v1/actions/", "/api/v1/deleted/", "/api/v1/schema/"):
        assert client.get(path).status_code == 401, path
    assert client.post("/api/v1/meetings/", {}).status_code == 401


def test_anonymous_answers_may_be_kept_by_shared_caches_and_personal_ones_not(public_and_private, token_client):
    response, _rows = _all(Client(), "meetings")
    assert response["Cache-Control"] == "public, no-cache"
    assert "Authorization" in response["Vary"] and "Cookie" in response["Vary"]
    assert Client().get("/api/v1/meetings/", HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304
    personal, _token, _secret = token_client(participant_user())
    response = personal.get("/api/v1/meetings/")
    assert response["Cache-Control"] == "private, no-cache"
    # The participant reads both series and the item kept to participants.
    titles = {item["title"] for meeting in response.json()["results"] for item in meeting["agenda"]}
    assert {"Open item", "Kept item", "Private item"} <= titles


def test_a_roleless_account_is_still_refused(public_and_private):
    from tests.stakeholders.factories import UserFactory

    client = Client()
    client.force_login(UserFactory())
    assert client.get("/api/v1/meetings/").status_code == 403
