import datetime
import zoneinfo

import factory

from meetings.models import (
    ActionItem,
    ActionUpdate,
    AgendaItem,
    Decision,
    Document,
    Meeting,
    MeetingSeries,
    MeetingStatus,
    MinutesStatus,
    Participation,
    Statement,
    Topic,
)
from tests.stakeholders.factories import ContactFactory, OrganizationFactory

TASHKENT = zoneinfo.ZoneInfo("Asia/Tashkent")


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Topic
        django_get_or_create = ["name"]

    name = factory.Sequence(lambda n: f"Topic {n}")


class MeetingSeriesFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MeetingSeries

    title = factory.Sequence(lambda n: f"Coordination platform {n}")
    convening_organization = factory.SubFactory(OrganizationFactory)
    country = "Uzbekistan"
    started_on = datetime.date(2022, 2, 1)


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    series = factory.SubFactory(MeetingSeriesFactory)
    number = factory.Sequence(lambda n: n + 1)
    title = factory.LazyAttribute(lambda meeting: f"Coordination meeting {meeting.number}")
    # Weekly from January 2023, starting over every 150 meetings so that a long test run never reaches the future.
    starts_at = factory.Sequence(
        lambda n: datetime.datetime(2023, 1, 10, 10, tzinfo=TASHKENT) + datetime.timedelta(days=7 * (n % 150))
    )
    ends_at = factory.LazyAttribute(lambda meeting: meeting.starts_at + datetime.timedelta(hours=3))
    venue = "Tashkent"
    status = MeetingStatus.HELD
    announced_at = datetime.datetime(2022, 12, 1, 10, tzinfo=TASHKENT)

    class Params:
        draft = factory.Trait(status=MeetingStatus.PLANNED, announced_at=None)
        published = factory.Trait(
            minutes_status=MinutesStatus.PUBLISHED,
            minutes_published_at=factory.LazyAttribute(lambda meeting: meeting.ends_at),
        )


class AgendaItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AgendaItem

    meeting = factory.SubFactory(MeetingFactory)
    position = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Agenda item {n}")
    planned_minutes = 15


class ParticipationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Participation

    meeting = factory.SubFactory(MeetingFactory)
    organization = factory.SubFactory(OrganizationFactory)


class StatementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Statement

    meeting = factory.SubFactory(MeetingFactory)
    speaker = factory.SubFactory(ContactFactory)
    organization = factory.SelfAttribute("speaker.organization")
    summary = factory.Faker("sentence")


class DecisionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Decision

    meeting = factory.SubFactory(MeetingFactory)
    text = factory.Faker("sentence")


class ActionItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActionItem

    meeting = factory.SubFactory(MeetingFactory, published=True)  # draft minutes hide their actions
    title = factory.Sequence(lambda n: f"Follow-up {n}")
    responsible_organization = factory.SubFactory(OrganizationFactory)
    due_on = factory.LazyAttribute(lambda action: action.meeting.starts_at.date() + datetime.timedelta(days=30))


class ActionUpdateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActionUpdate

    action = factory.SubFactory(ActionItemFactory)
    status = "in_progress"
    note = "Work has started."


class DocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Document

    meeting = factory.SubFactory(MeetingFactory)
    title = factory.Sequence(lambda n: f"Document {n}")
    file = factory.django.FileField(filename="agenda.pdf", data=b"%PDF-1.4 demo")
