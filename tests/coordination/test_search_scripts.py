"""Search across scripts and spellings: Cyrillic and Latin forms, Uzbek apostrophes, "Did you mean"."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from coordination import search_vocabulary
from tests.activities.factories import ActivityFactory
from tests.meetings.factories import MeetingFactory, StatementFactory
from tests.stakeholders.factories import ContactFactory, OrganizationFactory

pytestmark = pytest.mark.django_db


def search(client, **params):
    response = client.get(reverse("search"), params)
    assert response.status_code == 200
    return response


def kinds(response):
    return {group.kind: [hit.title for hit in group.hits] for group in response.context["groups"]}


@pytest.mark.parametrize("text", ["Бобоев", "Boboev", "Boboyev", "бобоев"])
def test_a_speaker_is_found_by_the_name_in_either_script_and_spelling(client, participant, text):
    boboev = ContactFactory(name="Akobir Boboev")
    StatementFactory(meeting=MeetingFactory(published=True), speaker=boboev, summary="Hotline calls doubled.")
    StatementFactory(meeting=MeetingFactory(published=True), summary="Shelter beds were counted.")
    client.force_login(participant)
    assert kinds(search(client, q=text))["statement"] == [f"Akobir Boboev ({boboev.organization.short_name})"]


def test_a_speaker_named_in_cyrillic_is_found_by_the_latin_form(client, participant):
    speaker = ContactFactory(name="Акобир Бобоев")
    StatementFactory(meeting=MeetingFactory(published=True), speaker=speaker, summary="Hotline calls doubled.")
    client.force_login(participant)
    assert kinds(search(client, q="Boboev"))["statement"][0].startswith("Акобир Бобоев")


def test_organisations_are_found_by_their_name_in_the_other_script(client, participant):
    OrganizationFactory(name="Истиқболли Авлод", acronym="ИА")
    OrganizationFactory(name="Mehr Nuri", acronym="MN")
    OrganizationFactory(name="Ministry of Justice", acronym="MoJ")
    client.force_login(participant)
    assert kinds(search(client, q="Istiqbolli Avlod"))["organization"] == ["Истиқболли Авлод (ИА)"]
    assert kinds(search(client, q="Мехр Нури"))["organization"] == ["Mehr Nuri (MN)"]


@pytest.mark.parametrize("text", ["o'zbekiston", "oʻzbekiston", "o‘zbekiston", "O’zbekiston", "Oʻzbekistonda"])
def test_uzbek_apostrophe_variants_are_one_letter(client, participant, text):
    ActivityFactory(title="Seminar", description_uz="O'zbekistonda seminar o'tkazildi.")
    ActivityFactory(title="Training", description_uz="Oʻzbekistonda trening boʻldi.")
    ActivityFactory(title="Campaign", description_uz="O‘zbekistonda kampaniya.")
    ActivityFactory(title="Hotline", description_uz="Ishonch telefoni.")
    client.force_login(participant)
    response = search(client, q=text)
    assert sorted(kinds(response)["activity"]) == ["Campaign", "Seminar", "Training"]
    assert "<mark>Oʻzbekistonda</mark>" in response.content.decode()  # highlighted in the one form


def test_gʻ_is_one_letter_too(client, participant):
    ActivityFactory(title="Victory day", description_uz="G'alaba kuni.")
    client.force_login(participant)
    for text in ("gʻalaba", "g'alaba", "g‘alaba"):
        assert kinds(search(client, q=text))["activity"] == ["Victory day"], text


def test_a_misspelt_word_offers_the_closest_word_of_the_content(client, participant):
    ActivityFactory(title="Trafficking prevention training", description="For airport staff.")
    OrganizationFactory(name="Anti-Trafficking Network")  # found by its name's spelling, not by the words
    search_vocabulary.refresh()
    client.force_login(participant)

    response = search(client, q="traficking", year="2023")
    assert response.context["suggestion"] == "trafficking"
    content = response.content.decode()
    assert 'Did you mean:\n        <a href="?q=trafficking&amp;year=2023">trafficking</a>' in content

    followed = search(client, q="trafficking")
    assert kinds(followed)["activity"] == ["Trafficking prevention training"]
    assert followed.context["suggestion"] == ""
    assert "Did you mean" not in followed.content.decode()
    # A word that begins a word of the content is a word searched as it is.
    assert search(client, q="traffic").context["suggestion"] == ""
    assert search(client, q="Airprot").context["suggestion"] == "Airport"


def test_suggestions_never_reveal_the_words_of_drafts(client, participant):
    StatementFactory(meeting=MeetingFactory(), summary="Quokkas were reported.")  # a draft meeting's statement
    ActivityFactory(title="Seminar on hotlines")
    search_vocabulary.refresh()
    client.force_login(participant)
    assert search(client, q="quokas").context["suggestion"] == ""
    assert search(client, q="hotlnes").context["suggestion"] == "hotlines"


@pytest.mark.parametrize("rows", [3, 30])
def test_a_search_that_finds_nothing_adds_one_query(client, participant, django_assert_max_num_queries, rows):
    for number in range(rows):
        ActivityFactory(title=f"Heron activity {number}", description="Wetland birds.")
        OrganizationFactory(name=f"Heron organisation {number}")
    search_vocabulary.refresh()
    client.force_login(participant)
    # The 18 of a search (tests/coordination/test_search.py) and the suggestion.
    with django_assert_max_num_queries(19):
        response = search(client, q="wetlnd")
    assert response.context["groups"] == []
    assert response.context["suggestion"] == "wetland"


def test_the_demo_finds_boboev_in_both_scripts_and_suggests_trafficking(client, participant):
    call_command("load_demo")
    client.force_login(participant)
    for text in ("Бобоев", "Boboyev", "Boboev"):
        assert "Akobir Boboev (MIA CTIP Unit)" in kinds(search(client, q=text))["statement"], text
    response = search(client, q="traficking")
    assert response.context["suggestion"] == "trafficking"
    assert 'href="?q=trafficking"' in response.content.decode()


def test_the_worker_refreshes_the_vocabulary_every_hour():
    from procrastinate.contrib.django import app

    schedules = {task.task.name: task.cron for task in app.periodic_registry.periodic_tasks.values()}
    assert schedules["coordination.refresh_search_vocabulary"] == "7 * * * *"
