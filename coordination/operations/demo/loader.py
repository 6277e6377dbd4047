"""load_demo: the organisations, contacts, topics and series, then the meetings and plans, and the demo users."""

import datetime
import os

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction

from activities.models import Place
from coordination import search_vocabulary
from coordination.operations.demo.facts import (
    CONTACTS,
    DEMO_USERS,
    FORMER_TOPIC_NAMES,
    ORGANIZATIONS,
    SERIES_DESCRIPTION,
    SERIES_TITLE,
    TOPICS,
    DemoUsersRefused,
)
from coordination.operations.demo.meetings import _load_fourth_meeting, _load_plans, _load_third_meeting
from coordination.operations.demo.places import PLACES
from coordination.operations.demo.rows import _sync, _versions
from meetings.models import MeetingSeries, Topic
from stakeholders.models import Contact, Organization


@transaction.atomic
def load_demo(*, with_users: bool = True) -> None:
    if with_users and not settings.DEBUG:
        raise DemoUsersRefused("Demo users with a known password are only created when DEBUG is on.")
    organizations = _load_organizations()
    contacts = _load_contacts(organizations)
    topics = _load_topics()
    series = _load_series(organizations)
    third = _load_third_meeting(series, organizations)
    fourth = _load_fourth_meeting(series, organizations, contacts, topics)
    _load_plans(series, organizations, third, fourth)
    _load_places()
    if with_users:
        _load_users(organizations)
    search_vocabulary.refresh()  # "Did you mean" knows the demo's words at once, not at the worker's next hour


def _load_topics() -> dict[str, Topic]:
    topics = {}
    for key, (name, is_trend) in TOPICS.items():
        former = FORMER_TOPIC_NAMES.get(key)
        if former and not Topic.objects.filter(name=name).exists():
            Topic.objects.filter(name=former).update(name=name)
        topics[key], _ = _sync(Topic, name=name, defaults={"is_emerging_trend": is_trend, **_versions("name", name)})
    return topics


def _load_organizations() -> dict[str, Organization]:
    organizations = {}
    for key, (name, acronym, kind, country, parent_key) in ORGANIZATIONS.items():
        organizations[key], _ = _sync(
            Organization,
            name=name,
            defaults={
                "acronym": acronym,
                "kind": kind,
                "country": country,
                **_versions("country", country),
                "parent": organizations[parent_key] if parent_key else None,
                **_versions("name", name),
                **_versions("acronym", acronym),
            },
        )
    return organizations


def _load_contacts(organizations) -> dict[str, Contact]:
    return {
        key: _sync(
            Contact,
            organization=organizations[org_key],
            name=name,
            defaults={"position": position, **_versions("name", name), **_versions("position", position)},
        )[0]
        for key, (org_key, name, position) in CONTACTS.items()
    }


def _load_series(organizations) -> MeetingSeries:
    series, _ = _sync(
        MeetingSeries,
        title=SERIES_TITLE,
        defaults={
            "description": SERIES_DESCRIPTION,
            "convening_organization": organizations["unodc"],
            "funding_organization": organizations["inl"],
            "programme": "UNODC Global Programme against Trafficking in Persons",
            "country": "Uzbekistan",
            **_versions("country", "Uzbekistan"),
            "started_on": datetime.date(2022, 2, 1),
            **_versions("title", SERIES_TITLE),
            **_versions("description", SERIES_DESCRIPTION),
        },
    )
    series.members.set([org for key, org in organizations.items() if key != "estonia"])
    return series


def _load_places() -> None:
    """The cities the demo names, in every language (an activity's places are shown through them)."""
    for name in PLACES:
        _sync(Place, name=name, defaults=_versions("name", name))


def _load_users(organizations) -> None:
    password = os.environ.get("DEMO_PASSWORD", "demo")
    user_model = get_user_model()
    for username, (group_name, first, last, email) in DEMO_USERS.items():
        user, created = user_model.objects.get_or_create(
            username=username,
            defaults={
                "first_name": first,
                "last_name": last,
                "email": email,
                "is_staff": username == "admin",
                "is_superuser": username == "admin",
            },
        )
        if created:
            user.set_password(password)
            user.save()
        if group_name:
            user.groups.add(Group.objects.get(name=group_name))
    secretariat = user_model.objects.get(username="secretariat")
    participant = user_model.objects.get(username="participant")
    _sync(
        Contact,
        user=secretariat,
        defaults={
            "organization": organizations["unodc"],
            "name": "Secretariat Officer",
            "position": "Secretariat (demo account)",
            **_versions("name", "Secretariat Officer"),
            **_versions("position", "Secretariat (demo account)"),
            "email": secretariat.email,
        },
    )
    _sync(
        Contact,
        user=participant,
        defaults={
            "organization": organizations["mia_unit"],
            "name": "Partner Focal Point",
            "position": "Focal point (demo account)",
            **_versions("name", "Partner Focal Point"),
            **_versions("position", "Focal point (demo account)"),
            "email": participant.email,
        },
    )
