import datetime

import pytest
from django.core.exceptions import ValidationError

from activities.models import Activity, ActivityKind, ActivityReview, ActivityStatus, PlanStatus
from activities.services import (
    ReviewEntry,
    activities_under_review,
    create_activity,
    delete_activity,
    endorse_plan,
    plan_to_endorse,
    record_quarter_review,
    update_activity,
)
from common.quarter import Quarter
from common.versioning import EditConflict
from tests.activities.factories import ActivityFactory, ActivityPlanFactory, ActivityReviewFactory
from tests.meetings.factories import MeetingFactory, MeetingSeriesFactory, TopicFactory
from tests.stakeholders.factories import OrganizationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def reviewing_meeting():
    """A meeting of a series that reviews Q3 2023, with that quarter's plan and the next one's."""
    series = MeetingSeriesFactory()
    meeting = MeetingFactory(series=series, review_year=2023, review_quarter_number=3)
    meeting.q3_plan = ActivityPlanFactory(series=series, year=2023, quarter_number=3)
    meeting.q4_plan = ActivityPlanFactory(series=series, year=2023, quarter_number=4)
    return meeting


def test_activities_under_review_are_those_of_the_reviewed_quarter_and_series(reviewing_meeting):
    reviewed = ActivityFactory(plan=reviewing_meeting.q3_plan)
    ActivityFactory(plan=reviewing_meeting.q4_plan)
    ActivityFactory(plan=ActivityPlanFactory(year=2023, quarter_number=3))  # another series
    assert list(activities_under_review(reviewing_meeting)) == [reviewed]
    assert list(activities_under_review(MeetingFactory())) == []


def test_record_quarter_review_creates_reviews_and_updates_the_activities(reviewing_meeting, secretariat):
    first = ActivityFactory(plan=reviewing_meeting.q3_plan, status="planned")
    second = ActivityFactory(plan=reviewing_meeting.q3_plan, status="planned")

    reviews = record_quarter_review(
        meeting=reviewing_meeting,
        entries=[
            ReviewEntry(activity=first, status="completed", people_reached=120, note="Went well"),
            ReviewEntry(activity=second, status="postponed", note="Moved to Q4"),
        ],
        recorded_by=secretariat,
    )

    assert len(reviews) == 2
    first_review = ActivityReview.objects.get(activity=first, meeting=reviewing_meeting)
    assert (first_review.status, first_review.people_reached, first_review.note) == ("completed", 120, "Went well")
    assert first_review.recorded_by == secretariat
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, first.people_reached) == ("completed", 120)
    assert second.status == "postponed"
    assert first.history.count() == 2  # created, then updated by the review


def test_recording_again_updates_the_same_review(reviewing_meeting):
    activity = ActivityFactory(plan=reviewing_meeting.q3_plan)
    record_quarter_review(meeting=reviewing_meeting, entries=[ReviewEntry(activity=activity, status="ongoing")])
    record_quarter_review(
        meeting=reviewing_meeting,
        entries=[ReviewEntry(activity=activity, status="completed", people_reached=40, note="Done")],
    )
    review = ActivityReview.objects.get(activity=activity)
    assert (review.status, review.people_reached, review.note) == ("completed", 40, "Done")
    assert review.history.count() == 2


def test_an_activity_of_another_quarter_is_refused_and_nothing_is_saved(reviewing_meeting):
    reviewed = ActivityFactory(plan=reviewing_meeting.q3_plan)
    next_quarter = ActivityFactory(plan=reviewing_meeting.q4_plan)
    with pytest.raises(ValidationError, match="not in the Q3 2023 plan"):
        record_quarter_review(
            meeting=reviewing_meeting,
            entries=[
                ReviewEntry(activity=reviewed, status="completed"),
                ReviewEntry(activity=next_quarter, status="completed"),
            ],
        )
    assert not ActivityReview.objects.exists()


def test_an_activity_of_another_series_is_refused(reviewing_meeting):
    elsewhere = ActivityFactory(plan=ActivityPlanFactory(year=2023, quarter_number=3))
    with pytest.raises(ValidationError):
        record_quarter_review(meeting=reviewing_meeting, entries=[ReviewEntry(activity=elsewhere, status="completed")])


def test_a_meeting_that_reviews_no_quarter_cannot_record_a_review():
    activity = ActivityFactory()
    with pytest.raises(ValidationError, match="does not review a quarter"):
        record_quarter_review(meeting=MeetingFactory(), entries=[ReviewEntry(activity=activity, status="completed")])


def test_an_unknown_status_or_negative_count_is_refused(reviewing_meeting):
    activity = ActivityFactory(plan=reviewing_meeting.q3_plan)
    with pytest.raises(ValidationError):
        record_quarter_review(meeting=reviewing_meeting, entries=[ReviewEntry(activity=activity, status="finished")])
    with pytest.raises(ValidationError):
        record_quarter_review(
            meeting=reviewing_meeting,
            entries=[ReviewEntry(activity=activity, status="completed", people_reached=-5)],
        )
    assert not ActivityReview.objects.exists()


def test_endorse_plan_marks_the_next_quarter_plan_endorsed_at_the_meeting(reviewing_meeting):
    assert plan_to_endorse(reviewing_meeting) == reviewing_meeting.q4_plan
    plan = endorse_plan(plan=reviewing_meeting.q4_plan, meeting=reviewing_meeting)
    plan.refresh_from_db()
    assert plan.status == PlanStatus.ENDORSED
    assert plan.endorsed_at == reviewing_meeting
    assert plan.history.first().status == PlanStatus.ENDORSED


def test_endorsing_again_at_the_same_meeting_changes_nothing(reviewing_meeting):
    endorse_plan(plan=reviewing_meeting.q4_plan, meeting=reviewing_meeting)
    endorse_plan(plan=reviewing_meeting.q4_plan, meeting=reviewing_meeting)
    assert reviewing_meeting.q4_plan.history.count() == 2


def test_a_plan_endorsed_at_another_meeting_is_not_endorsed_again(reviewing_meeting):
    endorse_plan(plan=reviewing_meeting.q4_plan, meeting=reviewing_meeting)
    later = MeetingFactory(series=reviewing_meeting.series, review_year=2023, review_quarter_number=3)
    with pytest.raises(ValidationError, match="already endorsed"):
        endorse_plan(plan=reviewing_meeting.q4_plan, meeting=later)


def test_only_the_plan_for_the_next_quarter_can_be_endorsed(reviewing_meeting):
    with pytest.raises(ValidationError, match="endorses the plan for Q4 2023, not Q3 2023"):
        endorse_plan(plan=reviewing_meeting.q3_plan, meeting=reviewing_meeting)
    reviewing_meeting.q3_plan.refresh_from_db()
    assert reviewing_meeting.q3_plan.status == PlanStatus.DRAFT


def test_a_plan_of_another_series_cannot_be_endorsed(reviewing_meeting):
    other_plan = ActivityPlanFactory(year=2023, quarter_number=4)
    with pytest.raises(ValidationError, match="another meeting series"):
        endorse_plan(plan=other_plan, meeting=reviewing_meeting)


def test_year_end_review_endorses_the_first_quarter_of_next_year():
    series = MeetingSeriesFactory()
    meeting = MeetingFactory(
        series=series,
        review_year=2023,
        review_quarter_number=4,
        starts_at=datetime.datetime(2024, 1, 20, 10, tzinfo=datetime.UTC),
        ends_at=datetime.datetime(2024, 1, 20, 13, tzinfo=datetime.UTC),
    )
    plan = ActivityPlanFactory(series=series, year=2024, quarter_number=1)
    assert plan_to_endorse(meeting) == plan
    assert endorse_plan(plan=plan, meeting=meeting).quarter == Quarter(2024, 1)


def test_a_cancelled_meeting_neither_reviews_nor_endorses(reviewing_meeting):
    reviewing_meeting.status = "cancelled"
    activity = ActivityFactory(plan=reviewing_meeting.q3_plan)
    with pytest.raises(ValidationError):
        record_quarter_review(meeting=reviewing_meeting, entries=[ReviewEntry(activity=activity, status="completed")])
    with pytest.raises(ValidationError):
        endorse_plan(plan=reviewing_meeting.q4_plan, meeting=reviewing_meeting)


# Creating, editing and deleting an activity


def test_create_activity_validates_and_saves_it_with_partners_and_topics():
    plan = ActivityPlanFactory(year=2023, quarter_number=3)
    partner, topic = OrganizationFactory(), TopicFactory()
    activity = Activity(
        plan=plan,
        title="Water forum",
        kind=ActivityKind.TRAINING,
        lead_organization=OrganizationFactory(),
        starts_on=datetime.date(2023, 8, 1),
    )
    created = create_activity(activity=activity, partners=[partner], topics=[topic])
    created.refresh_from_db()
    assert (created.title, created.version) == ("Water forum", 1)
    assert list(created.partners.all()) == [partner]
    assert list(created.topics.all()) == [topic]


def test_create_activity_refuses_a_start_outside_the_plans_quarter_and_saves_nothing():
    plan = ActivityPlanFactory(year=2023, quarter_number=3)
    activity = Activity(
        plan=plan, title="Too early", kind=ActivityKind.TRAINING, lead_organization=OrganizationFactory()
    )
    activity.starts_on = datetime.date(2023, 1, 5)
    with pytest.raises(ValidationError) as refusal:
        create_activity(activity=activity)
    assert "starts_on" in refusal.value.message_dict
    assert not Activity.objects.exists()


def test_update_activity_moves_the_version_on_and_sets_partners_only_when_given():
    activity = ActivityFactory()
    partner = OrganizationFactory()
    activity.title = "Renamed"
    update_activity(activity=activity, expected_version=1, partners=[partner])
    activity.status = ActivityStatus.ONGOING
    update_activity(activity=activity, expected_version=2)
    activity.refresh_from_db()
    assert (activity.title, activity.status, activity.version) == ("Renamed", ActivityStatus.ONGOING, 3)
    assert list(activity.partners.all()) == [partner]


def test_update_activity_based_on_an_old_version_is_refused_and_saves_nothing():
    activity = ActivityFactory(title="Before")
    stale = Activity.objects.get(pk=activity.pk)
    activity.title = "First"
    update_activity(activity=activity, expected_version=1)
    stale.title = "Second"
    with pytest.raises(EditConflict):
        update_activity(activity=stale, expected_version=1)
    activity.refresh_from_db()
    assert (activity.title, activity.version) == ("First", 2)


def test_delete_activity_deletes_one_no_meeting_reviewed():
    activity = ActivityFactory()
    delete_activity(activity=activity)
    assert not Activity.objects.exists()


def test_delete_activity_refuses_a_reviewed_one_and_says_why():
    review = ActivityReviewFactory()
    with pytest.raises(ValidationError) as refusal:
        delete_activity(activity=review.activity)
    assert "was reviewed at 1 meeting, so it is kept with that record" in refusal.value.messages[0]
    assert Activity.objects.filter(pk=review.activity.pk).exists()
