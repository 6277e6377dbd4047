import datetime

import factory

from activities.models import Activity, ActivityKind, ActivityPlan, ActivityReview
from tests.meetings.factories import MeetingFactory, MeetingSeriesFactory
from tests.stakeholders.factories import OrganizationFactory


class ActivityPlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActivityPlan

    series = factory.SubFactory(MeetingSeriesFactory)
    year = 2023
    quarter_number = factory.Sequence(lambda n: n % 4 + 1)


class ActivityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Activity

    plan = factory.SubFactory(ActivityPlanFactory)
    title = factory.Sequence(lambda n: f"Activity {n}")
    kind = ActivityKind.TRAINING
    lead_organization = factory.SubFactory(OrganizationFactory)
    starts_on = factory.LazyAttribute(lambda activity: activity.plan.quarter.first_day + datetime.timedelta(days=10))
    places = factory.LazyFunction(lambda: ["Tashkent"])


class ActivityReviewFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActivityReview

    activity = factory.SubFactory(ActivityFactory)
    meeting = factory.SubFactory(MeetingFactory)
    status = "completed"
