import datetime
import re

import pytest
from django.core.management import call_command
from django.db import connection
from django.urls import reverse
from django.utils import translation

from common import fulltext
from coordination.pages.search import MAX_QUERY_LENGTH, Search
from meetings.models import AgendaItem
from stakeholders.models import Organization, OrganizationKind
from tests.activities.factories import ActivityFactory
from tests.meetings.factories import (
    ActionItemFactory,
    AgendaItemFactory,
    MeetingFactory,
    StatementFactory,
)
from tests.stakeholders.factories import ContactFactory, OrganizationFactory

pytestmark = pytest.mark.django_db


def search(client, **params):
    response = client.get(reverse("search"), params)
    assert response.status_code == 200
    return response


def kinds(response):
    return {group.kind: [hit.title for hit in group.hits] for group in response.context["groups"]}


def test_finds_a_place_name_in_activities_and_published_minutes(client, participant):
    ActivityFactory(title="Trainings for airport employees", places=["Bukhara", "Fergana"])
    meeting = MeetingFactory(published=True)
    AgendaItemFactory(meeting=meeting, title="Upcoming activities", discussion_summary="Trainings in Bukhara.")
    OrganizationFactory(name="Khokimiyat of Samarkand")
    client.force_login(participant)

    response = search(client, q="Bukhara")

    found = kinds(response)
    assert found["activity"] == ["Trainings for airport employees"]
    assert found["minutes"] == ["Minutes: Upcoming activities"]
    assert "organization" not in found
    assert "<mark>Bukhara</mark>" in response.content.decode()


def test_results_are_ranked_title_matches_first(client, participant):
    ActivityFactory(title="Seminar", description="A seminar on the study visit of Estonia.")
    ActivityFactory(title="Study visit of the delegation of Estonia", description="Visit.")
    client.force_login(participant)
    assert kinds(search(client, q="Estonia"))["activity"] == ["Study visit of the delegation of Estonia", "Seminar"]


def test_participants_never_find_draft_minutes_or_their_statements(client, participant, secretariat):
    draft = MeetingFactory(minutes_summary="Confidential zebra discussion.")
    AgendaItemFactory(meeting=draft, title="Item", discussion_summary="The zebra question.")
    StatementFactory(meeting=draft, summary="A zebra statement.")
    client.force_login(participant)
    response = search(client, q="zebra")
    assert kinds(response) == {}
    content = response.content.decode()
    assert "Confidential" not in content and "zebra question" not in content and "zebra statement" not in content

    client.force_login(secretariat)
    found = kinds(search(client, q="zebra"))
    assert set(found) == {"minutes", "statement"}
    assert len(found["minutes"]) == 2


def test_snippets_escape_html_from_the_data(client, participant):
    ActionItemFactory(title="Check <script>alert(1)</script> handling", description="<b>bold</b> nonsense")
    client.force_login(participant)
    content = search(client, q="handling nonsense").content.decode()
    assert "<script>alert(1)</script>" not in content
    assert "&lt;script&gt;" in content
    assert "<b>bold</b>" not in content
    assert "<mark>nonsense</mark>" in content  # the snippet, from the description (ts_headline drops tags)


def test_snippets_come_from_the_matching_text_not_the_title(participant):
    ActionItemFactory(title="Shelter capacity review", description="Count the beds in the northern shelters.")
    meeting = MeetingFactory(published=True)
    AgendaItemFactory(
        meeting=meeting,
        title="Shelters",
        discussion_summary="Shelter capacity was discussed.",
        discussion_summary_ru="Обсуждалась вместимость приютов.",
    )
    [action] = Search("shelter", participant)._hits("action", 5)
    assert action.snippet == "Count the beds in the northern <mark>shelters</mark>"
    [minutes] = Search("приют", participant)._hits("minutes", 5)
    assert minutes.snippet == "Обсуждалась вместимость <mark>приютов</mark>"
    with translation.override("ru"):
        [minutes] = Search("shelter", participant)._hits("minutes", 5)
    assert minutes.snippet == "<mark>Shelter</mark> capacity was discussed"  # the Russian text does not match


@pytest.mark.parametrize(
    "text",
    [
        '"unbalanced quote',
        "'; DROP TABLE meetings_meeting; --",
        "a\x00b\x00Bukhara",
        "x" * 5000,
        "<script>alert('x')</script>",
        "&&& ||| !!! :* <-> (",
        "the",
        "-",
    ],
)
def test_hostile_input_gives_a_normal_page(client, participant, text):
    ActivityFactory(title="Bukhara training")
    client.force_login(participant)
    response = search(client, q=text, kind="activity", year="2023")
    content = response.content.decode()
    assert "<script>alert('x')</script>" not in content
    assert len(response.context["query"]) <= MAX_QUERY_LENGTH


def test_nul_bytes_are_stripped_not_fatal(client, participant):
    ActivityFactory(title="Bukhara training")
    client.force_login(participant)
    assert kinds(search(client, q="Bukh\x00ara"))["activity"] == ["Bukhara training"]
    assert kinds(search(client, q="\x00\x00")) == {}


def test_bad_kind_and_year_show_field_errors(client, participant):
    client.force_login(participant)
    response = search(client, q="anything", kind="passwords", year="99999")
    assert response.context["form"].errors.keys() == {"kind", "year"}


def test_filters_by_kind_and_year(client, participant):
    MeetingFactory(title="Sunflower meeting", starts_at="2022-05-05T10:00+05:00", ends_at="2022-05-05T12:00+05:00")
    starts = datetime.datetime(2023, 5, 5, 10, tzinfo=datetime.UTC)
    review = MeetingFactory(
        title="Sunflower review", starts_at=starts, ends_at=starts + datetime.timedelta(hours=2), published=True
    )
    ActionItemFactory(title="Sunflower follow-up", meeting=review)
    client.force_login(participant)
    assert set(kinds(search(client, q="sunflower"))) == {"meeting", "action"}
    [only] = kinds(search(client, q="sunflower", kind="meeting", year="2022"))["meeting"]
    assert only.endswith("Sunflower meeting")
    assert set(kinds(search(client, q="sunflower", year="2023"))) == {"meeting", "action"}


def test_a_kind_is_paginated(client, participant):
    for number in range(25):
        ActionItemFactory(title=f"Pelican task {number}")
    client.force_login(participant)
    first = search(client, q="pelican", kind="action")
    assert len(first.context["groups"][0].hits) == 20
    assert first.context["has_next"]
    second = search(client, q="pelican", kind="action", page="2")
    assert len(second.context["groups"][0].hits) == 5
    assert not second.context["has_next"]
    everything = search(client, q="pelican")
    assert everything.context["groups"][0].has_more


@pytest.mark.parametrize("rows", [3, 30])
def test_search_query_count_is_constant(client, participant, django_assert_max_num_queries, rows):
    for number in range(rows):
        meeting = MeetingFactory(title=f"Heron meeting {number}", published=True, minutes_summary="Heron notes")
        AgendaItemFactory(meeting=meeting, title="Heron item", discussion_summary="heron")
        StatementFactory(meeting=meeting, summary="Heron statement")
        ActionItemFactory(meeting=meeting, title="Heron action")
        ActivityFactory(title="Heron activity")
        OrganizationFactory(name=f"Heron organisation {number}")
    client.force_login(participant)
    # 18: the words normalised, the name similarity threshold, the draft meetings and the people named like the
    # words (each a constant for the planner), one per source (7 kinds, 8 sources), the rest session, user and roles.
    with django_assert_max_num_queries(18):
        response = search(client, q="heron")
    assert len(response.context["groups"]) == 7


def _tsquery_text(query):
    sql, params = query.as_sql(None, connection)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT ({sql})::text", params)
        return cursor.fetchone()[0]


@pytest.mark.django_db
def test_a_word_that_normalises_alike_in_every_language_is_searched_once(participant):
    """PostgreSQL estimates a prefix term it has no statistics for at 0.5% of the rows: the same rare word three
    times over looked like 1.5%, enough for the planner to read whole tables instead of the GIN index."""
    # Each once, with its Russian and Uzbek Cyrillic forms (common.scripts), which also appear once.
    assert _tsquery_text(Search("Moynaq", participant).query) == "'moynaq':* | 'мойнак':* | 'мойнақ':*"
    assert (
        _tsquery_text(Search("trafficking", participant).query)
        == "'traffick':* | 'trafficking':* | 'траффикинг':* | 'траффиккинг':*"
    )
    russian = _tsquery_text(Search("торговля людьми", participant).query)
    assert russian.count("'торговл':*") == 1 and "&" in russian


@pytest.mark.django_db
def test_stop_words_or_and_negation_survive_normalising(participant):
    assert _tsquery_text(Search("the", participant).query) == ""
    heron = "'heron':* | 'херон':* | 'ҳерон':*"  # with its Cyrillic forms (common.scripts)
    assert _tsquery_text(Search("the heron", participant).query) == heron
    assert _tsquery_text(Search("heron or egret", participant).query) == f"{heron} | 'egret':* | 'егрет':*"
    assert _tsquery_text(Search("heron -egret", participant).query) == f"( {heron} ) & !( 'egret':* | 'егрет':* )"


def test_search_uses_the_gin_index(participant):
    meeting = MeetingFactory()
    AgendaItem.objects.bulk_create(
        AgendaItem(meeting=meeting, position=number, title=f"Item {number}", description=f"routine text {number}")
        for number in range(3000)
    )
    AgendaItemFactory(meeting=meeting, title="Kingfisher", position=5000)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE meetings_agendaitem")
        cursor.execute("SET LOCAL enable_seqscan = off")
    searcher = Search("kingfisher", participant)
    [(queryset, _describe)] = searcher.sources("agenda")
    plan = queryset.explain()
    assert "agenda_item_search_idx" in plan
    assert [item.title for item in queryset] == ["Kingfisher"]
    # The plain document filter alone, as the benchmark's planner would see it.
    matching = AgendaItem.objects.filter(search_document=searcher.query).order_by()
    assert "agenda_item_search_idx" in matching.explain()
    # Prefixes, alternatives in three languages, "or" and "-": still one tsquery for the index.
    for text in ("kingf", "Kingfisher or routine -item", "птица kingf"):
        [(queryset, _describe)] = Search(text, participant).sources("agenda")
        assert "agenda_item_search_idx" in queryset.explain(), text
    [(queryset, _describe)] = Search("kingf", participant).sources("agenda")
    assert [item.title for item in queryset] == ["Kingfisher"]


def test_an_edited_text_is_found_by_its_new_words_only(participant):
    item = AgendaItemFactory(title="Shelter capacity", description="Beds in the northern regions")
    item.description = "Hotline staffing in Karakalpakstan"
    item.save()
    assert [hit.title for hit in Search("Karakalpakstan", participant)._hits("agenda", 5)] == ["Shelter capacity"]
    assert Search("northern", participant)._hits("agenda", 5) == []


def test_a_word_finds_the_words_it_begins_in_the_demo_data(client, participant):
    call_command("load_demo")
    client.force_login(participant)
    response = search(client, q="Estonia")
    found = kinds(response)
    # "the study visit of the Estonian delegation", in the minutes of the 4th meeting's agenda item
    assert "Minutes: Upcoming activities" in found["minutes"]
    assert "<mark>Estonian</mark> delegation" in response.content.decode()
    # an action's hit starts with its number in the minutes (4.1)
    assert "4.1 Prepare the study visit of the delegation of the Republic of Estonia" in found["action"]
    # "a delegation from Estonia" in Mr Salikhov's statement
    assert any(title.startswith("Azamatbek Salikhov") for title in found["statement"])
    assert kinds(search(client, q="Estonian"))["minutes"] == ["Minutes: Upcoming activities"]


def test_prefixes_and_operators(participant):
    ActionItemFactory(title="Trainings for airport employees", description="In Bukhara and Fergana.")
    ActionItemFactory(title="Hotline staffing", description="In Karakalpakstan.")

    def titles(text):  # without the action's number in its minutes ("1.1 ")
        return sorted(hit.title.split(" ", 1)[1] for hit in Search(text, participant)._hits("action", 5))

    assert titles("airp") == ["Trainings for airport employees"]
    assert titles("train bukh") == ["Trainings for airport employees"]
    assert titles("train karakalpak") == []
    assert titles("bukhara or hotline") == ["Hotline staffing", "Trainings for airport employees"]
    assert titles("in -bukhara") == ["Hotline staffing"]
    assert titles('"hotline staffing"') == ["Hotline staffing"]
    assert titles("in") == titles("the") == []  # stop words match nothing, in no language


def test_russian_and_uzbek_versions_are_searched(client, participant):
    meeting = MeetingFactory(published=True, title="Fourth meeting", title_ru="Четвёртое заседание")
    AgendaItemFactory(
        meeting=meeting,
        title="Upcoming activities",
        title_uz="Kelgusi tadbirlar",
        discussion_summary="The study visit of the Estonian delegation.",
        discussion_summary_ru="Обсуждался учебный визит эстонской делегации.",
        discussion_summary_uz="Estoniya delegatsiyasining o'quv safari muhokama qilindi.",
    )
    ActivityFactory(title="Study visit", description_ru="Визит делегации Эстонии в ноябре.")
    client.force_login(participant)

    found = kinds(search(client, q="эстон"))
    assert found["minutes"] == ["Minutes: Upcoming activities"]
    assert found["activity"] == ["Study visit"]
    assert kinds(search(client, q="Эстония"))["activity"] == ["Study visit"]  # Russian stemming
    assert kinds(search(client, q="заседания"))["meeting"][0].endswith("Fourth meeting")
    assert kinds(search(client, q="tadbir"))["agenda"] == ["Upcoming activities"]
    assert kinds(search(client, q="Estoniya"))["minutes"] == ["Minutes: Upcoming activities"]
    content = search(client, q="эстонской").content.decode()
    assert "<mark>эстонской</mark>" in content


def test_names_are_found_despite_a_spelling_variant(client, participant):
    call_command("load_demo")
    client.force_login(participant)
    found = kinds(search(client, q="Boboyev"))
    assert found["statement"] == ["Akobir Boboev (MIA CTIP Unit)"]
    assert "organization" not in found
    assert kinds(search(client, q="Istikbolli"))["organization"] == ["NGO “Istiqbolli Avlod” (Istiqbolli Avlod)"]
    assert kinds(search(client, q="Salihov"))["statement"][0].startswith("Azamatbek Salikhov")


def test_a_spelling_variant_does_not_reveal_draft_statements(client, participant, secretariat):
    speaker = ContactFactory(name="Akobir Boboev")
    StatementFactory(meeting=MeetingFactory(), speaker=speaker, summary="A draft remark.")
    client.force_login(participant)
    assert kinds(search(client, q="Boboyev")) == {}
    client.force_login(secretariat)
    assert kinds(search(client, q="Boboyev"))["statement"][0].startswith("Akobir Boboev")


def test_name_search_uses_the_trigram_index(participant):
    Organization.objects.bulk_create(
        Organization(name=f"Committee number {number}", acronym=f"C{number}", kind=OrganizationKind.GOVERNMENT)
        for number in range(3000)
    )
    OrganizationFactory(name="Istiqbolli Avlod")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE stakeholders_organization")
        cursor.execute("SET LOCAL enable_seqscan = off")
    [(queryset, _describe)] = Search("Istikbolli", participant).sources("organization")
    plan = queryset.explain()
    assert "organization_name_trigram_idx" in plan and "organization_search_idx" in plan
    assert [organization.name for organization in queryset] == ["Istiqbolli Avlod"]


def test_a_name_search_reads_only_similar_names_from_the_trigram_index(participant):
    """Every "Committee ..." begins with the trigrams "  c" and " co", like "Cornflower": the index must not
    return all of them for the similarity to be measured row by row. At a ministry-sized list the planner
    chooses the index by itself (no enable_seqscan = off)."""
    Organization.objects.bulk_create(
        Organization(name=f"Committee number {number}", acronym=f"C{number}", kind=OrganizationKind.GOVERNMENT)
        for number in range(10_000)
    )
    OrganizationFactory(name="Cornflower Foundation")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE stakeholders_organization")
    fulltext.use_name_similarity_threshold()
    similar = fulltext.similar_name("name", "Cornflowr")
    plan = Organization.objects.filter(similar).explain(analyze=True)
    index_rows = re.search(r"Bitmap Index Scan on organization_name_trigram_idx.*actual time=\S+ rows=([\d.]+)", plan)
    assert index_rows, plan
    assert float(index_rows[1]) < 10
    assert list(Organization.objects.filter(similar).values_list("name", flat=True)) == ["Cornflower Foundation"]


def test_names_are_found_with_their_accents_folded(client, participant):
    """unaccent folds the name and the words alike: "Ozturk" finds "Öztürk" (their trigrams share only "rk "
    before folding), "Федоров" finds "Фёдоров"."""
    meeting = MeetingFactory(published=True)
    StatementFactory(meeting=meeting, speaker=ContactFactory(name="Ferhat Öztürk"), summary="A remark on visas.")
    StatementFactory(meeting=meeting, speaker=ContactFactory(name="Пётр Фёдоров"), summary="A remark on borders.")
    OrganizationFactory(name="Société Générale de Sécurité")
    client.force_login(participant)
    assert kinds(search(client, q="Ozturk"))["statement"][0].startswith("Ferhat Öztürk")
    assert kinds(search(client, q="Федоров"))["statement"][0].startswith("Пётр Фёдоров")
    assert kinds(search(client, q="Societe Generale"))["organization"][0].startswith("Société Générale")


def test_hits_give_the_meeting_date_in_the_portals_style(participant):
    starts = datetime.datetime(2023, 10, 24, 10, tzinfo=datetime.timezone(datetime.timedelta(hours=5)))
    meeting = MeetingFactory(title="Heron meeting", starts_at=starts, published=True)
    AgendaItemFactory(meeting=meeting, title="Heron item")
    [hit] = Search("heron", participant)._hits("meeting", 5)
    assert hit.context.endswith("24 October 2023")
    with translation.override("ru"):
        [item] = Search("heron", participant)._hits("agenda", 5)
    assert item.context.endswith("24 октября 2023 г.")


def test_a_statement_hit_leads_to_the_statement_on_the_meeting_page(client, participant):
    meeting = MeetingFactory(published=True)
    statement = StatementFactory(meeting=meeting, summary="Recruitment through social media is rising.")
    client.force_login(participant)
    [group] = [group for group in search(client, q="recruitment").context["groups"] if group.kind == "statement"]
    [hit] = group.hits
    assert hit.url == f"{meeting.get_absolute_url()}#statement-{statement.pk}"
    assert f'id="statement-{statement.pk}"' in client.get(meeting.get_absolute_url()).content.decode()


def test_an_english_translation_of_a_russian_statement_is_found_by_its_english_words(client, participant, secretariat):
    """The statement's search document held only its original: an English reader searching an English word of the
    translation found nothing. A translation in draft minutes stays hidden from those who may not read them."""
    published = MeetingFactory(published=True)
    StatementFactory(
        meeting=published,
        speaker=ContactFactory(name="Akobir Boboev"),
        source_language="ru",
        summary="Министерство предложило обучать пограничников выявлению жертв.",
        summary_en="The ministry proposed training border guards to identify victims.",
    )
    StatementFactory(
        meeting=MeetingFactory(),  # draft minutes
        source_language="ru",
        summary="Черновое замечание.",
        summary_en="A draft remark about border guards.",
    )
    ActionItemFactory(
        meeting=published, source_language="ru", title="Подготовить обзор", title_en="Prepare a shelter overview"
    )
    client.force_login(participant)

    response = search(client, q="guards")
    found = kinds(response)
    assert list(found) == ["statement"] and len(found["statement"]) == 1
    assert found["statement"][0].startswith("Akobir Boboev")
    assert "<mark>guards</mark>" in response.content.decode()  # the snippet is the English translation
    assert "draft remark" not in response.content.decode()
    assert kinds(search(client, q="пограничников"))["statement"][0].startswith("Akobir Boboev")
    [action] = kinds(search(client, q="shelter"))["action"]
    assert action.endswith("Prepare a shelter overview")

    client.force_login(secretariat)
    assert len(kinds(search(client, q="guards"))["statement"]) == 2
