"""Circulated draft minutes reach the attending organisations' people on the circulated draft's page only, and
nobody else anywhere: every GET URL of the site is fetched with its meeting swapped for the circulated one (whose
minutes hold a marker word in each kind of record, and in a comment on it), as each kind of user without the right
to see drafts."""

import pytest
from django.test import Client
from django.urls import reverse

from meetings.models import MinutesComment
from tests.meetings.factories import AgendaItemFactory, DecisionFactory, StatementFactory
from tests.security.test_draft_minutes_crawler import COMPANION, EXPORTS, _text
from tests.security.world import path_kwargs, shared_world, site_urls

MARKERS = {
    "summary": "gnucirculatedsummary",
    "discussion": "gnucirculateddiscussion",
    "statement": "gnucirculatedstatement",
    "decision": "gnucirculateddecision",
    "comment": "gnucirculatedcomment",
}
NOT_ATTENDING = ("other_participant", "inactive_contact", "roleless", "roleless_with_contact")


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    with shared_world(django_db_blocker) as world:
        with django_db_blocker.unblock():
            circulated = world.objects["circulated_meeting"]
            circulated.minutes_summary = f"Summary {MARKERS['summary']} {COMPANION}"
            circulated.save()
            item = AgendaItemFactory(meeting=circulated, discussion_summary=f"Said {MARKERS['discussion']} {COMPANION}")
            StatementFactory(meeting=circulated, speaker=world.contact, summary=f"Quote {MARKERS['statement']}")
            DecisionFactory(meeting=circulated, text=f"Agreed {MARKERS['decision']}", agenda_item=item)
            MinutesComment.objects.create(  # the comments beside the draft are as private as the draft
                meeting=circulated,
                agenda_item=item,
                author=world.participant,
                organization=world.contact.organization,
                text=f"Note {MARKERS['comment']}",
            )
        yield world


def _paths(world):
    for url in site_urls():
        try:
            yield reverse(url.name, kwargs=path_kwargs(world, url, {"meeting": "circulated_meeting"}))
        except LookupError:
            continue
    yield from EXPORTS
    yield reverse("search") + f"?q={COMPANION}"


def _pages_with_markers(world, user) -> dict[str, set[str]]:
    client = Client()
    client.force_login(user)
    found = {}
    for path in dict.fromkeys(_paths(world)):
        text = _text(client.get(path))
        kinds = {kind for kind, marker in MARKERS.items() if marker in text}
        if kinds:
            found[path] = kinds
    return found


@pytest.mark.parametrize("role", NOT_ATTENDING)
def test_circulated_minutes_reach_no_one_outside_the_attending_organisations(world, db, role):
    assert _pages_with_markers(world, getattr(world, role)) == {}


@pytest.mark.parametrize("role", ["participant", "focal_point"])
def test_attending_people_read_the_circulated_draft_on_its_own_page_only(world, db, role):
    circulated_page = reverse("meetings:meeting-minutes-circulated", args=[world.objects["circulated_meeting"].pk])
    assert _pages_with_markers(world, getattr(world, role)) == {circulated_page: set(MARKERS)}
