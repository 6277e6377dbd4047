"""Very long texts: a form refuses what is over the limit with an error naming it, and what it accepts is always
saved and found, however many distinct words it holds (a tsvector holds at most 1 MB: common.fulltext)."""

import random

import pytest
from django.urls import reverse

from common.typed_text import LONG_TEXT_MAX_CHARACTERS
from meetings.models import AgendaItem
from tests.meetings.factories import AgendaItemFactory, MeetingFactory

pytestmark = pytest.mark.django_db
HX = {"HTTP_HX_REQUEST": "true"}
LIMIT_NAMED = f"at most {LONG_TEXT_MAX_CHARACTERS} characters"


def varied_words(characters: int, *, alphabet="abcdefghijklmnopqrstuvwxyz", seed=1, joiner=" ") -> str:
    """About ``characters`` of distinct made-up words: nothing for the search index to fold together."""
    rng = random.Random(seed)
    words, length = [], 0
    while length < characters:
        word = "".join(rng.choice(alphabet) for _ in range(rng.randint(4, 10)))
        words.append(word)
        length += len(word) + 1
    return joiner.join(words)[:characters]


def dense_words(characters: int, seed: int) -> str:
    """Hyphenated Cyrillic compounds: each indexed whole and by its parts, several bytes of index per character."""
    rng = random.Random(seed)
    cyrillic = "абвгдежзийклмнопрстуфхцчшщэюя"
    parts, length = [], 0
    while length < characters:
        parts.append("-".join("".join(rng.choice(cyrillic) for _ in range(rng.randint(4, 7))) for _ in range(3)))
        length += len(parts[-1]) + 1
    return " ".join(parts)[:characters]


def _item_text(item, **texts):
    prefix = f"item-{item.pk}"
    data = {
        f"{prefix}-discussion_summary": "",
        f"{prefix}-outcome": "information",
        f"{prefix}-discussion_summary_ru": "",
        f"{prefix}-discussion_summary_uz": "",
        f"{prefix}-version": item.version,
    }
    return {**data, **{f"{prefix}-{name}": text for name, text in texts.items()}}


@pytest.fixture
def item():
    return AgendaItemFactory(meeting=MeetingFactory(), title="Trends", discussion_summary="First draft")


def test_a_megabyte_of_minutes_through_autosave_is_refused_with_the_limit(client, secretariat, item):
    client.force_login(secretariat)
    url = reverse("meetings:meeting-item-minutes", args=[item.meeting_id, item.pk])
    response = client.post(url, _item_text(item, discussion_summary=varied_words(1_000_000)), **HX)
    assert response.status_code == 200
    content = response.content.decode()
    assert 'data-state="error"' in content and LIMIT_NAMED in content
    item.refresh_from_db()
    assert item.discussion_summary == "First draft"


def test_a_megabyte_summary_of_the_meeting_is_refused_with_the_limit(client, secretariat, item):
    meeting = item.meeting
    client.force_login(secretariat)
    data = {"minutes_summary": varied_words(1_000_000), "version": meeting.version}
    response = client.post(reverse("meetings:meeting-minutes-edit", args=[meeting.pk]), data, **HX)
    assert response.status_code == 200 and LIMIT_NAMED in response.content.decode()
    meeting.refresh_from_db()
    assert meeting.minutes_summary == ""


def test_minutes_under_the_limit_are_saved_and_found_however_many_words_they_hold(client, secretariat, item):
    """Three language versions just under the limit, together more words than a tsvector holds."""
    texts = {
        "discussion_summary": "Quokkaword opens the summary. " + dense_words(LONG_TEXT_MAX_CHARACTERS - 40, seed=1),
        "discussion_summary_ru": dense_words(LONG_TEXT_MAX_CHARACTERS, seed=2),
        "discussion_summary_uz": dense_words(LONG_TEXT_MAX_CHARACTERS, seed=3),
    }
    client.force_login(secretariat)
    url = reverse("meetings:meeting-item-minutes", args=[item.meeting_id, item.pk])
    response = client.post(url, _item_text(item, **texts), **HX)
    assert response.status_code == 200 and 'data-state="saved"' in response.content.decode()
    item.refresh_from_db()
    assert (item.discussion_summary, item.discussion_summary_ru) == (
        texts["discussion_summary"],
        texts["discussion_summary_ru"],
    )
    found = client.get(reverse("search"), {"q": "quokkaword"})
    assert [hit.title for group in found.context["groups"] for hit in group.hits] == ["Minutes: Trends"]


def test_the_agenda_item_form_refuses_a_megabyte_description_with_the_limit(client, secretariat):
    meeting = MeetingFactory()
    client.force_login(secretariat)
    url = reverse("meetings:meeting-agenda", args=[meeting.pk])
    data = {"title": "Situation overview", "planned_minutes": 20, "version": meeting.version}
    response = client.post(url, {**data, "description": varied_words(1_000_000)})
    assert response.status_code == 200
    assert LIMIT_NAMED in response.context["form"].errors["description"][0]
    assert not AgendaItem.objects.filter(meeting=meeting).exists()
    # Just under the limit, with more words than a tsvector holds: saved, and found.
    description = "Wombatword first. " + dense_words(LONG_TEXT_MAX_CHARACTERS - 20, seed=4)
    response = client.post(url, {**data, "description": description})
    assert response.status_code == 302
    assert AgendaItem.objects.get(meeting=meeting).description == description
    found = client.get(reverse("search"), {"q": "wombatword"})
    assert found.context["groups"] and meeting.get_absolute_url() in found.content.decode()
