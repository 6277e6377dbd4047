"""Changes that are easy to make by mistake ask for confirmation: a start in the past (the meeting would count as
held), a reviewed quarter far from the meeting's date; republishing minutes asks whether to send a correction."""

import datetime
import zoneinfo

import pytest
from django.urls import reverse
from django.utils import timezone

from meetings.models import Meeting
from tests.meetings.factories import MeetingFactory, MeetingSeriesFactory

pytestmark = pytest.mark.django_db

TASHKENT = zoneinfo.ZoneInfo("Asia/Tashkent")
PAST_START_ERROR = "This start is in the past"
CONFIRM_PAST_START = "Yes, this meeting took place at that time"


def _local_date(days_from_today):
    return (timezone.localtime(timezone.now(), TASHKENT) + datetime.timedelta(days=days_from_today)).date()


def _meeting_data(meeting, day, **overrides):
    data = {
        "number": meeting.number,
        "title": "Fifth meeting",
        "date": day.isoformat(),
        "start_time": "10:00",
        "end_time": "13:00",
        "time_zone": "Asia/Tashkent",
        "venue": "Tashkent",
        "format": "in_person",
        "status": "planned",
        "reviewed_quarter": "",
        "version": meeting.version,
    }
    return data | overrides


def _planned_meeting(days_from_today=30):
    starts_at = datetime.datetime.combine(_local_date(days_from_today), datetime.time(10), tzinfo=TASHKENT)
    return MeetingFactory(draft=True, starts_at=starts_at, ends_at=starts_at + datetime.timedelta(hours=3))


# A start in the past


def test_moving_a_meeting_into_the_past_asks_for_confirmation_and_saves_once_ticked(client, secretariat):
    meeting = _planned_meeting()
    stored_start = meeting.starts_at
    client.force_login(secretariat)
    url = reverse("meetings:meeting-edit", args=[meeting.pk])
    last_year = _local_date(-365)
    response = client.post(url, _meeting_data(meeting, last_year))
    assert response.status_code == 200
    content = response.content.decode()
    assert PAST_START_ERROR in content and CONFIRM_PAST_START in content
    assert 'type="checkbox" name="past_start_confirmed"' in content
    meeting.refresh_from_db()
    assert meeting.starts_at == stored_start  # nothing saved
    assert 'value="Fifth meeting"' in content  # what was typed is kept

    response = client.post(url, _meeting_data(meeting, last_year, past_start_confirmed="on"))
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.local_start.date() == last_year


def test_a_future_start_or_an_unchanged_past_one_is_not_questioned(client, secretariat):
    meeting = _planned_meeting()
    client.force_login(secretariat)
    url = reverse("meetings:meeting-edit", args=[meeting.pk])
    content = client.get(url).content.decode()
    assert CONFIRM_PAST_START not in content and 'type="hidden" name="past_start_confirmed"' in content
    assert client.post(url, _meeting_data(meeting, _local_date(40))).status_code == 302

    held = MeetingFactory()  # a 2023 meeting: its stored start is in the past, and saving it again is fine
    local = held.local_start
    data = _meeting_data(
        held, local.date(), start_time=local.strftime("%H:%M"), end_time=held.local_end.strftime("%H:%M")
    )
    response = client.post(reverse("meetings:meeting-edit", args=[held.pk]), data)
    assert response.status_code == 302, response.context["form"].errors


def test_a_new_meeting_in_the_past_asks_for_confirmation(client, secretariat):
    series = MeetingSeriesFactory()
    client.force_login(secretariat)
    url = reverse("meetings:meeting-create", args=[series.pk])
    data = _meeting_data(Meeting(number=1), _local_date(-3), version="")
    response = client.post(url, data)
    assert response.status_code == 200 and PAST_START_ERROR in response.content.decode()
    assert not Meeting.objects.filter(series=series).exists()
    assert client.post(url, data | {"past_start_confirmed": "on"}).status_code == 302
    assert Meeting.objects.filter(series=series).count() == 1


def test_preparing_the_next_meeting_in_the_past_asks_for_confirmation(client, secretariat):
    series = MeetingSeriesFactory()
    MeetingFactory(series=series, number=4)
    client.force_login(secretariat)
    url = reverse("meetings:meeting-prepare-next", args=[series.pk])
    data = {
        "date": _local_date(-2).isoformat(),
        "start_time": "10:00",
        "end_time": "13:00",
        "format": "in_person",
        "copy_invitations": "on",
    }
    response = client.post(url, data)
    assert response.status_code == 200
    content = response.content.decode()
    assert PAST_START_ERROR in content and 'type="checkbox" name="past_start_confirmed"' in content
    assert not Meeting.objects.filter(series=series, number=5).exists()
    assert client.post(url, data | {"past_start_confirmed": "on"}).status_code == 302
    assert Meeting.objects.get(series=series, number=5).local_start.date() == _local_date(-2)
