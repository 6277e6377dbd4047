"""Texts not shown in the reader's language say so wherever they are read: pages, mail, the reply page, print and
calendar files (the note of common.i18n.reading, through the content_language tags); and Uzbek dates as Uzbek
writes them there."""

import datetime
import re

import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse
from icalendar import Calendar

from meetings import rsvp
from meetings.notifications import delivery
from meetings.notifications.approval import circulated_message
from tests.meetings.factories import (
    TASHKENT,
    ActionItemFactory,
    AgendaItemFactory,
    DecisionFactory,
    MeetingFactory,
    ParticipationFactory,
    StatementFactory,
)
from tests.stakeholders.factories import ContactFactory

pytestmark = pytest.mark.django_db

TITLE_BEING_UPDATED = "Язык оригинала: английский; перевод на русский обновляется."
NOT_TRANSLATED = "Язык оригинала: английский; перевода на русский пока нет."
TRANSLATION_NAMED = "Перевод; язык оригинала: английский."
BASE_URL = "https://portal.example.org"


@pytest.fixture(autouse=True)
def portal_address(settings):
    settings.PORTAL_BASE_URL = BASE_URL


def visible_text(response) -> str:
    assert response.status_code == 200, response.request["PATH_INFO"]
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", response.content.decode(), flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def read_in(client, language):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    return client


def retitled(meeting, title):
    """The English original changed after its translations were made: they are out of date."""
    meeting.title = title
    meeting.save()
    return meeting


def upcoming_meeting():
    start = datetime.datetime(2031, 6, 20, 10, tzinfo=TASHKENT)
    meeting = MeetingFactory(
        title="Fifth meeting",
        title_ru="Пятое заседание",
        title_uz="Beshinchi yigʻilish",
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=3),
        status="planned",
    )
    AgendaItemFactory(meeting=meeting, position=1, title="Opening remarks", title_ru="Вступительное слово")
    AgendaItemFactory(meeting=meeting, position=2, title="Shelter capacity")  # no translation
    return retitled(meeting, "Fifth coordination meeting")


def invited(meeting, language):
    contact = ContactFactory(preferred_language=language)
    ParticipationFactory(meeting=meeting, organization=contact.organization, contact=contact)
    return contact


def invitation_to(meeting, contact, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        delivery.send_invitations(meeting=meeting)
    [message] = [message for message in mail.outbox if message.to == [contact.email]]
    return message


def calendar_description(ics: bytes) -> str:
    [event] = Calendar.from_ical(ics).walk("VEVENT")
    return str(event["description"])


def test_an_invitation_says_which_texts_are_not_in_the_recipients_language(django_capture_on_commit_callbacks):
    """The Russian invitation showed the changed English title and the untranslated agenda item as they were."""
    meeting = upcoming_meeting()
    russian, english = invited(meeting, "ru"), invited(meeting, "en")

    message = invitation_to(meeting, russian, django_capture_on_commit_callbacks)

    assert "Fifth coordination meeting" in message.body
    assert f"[{TITLE_BEING_UPDATED}]" in message.body
    assert f"1. Вступительное слово (15 минут)\n2. Shelter capacity (15 минут)\n   [{NOT_TRANSLATED}]" in message.body
    [(html, _mimetype)] = message.alternatives
    assert TITLE_BEING_UPDATED in html and NOT_TRANSLATED in html
    assert "<details" not in html
    [part] = [part for part in message.message().walk() if part.get_content_type() == "text/calendar"]
    description = calendar_description(part.get_payload(decode=True))
    assert f"2. Shelter capacity\n   [{NOT_TRANSLATED}]" in description
    assert "1. Вступительное слово\n" in description

    english_message = invitation_to(meeting, english, django_capture_on_commit_callbacks)
    assert "[" not in english_message.body.split("Dear")[1].split("http")[0]


def test_minutes_mails_say_the_title_is_being_updated():
    meeting = retitled(MeetingFactory(title="Fourth meeting", title_ru="Четвёртое заседание"), "Fourth review")
    contact = ContactFactory(preferred_language="ru")
    for message in (
        delivery.minutes_message(meeting=meeting, contact=contact, correction=False),
        delivery.minutes_message(meeting=meeting, contact=contact, correction=True),
        circulated_message(meeting=meeting, contact=contact),
    ):
        assert f"[{TITLE_BEING_UPDATED}]" in message.body
        assert TITLE_BEING_UPDATED in message.alternatives[0][0]
    current = MeetingFactory(title="Fifth meeting", title_ru="Пятое заседание")
    message = delivery.minutes_message(meeting=current, contact=contact, correction=False)
    assert "Пятое заседание" in message.body and "[" not in message.body.split("http")[0]


def test_an_action_reminder_gives_the_action_in_the_recipients_language_or_says_why_not():
    """The reminder showed the action's stored title whatever the recipient's language."""
    from meetings.notifications.recipients import Reminder

    translated = ActionItemFactory(title="Share the report", title_ru="Поделиться отчётом")
    untranslated = ActionItemFactory(
        title="Train airport staff", responsible_organization=translated.responsible_organization
    )
    contact = ContactFactory(preferred_language="ru", organization=translated.responsible_organization)
    reminder = Reminder(contact=contact, actions=[translated, untranslated])
    message = delivery._reminder_message(reminder, datetime.date(2023, 1, 1))
    assert "Поделиться отчётом" in message.body and "Share the report" not in message.body
    assert f"Train airport staff\n  [{NOT_TRANSLATED}]" in message.body


def test_the_reply_page_says_the_title_is_being_updated(client):
    meeting = upcoming_meeting()
    contact = invited(meeting, "ru")
    page = visible_text(client.get(rsvp.rsvp_links(meeting=meeting, contact=contact)["accepted"]))
    assert "Fifth coordination meeting" in page and TITLE_BEING_UPDATED in page


def published_meeting():
    meeting = MeetingFactory(published=True, title="Fourth meeting", title_ru="Четвёртое заседание")
    item = AgendaItemFactory(
        meeting=meeting, position=1, title="Upcoming activities", title_ru="Предстоящие мероприятия"
    )
    StatementFactory(
        meeting=meeting, agenda_item=item, summary="We will train airport staff.", summary_ru="Мы обучим персонал."
    )
    StatementFactory(meeting=meeting, agenda_item=item, summary="Shelters need more beds.")
    decision = DecisionFactory(meeting=meeting, agenda_item=item, text="The platform endorses the plan.")
    action = ActionItemFactory(meeting=meeting, agenda_item=item, decision=decision, title="Count shelter beds")
    return meeting, decision, action


def test_print_names_the_original_language_instead_of_offering_to_open_it(client, participant):
    """The printed minutes showed a translated statement as if written in Russian, an untranslated one without a
    word, and would have printed the page's disclosure widget."""
    meeting, _decision, _action = published_meeting()
    client.force_login(participant)
    read_in(client, "ru")
    response = client.get(reverse("meetings:meeting-minutes-print", args=[meeting.pk]))
    text = visible_text(response)
    assert "Мы обучим персонал." in text and TRANSLATION_NAMED in text
    assert "Shelters need more beds." in text and NOT_TRANSLATED in text
    assert "The platform endorses the plan." in text
    assert "<details" not in response.content.decode()
    pdf = client.get(reverse("meetings:meeting-minutes-pdf", args=[meeting.pk]))
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"


def test_pages_give_statements_decisions_and_actions_the_note(client, participant):
    """Decisions on their own page, in the register and in the minutes, and actions on theirs, showed the stored
    text without saying it is not in the reader's language."""
    meeting, decision, action = published_meeting()
    client.force_login(participant)
    read_in(client, "ru")

    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "Мы обучим персонал." in page and "Оригинал (английский)" in page
    assert page.count(NOT_TRANSLATED) >= 3  # the untranslated statement, the decision, the action
    for url in (
        decision.get_absolute_url(),
        action.get_absolute_url(),
        reverse("meetings:register"),
    ):
        assert NOT_TRANSLATED in visible_text(client.get(url)), url

    read_in(client, "en")
    assert NOT_TRANSLATED not in client.get(meeting.get_absolute_url()).content.decode()


def test_the_register_shows_a_translated_decision_in_the_readers_language(client, participant):
    meeting = MeetingFactory(published=True)
    DecisionFactory(meeting=meeting, text="The platform endorses the plan.", text_ru="Платформа одобряет план.")
    client.force_login(participant)
    read_in(client, "ru")
    page = visible_text(client.get(reverse("meetings:register")))
    assert "Платформа одобряет план." in page and "endorses" not in page
    export = b"".join(client.get(reverse("meetings:register-export")).streaming_content).decode()
    assert "Платформа одобряет план." in export


def test_an_uzbek_reader_gets_uzbek_dates_in_mail_print_and_calendar(
    client, participant, django_capture_on_commit_callbacks
):
    """Uzbek dates read "20 iyun 2031" where Uzbek writes "2031-yil 20-iyun"."""
    meeting = upcoming_meeting()
    message = invitation_to(meeting, invited(meeting, "uz"), django_capture_on_commit_callbacks)
    assert "2031-yil 20-iyun, 10:00–13:00" in message.body
    assert "2031-yil 20-iyun" in message.alternatives[0][0]
    [part] = [part for part in message.message().walk() if part.get_content_type() == "text/calendar"]
    assert "2031-yil 20-iyun, 10:00–13:00, Toshkent vaqti (UTC+5)" in calendar_description(
        part.get_payload(decode=True)
    )

    client.force_login(participant)
    read_in(client, "uz")
    for url in (meeting.get_absolute_url(), reverse("meetings:meeting-agenda-print", args=[meeting.pk])):
        text = visible_text(client.get(url))
        assert "2031-yil 20-iyun" in text and "20 iyun 2031" not in text, url
    ics = client.get(reverse("meetings:meeting-calendar", args=[meeting.pk])).content
    assert "2031-yil 20-iyun, 10:00–13:00" in calendar_description(ics)

    published, _decision, _action = published_meeting()
    printed = visible_text(client.get(reverse("meetings:meeting-minutes-print", args=[published.pk])))
    assert f"{published.local_start.year}-yil" in printed
