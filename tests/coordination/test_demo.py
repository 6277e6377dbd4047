import datetime

import pytest
from django.apps import apps
from django.contrib.auth import authenticate
from django.core.management import call_command

from activities.models import Activity
from coordination.demo import DemoUsersRefused, load_demo
from meetings.models import Meeting, MeetingSeries, Statement, Topic
from stakeholders.models import Organization

pytestmark = pytest.mark.django_db


def _row_counts():
    return {
        model._meta.label: model.objects.count() for model in apps.get_models() if model._meta.app_label != "sessions"
    }


@pytest.fixture
def demo(settings):
    settings.DEBUG = True
    call_command("load_demo")


def test_loading_twice_changes_nothing(demo, settings):
    first = _row_counts()
    call_command("load_demo")
    assert _row_counts() == first
    assert first["meetings.Meeting"] == 2


def test_the_series_as_the_articles_describe_it(demo):
    series = MeetingSeries.objects.get()
    assert series.convening_organization.acronym == "UNODC"
    assert series.funding_organization.acronym == "INL"
    assert series.started_on == datetime.date(2022, 2, 1)
    assert "Global Programme against Trafficking in Persons" in series.programme


def test_both_meetings_with_their_dates_and_quarters(demo):
    third, fourth = Meeting.objects.order_by("number")
    assert (third.number, third.local_start.date()) == (3, datetime.date(2023, 6, 20))
    assert str(third.reviewed_quarter) == "2023-Q2"
    assert (fourth.number, fourth.local_start.date()) == (4, datetime.date(2023, 10, 24))
    assert fourth.participations.count() == 12  # the eleven organisations named, and UNODC


def test_organisation_hierarchy(demo):
    assert Organization.objects.get(acronym="Sub-Commission").parent.acronym == "National Commission"
    assert Organization.objects.get(acronym="MIA CTIP Unit").parent.acronym == "MIA"
    assert Organization.objects.get(acronym="INL").parent.name == "U.S. Department of State"


def test_speakers_and_topics(demo):
    speakers = set(Statement.objects.values_list("speaker__name", flat=True))
    assert speakers == {"Azamatbek Salikhov", "Nate Rettenmayer", "Akobir Boboev"}
    assert Topic.objects.filter(is_emerging_trend=True).count() == 4


def test_activities_from_the_articles(demo):
    world_day = Activity.objects.get(kind="campaign")
    assert world_day.starts_on == datetime.date(2023, 7, 30)
    assert "leave no one behind" in world_day.description
    tot = Activity.objects.get(kind="tot")
    assert (tot.starts_on, tot.ends_on) == (datetime.date(2023, 11, 6), datetime.date(2023, 11, 8))
    airports = Activity.objects.get(title__icontains="airport")
    assert airports.places == ["Bukhara", "Fergana", "Namangan"]
    assert Activity.objects.filter(kind="study_visit", partners__country="Estonia").exists()


def test_demo_users_log_in_with_the_demo_password(demo):
    for username in ("admin", "secretariat", "participant"):
        assert authenticate(username=username, password="demo") is not None


def test_demo_users_are_refused_when_debug_is_off(settings):
    settings.DEBUG = False
    with pytest.raises(DemoUsersRefused):
        load_demo(with_users=True)
    load_demo(with_users=False)
    assert Meeting.objects.count() == 2
