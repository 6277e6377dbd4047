"""Publishing that cannot go wrong: the editor's Publish saves first, a confirmation names who will be e-mailed,
only the confirming POST publishes, and reopening needs a reason that the history keeps."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from meetings.models import MeetingStatus, MinutesStatus
from tests.meetings.factories import AgendaItemFactory, MeetingFactory, ParticipationFactory
from tests.meetings.page_forms import confirm_send
from tests.stakeholders.factories import ContactFactory, OrganizationFactory

pytestmark = pytest.mark.django_db


def _minutes_data(meeting, item, summary, text, **extra):
    return {
        "minutes_summary": summary,
        "version": meeting.version,
        "items-TOTAL_FORMS": 1,
        "items-INITIAL_FORMS": 1,
        "items-MIN_NUM_FORMS": 0,
        "items-MAX_NUM_FORMS": 1000,
        "items-0-id": item.pk,
        "items-0-discussion_summary": text,
        "items-0-outcome": "decision",
        **extra,
    }


def test_publish_from_the_editor_saves_the_unsaved_edit_first_and_then_asks(client, secretariat):
    meeting = MeetingFactory()
    item = AgendaItemFactory(meeting=meeting)
    client.force_login(secretariat)
    data = _minutes_data(meeting, item, "Typed but not saved", "Partners agreed", publish="1")
    response = client.post(reverse("meetings:meeting-minutes-edit", args=[meeting.pk]), data)
    assert response.status_code == 302
    assert response.url == reverse("meetings:meeting-minutes-publish", args=[meeting.pk])
    meeting.refresh_from_db()
    item.refresh_from_db()
    assert meeting.minutes_summary == "Typed but not saved" and item.discussion_summary == "Partners agreed"
    assert meeting.minutes_status == MinutesStatus.DRAFT  # not published until confirmed


def test_the_confirmation_names_who_will_be_emailed(client, secretariat, django_assert_max_num_queries):
    meeting = MeetingFactory()
    ministry = OrganizationFactory(name="Ministry of Labour")
    agency = OrganizationFactory(name="Migration Agency")
    for contact in ContactFactory.create_batch(2, organization=ministry):
        ParticipationFactory(meeting=meeting, organization=ministry, contact=contact)
    ContactFactory.create_batch(3, organization=agency)
    ParticipationFactory(meeting=meeting, organization=agency, contact=None)  # the organisation as a whole
    client.force_login(secretariat)
    url = reverse("meetings:meeting-minutes-publish", args=[meeting.pk])
    with django_assert_max_num_queries(12):
        response = client.get(url)
    content = response.content.decode()
    assert "5 people will be e-mailed" in content
    assert "Ministry of Labour" in content and "Migration Agency" in content
    assert "Yes, publish and e-mail 5 people" in content


def test_no_publication_without_the_confirming_post(client, secretariat, django_capture_on_commit_callbacks):
    meeting = MeetingFactory()
    contact = ContactFactory()
    ParticipationFactory(meeting=meeting, organization=contact.organization, contact=contact)
    client.force_login(secretariat)
    url = reverse("meetings:meeting-minutes-publish", args=[meeting.pk])
    client.get(url)
    response = client.post(url)  # the old one-click button: asks again
    assert response.status_code == 200 and "Yes, publish and e-mail 1 person" in response.content.decode()
    meeting.refresh_from_db()
    assert meeting.minutes_status == MinutesStatus.DRAFT and not mail.outbox
    response = client.post(url, {"confirm": "on"})  # confirmed, but not from a screen that showed the recipients
    assert response.status_code == 200 and "Yes, publish and e-mail 1 person" in response.content.decode()
    meeting.refresh_from_db()
    assert meeting.minutes_status == MinutesStatus.DRAFT and not mail.outbox
    with django_capture_on_commit_callbacks(execute=True):
        response = confirm_send(client, url)
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.minutes_status == MinutesStatus.PUBLISHED
    assert [message.to for message in mail.outbox] == [[contact.email]]


def test_a_planned_meeting_offers_no_confirmation(client, secretariat):
    start = timezone.now() + datetime.timedelta(days=60)
    meeting = MeetingFactory(status=MeetingStatus.PLANNED, starts_at=start, ends_at=start + datetime.timedelta(hours=3))
    client.force_login(secretariat)
    url = reverse("meetings:meeting-minutes-publish", args=[meeting.pk])
    content = client.get(url).content.decode()
    refusal = "once it has ended or its attendance is recorded"
    assert refusal in content and "Yes, publish the minutes" not in content
    response = client.post(url, {"confirm": "on"})
    assert response.status_code == 200 and refusal in response.content.decode()
    meeting.refresh_from_db()
    assert meeting.minutes_status == MinutesStatus.DRAFT


def test_reopen_without_a_reason_is_a_form_error_and_the_reason_is_in_the_history(client, secretariat):
    meeting = MeetingFactory(minutes_status=MinutesStatus.PUBLISHED, minutes_published_at=timezone.now())
    client.force_login(secretariat)
    url = reverse("meetings:meeting-minutes-reopen", args=[meeting.pk])
    assert "Why are the minutes reopened?" in client.get(url).content.decode()
    response = client.post(url, {"reason": "  "})
    assert response.status_code == 200 and response.context["form"].errors["reason"]
    meeting.refresh_from_db()
    assert meeting.minutes_status == MinutesStatus.PUBLISHED
    response = client.post(url, {"reason": "Correct the decision under item 3"})
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.minutes_status == MinutesStatus.DRAFT
    history = client.get(reverse("meetings:meeting-history", args=[meeting.pk])).content.decode()
    assert "Correct the decision under item 3" in history


def test_participants_cannot_publish_or_reopen(client, participant):
    meeting = MeetingFactory()
    client.force_login(participant)
    assert (
        client.post(reverse("meetings:meeting-minutes-publish", args=[meeting.pk]), {"confirm": "on"}).status_code
        == 403
    )
    assert (
        client.post(reverse("meetings:meeting-minutes-reopen", args=[meeting.pk]), {"reason": "x"}).status_code == 403
    )
    meeting.refresh_from_db()
    assert meeting.minutes_status == MinutesStatus.DRAFT
