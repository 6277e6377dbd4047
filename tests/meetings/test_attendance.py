"""Attendance in one pass: per-row choices, marking everyone expected as attended, the rule for meetings that have
not started, walk-ins and the headcount, and a unit's attendance rolling up to its parent organisation."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from meetings import analytics, services
from meetings.models import Meeting, Participation, Rsvp
from stakeholders.models import Contact, Organization
from tests.meetings.factories import MeetingFactory, MeetingSeriesFactory, ParticipationFactory
from tests.stakeholders.factories import ContactFactory, OrganizationFactory

pytestmark = pytest.mark.django_db


def _register_data(rows, **statuses):
    data = {
        "participants-TOTAL_FORMS": len(rows),
        "participants-INITIAL_FORMS": len(rows),
        "participants-MIN_NUM_FORMS": 0,
        "participants-MAX_NUM_FORMS": 1000,
    }
    for index, row in enumerate(rows):
        data.update(
            {
                f"participants-{index}-id": row.pk,
                f"participants-{index}-version": row.version,
                f"participants-{index}-role": row.role,
                f"participants-{index}-status": statuses.get(str(row.pk), row.status),
                # what the page was shown with: a save writes only what differs from it
                f"initial-participants-{index}-role": row.role,
                f"initial-participants-{index}-status": row.status,
            }
        )
    return data


def _rows(meeting):
    return list(meeting.participations.order_by("organization__name", "contact__name", "id"))


def _upcoming():
    start = timezone.now() + datetime.timedelta(days=30)
    return MeetingFactory(starts_at=start, ends_at=start + datetime.timedelta(hours=3))


def test_the_register_offers_radio_choices_not_drop_downs(client, secretariat):
    meeting = MeetingFactory()
    row = ParticipationFactory(meeting=meeting)
    client.force_login(secretariat)
    content = client.get(reverse("meetings:meeting-participants", args=[meeting.pk])).content.decode()
    assert 'type="radio" name="participants-0-status" value="attended"' in content
    assert '<select name="participants-0-status"' not in content
    assert row.pk


@pytest.mark.parametrize("organizations", [3, 15])
def test_everyone_came_is_one_click_and_queries_do_not_grow(
    client, secretariat, django_assert_max_num_queries, organizations
):
    meeting = MeetingFactory()
    for index in range(organizations):
        if index % 2:
            ParticipationFactory(meeting=meeting, status="confirmed")
        else:  # invited, and someone of the organisation accepted
            contact = ContactFactory()
            ParticipationFactory(meeting=meeting, organization=contact.organization, status="invited")
            Rsvp.objects.create(meeting=meeting, contact=contact, answer="accepted", answered_at=timezone.now())
    excused = ParticipationFactory(meeting=meeting, status="excused")
    silent = ParticipationFactory(meeting=meeting, status="invited")
    client.force_login(secretariat)
    url = reverse("meetings:meeting-participants", args=[meeting.pk])
    response = client.get(url)
    assert response.context["expected_count"] == organizations
    data = _register_data(_rows(meeting)) | {"mark_expected_attended": "1"}
    with django_assert_max_num_queries(16):
        response = client.post(url, data)
    assert response.status_code == 302
    statuses = dict(meeting.participations.values_list("pk", "status"))
    assert statuses.pop(excused.pk) == "excused" and statuses.pop(silent.pk) == "invited"
    assert set(statuses.values()) == {"attended"}
    assert Participation.history.filter(history_user=secretariat, status="attended").count() == organizations


def test_a_row_changed_on_the_form_is_kept_when_marking(client, secretariat):
    meeting = MeetingFactory()
    stays_home = ParticipationFactory(meeting=meeting, status="confirmed")
    came = ParticipationFactory(meeting=meeting, status="confirmed")
    client.force_login(secretariat)
    data = _register_data(_rows(meeting), **{str(stays_home.pk): "excused"}) | {"mark_expected_attended": "1"}
    assert client.post(reverse("meetings:meeting-participants", args=[meeting.pk]), data).status_code == 302
    assert dict(meeting.participations.values_list("pk", "status")) == {stays_home.pk: "excused", came.pk: "attended"}


def test_attendance_before_the_start_needs_an_explicit_confirmation(client, secretariat):
    meeting = _upcoming()
    first, second = ParticipationFactory(meeting=meeting), ParticipationFactory(meeting=meeting, status="confirmed")
    client.force_login(secretariat)
    url = reverse("meetings:meeting-participants", args=[meeting.pk])
    assert "confirm_before_start" in client.get(url).content.decode()
    data = _register_data(_rows(meeting), **{str(first.pk): "attended"})
    response = client.post(url, data)
    assert response.status_code == 200
    assert "has not started yet" in response.context["options_form"].errors["confirm_before_start"][0]
    assert "has not started yet" in response.content.decode()
    assert set(meeting.participations.values_list("status", flat=True)) == {"invited", "confirmed"}
    # Marking everyone expected is refused the same way.
    assert client.post(url, _register_data(_rows(meeting)) | {"mark_expected_attended": "1"}).status_code == 200
    assert meeting.participations.get(pk=second.pk).status == "confirmed"
    # Confirming or declining before the start is no attendance: no confirmation needed.
    assert client.post(url, _register_data(_rows(meeting), **{str(first.pk): "excused"})).status_code == 302
    # With the box ticked it is saved.
    data = _register_data(_rows(meeting), **{str(first.pk): "attended"}) | {"confirm_before_start": "on"}
    assert client.post(url, data).status_code == 302
    assert meeting.participations.get(pk=first.pk).status == "attended"


def test_the_rule_lives_in_the_service():
    meeting = _upcoming()
    row = ParticipationFactory(meeting=meeting)
    change = services.RowChange(
        row_id=row.pk, version=row.version, shown={"status": "invited"}, chosen={"status": "attended"}
    )
    with pytest.raises(ValidationError):
        services.record_attendance(meeting=meeting, changes=[change])
    assert Participation.objects.get(pk=row.pk).status == "invited"
    services.record_attendance(meeting=meeting, changes=[change], confirmed_before_start=True)
    assert Participation.objects.get(pk=row.pk).status == "attended"


def test_removing_rows_still_works(client, secretariat):
    meeting = MeetingFactory()
    gone, kept = ParticipationFactory(meeting=meeting), ParticipationFactory(meeting=meeting)
    rows = _rows(meeting)
    data = _register_data(rows) | {f"participants-{rows.index(gone)}-DELETE": "on"}
    client.force_login(secretariat)
    assert client.post(reverse("meetings:meeting-participants", args=[meeting.pk]), data).status_code == 302
    assert list(meeting.participations.values_list("pk", flat=True)) == [kept.pk]


# Walk-ins and the headcount


def test_a_walk_in_by_name_and_as_a_new_contact(client, secretariat):
    meeting = MeetingFactory()
    embassy = OrganizationFactory(name="Embassy of Somewhere")
    client.force_login(secretariat)
    url = reverse("meetings:meeting-walk-in", args=[meeting.pk])
    response = client.post(url, {"name": "  Aziza   Karimova ", "organization": embassy.pk}, follow=True)
    assert any("Aziza Karimova" in str(message) for message in response.context["messages"])
    row = meeting.participations.get()
    assert (row.attendee_name, row.contact, row.walk_in, row.status) == ("Aziza Karimova", None, True, "attended")
    assert "Aziza Karimova" in response.content.decode()
    # The same name twice is a form error, not a second row.
    response = client.post(url, {"name": "aziza karimova", "organization": embassy.pk})
    assert response.status_code == 200 and response.context["walk_in_form"].errors["name"]
    # As a new contact of the organisation.
    client.post(url, {"name": "Bekzod Aliev", "organization": embassy.pk, "create_contact": "on"})
    contact = Contact.objects.get(name="Bekzod Aliev", organization=embassy)
    assert meeting.participations.get(contact=contact).walk_in
    # A contact who was invited by name and then came is marked attended, not added twice.
    invited = ContactFactory(organization=embassy, name="Dilnoza Yusupova")
    ParticipationFactory(meeting=meeting, organization=embassy, contact=invited)
    client.post(url, {"name": "Dilnoza Yusupova", "organization": embassy.pk, "create_contact": "on"})
    assert meeting.participations.get(contact=invited).status == "attended"
    assert meeting.participations.count() == 3
    # The meeting page names the walk-in.
    assert "Aziza Karimova" in client.get(meeting.get_absolute_url()).content.decode()


@pytest.mark.parametrize("data", [{}, {"name": "", "organization": ""}, {"name": "X" * 300, "organization": "abc"}])
def test_a_bad_walk_in_is_a_form_error(client, secretariat, data):
    meeting = MeetingFactory()
    client.force_login(secretariat)
    response = client.post(reverse("meetings:meeting-walk-in", args=[meeting.pk]), data)
    assert response.status_code == 200 and response.context["walk_in_form"].errors
    assert not meeting.participations.exists()


def test_a_walk_in_before_the_start_needs_the_confirmation(client, secretariat):
    meeting = _upcoming()
    organization = OrganizationFactory()
    client.force_login(secretariat)
    url = reverse("meetings:meeting-walk-in", args=[meeting.pk])
    response = client.post(url, {"name": "Early Bird", "organization": organization.pk})
    assert response.status_code == 200 and response.context["walk_in_form"].errors["confirm_before_start"]
    assert not meeting.participations.exists()
    data = {"name": "Early Bird", "organization": organization.pk, "confirm_before_start": "on"}
    assert client.post(url, data).status_code == 302
    assert meeting.participations.get().attendee_name == "Early Bird"


def test_the_headcount_is_saved_with_the_register_and_shown_on_the_meeting_page(client, secretariat):
    meeting = MeetingFactory()
    ParticipationFactory(meeting=meeting)
    client.force_login(secretariat)
    url = reverse("meetings:meeting-participants", args=[meeting.pk])
    assert client.post(url, _register_data(_rows(meeting)) | {"headcount": "42"}).status_code == 302
    meeting.refresh_from_db()
    assert meeting.headcount == 42
    assert meeting.history.first().history_user == secretariat
    assert "Headcount: 42 people in the room." in client.get(meeting.get_absolute_url()).content.decode()
    response = client.post(url, _register_data(_rows(meeting)) | {"headcount": "-3"})
    assert response.status_code == 200 and response.context["options_form"].errors["headcount"]
    assert client.post(url, _register_data(_rows(meeting)) | {"headcount": ""}).status_code == 302
    meeting.refresh_from_db()
    assert meeting.headcount is None
    assert "Headcount" not in client.get(meeting.get_absolute_url()).content.decode()


def test_only_the_secretariat_records_walk_ins(client, participant):
    meeting = MeetingFactory()
    organization = OrganizationFactory()
    url, data = reverse("meetings:meeting-walk-in", args=[meeting.pk]), {"name": "X", "organization": organization.pk}
    client.force_login(participant)
    assert client.post(url, data).status_code == 403
    client.logout()
    response = client.post(url, data)
    assert response.status_code == 302 and "login" in response.url
    assert not meeting.participations.exists()


# A unit's attendance rolls up to its parent organisation


def _cells(response):
    return {row.organization.name: row.cells for _kind, rows in response.context["groups"] for row in rows}


def test_the_parent_attended_when_one_of_its_units_did(client, participant):
    series = MeetingSeriesFactory()
    first, second, third = (MeetingFactory(series=series, number=number) for number in (1, 2, 3))
    ministry = OrganizationFactory(name="Ministry", kind="government")
    unit = OrganizationFactory(name="Ministry unit", kind="government", parent=ministry)
    agency = OrganizationFactory(name="Agency", kind="government")  # not a member, never invited
    agency_unit = OrganizationFactory(name="Agency unit", kind="government", parent=agency)
    series.members.add(ministry)
    ParticipationFactory(meeting=first, organization=unit, status="attended")
    ParticipationFactory(meeting=second, organization=unit, status="excused")  # only attendance rolls up
    ParticipationFactory(meeting=third, organization=ministry, status="absent")
    ParticipationFactory(meeting=third, organization=unit, status="attended")
    ParticipationFactory(meeting=third, organization=agency_unit, status="attended")
    client.force_login(participant)

    response = client.get(reverse("meetings:series-participation", args=[series.pk]))

    assert _cells(response) == {
        "Ministry": ["attended", "", "attended"],
        "Ministry unit": ["attended", "excused", "attended"],
        "Agency": ["", "", "attended"],
        "Agency unit": ["", "", "attended"],
    }
    assert "one of its units" in response.content.decode()
    # And on the organisation page.
    [(_series, meetings)] = client.get(ministry.get_absolute_url()).context["attendance_dots"]
    assert [m.status_of_organization for m in meetings] == ["attended", None, "attended"]
    [(_series, meetings)] = client.get(agency.get_absolute_url()).context["attendance_dots"]
    assert [m.status_of_organization for m in meetings] == [None, None, "attended"]


@pytest.mark.parametrize("rows", [3, 30])
def test_the_roll_up_keeps_the_query_count_constant(client, participant, django_assert_max_num_queries, rows):
    series = MeetingSeriesFactory()
    meetings = [MeetingFactory(series=series, number=number) for number in range(1, 4)]
    parent = OrganizationFactory()
    for _ in range(rows):
        unit = OrganizationFactory(parent=OrganizationFactory())
        series.members.add(unit.parent)
        for meeting in meetings:
            ParticipationFactory(meeting=meeting, organization=unit, status="attended")
            ParticipationFactory(meeting=meeting, organization=OrganizationFactory(parent=parent), status="attended")
    client.force_login(participant)
    with django_assert_max_num_queries(13):  # as without units (tests/meetings/test_analytics.py)
        assert client.get(reverse("meetings:series-participation", args=[series.pk])).status_code == 200
    with django_assert_max_num_queries(15):
        response = client.get(parent.get_absolute_url())
    [(_series, dots)] = response.context["attendance_dots"]
    assert [m.status_of_organization for m in dots] == ["attended"] * 3


def test_the_demo_ministry_reads_attended_at_the_meeting_its_unit_spoke_at(settings):
    settings.DEBUG = True
    call_command("load_demo")
    ministry = Organization.objects.get(acronym="MIA")
    fourth = Meeting.objects.get(participations__organization__acronym="MIA CTIP Unit", number=4)
    meetings = analytics.matrix_meetings(fourth.series, None)
    assert ministry in analytics.matrix_organizations(fourth.series, meetings)
    [row] = analytics.participation_rows([ministry], meetings)
    assert row.cells[meetings.index(fourth)] == "attended"
    dots = dict(analytics.attendance_dots(ministry))[fourth.series]
    assert [m.status_of_organization for m in dots if m.pk == fourth.pk] == ["attended"]


def test_preparing_the_next_meeting_invites_a_walk_ins_organisation_once(secretariat):
    held = MeetingFactory()
    embassy = OrganizationFactory()
    ParticipationFactory(meeting=held, organization=embassy, status="attended")
    for name in ("First Visitor", "Second Visitor"):
        services.record_walk_in(meeting=held, name=name, organization=embassy, user=secretariat)
    walk_in_only = OrganizationFactory()
    services.record_walk_in(meeting=held, name="Third Visitor", organization=walk_in_only, user=secretariat)
    start = held.starts_at + datetime.timedelta(days=90)
    meeting = services.prepare_next_meeting(
        series=held.series,
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=3),
        carry=services.CarryOver(invitations=True),
        user=secretariat,
    )
    rows = list(meeting.participations.values_list("organization_id", "contact_id", "attendee_name", "status"))
    assert sorted(rows) == sorted([(embassy.pk, None, "", "invited"), (walk_in_only.pk, None, "", "invited")])


def test_the_participation_export_names_the_walk_in(client, participant):
    meeting = MeetingFactory()
    services.record_walk_in(meeting=meeting, name="Named Visitor", organization=OrganizationFactory(name="Embassy"))
    client.force_login(participant)
    response = client.get(reverse("meetings:participation-export", args=["csv"]), {"series": meeting.series_id})
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    assert "Embassy" in content and "Named Visitor" in content
