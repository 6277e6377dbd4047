"""Nothing recorded in draft minutes reaches anyone but the secretariat, over every GET URL and download.

One record of each kind that minutes hold is written at a meeting whose minutes are a draft, each with a unique
marker word; every URL pattern of the site (the read API under /api/v1/ included, with the session) is then fetched as
each kind of user without the right to see drafts,
with its objects swapped for the draft ones where they exist, plus the exports and a search for each marker.
"""

import io
import zipfile

import pytest
from django.test import Client
from django.urls import reverse

from common.access import Visibility
from tests.activities.factories import ActivityReviewFactory
from tests.meetings.factories import (
    ActionItemFactory,
    ActionUpdateFactory,
    AgendaItemFactory,
    DecisionFactory,
    DocumentFactory,
    StatementFactory,
)
from tests.security.world import path_kwargs, shared_world, site_urls

MARKERS = {
    "statement": "zebrastatementmarker",
    "decision": "zebradecisionmarker",
    "action": "zebraactionmarker",
    "action_update": "zebraupdatemarker",
    "review": "zebrareviewmarker",
    "document": "zebradocumentmarker",
    "discussion": "zebradiscussionmarker",
    "summary": "zebrasummarymarker",
}
# Each record also holds this word; search looks for it, since a search page repeats the words it was asked for.
COMPANION = "okapicompanion"
WITHOUT_DRAFTS = ("participant", "other_participant", "inactive_contact", "roleless", "roleless_with_contact")
EXPORTS = [
    reverse(name, args=[file_format])
    for name in ("meetings:action-export", "activities:activity-export", "meetings:participation-export")
    for file_format in ("csv", "xlsx")
]


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    with shared_world(django_db_blocker) as world:
        with django_db_blocker.unblock():
            draft = world.draft_meeting
            draft.minutes_summary = f"General summary {MARKERS['summary']} {COMPANION}"
            draft.save()
            item = AgendaItemFactory(meeting=draft, discussion_summary=f"Discussed {MARKERS['discussion']} {COMPANION}")
            StatementFactory(meeting=draft, speaker=world.contact, summary=f"Said {MARKERS['statement']} {COMPANION}")
            DecisionFactory(meeting=draft, text=f"Agreed {MARKERS['decision']} {COMPANION}", agenda_item=item)
            world.objects["draft_action"] = ActionItemFactory(
                meeting=draft, responsible_organization=world.organization, title=f"Do {MARKERS['action']} {COMPANION}"
            )
            ActionUpdateFactory(
                action=world.action, meeting=draft, note=f"Reviewed {MARKERS['action_update']} {COMPANION}"
            )
            ActivityReviewFactory(
                activity=world.other_activity, meeting=draft, note=f"Noted {MARKERS['review']} {COMPANION}"
            )
            world.objects["draft_minutes_document"] = DocumentFactory(
                meeting=draft, kind="minutes", title=f"Minutes {MARKERS['document']} {COMPANION}"
            )
            # In the world's public series, published: what is kept from the public (tests below).
            published = world.meeting
            kept_item = AgendaItemFactory(
                meeting=published,
                title=f"Item {KEPT_FROM_PUBLIC['item']}",
                discussion_summary=f"Discussed {KEPT_FROM_PUBLIC['item']}",
                visibility=Visibility.PARTICIPANTS,
            )
            AgendaItemFactory(
                meeting=published, title=f"Item {KEPT_FROM_PUBLIC['secret_item']}", visibility=Visibility.SECRETARIAT
            )
            StatementFactory(meeting=published, speaker=world.contact, summary=f"Said {KEPT_FROM_PUBLIC['statement']}")
            DecisionFactory(meeting=published, agenda_item=kept_item, text=f"Agreed {KEPT_FROM_PUBLIC['decision']}")
            DocumentFactory(meeting=published, title=f"Paper {KEPT_FROM_PUBLIC['document']}")
            world.contact.email = KEPT_FROM_PUBLIC["email"]
            world.contact.save()
            AgendaItemFactory(meeting=world.unannounced_meeting, title=f"Item {KEPT_FROM_PUBLIC['unannounced']}")
        yield world


# Recorded in the published minutes of the world's public series, but not for the public: kept to participants (or
# the secretariat), an e-mail address, a meeting not announced.
KEPT_FROM_PUBLIC = {
    "item": "zebrakeptitemmarker",
    "secret_item": "zebrasecretitemmarker",
    "statement": "zebrakeptstatementmarker",
    "decision": "zebrakeptdecisionmarker",
    "document": "zebrakeptdocumentmarker",
    "email": "zebra-address-marker@example.org",
    "unannounced": "zebraunannouncedmarker",
}
SUBSTITUTES = {"meeting": "draft_meeting", "action": "draft_action", "document": "draft_minutes_document"}


def _text(response) -> str:
    body = b"".join(response.streaming_content) if response.streaming else response.content
    if body.startswith(b"PK"):  # xlsx: the cells are in compressed XML
        with zipfile.ZipFile(io.BytesIO(body)) as archive:
            body = b"".join(archive.read(name) for name in archive.namelist())
    return body.decode("utf-8", errors="replace")


def _get_paths(world):
    for url in site_urls():
        for substitutes in ({}, SUBSTITUTES, {"activity": "other_activity"}):
            try:
                yield reverse(url.name, kwargs=path_kwargs(world, url, substitutes))
            except LookupError:
                continue
    yield from EXPORTS
    yield reverse("search") + f"?q={COMPANION}"
    for kind in ("minutes", "statement", "action"):
        yield reverse("search") + f"?q={COMPANION}&kind={kind}"


def _leaks(world, user, markers=MARKERS) -> list[str]:
    client = Client()
    if user is not None:
        client.force_login(user)
    found = []
    for path in dict.fromkeys(_get_paths(world)):
        text = _text(client.get(path))
        found += [f"{kind} on {path}" for kind, marker in markers.items() if marker in text]
    return found


@pytest.mark.parametrize("role", WITHOUT_DRAFTS)
def test_no_draft_minutes_content_reaches_users_who_may_not_see_drafts(world, db, role):
    assert _leaks(world, getattr(world, role)) == []


def test_the_crawler_sees_every_marker_as_the_secretariat(world, db):
    """The crawl can fail: the secretariat, who may see drafts, finds every marker somewhere."""
    found = {leak.split(" on ")[0] for leak in _leaks(world, world.secretariat)}
    assert found == set(MARKERS)


def test_nothing_kept_from_the_public_reaches_an_anonymous_visitor(world, db):
    """The public pages and the API's anonymous reads: no draft minutes, and of the public series' published minutes
    nothing kept to the participants or the secretariat, no e-mail address, no meeting not announced."""
    assert _leaks(world, None, {**MARKERS, **KEPT_FROM_PUBLIC}) == []


def test_the_public_crawl_can_fail(world, db):
    """The crawl reaches the public pages: an anonymous visitor reads the world's public item, and a participant
    (who is not the public) finds what is kept to participants, but not what is kept to the secretariat."""
    client = Client()
    assert world.agenda_item.title in _text(client.get(reverse("public-meeting", args=[world.meeting.pk])))
    found = {leak.split(" on ")[0] for leak in _leaks(world, world.participant, KEPT_FROM_PUBLIC)}
    assert {"item", "statement", "decision", "document", "email"} <= found
    assert "secret_item" not in found
