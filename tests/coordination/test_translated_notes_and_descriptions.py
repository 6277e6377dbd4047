"""The last texts a participant reads that were not translatable: follow-up actions' progress notes and
descriptions, agenda items' descriptions and activities' target groups, in the reader's language (or the original
with a note while the translation is missing or out of date), on the meeting's translations page, and searched in
every language."""

import re

import pytest
from django.conf import settings
from django.urls import reverse

from activities.models import Activity
from common.i18n import CURRENT, fingerprint
from meetings.models import ActionUpdate
from tests.activities.factories import ActivityFactory, ActivityPlanFactory
from tests.meetings.factories import (
    ActionItemFactory,
    ActionUpdateFactory,
    AgendaItemFactory,
    MeetingFactory,
)
from tests.stakeholders.factories import OrganizationFactory, participant_user, secretariat_user

pytestmark = pytest.mark.django_db

NOT_TRANSLATED = "Язык оригинала: английский; перевода на русский пока нет."
BEING_UPDATED = "Язык оригинала: английский; перевод на русский обновляется."


def visible_text(response) -> str:
    """The page's text as read, without the originals folded behind a translation ("Original (English)")."""
    assert response.status_code == 200, response.request["PATH_INFO"]
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", response.content.decode(), flags=re.S)
    html = re.sub(r'<details class="small translation-original">.*?</details>', " ", html, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def read(client, user, url, language="ru") -> str:
    client.force_login(user)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    return visible_text(client.get(url))


def changed(record, field, text):
    """The English original changed after its translations were made: they are out of date."""
    record = type(record).objects.get(pk=record.pk)
    setattr(record, field, text)
    record.save()
    return record


def test_a_russian_reader_sees_an_actions_description_and_progress_notes_in_russian(client):
    action = ActionItemFactory(
        description="Agree the dates with the airport.", description_ru="Согласовать даты с аэропортом."
    )
    ActionUpdateFactory(action=action, note="Dates proposed.", note_ru="Даты предложены.", noted_on="2024-01-10")
    missing = ActionUpdateFactory(action=action, note="The airport replied.", noted_on="2024-01-11")
    outdated = ActionUpdateFactory(action=action, note="Two trainings held.", note_ru="Проведены два тренинга.")
    changed(outdated, "note", "Three trainings held.")

    page = read(client, participant_user(), action.get_absolute_url())
    assert "Согласовать даты с аэропортом." in page and "Agree the dates" not in page
    assert "Даты предложены." in page and "Dates proposed." not in page
    assert f"{missing.note} {NOT_TRANSLATED}" in page
    assert f"Three trainings held. {BEING_UPDATED}" in page and "Проведены два тренинга." not in page


def test_a_russian_reader_sees_the_agenda_items_descriptions_in_russian(client):
    meeting = MeetingFactory(published=True)
    AgendaItemFactory(
        meeting=meeting,
        position=1,
        description="Partners present their plans.",
        description_ru="Партнёры представляют свои планы.",
    )
    AgendaItemFactory(meeting=meeting, position=2, description="Shelters report their capacity.")

    reader = participant_user()
    page = read(client, reader, meeting.get_absolute_url())
    assert "Партнёры представляют свои планы." in page and "Partners present" not in page
    assert f"Shelters report their capacity. {NOT_TRANSLATED}" in page
    printed = read(client, reader, reverse("meetings:meeting-agenda-print", args=[meeting.pk]))
    assert "Партнёры представляют свои планы." in printed
    assert "Перевод; язык оригинала: английский." in printed


def test_the_latest_progress_of_a_carried_action_is_in_russian(client):
    action = ActionItemFactory()
    ActionUpdateFactory(action=action, note="Dates proposed.", note_ru="Даты предложены.")
    later = MeetingFactory(published=True)
    review = AgendaItemFactory(meeting=later, title="Review of follow-up actions", reviews_follow_up_actions=True)
    review.actions_to_review.add(action)

    page = read(client, secretariat_user(), later.get_absolute_url())
    assert "Даты предложены." in page and "Dates proposed." not in page
    assert "Dates proposed." in read(client, secretariat_user(), later.get_absolute_url(), "en")


def test_a_russian_reader_sees_the_activitys_target_group_in_russian(client):
    activity = ActivityFactory(target_group="Airport employees", target_group_ru="Сотрудники аэропортов")
    url = reverse("activities:activity-detail", args=[activity.pk])
    page = read(client, participant_user(), url)
    assert "Сотрудники аэропортов" in page and "Airport employees" not in page

    changed(activity, "target_group", "Airport and railway employees")
    page = read(client, participant_user(), url)
    assert f"Airport and railway employees {BEING_UPDATED}" in page and "Сотрудники аэропортов" not in page


def test_a_progress_note_written_in_russian_is_the_original(client):
    organization = OrganizationFactory()
    action = ActionItemFactory(responsible_organization=organization)
    writer = participant_user(organization=organization)
    client.force_login(writer)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ru"
    form = client.get(action.get_absolute_url()).content.decode()
    assert re.search(r'<option value="ru" selected>', form)  # the page's language unless the writer says
    response = client.post(
        reverse("meetings:action-update", args=[action.pk]),
        {
            "status": "in_progress",
            "noted_on": "2024-01-10",
            "note": "Даты согласованы.",
            "source_language": "ru",
            "version": action.version,
        },
    )
    assert response.status_code == 302
    update = ActionUpdate.objects.get(action=action)
    assert update.source_language == "ru"

    assert "Даты согласованы." in read(client, writer, action.get_absolute_url())
    english = read(client, writer, action.get_absolute_url(), "en")
    assert "Даты согласованы. Written in Russian; not yet translated into English." in english


def test_the_translations_page_offers_the_descriptions_and_the_reviews_notes(client):
    meeting = MeetingFactory(published=True)
    item = AgendaItemFactory(meeting=meeting, position=1, title="Opening", description="Welcome by the chair.")
    action = ActionItemFactory(meeting=meeting, reference_number=1, description="Book the hall.")
    review = ActionUpdateFactory(action=ActionItemFactory(), meeting=meeting, note="Continued to May.")
    url = reverse("meetings:meeting-translations", args=[meeting.pk])
    client.force_login(secretariat_user())
    page = client.get(url).content.decode()
    for key in (f"item:{item.pk}:description", f"action:{action.pk}:description", f"review:{review.pk}:note"):
        assert page.count(f'value="{key}"') == 2, key  # Russian and Uzbek
    assert "Item 1, description" in page
    assert f"Follow-up action {action.reference}, description" in page
    assert f"Review of follow-up action {review.action.reference}" in page

    response = client.post(
        url,
        {
            "text": f"review:{review.pk}:note",
            "language": "ru",
            "translation": "Продлено до мая.",
            "original": fingerprint("Continued to May."),
        },
    )
    assert response.status_code == 302
    assert ActionUpdate.objects.get(pk=review.pk).translation_state("note", "ru") == CURRENT


def test_the_forms_save_the_translations_of_descriptions_and_target_groups(client):
    client.force_login(secretariat_user())
    item = AgendaItemFactory(title="Opening")
    response = client.post(
        reverse("meetings:agenda-item-edit", args=[item.pk]),
        {
            "title": "Opening",
            "description": "Welcome by the chair.",
            "description_ru": "Приветствие председателя.",
            "version": item.meeting.version,
        },
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.description_ru == "Приветствие председателя."

    plan = ActivityPlanFactory(year=2024, quarter_number=1)
    response = client.post(
        reverse("activities:activity-create"),
        {
            "plan": plan.pk,
            "title": "Training of airport staff",
            "kind": "training",
            "starts_on": "2024-01-15",
            "lead_organization": OrganizationFactory().pk,
            "status": "planned",
            "target_group": "Airport employees",
            "target_group_ru": "Сотрудники аэропортов",
            "target_group_uz": "Aeroport xodimlari",
        },
    )
    assert response.status_code == 302
    activity = Activity.objects.get(title="Training of airport staff")
    assert (activity.target_group_ru, activity.target_group_uz) == ("Сотрудники аэропортов", "Aeroport xodimlari")


def test_russian_words_of_a_description_and_a_target_group_find_their_records(client):
    ActionItemFactory(title="Follow-up on shelters", description="Count beds.", description_ru="Посчитать койки.")
    ActivityFactory(title="Airport training", target_group="Airport employees", target_group_ru="Сотрудники аэропортов")
    client.force_login(secretariat_user())
    assert "Follow-up on shelters" in visible_text(client.get(reverse("search"), {"q": "койки"}))
    assert "Airport training" in visible_text(client.get(reverse("search"), {"q": "аэропортов"}))
