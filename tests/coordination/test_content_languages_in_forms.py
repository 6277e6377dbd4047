"""Issue 26, the parts written in the portal's forms: venues, countries and places in the reader's language; the
language a text is written in, chosen where it is written; series and topics edited in the portal; a person's name
suggested in the other script."""

import re

import pytest
from django.conf import settings
from django.urls import reverse
from icalendar import Calendar

from activities.models import Activity, Place
from common.i18n import CURRENT, ORIGINAL, OUTDATED, fingerprint
from meetings.models import Decision, MeetingSeries, Statement, Topic
from stakeholders.models import Contact
from tests.activities.factories import ActivityFactory
from tests.meetings.factories import AgendaItemFactory, MeetingFactory, MeetingSeriesFactory, TopicFactory
from tests.stakeholders.factories import ContactFactory, OrganizationFactory

pytestmark = pytest.mark.django_db
HX = {"HTTP_HX_REQUEST": "true"}


def read_in(client, language):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    return client


def visible_text(response) -> str:
    assert response.status_code == 200, response.request["PATH_INFO"]
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", response.content.decode(), flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


# Venues, countries and places


def test_a_russian_reader_sees_the_venue_in_russian_on_the_meeting_page_print_and_calendar(client, participant):
    meeting = MeetingFactory(venue="Tashkent", venue_ru="Ташкент", venue_uz="Toshkent")
    client.force_login(participant)
    read_in(client, "ru")
    assert "Ташкент" in visible_text(client.get(meeting.get_absolute_url()))
    assert "Ташкент" in visible_text(client.get(reverse("meetings:meeting-agenda-print", args=[meeting.pk])))
    ics = client.get(reverse("meetings:meeting-calendar", args=[meeting.pk])).content
    event = next(iter(Calendar.from_ical(ics).walk("VEVENT")))
    assert str(event["location"]) == "Ташкент"
    read_in(client, "uz")
    assert "Toshkent" in visible_text(client.get(meeting.get_absolute_url()))
    read_in(client, "en")
    assert "Tashkent" in visible_text(client.get(meeting.get_absolute_url()))


def test_the_venue_is_translated_on_the_meetings_translations_page(client, secretariat):
    meeting = MeetingFactory(venue="Tashkent")
    client.force_login(secretariat)
    page = client.get(reverse("meetings:meeting-translations", args=[meeting.pk]))
    assert f"meeting:{meeting.pk}:venue" in page.content.decode()
    response = client.post(
        reverse("meetings:meeting-translations", args=[meeting.pk]),
        {
            "text": f"meeting:{meeting.pk}:venue",
            "language": "ru",
            "translation": "Ташкент",
            "original": fingerprint("Tashkent"),
        },
    )
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.venue_ru == "Ташкент" and meeting.translation_state("venue", "ru") == CURRENT


def test_a_russian_reader_sees_an_organisations_country_in_russian(client, participant):
    organization = OrganizationFactory(country="Estonia", country_ru="Эстония", country_uz="Estoniya")
    client.force_login(participant)
    read_in(client, "ru")
    assert "Эстония" in visible_text(client.get(organization.get_absolute_url()))
    assert "Эстония" in visible_text(client.get(reverse("stakeholders:organization-list")))


def test_the_places_an_activity_names_become_translatable_and_readers_see_them_in_their_language(
    client, secretariat, participant
):
    activity = ActivityFactory(places=["Bukhara", "Nukus"])
    assert set(Place.objects.values_list("name", flat=True)) >= {"Bukhara", "Nukus"}
    Place.objects.filter(name="Bukhara").update(name_ru="Бухара", name_uz="Buxoro")
    client.force_login(participant)
    read_in(client, "ru")
    text = visible_text(client.get(activity.get_absolute_url()))
    assert "Бухара, Nukus" in text  # an untranslated place as written
    read_in(client, "uz")
    assert "Buxoro" in visible_text(client.get(activity.get_absolute_url()))
    # the stored names, which the city filter reads, stay as written
    assert Activity.objects.get(pk=activity.pk).places == ["Bukhara", "Nukus"]


def test_the_secretariat_translates_a_place_in_the_portal(client, secretariat):
    ActivityFactory(places=["Fergana"])
    place = Place.objects.get(name="Fergana")
    client.force_login(secretariat)
    page = visible_text(client.get(reverse("activities:place-list")))
    assert "Fergana" in page
    response = client.post(
        reverse("activities:place-update", args=[place.pk]),
        {"source_language": "en", "name_en": "", "name_ru": "Фергана", "name_uz": "Fargʻona"},
    )
    assert response.status_code == 302
    place.refresh_from_db()
    assert (place.name, place.name_ru, place.name_uz) == ("Fergana", "Фергана", "Fargʻona")


# The language a text is written in


def _statement_post(item, speaker, **fields):
    prefix = f"new-statement-{item.pk}"
    return {
        f"{prefix}-speaker": speaker.pk,
        f"{prefix}-agenda_item": item.pk,
        **{f"{prefix}-{name}": value for name, value in fields.items()},
    }


def test_a_statement_written_in_russian_keeps_its_text_as_the_original_and_its_english_as_the_translation(
    client, secretariat
):
    item = AgendaItemFactory()
    speaker = ContactFactory()
    client.force_login(secretariat)
    url = reverse("meetings:statement-create", args=[item.meeting_id]) + f"?item={item.pk}"
    form = client.get(url, **HX).content.decode()
    assert f'name="new-statement-{item.pk}-source_language"' in form
    assert f'name="new-statement-{item.pk}-summary_en"' in form
    data = _statement_post(
        item,
        speaker,
        summary="Министерство усилит работу по выявлению жертв.",
        source_language="ru",
        summary_en="The ministry will step up the identification of victims.",
        summary_ru="ignored: the original is the text",
        summary_uz="",
    )
    assert client.post(url, data, **HX).status_code == 200
    statement = Statement.objects.get()
    assert statement.source_language == "ru"
    assert statement.summary == "Министерство усилит работу по выявлению жертв."
    assert statement.summary_en == "The ministry will step up the identification of victims."
    assert statement.summary_ru == ""
    assert statement.translation_state("summary", "ru") == ORIGINAL
    assert statement.translation_state("summary", "en") == CURRENT
    edit_url = reverse("meetings:statement-edit", args=[statement.pk])
    prefix = f"statement-{statement.pk}"
    edit_form = client.get(edit_url, **HX).content.decode()
    assert re.search(rf'name="{prefix}-source_language"[^>]*>.*?<option value="ru" selected', edit_form, re.S)


def test_a_text_typed_on_a_russian_page_is_russian_unless_said_otherwise(client, secretariat):
    item = AgendaItemFactory()
    client.force_login(secretariat)
    read_in(client, "ru")
    url = reverse("meetings:decision-create", args=[item.meeting_id]) + f"?item={item.pk}"
    form = client.get(url, **HX).content.decode()
    assert re.search(r'<option value="ru" selected', form)
    prefix = f"new-decision-{item.pk}"
    # An older page (or a script) that does not send the language: the writer's interface language.
    client.post(url, {f"{prefix}-text": "Утвердить план.", f"{prefix}-agenda_item": item.pk}, **HX)
    assert Decision.objects.get().source_language == "ru"


def test_editing_a_record_keeps_its_language_and_the_form_offers_the_english_translation(client, secretariat):
    meeting = MeetingFactory(title="Заседание", source_language="ru")
    client.force_login(secretariat)
    page = client.get(reverse("meetings:meeting-edit", args=[meeting.pk])).content.decode()
    assert re.search(r'name="source_language"[^>]*>.*?<option value="ru" selected', page, re.S)
    assert 'name="title_en"' in page and 'name="venue_ru"' in page


# Series and topics in the portal


def test_the_secretariat_creates_and_edits_a_series_with_its_translations(client, secretariat):
    convener = OrganizationFactory()
    client.force_login(secretariat)
    assert "New meeting series" in visible_text(client.get(reverse("meetings:series-list")))
    response = client.post(
        reverse("meetings:series-create"),
        {
            "title": "Регional coordination",
            "description": "",
            "convening_organization": convener.pk,
            "source_language": "en",
            "title_ru": "Региональная координация",
            "title_uz": "",
            "country": "Uzbekistan",
            "country_ru": "Узбекистан",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    series = MeetingSeries.objects.get(title="Регional coordination")
    assert series.country_ru == "Узбекистан" and series.title_ru == "Региональная координация"
    assert response["Location"] == series.get_absolute_url()
    detail = client.get(series.get_absolute_url()).content.decode()
    assert reverse("meetings:series-update", args=[series.pk]) in detail

    response = client.post(
        reverse("meetings:series-update", args=[series.pk]),
        {
            "title": "Regional coordination",
            "convening_organization": convener.pk,
            "source_language": "en",
            "title_ru": "Региональная координация",
            "country": "Uzbekistan",
            "country_ru": "Узбекистан",
        },
    )
    assert response.status_code == 302
    series.refresh_from_db()
    assert series.title == "Regional coordination"
    assert series.translation_state("title", "ru") == OUTDATED  # the original changed, its translation did not


def test_a_series_title_already_taken_is_refused_with_a_clear_message(client, secretariat):
    taken = MeetingSeriesFactory(title="Taken")
    client.force_login(secretariat)
    response = client.post(
        reverse("meetings:series-create"), {"title": "taken", "convening_organization": taken.convening_organization_id}
    )
    assert response.status_code == 200
    assert "A series with this title already exists." in response.content.decode()


def test_the_secretariat_adds_and_translates_a_topic_in_the_portal(client, secretariat):
    client.force_login(secretariat)
    response = client.post(
        reverse("meetings:topic-create"),
        {"name": "Online recruitment", "source_language": "en", "name_ru": "Вербовка в интернете"},
    )
    assert response.status_code == 302
    topic = Topic.objects.get(name="Online recruitment")
    assert topic.name_ru == "Вербовка в интернете"
    read_in(client, "ru")
    assert "Вербовка в интернете" in visible_text(client.get(reverse("meetings:topic-list")))
    response = client.post(
        reverse("meetings:topic-update", args=[topic.pk]),
        {"name": "Online recruitment", "source_language": "en", "name_ru": "Вербовка онлайн"},
    )
    assert response.status_code == 302
    topic.refresh_from_db()
    assert topic.name_ru == "Вербовка онлайн"


def test_a_duplicate_topic_is_refused(client, secretariat):
    TopicFactory(name="Labour exploitation")
    client.force_login(secretariat)
    response = client.post(reverse("meetings:topic-create"), {"name": "labour  exploitation"})
    assert response.status_code == 200
    assert "A topic with this name already exists." in response.content.decode()


# Names across scripts


def test_a_latin_name_without_a_cyrillic_form_gets_one_suggested_but_not_stored(client, secretariat):
    contact = ContactFactory(name="Shukhrat Boboev", name_ru="", name_en="")
    client.force_login(secretariat)
    page = client.get(reverse("stakeholders:contact-update", args=[contact.pk])).content.decode()
    assert re.search(r'name="name_ru"[^>]*placeholder="Шухрат Бобоев"', page) or re.search(
        r'placeholder="Шухрат Бобоев"[^>]*name="name_ru"', page
    )
    assert "Suggested: Шухрат Бобоев" in page
    # Saved without typing it: nothing is stored as if someone had checked it.
    data = {
        "organization": contact.organization_id,
        "name": "Shukhrat Boboev",
        "position": "",
        "email": contact.email,
        "source_language": "en",
        "is_active": "on",
    }
    assert client.post(reverse("stakeholders:contact-update", args=[contact.pk]), data).status_code == 302
    assert Contact.objects.get(pk=contact.pk).name_ru == ""
    data["name_ru"] = "Шухрат Бобоев"
    client.post(reverse("stakeholders:contact-update", args=[contact.pk]), data)
    assert Contact.objects.get(pk=contact.pk).name_ru == "Шухрат Бобоев"
    page = client.get(reverse("stakeholders:contact-update", args=[contact.pk])).content.decode()
    assert "Suggested: Шухрат Бобоев" not in page


def test_a_cyrillic_name_gets_its_latin_forms_suggested(client, secretariat):
    contact = ContactFactory(name="Шухрат Бобоев", source_language="ru", name_en="", name_uz="", name_ru="")
    client.force_login(secretariat)
    page = client.get(reverse("stakeholders:contact-update", args=[contact.pk])).content.decode()
    assert "Suggested: Shukhrat Boboev" in page  # English
    assert "Suggested: Shuxrat Boboev" in page  # Uzbek Latin letters
    assert "Suggested: Шухрат" not in page


def test_the_demo_names_its_venue_countries_and_places_in_each_language(client, settings):
    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    from meetings.models import Meeting
    from stakeholders.models import Organization

    settings.DEBUG = True
    call_command("load_demo")
    call_command("load_demo")  # again: nothing changes, nothing is duplicated
    assert Place.objects.filter(name="Bukhara").count() == 1
    client.force_login(get_user_model().objects.get(username="participant"))
    fourth = Meeting.objects.get(number=4)
    mfa = Organization.objects.get(acronym="MFA")
    trainings = Activity.objects.get(title="Trainings for airport employees")
    read_in(client, "ru")
    assert "Ташкент" in visible_text(client.get(fourth.get_absolute_url()))
    assert "Узбекистан" in visible_text(client.get(mfa.get_absolute_url()))
    assert "Бухара, Фергана, Наманган" in visible_text(client.get(trainings.get_absolute_url()))
    read_in(client, "uz")
    assert "Toshkent" in visible_text(client.get(fourth.get_absolute_url()))
    assert "Oʻzbekiston" in visible_text(client.get(mfa.get_absolute_url()))
    assert "Buxoro, Fargʻona, Namangan" in visible_text(client.get(trainings.get_absolute_url()))


def test_the_calendar_feed_gives_an_activitys_places_in_the_readers_language(client, participant):
    from django.utils import timezone

    from common.quarter import Quarter

    today = timezone.localdate()
    quarter = Quarter.containing(today)
    ActivityFactory(starts_on=today, plan__year=quarter.year, plan__quarter_number=quarter.number, places=["Bukhara"])
    Place.objects.filter(name="Bukhara").update(name_ru="Бухара")
    client.force_login(participant)
    read_in(client, "ru")
    calendar = Calendar.from_ical(client.get("/calendar.ics").content)
    assert [str(event["location"]) for event in calendar.walk("VEVENT")] == ["Бухара"]
