"""A number followed by a noun takes the noun's plural form for that number: "1 agenda item", "2 agenda items";
in Russian "1 пункт", "2 пункта", "5 пунктов" (ngettext and `{% blocktranslate count %}`, with the catalogues'
plural forms)."""

import datetime

import pytest
from django.conf import settings
from django.contrib.messages import get_messages
from django.urls import reverse

from meetings.models import MeetingFormat
from tests.meetings.factories import TASHKENT, AgendaItemFactory, MeetingFactory, MeetingSeriesFactory
from tests.stakeholders.factories import OrganizationFactory

pytestmark = pytest.mark.django_db


def _prepare_next(client, items: int, members: int, language: str = "en") -> str:
    """Prepares the meeting after one held with `items` standing agenda items in a series of `members`; the message."""
    series = MeetingSeriesFactory()
    series.members.set(OrganizationFactory.create_batch(members))
    held = MeetingFactory(series=series, number=4, starts_at=datetime.datetime(2024, 1, 10, 10, tzinfo=TASHKENT))
    for position in range(1, items + 1):
        AgendaItemFactory(meeting=held, position=position, is_standing=True)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    data = {
        "date": "2030-03-05",
        "start_time": "10:00",
        "end_time": "13:00",
        "copy_standing_items": "on",
        "copy_invitations": "on",
        "format": MeetingFormat.IN_PERSON,
        "venue": "Tashkent",
    }
    response = client.post(reverse("meetings:meeting-prepare-next", args=[series.pk]), data)
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    return " ".join(str(message) for message in get_messages(response.wsgi_request))


def test_a_meeting_prepared_with_one_agenda_item_says_one_agenda_item(client, secretariat):
    """Bug: "1 agenda items and 1 organisations invited"."""
    client.force_login(secretariat)
    message = _prepare_next(client, items=1, members=1)
    assert "1 agenda item and 1 organisation invited." in message
    message = _prepare_next(client, items=2, members=3)
    assert "2 agenda items and 3 organisations invited." in message


@pytest.mark.parametrize(
    ("count", "items", "organizations"),
    [
        (1, "1 пункт повестки", "приглашена 1 организация"),
        (2, "2 пункта повестки", "приглашены 2 организации"),
        (5, "5 пунктов повестки", "приглашено 5 организаций"),
    ],
)
def test_in_russian_the_counts_take_the_form_for_their_number(client, secretariat, count, items, organizations):
    client.force_login(secretariat)
    message = _prepare_next(client, items=count, members=count, language="ru")
    assert f"{items} и {organizations}." in message


@pytest.mark.parametrize(
    ("minutes", "language", "expected"),
    [
        (1, "en", "Planned time: 1 minute."),
        (45, "en", "Planned time: 45 minutes."),
        (1, "ru", "Запланированное время: 1 минута."),
        (2, "ru", "Запланированное время: 2 минуты."),
        (5, "ru", "Запланированное время: 5 минут."),
        (21, "ru", "Запланированное время: 21 минута."),
    ],
)
def test_the_agendas_planned_time_takes_the_form_for_its_number(client, participant, minutes, language, expected):
    meeting = MeetingFactory()
    AgendaItemFactory(meeting=meeting, planned_minutes=minutes)
    client.force_login(participant)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    assert expected in client.get(meeting.get_absolute_url()).content.decode()
    assert expected in client.get(reverse("meetings:meeting-agenda-print", args=[meeting.pk])).content.decode()
