import datetime

import pytest
from django.core.exceptions import ValidationError

from activities.models import ActivityReview, PlanStatus
from activities.services import (
    ReviewEntry,
    activities_under_review,
    endorse_plan,
    plan_to_endorse,
    record_quarter_review,
)
from common.quarter import Quarter
from tests.activities.factories import ActivityFactory, ActivityPlanFactory
from tests.meetings.factories import MeetingFactory, MeetingSeriesFactory

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
