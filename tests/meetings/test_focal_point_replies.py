"""A focal point answers an invitation for their organisation and names who attends for it; "everyone came" in one
click; a unit's attendance rolls up through every level above it."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from common.roles import FOCAL_POINT
from meetings import services
from meetings.models import MeetingStatus, OrganizationReply, Participation
from stakeholders.models import Contact
from tests.meetings.factories import MeetingFactory, MeetingSeriesFactory, ParticipationFactory
from tests.stakeholders.factories import ContactFactory, OrganizationFactory, participant_user

pytestmark = pytest.mark.django_db


def _make_focal_point(user):
    user.groups.set([Group.objects.get(name=FOCAL_POINT)])
    return user


@pytest.fixture
def focal_point(organization):
    return _make_focal_point(participant_user(organization=organization, username="focal"))


@pytest.fixture
def upcoming(organization):
    """An announced meeting in nine days, to which `organization` is invited (without a named person)."""
    start = timezone.now() + datetime.timedelta(days=9)
    meeting = MeetingFactory(status=MeetingStatus.PLANNED, starts_at=start, ends_at=start + datetime.timedelta(hours=3))
    ParticipationFactory(meeting=meeting, organization=organization)
    return meeting


@pytest.fixture
def colleagues(organization):
    return [
        ContactFactory(organization=organization, name="Aziz Karimov"),
        ContactFactory(organization=organization, name="Dilnoza Yusupova"),
        ContactFactory(organization=organization, name="Gone Away", is_active=False),
    ]


def _statuses(meeting, organization):
    return {
        (row.contact.name if row.contact_id else None): (row.status, row.named_by_id)
        for row in meeting.participations.filter(organization=organization).select_related("contact")
    }


def test_a_focal_point_accepts_and_names_who_attends(upcoming, organization, focal_point, colleagues):
    aziz, dilnoza, _gone = colleagues
    reply = services.answer_for_organization(
        meeting=upcoming, organization=organization, answer="accepted", attendees=[aziz, dilnoza], user=focal_point
    )
    assert (reply.answer, reply.answered_by) == ("accepted", focal_point)
    assert _statuses(upcoming, organization) == {
        None: ("confirmed", None),  # the organisation's invitation, confirmed
        "Aziz Karimov": ("confirmed", focal_point.pk),
        "Dilnoza Yusupova": ("confirmed", focal_point.pk),
    }
    # Changing the answer: Dilnoza no longer comes, so the row the focal point added goes; the reply is one row.
    services.answer_for_organization(
        meeting=upcoming, organization=organization, answer="accepted", attendees=[aziz], user=focal_point
    )
    assert set(_statuses(upcoming, organization)) == {None, "Aziz Karimov"}
    assert OrganizationReply.objects.get().answer == "accepted"
    # Declining excuses the organisation; the people the focal point named are taken off the list.
    services.answer_for_organization(meeting=upcoming, organization=organization, answer="declined", user=focal_point)
    assert _statuses(upcoming, organization) == {None: ("excused", None)}
    assert OrganizationReply.objects.get().answer == "declined"


def test_someone_the_secretariat_named_is_kept_and_excused_when_left_out(upcoming, organization, focal_point):
    chair = ContactFactory(organization=organization, name="Chair Person")
    other = ContactFactory(organization=organization, name="Other Person")
    services.add_named_participant(meeting=upcoming, contact=chair, role="chair")
    services.answer_for_organization(
        meeting=upcoming, organization=organization, answer="accepted", attendees=[other], user=focal_point
    )
    row = upcoming.participations.get(contact=chair)
    assert (row.status, row.role, row.named_by) == ("excused", "chair", None)
    services.answer_for_organization(
        meeting=upcoming, organization=organization, answer="accepted", attendees=[chair], user=focal_point
    )
    row.refresh_from_db()
    assert (row.status, row.role, row.named_by) == ("confirmed", "chair", None)  # the secretariat's row, kept


def test_only_a_focal_point_of_the_organisation_answers_for_it(
    upcoming, organization, participant, secretariat, colleagues
):
    elsewhere = _make_focal_point(participant_user(username="elsewhere"))
    ParticipationFactory(meeting=upcoming, organization=Contact.objects.get(user=elsewhere).organization)
    for user in (participant, secretariat, elsewhere):
        with pytest.raises(PermissionDenied):
            services.answer_for_organization(
                meeting=upcoming, organization=organization, answer="accepted", attendees=colleagues[:1], user=user
            )
    # A focal point who left the organisation (inactive contact) no longer answers for it.
    former = _make_focal_point(participant_user(organization=organization, username="former"))
    Contact.objects.filter(user=former).update(is_active=False)
    with pytest.raises(PermissionDenied):
        services.answer_for_organization(
            meeting=upcoming, organization=organization, answer="accepted", attendees=colleagues[:1], user=former
        )
    assert not OrganizationReply.objects.exists()
    assert upcoming.participations.count() == 2


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"announced_at": None}, "takes no replies"),
        ({"status": MeetingStatus.CANCELLED}, "takes no replies"),
        ({"status": MeetingStatus.HELD}, "has been held"),
        ({"starts_at": "past"}, "is over"),
    ],
)
def test_replies_are_taken_only_while_the_meeting_is_announced_and_ahead(
    upcoming, organization, focal_point, colleagues, change, reason
):
    if change.get("starts_at") == "past":
        upcoming.starts_at = timezone.now() - datetime.timedelta(days=2)
        upcoming.ends_at = upcoming.starts_at + datetime.timedelta(hours=3)
    else:
        for field, value in change.items():
            setattr(upcoming, field, value)
    upcoming.save()
    with pytest.raises(ValidationError, match=reason):
        services.answer_for_organization(
            meeting=upcoming, organization=organization, answer="accepted", attendees=colleagues[:1], user=focal_point
        )


def test_bad_answers_are_refused(upcoming, organization, focal_point, colleagues):
    stranger = ContactFactory(name="Stranger")
    cases = [
        ("maybe", colleagues[:1], "answer"),
        ("accepted", [], "attendees"),  # accepting names at least one person
        ("accepted", [stranger], "attendees"),  # another organisation's contact
        ("accepted", [colleagues[2]], "attendees"),  # an inactive contact
    ]
    for answer, attendees, field in cases:
        with pytest.raises(ValidationError) as error:
            services.answer_for_organization(
                meeting=upcoming, organization=organization, answer=answer, attendees=attendees, user=focal_point
            )
        assert field in error.value.error_dict
    uninvited = MeetingFactory(status=MeetingStatus.PLANNED, starts_at=upcoming.starts_at, ends_at=upcoming.ends_at)
    with pytest.raises(ValidationError, match="not invited"):
        services.answer_for_organization(
            meeting=uninvited, organization=organization, answer="accepted", attendees=colleagues[:1], user=focal_point
        )
    assert upcoming.participations.count() == 1 and not OrganizationReply.objects.exists()


def test_the_focal_point_answers_on_the_meeting_page(client, upcoming, organization, focal_point, colleagues):
    aziz, dilnoza, _gone = colleagues
    client.force_login(focal_point)
    page = client.get(upcoming.get_absolute_url()).content.decode()
    assert f"Answer for {organization.short_name}" in page
    assert "Aziz Karimov" in page and "Gone Away" not in page  # active contacts only
    url = reverse("meetings:meeting-organization-reply", args=[upcoming.pk])
    response = client.post(url, {"answer": "accepted", "attendees": [aziz.pk, dilnoza.pk]}, follow=True)
    page = response.content.decode()
    assert "Your organisation&#x27;s answer is recorded: Will attend." in page
    assert "Attending: Aziz Karimov, Dilnoza Yusupova." in page
    assert page.count("named by Participant focal") == 2  # in the meeting's list of participants
    # Bad input: the page with the error, the choices kept, nothing saved.
    response = client.post(url, {"answer": "accepted", "attendees": [ContactFactory().pk, aziz.pk]})
    assert response.status_code == 200 and response.context["form"].errors["attendees"]
    response = client.post(url, {"answer": "accepted"})
    assert response.status_code == 200
    assert "Tick at least one person who will attend." in response.content.decode()
    assert response.context["form"]["answer"].value() == "accepted"
    assert upcoming.participations.filter(named_by=focal_point).count() == 2


def test_participants_and_the_secretariat_get_no_panel_and_are_refused(
    client, upcoming, organization, participant, secretariat
):
    url = reverse("meetings:meeting-organization-reply", args=[upcoming.pk])
    for user in (participant, secretariat):
        client.force_login(user)
        assert "organization-reply" not in client.get(upcoming.get_absolute_url()).content.decode()
        assert client.get(url).status_code == 403
        assert client.post(url, {"answer": "declined"}).status_code == 403
    assert not OrganizationReply.objects.exists()


def test_a_focal_point_of_an_uninvited_organisation_sees_no_panel(client, focal_point):
    start = timezone.now() + datetime.timedelta(days=3)
    meeting = MeetingFactory(status=MeetingStatus.PLANNED, starts_at=start, ends_at=start + datetime.timedelta(hours=2))
    client.force_login(focal_point)
    assert "organization-reply" not in client.get(meeting.get_absolute_url()).content.decode()
    page = client.get(reverse("meetings:meeting-organization-reply", args=[meeting.pk])).content.decode()
    assert "Your organisation is not invited to this meeting." in page


def test_the_registers_show_who_named_them_and_the_organisations_answer(
    client, upcoming, organization, focal_point, secretariat, colleagues
):
    services.answer_for_organization(
        meeting=upcoming, organization=organization, answer="accepted", attendees=colleagues[:2], user=focal_point
    )
    client.force_login(secretariat)
    page = client.get(reverse("meetings:meeting-invitations", args=[upcoming.pk])).content.decode()
    assert page.count("Named as attending by Participant focal") == 2
    assert "For the organisation: Will attend (Participant focal)" in page
    assert "Organisations that answered through their focal point: 1 will attend, 0 will not." in page
    page = client.get(reverse("meetings:meeting-participants", args=[upcoming.pk])).content.decode()
    assert page.count("named by Participant focal") == 2


def test_the_invitations_page_counts_everyone_named_as_attending(
    client, upcoming, organization, focal_point, secretariat, colleagues
):
    """The focal point answered for themselves and named two colleagues: three people will attend."""
    services.record_rsvp(meeting=upcoming, contact=focal_point.contact, answer="accepted")
    services.answer_for_organization(
        meeting=upcoming, organization=organization, answer="accepted", attendees=colleagues[:2], user=focal_point
    )
    client.force_login(secretariat)
    page = client.get(reverse("meetings:meeting-invitations", args=[upcoming.pk])).content.decode()
    assert "Replies: 3 will attend, 0 will not, 0 invited without an answer yet." in page
    # A named colleague's own answer is theirs to give: declining takes them out of the count.
    services.record_rsvp(meeting=upcoming, contact=colleagues[0], answer="declined")
    page = client.get(reverse("meetings:meeting-invitations", args=[upcoming.pk])).content.decode()
    assert "Replies: 2 will attend, 1 will not, 0 invited without an answer yet." in page


@pytest.mark.parametrize("contacts", [2, 12])
def test_the_meeting_page_of_a_focal_point_keeps_its_query_count(
    client, upcoming, organization, focal_point, django_assert_max_num_queries, contacts
):
    named = ContactFactory.create_batch(contacts, organization=organization)
    services.answer_for_organization(
        meeting=upcoming, organization=organization, answer="accepted", attendees=named, user=focal_point
    )
    client.force_login(focal_point)
    with django_assert_max_num_queries(22):
        response = client.get(upcoming.get_absolute_url())
    assert response.content.decode().count("named by Participant focal") == contacts


# Everyone came


def _register_data(rows):
    data = {
        "participants-TOTAL_FORMS": len(rows),
        "participants-INITIAL_FORMS": len(rows),
        "participants-MIN_NUM_FORMS": 0,
        "participants-MAX_NUM_FORMS": 1000,
    }
    for index, row in enumerate(rows):
        data |= {
            f"participants-{index}-id": row.pk,
            f"participants-{index}-version": row.version,
            f"participants-{index}-role": row.role,
            f"participants-{index}-status": row.status,
            f"initial-participants-{index}-role": row.role,
            f"initial-participants-{index}-status": row.status,
        }
    return data


@pytest.mark.parametrize("organizations", [3, 15])
def test_everyone_came_marks_everyone_invited_even_without_replies(
    client, secretariat, django_assert_max_num_queries, organizations
):
    meeting = MeetingFactory()  # held last year: nobody replied
    for _ in range(organizations):
        ParticipationFactory(meeting=meeting)
    excused = ParticipationFactory(meeting=meeting, status="excused")
    client.force_login(secretariat)
    url = reverse("meetings:meeting-participants", args=[meeting.pk])
    page = client.get(url).content.decode()
    assert f"Everyone came: mark all {organizations} invited as attended and save" in page
    rows = list(meeting.participations.order_by("organization__name", "contact__name", "id"))
    with django_assert_max_num_queries(16):
        assert client.post(url, _register_data(rows) | {"mark_all_attended": "1"}).status_code == 302
    statuses = dict(meeting.participations.values_list("pk", "status"))
    assert statuses.pop(excused.pk) == "excused"
    assert set(statuses.values()) == {"attended"} and len(statuses) == organizations


def test_everyone_came_before_the_start_needs_the_confirmation(client, secretariat, upcoming):
    client.force_login(secretariat)
    url = reverse("meetings:meeting-participants", args=[upcoming.pk])
    rows = list(upcoming.participations.all())
    response = client.post(url, _register_data(rows) | {"mark_all_attended": "1"})
    assert response.status_code == 200 and "has not started yet" in response.content.decode()
    assert upcoming.participations.get().status == "invited"
    data = _register_data(rows) | {"mark_all_attended": "1", "confirm_before_start": "on"}
    assert client.post(url, data).status_code == 302
    assert upcoming.participations.get().status == "attended"


# Roll-up through every level


def test_a_sub_units_attendance_counts_for_the_unit_and_the_ministry(client, participant):
    series = MeetingSeriesFactory()
    first, second = MeetingFactory(series=series, number=1), MeetingFactory(series=series, number=2)
    ministry = OrganizationFactory(name="Ministry", kind="government")
    unit = OrganizationFactory(name="Unit", kind="government", parent=ministry)
    sub_unit = OrganizationFactory(name="Sub-unit", kind="government", parent=unit)
    ParticipationFactory(meeting=first, organization=sub_unit, status="attended")
    ParticipationFactory(meeting=second, organization=sub_unit, status="excused")  # only attendance rolls up
    client.force_login(participant)
    response = client.get(reverse("meetings:series-participation", args=[series.pk]))
    cells = {row.organization.name: row.cells for _kind, rows in response.context["groups"] for row in rows}
    assert cells == {"Ministry": ["attended", ""], "Unit": ["attended", ""], "Sub-unit": ["attended", "excused"]}
    for organization in (ministry, unit):
        response = client.get(organization.get_absolute_url())
        [(_series, dots)] = response.context["attendance_dots"]
        assert [m.status_of_organization for m in dots] == ["attended", None], organization
        assert list(response.context["meetings_attended"]) == [first], organization


@pytest.mark.parametrize("depth", [2, 6])
def test_the_deep_roll_up_keeps_the_query_count(client, participant, django_assert_max_num_queries, depth):
    series = MeetingSeriesFactory()
    meeting = MeetingFactory(series=series, number=1)
    top = OrganizationFactory()
    series.members.add(top)
    parent = top
    for _ in range(depth):
        parent = OrganizationFactory(parent=parent)
    ParticipationFactory(meeting=meeting, organization=parent, status="attended")
    client.force_login(participant)
    with django_assert_max_num_queries(13):
        response = client.get(reverse("meetings:series-participation", args=[series.pk]))
    rows = {row.organization.pk: row.cells for _kind, rows in response.context["groups"] for row in rows}
    assert rows[top.pk] == ["attended"] and len(rows) == depth + 1
    with django_assert_max_num_queries(15):
        response = client.get(top.get_absolute_url())
    assert list(response.context["meetings_attended"]) == [meeting]


def test_a_loop_in_the_organisation_tree_does_not_hang_the_roll_up(client, participant):
    series = MeetingSeriesFactory()
    meeting = MeetingFactory(series=series)
    first = OrganizationFactory()
    second = OrganizationFactory(parent=first)
    type(first).objects.filter(pk=first.pk).update(parent=second)  # the form refuses this; the data may not
    ParticipationFactory(meeting=meeting, organization=second, status="attended")
    client.force_login(participant)
    assert client.get(reverse("meetings:series-participation", args=[series.pk])).status_code == 200
    assert client.get(first.get_absolute_url()).status_code == 200
    assert Participation.objects.count() == 1


# Signed reply links: refused when altered, expired, made for another meeting or another purpose


def test_a_link_signed_more_than_180_days_ago_is_refused_and_records_nothing(client, upcoming, monkeypatch):
    from django.core import signing

    from meetings import rsvp
    from meetings.models import Rsvp

    contact = ContactFactory()
    long_ago = timezone.now() - datetime.timedelta(days=181)
    monkeypatch.setattr(signing.time, "time", lambda: long_ago.timestamp())
    token = rsvp.rsvp_token(meeting=upcoming, contact=contact)
    monkeypatch.undo()
    url = reverse("meetings:meeting-rsvp-link", args=[upcoming.pk, token])
    for response in (client.get(url), client.post(url, {"answer": "accepted"})):
        assert response.status_code == 400 and "This link has expired" in response.content.decode()
    assert not Rsvp.objects.exists()
    # The same link signed yesterday works.
    assert (
        client.get(
            reverse(
                "meetings:meeting-rsvp-link", args=[upcoming.pk, rsvp.rsvp_token(meeting=upcoming, contact=contact)]
            )
        ).status_code
        == 200
    )


def test_a_link_made_for_another_purpose_or_a_person_who_left_is_refused(client, upcoming):
    from meetings import rsvp
    from meetings.models import Rsvp
    from stakeholders.reminders import unsubscribe_token

    contact = ContactFactory()
    for token in (
        unsubscribe_token(contact),  # signed by the portal, but for stopping reminders
        rsvp.rsvp_token(meeting=upcoming, contact=ContactFactory(is_active=False)),
    ):
        url = reverse("meetings:meeting-rsvp-link", args=[upcoming.pk, token])
        for response in (client.get(url), client.post(url, {"answer": "accepted"})):
            assert response.status_code == 400 and "not valid" in response.content.decode()
    other = MeetingFactory(status=MeetingStatus.PLANNED, starts_at=upcoming.starts_at, ends_at=upcoming.ends_at)
    response = client.post(
        reverse("meetings:meeting-rsvp-link", args=[other.pk, rsvp.rsvp_token(meeting=upcoming, contact=contact)]),
        {"answer": "accepted"},
    )
    assert response.status_code == 400 and "another meeting" in response.content.decode()
    assert not Rsvp.objects.exists()
