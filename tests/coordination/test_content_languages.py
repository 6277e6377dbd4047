"""Content in three languages: names and titles shown in the reader's language, entered in the portal, searched."""

import re

import pytest
from django.conf import settings
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation
from icalendar import Calendar

from activities.models import Activity
from coordination.pages.search import Search
from meetings import services
from meetings.models import REVIEW_OF_ACTIONS_TITLE, AgendaItem, Meeting, MeetingSeries, Topic
from meetings.notifications import delivery
from stakeholders.models import Organization
from tests.activities.factories import ActivityPlanFactory
from tests.meetings.factories import (
    ActionItemFactory,
    AgendaItemFactory,
    MeetingFactory,
    MeetingSeriesFactory,
    ParticipationFactory,
    TopicFactory,
)
from tests.stakeholders.factories import ContactFactory, OrganizationFactory

pytestmark = pytest.mark.django_db


def visible_text(response) -> str:
    assert response.status_code == 200, response.request["PATH_INFO"]
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", response.content.decode(), flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).replace("&quot;", '"').replace("&amp;", "&")


def read_in(client, language):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    return client


@pytest.fixture
def demo(settings):
    settings.DEBUG = True
    call_command("load_demo")


@pytest.fixture
def demo_reader(client, demo):
    from django.contrib.auth import get_user_model

    client.force_login(get_user_model().objects.get(username="participant"))
    return client


def demo_pages():
    fourth = Meeting.objects.get(number=4)
    mfa = Organization.objects.get(acronym="MFA")
    visit = Activity.objects.get(kind="study_visit")
    return {
        "dashboard": reverse("dashboard"),
        "meeting list": reverse("meetings:meeting-list"),
        "meeting": fourth.get_absolute_url(),
        "organisation list": reverse("stakeholders:organization-list"),
        "organisation": mfa.get_absolute_url(),
        "activity list": reverse("activities:activity-list") + "?quarter=2023-Q4",
        "activity": visit.get_absolute_url(),
        "series": fourth.series.get_absolute_url(),
        "trends": reverse("activities:series-trends", args=[fourth.series_id]),
        "printed minutes": reverse("meetings:meeting-minutes-print", args=[fourth.pk]),
        "printed agenda": reverse("meetings:meeting-agenda-print", args=[fourth.pk]),
    }


# What each page shows of the demo, per language: (page, English, Russian, Uzbek).
DEMO_NAMES = [
    (
        "dashboard",
        "Study visit of the delegation",
        "Ознакомительный визит делегации",
        "delegatsiyasining tanishuv tashrifi",
    ),
    ("meeting list", "Fourth multi-stakeholder", "Четвёртое координационное заседание", "toʻrtinchi koʻp tomonlama"),
    ("meeting", "Improving cooperation among stakeholders", "Улучшение сотрудничества", "hamkorlikni yaxshilash"),
    ("meeting", "Ministry of Foreign Affairs", "Министерство иностранных дел", "Tashqi ishlar vazirligi"),
    ("meeting", "Recruitment through technology", "Вербовка с помощью технологий", "ijtimoiy tarmoqlar orqali"),
    # The unit's English acronym is never inside Russian or Uzbek text.
    (
        "meeting",
        "(MIA CTIP Unit)",
        "(Подразделение МВД по борьбе с торговлей людьми)",
        "(IIV odam savdosiga qarshi kurashish boʻlinmasi)",
    ),
    ("organisation list", "Ministry of Internal Affairs", "Министерство внутренних дел", "Ichki ishlar vazirligi"),
    ("organisation list", "(MFA)", "(МИД)", "(TIV)"),
    ("organisation", "Ministry of Foreign Affairs", "Министерство иностранных дел", "Tashqi ishlar vazirligi"),
    ("activity list", "Trainings for airport employees", "Тренинги для сотрудников аэропортов", "Aeroport xodimlari"),
    (
        "activity",
        "Study visit of the delegation",
        "Ознакомительный визит делегации",
        "delegatsiyasining tanishuv tashrifi",
    ),
    ("activity", "Delegation of the Republic of Estonia", "Делегация Эстонской Республики", "Estoniya Respublikasi"),
    (
        "series",
        "Multi-stakeholder coordination meetings",
        "Координационные заседания",
        "muvofiqlashtirish yigʻilishlari",
    ),
    ("trends", "Trafficking routes to third countries", "Маршруты торговли людьми", "odam savdosi yoʻnalishlari"),
    ("printed minutes", "Supreme Judicial Council", "Высший судейский совет", "Sudyalar oliy kengashi"),
    ("printed agenda", "Emerging trends in trafficking", "Новые тенденции", "Odam savdosidagi yangi tendensiyalar"),
]


@pytest.mark.parametrize("language", ["en", "ru", "uz"])
def test_each_page_shows_the_demo_names_in_the_readers_language(demo_reader, language):
    read_in(demo_reader, language)
    pages = demo_pages()
    texts = {name: visible_text(demo_reader.get(url)) for name, url in pages.items()}
    column = {"en": 1, "ru": 2, "uz": 3}[language]
    missing = [(row[0], row[column]) for row in DEMO_NAMES if row[column] not in texts[row[0]]]
    assert missing == []
    if language != "en":  # the English originals are gone wherever a version exists
        shown_in_english = [(row[0], row[1]) for row in DEMO_NAMES if row[1] != row[column] and row[1] in texts[row[0]]]
        assert shown_in_english == []


def test_an_empty_translation_falls_back_to_the_original(client, participant):
    organization = OrganizationFactory(name="Ministry of Justice", acronym="MoJ", name_uz="Adliya vazirligi")
    read_in(client, "ru")
    client.force_login(participant)
    text = visible_text(client.get(organization.get_absolute_url()))
    assert "Ministry of Justice" in text and "MoJ" in text
    read_in(client, "uz")
    text = visible_text(client.get(organization.get_absolute_url()))
    assert "Adliya vazirligi" in text and "MoJ" in text  # no Uzbek acronym: the original
    assert "Ministry of Justice" not in text


def test_str_is_in_the_readers_language_so_pickers_and_the_admin_are_too():
    organization = OrganizationFactory(name="Ministry of Justice", acronym="MoJ", name_ru="Министерство юстиции")
    series = MeetingSeriesFactory(title="Coordination platform", title_ru="Координационная платформа")
    topic = TopicFactory(name="Social media", name_uz="Ijtimoiy tarmoqlar")
    with translation.override("ru"):
        assert (str(organization), organization.short_name) == ("Министерство юстиции (MoJ)", "MoJ")
        assert (str(series), str(topic)) == ("Координационная платформа", "Social media")
    with translation.override("uz"):
        assert (str(organization), str(series), str(topic)) == (
            "Ministry of Justice (MoJ)",
            "Coordination platform",
            "Ijtimoiy tarmoqlar",
        )


def test_the_standing_review_item_reads_in_the_readers_language(client, participant):
    meeting = MeetingFactory(published=True)
    older = AgendaItemFactory(meeting=meeting, title=REVIEW_OF_ACTIONS_TITLE, reviews_follow_up_actions=True)
    namesake = AgendaItemFactory(meeting=meeting, title=REVIEW_OF_ACTIONS_TITLE)  # not the flagged item: as typed
    with translation.override("ru"):
        assert str(older) == f"{older.position}. Обзор выполнения поручений"
        assert str(namesake) == f"{namesake.position}. {REVIEW_OF_ACTIONS_TITLE}"
    client.force_login(participant)
    assert "Topshiriqlar ijrosini koʻrib chiqish" in visible_text(read_in(client, "uz").get(meeting.get_absolute_url()))


def test_a_prepared_meeting_has_its_title_and_review_item_in_three_languages(secretariat):
    series = MeetingSeriesFactory()
    ActionItemFactory(meeting=MeetingFactory(series=series, number=4, status="held"))
    meeting = services.prepare_next_meeting(series=series, user=secretariat)
    assert (meeting.title, meeting.title_ru, meeting.title_uz) == (
        "5th coordination meeting",
        "Координационное заседание № 5",
        "5-muvofiqlashtirish yigʻilishi",
    )
    review = meeting.agenda_items.get(reviews_follow_up_actions=True)
    assert (review.title, review.title_ru, review.title_uz) == (
        REVIEW_OF_ACTIONS_TITLE,
        "Обзор выполнения поручений",
        "Topshiriqlar ijrosini koʻrib chiqish",
    )


# Entered in the portal


def test_the_organisation_form_saves_the_translations_folded_away(client, secretariat):
    client.force_login(secretariat)
    page = client.get(reverse("stakeholders:organization-create")).content.decode()
    assert '<details class="folded-translations' in page and 'name="name_ru"' in page
    response = client.post(
        reverse("stakeholders:organization-create"),
        {
            "name": "Ministry of Justice",
            "acronym": "MoJ",
            "kind": "government",
            "country": "Uzbekistan",
            "is_active": "on",
            "name_ru": "Министерство юстиции",
            "acronym_ru": "Минюст",
            "name_uz": "Adliya vazirligi",
        },
    )
    assert response.status_code == 302
    organization = Organization.objects.get(name="Ministry of Justice")
    assert (organization.name_ru, organization.acronym_ru, organization.name_uz, organization.acronym_uz) == (
        "Министерство юстиции",
        "Минюст",
        "Adliya vazirligi",
        "",
    )


def test_an_error_in_a_translation_opens_the_fold(client, secretariat):
    client.force_login(secretariat)
    response = client.post(
        reverse("stakeholders:organization-create"), {"name": "Ministry", "kind": "government", "name_ru": "x" * 300}
    )
    assert response.status_code == 200
    assert "name_ru" in response.context["form"].errors
    assert re.search(r'<details class="folded-translations[^"]*" open>', response.content.decode())


def test_the_meeting_agenda_item_and_activity_forms_save_the_translations(client, secretariat):
    client.force_login(secretariat)
    meeting = MeetingFactory(
        title="Fifth meeting", starts_at="2024-01-23T10:00+05:00", ends_at="2024-01-23T13:00+05:00"
    )
    page = client.get(reverse("meetings:meeting-edit", args=[meeting.pk])).content.decode()
    assert '<details class="folded-translations' in page
    response = client.post(
        reverse("meetings:meeting-edit", args=[meeting.pk]),
        {
            "number": meeting.number,
            "title": "Fifth meeting",
            "date": "2024-01-23",
            "start_time": "10:00",
            "end_time": "13:00",
            "time_zone": "Asia/Tashkent",
            "format": "in_person",
            "status": "planned",
            "version": meeting.version,
            "title_ru": "Пятое заседание",
            "title_uz": "Beshinchi yigʻilish",
        },
    )
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert (meeting.title_ru, meeting.title_uz) == ("Пятое заседание", "Beshinchi yigʻilish")

    item = AgendaItemFactory(meeting=meeting, title="Opening")
    assert (
        '<details class="folded-translations'
        in client.get(reverse("meetings:agenda-item-edit", args=[item.pk])).content.decode()
    )
    response = client.post(
        reverse("meetings:agenda-item-edit", args=[item.pk]),
        {"title": "Opening", "title_ru": "Открытие", "title_uz": "Ochilish", "version": meeting.version},
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert (item.title_ru, item.title_uz) == ("Открытие", "Ochilish")

    plan = ActivityPlanFactory(year=2024, quarter_number=1)
    lead = OrganizationFactory()
    assert '<details class="folded-translations' in client.get(reverse("activities:activity-create")).content.decode()
    response = client.post(
        reverse("activities:activity-create"),
        {
            "plan": plan.pk,
            "title": "Training of airport staff",
            "kind": "training",
            "starts_on": "2024-01-15",
            "lead_organization": lead.pk,
            "status": "planned",
            "title_ru": "Тренинг для сотрудников аэропорта",
            "title_uz": "Aeroport xodimlari uchun trening",
        },
    )
    assert response.status_code == 302
    activity = Activity.objects.get(title="Training of airport staff")
    assert (activity.title_ru, activity.title_uz) == (
        "Тренинг для сотрудников аэропорта",
        "Aeroport xodimlari uchun trening",
    )


@pytest.mark.parametrize("rows", [3, 30])
def test_pickers_find_and_show_names_in_the_readers_language_in_constant_queries(
    client, secretariat, django_assert_max_num_queries, rows
):
    for number in range(rows):
        # An explicit acronym: the factory's own ("ORG102") contains "02" once enough organisations were made.
        OrganizationFactory(
            name=f"Committee {number:02}", name_ru=f"Комитет {number:02}", acronym=f"C{number}", acronym_ru=f"К{number}"
        )
    client.force_login(secretariat)
    read_in(client, "ru")
    with django_assert_max_num_queries(8):
        response = client.get(reverse("picker", args=["organizations"]), {"q": "Комитет 02"})
    assert [row["text"] for row in response.json()["results"]] == ["Комитет 02 (К2)"]


def test_a_chosen_organisation_is_shown_in_the_readers_language(client, secretariat):
    organization = OrganizationFactory(name="Committee", name_ru="Комитет", acronym_ru="К")
    ActivityPlanFactory()
    client.force_login(secretariat)
    read_in(client, "ru")
    content = client.get(reverse("activities:activity-list"), {"lead": organization.pk}).content.decode()
    assert ">Комитет (К)</option>" in content
    assert ">Committee" not in content


def test_the_admin_shows_the_translations(client, admin_user):
    client.force_login(admin_user)
    organization = OrganizationFactory()
    topic = TopicFactory()
    series = MeetingSeriesFactory()
    for model, obj, field in [
        ("stakeholders/organization", organization, "name_ru"),
        ("meetings/topic", topic, "name_uz"),
        ("meetings/meetingseries", series, "description_ru"),
    ]:
        page = client.get(f"/admin/{model}/{obj.pk}/change/").content.decode()
        assert f'name="{field}"' in page, model


# Mail in the recipient's language


def test_an_invitation_lists_the_agenda_in_the_recipients_language(django_capture_on_commit_callbacks, settings):
    settings.PORTAL_BASE_URL = "https://portal.example.org"
    meeting = MeetingFactory(
        title="Fifth meeting",
        title_ru="Пятое заседание",
        starts_at="2099-05-05T10:00+05:00",
        ends_at="2099-05-05T12:00+05:00",
        series__convening_organization__name_ru="Управление ООН",
    )
    AgendaItemFactory(meeting=meeting, position=1, title="Opening remarks", title_ru="Вступительное слово")
    for language in ("en", "ru"):
        contact = ContactFactory(preferred_language=language)
        ParticipationFactory(meeting=meeting, organization=contact.organization, contact=contact)
    with django_capture_on_commit_callbacks(execute=True):
        delivery.send_invitations(meeting=meeting)
    [russian] = [message for message in mail.outbox if "Вступительное слово" in message.body]
    [english] = [message for message in mail.outbox if "Opening remarks" in message.body]
    assert "Пятое заседание" in russian.subject and "Fifth meeting" in english.subject
    [part] = [part for part in russian.message().walk() if part.get_content_type() == "text/calendar"]
    [event] = Calendar.from_ical(part.get_payload(decode=True)).walk("VEVENT")
    assert "Пятое заседание" in str(event["summary"]) and "Вступительное слово" in str(event["description"])
    assert event["organizer"].params["cn"] == "Управление ООН"


# Search


@pytest.mark.parametrize("text", ["эстон", "Эстония", "Эстонской"])
def test_russian_words_find_the_estonian_study_visit_in_the_demo(demo_reader, text):
    read_in(demo_reader, "ru")
    response = demo_reader.get(reverse("search"), {"q": text})
    found = {group.kind: [hit.title for hit in group.hits] for group in response.context["groups"]}
    assert found["activity"] == ["Ознакомительный визит делегации Эстонской Республики"]  # the hit's title in Russian
    assert found["organization"] == ["Делегация Эстонской Республики"]


def test_estonia_and_boboyev_still_find_the_demo_records(demo, participant):
    estonia = Search("Estonia", participant)
    assert "Study visit of the delegation of the Republic of Estonia" in [h.title for h in estonia._hits("activity", 5)]
    assert [h.title for h in estonia._hits("organization", 5)] == ["Delegation of the Republic of Estonia"]
    assert [h.title for h in Search("Boboyev", participant)._hits("statement", 5)] == ["Akobir Boboev (MIA CTIP Unit)"]
    with translation.override("ru"):
        # the speaker's name in Cyrillic, the unit by its Russian name
        assert [h.title for h in Search("Boboyev", participant)._hits("statement", 5)] == [
            "Акобир Бобоев (Подразделение МВД по борьбе с торговлей людьми)"
        ]
        assert [h.title for h in Search("Estonia", participant)._hits("activity", 5)] == [
            "Ознакомительный визит делегации Эстонской Республики"
        ]
        agenda = [h.title for h in Search("cooperation", participant)._hits("agenda", 5)]
        assert agenda == ["Улучшение сотрудничества между заинтересованными сторонами"]


def test_uzbek_names_are_searched_and_shown(demo, participant):
    with translation.override("uz"):
        hits = Search("vazirligi", participant)._hits("organization", 5)
    assert {hit.title for hit in hits} == {
        "Ichki ishlar vazirligi (IIV)",
        "Tashqi ishlar vazirligi (TIV)",
        "Odam savdosiga qarshi kurashish boʻlinmasi (Ichki ishlar vazirligi) "
        "(IIV odam savdosiga qarshi kurashish boʻlinmasi)",
    }


# The demo


def test_an_older_demo_database_gets_the_translations(demo):
    Organization.objects.update(name_ru="", acronym_ru="", name_uz="")
    Topic.objects.update(name_ru="")
    MeetingSeries.objects.update(title_ru="")
    Meeting.objects.update(title_ru="")
    AgendaItem.objects.update(title_uz="")
    Activity.objects.update(title_ru="")
    call_command("load_demo")
    assert not Organization.objects.filter(name_ru="").exclude(name="Winrock International").exists()
    assert Organization.objects.get(acronym="MIA").acronym_ru == "МВД"
    for model, field in [
        (Topic, "name_ru"),
        (MeetingSeries, "title_ru"),
        (Meeting, "title_ru"),
        (AgendaItem, "title_uz"),
        (Activity, "title_ru"),
    ]:
        assert not model.objects.filter(**{field: ""}).exists(), model


def _queries_of(client, url) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200, url
    return len(queries)


def test_pages_with_organisation_pickers_read_the_translations_in_constant_queries(client, secretariat):
    """Choice lists load only the label's columns (Organization.objects.for_choices): the Russian ones included."""
    meeting = MeetingFactory()
    ActivityPlanFactory()
    urls = [
        reverse("activities:activity-create"),
        reverse("activities:activity-list"),
        reverse("meetings:meeting-list"),
        reverse("meetings:action-list"),
        reverse("meetings:meeting-agenda", args=[meeting.pk]),
        reverse("stakeholders:contact-create"),
        reverse("stakeholders:organization-create"),
    ]
    client.force_login(secretariat)
    read_in(client, "ru")

    def add_organizations(count):
        for _ in range(count):
            organization = OrganizationFactory(name_ru="Комитет", acronym_ru="К")
            ContactFactory(organization=organization)

    add_organizations(3)
    few = {url: _queries_of(client, url) for url in urls}
    add_organizations(30)
    many = {url: _queries_of(client, url) for url in urls}
    assert many == few


def test_the_template_filter_shows_nothing_for_no_object():
    from django.template import Context, Template

    template = Template('{% load content_language %}[{{ activity|localized:"title" }}][{{ gone|localized:"title" }}]')
    assert template.render(Context({"activity": None})) == "[][]"


def test_a_new_russian_title_moves_the_event_in_calendars():
    """Invitations carry the title in their recipient's language: changing a version of it is an update."""
    meeting = MeetingFactory()
    meeting.title_ru = "Пятое заседание"
    meeting.save()
    assert meeting.calendar_sequence == 1
    meeting.save()
    assert Meeting.objects.get(pk=meeting.pk).calendar_sequence == 1


def texts_a_reader_sees(meeting):
    """(record, field) of every text the meeting's page shows of its minutes, including the speakers' names."""
    texts = [(meeting, "minutes_summary")]
    texts += [(item, "discussion_summary") for item in meeting.agenda_items.all() if item.discussion_summary]
    for statement in meeting.statements.select_related("speaker"):
        texts += [(statement, "summary"), (statement.speaker, "name"), (statement.speaker, "position")]
    texts += [(decision, "text") for decision in meeting.decisions.all()]
    texts += [(action, "title") for action in meeting.action_items.all()]
    return texts


@pytest.mark.parametrize("number", [3, 4])
def test_every_text_of_the_demo_minutes_has_a_current_russian_and_uzbek_translation(demo, number):
    texts = texts_a_reader_sees(Meeting.objects.get(number=number))
    assert len(texts) > 5
    not_current = [
        (type(record).__name__, field, language, record.translation_state(field, language))
        for record, field in texts
        for language in ("ru", "uz")
        if record.translation_state(field, language) != "current"
    ]
    assert not_current == []


def test_every_text_the_demo_writes_has_a_current_russian_and_uzbek_translation(demo):
    """On every model with translated texts; an acronym written the same in Uzbek (UNODC) needs no version, nor
    does Winrock International's name."""
    from django.apps import apps

    from common.i18n import TranslatedContent

    not_current = [
        (model.__name__, str(record.pk), field, language)
        for model in apps.get_models()
        if issubclass(model, TranslatedContent)
        for record in model.objects.all()
        for field in model.TRANSLATED_FIELDS
        if getattr(record, field)
        and (model, field) != (Organization, "acronym")
        and not (model is Organization and record.name == "Winrock International")  # one name in every language
        for language in ("ru", "uz")
        if record.translation_state(field, language) != "current"
    ]
    assert not_current == []


def shown_text(response) -> str:
    """The page's text without the originals folded away under a translation ("Original (English)", closed)."""
    assert response.status_code == 200
    html = re.sub(
        r'<details class="small translation-original">.*?</details>', " ", response.content.decode(), flags=re.S
    )
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).replace("&quot;", '"').replace("&amp;", "&")


def test_the_russian_meeting_page_shows_the_statements_and_names_in_russian(demo_reader):
    fourth = Meeting.objects.get(number=4)
    page = read_in(demo_reader, "ru").get(fourth.get_absolute_url())
    assert "Оригинал (английский)" in page.content.decode()  # each statement's English original, on demand
    text = shown_text(page)
    assert "Бобоев" in text and "Boboev" not in text
    assert "Г-н Бобоев назвал УНП ООН ключевым партнёром своего подразделения" in text
    assert "Mr Boboev described UNODC" not in text
    assert "Начальник подразделения по противодействию торговле людьми" in text
    assert "Подготовить ознакомительный визит делегации Эстонской Республики" in text
    assert "MIA CTIP Unit" not in text
    text = shown_text(read_in(demo_reader, "uz").get(fourth.get_absolute_url()))
    assert "Janob Boboyev UNODCni boʻlinmaning" in text and "Akobir Boboyev" in text
    assert "Salixov" in text and "Salikhov" not in text
