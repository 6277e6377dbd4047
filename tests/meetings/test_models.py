import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.db.models import ProtectedError

from meetings.models import ActionItem, ActionStatus, Meeting, Participation, ordinal
from tests.meetings.factories import (
    ActionItemFactory,
    AgendaItemFactory,
    MeetingFactory,
    MeetingSeriesFactory,
    ParticipationFactory,
)
from tests.stakeholders.factories import ContactFactory, OrganizationFactory

pytestmark = pytest.mark.django_db


def test_meeting_number_is_unique_within_a_series():
    meeting = MeetingFactory(number=3)
    with pytest.raises(IntegrityError), transaction.atomic():
        MeetingFactory(series=meeting.series, number=3)
    MeetingFactory(number=3)  # another series may have its own 3rd meeting


def test_meeting_must_end_after_it_starts_in_the_database():
    meeting = MeetingFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Meeting.objects.filter(pk=meeting.pk).update(ends_at=meeting.starts_at)


def test_meeting_clean_explains_end_before_start():
    meeting = MeetingFactory.build(series=MeetingSeriesFactory())
    meeting.ends_at = meeting.starts_at - datetime.timedelta(hours=1)
    with pytest.raises(ValidationError) as error:
        meeting.full_clean()
    assert "ends_at" in error.value.message_dict


def test_reviewed_quarter_must_be_one_to_four():
    meeting = MeetingFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Meeting.objects.filter(pk=meeting.pk).update(review_year=2023, review_quarter_number=5)


def test_participation_is_unique_per_meeting_organisation_and_contact():
    participation = ParticipationFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Participation.objects.create(meeting=participation.meeting, organization=participation.organization)
    contact = ContactFactory(organization=participation.organization)
    Participation.objects.create(
        meeting=participation.meeting, organization=participation.organization, contact=contact
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        Participation.objects.create(
            meeting=participation.meeting, organization=participation.organization, contact=contact
        )


def test_agenda_positions_are_unique_but_can_be_swapped_in_one_transaction():
    first = AgendaItemFactory(position=1)
    second = AgendaItemFactory(meeting=first.meeting, position=2)
    with transaction.atomic():
        first.position, second.position = 2, 1
        first.save()
        second.save()
    with pytest.raises(IntegrityError), transaction.atomic():
        AgendaItemFactory(meeting=first.meeting, position=1)
        with connection.cursor() as cursor:  # the constraint is deferred to the commit; check it now
            cursor.execute("SET CONSTRAINTS unique_agenda_position IMMEDIATE")


def test_referenced_organisation_cannot_be_deleted():
    action = ActionItemFactory()
    with pytest.raises(ProtectedError):
        action.responsible_organization.delete()


def test_meeting_with_actions_cannot_be_deleted():
    action = ActionItemFactory()
    with pytest.raises(ProtectedError):
        action.meeting.delete()


def test_overdue_actions_are_open_and_past_due():
    today = datetime.date(2024, 1, 10)
    late = ActionItemFactory(due_on=datetime.date(2024, 1, 1))
    ActionItemFactory(due_on=datetime.date(2024, 1, 1), status=ActionStatus.DONE)
    ActionItemFactory(due_on=datetime.date(2024, 2, 1))
    assert list(ActionItem.objects.overdue(today)) == [late]


def test_action_due_date_cannot_precede_its_meeting():
    action = ActionItemFactory()
    action.due_on = action.meeting.starts_at.date() - datetime.timedelta(days=1)
    with pytest.raises(ValidationError) as error:
        action.full_clean()
    assert "due_on" in error.value.message_dict


def test_action_owner_must_work_for_the_responsible_organisation():
    action = ActionItemFactory()
    action.owner = ContactFactory(organization=OrganizationFactory())
    with pytest.raises(ValidationError) as error:
        action.full_clean()
    assert "owner" in error.value.message_dict


def test_meeting_times_are_shown_in_the_meeting_time_zone():
    meeting = MeetingFactory(
        starts_at=datetime.datetime(2023, 6, 20, 5, tzinfo=datetime.UTC),
        ends_at=datetime.datetime(2023, 6, 20, 8, tzinfo=datetime.UTC),
        time_zone="Asia/Tashkent",
    )
    assert meeting.local_start.hour == 10


@pytest.mark.parametrize(
    ("number", "text"), [(1, "1st"), (2, "2nd"), (3, "3rd"), (4, "4th"), (11, "11th"), (22, "22nd")]
)
def test_ordinal(number, text):
    assert ordinal(number) == text


def test_str_reads_well():
    meeting = MeetingFactory(number=4, title="Fourth meeting")
    assert str(meeting) == "4th meeting: Fourth meeting"
    organization = OrganizationFactory(name="International Organization for Migration", acronym="IOM")
    assert str(organization) == "International Organization for Migration (IOM)"
