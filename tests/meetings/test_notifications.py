"""E-mail: invitations with their .ics, updates, minutes published, action reminders, opting out, failures."""

import datetime
import re
import smtplib
import zoneinfo
from functools import partial
from io import StringIO

import pytest
from django.contrib.messages import get_messages
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.core.management import CommandError, call_command
from django.db import transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from common.models import MailStatus, OutgoingMail
from common.roles import PARTICIPANT, sync_roles
from meetings import services
from meetings.calendar import meeting_uid
from meetings.models import ActionReminder, ActionStatus, Invitation, MeetingStatus, Participation
from meetings.notifications import delivery as outgoing
from meetings.notifications import recipients as addressees
from meetings.notifications.previews import invitation_preview, minutes_preview
from stakeholders import reminders
from stakeholders.models import Contact
from tests.meetings.factories import (
    ActionItemFactory,
    AgendaItemFactory,
    MeetingFactory,
    ParticipationFactory,
)
from tests.meetings.page_forms import confirm_send
from tests.stakeholders.factories import ContactFactory, OrganizationFactory, UserFactory, secretariat_user

pytestmark = pytest.mark.django_db

TASHKENT = zoneinfo.ZoneInfo("Asia/Tashkent")
BASE_URL = "https://portal.example.org"


@pytest.fixture
def sent(django_capture_on_commit_callbacks):
    """Mail leaves the outbox after commit: ``with sent():`` runs what the commit would run, at the block's end."""
    return partial(django_capture_on_commit_callbacks, execute=True)


@pytest.fixture(autouse=True)
def portal_address(settings):
    settings.PORTAL_BASE_URL = BASE_URL
    settings.DEFAULT_FROM_EMAIL = "Secretariat <secretariat@example.org>"


class FailingEmailBackend(BaseEmailBackend):
    """Refuses every message, as an SMTP server that rejects the sender would."""

    def send_messages(self, email_messages):
        raise smtplib.SMTPSenderRefused(550, b"Sender refused", "secretariat@example.org")


class BouncingEmailBackend(BaseEmailBackend):
    """Delivers to the in-memory outbox, except to addresses starting with "bounce"."""

    def send_messages(self, email_messages):
        for message in email_messages:
            if any(address.startswith("bounce") for address in message.to):
                raise smtplib.SMTPRecipientsRefused({message.to[0]: (550, b"No such user")})
            mail.outbox.append(message)
        return len(email_messages)


class DroppingEmailBackend(BaseEmailBackend):
    """Like the SMTP backend, a dropped connection stays broken until close(): "drop..." addresses drop it."""

    broken = False

    def close(self):
        self.broken = False

    def send_messages(self, email_messages):
        if self.broken:
            raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")
        if email_messages[0].to[0].startswith("drop"):
            self.broken = True
            raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")
        mail.outbox.extend(email_messages)
        return len(email_messages)


class UnreachableEmailBackend(BaseEmailBackend):
    def open(self):
        raise ConnectionRefusedError(111, "Connection refused")

    def send_messages(self, email_messages):  # pragma: no cover - never reached
        raise AssertionError("open() failed")


def upcoming_meeting(**kwargs):
    start = datetime.datetime.combine(
        timezone.localdate() + datetime.timedelta(days=30), datetime.time(10), tzinfo=TASHKENT
    )
    defaults = {
        "title": "Fifth coordination meeting",
        "starts_at": start,
        "ends_at": start + datetime.timedelta(hours=3),
        "venue": "Hyatt Regency, Tashkent",
        "status": MeetingStatus.PLANNED,
        "time_zone": "Asia/Tashkent",
    }
    return MeetingFactory(**(defaults | kwargs))


def on_the_list(meeting, contact):
    return ParticipationFactory(meeting=meeting, organization=contact.organization, contact=contact)


def past_meeting(**kwargs):
    start = datetime.datetime(2023, 10, 24, 10, tzinfo=TASHKENT)  # explicit: the factory's dates move on with each use
    return MeetingFactory(starts_at=start, ends_at=start + datetime.timedelta(hours=3), **kwargs)


def invited_meeting(named=1, organisation_contacts=0):
    """An upcoming meeting with an agenda, `named` people on its list, and one organisation invited as a whole."""
    meeting = upcoming_meeting()
    AgendaItemFactory(meeting=meeting, position=1, title="Opening remarks")
    AgendaItemFactory(meeting=meeting, position=2, title="Review of follow-up actions")
    for _ in range(named):
        contact = ContactFactory()
        on_the_list(meeting, contact)
    if organisation_contacts:
        organization = OrganizationFactory()
        ContactFactory.create_batch(organisation_contacts, organization=organization)
        ParticipationFactory(meeting=meeting, organization=organization)
    return meeting


def calendar_of(message) -> tuple[Calendar, object]:
    """The parsed .ics attached to an e-mail, and its MIME part."""
    parts = [part for part in message.message().walk() if part.get_content_type() == "text/calendar"]
    assert len(parts) == 1
    return Calendar.from_ical(parts[0].get_payload(decode=True)), parts[0]


def html_of(message) -> str:
    [(html, mimetype)] = message.alternatives
    assert mimetype == "text/html"
    return html


def message_texts(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


# Recipients


def test_recipients_are_named_contacts_and_the_contacts_of_organisations_invited_as_a_whole():
    meeting = upcoming_meeting()
    named = ContactFactory(name="Aziza Named")
    on_the_list(meeting, named)
    no_email = ContactFactory(email="")
    on_the_list(meeting, no_email)
    inactive = ContactFactory(is_active=False)
    on_the_list(meeting, inactive)
    whole = OrganizationFactory()
    first, second = (
        ContactFactory(organization=whole, name="Bekzod"),
        ContactFactory(organization=whole, name="Dilnoza"),
    )
    ContactFactory(organization=whole, email="")
    ContactFactory(organization=whole, is_active=False)
    ParticipationFactory(meeting=meeting, organization=whole)
    # Named on the list and also a contact of an organisation invited as a whole: one e-mail.
    ParticipationFactory(meeting=meeting, organization=whole, contact=second)
    ContactFactory()  # not on the list

    recipients = addressees.meeting_recipients(meeting)

    assert [recipient.contact for recipient in recipients] == [named, first, second]
    assert recipients[2].participation.contact == second


# Invitations


def test_invitation_has_agenda_text_html_and_an_ics_request(sent):
    meeting = invited_meeting(named=1)
    contact = meeting.participations.get().contact

    with sent():
        delivery = outgoing.send_invitations(meeting=meeting)

    assert delivery.sent == [contact] and not delivery.skipped
    [message] = mail.outbox
    assert message.to == [contact.email]
    assert message.from_email == "Secretariat <secretariat@example.org>"
    assert message.subject == f"Invitation: {meeting}"
    assert f"Dear {contact.name}," in message.body
    assert "1. Opening remarks" in message.body and "2. Review of follow-up actions" in message.body
    assert "Hyatt Regency, Tashkent" in message.body
    assert f"{BASE_URL}/meetings/{meeting.pk}/" in message.body
    html = html_of(message)
    assert "<li><strong>Opening remarks</strong>" in html and f'href="{BASE_URL}/meetings/{meeting.pk}/"' in html

    calendar, part = calendar_of(message)
    assert part.get_param("method") == "REQUEST"
    assert part.get_filename() == f"{meeting.series.file_slug}-meeting-{meeting.number}.ics"
    assert calendar["method"] == "REQUEST"
    [event] = calendar.walk("VEVENT")
    assert str(event["uid"]) == meeting_uid(meeting)
    assert event["sequence"] == meeting.calendar_sequence == 0
    assert event.decoded("dtstart") == meeting.starts_at
    assert event["dtstart"].params["TZID"] == "Asia/Tashkent"
    assert event.decoded("dtstart").hour == 10
    assert [tz["tzid"] for tz in calendar.walk("VTIMEZONE")] == ["Asia/Tashkent"]
    assert str(event["organizer"]) == "mailto:secretariat@example.org"
    assert str(event["attendee"]) == f"mailto:{contact.email}"
    assert event["attendee"].params["CN"] == contact.name

    invitation = Invitation.objects.get()
    assert (invitation.meeting, invitation.contact, invitation.sequence) == (meeting, contact, 0)
    assert invitation.mail.status == MailStatus.SENT and invitation.mail.to == [contact.email]
    assert Participation.objects.get().invitation_sent_at == invitation.sent_at


def test_each_invitation_is_in_the_recipients_language(sent):
    meeting = invited_meeting(named=0)
    for language in ("en", "ru", "uz"):
        contact = ContactFactory(preferred_language=language)
        on_the_list(meeting, contact)

    with sent():
        outgoing.send_invitations(meeting=meeting)

    by_language = {}
    for message in mail.outbox:
        contact = Contact.objects.get(email=message.to[0])
        by_language[contact.preferred_language] = message
    assert set(by_language) == {"en", "ru", "uz"}
    for language, message in by_language.items():
        assert f'<html lang="{language}">' in html_of(message)
    # Django's own catalogues already translate the month in the date.
    month = meeting.local_start.month
    assert datetime.date(2000, month, 1).strftime("%B") in by_language["en"].body
    assert datetime.date(2000, month, 1).strftime("%B") not in by_language["ru"].body


def test_a_second_click_sends_nothing_to_those_already_invited(sent):
    meeting = invited_meeting(named=2)
    with sent():
        outgoing.send_invitations(meeting=meeting)
    assert len(mail.outbox) == 2
    newcomer = ContactFactory()
    on_the_list(meeting, newcomer)

    with sent():
        delivery = outgoing.send_invitations(meeting=meeting)

    assert delivery.sent == [newcomer]
    assert len(delivery.skipped) == 2
    assert len(mail.outbox) == 3 and mail.outbox[2].to == [newcomer.email]
    with sent():
        delivery = outgoing.send_invitations(meeting=meeting)
    assert not delivery.sent and len(delivery.skipped) == 3
    assert len(mail.outbox) == 3
    assert Invitation.objects.count() == 3


def test_a_changed_meeting_sends_an_update_with_the_same_uid_and_a_higher_sequence(sent):
    meeting = invited_meeting(named=2)
    with sent():
        outgoing.send_invitations(meeting=meeting)
    assert not outgoing.invitation_status(meeting=meeting).update_due
    meeting.starts_at += datetime.timedelta(hours=1)
    meeting.ends_at += datetime.timedelta(hours=1)
    meeting.save()
    assert meeting.calendar_sequence == 1
    newcomer = ContactFactory()
    on_the_list(meeting, newcomer)
    status = outgoing.invitation_status(meeting=meeting)
    assert (status.invited, status.outdated, status.update_due) == (2, 2, True)
    mail.outbox.clear()

    with sent():
        delivery = outgoing.send_invitations(meeting=meeting, update=True)

    assert len(delivery.sent) == 2 and newcomer not in delivery.sent  # the newcomer needs an invitation, not an update
    for message in mail.outbox:
        assert message.subject == f"Updated invitation: {meeting}"
        assert "has changed" in message.body
        calendar, part = calendar_of(message)
        assert part.get_param("method") == "REQUEST"
        [event] = calendar.walk("VEVENT")
        assert str(event["uid"]) == meeting_uid(meeting)
        assert event["sequence"] == 1
        assert event.decoded("dtstart").hour == 11
    assert set(Invitation.objects.values_list("sequence", flat=True)) == {1}
    assert not outgoing.invitation_status(meeting=meeting).update_due
    mail.outbox.clear()
    with sent():
        assert not outgoing.send_invitations(meeting=meeting, update=True).sent
    assert mail.outbox == []


def test_a_cancelled_meeting_sends_cancellations_and_no_new_invitations(sent):
    meeting = invited_meeting(named=1)
    with sent():
        outgoing.send_invitations(meeting=meeting)
    meeting.status = MeetingStatus.CANCELLED
    meeting.save()
    with pytest.raises(outgoing.ValidationError):
        outgoing.send_invitations(meeting=meeting)
    mail.outbox.clear()

    with sent():
        outgoing.send_invitations(meeting=meeting, update=True)

    [message] = mail.outbox
    assert message.subject.startswith("Cancelled:")
    calendar, part = calendar_of(message)
    assert calendar["method"] == "CANCEL" and part.get_param("method") == "CANCEL"
    [event] = calendar.walk("VEVENT")
    assert event["status"] == "CANCELLED" and event["sequence"] == 1


def test_no_invitations_for_a_meeting_that_is_over():
    meeting = past_meeting()
    on_the_list(meeting, ContactFactory())
    with pytest.raises(outgoing.ValidationError):
        outgoing.send_invitations(meeting=meeting)
    assert mail.outbox == [] and not Invitation.objects.exists()


def test_refused_messages_stay_in_the_outbox_are_reported_and_a_second_click_sends_just_them(settings, caplog, sent):
    settings.EMAIL_BACKEND = f"{__name__}.BouncingEmailBackend"
    meeting = invited_meeting(named=0)
    good = ContactFactory(email="good@example.org")
    bad = ContactFactory(email="bounce@example.org")
    for contact in (good, bad):
        on_the_list(meeting, contact)
    with sent():
        outgoing.send_invitations(meeting=meeting)

    assert [message.to for message in mail.outbox] == [["good@example.org"]]
    by_contact = {invitation.contact: invitation.mail for invitation in Invitation.objects.select_related("mail")}
    assert by_contact[good].status == MailStatus.SENT
    assert by_contact[bad].status == MailStatus.FAILED and "SMTPRecipientsRefused" in by_contact[bad].last_error
    assert "bounce@example.org" in caplog.text
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    with sent():
        again = outgoing.send_invitations(meeting=meeting)
    assert again.sent == [bad] and again.skipped == [good]
    assert [message.to for message in mail.outbox] == [["good@example.org"], ["bounce@example.org"]]
    assert OutgoingMail.objects.count() == 2  # the same row was sent, not a second one written


def test_a_dropped_connection_fails_one_message_and_the_next_goes_on_a_fresh_one(settings, sent):
    settings.EMAIL_BACKEND = f"{__name__}.DroppingEmailBackend"
    meeting = invited_meeting(named=0)
    dropped = ContactFactory(name="A", email="drop@example.org")
    good = ContactFactory(name="B", email="good@example.org")
    for contact in (dropped, good):
        on_the_list(meeting, contact)
    with sent():
        outgoing.send_invitations(meeting=meeting)
    by_contact = {invitation.contact: invitation.mail for invitation in Invitation.objects.select_related("mail")}
    assert by_contact[dropped].status == MailStatus.FAILED and by_contact[good].status == MailStatus.SENT
    assert [message.to for message in mail.outbox] == [["good@example.org"]]


def test_an_unreachable_mail_server_stops_the_sending_without_raising_and_the_rest_waits(settings, sent):
    settings.EMAIL_BACKEND = f"{__name__}.UnreachableEmailBackend"
    meeting = invited_meeting(named=2)
    with sent():
        outgoing.send_invitations(meeting=meeting)
    assert mail.outbox == []
    # The first was tried and failed; the second was not tried (it waits for send_outbox), both say why.
    rows = OutgoingMail.objects.order_by("id")
    assert [row.status for row in rows] == [MailStatus.FAILED, MailStatus.PENDING]
    assert all("Connection refused" in row.last_error and row.failing_since for row in rows)


def test_no_mail_is_sent_while_the_meeting_row_is_locked(settings, django_capture_on_commit_callbacks):
    """The invitations are written in the transaction and sent only after it commits (and its lock is gone)."""
    meeting = invited_meeting(named=2)
    with django_capture_on_commit_callbacks() as callbacks:
        outgoing.send_invitations(meeting=meeting)
        assert mail.outbox == []
    assert mail.outbox == [] and len(callbacks) == 1
    assert set(OutgoingMail.objects.values_list("status", flat=True)) == {MailStatus.PENDING}
    callbacks[0]()
    assert len(mail.outbox) == 2


# Invitation views


def test_secretariat_sends_invitations_from_the_meeting_page(client, secretariat, sent):
    meeting = invited_meeting(named=2, organisation_contacts=2)
    client.force_login(secretariat)
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert reverse("meetings:meeting-send-invitations", args=[meeting.pk]) in page
    assert reverse("meetings:meeting-send-invitation-updates", args=[meeting.pk]) not in page

    with sent():
        response = confirm_send(client, reverse("meetings:meeting-send-invitations", args=[meeting.pk]))

    assert response.status_code == 302 and response["Location"] == meeting.get_absolute_url()
    assert len(mail.outbox) == 4
    assert message_texts(response) == ["The invitation is being sent to 4 people."]
    with sent():
        response = confirm_send(client, reverse("meetings:meeting-send-invitations", args=[meeting.pk]))
    assert len(mail.outbox) == 4
    # (messages pile up until a page shows them)
    assert message_texts(response)[-1] == "4 people already have the current invitation and were not sent it again."

    meeting.venue = "UNODC office"
    meeting.save()
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "Send update (4 people)" in page
    with sent():
        response = confirm_send(client, reverse("meetings:meeting-send-invitation-updates", args=[meeting.pk]))
    assert message_texts(response)[-1] == "The updated invitation is being sent to 4 people."
    assert len(mail.outbox) == 8


def test_inviting_with_no_one_to_invite_says_so(client, secretariat):
    meeting = upcoming_meeting()
    ParticipationFactory(meeting=meeting)  # an organisation without contacts
    client.force_login(secretariat)
    response = confirm_send(client, reverse("meetings:meeting-send-invitations", args=[meeting.pk]))
    assert response.status_code == 302
    assert "No one to invite" in message_texts(response)[0]
    assert mail.outbox == []


def test_a_failing_mail_server_shows_as_failing_on_the_recipient_list_not_an_error_page(
    client, secretariat, settings, sent
):
    settings.EMAIL_BACKEND = f"{__name__}.FailingEmailBackend"
    meeting = invited_meeting(named=2)
    client.force_login(secretariat)

    with sent():
        response = confirm_send(client, reverse("meetings:meeting-send-invitations", args=[meeting.pk]))

    assert response.status_code == 302
    assert message_texts(response)[0] == "The invitation is being sent to 2 people."
    assert client.get(meeting.get_absolute_url()).status_code == 200
    assert set(OutgoingMail.objects.values_list("status", flat=True)) == {MailStatus.FAILED}
    page = client.get(reverse("meetings:meeting-invitations", args=[meeting.pk]))
    assert page.status_code == 200 and page.text.count("failing since") == 2


def test_a_past_meeting_has_no_invitation_buttons_and_refuses_with_a_message(client, secretariat):
    meeting = past_meeting()
    client.force_login(secretariat)
    assert (
        reverse("meetings:meeting-send-invitations", args=[meeting.pk])
        not in client.get(meeting.get_absolute_url()).text
    )
    screen = client.get(reverse("meetings:meeting-send-invitations", args=[meeting.pk]))
    assert "The meeting is over" in screen.text and 'id="confirm-send"' not in screen.text
    # The confirming POST, had a screen been open before the meeting ended, is refused with the reason.
    response = client.post(
        reverse("meetings:meeting-send-invitations", args=[meeting.pk]),
        {"recipients": invitation_preview(meeting, update=False).token},
    )
    assert response.status_code == 302
    assert "The meeting is over" in message_texts(response)[0]


@pytest.mark.parametrize("name", ["meetings:meeting-send-invitations", "meetings:meeting-send-invitation-updates"])
def test_only_the_secretariat_may_send_and_only_by_the_confirming_post(client, participant, secretariat, name):
    meeting = invited_meeting(named=1)
    url = reverse(name, args=[meeting.pk])
    assert client.post(url).status_code == 302  # anonymous: to the login page
    client.force_login(participant)
    assert client.post(url).status_code == 403
    assert client.get(url).status_code == 403
    assert (
        reverse("meetings:meeting-send-invitations", args=[meeting.pk])
        not in client.get(meeting.get_absolute_url()).text
    )
    client.force_login(secretariat)
    # GET, and a POST without the confirmation screen's token, show the confirmation screen and send nothing.
    assert client.get(url).status_code == 200
    assert client.post(url).status_code == 200
    assert client.post(reverse(name, args=[987654])).status_code == 404
    assert not OutgoingMail.objects.exists() and mail.outbox == []


@pytest.mark.parametrize("rows", [3, 30])
def test_sending_invitations_takes_the_same_queries_for_3_or_30_people(
    client, secretariat, django_assert_max_num_queries, rows, django_capture_on_commit_callbacks
):
    meeting = invited_meeting(named=rows, organisation_contacts=rows)
    client.force_login(secretariat)
    url = reverse("meetings:meeting-send-invitations", args=[meeting.pk])
    token = invitation_preview(meeting, update=False).token
    with django_assert_max_num_queries(20):  # the confirmation screen: recipients and one preview per language
        assert client.get(url).status_code == 200
    with django_assert_max_num_queries(20), django_capture_on_commit_callbacks() as callbacks:
        assert client.post(url, {"recipients": token}).status_code == 302
    [deliver] = callbacks
    deliver()  # sending costs a few queries per message (claim and mark each row), outside the request's transaction
    assert len(mail.outbox) == 2 * rows
    # 18: the page also reads who was e-mailed and the series' latest held meeting (the secretariat's next step).
    with django_assert_max_num_queries(19):  # the meeting page, with the actions carried to its review item
        assert client.get(meeting.get_absolute_url()).status_code == 200


# Minutes published


def test_publishing_minutes_tells_the_participants_with_a_link(secretariat, django_capture_on_commit_callbacks):
    meeting = MeetingFactory()
    named = ContactFactory(preferred_language="ru")
    on_the_list(meeting, named)
    whole = OrganizationFactory()
    colleague = ContactFactory(organization=whole)
    ParticipationFactory(meeting=meeting, organization=whole)
    with django_capture_on_commit_callbacks(execute=True):
        publication = services.publish_minutes(meeting=meeting, user=secretariat)

    assert sorted(message.to[0] for message in mail.outbox) == sorted([named.email, colleague.email])
    for message in mail.outbox:
        assert f"{BASE_URL}/meetings/{meeting.pk}/" in message.body
        assert f'href="{BASE_URL}/meetings/{meeting.pk}/"' in html_of(message)
    by_address = {message.to[0]: message for message in mail.outbox}
    assert by_address[colleague.email].subject == f"Minutes published: {meeting}"
    assert '<html lang="ru">' in html_of(by_address[named.email])
    assert publication.announced_to == 2


def test_a_rolled_back_publication_sends_nothing(secretariat, django_capture_on_commit_callbacks):
    meeting = MeetingFactory()
    on_the_list(meeting, ContactFactory())
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        services.publish_minutes(meeting=meeting, user=secretariat)
        raise RuntimeError("something later in the same transaction failed")
    assert callbacks == []
    assert mail.outbox == []


def test_publishing_from_the_meeting_page_sends_the_announcement(
    client, secretariat, settings, django_capture_on_commit_callbacks
):
    meeting = MeetingFactory()
    contact = ContactFactory()
    on_the_list(meeting, contact)
    client.force_login(secretariat)
    with django_capture_on_commit_callbacks(execute=True):
        response = confirm_send(client, reverse("meetings:meeting-minutes-publish", args=[meeting.pk]))
    assert response.status_code == 302
    [message] = mail.outbox
    assert message.to == [contact.email]


def test_publishing_with_a_failing_mail_server_still_publishes(
    secretariat, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = f"{__name__}.FailingEmailBackend"
    meeting = MeetingFactory()
    on_the_list(meeting, ContactFactory())
    with django_capture_on_commit_callbacks(execute=True):
        services.publish_minutes(meeting=meeting, user=secretariat)
    meeting.refresh_from_db()
    assert meeting.minutes_published
    assert OutgoingMail.objects.get().status == MailStatus.FAILED


def test_publishing_again_after_reopening_sends_a_correction_notice_only_when_asked(secretariat, sent):
    # Was "announces again": the issue calls that a defect (a contact got three "Minutes published" for one meeting).
    meeting = MeetingFactory()
    on_the_list(meeting, ContactFactory())
    with sent():
        services.publish_minutes(meeting=meeting, user=secretariat)
    services.reopen_minutes(meeting=meeting, user=secretariat, reason="Correct a decision")
    with sent():
        services.publish_minutes(meeting=meeting, user=secretariat)
    assert len(mail.outbox) == 1 and OutgoingMail.objects.count() == 1
    services.reopen_minutes(meeting=meeting, user=secretariat, reason="Correct a decision")
    with sent():
        services.publish_minutes(meeting=meeting, user=secretariat, correction_notice=True)
    assert len(mail.outbox) == 2 and OutgoingMail.objects.count() == 2
    assert "Correct a decision" in mail.outbox[1].body


# Reminders


TODAY = datetime.date(2026, 3, 10)


def reminder_world():
    organization = OrganizationFactory()
    meeting = MeetingFactory(starts_at=datetime.datetime(2026, 1, 10, 10, tzinfo=TASHKENT), published=True)
    due_soon = ActionItemFactory(
        meeting=meeting, responsible_organization=organization, due_on=TODAY + datetime.timedelta(days=7)
    )
    overdue = ActionItemFactory(
        meeting=meeting, responsible_organization=organization, due_on=TODAY - datetime.timedelta(days=20)
    )
    ActionItemFactory(meeting=meeting, responsible_organization=organization, due_on=TODAY + datetime.timedelta(days=8))
    ActionItemFactory(meeting=meeting, responsible_organization=organization, due_on=TODAY, status=ActionStatus.DONE)
    ActionItemFactory(meeting=meeting, responsible_organization=organization, due_on=None)
    reader = ContactFactory(organization=organization, preferred_language="en")
    ContactFactory(organization=organization, receives_reminders=False)
    ContactFactory(organization=organization, email="")
    ContactFactory(organization=organization, is_active=False)
    other = ActionItemFactory(meeting=meeting, due_on=TODAY)  # another organisation, without contacts
    draft_minutes = MeetingFactory(starts_at=datetime.datetime(2026, 2, 10, 10, tzinfo=TASHKENT))
    ActionItemFactory(meeting=draft_minutes, responsible_organization=organization, due_on=TODAY)  # not yet public
    return reader, [overdue, due_soon], other


def test_reminders_cover_overdue_actions_and_those_due_within_a_week_for_contacts_who_want_them():
    reader, actions, _other = reminder_world()
    [reminder] = addressees.due_reminders(today=TODAY)
    assert reminder.contact == reader
    assert reminder.actions == actions


def test_reminder_email_lists_the_actions_with_links_and_an_unsubscribe_link(sent):
    reader, (overdue, due_soon), _other = reminder_world()

    with sent():
        delivery = outgoing.send_action_reminders(today=TODAY)

    assert delivery.sent == [reader]  # filled in once the mail went out after commit
    [message] = mail.outbox
    assert message.to == [reader.email]
    assert message.subject == "2 follow-up actions are overdue or due soon"
    assert overdue.title in message.body and due_soon.title in message.body
    assert "OVERDUE since" in message.body
    assert f"{BASE_URL}/actions/{overdue.pk}/" in message.body
    # The token is signed with the second it was made in: read it back rather than signing it again.
    unsubscribe = re.search(rf"{re.escape(BASE_URL)}/reminders/unsubscribe/[^/\s]+/", message.body)[0]
    assert reminders.contact_for_unsubscribe_token(unsubscribe.rstrip("/").rsplit("/", 1)[1]) == reader
    assert unsubscribe in html_of(message)
    assert message.extra_headers["List-Unsubscribe"] == f"<{unsubscribe}>"
    assert set(ActionReminder.objects.values_list("action", "contact", "sent_on")) == {
        (overdue.pk, reader.pk, TODAY),
        (due_soon.pk, reader.pk, TODAY),
    }


def test_an_action_is_mentioned_at_most_once_a_week():
    reader, actions, _other = reminder_world()
    outgoing.send_action_reminders(today=TODAY)
    assert addressees.due_reminders(today=TODAY) == []
    # The next day the action due on day 8 comes into the week's window: only it is mentioned.
    later_action = reader.organization.action_items.get(due_on=TODAY + datetime.timedelta(days=8))
    for days in range(1, 7):
        [reminder] = addressees.due_reminders(today=TODAY + datetime.timedelta(days=days))
        assert reminder.actions == [later_action]
    # A week later, the first two are due another reminder (if still open).
    [reminder] = addressees.due_reminders(today=TODAY + datetime.timedelta(days=7))
    assert set(reminder.actions) == {*actions, later_action}


def test_reminders_are_in_the_recipients_language(sent):
    reader, _actions, _other = reminder_world()
    reader.preferred_language = "ru"
    reader.save()
    with sent():
        outgoing.send_action_reminders(today=TODAY)
    [message] = mail.outbox
    assert '<html lang="ru">' in html_of(message)
    assert "March" not in message.body  # the dates are in Russian


def test_command_dry_run_prints_and_sends_and_records_nothing():
    reader, actions, _other = reminder_world()
    out = StringIO()
    call_command("send_action_reminders", "--dry-run", f"--date={TODAY}", stdout=out)
    output = out.getvalue()
    assert f"Would remind {reader.name} <{reader.email}> (en) of 2 action(s)" in output
    assert actions[0].title in output and actions[1].title in output
    assert "nothing was sent" in output
    assert mail.outbox == [] and not ActionReminder.objects.exists()


@pytest.mark.django_db(transaction=True)  # the command commits, then the outbox sends
def test_command_sends_once_and_a_second_run_the_same_day_sends_nothing():
    reminder_world()
    out = StringIO()
    call_command("send_action_reminders", f"--date={TODAY}", stdout=out)
    assert "Wrote 1 reminder(s) to the outbox" in out.getvalue()
    call_command("send_action_reminders", f"--date={TODAY}", stdout=out)
    assert len(mail.outbox) == 1


@pytest.mark.django_db(transaction=True)
def test_a_refused_reminder_waits_in_the_outbox_and_send_outbox_fails_loudly_until_it_is_sent(settings):
    settings.EMAIL_BACKEND = f"{__name__}.FailingEmailBackend"
    reminder_world()
    call_command("send_action_reminders", f"--date={TODAY}", stdout=StringIO())
    [waiting] = OutgoingMail.objects.all()
    assert waiting.status == MailStatus.FAILED
    with pytest.raises(CommandError, match="1 e-mail"):
        call_command("send_outbox", stdout=StringIO())
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    OutgoingMail.objects.update(next_attempt_at=timezone.now())  # its next attempt (a minute later) has come
    call_command("send_outbox", stdout=StringIO())
    assert len(mail.outbox) == 1


def test_command_rejects_a_bad_date():
    with pytest.raises(CommandError):
        call_command("send_action_reminders", "--date=tomorrow")


# Opting out


def test_the_unsubscribe_link_works_without_logging_in(client):
    reader, _actions, _other = reminder_world()
    url = reverse("stakeholders:reminders-unsubscribe", args=[reminders.unsubscribe_token(reader)])

    page = client.get(url)
    assert page.status_code == 200 and "Stop the reminders" in page.text
    reader.refresh_from_db()
    assert reader.receives_reminders  # a GET (a link preview, a mail scanner) changes nothing
    response = client.post(url)

    assert response.status_code == 200 and "will no longer receive" in response.text
    reader.refresh_from_db()
    assert not reader.receives_reminders
    assert addressees.due_reminders(today=TODAY) == []


def test_one_click_unsubscribe_post_needs_no_csrf_token():
    reader, _actions, _other = reminder_world()
    client = Client(enforce_csrf_checks=True)
    url = reverse("stakeholders:reminders-unsubscribe", args=[reminders.unsubscribe_token(reader)])
    assert client.post(url, {"List-Unsubscribe": "One-Click"}).status_code == 200
    reader.refresh_from_db()
    assert not reader.receives_reminders


@pytest.mark.parametrize("token", ["nonsense", "1:abc:def", "MQ:1vX0AA:tampered"])
def test_a_bad_unsubscribe_token_changes_nothing(client, token):
    reader, _actions, _other = reminder_world()
    forged = reminders.unsubscribe_token(reader)[:-2] + "xx"
    for bad in (token, forged):
        url = reverse("stakeholders:reminders-unsubscribe", args=[bad])
        assert client.get(url).status_code == 404
        assert client.post(url).status_code == 404
    reader.refresh_from_db()
    assert reader.receives_reminders


def test_my_settings_page_turns_reminders_off_and_on(client, participant, django_assert_max_num_queries):
    client.force_login(participant)
    url = reverse("stakeholders:profile")
    with django_assert_max_num_queries(8):
        page = client.get(url)
    assert page.status_code == 200 and 'name="receives_reminders"' in page.text
    assert "checked" in page.text

    response = client.post(url, {})
    assert response.status_code == 302
    contact = Contact.objects.get(user=participant)
    assert not contact.receives_reminders
    client.post(url, {"receives_reminders": "on"})
    contact.refresh_from_db()
    assert contact.receives_reminders


def test_my_settings_without_a_contact_record(client):
    user = UserFactory(role=PARTICIPANT)
    client.force_login(user)
    assert "not linked to a contact" in client.get(reverse("stakeholders:profile")).text
    assert client.post(reverse("stakeholders:profile"), {}).status_code == 200


def test_the_admin_lists_sent_mail_read_only(client, admin_user):
    meeting = invited_meeting(named=1)
    outgoing.send_invitations(meeting=meeting)
    client.force_login(admin_user)
    response = client.get(reverse("admin:meetings_invitation_changelist"))
    assert response.status_code == 200 and meeting.participations.get().contact.name in response.text
    assert client.get(reverse("admin:meetings_invitation_add")).status_code == 403
    assert client.get(reverse("admin:meetings_actionreminder_changelist")).status_code == 200


def test_the_user_menu_links_to_my_settings(client, participant):
    client.force_login(participant)
    assert f'href="{reverse("stakeholders:profile")}"' in client.get(reverse("dashboard")).text


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("backend", ["locmem", "failing"])
def test_publishing_tells_the_secretariat_who_is_being_told(client, settings, backend):
    """With real commits (ATOMIC_REQUESTS): the page says who the mail is on its way to, whatever the mail server
    does afterwards (the worker sends it; a failure shows on the recipient list)."""
    sync_roles()  # a transactional test starts from an empty database
    if backend == "failing":
        settings.EMAIL_BACKEND = f"{__name__}.FailingEmailBackend"
    meeting = MeetingFactory()
    contact = ContactFactory(email="focal.point@example.org")
    on_the_list(meeting, contact)
    client.force_login(secretariat_user(username="publisher"))

    url = reverse("meetings:meeting-minutes-publish", args=[meeting.pk])
    response = client.post(url, {"confirm": "on", "recipients": minutes_preview(meeting, correction=False).token})
    assert response.status_code == 302
    response = client.get(response["Location"])

    assert response.status_code == 200
    meeting.refresh_from_db()
    assert meeting.minutes_published
    if backend == "locmem":
        assert [message.to for message in mail.outbox] == [["focal.point@example.org"]]
        assert "1 participant is being told by e-mail." in response.text
    else:
        assert "1 participant is being told by e-mail." in response.text
        assert OutgoingMail.objects.get().status == MailStatus.FAILED


def test_invitation_names_the_time_zone_in_words(sent):
    """The e-mail said "(Asia/Tashkent)"; it names the zone as people say it, with its offset."""
    meeting = invited_meeting(named=1)

    with sent():
        outgoing.send_invitations(meeting=meeting)

    [message] = mail.outbox
    assert "10:00–13:00, Tashkent time (UTC+5)" in message.body
    assert "Tashkent time (UTC+5)" in html_of(message)
    assert "Asia/Tashkent" not in message.body
