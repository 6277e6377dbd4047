import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from activities.models import Activity, ActivityPlan
from tests.activities.factories import ActivityFactory, ActivityPlanFactory

pytestmark = pytest.mark.django_db


def test_one_plan_per_series_and_quarter():
    plan = ActivityPlanFactory(year=2023, quarter_number=3)
    with pytest.raises(IntegrityError), transaction.atomic():
        ActivityPlan.objects.create(series=plan.series, year=2023, quarter_number=3)


def test_plan_quarter_is_one_to_four_in_the_database():
    plan = ActivityPlanFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        ActivityPlan.objects.filter(pk=plan.pk).update(quarter_number=0)


def test_endorsed_plan_must_name_the_meeting():
    plan = ActivityPlanFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        ActivityPlan.objects.filter(pk=plan.pk).update(status="endorsed")


def test_activity_cannot_end_before_it_starts_in_the_database():
    activity = ActivityFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Activity.objects.filter(pk=activity.pk).update(ends_on=activity.starts_on - datetime.timedelta(days=1))


def test_activity_outside_its_plan_quarter_is_refused():
    activity = ActivityFactory(plan=ActivityPlanFactory(year=2023, quarter_number=4))
    activity.starts_on = datetime.date(2023, 7, 30)
    with pytest.raises(ValidationError) as error:
        activity.full_clean()
    assert "starts_on" in error.value.message_dict


def test_plan_exposes_its_quarter():
    plan = ActivityPlanFactory(year=2023, quarter_number=4)
    assert str(plan.quarter) == "2023-Q4"
    assert str(plan) == "Activity plan Q4 2023"
