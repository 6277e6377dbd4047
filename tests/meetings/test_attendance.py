"""Attendance in one pass: per-row choices, marking everyone expected as attended, the rule for meetings that have
not started, walk-ins and the headcount, and a unit's attendance rolling up to its parent organisation."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from meetings import services
from meetings.models import Participation, Rsvp
from tests.meetings.factories import MeetingFactory, ParticipationFactory
from tests.stakeholders.factories import ContactFactory

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
                f"participants-{index}-role": row.role,
                f"participants-{index}-status": statuses.get(str(row.pk), row.status),
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
    content = client.get(reverse("meeting-participants", args=[meeting.pk])).content.decode()
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
    url = reverse("meeting-participants", args=[meeting.pk])
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
    assert client.post(reverse("meeting-participants", args=[meeting.pk]), data).status_code == 302
    assert dict(meeting.participations.values_list("pk", "status")) == {stays_home.pk: "excused", came.pk: "attended"}


def test_attendance_before_the_start_needs_an_explicit_confirmation(client, secretariat):
    meeting = _upcoming()
    first, second = ParticipationFactory(meeting=meeting), ParticipationFactory(meeting=meeting, status="confirmed")
    client.force_login(secretariat)
    url = reverse("meeting-participants", args=[meeting.pk])
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
    row.status = "attended"
    with pytest.raises(ValidationError):
        services.record_attendance(meeting=meeting, changed=[row])
    assert Participation.objects.get(pk=row.pk).status == "invited"
    services.record_attendance(meeting=meeting, changed=[row], confirmed_before_start=True)
    assert Participation.objects.get(pk=row.pk).status == "attended"


def test_removing_rows_still_works(client, secretariat):
    meeting = MeetingFactory()
    gone, kept = ParticipationFactory(meeting=meeting), ParticipationFactory(meeting=meeting)
    rows = _rows(meeting)
    data = _register_data(rows) | {f"participants-{rows.index(gone)}-DELETE": "on"}
    client.force_login(secretariat)
    assert client.post(reverse("meeting-participants", args=[meeting.pk]), data).status_code == 302
    assert list(meeting.participations.values_list("pk", flat=True)) == [kept.pk]
