"""The room: the door's check-in (one tap marks one row, two devices never undo each other), live mode (the items'
actual start and end, the presentation for the people invited) and the join link shown to invitees only."""

import datetime
import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from meetings.models import MeetingFormat, MeetingStatus, Participation, ParticipationStatus
from meetings.notifications.itip import invitation_calendar
from meetings.services.attendance import RowChange, record_attendance
from meetings.services.check_in import door_entries
from tests.meetings.factories import AgendaItemFactory, MeetingFactory, ParticipationFactory
from tests.stakeholders.factories import ContactFactory, OrganizationFactory, participant_user, secretariat_user

pytestmark = pytest.mark.django_db

JOIN_URL = "https://meet.example.org/room-42"


def _session(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _meeting(*, starts_in=datetime.timedelta(hours=-1), **fields):
    start = timezone.now() + starts_in
    return MeetingFactory(
        status=MeetingStatus.PLANNED, starts_at=start, ends_at=start + datetime.timedelta(hours=3), **fields
    )


@pytest.fixture
def door():
    """A meeting under way: the Ministry of Justice invited as a whole (two contacts), a person of the Supreme Court
    named, and the secretariat at two devices."""
    meeting = _meeting()
    justice = OrganizationFactory(name="Ministry of Justice", acronym="MoJ")
    court = OrganizationFactory(name="Supreme Court", acronym="")
    ParticipationFactory(meeting=meeting, organization=justice)
    judge = ContactFactory(organization=court, name="Bakhtiyor Rashidov")
    ParticipationFactory(meeting=meeting, organization=court, contact=judge)
    ContactFactory(organization=justice, name="Dilnoza Yoʻldosheva")
    ContactFactory(organization=justice, name="Gulnora Karimova")
    return meeting


def _url(name, *args):
    return reverse(f"meetings:{name}", args=args)


def _row(meeting, **filters) -> Participation:
    return meeting.participations.get(**filters)


def test_the_door_finds_people_by_typing_without_case_accents_or_apostrophes(door):
    page = _session(secretariat_user()).get(_url("meeting-check-in", door.pk), {"q": "YOLDOSHEVA"})
    assert page.status_code == 200
    text = page.content.decode()
    assert "Dilnoza Yoʻldosheva" in text and "Gulnora Karimova" not in text
    by_organization = _session(secretariat_user()).get(_url("meeting-check-in", door.pk), {"q": "justice"})
    names = by_organization.content.decode()
    assert "Dilnoza Yoʻldosheva" in names and "Gulnora Karimova" in names and "Bakhtiyor Rashidov" not in names


def test_two_devices_tapping_at_once_keep_both_taps(door):
    """Both devices loaded the page before either tapped: each tap sets its own row and nothing else."""
    first, second = _session(secretariat_user()), _session(secretariat_user())
    judge_row = _row(door, contact__name="Bakhtiyor Rashidov")
    justice_row = _row(door, contact=None)
    shown = {"version": judge_row.version, "status": judge_row.status}
    shown_justice = {"version": justice_row.version, "status": justice_row.status}
    assert first.post(_url("meeting-check-in-row", door.pk, judge_row.pk), shown).status_code == 302
    answer = second.post(
        _url("meeting-check-in-row", door.pk, justice_row.pk), shown_justice, headers={"HX-Request": "true"}
    )
    assert "Attended" in answer.content.decode()
    # The count above the list follows each tap, without a reload: both taps, of everyone the door lists.
    listed = len(door_entries(door))
    count = re.search(r'<p class="mb-2" id="door-count" hx-swap-oob="true">(.*?)·', answer.content.decode(), re.S)
    assert count and count.group(1).strip() == f"2 of {listed} checked in"
    # The second device taps the judge too, from its page shown before the first tap: still attended, no conflict.
    again = second.post(_url("meeting-check-in-row", door.pk, judge_row.pk), shown, headers={"HX-Request": "true"})
    assert "meanwhile" not in again.content.decode()
    statuses = set(door.participations.filter(contact__isnull=False, walk_in=False).values_list("status", flat=True))
    assert statuses == {ParticipationStatus.ATTENDED}
    assert _row(door, contact=None).status == ParticipationStatus.ATTENDED


def test_a_tap_keeps_a_status_someone_else_set_meanwhile(door):
    row = _row(door, contact__name="Bakhtiyor Rashidov")
    shown = {"version": row.version, "status": row.status}
    record_attendance(
        meeting=door,
        changes=[RowChange(row.pk, row.version, {"status": row.status}, {"status": ParticipationStatus.EXCUSED})],
    )
    answer = _session(secretariat_user()).post(
        _url("meeting-check-in-row", door.pk, row.pk), shown, headers={"HX-Request": "true"}
    )
    assert "meanwhile" in answer.content.decode()
    assert _row(door, pk=row.pk).status == ParticipationStatus.EXCUSED
    # Tapped again, the line carries the version now saved: the person is checked in.
    fresh = _row(door, pk=row.pk)
    _session(secretariat_user()).post(
        _url("meeting-check-in-row", door.pk, row.pk), {"version": fresh.version, "status": fresh.status}
    )
    assert _row(door, pk=row.pk).status == ParticipationStatus.ATTENDED


def test_a_contact_of_an_invited_organisation_tapped_twice_has_one_row(door):
    contact = door.participations.get(contact=None).organization.contacts.get(name="Gulnora Karimova")
    for client in (_session(secretariat_user()), _session(secretariat_user())):
        assert client.post(_url("meeting-check-in-contact", door.pk, contact.pk)).status_code == 302
    rows = door.participations.filter(contact=contact)
    assert [(row.status, row.walk_in) for row in rows] == [(ParticipationStatus.ATTENDED, False)]
    # The organisation's invitation stays for its other people.
    assert _row(door, contact=None).status == ParticipationStatus.INVITED


def test_a_contact_of_an_organisation_not_invited_is_refused(door):
    stranger = ContactFactory(organization=OrganizationFactory(name="Elsewhere"))
    answer = _session(secretariat_user()).post(
        _url("meeting-check-in-contact", door.pk, stranger.pk), headers={"HX-Request": "true"}
    )
    assert "not invited" in answer.content.decode()
    assert not door.participations.filter(contact=stranger).exists()


# The door offers a button for the early confirmation, not the register's check box: its refusal names the button.
NAMES_THE_BUTTON = "tap “Check people in before the start” at the top of the page"


def test_before_the_start_a_tap_needs_the_early_confirmation():
    meeting = _meeting(starts_in=datetime.timedelta(minutes=20))
    row = ParticipationFactory(meeting=meeting, organization=OrganizationFactory())
    client = _session(secretariat_user())
    tap = {"version": row.version, "status": row.status}
    page = client.get(_url("meeting-check-in", meeting.pk))
    assert "Check people in before the start" in page.content.decode()
    refused = client.post(_url("meeting-check-in-row", meeting.pk, row.pk), tap, follow=True)
    assert "has not started yet" in refused.content.decode()
    assert NAMES_THE_BUTTON in refused.content.decode() and "Tick the box" not in refused.content.decode()
    walk_in = {"walk_in-name": "Walk-in Person", "walk_in-organization": row.organization.pk}
    refused = client.post(_url("meeting-check-in-walk-in", meeting.pk), walk_in)
    assert NAMES_THE_BUTTON in refused.content.decode() and "Tick the box" not in refused.content.decode()
    assert not meeting.participations.filter(attendee_name="Walk-in Person").exists()
    assert _row(meeting, pk=row.pk).status == ParticipationStatus.INVITED
    client.post(_url("meeting-check-in-row", meeting.pk, row.pk), {**tap, "early": "1"})
    assert _row(meeting, pk=row.pk).status == ParticipationStatus.ATTENDED


def test_a_walk_in_is_recorded_from_the_door_and_a_nameless_one_is_refused(door):
    client = _session(secretariat_user())
    embassy = OrganizationFactory(name="Embassy of Estonia")
    url = _url("meeting-check-in-walk-in", door.pk)
    recorded = client.post(url, {"walk_in-name": "Kadri Tamm", "walk_in-organization": embassy.pk})
    assert recorded.status_code == 302 and recorded.url == _url("meeting-check-in", door.pk)
    row = door.participations.get(attendee_name="Kadri Tamm")
    assert (row.walk_in, row.status, row.organization) == (True, ParticipationStatus.ATTENDED, embassy)
    refused = client.post(url, {"walk_in-name": "  ", "walk_in-organization": embassy.pk})
    assert refused.status_code == 200 and "This field is required" in refused.content.decode()


# Live mode


def _move(client, meeting, from_item, to_item):
    data = {"from": from_item.pk if from_item else "", "to": to_item.pk if to_item else ""}
    return client.post(_url("meeting-live-move", meeting.pk), data, follow=True)


def test_moving_through_the_agenda_keeps_each_items_actual_start_and_end():
    meeting = _meeting()
    first, second = AgendaItemFactory(meeting=meeting), AgendaItemFactory(meeting=meeting)
    version = meeting.version
    client = _session(secretariat_user())
    _move(client, meeting, None, first)
    first.refresh_from_db()
    assert first.started_at is not None and first.ended_at is None
    _move(client, meeting, first, second)
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.ended_at is not None and second.started_at == first.ended_at and second.ended_at is None
    # A second device pressing "Next" from the first item (its page is stale) changes nothing.
    stale = _move(client, meeting, first, second)
    assert "Someone else moved the room on" in stale.content.decode()
    _move(client, meeting, second, None)
    second.refresh_from_db()
    assert second.ended_at is not None
    meeting.refresh_from_db()
    assert meeting.version == version  # the agenda editors open meanwhile are not disturbed


def test_the_presentation_follows_the_room_for_the_people_invited():
    meeting = _meeting()
    item = AgendaItemFactory(meeting=meeting, title="Emerging trends in recruitment", planned_minutes=20)
    invited = OrganizationFactory()
    ParticipationFactory(meeting=meeting, organization=invited)
    _move(_session(secretariat_user()), meeting, None, item)
    reader = _session(participant_user(organization=invited))
    page = reader.get(_url("meeting-live", meeting.pk))
    assert page.status_code == 200
    text = page.content.decode()
    assert "Emerging trends in recruitment" in text and 'data-planned-seconds="1200"' in text
    assert 'hx-trigger="every' in text
    poll = reader.get(_url("meeting-live", meeting.pk), headers={"HX-Request": "true"})
    assert "<html" not in poll.content.decode() and 'id="live-state"' in poll.content.decode()
    assert _session(participant_user()).get(_url("meeting-live", meeting.pk)).status_code == 403


def test_the_control_links_each_item_to_its_card_in_the_minutes_editor():
    meeting = _meeting()
    item = AgendaItemFactory(meeting=meeting)
    page = _session(secretariat_user()).get(_url("meeting-live-control", meeting.pk))
    assert f"{_url('meeting-minutes-edit', meeting.pk)}#item-{item.pk}" in page.content.decode()


def test_the_meeting_page_offers_the_room_while_announced_or_under_way():
    client = _session(secretariat_user())
    under_way = client.get(_url("meeting-detail", _meeting().pk)).content.decode()
    assert 'id="check-in-link"' in under_way and 'id="live-control-link"' in under_way
    held = client.get(_url("meeting-detail", MeetingFactory().pk)).content.decode()
    assert 'id="check-in-link"' not in held


def test_the_room_stays_offered_after_the_first_check_in_while_the_meeting_runs(door):
    """The first tap at the door records attendance, which makes the meeting held: the meeting page must keep the
    door's check-in and live mode (and the participants' "Follow the meeting live") until the meeting ends."""
    secretariat = _session(secretariat_user())
    judge_row = _row(door, contact__name="Bakhtiyor Rashidov")
    tap = {"version": judge_row.version, "status": judge_row.status}
    assert secretariat.post(_url("meeting-check-in-row", door.pk, judge_row.pk), tap).status_code == 302
    door.refresh_from_db()
    assert door.is_held  # attendance is recorded

    page = secretariat.get(_url("meeting-detail", door.pk)).content.decode()
    assert 'id="check-in-link"' in page and 'id="live-control-link"' in page
    reader = participant_user(organization=_row(door, contact=None).organization)  # invited as a whole
    assert 'id="follow-live"' in _session(reader).get(_url("meeting-detail", door.pk)).content.decode()

    # Once it is over by the clock, the room is no longer offered.
    door.starts_at -= datetime.timedelta(hours=4)
    door.ends_at -= datetime.timedelta(hours=4)
    door.save()
    assert 'id="check-in-link"' not in secretariat.get(_url("meeting-detail", door.pk)).content.decode()


# The join link


@pytest.fixture
def online():
    meeting = _meeting(starts_in=datetime.timedelta(days=3), format=MeetingFormat.ONLINE, venue="", join_url=JOIN_URL)
    invited = OrganizationFactory()
    ParticipationFactory(meeting=meeting, organization=invited)
    return meeting, participant_user(organization=invited), participant_user()


def test_the_join_link_is_on_the_meeting_page_for_invitees_only(online):
    meeting, invitee, outsider = online
    assert JOIN_URL in _session(invitee).get(_url("meeting-detail", meeting.pk)).content.decode()
    assert JOIN_URL in _session(secretariat_user()).get(_url("meeting-detail", meeting.pk)).content.decode()
    assert JOIN_URL not in _session(outsider).get(_url("meeting-detail", meeting.pk)).content.decode()


def _unfolded(content: bytes) -> str:
    return re.sub(r"\r\n ", "", content.decode())


def test_the_join_link_is_in_the_ics_of_invitees_only(online):
    meeting, invitee, outsider = online
    mine = _unfolded(_session(invitee).get(_url("meeting-calendar", meeting.pk)).content)
    assert f"LOCATION:{JOIN_URL}" in mine and f"Join online: {JOIN_URL}" in mine
    theirs = _session(outsider).get(_url("meeting-calendar", meeting.pk))
    assert JOIN_URL not in _unfolded(theirs.content)
    # The outsider's cached copy is not the invitee's: the two files have different ETags.
    assert theirs["ETag"] != _session(invitee).get(_url("meeting-calendar", meeting.pk))["ETag"]


def test_the_join_link_is_in_the_invitees_calendar_feed_and_invitation(online):
    meeting, invitee, outsider = online
    assert JOIN_URL in _unfolded(_session(invitee).get(reverse("calendar-feed")).content)
    assert JOIN_URL not in _unfolded(_session(outsider).get(reverse("calendar-feed")).content)
    contact = invitee.contact
    personal = Client().get(reverse("personal-calendar-feed", args=[contact.calendar_token]))
    assert JOIN_URL in _unfolded(personal.content)
    assert JOIN_URL in _unfolded(invitation_calendar(meeting=meeting, contact=contact))


def test_the_control_records_the_item_under_way_in_place_with_the_editors_forms():
    meeting = _meeting()
    presenter = ContactFactory(name="Gulnora Karimova")
    first = AgendaItemFactory(meeting=meeting, title="Opening remarks", presenter=presenter)
    second = AgendaItemFactory(meeting=meeting, title="Emerging trends")
    client = _session(secretariat_user())
    control = _url("meeting-live-control", meeting.pk)
    assert 'id="live-minutes"' not in client.get(control).content.decode()  # nothing under way
    _move(client, meeting, None, first)
    page = client.get(control).content.decode()
    companion = page[page.index('id="live-minutes"') : page.index('id="live-items"')]
    assert f'action="{_url("meeting-item-minutes", meeting.pk, first.pk)}?on=live"' in companion
    for kind in ("statement", "decision", "action"):
        assert f'id="item-{first.pk}-{kind}-new"' in companion
        assert f'action="{_url(f"{kind}-create", meeting.pk)}?item={first.pk}&amp;on=live"' in companion
    assert f'<option value="{presenter.pk}" selected' in companion
    assert f"item-{second.pk}" not in companion and "vendor/htmx/htmx.min.js" in page

    # Without JavaScript: saved, and back to the control with the next empty form.
    prefix = f"new-decision-{first.pk}"
    data = {"in_card": "1", f"{prefix}-text": "Adopt the agenda", f"{prefix}-agenda_item": first.pk}
    response = client.post(f"{_url('decision-create', meeting.pk)}?item={first.pk}&on=live", data)
    assert response.status_code == 302 and response.url == f"{control}?add=decision#live-minutes"
    after = client.get(response.url).content.decode()
    assert "Adopt the agenda" in after
    assert re.search(rf'<input type="text" name="{prefix}-text"[^>]*autofocus', after)
    text = {
        f"item-{first.pk}-discussion_summary": "The chair opened the meeting",
        f"item-{first.pk}-outcome": "",
        f"item-{first.pk}-version": first.version,
    }
    saved = client.post(f"{_url('meeting-item-minutes', meeting.pk, first.pk)}?on=live", text)
    assert saved.url == f"{control}#live-minutes"
    first.refresh_from_db()
    assert first.discussion_summary == "The chair opened the meeting"
    assert first.decisions.get().text == "Adopt the agenda"
