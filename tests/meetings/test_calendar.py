import datetime
import random
import re
import zoneinfo
from urllib.parse import unquote

import pytest
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar
from icalendar.parser import Contentline

from activities.calendar import activity_uid
from common.quarter import Quarter
from meetings.calendar import fold, meeting_uid
from meetings.models import Meeting
from tests.activities.factories import ActivityFactory
from tests.meetings.factories import AgendaItemFactory, MeetingFactory, MeetingSeriesFactory
from tests.stakeholders.factories import ContactFactory, UserFactory

pytestmark = pytest.mark.django_db


def parse(response) -> Calendar:
    assert response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(response.content)


def events(calendar):
    return list(calendar.walk("VEVENT"))


def recent_meeting(days_from_now=7, **kwargs):
    """A meeting inside the feed's window (the factory's default dates are years back)."""
    return MeetingFactory(starts_at=timezone.now() + datetime.timedelta(days=days_from_now), **kwargs)


def activity_on(day: datetime.date, **kwargs):
    quarter = Quarter.containing(day)
    return ActivityFactory(starts_on=day, plan__year=quarter.year, plan__quarter_number=quarter.number, **kwargs)


def _meeting_numbered_apart_from_its_id(series_title: str) -> Meeting:
    meeting = MeetingFactory(series=MeetingSeriesFactory(title=series_title))
    meeting.number = meeting.pk + 2  # the 6th meeting may be row 4: the name must not depend on the row
    meeting.save()
    return meeting


def test_the_calendar_file_is_named_by_series_and_number_not_by_id(client, participant):
    meeting = _meeting_numbered_apart_from_its_id("Counter-trafficking platform")
    client.force_login(participant)
    response = client.get(reverse("meetings:meeting-calendar", args=[meeting.pk]))
    assert response["Content-Disposition"] == (
        f'attachment; filename="counter-trafficking-platform-meeting-{meeting.number}.ics"'
    )


def test_a_long_series_title_is_cut_at_a_word_in_the_file_name(client, participant):
    meeting = _meeting_numbered_apart_from_its_id(
        "Multi-stakeholder coordination meetings on countering trafficking in persons in Uzbekistan"
    )
    client.force_login(participant)
    response = client.get(reverse("meetings:meeting-calendar", args=[meeting.pk]))
    assert response["Content-Disposition"] == (
        f'attachment; filename="multi-stakeholder-coordination-meetings-meeting-{meeting.number}.ics"'
    )


def test_a_series_titled_in_cyrillic_names_the_file_with_filename_star(client, participant):
    meeting = _meeting_numbered_apart_from_its_id("Координационная платформа")
    client.force_login(participant)
    disposition = client.get(reverse("meetings:meeting-calendar", args=[meeting.pk]))["Content-Disposition"]
    prefix = "attachment; filename*=utf-8''"
    assert disposition.startswith(prefix)
    assert disposition.isascii()
    assert unquote(disposition.removeprefix(prefix)) == f"координационная-платформа-meeting-{meeting.number}.ics"


def test_meeting_calendar_file_has_time_zone_uid_location_and_agenda(client, participant):
    meeting = MeetingFactory(title="Quarterly review", venue="Hyatt Regency, Tashkent", time_zone="Asia/Tashkent")
    AgendaItemFactory(meeting=meeting, position=1, title="Opening remarks")
    AgendaItemFactory(meeting=meeting, position=2, title="Upcoming activities")
    client.force_login(participant)

    response = client.get(reverse("meetings:meeting-calendar", args=[meeting.pk]))

    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    calendar = parse(response)
    [event] = events(calendar)
    assert str(event["uid"]) == f"meeting-{meeting.pk}@coordination-portal"
    assert event.decoded("dtstart") == meeting.starts_at
    assert event.decoded("dtstart").tzinfo == zoneinfo.ZoneInfo("Asia/Tashkent")
    assert event["dtstart"].params["TZID"] == "Asia/Tashkent"
    assert [tz["tzid"] for tz in calendar.walk("VTIMEZONE")] == ["Asia/Tashkent"]
    assert str(event["location"]) == "Hyatt Regency, Tashkent"
    description = str(event["description"])
    assert "1. Opening remarks" in description and "2. Upcoming activities" in description
    assert event["sequence"] == 0


def test_uid_is_stable_across_host_names(client, participant):
    meeting = MeetingFactory()
    client.force_login(participant)
    first = parse(client.get(reverse("meetings:meeting-calendar", args=[meeting.pk]), HTTP_HOST="localhost"))
    second = parse(client.get(reverse("meetings:meeting-calendar", args=[meeting.pk]), HTTP_HOST="127.0.0.1"))
    assert events(first)[0]["uid"] == events(second)[0]["uid"] == meeting_uid(meeting)


def test_sequence_is_bumped_when_time_venue_title_or_status_changes():
    meeting = MeetingFactory()
    assert meeting.calendar_sequence == 0
    meeting.minutes_summary = "Not a calendar matter."
    meeting.save()
    assert Meeting.objects.get(pk=meeting.pk).calendar_sequence == 0

    meeting.venue = "Another venue"
    meeting.save()
    assert meeting.calendar_sequence == 1
    meeting.starts_at += datetime.timedelta(hours=1)
    meeting.ends_at += datetime.timedelta(hours=1)
    meeting.save(update_fields=["starts_at", "ends_at"])
    meeting.status = "cancelled"
    meeting.save()
    assert Meeting.objects.get(pk=meeting.pk).calendar_sequence == 3


def test_cancelled_meeting_is_marked_cancelled_in_the_file(client, participant):
    meeting = MeetingFactory()
    meeting.status = "cancelled"
    meeting.save()
    client.force_login(participant)
    [event] = events(parse(client.get(reverse("meetings:meeting-calendar", args=[meeting.pk]))))
    assert str(event["status"]) == "CANCELLED"
    assert event["sequence"] == 1


def test_feed_has_meetings_and_all_day_activities(client, participant):
    meeting = recent_meeting()
    first_day = Quarter.current().first_day
    activity = activity_on(
        first_day,
        title="Airport staff training",
        ends_on=first_day + datetime.timedelta(days=2),
        places=["Bukhara", "Fergana"],
    )
    client.force_login(participant)
    calendar = parse(client.get("/calendar.ics"))
    by_uid = {str(event["uid"]): event for event in events(calendar)}
    assert set(by_uid) == {meeting_uid(meeting), f"activity-{activity.pk}@coordination-portal"}
    activity_event = by_uid[f"activity-{activity.pk}@coordination-portal"]
    assert activity_event.decoded("dtstart") == first_day
    assert activity_event.decoded("dtend") == first_day + datetime.timedelta(days=3)
    assert str(activity_event["location"]) == "Bukhara, Fergana"


@pytest.mark.parametrize("rows", [3, 30])
def test_feed_query_count_is_constant(client, participant, django_assert_max_num_queries, rows):
    for _ in range(rows):
        AgendaItemFactory(meeting=recent_meeting())
        activity_on(timezone.localdate())
    client.force_login(participant)
    # The page's 7, the one of the places' names in the reader's language (activities.Place, read once), the 2 of
    # the role check (the user's permissions) and the 2 small ones of the fingerprint (ETag) that a revalidation pays
    # instead of all of them.
    with django_assert_max_num_queries(12):
        response = client.get("/calendar.ics")
    assert len(events(parse(response))) == 2 * rows


def test_feed_leaves_out_events_older_than_a_year_and_keeps_those_nearest_today(client, participant, monkeypatch):
    monkeypatch.setattr("meetings.calendar.FEED_LIMIT", 2)
    today = timezone.localdate()
    too_old = recent_meeting(days_from_now=-400)
    last_month, next_week, in_two_years = (recent_meeting(days) for days in (-30, 7, 730))
    old_activity = activity_on(today - datetime.timedelta(days=400))
    current_activity = activity_on(today)
    client.force_login(participant)

    uids = {str(event["uid"]) for event in events(parse(client.get("/calendar.ics")))}

    assert uids == {
        meeting_uid(last_month),
        meeting_uid(next_week),
        activity_uid(current_activity),
    }
    assert meeting_uid(too_old) not in uids and meeting_uid(in_two_years) not in uids
    assert activity_uid(old_activity) not in uids


def test_personal_feed_works_without_a_session(client, participant):
    recent_meeting(title="Subscribed meeting")
    token = participant.contact.calendar_token
    response = client.get(f"/calendar/{token}.ics")
    assert response.status_code == 200
    assert any("Subscribed meeting" in str(event["summary"]) for event in events(parse(response)))


@pytest.mark.parametrize("token", ["x" * 43, "short", "a" * 65, "%00" * 20, "' OR 1=1 --" + "a" * 20])
def test_personal_feed_with_unknown_token_is_404(client, participant, token):
    assert client.get(f"/calendar/{token}.ics").status_code == 404


def test_personal_feed_of_contact_without_active_account_is_404(client):
    without_account = ContactFactory()
    assert client.get(f"/calendar/{without_account.calendar_token}.ics").status_code == 404
    user = UserFactory(role="Participant", is_active=False)
    inactive = ContactFactory(user=user)
    assert client.get(f"/calendar/{inactive.calendar_token}.ics").status_code == 404


def test_resetting_the_token_retires_the_old_address(client, participant):
    old = participant.contact.calendar_token
    client.force_login(participant)
    assert client.get(reverse("meetings:calendar-token-reset")).status_code == 405
    response = client.post(reverse("meetings:calendar-token-reset"))
    assert response.status_code == 302
    participant.contact.refresh_from_db()
    assert participant.contact.calendar_token != old
    client.logout()
    assert client.get(f"/calendar/{old}.ics").status_code == 404
    assert client.get(f"/calendar/{participant.contact.calendar_token}.ics").status_code == 200


def test_subscription_page_shows_the_personal_address(client, participant):
    client.force_login(participant)
    response = client.get(reverse("meetings:calendar-subscription"))
    assert participant.contact.calendar_token in response.content.decode()


def test_the_copy_button_needs_javascript_and_the_address_does_not(client, participant):
    """Without JavaScript the address is in a selectable field and the copy button stays hidden; the script that
    shows it is a static file (the Content-Security-Policy allows no inline script)."""
    client.force_login(participant)
    page = client.get(reverse("meetings:calendar-subscription")).content.decode()
    field = re.search(r'<input[^>]*id="personal-calendar-url"[^>]*>', page).group(0)
    assert "readonly" in field and f"/calendar/{participant.contact.calendar_token}.ics" in field
    button = re.search(r'<button[^>]*id="copy-calendar-url"[^>]*>', page).group(0)
    assert " hidden" in button and 'data-copy-target="personal-calendar-url"' in button
    assert 'src="/static/js/copy_link.js"' in page
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", page)


def test_meeting_calendar_file_follows_the_language(client, participant):
    """The summary, the agenda heading and agenda titles with a Russian version come out in Russian."""
    meeting = MeetingFactory(number=5, title="Quarterly review", title_ru="Ежеквартальный обзор", venue="")
    AgendaItemFactory(meeting=meeting, position=1, title="Opening remarks", title_ru="Вступительное слово")
    client.force_login(participant)

    response = client.get(reverse("meetings:meeting-calendar", args=[meeting.pk]), HTTP_ACCEPT_LANGUAGE="ru")

    [event] = events(parse(response))
    assert "Ежеквартальный обзор" in str(event["summary"])
    description = str(event["description"])
    assert "Повестка дня:" in description
    assert "1. Вступительное слово" in description
    assert "Место проведения будет объявлено" in description


@pytest.mark.parametrize("seed", range(5))
def test_lines_are_folded_exactly_as_icalendar_folds_them(seed):
    rng = random.Random(seed)
    alphabet = "ab ,;\\^юя€𝄞"  # one- to four-octet characters and the escape characters a fold must not orphan
    for _ in range(400):
        line = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 400)))
        assert fold(line) == Contentline(line).to_ical()


def test_a_feed_is_serialised_as_icalendar_would(client_for, participant):
    for number in range(3):
        MeetingFactory(
            starts_at=timezone.now() + datetime.timedelta(days=number),
            ends_at=timezone.now() + datetime.timedelta(days=number, hours=2),
            title="Очень длинное название заседания по координации " * 3,
            time_zone="Europe/Berlin" if number else "Asia/Tashkent",
        )
    body = client_for(participant).get(reverse("calendar-feed")).content
    calendar = Calendar.from_ical(body)
    assert body == calendar.to_ical()
    assert {zone.tz_name for zone in calendar.timezones} == {"Asia/Tashkent", "Europe/Berlin"}


def test_activity_description_follows_the_language(client, participant):
    ActivityFactory(starts_on=timezone.localdate(), lead_organization__acronym="IOM")
    client.force_login(participant)
    response = client.get(reverse("calendar-feed"), HTTP_ACCEPT_LANGUAGE="ru")
    [event] = [event for event in events(parse(response)) if str(event["uid"]).startswith("activity-")]
    assert "ведущая организация: IOM" in str(event["description"])
    assert "led by" not in str(event["description"])


# Conditional GET: calendar apps poll with If-None-Match; an unchanged file is answered 304 without building it.


def _not_built(monkeypatch):
    def fail(**kwargs):
        raise AssertionError("the calendar was built for a 304")

    monkeypatch.setattr("meetings.views.calendar.build_calendar", fail)
    monkeypatch.setattr("coordination.pages.calendar_feed.build_calendar_file", fail)


def _revalidate(client, url, response, **headers):
    return client.get(url, HTTP_IF_NONE_MATCH=response["ETag"], **headers)


@pytest.mark.parametrize("personal", [False, True])
def test_feed_answers_304_until_something_in_it_changes(client, participant, monkeypatch, personal):
    meeting = recent_meeting(title="Polled meeting")
    item = AgendaItemFactory(meeting=meeting, position=1, title="Opening")
    activity = activity_on(timezone.localdate())
    if personal:
        url = f"/calendar/{participant.contact.calendar_token}.ics"
    else:
        url = "/calendar.ics"
        client.force_login(participant)

    first = client.get(url)
    assert first.status_code == 200
    assert first["ETag"] and first["Last-Modified"]
    assert first["Cache-Control"] == "private, no-cache"

    with monkeypatch.context() as patch:
        _not_built(patch)
        not_modified = _revalidate(client, url, first)
    assert not_modified.status_code == 304
    assert not_modified["ETag"] == first["ETag"]
    assert not_modified.content == b""

    changes = [
        lambda: Meeting.objects.filter(pk=meeting.pk).update(venue="Elsewhere", updated=timezone.now()),
        lambda: item.delete(),
        lambda: AgendaItemFactory(meeting=meeting, position=2, title="Any other business"),
        lambda: activity.delete(),
        lambda: recent_meeting(days_from_now=3),
    ]
    previous = first
    for change in changes:
        change()
        changed = _revalidate(client, url, previous)
        assert changed.status_code == 200
        assert changed["ETag"] != previous["ETag"]
        assert _revalidate(client, url, changed).status_code == 304
        previous = changed


def test_feed_etag_follows_the_language(client, participant):
    recent_meeting()
    client.force_login(participant)
    english = client.get("/calendar.ics", HTTP_ACCEPT_LANGUAGE="en")
    russian = _revalidate(client, "/calendar.ics", english, HTTP_ACCEPT_LANGUAGE="ru")
    assert russian.status_code == 200
    assert russian["ETag"] != english["ETag"]


def test_personal_feed_with_a_stale_token_is_404_even_with_an_etag(client, participant):
    response = client.get(f"/calendar/{participant.contact.calendar_token}.ics")
    assert client.get("/calendar/" + "b" * 43 + ".ics", HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 404


def test_meeting_file_answers_304_until_the_meeting_changes(client, participant, monkeypatch):
    meeting = MeetingFactory(title="Quarterly review")
    item = AgendaItemFactory(meeting=meeting, position=1, title="Opening remarks")
    client.force_login(participant)
    url = reverse("meetings:meeting-calendar", args=[meeting.pk])

    first = client.get(url)
    assert first.status_code == 200
    with monkeypatch.context() as patch:
        _not_built(patch)
        assert _revalidate(client, url, first).status_code == 304

    item.title = "Welcome"
    item.save()
    changed = _revalidate(client, url, first)
    assert changed.status_code == 200 and changed["ETag"] != first["ETag"]
    assert "Welcome" in str(events(parse(changed))[0]["description"])

    meeting.venue = "Another venue"
    meeting.save()
    moved = _revalidate(client, url, changed)
    assert moved.status_code == 200 and moved["ETag"] != changed["ETag"]
    assert _revalidate(client, url, moved).status_code == 304


def test_meeting_file_of_unknown_meeting_is_404(client, participant):
    client.force_login(participant)
    assert client.get(reverse("meetings:meeting-calendar", args=[999999])).status_code == 404


@pytest.mark.parametrize("rows", [3, 30])
def test_feed_revalidation_query_count_is_constant(client, participant, django_assert_max_num_queries, rows):
    for _ in range(rows):
        AgendaItemFactory(meeting=recent_meeting())
        activity_on(timezone.localdate())
    client.force_login(participant)
    first = client.get("/calendar.ics")
    with django_assert_max_num_queries(8):  # session, user, profile, the role check's 2, ... and the fingerprint's 2
        assert _revalidate(client, "/calendar.ics", first).status_code == 304
