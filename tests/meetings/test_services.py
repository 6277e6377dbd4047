import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from common.quarter import Quarter
from common.versioning import EditConflict
from meetings import services
from meetings.models import (
    ActionItem,
    ActionStatus,
    AgendaItem,
    Meeting,
    MeetingStatus,
    MinutesStatus,
    ParticipationStatus,
)
from tests.meetings.factories import (
    ActionItemFactory,
    AgendaItemFactory,
    MeetingFactory,
    MeetingSeriesFactory,
    ParticipationFactory,
)
from tests.stakeholders.factories import ContactFactory, OrganizationFactory

pytestmark = pytest.mark.django_db


def _series_with_meeting():
    series = MeetingSeriesFactory()
    members = OrganizationFactory.create_batch(3)
    series.members.set(members)
    previous = MeetingFactory(series=series, number=4, review_year=2023, review_quarter_number=3)
    AgendaItemFactory(meeting=previous, position=1, title="Opening", is_standing=True, planned_minutes=10)
    AgendaItemFactory(meeting=previous, position=2, title="Emerging trends", is_standing=False)
    AgendaItemFactory(meeting=previous, position=3, title="Any other business", is_standing=True)
    return series, previous, members


def test_prepare_next_meeting_copies_standing_items_invites_members_and_reviews_open_actions(secretariat):
    series, previous, members = _series_with_meeting()
    still_open = ActionItemFactory(meeting=previous, status=ActionStatus.OPEN)
    second = MeetingFactory(series=series, number=2, starts_at=previous.starts_at - datetime.timedelta(days=90))
    in_progress = ActionItemFactory(meeting=second, status=ActionStatus.IN_PROGRESS)
    ActionItemFactory(meeting=previous, status=ActionStatus.DONE)
    ActionItemFactory(status=ActionStatus.OPEN)  # another series

    meeting = services.prepare_next_meeting(series=series, user=secretariat)

    assert meeting.number == 5
    assert meeting.reviewed_quarter == Quarter(2023, 4)
    assert meeting.starts_at > previous.starts_at and meeting.ends_at - meeting.starts_at == datetime.timedelta(hours=3)
    items = list(meeting.agenda_items.order_by("position"))
    assert [(item.position, item.title) for item in items] == [
        (1, "Opening"),
        (2, "Any other business"),
        (3, services.REVIEW_OF_ACTIONS_TITLE),
    ]
    assert items[0].planned_minutes == 10 and items[0].is_standing
    assert set(items[2].actions_to_review.all()) == {still_open, in_progress}
    participations = meeting.participations.all()
    assert {p.organization for p in participations} == set(members)
    assert {p.status for p in participations} == {ParticipationStatus.INVITED}
    assert meeting.history.first().history_user == secretariat
    assert set(previous.agenda_items.values_list("position", flat=True)) == {1, 2, 3}  # the original is untouched


def test_prepare_next_meeting_of_an_empty_series():
    series = MeetingSeriesFactory()
    meeting = services.prepare_next_meeting(series=series)
    assert meeting.number == 1
    assert list(meeting.agenda_items.values_list("title", flat=True)) == [services.REVIEW_OF_ACTIONS_TITLE]


def test_prepare_twice_is_refused_unless_confirmed_then_gives_consecutive_numbers():
    series, _, _ = _series_with_meeting()
    assert services.prepare_next_meeting(series=series).number == 5
    with pytest.raises(ValidationError) as refused:
        services.prepare_next_meeting(series=series)
    assert "another_planned_confirmed" in refused.value.error_dict
    assert series.meetings.count() == 2
    services.prepare_next_meeting(series=series, another_planned_confirmed=True)
    assert sorted(series.meetings.values_list("number", flat=True)) == [4, 5, 6]


def test_save_meeting_refuses_a_stale_version():
    meeting = MeetingFactory(title="Original")
    first = Meeting.objects.get(pk=meeting.pk)
    second = Meeting.objects.get(pk=meeting.pk)
    first.title = "First"
    services.save_meeting(meeting=first, expected_version=1)
    second.title = "Second"
    with pytest.raises(EditConflict) as conflict:
        services.save_meeting(meeting=second, expected_version=1)
    assert conflict.value.current_version == 2
    meeting.refresh_from_db()
    assert (meeting.title, meeting.version) == ("First", 2)


def test_agenda_add_move_and_remove_keep_positions_dense_and_bump_the_version():
    meeting = MeetingFactory()
    for title in ("A", "B", "C"):
        services.add_agenda_item(meeting=meeting, item=AgendaItem(title=title), expected_version=meeting.version)
    assert meeting.version == 4

    def titles():
        return list(meeting.agenda_items.order_by("position").values_list("position", "title"))

    assert titles() == [(1, "A"), (2, "B"), (3, "C")]
    c = meeting.agenda_items.get(title="C")
    assert services.move_agenda_item(item=c, offset=-1, expected_version=4)
    assert titles() == [(1, "A"), (2, "C"), (3, "B")]
    a = meeting.agenda_items.get(title="A")
    assert not services.move_agenda_item(item=a, offset=-1, expected_version=5)
    services.remove_agenda_item(item=a, expected_version=6)
    assert titles() == [(1, "C"), (2, "B")]
    with pytest.raises(EditConflict):
        services.move_agenda_item(item=c, offset=1, expected_version=6)
    assert titles() == [(1, "C"), (2, "B")]


def test_invite_and_name_participants():
    meeting = MeetingFactory()
    organizations = OrganizationFactory.create_batch(2)
    assert services.invite_organizations(meeting=meeting, organizations=organizations) == 2
    assert services.invite_organizations(meeting=meeting, organizations=organizations) == 0
    contact = ContactFactory(organization=organizations[0])
    participation = services.add_named_participant(meeting=meeting, contact=contact, role="speaker")
    # The organisation's invitation stays (its other contacts are still invited) beside the person's.
    assert meeting.participations.count() == 3
    assert meeting.participations.filter(organization=organizations[0], contact=None).exists()
    assert participation.contact == contact and participation.role == "speaker"
    second = ContactFactory(organization=organizations[1])
    services.add_named_participant(meeting=meeting, contact=second, role="participant", only_this_person=True)
    # Asked to invite only this person: the organisation's invitation became theirs, no new row.
    assert meeting.participations.count() == 3
    assert not meeting.participations.filter(organization=organizations[1], contact=None).exists()
    with pytest.raises(ValidationError):
        services.add_named_participant(meeting=meeting, contact=second, role="participant")


def test_attendance_rolls_up_per_organisation():
    meeting = MeetingFactory()
    organization = OrganizationFactory(name="Alpha")
    ParticipationFactory(
        meeting=meeting, organization=organization, contact=ContactFactory(organization=organization), status="attended"
    )
    ParticipationFactory(
        meeting=meeting, organization=organization, contact=ContactFactory(organization=organization), status="excused"
    )
    ParticipationFactory(meeting=meeting, organization=OrganizationFactory(name="Beta"), status="absent")
    rows = services.attendance_by_organization(meeting.participations.select_related("organization"))
    assert [(row["organization"].name, row["attended"]) for row in rows] == [("Alpha", True), ("Beta", False)]
    assert rows[0]["counts"]["attended"] == 1 and rows[0]["counts"]["excused"] == 1


def test_save_minutes_checks_version_and_publication():
    meeting = MeetingFactory()
    item = AgendaItemFactory(meeting=meeting)
    services.save_minutes(
        meeting=meeting, minutes_summary="Summary", item_minutes={item.pk: ("Talked", "decision")}, expected_version=1
    )
    item.refresh_from_db()
    assert (item.discussion_summary, item.outcome) == ("Talked", "decision")
    with pytest.raises(EditConflict):
        services.save_minutes(meeting=meeting, minutes_summary="Stale", item_minutes={}, expected_version=1)
    assert Meeting.objects.get(pk=meeting.pk).minutes_summary == "Summary"


def test_publish_and_reopen_minutes(secretariat, participant):
    meeting = MeetingFactory()
    with pytest.raises(PermissionDenied):
        services.publish_minutes(meeting=meeting, user=participant)
    published = services.publish_minutes(meeting=meeting, user=secretariat).meeting
    assert published.minutes_status == MinutesStatus.PUBLISHED
    assert published.minutes_published_by == secretariat and published.minutes_published_at is not None
    with pytest.raises(ValidationError):
        services.publish_minutes(meeting=meeting, user=secretariat)
    with pytest.raises(ValidationError):
        services.save_minutes(
            meeting=published, minutes_summary="x", item_minutes={}, expected_version=published.version
        )
    with pytest.raises(ValidationError, match="Say why"):
        services.reopen_minutes(meeting=meeting, user=secretariat, reason="   ")
    reopened = services.reopen_minutes(meeting=meeting, user=secretariat, reason="Correct the decision under item 3")
    assert reopened.minutes_status == MinutesStatus.DRAFT and reopened.minutes_published_by is None
    states = list(meeting.history.order_by("history_id").values_list("minutes_status", "history_change_reason"))
    assert states[-2:] == [("published", None), ("draft", "Correct the decision under item 3")]


@pytest.mark.parametrize(
    ("status", "days_from_now"),
    [(MeetingStatus.CANCELLED, -1), (MeetingStatus.HELD, 30), (MeetingStatus.PLANNED, 60)],
)
def test_minutes_of_a_meeting_not_yet_held_cannot_be_published(secretariat, status, days_from_now):
    start = timezone.now() + datetime.timedelta(days=days_from_now)
    meeting = MeetingFactory(status=status, starts_at=start, ends_at=start + datetime.timedelta(hours=3))
    with pytest.raises(ValidationError, match="after the meeting"):
        services.publish_minutes(meeting=meeting, user=secretariat)
    meeting.refresh_from_db()
    assert meeting.minutes_status == MinutesStatus.DRAFT


def test_action_due_date_before_the_meeting_is_refused():
    meeting = MeetingFactory()
    action = ActionItemFactory.build(meeting=meeting, responsible_organization=OrganizationFactory())
    action.due_on = meeting.local_start.date() - datetime.timedelta(days=1)
    with pytest.raises(ValidationError) as error:
        services.save_action(action=action, expected_version=None)
    assert "due_on" in error.value.error_dict


def test_record_action_update_by_the_responsible_organisation(participant, other_participant, organization):
    action = ActionItemFactory(responsible_organization=organization)
    update = services.record_action_update(
        action=action, user=participant, status=ActionStatus.IN_PROGRESS, note="Started", expected_version=1
    )
    action.refresh_from_db()
    assert action.status == ActionStatus.IN_PROGRESS and action.version == 2
    assert update.author == participant and update.noted_on == timezone.localdate()
    with pytest.raises(PermissionDenied):
        services.record_action_update(action=action, user=other_participant, status="done", expected_version=2)
    with pytest.raises(EditConflict):
        services.record_action_update(action=action, user=participant, status="done", expected_version=1)
    with pytest.raises(ValidationError):
        services.record_action_update(
            action=action,
            user=participant,
            status="done",
            noted_on=timezone.localdate() + datetime.timedelta(days=1),
            expected_version=2,
        )
    action.refresh_from_db()
    assert action.status == ActionStatus.IN_PROGRESS


def test_prepare_the_fifth_meeting_from_the_demo_data():
    from coordination.operations.demo import load_demo
    from meetings.models import MeetingSeries

    load_demo(with_users=False)
    series = MeetingSeries.objects.get()
    fourth = series.meetings.get(number=4)
    meeting = services.prepare_next_meeting(series=series)
    assert meeting.number == 5
    assert meeting.reviewed_quarter is not None  # the articles give the 4th meeting no quarter to follow on from
    assert meeting.local_start.time() == fourth.local_start.time() and meeting.time_zone == fourth.time_zone
    # The articles name no standing items: the prepared agenda holds the approval of the 4th meeting's published
    # (not yet approved) minutes, then the review of the open actions.
    titles = list(meeting.agenda_items.order_by("position").values_list("title", flat=True))
    assert titles == ["Approval of the minutes of the 4th meeting", services.REVIEW_OF_ACTIONS_TITLE]
    review = meeting.agenda_items.get(title=services.REVIEW_OF_ACTIONS_TITLE)
    open_actions = set(ActionItem.objects.filter(meeting__series=series).still_open())
    assert open_actions and set(review.actions_to_review.all()) == open_actions
    assert meeting.participations.count() == series.members.count() > 0
