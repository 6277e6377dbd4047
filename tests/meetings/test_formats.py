"""Dates, zones, numbers and words on the meeting pages, in print and on the activity page, per language."""

import datetime
import re
import zoneinfo
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone, translation

from common.roles import FOCAL_POINT
from meetings import services
from meetings.models import Meeting, OrganizationReply
from tests.activities.factories import ActivityFactory, ActivityReviewFactory
from tests.meetings.factories import (
    TASHKENT,
    ActionItemFactory,
    ActionUpdateFactory,
    AgendaItemFactory,
    DecisionFactory,
    MeetingFactory,
    ParticipationFactory,
)
from tests.stakeholders.factories import participant_user

pytestmark = pytest.mark.django_db


def visible_text(response) -> str:
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", response.content.decode(), flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def in_language(client, language):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    return client


def june_meeting(**kwargs):
    start = datetime.datetime(2023, 6, 20, 10, tzinfo=TASHKENT)
    return MeetingFactory(starts_at=start, ends_at=start + datetime.timedelta(hours=3), **kwargs)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "20 June 2023, 10:00–13:00, Tashkent time (UTC+5)"),
        ("ru", "20 июня 2023 г., 10:00–13:00, ташкентское время (UTC+5)"),
        ("uz", "2023-yil 20-iyun, 10:00–13:00, Toshkent vaqti (UTC+5)"),
    ],
)
def test_meeting_page_names_the_zone_in_words(client, participant, language, expected):
    meeting = june_meeting(time_zone="Asia/Tashkent")
    client.force_login(participant)
    text = visible_text(in_language(client, language).get(meeting.get_absolute_url()))
    assert expected in text
    assert "Asia/Tashkent" not in text


def test_a_meeting_in_another_zone_is_shown_at_its_own_time(client, participant):
    """The page converted the times to the portal's zone but labelled them with the meeting's: 12:00 read 14:00."""
    moscow = zoneinfo.ZoneInfo("Europe/Moscow")
    start = datetime.datetime(2023, 6, 20, 12, tzinfo=moscow)
    meeting = MeetingFactory(starts_at=start, ends_at=start + datetime.timedelta(hours=2), time_zone="Europe/Moscow")
    client.force_login(participant)
    text = visible_text(in_language(client, "en").get(meeting.get_absolute_url()))
    assert "20 June 2023, 12:00–14:00, Moscow time (UTC+3)" in text


@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", "1 December 2026, 08:35"), ("ru", "1 декабря 2026 г., 08:35"), ("uz", "2026-yil 1-dekabr, 08:35")],
)
def test_history_shows_human_timestamps(client, secretariat, language, expected):
    meeting = june_meeting()
    moment = datetime.datetime(2026, 12, 1, 3, 35, 39, 692079, tzinfo=datetime.UTC)  # 08:35 in Tashkent
    Meeting.history.filter(id=meeting.pk).update(history_date=moment)
    meeting.announced_at = moment
    meeting.save()
    client.force_login(secretariat)
    text = visible_text(in_language(client, language).get(reverse("meetings:meeting-history", args=[meeting.pk])))
    assert expected in text
    assert "692079" not in text and "+00:00" not in text and "2026-12-01" not in text


def test_screen_and_print_name_the_decisions_alike(client, participant):
    meeting = june_meeting(published=True)
    DecisionFactory(meeting=meeting)
    client.force_login(participant)
    for language, word in [("en", "Decisions"), ("ru", "Решения"), ("uz", "Qarorlar")]:
        in_language(client, language)
        screen = client.get(meeting.get_absolute_url()).content.decode()
        printed = client.get(reverse("meetings:meeting-minutes-print", args=[meeting.pk])).content.decode()
        # One partial (the record per agenda item) shows the minutes on screen and in print.
        heading = rf'<p class="[^"]*record-heading"[^>]*>{word}</p>'
        assert re.search(heading, screen), language
        assert re.search(heading, printed), language
    assert "Outcomes" not in printed and "Итоги" not in printed


@pytest.mark.parametrize(
    ("language", "reached", "range_text"),
    [
        ("en", "12,345", "20–21 February 2024"),
        ("ru", "12\xa0345", "20–21 февраля 2024 г."),
        ("uz", "12\xa0345", "2024-yil 20–21-fevral"),
    ],
)
def test_activity_page_numbers_and_range(client, participant, language, reached, range_text):
    activity = ActivityFactory(
        plan__year=2024,
        plan__quarter_number=1,
        starts_on=datetime.date(2024, 2, 20),
        ends_on=datetime.date(2024, 2, 21),
        people_reached=12345,
    )
    ActivityReviewFactory(activity=activity, people_reached=12345)
    client.force_login(participant)
    content = in_language(client, language).get(activity.get_absolute_url()).content.decode()
    text = visible_text(in_language(client, language).get(activity.get_absolute_url()))
    assert reached in content.replace("&nbsp;", "\xa0")
    assert range_text in text
    assert "21.02.2024" not in text


def test_meeting_form_offers_zones_by_name(client, secretariat):
    meeting = june_meeting()
    client.force_login(secretariat)
    content = in_language(client, "en").get(reverse("meetings:meeting-edit", args=[meeting.pk])).content.decode()
    assert re.search(r'<option value="Asia/Tashkent"[^>]*>Tashkent time \(UTC\+5\)</option>', content)
    assert re.search(r'<option value="Europe/Berlin"[^>]*>Europe/Berlin \(UTC\+2\)</option>', content)


def test_an_action_update_names_its_day_in_words():
    """Its text read "…: Open on 2023-11-06", the ISO date."""
    update = ActionUpdateFactory(action=ActionItemFactory(title="Share practice"), noted_on=datetime.date(2023, 11, 6))
    with translation.override("en"):
        assert str(update).endswith("on 6 November 2023")
    with translation.override("uz"):
        assert "2023-yil 6-noyabr" in str(update)


def test_a_russian_date_ending_a_sentence_has_one_full_stop(client, participant):
    """ "Опубликован 24 октября 2023 г.." — the date's "г." ends the sentence."""
    meeting = june_meeting(published=True)
    client.force_login(participant)
    screen = visible_text(in_language(client, "ru").get(meeting.get_absolute_url()))
    printed = visible_text(client.get(reverse("meetings:meeting-minutes-print", args=[meeting.pk])))
    assert "Опубликован 20 июня 2023 г." in screen
    assert "Протокол опубликован 20 июня 2023 г." in printed
    assert "г.." not in screen and "г.." not in printed


def test_preparing_the_next_meeting_names_the_zone_of_its_times(client, secretariat):
    meeting = june_meeting(time_zone="Asia/Tashkent")
    client.force_login(secretariat)
    text = visible_text(
        in_language(client, "uz").get(reverse("meetings:meeting-prepare-next", args=[meeting.series.pk]))
    )
    assert "Toshkent vaqti (UTC+5)" in text


def test_the_minutes_editor_gives_due_dates_in_the_portals_style(client, secretariat):
    """Bug: the minutes editor wrote "Due 31 Mar 2027" where every other page writes "31 March 2027"."""
    meeting = june_meeting()
    item = AgendaItemFactory(meeting=meeting, title="Review of follow-up actions", reviews_follow_up_actions=True)
    ActionItemFactory(meeting=meeting, agenda_item=item, title="Train airport staff", due_on=datetime.date(2027, 3, 31))
    carried = ActionItemFactory(title="Share the report", due_on=datetime.date(2027, 4, 30))
    item.actions_to_review.add(carried)
    client.force_login(secretariat)
    for language, agreed, reviewed in [
        ("en", "Due 31 March 2027", "Due 30 April 2027"),
        ("ru", "31 марта 2027 г.", "30 апреля 2027 г."),
        ("uz", "2027-yil 31-mart", "2027-yil 30-aprel"),
    ]:
        text = visible_text(
            in_language(client, language).get(reverse("meetings:meeting-minutes-edit", args=[meeting.pk]))
        )
        assert agreed in text and reviewed in text, language
        assert "31.03.2027" not in text and "Mar 2027" not in text


def test_the_organisations_answer_gives_its_day_in_the_portals_uzbek_style(client, organization):
    """Bug: the line read "7 Dekabr 2026" (Django's capitalised month) where the portal writes "2026-yil 7-dekabr"."""
    focal_point = participant_user(organization=organization, username="focal")
    focal_point.groups.set([Group.objects.get(name=FOCAL_POINT)])
    start = timezone.now() + datetime.timedelta(days=9)
    meeting = MeetingFactory(status="planned", starts_at=start, ends_at=start + datetime.timedelta(hours=3))
    ParticipationFactory(meeting=meeting, organization=organization)
    services.answer_for_organization(meeting=meeting, organization=organization, answer="declined", user=focal_point)
    OrganizationReply.objects.update(answered_at=datetime.datetime(2026, 12, 7, 11, 30, tzinfo=TASHKENT))
    client.force_login(focal_point)
    in_language(client, "uz")
    for url in (meeting.get_absolute_url(), reverse("meetings:meeting-organization-reply", args=[meeting.pk])):
        text = visible_text(client.get(url))
        assert "2026-yil 7-dekabr, 11:30" in text, url
        assert "Dekabr" not in text


def test_no_template_formats_a_date_with_djangos_date_filter():
    """Dates shown to people go through the `formatting` filters (one style per language), never `|date`."""
    templates = Path(settings.BASE_DIR) / "templates"
    offenders = [
        f"{path.relative_to(templates)}:{number}"
        for path in sorted(templates.rglob("*.html")) + sorted(templates.rglob("*.txt"))
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if re.search(r"\|\s*date\b", line)
    ]
    assert not offenders, offenders
