"""Changes that are easy to make by mistake ask for confirmation: a start in the past (the meeting would count as
held), a reviewed quarter far from the meeting's date; republishing minutes asks whether to send a correction."""

import datetime
import zoneinfo

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from meetings.models import Meeting, MinutesStatus
from meetings.notifications.previews import minutes_preview
from tests.meetings.factories import MeetingFactory, MeetingSeriesFactory, ParticipationFactory
from tests.meetings.page_forms import confirm_send
from tests.stakeholders.factories import ContactFactory

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


# Publishing again after a reopening


def _publish(client, meeting, capture, **choice):
    """Publish through the confirmation screen, with the choice made on it."""
    with capture(execute=True):
        return confirm_send(client, reverse("meetings:meeting-minutes-publish", args=[meeting.pk]), **choice)


def _reopen(client, meeting, reason):
    response = client.post(reverse("meetings:meeting-minutes-reopen", args=[meeting.pk]), {"reason": reason})
    assert response.status_code == 302


@pytest.fixture
def meeting_with_two_readers():
    meeting = MeetingFactory()
    for language in ("en", "ru"):
        contact = ContactFactory(preferred_language=language)
        ParticipationFactory(meeting=meeting, organization=contact.organization, contact=contact)
    return meeting


def test_republishing_after_a_reopening_asks_and_sends_nothing_by_default(
    client, secretariat, meeting_with_two_readers, django_capture_on_commit_callbacks
):
    meeting = meeting_with_two_readers
    client.force_login(secretariat)
    assert _publish(client, meeting, django_capture_on_commit_callbacks).status_code == 302
    assert len(mail.outbox) == 2  # the first publication tells everyone, as before
    _reopen(client, meeting, "Correct the decision under item 3")
    content = client.get(reverse("meetings:meeting-minutes-publish", args=[meeting.pk])).content.decode()
    assert "Send a short correction notice with the reason to 2 people" in content
    assert 'name="correction" value="nothing" id="correction-nothing" checked' in content
    assert "Correct the decision under item 3" in content

    assert _publish(client, meeting, django_capture_on_commit_callbacks).status_code == 302
    meeting.refresh_from_db()
    assert meeting.minutes_status == MinutesStatus.PUBLISHED
    assert len(mail.outbox) == 2  # nothing more
    _reopen(client, meeting, "Another fix")
    assert _publish(client, meeting, django_capture_on_commit_callbacks, correction="nothing").status_code == 302
    assert len(mail.outbox) == 2


def test_a_correction_notice_goes_once_to_each_recipient_with_the_reason_in_their_language(
    client, secretariat, meeting_with_two_readers, django_capture_on_commit_callbacks
):
    meeting = meeting_with_two_readers
    client.force_login(secretariat)
    _publish(client, meeting, django_capture_on_commit_callbacks)
    _reopen(client, meeting, "Correct the decision under item 3")
    mail.outbox.clear()
    response = _publish(client, meeting, django_capture_on_commit_callbacks, correction="notice")
    assert response.status_code == 302
    assert len(mail.outbox) == 2
    assert all("Correct the decision under item 3" in message.body for message in mail.outbox)
    subjects = sorted(message.subject.split(":")[0] for message in mail.outbox)
    assert subjects == ["Minutes corrected", "Протокол исправлен"]
    # A second click on the same button (the screen's form, posted again) publishes and sends nothing more.
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("meetings:meeting-minutes-publish", args=[meeting.pk]),
            {"confirm": "on", "correction": "notice", "recipients": minutes_preview(meeting, correction=True).token},
        )
    assert len(mail.outbox) == 2


# The reviewed quarter


def test_the_reviewed_quarter_is_chosen_from_those_around_the_meeting(client, secretariat):
    meeting = MeetingFactory(
        starts_at=datetime.datetime(2027, 3, 10, 10, tzinfo=TASHKENT),
        ends_at=datetime.datetime(2027, 3, 10, 13, tzinfo=TASHKENT),
        review_year=2024,
        review_quarter_number=1,
    )
    client.force_login(secretariat)
    url = reverse("meetings:meeting-edit", args=[meeting.pk])
    content = client.get(url).content.decode()
    assert '<select name="reviewed_quarter"' in content
    for quarter in ("2027-Q2", "2027-Q1", "2026-Q4", "2026-Q1", "2024-Q1"):
        assert f'value="{quarter}"' in content
    assert 'value="2025-Q4"' not in content and 'value="2027-Q3"' not in content


def test_a_reviewed_quarter_far_from_the_meeting_asks_for_confirmation(client, secretariat):
    meeting = _planned_meeting(days_from_today=200)
    client.force_login(secretariat)
    url = reverse("meetings:meeting-edit", args=[meeting.pk])
    day = meeting.local_start.date()
    far = f"{day.year - 3}-Q1"
    response = client.post(url, _meeting_data(meeting, day, reviewed_quarter=far))
    assert response.status_code == 200
    content = response.content.decode()
    assert "is far from the meeting" in content and 'type="checkbox" name="reviewed_quarter_confirmed"' in content
    meeting.refresh_from_db()
    assert meeting.reviewed_quarter is None
    response = client.post(url, _meeting_data(meeting, day, reviewed_quarter=far, reviewed_quarter_confirmed="on"))
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert str(meeting.reviewed_quarter) == far
