"""Opt-in public pages: a series the secretariat made public is readable without an account, and only the pieces
marked public; the same rules (common.access) answer the pages, the participants' pages and the API."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import Client
from django.urls import reverse

from activities.models import PlanStatus
from common.access import Visibility
from meetings.models import AgendaItem, Document, Meeting, MinutesStatus, ParticipationStatus, Statement
from tests.activities.factories import ActivityFactory, ActivityPlanFactory
from tests.meetings.factories import (
    AgendaItemFactory,
    DecisionFactory,
    DocumentFactory,
    MeetingFactory,
    MeetingSeriesFactory,
    ParticipationFactory,
    StatementFactory,
)
from tests.stakeholders.factories import ContactFactory, OrganizationFactory

ANONYMOUS = AnonymousUser()


@pytest.fixture
def record(db):
    """A public series with a meeting whose minutes are published: one piece of each kind at each audience."""
    series = MeetingSeriesFactory(is_public=True, title="Open platform")
    meeting = MeetingFactory(series=series, published=True, title="Open meeting")
    speaker = ContactFactory(email="speaker-address@example.org", name="Dilnoza Speaker")
    items = {
        visibility: AgendaItemFactory(
            meeting=meeting,
            position=position,
            title=f"Item {visibility}",
            discussion_summary=f"Discussed {visibility}",
            visibility=visibility,
        )
        for position, visibility in enumerate(Visibility.values, start=1)
    }
    statements = {
        visibility: StatementFactory(
            meeting=meeting, speaker=speaker, summary=f"Said {visibility}", visibility=visibility
        )
        for visibility in Visibility.values
    }
    documents = {
        visibility: DocumentFactory(meeting=meeting, title=f"Paper {visibility}", visibility=visibility)
        for visibility in Visibility.values
    }
    DecisionFactory(meeting=meeting, agenda_item=items["public"], text="Agreed in public")
    DecisionFactory(meeting=meeting, agenda_item=items["participants"], text="Agreed among participants")
    ParticipationFactory(
        meeting=meeting,
        organization=OrganizationFactory(name="Attending Ministry"),
        status=ParticipationStatus.ATTENDED,
    )
    draft_minutes = MeetingFactory(series=series, minutes_status=MinutesStatus.DRAFT, minutes_summary="Draft words")
    AgendaItemFactory(meeting=draft_minutes, title="Item of draft minutes", discussion_summary="Draft discussion")
    unannounced = MeetingFactory(series=series, draft=True, title="Unannounced meeting")
    plan = ActivityPlanFactory(
        series=series, year=2023, quarter_number=4, status=PlanStatus.ENDORSED, endorsed_at=meeting
    )
    ActivityFactory(plan=plan, title="Public training")
    draft_plan = ActivityPlanFactory(series=series, year=2024, quarter_number=1, status=PlanStatus.DRAFT)
    ActivityFactory(plan=draft_plan, title="Planned in draft")
    return {
        "series": series,
        "meeting": meeting,
        "items": items,
        "statements": statements,
        "documents": documents,
        "draft_minutes": draft_minutes,
        "unannounced": unannounced,
    }


# The querysets: one rule for every reader


def test_the_public_reads_only_what_is_marked_public(record):
    meeting = record["meeting"]
    assert set(AgendaItem.objects.visible_to(ANONYMOUS).filter(meeting=meeting)) == {record["items"]["public"]}
    assert list(Statement.objects.visible_to(ANONYMOUS)) == [record["statements"]["public"]]
    assert list(Document.objects.visible_to(ANONYMOUS)) == [record["documents"]["public"]]


def test_participants_read_all_but_the_secretariats_pieces(record, participant):
    items = set(AgendaItem.objects.visible_to(participant).filter(meeting=record["meeting"]))
    assert items == {record["items"]["public"], record["items"]["participants"]}
    assert set(Statement.objects.visible_to(participant)) == {
        record["statements"]["public"],
        record["statements"]["participants"],
    }
    assert record["documents"]["secretariat"] not in Document.objects.visible_to(participant)


def test_the_secretariat_reads_everything(record, secretariat):
    assert AgendaItem.objects.visible_to(secretariat).filter(meeting=record["meeting"]).count() == 3
    assert Statement.objects.visible_to(secretariat).count() == 3
    assert Document.objects.visible_to(secretariat).count() == 3


def test_nothing_is_public_by_default(db):
    meeting = MeetingFactory(published=True)
    AgendaItemFactory(meeting=meeting)
    StatementFactory(meeting=meeting)
    assert not meeting.series.is_public
    assert not Meeting.objects.visible_to(ANONYMOUS).exists()
    assert not AgendaItem.objects.visible_to(ANONYMOUS).exists()
    assert not Statement.objects.visible_to(ANONYMOUS).exists()
    # The pieces' defaults: items follow the series; statements and documents stay with the participants.
    assert StatementFactory.build().visibility == Visibility.PARTICIPANTS
    assert DocumentFactory.build().visibility == Visibility.PARTICIPANTS
    assert AgendaItemFactory.build().visibility == Visibility.PUBLIC


# The pages, over HTTP


def test_an_anonymous_visitor_reads_the_public_meeting_and_nothing_kept(record):
    response = Client().get(reverse("public-meeting", args=[record["meeting"].pk]))
    assert response.status_code == 200
    page = response.content.decode()
    for shown in ("Item public", "Discussed public", "Said public", "Paper public", "Agreed in public"):
        assert shown in page
    for kept in ("participants", "secretariat", "speaker-address@example.org", "Attending Ministry"):
        assert kept not in page
    assert f'<link rel="canonical" href="http://testserver/public/meetings/{record["meeting"].pk}/">' in page


def test_the_attendance_list_is_public_only_when_chosen(record):
    series = record["series"]
    series.attendance_is_public = True
    series.save()
    page = Client().get(reverse("public-meeting", args=[record["meeting"].pk])).content.decode()
    assert "Attending Ministry" in page


def test_draft_minutes_and_unannounced_meetings_stay_out(record):
    client = Client()
    page = client.get(reverse("public-meeting", args=[record["draft_minutes"].pk])).content.decode()
    assert "Item of draft minutes" in page  # the announced agenda
    assert "Draft discussion" not in page and "Draft words" not in page
    assert client.get(reverse("public-meeting", args=[record["unannounced"].pk])).status_code == 404
    series_page = client.get(reverse("public-series", args=[record["series"].pk])).content.decode()
    assert "Unannounced meeting" not in series_page
    assert "Public training" in series_page and "Planned in draft" not in series_page


def test_a_series_not_public_answers_404_to_everyone(db, secretariat):
    meeting = MeetingFactory(published=True)
    document = DocumentFactory(meeting=meeting, visibility=Visibility.PUBLIC)
    for user in (None, secretariat):
        client = Client()
        if user:
            client.force_login(user)
        assert client.get(reverse("public-series", args=[meeting.series.pk])).status_code == 404
        assert client.get(reverse("public-meeting", args=[meeting.pk])).status_code == 404
        assert client.get(reverse("public-document", args=[document.pk])).status_code == 404


def test_only_public_documents_download(record):
    client = Client()
    assert client.get(reverse("public-document", args=[record["documents"]["public"].pk])).status_code == 200
    for kept in ("participants", "secretariat"):
        assert client.get(reverse("public-document", args=[record["documents"][kept].pk])).status_code == 404


def test_anonymous_pages_may_be_cached_by_proxies_and_signed_in_ones_not(record, participant):
    path = reverse("public-meeting", args=[record["meeting"].pk])
    anonymous = Client().get(path)
    assert "public" in anonymous["Cache-Control"] and "max-age=300" in anonymous["Cache-Control"]
    assert "Cookie" in anonymous["Vary"]
    assert not anonymous.cookies  # no CSRF cookie: the same page for every anonymous reader
    assert "Content-Security-Policy" in anonymous and anonymous["X-Content-Type-Options"] == "nosniff"
    client = Client()
    client.force_login(participant)
    signed_in = client.get(path)
    assert signed_in.status_code == 200
    assert "private" in signed_in["Cache-Control"] and "public," not in signed_in["Cache-Control"]
    # A participant sees the public view here, not their own.
    assert "Item participants" not in signed_in.content.decode()


def test_participants_pages_hide_the_secretariats_pieces(record, participant, secretariat):
    path = reverse("meetings:meeting-detail", args=[record["meeting"].pk])
    client = Client()
    client.force_login(participant)
    page = client.get(path).content.decode()
    assert "Item participants" in page and "Said participants" in page and "Paper participants" in page
    assert "Item secretariat" not in page and "Said secretariat" not in page and "Paper secretariat" not in page
    client.force_login(secretariat)
    page = client.get(path).content.decode()
    assert "Item secretariat" in page and "Said secretariat" in page and "Paper secretariat" in page


def test_the_secretariat_makes_a_series_public_only_when_confirming_what_becomes_public(db, secretariat, participant):
    series = MeetingSeriesFactory()
    path = reverse("meetings:series-publicity", args=[series.pk])
    client = Client()
    client.force_login(participant)
    assert client.post(path, {"is_public": "on", "confirm": "on"}).status_code == 403
    client.force_login(secretariat)
    assert "Anyone on the internet" in client.get(path).content.decode()
    refused = client.post(path, {"is_public": "on"})
    assert refused.status_code == 200
    assert "Confirm that you understand what becomes public." in refused.content.decode()
    series.refresh_from_db()
    assert not series.is_public
    assert client.post(path, {"is_public": "on", "confirm": "on", "attendance_is_public": "on"}).status_code == 302
    series.refresh_from_db()
    assert series.is_public and series.attendance_is_public
    # Already public: other changes need no new confirmation; unticking makes it private again.
    assert client.post(path, {}).status_code == 302
    series.refresh_from_db()
    assert not series.is_public


def test_the_public_meeting_page_gives_the_time_in_the_meetings_zone_and_says_what_is_illustrative(record):
    """The member page's time, not UTC under a Tashkent label; and an example time is flagged as one."""
    meeting = record["meeting"]  # the factory's 10:00-13:00 Tashkent time
    Meeting.objects.filter(pk=meeting.pk).update(is_illustrative=True)
    page = Client().get(reverse("public-meeting", args=[meeting.pk])).content.decode()
    assert "10:00–13:00" in page
    assert "05:00" not in page
    assert "are examples: no source gives them." in page


def test_a_russian_publication_date_ends_with_one_full_stop(record):
    page = (
        Client(headers={"accept-language": "ru"})
        .get(reverse("public-meeting", args=[record["meeting"].pk]))
        .content.decode()
    )
    assert "Опубликовано" in page
    assert "г.." not in page
