"""Mail only when meant: a confirmation screen before every message to many people (who, and the message itself in
each recipient language), updates that say what changed, what each person was sent, contacts added from the
recipient list, and a warning when an organisation's last reachable contact is deactivated."""

import datetime
import re

import pytest
from django.contrib.messages import get_messages
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from common.models import MailStatus, OutgoingMail
from meetings.models import Invitation, MeetingMail, MeetingMailKind, MeetingStatus, Participation
from meetings.notifications import delivery
from meetings.notifications.previews import invitation_preview
from meetings.notifications.recipients import RecipientsChanged
from stakeholders.models import Contact
from tests.meetings.factories import AgendaItemFactory, ParticipationFactory
from tests.meetings.page_forms import confirm_send, form_fields
from tests.meetings.test_notifications import invited_meeting, on_the_list, upcoming_meeting
from tests.stakeholders.factories import ContactFactory, OrganizationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def portal_address(settings):
    settings.PORTAL_BASE_URL = "https://portal.example.org"


def unsigned(text: str) -> str:
    return re.sub(r"/reply/[^/]+/", "/reply/…/", text)


def _messages(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def _three_languages():
    meeting = upcoming_meeting(title="Fifth coordination meeting")
    AgendaItemFactory(meeting=meeting, position=1, title="Opening remarks")
    ministry = OrganizationFactory(name="Ministry of Labour")
    for name, language in (("Ann Brown", "en"), ("Boris Ivanov", "ru"), ("Dilnoza Karimova", "uz")):
        on_the_list(meeting, ContactFactory(name=name, organization=ministry, preferred_language=language))
    return meeting


# The confirmation screen


def test_the_invitation_screen_names_the_recipients_and_shows_the_message_in_each_of_their_languages(
    client, secretariat
):
    meeting = _three_languages()
    client.force_login(secretariat)
    url = reverse("meetings:meeting-send-invitations", args=[meeting.pk])

    page = client.get(url).content.decode()

    assert "3 recipients" in page and "Send the invitation to 3 people" in page
    for name in ("Ann Brown", "Boris Ivanov", "Dilnoza Karimova"):
        assert f'data-recipient="{name}"' in page
    assert page.count("Ministry of Labour") >= 3
    assert "Русский" in page and "Oʻzbekcha" in page
    assert "Invitation: " in page and "Opening remarks" in page  # the message itself, in English first
    russian = client.get(url, {"language": "ru"}).content.decode()
    assert "Приглашение: " in russian and "The message as Boris Ivanov will read it" in russian
    assert "Taklifnoma: " in client.get(url, {"language": "uz"}).content.decode()
    assert not OutgoingMail.objects.exists()  # looking sends nothing


def test_a_changed_recipient_list_shows_the_new_preview_instead_of_sending(client, secretariat, mailoutbox):
    meeting = invited_meeting(named=1)
    client.force_login(secretariat)
    url = reverse("meetings:meeting-send-invitations", args=[meeting.pk])
    fields = form_fields(client.get(url).content.decode(), "confirm-send")
    newcomer = ContactFactory(name="Newly Named")
    on_the_list(meeting, newcomer)  # someone else changes the list meanwhile

    response = client.post(url, fields)

    assert response.status_code == 302 and response["Location"] == url  # back to the screen, with the new list
    page = client.get(url).content.decode()
    assert "The recipients changed since you saw the preview" in page
    assert "2 recipients" in page and 'data-recipient="Newly Named"' in page
    assert not OutgoingMail.objects.exists() and not Invitation.objects.exists()
    response = client.post(url, form_fields(page, "confirm-send"))  # confirming what is shown now sends
    assert response.status_code == 302 and OutgoingMail.objects.count() == 2


def test_sending_refuses_a_token_for_other_recipients():
    meeting = invited_meeting(named=2)
    token = invitation_preview(meeting, update=False).token
    Contact.objects.filter(pk=meeting.participations.first().contact_id).update(preferred_language="ru")
    with pytest.raises(RecipientsChanged):
        delivery.send_invitations(meeting=meeting, expected_recipients=token)
    assert not OutgoingMail.objects.exists()


def test_publishing_shows_who_is_e_mailed_and_the_message_and_refuses_a_changed_list(
    client, secretariat, django_capture_on_commit_callbacks
):
    meeting = _three_languages()
    meeting.status = MeetingStatus.HELD
    meeting.starts_at -= datetime.timedelta(days=60)
    meeting.ends_at -= datetime.timedelta(days=60)
    meeting.save()
    client.force_login(secretariat)
    url = reverse("meetings:meeting-minutes-publish", args=[meeting.pk])
    page = client.get(url, {"language": "ru"}).content.decode()
    assert "3 recipients" in page and "Протокол опубликован: " in page
    fields = form_fields(page, "publish-form")
    on_the_list(meeting, ContactFactory(name="Late Reader"))
    response = client.post(url, fields)
    assert response.status_code == 302 and response["Location"] == url
    assert "The recipients changed since you saw the preview" in client.get(url).text
    meeting.refresh_from_db()
    assert not meeting.minutes_published and not OutgoingMail.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        assert confirm_send(client, url).status_code == 302
    assert len(mail.outbox) == 4


# An update says what changed


def test_an_update_lists_the_old_and_new_time_place_and_agenda_changes(secretariat):
    meeting = invited_meeting(named=1)
    kept, dropped = meeting.agenda_items.order_by("position")
    delivery.send_invitations(meeting=meeting)
    assert Invitation.objects.get().announced["venue"] == "Hyatt Regency, Tashkent"
    meeting.starts_at += datetime.timedelta(days=1)
    meeting.ends_at += datetime.timedelta(days=1)
    meeting.venue = "UNODC office"
    meeting.save()
    kept.title = "Welcome and opening remarks"
    kept.save()
    dropped.delete()
    AgendaItemFactory(meeting=meeting, position=3, title="Airport staff trainings")

    preview = invitation_preview(meeting, update=True)
    delivery.send_invitations(meeting=meeting, update=True)

    update = OutgoingMail.objects.get(key__contains=":update:")
    # The screen showed what was sent (but for the signed reply links, which carry the time they were signed).
    assert unsigned(preview.messages[0].body) == unsigned(update.body)
    assert "What changed since the last message" in update.body
    old_day = timezone.localtime(meeting.starts_at - datetime.timedelta(days=1), meeting.zone).day
    new_day = meeting.local_start.day
    [when] = [line for line in update.body.splitlines() if line.startswith("- When:")]
    assert f"{old_day} " in when.split("→")[0] and f"{new_day} " in when.split("→")[1]
    assert "- Where: Hyatt Regency, Tashkent · In person → UNODC office · In person" in update.body
    assert "- Added to the agenda: Airport staff trainings" in update.body
    assert "- Removed from the agenda: Review of follow-up actions" in update.body
    assert "- Agenda item renamed: Opening remarks → Welcome and opening remarks" in update.body
    assert "<del>Hyatt Regency, Tashkent · In person</del>" in update.html
    # The next update compares with what this one announced.
    meeting.venue = "UNODC office, room 2"
    meeting.save()
    delivery.send_invitations(meeting=meeting, update=True)
    latest = OutgoingMail.objects.filter(key__contains=":update:").latest("id")
    assert "- Where: UNODC office · In person → UNODC office, room 2 · In person" in latest.body
    assert "Added to the agenda" not in latest.body and "- When:" not in latest.body


def test_an_invitation_has_no_list_of_changes():
    meeting = invited_meeting(named=1)
    delivery.send_invitations(meeting=meeting)
    assert "What changed" not in OutgoingMail.objects.get().body


# Per person, what was sent when


def test_each_row_of_the_recipient_list_shows_what_the_person_was_sent_and_its_state(
    client, secretariat, django_capture_on_commit_callbacks
):
    meeting = invited_meeting(named=2)
    first, second = (row.contact for row in meeting.participations.order_by("id"))
    delivery.send_invitations(meeting=meeting)
    meeting.venue = "UNODC office"
    meeting.save()
    delivery.send_invitations(meeting=meeting, update=True)
    OutgoingMail.objects.filter(to=[first.email]).update(status=MailStatus.SENT, sent_at=timezone.now())
    OutgoingMail.objects.filter(to=[second.email], key__contains=":update:").update(status=MailStatus.FAILED)
    client.force_login(secretariat)

    page = client.get(reverse("meetings:meeting-invitations", args=[meeting.pk])).content.decode()

    rows = {name: page.split(f'data-person="{name}"')[1].split("</tr>")[0] for name in (first.name, second.name)}
    assert rows[first.name].count('class="sent-mail"') == 2
    assert "Invitation" in rows[first.name] and "Update" in rows[first.name]
    assert rows[first.name].count("mail-sent") == 2
    assert "mail-pending" in rows[second.name] and "mail-failed" in rows[second.name]
    assert MeetingMail.objects.filter(kind=MeetingMailKind.UPDATE).count() == 2


@pytest.mark.parametrize("people", [3, 30])
def test_the_recipient_list_with_its_messages_takes_the_same_queries_for_3_or_30_people(
    client, secretariat, django_assert_max_num_queries, people
):
    meeting = invited_meeting(named=people, organisation_contacts=people)
    delivery.send_invitations(meeting=meeting)
    meeting.venue = "Elsewhere"
    meeting.save()
    delivery.send_invitations(meeting=meeting, update=True)
    client.force_login(secretariat)
    with django_assert_max_num_queries(16):
        response = client.get(reverse("meetings:meeting-invitations", args=[meeting.pk]))
    assert response.content.decode().count('class="sent-mail"') == 4 * people


def test_the_confirmation_screen_takes_the_same_queries_for_3_or_30_people(
    client, secretariat, django_assert_max_num_queries
):
    counts = []
    for people in (3, 30):
        meeting = invited_meeting(named=people, organisation_contacts=people)
        client.force_login(secretariat)
        with django_assert_max_num_queries(20) as context:
            assert client.get(reverse("meetings:meeting-send-invitations", args=[meeting.pk])).status_code == 200
        counts.append(len(context.captured_queries))
    assert counts[0] == counts[1]


# A contact added from the recipient list


def test_a_contact_added_from_the_recipient_list_is_on_it_at_once(client, secretariat):
    meeting = upcoming_meeting()
    ministry = OrganizationFactory(name="Ministry of Justice")
    ParticipationFactory(meeting=meeting, organization=ministry, contact=None)
    client.force_login(secretariat)
    url = reverse("meetings:meeting-add-recipient", args=[meeting.pk])
    data = {"organization": ministry.pk, "name": "Nodira Alimova", "email": "nodira@example.org"}

    response = client.post(url, data | {"preferred_language": "uz"}, HTTP_HX_REQUEST="true")

    assert response.status_code == 200
    fragment = response.content.decode()
    assert fragment.lstrip().startswith('<div id="recipient-list">') and "<html" not in fragment
    assert 'data-person="Nodira Alimova"' in fragment and "was added and is on the recipient list" in fragment
    contact = Contact.objects.get(name="Nodira Alimova")
    assert (contact.organization, contact.email, contact.preferred_language) == (ministry, "nodira@example.org", "uz")
    assert not Participation.objects.filter(contact=contact).exists()  # the organisation is invited as a whole

    # Without JavaScript: a plain POST, and back to the list.
    response = client.post(
        url, data | {"name": "Timur Rakhimov", "email": "timur@example.org", "preferred_language": "ru"}
    )
    assert response.status_code == 302 and response["Location"] == reverse(
        "meetings:meeting-invitations", args=[meeting.pk]
    )
    assert "Timur Rakhimov (Ministry of Justice) was added" in _messages(response)[0]


def test_a_contact_added_to_an_organisation_invited_by_name_is_named_on_the_list(client, secretariat):
    meeting = invited_meeting(named=1)
    organization = meeting.participations.get().organization
    client.force_login(secretariat)
    client.post(
        reverse("meetings:meeting-add-recipient", args=[meeting.pk]),
        {
            "organization": organization.pk,
            "name": "Second Person",
            "email": "second@example.org",
            "preferred_language": "en",
        },
    )
    assert meeting.participations.filter(contact__name="Second Person").exists()
    assert "Second Person" in [
        recipient.contact.name for recipient in invitation_preview(meeting, update=False).recipients
    ]


def test_adding_a_contact_with_bad_input_shows_the_errors_and_keeps_what_was_typed(client, secretariat):
    meeting = invited_meeting(named=1)
    stranger = OrganizationFactory()  # not invited
    client.force_login(secretariat)
    url = reverse("meetings:meeting-add-recipient", args=[meeting.pk])
    response = client.post(
        url, {"organization": stranger.pk, "name": "Kept Name", "email": "not-an-address", "preferred_language": "xx"}
    )
    assert response.status_code == 200
    form = response.context["contact_form"]
    assert set(form.errors) == {"organization", "email", "preferred_language"}
    assert 'value="Kept Name"' in response.content.decode()
    htmx = client.post(url, {"name": ""}, HTTP_HX_REQUEST="true")
    assert htmx.status_code == 200 and "This field is required." in htmx.content.decode()
    assert not Contact.objects.filter(name="Kept Name").exists()


def test_only_the_secretariat_adds_contacts_from_the_recipient_list(client, participant):
    meeting = invited_meeting(named=1)
    organization = meeting.participations.get().organization
    url = reverse("meetings:meeting-add-recipient", args=[meeting.pk])
    data = {
        "organization": organization.pk,
        "name": "Intruder",
        "email": "intruder@example.org",
        "preferred_language": "en",
    }
    assert client.post(url, data).status_code == 302  # to the login page
    client.force_login(participant)
    assert client.post(url, data).status_code == 403
    assert not Contact.objects.filter(name="Intruder").exists()


# Deactivating the last reachable contact


def _last_contact_invited():
    meeting = upcoming_meeting(title="Sixth coordination meeting")
    contact = ContactFactory(name="Only Person", email="only@example.org")
    ContactFactory(organization=contact.organization, email="")  # another contact, without an address
    ParticipationFactory(meeting=meeting, organization=contact.organization, contact=None)
    return meeting, contact


def test_deactivating_the_last_reachable_contact_names_the_meetings_and_asks_first(client, secretariat):
    meeting, contact = _last_contact_invited()
    client.force_login(secretariat)
    url = reverse("stakeholders:contact-update", args=[contact.pk])
    data = {
        "organization": contact.organization.pk,
        "name": contact.name,
        "email": contact.email,
        "preferred_language": "en",
        "receives_reminders": "on",
    }

    response = client.post(url, data)  # is_active unticked

    assert response.status_code == 200
    page = response.content.decode()
    assert 'id="deactivation-warning"' in page and "Sixth coordination meeting" in page
    assert meeting.get_absolute_url() in page
    contact.refresh_from_db()
    assert contact.is_active
    response = client.post(url, data | {"deactivation_confirmed": "1"})
    assert response.status_code == 302
    contact.refresh_from_db()
    assert not contact.is_active


def test_no_warning_when_someone_else_there_can_still_be_reached(client, secretariat):
    _meeting, contact = _last_contact_invited()
    ContactFactory(organization=contact.organization, email="other@example.org")
    client.force_login(secretariat)
    response = client.post(
        reverse("stakeholders:contact-update", args=[contact.pk]),
        {
            "organization": contact.organization.pk,
            "name": contact.name,
            "email": contact.email,
            "preferred_language": "en",
        },
    )
    assert response.status_code == 302
    contact.refresh_from_db()
    assert not contact.is_active


def test_a_past_or_cancelled_meeting_is_not_named():
    from stakeholders.services import left_unreachable_by_deactivating

    meeting, contact = _last_contact_invited()
    assert [row.text for row in left_unreachable_by_deactivating(contact)] == [str(meeting)]
    meeting.status = MeetingStatus.CANCELLED
    meeting.save()
    assert left_unreachable_by_deactivating(contact) == []


def test_the_admin_says_which_meetings_lose_their_last_contact_there(client, admin_user):
    meeting, contact = _last_contact_invited()
    client.force_login(admin_user)
    response = client.post(
        reverse("admin:stakeholders_contact_changelist"),
        {"action": "deactivate_contacts", "_selected_action": [contact.pk]},
        follow=True,
    )
    assert response.status_code == 200
    assert f"nobody there can be reached about {meeting}" in response.content.decode()
    contact.refresh_from_db()
    assert not contact.is_active


# Presenters on the recipient list


def test_a_presenter_without_an_e_mail_address_is_flagged_on_the_recipient_list_with_a_link_to_add_one(
    client, secretariat
):
    meeting = invited_meeting(named=1)
    police = OrganizationFactory(name="Estonian Police and Border Guard Board")
    presenter = ContactFactory(organization=police, name="Kristiina Tamm", email="")
    AgendaItemFactory(meeting=meeting, position=3, title="Cooperation with Estonia", presenter=presenter)
    AgendaItemFactory(meeting=meeting, position=4, title="Study visit report", presenter=presenter)
    reachable = ContactFactory(name="Aziz Karimov", email="aziz@example.org")
    on_the_list(meeting, reachable)
    AgendaItemFactory(meeting=meeting, position=5, title="Airport trainings", presenter=reachable)
    client.force_login(secretariat)

    page = client.get(reverse("meetings:meeting-invitations", args=[meeting.pk])).content.decode()

    flagged = re.search(r'<div class="alert alert-warning" id="presenters-without-address".*?</div>', page, re.S)
    assert flagged, "the recipient list does not flag the presenter without an address"
    flagged = " ".join(flagged.group(0).split())
    assert "1 presenter has no e-mail address" in flagged
    assert "Kristiina Tamm (Estonian Police and Border Guard Board)" in flagged
    assert "Presenter" in flagged and "No e-mail address" in flagged
    assert "“Cooperation with Estonia”, “Study visit report”" in flagged
    edit = reverse("stakeholders:contact-update", args=[presenter.pk])
    assert f'<a href="{edit}">Add an e-mail address</a>' in flagged
    assert "Aziz Karimov" not in flagged  # a presenter with an address is reached like everyone else...
    row = re.search(r'<tr data-person="Aziz Karimov">.*?</tr>', page, re.S).group(0)
    assert "presenter-badge" in row  # ...and marked as presenter in their row

    # Once the address is added, the flag goes.
    presenter.email = "kristiina@example.org"
    presenter.save()
    page = client.get(reverse("meetings:meeting-invitations", args=[meeting.pk])).content.decode()
    assert 'id="presenters-without-address"' not in page
