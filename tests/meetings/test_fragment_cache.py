"""Rows rendered once per change, not once per reader (issue 30): the meetings list's rows and the calendar feed's
events come from the fragment cache (common.fragment_cache) for every reader after the first, a write that changes
what they show is on the next page, and nothing of one reader reaches another."""

import datetime
import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from common import fragment_cache
from common.i18n import fingerprint
from meetings.models import MeetingFormat, MeetingStatus, ParticipationStatus
from tests.meetings.factories import AgendaItemFactory, MeetingFactory, MeetingSeriesFactory, ParticipationFactory

pytestmark = pytest.mark.django_db

LIST = reverse("meetings:meeting-list")
FEED = reverse("calendar-feed")


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def read(client, django_capture_on_commit_callbacks):
    """A page as ``user`` reads it in ``language``; what the request stores in the cache is stored, as when its
    transaction commits in production (a test's transaction never commits)."""

    def read(user, url, language="en"):
        client.force_login(user)
        with django_capture_on_commit_callbacks(execute=True):
            response = client.get(url, HTTP_ACCEPT_LANGUAGE=language)
        assert response.status_code == 200
        return response.content.decode()

    return read


def counts(kind):
    numbers = fragment_cache.stats().get(kind, {"hits": 0, "misses": 0})
    return numbers["hits"], numbers["misses"]


def difference(before, after):
    return after[0] - before[0], after[1] - before[1]


def rows_of(page: str) -> str:
    return "".join(re.findall(r"<tbody>(.*?)</tbody>", page, re.S))


def test_every_reader_after_the_first_reads_the_rows_from_the_cache(read, participant, other_participant):
    for _ in range(3):
        MeetingFactory()
    before = counts("meeting-row")
    first = read(participant, LIST)
    after_first = counts("meeting-row")
    second = read(other_participant, LIST)

    assert difference(before, after_first) == (0, 3)
    assert difference(after_first, counts("meeting-row")) == (3, 0)
    assert rows_of(first) == rows_of(second) and "Coordination meeting" in rows_of(second)


def test_each_language_has_its_own_rows(read, participant, other_participant):
    MeetingFactory(title="Border management", title_ru="Управление границами")
    assert "Border management" in rows_of(read(participant, LIST))
    russian = rows_of(read(other_participant, LIST, "ru"))
    assert "Управление границами" in russian and "Border management" not in russian
    assert 'data-label="Дата"' in russian


def _edit(client, secretariat, meeting, **changes):
    local_start = meeting.local_start
    data = {
        "number": meeting.number,
        "title": meeting.title,
        "date": local_start.date().isoformat(),
        "start_time": local_start.strftime("%H:%M"),
        "end_time": meeting.local_end.strftime("%H:%M"),
        "time_zone": meeting.time_zone,
        "venue": meeting.venue,
        "format": meeting.format,
        "status": meeting.status,
        "reviewed_quarter": "",
        "version": meeting.version,
        "past_start_confirmed": "on",
        **changes,
    }
    client.force_login(secretariat)
    response = client.post(reverse("meetings:meeting-edit", args=[meeting.pk]), data)
    assert response.status_code == 302, response.content.decode()


@pytest.mark.parametrize(
    ("changes", "shown", "gone"),
    [
        ({"title": "Renamed meeting"}, "Renamed meeting", "Old title"),
        ({"venue": "Samarkand, Registan"}, "Samarkand, Registan", "Tashkent, Old venue"),
        ({"start_time": "15:30", "end_time": "17:00"}, "15:30", "10:00"),
    ],
)
def test_an_edit_shows_on_the_next_list_view(client, read, secretariat, participant, changes, shown, gone):
    meeting = MeetingFactory(title="Old title", venue="Tashkent, Old venue")
    assert gone in rows_of(read(participant, LIST))

    _edit(client, secretariat, meeting, **changes)

    rows = rows_of(read(participant, LIST))
    assert shown in rows and gone not in rows


def test_a_saved_translation_shows_on_the_next_list_view(client, read, secretariat, participant):
    meeting = MeetingFactory(title="Border management", title_ru="Старое название")
    assert "Старое название" in rows_of(read(participant, LIST, "ru"))

    client.force_login(secretariat)
    response = client.post(
        reverse("meetings:meeting-translations", args=[meeting.pk]),
        {
            "text": f"meeting:{meeting.pk}:title",
            "language": "ru",
            "translation": "Управление границами",
            "original": fingerprint("Border management"),
        },
    )
    assert response.status_code == 302

    rows = rows_of(read(participant, LIST, "ru"))
    assert "Управление границами" in rows and "Старое название" not in rows


def test_announcing_a_draft_shows_on_the_next_list_view(client, read, secretariat):
    """Announcing saves the meeting without an edit's new version: its ``updated`` stamp moves the key."""
    meeting = MeetingFactory(title="Soon announced", draft=True)
    assert "text-bg-warning" in rows_of(read(secretariat, LIST))

    assert client.post(reverse("meetings:meeting-announce", args=[meeting.pk])).status_code == 302

    rows = rows_of(read(secretariat, LIST))
    assert "Soon announced" in rows and "text-bg-warning" not in rows


def test_related_rows_show_on_the_next_list_view(read, participant):
    """The series' name and the counts are other rows than the meeting's: their writes change the row's key too."""
    series = MeetingSeriesFactory(title="Old series name")
    meeting = MeetingFactory(series=series)
    rows = rows_of(read(participant, LIST))
    assert "Old series name" in rows

    series.title = "Migration platform"
    series.save()
    AgendaItemFactory(meeting=meeting, position=1)
    AgendaItemFactory(meeting=meeting, position=2)

    rows = rows_of(read(participant, LIST))
    assert "Migration platform" in rows and "Old series name" not in rows
    assert 'data-label="Agenda items">2</td>' in rows


def test_a_meeting_in_progress_turns_held_when_its_attendance_is_recorded(read, participant):
    """The status comes from the clock and the attendance, not only from the meeting's own row."""
    now = timezone.now()
    meeting = MeetingFactory(
        starts_at=now - datetime.timedelta(hours=1), ends_at=now + datetime.timedelta(hours=2), status="planned"
    )
    invited = ParticipationFactory(meeting=meeting, status=ParticipationStatus.INVITED)
    assert "In progress" in rows_of(read(participant, LIST))

    invited.status = ParticipationStatus.ATTENDED
    invited.save()

    rows = rows_of(read(participant, LIST))
    assert str(MeetingStatus.HELD.label) in rows and "In progress" not in rows


def test_a_participant_never_gets_a_row_the_secretariat_filled(read, secretariat, participant):
    """The secretariat reads first (drafts and all); the participant's page holds nothing of theirs."""
    MeetingFactory(title="Announced meeting")
    MeetingFactory(title="Draft meeting", draft=True)
    secretariat_page = read(secretariat, LIST)
    assert "Draft meeting" in secretariat_page and reverse("meetings:meeting-new") in secretariat_page

    hits_before = counts("meeting-row")[0]
    page = read(participant, LIST)

    assert counts("meeting-row")[0] > hits_before  # the announced meeting's row came from the cache
    assert "Announced meeting" in page
    assert "Draft meeting" not in page and "text-bg-warning" not in page
    assert reverse("meetings:meeting-new") not in page and "/edit/" not in page


def _list_queries(client, user):
    client.force_login(user)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(LIST).status_code == 200
    return len(queries)


def test_the_list_costs_the_same_queries_with_the_cache_cold_or_warm_and_however_many_rows(client, read, participant):
    for _ in range(3):
        MeetingFactory()
    cold = _list_queries(client, participant)
    read(participant, LIST)  # fills the cache
    warm = _list_queries(client, participant)
    for _ in range(12):
        MeetingFactory()
    more_rows = _list_queries(client, participant)
    assert cold == warm == more_rows


# The calendar feed: each event serialised once per version, language, address and join link.


def upcoming_meeting(**kwargs):
    return MeetingFactory(
        starts_at=timezone.now() + datetime.timedelta(days=7),
        ends_at=timezone.now() + datetime.timedelta(days=7, hours=2),
        status=MeetingStatus.PLANNED,
        **kwargs,
    )


def test_the_feed_serialises_each_event_once_for_all_its_readers(read, participant, other_participant):
    upcoming_meeting(title="Feed meeting")
    before = counts("meeting-event")
    first = read(participant, FEED)
    middle = counts("meeting-event")
    second = read(other_participant, FEED)

    assert difference(before, middle) == (0, 1)
    assert difference(middle, counts("meeting-event")) == (1, 0)
    assert "Feed meeting" in second
    assert re.sub(r"DTSTAMP:\w+", "", first) == re.sub(r"DTSTAMP:\w+", "", second)
    assert "19000101" not in second  # the stamp of the file, not the cached event's placeholder


def test_an_edit_shows_in_the_next_feed(client, read, secretariat, participant):
    meeting = upcoming_meeting(title="Old title", venue="Old venue")
    assert "Old title" in read(participant, FEED)

    _edit(client, secretariat, meeting, title="New title", venue="New venue", start_time="16:45", end_time="18:00")

    feed = read(participant, FEED)
    assert "New title" in feed and "New venue" in feed and "T164500" in feed
    assert "Old title" not in feed and "Old venue" not in feed


def test_a_reader_not_invited_never_gets_the_join_link_an_invited_reader_was_given(
    read, secretariat, participant, organization, other_participant
):
    meeting = upcoming_meeting(format=MeetingFormat.ONLINE, join_url="https://call.example.org/secret-room")
    ParticipationFactory(meeting=meeting, organization=organization)  # the participant's organisation is invited
    assert "secret-room" in read(secretariat, FEED)
    assert "secret-room" in read(participant, FEED)

    feed = read(other_participant, FEED)

    assert "secret-room" not in feed and f"meeting-{meeting.pk}@" in feed


def test_readers_of_a_meeting_without_a_join_link_share_its_event_whatever_their_role(read, secretariat, participant):
    upcoming_meeting(title="In the room only", join_url="")
    read(secretariat, FEED)  # the secretariat sees every join link: there is none to see here
    before = counts("meeting-event")

    assert "In the room only" in read(participant, FEED)
    assert difference(before, counts("meeting-event")) == (1, 0)


UNREACHABLE_REDIS = {
    "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://127.0.0.1:9/0"}
}


def test_the_pages_are_made_without_the_fragment_cache_while_it_cannot_be_reached(
    client, participant, settings, django_capture_on_commit_callbacks
):
    """A shared cache that is down (CACHE_URL's Redis) costs the fragments' speed, never the page."""
    upcoming_meeting(title="Served while Redis is down")
    client.force_login(participant)
    settings.CACHES = UNREACHABLE_REDIS
    with django_capture_on_commit_callbacks(execute=True):
        listed, feed = client.get(LIST), client.get(FEED)
    assert listed.status_code == feed.status_code == 200
    assert "Served while Redis is down" in rows_of(listed.content.decode())
    assert "Served while Redis is down" in feed.content.decode()
