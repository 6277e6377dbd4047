"""A meeting's stage follows the clock and the facts: announced, in progress at its start, held when it has ended or
its attendance is recorded, without anyone choosing "held"; only cancelling stays a choice."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from meetings import rsvp
from meetings.models import Invitation, LifecycleStage, Meeting, MeetingStatus, MinutesStatus, ParticipationStatus
from meetings.notifications.previews import invitation_preview
from tests.meetings.factories import MeetingFactory, ParticipationFactory
from tests.meetings.page_forms import confirm_send
from tests.stakeholders.factories import ContactFactory

pytestmark = pytest.mark.django_db


def _meeting(*, starts_in_hours: float, **fields) -> Meeting:
    """An announced meeting of three hours, never marked held, starting ``starts_in_hours`` from now."""
    start = timezone.now() + datetime.timedelta(hours=starts_in_hours)
    return MeetingFactory(
        status=MeetingStatus.PLANNED, starts_at=start, ends_at=start + datetime.timedelta(hours=3), **fields
    )


def _current_step(page: str) -> str:
    return page.split('aria-current="step">', 1)[1].split("</strong>", 1)[0].replace("<strong>", "").strip()


def test_a_meeting_under_way_is_in_progress_and_asks_for_attendance(client, secretariat):
    meeting = _meeting(starts_in_hours=-1)
    client.force_login(secretariat)
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert _current_step(page) == "In progress"
    assert reverse("meetings:meeting-participants", args=[meeting.pk]) in page.split('id="next-step"', 1)[1][:200]
    assert not Meeting.objects.held().filter(pk=meeting.pk).exists()


def test_recording_attendance_makes_the_meeting_held_and_its_minutes_publishable(client, secretariat):
    meeting = _meeting(starts_in_hours=-1)
    ParticipationFactory(meeting=meeting, status=ParticipationStatus.ATTENDED)
    client.force_login(secretariat)
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert _current_step(page) == "Held"
    assert reverse("meetings:meeting-minutes-publish", args=[meeting.pk]) in page
    assert Meeting.objects.held().filter(pk=meeting.pk).exists()
    response = confirm_send(client, reverse("meetings:meeting-minutes-publish", args=[meeting.pk]))
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.minutes_status == MinutesStatus.PUBLISHED
    assert meeting.status == MeetingStatus.PLANNED  # nobody chose "held": the facts made it so


def test_a_meeting_past_its_end_is_held_without_anyone_choosing(client, secretariat):
    meeting = _meeting(starts_in_hours=-30)
    draft = _meeting(starts_in_hours=-30, announced_at=None)  # never announced: a draft, not held by the clock
    assert set(Meeting.objects.held().filter(pk__in=[meeting.pk, draft.pk])) == {meeting}
    assert meeting.lifecycle_stage == LifecycleStage.HELD
    client.force_login(secretariat)
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert _current_step(page) == "Held"
    listing = client.get(reverse("meetings:meeting-list") + "?q=" + meeting.title).content.decode()
    assert "Planned" not in listing.split(meeting.title, 1)[1].split("</tr>", 1)[0]


def test_a_cancelled_meeting_is_never_held(secretariat):
    start = timezone.now() - datetime.timedelta(days=2)
    meeting = MeetingFactory(
        status=MeetingStatus.CANCELLED, starts_at=start, ends_at=start + datetime.timedelta(hours=3)
    )
    ParticipationFactory(meeting=meeting, status=ParticipationStatus.ATTENDED)
    assert not meeting.is_held and not Meeting.objects.held().filter(pk=meeting.pk).exists()
    assert meeting.lifecycle_stage == LifecycleStage.CANCELLED


def test_the_meeting_form_offers_only_what_stays_a_choice(client, secretariat):
    meeting = _meeting(starts_in_hours=48)
    client.force_login(secretariat)
    page = client.get(reverse("meetings:meeting-edit", args=[meeting.pk])).content.decode()
    status_select = page.split('name="status"', 1)[1].split("</select>", 1)[0]
    assert 'value="planned"' in status_select and 'value="cancelled"' in status_select
    assert 'value="held"' not in status_select


def test_replies_close_when_the_meeting_starts(client):
    meeting = _meeting(starts_in_hours=-1)
    contact = ContactFactory(name="Kadri Tamm")
    ParticipationFactory(meeting=meeting, organization=contact.organization, contact=contact)
    links = rsvp.rsvp_links(meeting=meeting, contact=contact)
    page = client.get(links["accepted"])
    assert "has started: replies are no longer taken" in page.text and "will you attend?" not in page.text
    response = client.post(links["accepted"].split("?")[0], {"answer": "accepted"})
    assert response.status_code == 400 and not meeting.rsvps.exists()


def test_the_meeting_page_says_replies_are_closed_instead_of_showing_the_buttons(client, participant):
    meeting = _meeting(starts_in_hours=-1)
    contact = participant.contact
    ParticipationFactory(meeting=meeting, organization=contact.organization, contact=contact)
    client.force_login(participant)
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert 'id="rsvp-closed"' in page and "has started: replies are no longer taken" in page
    assert "Yes, I will attend" not in page
    response = client.post(reverse("meetings:meeting-rsvp", args=[meeting.pk]), {"answer": "accepted"})
    assert response.status_code in (302, 400) and not meeting.rsvps.exists()


def test_no_update_is_offered_once_the_meeting_has_started(client, secretariat):
    meeting = _meeting(starts_in_hours=-1)
    contact = ContactFactory()
    Invitation.objects.create(meeting=meeting, contact=contact, sent_at=timezone.now(), sequence=0)
    Meeting.objects.filter(pk=meeting.pk).update(calendar_sequence=2)  # changed since the invitation went out
    client.force_login(secretariat)
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "Send update" not in page
    url = reverse("meetings:meeting-send-invitation-updates", args=[meeting.pk])
    screen = client.get(url).content.decode()
    assert "The meeting has started" in screen and 'id="confirm-send"' not in screen
    client.post(url, {"recipients": invitation_preview(meeting, update=True).token})  # a screen opened before
    assert Invitation.objects.get(contact=contact).sequence == 0  # nothing sent


def test_an_update_is_still_offered_before_the_meeting_starts(client, secretariat):
    meeting = _meeting(starts_in_hours=48)
    Invitation.objects.create(meeting=meeting, contact=ContactFactory(), sent_at=timezone.now(), sequence=0)
    Meeting.objects.filter(pk=meeting.pk).update(calendar_sequence=2)
    client.force_login(secretariat)
    assert "Send update (1 person)" in client.get(meeting.get_absolute_url()).content.decode()


def _next_meeting_card(client) -> str:
    page = client.get(reverse("dashboard")).content.decode()
    return page.split('id="next-meeting"', 1)[1].split("</div>", 1)[0]


def test_the_dashboards_next_meeting_is_the_next_one_the_reader_is_invited_to(
    client, participant, secretariat, organization
):
    under_way = _meeting(starts_in_hours=-1, title="Under way")
    ParticipationFactory(meeting=under_way, organization=organization, status=ParticipationStatus.ATTENDED)
    not_invited = _meeting(starts_in_hours=48, title="Others only")
    ParticipationFactory(meeting=not_invited)
    invited = _meeting(starts_in_hours=96, title="Ours next")
    ParticipationFactory(meeting=invited, organization=organization)
    _meeting(starts_in_hours=24, title="Still a draft", announced_at=None)
    client.force_login(participant)
    card = _next_meeting_card(client)
    assert "Next meeting" in card and "Ours next" in card
    client.force_login(secretariat)
    card = _next_meeting_card(client)
    assert "Others only" in card  # any series', announced, not yet held
