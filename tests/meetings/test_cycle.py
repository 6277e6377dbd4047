"""Convening a meeting: prepare the next one from the latest held one, drafts, announcing, deleting, the lifecycle."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from meetings import rsvp, services
from meetings.models import ActionStatus, Invitation, LifecycleStage, Meeting, MeetingStatus, Rsvp
from meetings.notifications import delivery
from tests.meetings.factories import (
    TASHKENT,
    ActionItemFactory,
    AgendaItemFactory,
    MeetingFactory,
    MeetingSeriesFactory,
    ParticipationFactory,
)
from tests.meetings.page_forms import confirm_send
from tests.stakeholders.factories import ContactFactory, OrganizationFactory

pytestmark = pytest.mark.django_db


def _at(year, month, day, hour=10):
    return datetime.datetime(year, month, day, hour, tzinfo=TASHKENT)


@pytest.fixture
def series():
    series = MeetingSeriesFactory()
    series.members.set(OrganizationFactory.create_batch(2))
    return series


@pytest.fixture
def held(series):
    """The 4th meeting, held, with a renamed follow-up review item (found by its flag), and a named person."""
    meeting = MeetingFactory(series=series, number=4, starts_at=_at(2024, 1, 10), venue="Samarkand", format="hybrid")
    AgendaItemFactory(meeting=meeting, position=1, title="Opening", is_standing=True)
    AgendaItemFactory(meeting=meeting, position=2, title="Trends", is_standing=False)
    AgendaItemFactory(
        meeting=meeting, position=3, title="Follow-up review", is_standing=True, reviews_follow_up_actions=True
    )
    speaker = ContactFactory()
    ParticipationFactory(meeting=meeting, organization=speaker.organization, contact=speaker, role="speaker")
    return meeting


def test_the_source_is_the_latest_held_meeting_not_a_higher_numbered_planned_one(series, held):
    planned = MeetingFactory(series=series, number=5, starts_at=_at(2030, 1, 10), draft=True)
    AgendaItemFactory(meeting=planned, title="Only in the planned one", is_standing=True)
    preview = services.preview_next_meeting(series=series)
    assert preview.source == held
    assert preview.already_planned == [planned]
    assert [item.title for item in preview.standing_items] == ["Opening", "Follow-up review"]
    assert [item.title for item in preview.other_items] == ["Trends"]


def test_prepare_follows_the_choices_and_finds_the_review_item_by_its_flag(series, held):
    action = ActionItemFactory(meeting=held, status=ActionStatus.OPEN)
    ActionItemFactory(meeting=held, status=ActionStatus.DONE)
    meeting = services.prepare_next_meeting(
        series=series,
        starts_at=_at(2030, 4, 1),
        ends_at=_at(2030, 4, 1, 13),
        venue="Online",
        format="online",
        join_url="https://meet.example.org/abc",
        carry=services.CarryOver(standing_items=True, other_items=True, open_actions=True, invitations=True),
    )
    titles = list(meeting.agenda_items.order_by("position").values_list("title", flat=True))
    assert titles == ["Opening", "Trends", "Follow-up review"]  # no second "Review of follow-up actions"
    review = meeting.agenda_items.get(reviews_follow_up_actions=True)
    assert list(review.actions_to_review.all()) == [action]
    assert meeting.is_draft and meeting.lifecycle_stage == LifecycleStage.DRAFT
    assert (meeting.venue, meeting.format, meeting.join_url) == ("Online", "online", "https://meet.example.org/abc")
    named = meeting.participations.get(contact__isnull=False)
    assert named.role == "speaker"
    assert meeting.participations.values("organization").distinct().count() == 3  # the speaker's + 2 members


def test_prepare_with_nothing_copied(series, held):
    meeting = services.prepare_next_meeting(
        series=series,
        starts_at=_at(2030, 4, 1),
        carry=services.CarryOver(standing_items=False, other_items=False, open_actions=False, invitations=False),
    )
    assert not meeting.agenda_items.exists() and not meeting.participations.exists()


def test_numbers_follow_the_dates(series, held):
    later = MeetingFactory(series=series, number=5, starts_at=_at(2030, 6, 1), draft=True)
    earlier = services.prepare_next_meeting(series=series, starts_at=_at(2030, 3, 1), another_planned_confirmed=True)
    later.refresh_from_db()
    assert (earlier.number, later.number) == (5, 6)
    with pytest.raises(ValidationError) as refused:
        services.prepare_next_meeting(series=series, starts_at=_at(2023, 6, 1), another_planned_confirmed=True)
    assert "date" in refused.value.error_dict
    held.refresh_from_db()
    assert held.number == 4


def test_a_join_link_only_for_online_or_hybrid_meetings(series, held):
    with pytest.raises(ValidationError) as refused:
        services.prepare_next_meeting(
            series=series, starts_at=_at(2030, 4, 1), format="in_person", join_url="https://meet.example.org/x"
        )
    assert "join_url" in refused.value.error_dict


def test_only_a_draft_without_invitations_or_minutes_can_be_deleted(series, held):
    draft = MeetingFactory(series=series, number=5, starts_at=_at(2030, 1, 1), draft=True)
    assert services.deletion_refusal(held)  # announced and held
    Invitation.objects.create(meeting=draft, contact=ContactFactory(), sent_at=timezone.now(), sequence=0)
    with pytest.raises(ValidationError):
        services.delete_draft_meeting(meeting=draft)
    draft.invitations.all().delete()
    services.delete_draft_meeting(meeting=draft)
    assert not Meeting.objects.filter(pk=draft.pk).exists()


def test_lifecycle_stages():
    meeting = MeetingFactory(draft=True, starts_at=timezone.now() + datetime.timedelta(days=3))
    assert meeting.lifecycle_stage == LifecycleStage.DRAFT
    assert services.next_step(meeting).url_name == "meetings:meeting-invitations"
    meeting = services.announce_meeting(meeting=meeting)
    assert meeting.lifecycle_stage == LifecycleStage.ANNOUNCED and services.next_step(meeting) is None
    meeting.status = MeetingStatus.HELD
    assert meeting.lifecycle_stage == LifecycleStage.HELD
    assert services.next_step(meeting).url_name == "meetings:meeting-minutes-edit"
    meeting.minutes_summary = "We met."
    assert meeting.lifecycle_stage == LifecycleStage.MINUTES_DRAFT
    assert services.next_step(meeting).url_name == "meetings:meeting-minutes-publish"
    assert [state for _label, state in meeting.lifecycle_steps] == ["done", "done", "done", "current", "todo"]


# Pages


def _prepare_data(**overrides):
    data = {
        "date": "2030-03-05",
        "start_time": "10:00",
        "end_time": "13:00",
        "copy_standing_items": "on",
        "carry_open_actions": "on",
        "copy_invitations": "on",
        "copy_venue_and_format": "on",
        "format": "in_person",
    }
    data.update(overrides)
    return data


def test_prepare_page_previews_then_creates_a_draft_and_a_second_click_is_caught(client, secretariat, series, held):
    client.force_login(secretariat)
    url = reverse("meetings:meeting-prepare-next", args=[series.pk])
    page = client.get(url).content.decode()
    assert "Opening" in page and "Trends" in page and "already-planned" not in page
    # The page's venue and format fields start with the copied ones; the browser sends them back as shown.
    response = client.post(url, _prepare_data(venue="Samarkand", format="hybrid"))
    meeting = Meeting.objects.get(series=series, number=5)
    assert response.status_code == 302 and response.url == meeting.get_absolute_url()
    assert (meeting.venue, meeting.format) == ("Samarkand", "hybrid")
    # The same form sent again (a second click, the back button): refused with the warning, nothing created.
    response = client.post(url, _prepare_data())
    assert response.status_code == 200
    assert "already-planned" in response.content.decode()
    assert "another_planned_confirmed" in response.context["form"].errors
    assert series.meetings.count() == 2
    response = client.post(url, _prepare_data(date="2030-06-05", another_planned_confirmed="on"))
    assert response.status_code == 302 and series.meetings.count() == 3


def test_a_venue_and_format_typed_over_the_copied_ones_win(client, secretariat, series, held):
    client.force_login(secretariat)
    url = reverse("meetings:meeting-prepare-next", args=[series.pk])
    form = client.get(url).context["form"]
    assert (form["venue"].value(), form["format"].value()) == ("Samarkand", "hybrid")
    response = client.post(url, _prepare_data(venue="Tashkent, Hyatt Regency", format="online"))
    assert response.status_code == 302
    meeting = Meeting.objects.get(series=series, number=5)
    assert (meeting.venue, meeting.format) == ("Tashkent, Hyatt Regency", "online")


def test_a_venue_left_blank_is_copied_when_venue_and_format_are_copied(client, secretariat, series, held):
    client.force_login(secretariat)
    url = reverse("meetings:meeting-prepare-next", args=[series.pk])
    client.post(url, _prepare_data(venue="", format="hybrid"))
    assert Meeting.objects.get(series=series, number=5).venue == "Samarkand"
    client.post(
        url, _prepare_data(date="2030-06-05", venue="", copy_venue_and_format="", another_planned_confirmed="on")
    )
    assert Meeting.objects.get(series=series, number=6).venue == ""


def test_prepare_page_bad_input_gets_field_errors(client, secretariat, series, held):
    client.force_login(secretariat)
    url = reverse("meetings:meeting-prepare-next", args=[series.pk])
    response = client.post(url, _prepare_data(date="2023-01-01", past_start_confirmed="on"))  # before the held meeting
    assert response.status_code == 200 and "date" in response.context["form"].errors
    response = client.post(url, _prepare_data(end_time="09:00", join_url="not a link"))
    assert response.status_code == 200
    assert {"end_time", "join_url"} <= response.context["form"].errors.keys()
    assert series.meetings.count() == 1


def test_drafts_are_the_secretariats_only(client, secretariat, participant, series, held):
    draft = MeetingFactory(series=series, number=5, starts_at=timezone.now() + datetime.timedelta(days=9), draft=True)
    client.force_login(participant)
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert client.get(reverse("meetings:meeting-calendar", args=[draft.pk])).status_code == 404
    for url in (reverse("meetings:meeting-list"), series.get_absolute_url(), reverse("dashboard")):
        assert draft.get_absolute_url() not in client.get(url).content.decode(), url
    assert draft.title not in client.get(reverse("calendar-feed")).content.decode()
    assert draft.get_absolute_url() not in client.get(reverse("search"), {"q": draft.title}).content.decode()
    client.force_login(secretariat)
    page = client.get(draft.get_absolute_url()).content.decode()
    assert "lifecycle" in page and reverse("meetings:meeting-delete", args=[draft.pk]) in page
    assert (
        reverse("meetings:meeting-minutes-publish", args=[draft.pk]) not in page
    )  # no minutes step on a planned meeting
    assert draft.get_absolute_url() in client.get(reverse("meetings:meeting-list")).content.decode()
    assert draft.title not in client.get(reverse("calendar-feed")).content.decode()  # feeds are shared: never drafts
    client.post(reverse("meetings:meeting-announce", args=[draft.pk]))
    draft.refresh_from_db()
    assert not draft.is_draft
    client.force_login(participant)
    assert client.get(draft.get_absolute_url()).status_code == 200


def test_delete_a_draft_with_confirmation(client, secretariat, series, held):
    draft = MeetingFactory(series=series, number=5, starts_at=_at(2030, 1, 1), draft=True)
    client.force_login(secretariat)
    url = reverse("meetings:meeting-delete", args=[draft.pk])
    assert "Delete the draft meeting" in client.get(url).content.decode()
    assert client.post(url).url == reverse("meetings:meeting-list")
    assert not Meeting.objects.filter(pk=draft.pk).exists()
    page = client.get(reverse("meetings:meeting-delete", args=[held.pk])).content.decode()
    assert "cannot be deleted" in page and "Delete the draft meeting" not in page
    client.post(reverse("meetings:meeting-delete", args=[held.pk]))
    assert Meeting.objects.filter(pk=held.pk).exists()


def test_meeting_list_is_split_and_offers_new_meeting_to_the_secretariat(
    client, secretariat, participant, series, held, django_assert_max_num_queries
):
    for days in (5, 40):
        MeetingFactory(series=series, starts_at=timezone.now() + datetime.timedelta(days=days))
    client.force_login(participant)
    page = client.get(reverse("meetings:meeting-list")).content.decode()
    assert "upcoming-meetings" in page and "past-meetings" in page and reverse("meetings:meeting-new") not in page
    client.force_login(secretariat)
    with django_assert_max_num_queries(12):
        page = client.get(reverse("meetings:meeting-list")).content.decode()
    assert reverse("meetings:meeting-new") in page
    upcoming, past = page.split('id="past"')
    assert held.get_absolute_url() in past and held.get_absolute_url() not in upcoming
    new = client.get(reverse("meetings:meeting-new")).content.decode()
    assert reverse("meetings:meeting-prepare-next", args=[series.pk]) in new
    assert reverse("meetings:meeting-create", args=[series.pk]) in new


def test_prepare_next_offered_on_the_dashboard_and_the_latest_held_meeting(client, secretariat, participant, series):
    earlier = MeetingFactory(series=series, number=3, starts_at=_at(2023, 10, 1))
    latest = MeetingFactory(series=series, number=4, starts_at=_at(2024, 1, 10))
    prepare = reverse("meetings:meeting-prepare-next", args=[series.pk])
    client.force_login(secretariat)
    assert prepare in client.get(reverse("dashboard")).content.decode()
    assert prepare in client.get(latest.get_absolute_url()).content.decode()
    assert prepare not in client.get(earlier.get_absolute_url()).content.decode()
    client.force_login(participant)
    assert prepare not in client.get(reverse("dashboard")).content.decode()
    assert prepare not in client.get(latest.get_absolute_url()).content.decode()


# Invitations that reach people


@pytest.fixture
def invited_meeting(series):
    """A draft with three organisations: one reachable, one with a contact without address, one with nobody."""
    meeting = MeetingFactory(series=series, starts_at=timezone.now() + datetime.timedelta(days=20), draft=True)
    reachable, no_address, nobody = (
        OrganizationFactory(name="Alpha"),
        OrganizationFactory(name="Beta"),
        OrganizationFactory(name="Gamma"),
    )
    focal_point = ContactFactory(organization=reachable, name="Ann Focal", email="ann@example.org")
    speaker = ContactFactory(organization=reachable, name="Bob Speaker", email="bob@example.org")
    ContactFactory(organization=no_address, name="Cid Nomail", email="")
    services.invite_organizations(meeting=meeting, organizations=[reachable, no_address, nobody])
    services.add_named_participant(meeting=meeting, contact=speaker, role="speaker")
    return meeting, focal_point, speaker


def _states(register):
    return {row.organization.name: [(p.contact.name, p.state) for p in row.people] for row in register}


def test_naming_a_person_keeps_the_organisations_other_recipients(invited_meeting):
    meeting, _focal_point, _speaker = invited_meeting
    register = services.invitation_register(meeting)
    assert _states(register) == {
        "Alpha": [("Bob Speaker", "not_sent"), ("Ann Focal", "not_sent")],
        "Beta": [("Cid Nomail", "no_address")],
        "Gamma": [],
    }
    assert [row.organization.name for row in register if not row.reachable] == ["Beta", "Gamma"]


def test_after_sending_each_person_shows_sent_or_failed(
    client, secretariat, invited_meeting, mailoutbox, django_capture_on_commit_callbacks
):
    meeting, focal_point, _speaker = invited_meeting
    client.force_login(secretariat)
    page = client.get(reverse("meetings:meeting-invitations", args=[meeting.pk])).content.decode()
    assert page.count("Not yet invited") == 2 and "No e-mail address" in page
    assert (
        f"{reverse('stakeholders:contact-create')}?organization=" in page
    )  # the organisations nobody can be reached at
    assert "Not yet invited" in client.get(meeting.get_absolute_url()).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = confirm_send(
            client, reverse("meetings:meeting-send-invitations", args=[meeting.pk]), back="invitations"
        )
    assert response.url == reverse("meetings:meeting-invitations", args=[meeting.pk])
    assert sorted(message.to[0] for message in mailoutbox) == ["ann@example.org", "bob@example.org"]
    meeting.refresh_from_db()
    assert not meeting.is_draft  # sending the invitations announced it
    assert _states(services.invitation_register(meeting))["Alpha"] == [
        ("Bob Speaker", "sent"),
        ("Ann Focal", "sent"),
    ]
    mail = Invitation.objects.get(meeting=meeting, contact=focal_point).mail
    mail.status, mail.last_error = "failed", "550 mailbox unavailable"
    mail.save()
    page = client.get(reverse("meetings:meeting-invitations", args=[meeting.pk])).content.decode()
    assert "550 mailbox unavailable" in page and "Failed" in page


def test_invitations_page_queries_do_not_grow_with_rows(client, secretariat, series, django_assert_max_num_queries):
    meeting = MeetingFactory(series=series, starts_at=timezone.now() + datetime.timedelta(days=20), draft=True)
    client.force_login(secretariat)
    url = reverse("meetings:meeting-invitations", args=[meeting.pk])
    for _round in range(2):
        organizations = OrganizationFactory.create_batch(5)
        for organization in organizations:
            ContactFactory.create_batch(2, organization=organization)
        services.invite_organizations(meeting=meeting, organizations=organizations)
        # 13: one fixed query more since the list flags the agenda's presenters (who have no address, or are on it)
        with django_assert_max_num_queries(13):
            assert client.get(url).status_code == 200


# Replies (RSVP)


@pytest.fixture
def upcoming(series):
    return MeetingFactory(
        series=series, status=MeetingStatus.PLANNED, starts_at=timezone.now() + datetime.timedelta(days=9)
    )


def test_rsvp_link_asks_for_a_click_then_records_and_can_change(client, upcoming):
    contact = ContactFactory(name="Kadri Tamm")
    ParticipationFactory(meeting=upcoming, organization=contact.organization, contact=contact)
    links = rsvp.rsvp_links(meeting=upcoming, contact=contact)
    page = client.get(links["accepted"])
    assert page.status_code == 200 and "Kadri Tamm, will you attend?" in page.content.decode()
    assert not Rsvp.objects.exists()  # opening the link (a mail scanner does) records nothing
    client.post(links["accepted"].split("?")[0], {"answer": "accepted"})
    assert Rsvp.objects.get().answer == "accepted"
    response = client.post(links["declined"].split("?")[0], {"answer": "declined"})
    assert "your answer is recorded" in response.content.decode()
    assert Rsvp.objects.get().answer == "declined"
    assert client.post(links["declined"].split("?")[0], {"answer": "maybe"}).status_code == 400


def test_a_reply_link_answers_only_while_its_person_is_still_invited(client, upcoming):
    invited_whole = OrganizationFactory()
    contact = ContactFactory(name="Kadri Tamm", organization=invited_whole)
    colleague = ContactFactory(name="Aziz Karimov", organization=invited_whole)
    services.invite_organizations(meeting=upcoming, organizations=[invited_whole])
    links = {person: rsvp.rsvp_links(meeting=upcoming, contact=person) for person in (contact, colleague)}
    assert "Kadri Tamm, will you attend?" in client.get(links[contact]["accepted"]).text

    # The secretariat names only the colleague: the organisation as a whole is no longer invited.
    upcoming.participations.filter(organization=invited_whole).update(contact=colleague)
    page = client.get(links[contact]["accepted"])
    assert page.status_code == 200 and "no longer on the list" in page.text and "will you attend?" not in page.text
    response = client.post(links[contact]["accepted"].split("?")[0], {"answer": "accepted"})
    assert response.status_code == 400 and "no longer on the list" in response.text
    assert not Rsvp.objects.exists()
    client.post(links[colleague]["accepted"].split("?")[0], {"answer": "accepted"})
    assert list(Rsvp.objects.values_list("contact__name", flat=True)) == ["Aziz Karimov"]

    # Taken off the list altogether: neither link answers, the recorded answer stays as it was.
    upcoming.participations.all().delete()
    response = client.post(links[colleague]["declined"].split("?")[0], {"answer": "declined"})
    assert response.status_code == 400 and "no longer on the list" in response.text
    assert Rsvp.objects.get().answer == "accepted"


def test_rsvp_links_tampered_expired_or_for_another_meeting_are_refused(client, series, upcoming, monkeypatch):
    contact = ContactFactory()
    token = rsvp.rsvp_token(meeting=upcoming, contact=contact)
    other = MeetingFactory(series=series, status=MeetingStatus.PLANNED, starts_at=upcoming.starts_at)
    cases = {
        reverse("meetings:meeting-rsvp-link", args=[upcoming.pk, token[:-2] + "xx"]): "not valid",
        reverse("meetings:meeting-rsvp-link", args=[other.pk, token]): "another meeting",
    }
    for url, reason in cases.items():
        for response in (client.get(url), client.post(url, {"answer": "accepted"})):
            assert response.status_code == 400 and reason in response.content.decode(), url
    monkeypatch.setattr(rsvp, "RSVP_MAX_AGE", datetime.timedelta(seconds=-1))
    response = client.get(reverse("meetings:meeting-rsvp-link", args=[upcoming.pk, token]))
    assert response.status_code == 400 and "expired" in response.content.decode()
    assert not Rsvp.objects.exists()


def test_the_reply_page_opens_in_the_recipients_language(client, upcoming, settings):
    """The invitation went out in Russian: its link opens the page in Russian whatever the browser prefers."""
    contact = ContactFactory(name="Нодира Каримова", preferred_language="ru")
    links = rsvp.rsvp_links(meeting=upcoming, contact=contact)
    page = client.get(links["accepted"], headers={"accept-language": "en"})
    assert page.status_code == 200
    assert page["Content-Language"] == "ru"
    assert "Ваш ответ на приглашение" in page.content.decode()
    assert '<html lang="ru">' in page.content.decode()
    recorded = client.post(links["accepted"].split("?")[0], {"answer": "accepted"}, headers={"accept-language": "en"})
    assert "Ваш ответ на приглашение" in recorded.content.decode()
    # A language the visitor picked with the switcher (its cookie) wins.
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "uz"
    assert "Taklifnomaga javobingiz" in client.get(links["accepted"]).content.decode()


def test_a_participant_answers_on_the_meeting_page_and_the_register_counts(client, participant, secretariat, upcoming):
    services.invite_organizations(meeting=upcoming, organizations=[participant.contact.organization])
    client.force_login(participant)
    assert "Will you attend?" in client.get(upcoming.get_absolute_url()).content.decode()
    response = client.post(reverse("meetings:meeting-rsvp", args=[upcoming.pk]), {"answer": "accepted"}, follow=True)
    assert "Your answer: Will attend." in response.content.decode()
    assert Rsvp.objects.get().contact == participant.contact
    client.force_login(secretariat)
    page = client.get(reverse("meetings:meeting-invitations", args=[upcoming.pk])).content.decode()
    assert "Replies: 1 will attend, 0 will not" in page and "Will attend" in page


def test_the_meeting_page_takes_a_reply_only_from_someone_invited(client, participant, upcoming):
    """As the mailed link: a logged-in person not on the list (nor their organisation as a whole) gets no reply
    buttons, and a reply posted anyway is refused with a message and records nothing."""
    client.force_login(participant)
    page = client.get(upcoming.get_absolute_url()).content.decode()
    assert "Will you attend?" not in page and 'id="rsvp"' not in page
    response = client.post(reverse("meetings:meeting-rsvp", args=[upcoming.pk]), {"answer": "accepted"}, follow=True)
    assert response.status_code == 200
    assert "You are not on the list of people invited to this meeting" in response.content.decode()
    assert not upcoming.rsvps.exists()
    # Once their organisation is invited as a whole, they answer; once it is taken off the list, no longer.
    services.invite_organizations(meeting=upcoming, organizations=[participant.contact.organization])
    assert "Will you attend?" in client.get(upcoming.get_absolute_url()).content.decode()
    client.post(reverse("meetings:meeting-rsvp", args=[upcoming.pk]), {"answer": "accepted"})
    assert upcoming.rsvps.get().answer == "accepted"
    upcoming.participations.all().delete()
    response = client.post(reverse("meetings:meeting-rsvp", args=[upcoming.pk]), {"answer": "declined"}, follow=True)
    assert "You are not on the list of people invited to this meeting" in response.content.decode()
    assert upcoming.rsvps.get().answer == "accepted"


def test_the_invitation_carries_the_reply_links(upcoming, mailoutbox, django_capture_on_commit_callbacks):
    organization = OrganizationFactory()
    contact = ContactFactory(organization=organization, email="kadri@example.org")
    services.invite_organizations(meeting=upcoming, organizations=[organization])
    with django_capture_on_commit_callbacks(execute=True):
        delivery.send_invitations(meeting=upcoming)
    (message,) = mailoutbox
    link = next(line for line in message.body.splitlines() if "answer=accepted" in line).split(": ", 1)[1]
    assert link.startswith("http") and link.endswith("/?answer=accepted")
    # The token is timestamped (it may differ from one built a second later): it must name this person here.
    token = link.split(f"/meetings/{upcoming.pk}/reply/", 1)[1].split("/", 1)[0]
    assert rsvp.contact_for_rsvp_token(meeting=upcoming, token=token) == contact


def test_the_stored_title_is_english_whatever_the_secretariats_language(series, held):
    from django.utils import translation

    with translation.override("ru"):
        meeting = services.prepare_next_meeting(series=series, starts_at=_at(2030, 4, 1))
    assert meeting.title == "5th coordination meeting"


def test_the_next_step_is_not_offered_twice_under_more_actions(client, secretariat):
    """The primary button names the next step; More actions does not repeat it (URL names are namespaced)."""
    start = timezone.now() - datetime.timedelta(days=1)
    meeting = MeetingFactory(status=MeetingStatus.HELD, starts_at=start, ends_at=start + datetime.timedelta(hours=3))
    client.force_login(secretariat)
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert page.count(f'href="{reverse("meetings:meeting-minutes-edit", args=[meeting.pk])}"') == 1
