"""The API answers from the pages' policy: drafts never leave through it, role-less accounts get nothing."""

import pytest
from django.test import Client

from meetings.models import MinutesStatus
from tests.meetings.factories import (
    ActionItemFactory,
    AgendaItemFactory,
    DecisionFactory,
    MeetingFactory,
    StatementFactory,
)
from tests.stakeholders.factories import ContactFactory, UserFactory, participant_user, secretariat_user

LISTS = [
    "series",
    "meetings",
    "agenda-items",
    "statements",
    "decisions",
    "actions",
    "organizations",
    "contacts",
    "activity-plans",
    "activities",
    "deleted",
]
MARKERS = {
    "draft meeting": "quaggadraftmeeting",
    "draft agenda": "quaggadraftagenda",
    "minutes summary": "quaggaminutessummary",
    "discussion": "quaggadiscussion",
    "statement": "quaggastatement",
    "decision": "quaggadecision",
    "action": "quaggaaction",
}


@pytest.fixture
def drafts(db):
    """A draft meeting (not announced) and a held meeting whose minutes are a draft, each record with a marker."""
    draft_meeting = MeetingFactory(draft=True, title=f"Planned {MARKERS['draft meeting']}")
    AgendaItemFactory(meeting=draft_meeting, title=f"Item {MARKERS['draft agenda']}")
    held = MeetingFactory(minutes_status=MinutesStatus.DRAFT, minutes_summary=f"Sum {MARKERS['minutes summary']}")
    item = AgendaItemFactory(meeting=held, discussion_summary=f"Said {MARKERS['discussion']}")
    StatementFactory(meeting=held, summary=f"Spoke {MARKERS['statement']}")
    DecisionFactory(meeting=held, agenda_item=item, text=f"Agreed {MARKERS['decision']}")
    ActionItemFactory(meeting=held, title=f"Do {MARKERS['action']}")
    return {"draft_meeting": draft_meeting, "held": held}


def crawl(client) -> str:
    """Every list and every detail it links to, as one text."""
    texts = []
    for name in LISTS:
        response = client.get(f"/api/v1/{name}/")
        assert response.status_code == 200, name
        texts.append(response.content.decode())
        for row in response.json()["results"]:
            if name != "deleted":
                detail = client.get(f"/api/v1/{name}/{row['id']}/")
                assert detail.status_code == 200
                texts.append(detail.content.decode())
    return "\n".join(texts)


def found_markers(text: str) -> set[str]:
    return {kind for kind, marker in MARKERS.items() if marker in text}


@pytest.mark.parametrize("who", ["participant", "participant_of_another_organisation"])
def test_no_draft_reaches_a_participant_through_the_api(drafts, token_client, who):
    user = participant_user()
    client, _token, _secret = token_client(user)
    assert found_markers(crawl(client)) == set()
    for meeting in drafts.values():
        if meeting.is_draft:
            assert client.get(f"/api/v1/meetings/{meeting.pk}/").status_code == 404


def test_the_secretariat_sees_every_draft_through_the_api(drafts, token_client):
    """The crawl can fail: the secretariat, who may see drafts, finds every marker."""
    client, _token, _secret = token_client(secretariat_user())
    assert found_markers(crawl(client)) == set(MARKERS)


def test_draft_minutes_stage_and_texts_are_withheld_on_the_meeting(drafts, token_client):
    client, _token, _secret = token_client(participant_user())
    meeting = client.get(f"/api/v1/meetings/{drafts['held'].pk}/").json()
    assert meeting["minutes_summary"] == ""
    assert [item["discussion_summary"] for item in meeting["agenda"]] == [""]


@pytest.mark.parametrize("with_contact", [False, True])
def test_a_roleless_account_gets_nothing(drafts, token_client, with_contact):
    user = UserFactory()
    if with_contact:
        ContactFactory(user=user)
    client, _token, _secret = token_client(user)
    for name in LISTS:
        response = client.get(f"/api/v1/{name}/")
        assert response.status_code == 403, name
        assert response["Content-Type"] == "application/problem+json"
        assert response.json()["status"] == 403
    session = Client()
    session.force_login(user)
    assert session.get("/api/v1/meetings/").status_code == 403


def test_anonymous_gets_a_401_problem(db):
    """On what is never public (contacts); the public series' records answer anonymous reads (test_public.py)."""
    response = Client().get("/api/v1/contacts/")
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == 'Bearer realm="api"'
    problem = response.json()
    assert problem["type"].endswith("not-authenticated")
    assert set(problem) >= {"type", "title", "status", "detail"}


def test_phone_numbers_only_for_the_secretariat_and_emails_as_the_organisation_pages_show_them(db, token_client):
    ContactFactory(phone="+998 71 000 00 00", email="someone@example.org")
    as_participant, _token, _secret = token_client(participant_user())
    as_secretariat, _token, _secret = token_client(secretariat_user())
    participant_view = {row["email"]: row for row in as_participant.get("/api/v1/contacts/").json()["results"]}
    secretariat_view = {row["email"]: row for row in as_secretariat.get("/api/v1/contacts/").json()["results"]}
    assert participant_view["someone@example.org"]["phone"] is None
    assert secretariat_view["someone@example.org"]["phone"] == "+998 71 000 00 00"


def test_the_api_only_reads(db, token_client):
    client, _token, _secret = token_client(secretariat_user())
    response = client.post("/api/v1/meetings/", {}, content_type="application/json")
    assert response.status_code == 405
    assert response["Content-Type"] == "application/problem+json"
