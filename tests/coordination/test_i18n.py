"""English, Russian and Uzbek: the language switcher, the remembered choice, Accept-Language, localized content."""

import datetime
import re

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from common.i18n import localized
from meetings.models import ordinal
from tests.activities.factories import ActivityFactory
from tests.meetings.factories import TASHKENT, AgendaItemFactory, MeetingFactory
from tests.meetings.page_forms import confirm_send
from tests.stakeholders.factories import FACTORY_PASSWORD, participant_user, secretariat_user

NAV_LABELS = ["Meetings", "Actions", "Activities", "Organisations", "Series", "Log out"]
# A few strings of every page's header, as each language says them.
NAV = {
    "ru": ["Заседания", "Поручения", "Мероприятия", "Организации", "Серия", "Выйти"],
    "uz": ["Yigʻilishlar", "Topshiriqlar", "Tadbirlar", "Tashkilotlar", "Turkum", "Chiqish"],
}
# One heading of each main page, per language.
PAGES = {
    "dashboard": ("/", {"ru": "Главная", "uz": "Bosh sahifa"}),
    "meetings:meeting-list": ("/meetings/", {"ru": "Заседания", "uz": "Yigʻilishlar"}),
    "meetings:action-list": ("/actions/", {"ru": "Поручения", "uz": "Topshiriqlar"}),
    "activities:activity-list": (
        "/activities/",
        {"ru": "Квартальные планы мероприятий", "uz": "Choraklik tadbirlar rejalari"},
    ),
    "stakeholders:organization-list": ("/organizations/", {"ru": "Организации", "uz": "Tashkilotlar"}),
    "meetings:series-list": ("/series/", {"ru": "По всей серии", "uz": "Butun turkum boʻyicha"}),
    "search": ("/search/?q=Bukhara", {"ru": "Поиск", "uz": "Qidiruv"}),
    "calendar": ("/calendar/", {"ru": "Заседания в вашем календаре", "uz": "Taqvimingizdagi yigʻilishlar"}),
}


def html_lang(response) -> str:
    return re.search(r'<html lang="([\w-]+)"', response.content.decode()).group(1)


def visible_text(response) -> str:
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", response.content.decode(), flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


@pytest.fixture
def meeting(db):
    meeting = MeetingFactory(
        title="Fourth coordination meeting",
        title_ru="Четвёртое координационное заседание",
        starts_at=datetime.datetime(2023, 6, 20, 10, tzinfo=TASHKENT),
        ends_at=datetime.datetime(2023, 6, 20, 13, tzinfo=TASHKENT),
    )
    AgendaItemFactory(meeting=meeting, title="Emerging trends", title_uz="Yangi tendensiyalar")
    return meeting


@pytest.mark.django_db
def test_accept_language_sets_the_language_of_the_first_visit(client):
    response = client.get(reverse("login"), headers={"accept-language": "ru,en;q=0.5"})
    assert response.status_code == 200
    assert html_lang(response) == "ru"
    assert '<h1 class="h3 mb-3">Вход</h1>' in response.content.decode()
    response = client.get(reverse("login"), headers={"accept-language": "uz"})
    assert html_lang(response) == "uz"
    assert "Parolni unutdingizmi?" in response.content.decode()


@pytest.mark.django_db
def test_login_page_has_the_switcher_and_english_is_the_default(client):
    response = client.get(reverse("login"))
    page = response.content.decode()
    assert html_lang(response) == "en"
    assert f'action="{reverse("set_language")}"' in page
    for code, _name in settings.LANGUAGES:
        assert f'name="language" value="{code}"' in page


@pytest.mark.django_db
def test_anonymous_choice_is_kept_in_the_cookie(client):
    response = client.post(reverse("set_language"), {"language": "uz", "next": reverse("login")})
    assert response.status_code == 302
    assert response["Location"] == reverse("login")
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "uz"
    page = client.get(reverse("login"))
    assert html_lang(page) == "uz"
    assert "Kirish" in visible_text(page)


@pytest.mark.django_db
def test_switching_is_post_only_and_ignores_unknown_languages(client, participant):
    client.force_login(participant)
    assert client.get(reverse("set_language")).status_code == 405
    client.post(reverse("set_language"), {"language": "xx", "next": "/"})
    participant.contact.refresh_from_db()
    assert participant.contact.preferred_language == "en"
    assert settings.LANGUAGE_COOKIE_NAME not in client.cookies


@pytest.mark.django_db
def test_logged_in_choice_is_stored_in_the_cookie_and_the_profile(client, participant):
    client.force_login(participant)
    response = client.post(reverse("set_language"), {"language": "ru", "next": "/"})
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "ru"
    participant.contact.refresh_from_db()
    assert participant.contact.preferred_language == "ru"
    page = client.get("/")
    assert html_lang(page) == "ru"
    assert "Главная" in visible_text(page)


@pytest.mark.django_db
def test_login_brings_back_the_language_stored_in_the_profile(client, participant):
    participant.contact.preferred_language = "uz"
    participant.contact.save()
    response = client.post(reverse("login"), {"username": participant.username, "password": FACTORY_PASSWORD})
    assert response.status_code == 302
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "uz"
    page = client.get("/")
    assert html_lang(page) == "uz"
    assert "Bosh sahifa" in visible_text(page)


@pytest.mark.django_db
def test_a_language_picked_on_the_login_page_wins_and_is_saved(client, participant):
    participant.contact.preferred_language = "uz"
    participant.contact.save()
    client.post(reverse("set_language"), {"language": "ru", "next": reverse("login")})
    client.post(reverse("login"), {"username": participant.username, "password": FACTORY_PASSWORD})
    participant.contact.refresh_from_db()
    assert participant.contact.preferred_language == "ru"
    assert html_lang(client.get("/")) == "ru"


@pytest.mark.django_db
def test_a_never_chosen_profile_leaves_accept_language_in_charge(client, participant):
    client.post(
        reverse("login"),
        {"username": participant.username, "password": FACTORY_PASSWORD},
        headers={"accept-language": "ru"},
    )
    assert html_lang(client.get("/", headers={"accept-language": "ru"})) == "ru"
    participant.contact.refresh_from_db()
    assert participant.contact.preferred_language == "en"


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["ru", "uz"])
@pytest.mark.parametrize("role", ["secretariat", "participant"])
def test_main_pages_are_translated_for_every_role(client, meeting, language, role):
    user = secretariat_user(username=f"sec-{language}") if role == "secretariat" else participant_user()
    client.force_login(user)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    pages = {
        **PAGES,
        "meetings:meeting-detail": (meeting.get_absolute_url(), {"ru": "Повестка дня", "uz": "Kun tartibi"}),
    }
    for name, (url, heading) in pages.items():
        response = client.get(url)
        assert response.status_code == 200, name
        assert html_lang(response) == language, name
        text = visible_text(response)
        assert heading[language] in text, name
        for label in NAV[language]:
            assert label in text, (name, label)
        nav = response.content.decode().split('<main id="main"')[0]
        for label in NAV_LABELS:
            assert f">{label}<" not in nav, (name, label)


@pytest.mark.django_db
def test_secretariat_pages_are_translated(client, meeting, secretariat):
    client.force_login(secretariat)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ru"
    expected = {
        reverse("meetings:meeting-edit", args=[meeting.pk]): "Изменить заседание № ",
        reverse("meetings:meeting-agenda", args=[meeting.pk]): "Повестка дня заседания № ",
        reverse("meetings:meeting-participants", args=[meeting.pk]): "Участники заседания № ",
        reverse("meetings:meeting-minutes-edit", args=[meeting.pk]): "Протокол заседания № ",
        reverse("meetings:meeting-history", args=[meeting.pk]): "История заседания № ",
    }
    for url, heading in expected.items():
        response = client.get(url)
        assert response.status_code == 200, url
        assert heading in visible_text(response), url


@pytest.mark.django_db
def test_meeting_page_shows_dates_and_content_in_the_language(client, meeting, participant):
    client.force_login(participant)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ru"
    text = visible_text(client.get(meeting.get_absolute_url()))
    assert "20 июня 2023 г., 10:00–13:00" in text
    assert "Четвёртое координационное заседание" in text
    assert "Emerging trends" in text  # no Russian version: the original

    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "uz"
    text = visible_text(client.get(meeting.get_absolute_url()))
    assert "Fourth coordination meeting" in text  # no Uzbek title: the original
    assert "Yangi tendensiyalar" in text
    assert f"{meeting.number}-yigʻilish" in text

    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    text = visible_text(client.get(meeting.get_absolute_url()))
    assert "Tuesday, 20 June 2023, 10:00–13:00" in text
    assert "Четвёртое" not in text


@pytest.mark.django_db
def test_localized_falls_back_to_the_original():
    activity = ActivityFactory(title="Training of border guards", title_ru="Тренинг пограничников")
    with translation.override("ru"):
        assert localized(activity, "title") == "Тренинг пограничников"
        assert str(activity) == "Тренинг пограничников"
    with translation.override("uz"):
        assert localized(activity, "title") == "Training of border guards"
    with translation.override("en"):
        assert localized(activity, "description") == activity.description


def test_ordinals_per_language():
    with translation.override("en"):
        assert [ordinal(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 22)] == [
            "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd",
        ]  # fmt: skip
    with translation.override("ru"):
        assert ordinal(4) == "4"
    with translation.override("uz"):
        assert ordinal(4) == "4-"


@pytest.mark.django_db
def test_choices_and_messages_are_translated(client, secretariat, meeting):
    client.force_login(secretariat)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "uz"
    response = confirm_send(client, reverse("meetings:meeting-minutes-publish", args=[meeting.pk]))
    response = client.get(response["Location"])
    text = visible_text(response)
    assert "Bayonnoma eʼlon qilindi" in text
    assert "Oʻtkazilgan" in visible_text(client.get(meeting.get_absolute_url()))  # MeetingStatus.HELD
