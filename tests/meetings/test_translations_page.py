"""The secretariat's translations to update, and what readers see while a translation is out of date."""

import pytest
from django.conf import settings
from django.urls import reverse

from common.i18n import CURRENT, fingerprint
from meetings.models import AgendaItem
from tests.meetings.factories import AgendaItemFactory, MeetingFactory, StatementFactory
from tests.stakeholders.factories import participant_user, secretariat_user

pytestmark = pytest.mark.django_db

SUMMARY = "Partners reviewed the plan for the third quarter."
CHANGED = "Partners reviewed and approved the plan for the third quarter."


@pytest.fixture
def item():
    meeting = MeetingFactory(published=True)
    return AgendaItemFactory(
        meeting=meeting,
        title="Ongoing activities",
        title_ru="Текущие мероприятия",
        title_uz="Amalga oshirilayotgan tadbirlar",
        discussion_summary=SUMMARY,
        discussion_summary_ru="Партнёры рассмотрели план на третий квартал.",
        discussion_summary_uz="Hamkorlar uchinchi chorak rejasini koʻrib chiqdi.",
    )


def _change_the_english(item):
    item = AgendaItem.objects.get(pk=item.pk)
    item.discussion_summary = CHANGED
    item.save()


def _page(client, user, url, language):
    client.force_login(user)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    return client.get(url)


def test_a_changed_english_summary_puts_both_translations_on_the_secretariats_list(client, item):
    url = reverse("meetings:meeting-translations", args=[item.meeting.pk])
    assert "item:" not in _page(client, secretariat_user(), url, "en").content.decode()  # all current
    _change_the_english(item)

    page = client.get(url).content.decode()
    key = f"item:{item.pk}:discussion_summary"
    assert page.count(f'value="{key}"') == 2  # Russian and Uzbek
    assert "Out of date" in page
    assert "<ins>and approved</ins>" in page  # what changed since it was translated

    russian_only = client.get(url, {"language": "ru"}).content.decode()
    assert russian_only.count(f'value="{key}"') == 1


def test_russian_readers_see_the_current_english_with_a_label_until_the_translation_is_saved(client, item):
    _change_the_english(item)
    reader = participant_user()
    meeting_url = item.meeting.get_absolute_url()
    page = _page(client, reader, meeting_url, "ru").content.decode()
    assert CHANGED in page
    assert "Партнёры рассмотрели план на третий квартал." not in page  # never the stale translation
    assert "Written in" not in page  # the label is in Russian
    assert "перевод на русский обновляется" in page

    client.force_login(secretariat_user())
    response = client.post(
        reverse("meetings:meeting-translations", args=[item.meeting.pk]),
        {
            "text": f"item:{item.pk}:discussion_summary",
            "language": "ru",
            "translation": "Партнёры рассмотрели и одобрили план на третий квартал.",
            "original": fingerprint(CHANGED),
        },
    )
    assert response.status_code == 302
    assert AgendaItem.objects.get(pk=item.pk).translation_state("discussion_summary", "ru") == CURRENT

    page = _page(client, reader, meeting_url, "ru").content.decode()
    assert "Партнёры рассмотрели и одобрили план на третий квартал." in page
    assert "перевод на русский обновляется" not in page
    assert "Оригинал (английский)" in page  # the original can be opened


def test_a_translation_of_an_original_that_changed_meanwhile_is_refused_and_kept_on_the_page(client, item):
    _change_the_english(item)
    client.force_login(secretariat_user())
    typed = "Партнёры рассмотрели план."
    response = client.post(
        reverse("meetings:meeting-translations", args=[item.meeting.pk]),
        {
            "text": f"item:{item.pk}:discussion_summary",
            "language": "ru",
            "translation": typed,
            "original": fingerprint(SUMMARY),  # what the translator saw before the change
        },
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "The original changed while you were translating it." in page
    assert typed in page
    assert AgendaItem.objects.get(pk=item.pk).discussion_summary_ru == "Партнёры рассмотрели план на третий квартал."


@pytest.mark.parametrize(
    "key",
    ["item:{other}:discussion_summary", "item:{item}:presenter", "user:1:password", "item:abc:title", "", "x" * 500],
)
def test_texts_of_other_meetings_and_other_fields_are_refused(client, item, key):
    other = AgendaItemFactory(discussion_summary="Elsewhere.")
    client.force_login(secretariat_user())
    response = client.post(
        reverse("meetings:meeting-translations", args=[item.meeting.pk]),
        {
            "text": key.format(other=other.pk, item=item.pk),
            "language": "ru",
            "translation": "Нет",
            "original": fingerprint("Elsewhere."),
        },
    )
    assert response.status_code == 200
    assert "part of the meeting" in response.content.decode()
    assert AgendaItem.objects.get(pk=other.pk).discussion_summary_ru == ""


def test_the_list_costs_the_same_queries_however_many_texts(client, django_assert_max_num_queries, item):
    for n in range(10):
        StatementFactory(meeting=item.meeting, agenda_item=item, summary=f"Remark {n}.")
    client.force_login(secretariat_user())
    with django_assert_max_num_queries(20):
        response = client.get(reverse("meetings:meeting-translations", args=[item.meeting.pk]))
    assert response.content.decode().count("Statement by") == 20  # ten statements, two languages each
