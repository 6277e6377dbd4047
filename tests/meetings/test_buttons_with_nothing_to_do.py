"""A button that would do nothing is not shown disabled with a 0 on it ("Send the invitation to 0 people", "Invite
all 0 member organisations"): it is left out, or the page says in words that there is nothing left to do."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from meetings import services
from tests.meetings.factories import MeetingFactory, MeetingSeriesFactory, ParticipationFactory
from tests.meetings.page_forms import confirm_send
from tests.stakeholders.factories import ContactFactory, OrganizationFactory

pytestmark = pytest.mark.django_db


def _buttons(page: str) -> list[str]:
    return [re.sub(r"\s+", " ", text).strip() for text in re.findall(r"<button\b[^>]*>(.*?)</button>", page, re.S)]


def _upcoming(series, **kwargs):
    start = timezone.now() + datetime.timedelta(days=20)
    return MeetingFactory(series=series, starts_at=start, ends_at=start + datetime.timedelta(hours=3), **kwargs)


def test_the_register_offers_no_shortcut_with_nobody_to_mark_or_invite(client, secretariat):
    series = MeetingSeriesFactory()
    members = OrganizationFactory.create_batch(2)
    series.members.set(members)
    meeting = MeetingFactory(series=series)
    for organization in members:
        ParticipationFactory(meeting=meeting, organization=organization, status="attended")
    client.force_login(secretariat)
    page = client.get(reverse("meetings:meeting-participants", args=[meeting.pk])).content.decode()
    assert not [text for text in _buttons(page) if re.search(r"\b0\b", text)], _buttons(page)
    assert 'id="everyone-came"' not in page
    assert "Every member organisation of the series is invited." in page


def test_the_register_still_offers_the_shortcuts_when_there_is_something_to_do(client, secretariat):
    series = MeetingSeriesFactory()
    series.members.set(OrganizationFactory.create_batch(3))
    meeting = MeetingFactory(series=series)
    ParticipationFactory(meeting=meeting, organization=series.members.first(), status="confirmed")
    client.force_login(secretariat)
    buttons = _buttons(client.get(reverse("meetings:meeting-participants", args=[meeting.pk])).content.decode())
    assert "Everyone came: mark the 1 invited as attended and save" in buttons
    assert "Mark the 1 confirmed or accepted as attended and save" in buttons
    assert "Invite all 2 member organisations not yet invited" in buttons


def test_invitations_sent_to_everyone_leave_no_send_button_with_0_people(client, secretariat):
    series = MeetingSeriesFactory()
    meeting = _upcoming(series)
    contact = ContactFactory(email="focal@example.org")
    services.invite_organizations(meeting=meeting, organizations=[contact.organization])
    client.force_login(secretariat)
    url = reverse("meetings:meeting-invitations", args=[meeting.pk])
    assert "Send the invitation to 1 person" in _buttons(client.get(url).content.decode())
    confirm_send(client, reverse("meetings:meeting-send-invitations", args=[meeting.pk]), back="invitations")
    page = client.get(url).content.decode()
    assert 'id="send-invitations"' not in page
    assert not [text for text in _buttons(page) if re.search(r"\b0\b", text)], _buttons(page)
    assert "Everyone who can be reached has been sent the invitation." in page


def test_a_draft_with_nobody_to_e_mail_is_announced_by_a_button_that_says_so(client, secretariat):
    meeting = _upcoming(MeetingSeriesFactory(), draft=True)
    services.invite_organizations(meeting=meeting, organizations=[OrganizationFactory()])  # nobody on record
    client.force_login(secretariat)
    buttons = _buttons(client.get(reverse("meetings:meeting-invitations", args=[meeting.pk])).content.decode())
    assert "Announce the meeting (nobody to e-mail yet)" in buttons
    assert not [text for text in buttons if re.search(r"\b0\b", text)], buttons
    screen = client.get(reverse("meetings:meeting-send-invitations", args=[meeting.pk]), {"back": "invitations"})
    assert "Announce the meeting (nobody to e-mail yet)" in _buttons(screen.content.decode())
    confirm_send(client, reverse("meetings:meeting-send-invitations", args=[meeting.pk]), back="invitations")
    meeting.refresh_from_db()
    assert not meeting.is_draft
