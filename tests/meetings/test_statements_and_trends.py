"""Statements that say whether they are quotations, illustrative records, month-only dates, the emerging-trends page."""

import csv
import datetime
import io
import re

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from activities.models import DatePrecision, PlanStatus
from meetings.models import MinutesStatus, StatementKind
from tests.activities.factories import ActivityFactory, ActivityPlanFactory
from tests.meetings.factories import (
    ActionItemFactory,
    AgendaItemFactory,
    DocumentFactory,
    MeetingFactory,
    StatementFactory,
    TopicFactory,
)
from tests.stakeholders.factories import ContactFactory

pytestmark = pytest.mark.django_db


def _quoted(content: str, text: str) -> bool:
    """``text`` opens a blockquote (inside the inline element that marks its language, if any)."""
    return re.search(r"<blockquote[^>]*>\s*(?:<span[^>]*>)?\W*" + re.escape(text), content) is not None


# Statements: verbatim or summary, with a source


def test_a_verbatim_statement_needs_a_source():
    statement = StatementFactory.build(
        meeting=MeetingFactory(), speaker=ContactFactory(), kind=StatementKind.VERBATIM, source_title=""
    )
    statement.organization = statement.speaker.organization
    with pytest.raises(ValidationError) as error:
        statement.full_clean()
    assert "kind" in error.value.message_dict
    statement.source_title = "Press release"
    statement.full_clean()


def test_a_source_document_must_belong_to_the_meeting_and_a_link_needs_a_title():
    meeting = MeetingFactory()
    statement = StatementFactory.build(meeting=meeting, speaker=ContactFactory(), source_document=DocumentFactory())
    statement.organization = statement.speaker.organization
    with pytest.raises(ValidationError) as error:
        statement.full_clean()
    assert "source_document" in error.value.message_dict
    statement.source_document = DocumentFactory(meeting=meeting)
    statement.source_url = "https://example.org/news"
    with pytest.raises(ValidationError) as error:
        statement.full_clean()
    assert "source_title" in error.value.message_dict


def test_only_verbatim_text_is_shown_as_a_quotation(client, participant):
    meeting = MeetingFactory(published=True)
    document = DocumentFactory(meeting=meeting, title="Verbatim record")
    StatementFactory(meeting=meeting, summary="Exact words said", kind=StatementKind.VERBATIM, source_document=document)
    StatementFactory(meeting=meeting, summary="She said that more was needed", source_title="Press release", position=2)
    client.force_login(participant)
    for url in (meeting.get_absolute_url(), reverse("meetings:meeting-minutes-print", args=[meeting.pk])):
        content = client.get(url).content.decode()
        assert _quoted(content, "Exact words said"), url
        assert "Verbatim record" in content
        assert not _quoted(content, "She said that more was needed"), url
        assert "She said that more was needed" in content
        assert "summary, not a quotation" in content
        assert "Press release" in content


def test_the_statement_form_records_the_kind_and_source(client, secretariat):
    meeting = MeetingFactory()
    speaker = ContactFactory()
    client.force_login(secretariat)
    url = reverse("meetings:statement-create", args=[meeting.pk])
    data = {"speaker": speaker.pk, "summary": "Our words", "kind": StatementKind.VERBATIM}
    response = client.post(url, data)
    assert response.status_code == 200
    assert "kind" in response.context["form"].errors
    response = client.post(url, {**data, "source_url": "not a link", "source_title": "X"})
    assert response.status_code == 200
    assert "source_url" in response.context["form"].errors
    response = client.post(url, {**data, "source_url": "https://example.org/a", "source_title": "Article"})
    assert response.status_code == 302
    statement = meeting.statements.get()
    assert (statement.kind, statement.source_title) == (StatementKind.VERBATIM, "Article")


def test_a_statement_posted_without_a_kind_is_a_summary(client, secretariat):
    meeting = MeetingFactory()
    client.force_login(secretariat)
    response = client.post(
        reverse("meetings:statement-create", args=[meeting.pk]), {"speaker": ContactFactory().pk, "summary": "Gist"}
    )
    assert response.status_code == 302
    assert meeting.statements.get().kind == StatementKind.SUMMARY


# Illustrative records carry a badge


def test_illustrative_meeting_and_action_are_badged(client, participant, organization):
    meeting = MeetingFactory(published=True, is_illustrative=True)
    action = ActionItemFactory(meeting=meeting, is_illustrative=True, responsible_organization=organization)
    plain = ActionItemFactory(meeting=meeting, title="A real follow-up")
    client.force_login(participant)
    for url in (
        meeting.get_absolute_url(),
        reverse("meetings:action-list"),
        action.get_absolute_url(),
        reverse("dashboard"),
    ):
        content = client.get(url).content.decode()
        assert f'data-illustrative="action-{action.pk}"' in content, url
        assert f'data-illustrative="action-{plain.pk}"' not in content
    content = client.get(meeting.get_absolute_url()).content.decode()
    assert f'data-illustrative="meeting-{meeting.pk}"' in content
    content = client.get(reverse("meetings:meeting-agenda-print", args=[meeting.pk])).content.decode()
    assert f'data-illustrative="meeting-{meeting.pk}"' in content
    export = b"".join(client.get(reverse("meetings:action-export", args=["csv"])).streaming_content).decode("utf-8-sig")
    header, *rows = list(csv.reader(io.StringIO(export)))
    flag = header.index("Illustrative example")
    assert {row[1]: row[flag] for row in rows} == {action.title: "yes", plain.title: ""}
    number = header.index("Number")
    assert {row[1]: row[number] for row in rows} == {action.title: action.reference, plain.title: plain.reference}


# Dates known only to the month


def test_a_month_only_date_is_stored_as_the_month_and_shown_as_the_month(client, participant, organization):
    plan = ActivityPlanFactory(year=2023, quarter_number=4)
    activity = ActivityFactory.build(
        plan=plan,
        starts_on=datetime.date(2023, 11, 17),
        date_precision=DatePrecision.MONTH,
        lead_organization=organization,
    )
    activity.full_clean()
    assert activity.starts_on == datetime.date(2023, 11, 1)
    activity.save()
    assert activity.last_day == datetime.date(2023, 11, 30)
    client.force_login(participant)
    content = client.get(activity.get_absolute_url()).content.decode()
    assert "November 2023" in content
    assert "1 Nov 2023" not in content
    export = b"".join(client.get(reverse("activities:activity-export", args=["csv"])).streaming_content).decode()
    assert '"2023-11",' in export  # every CSV field is quoted


def test_a_month_only_date_has_no_last_day():
    activity = ActivityFactory(date_precision=DatePrecision.MONTH, starts_on=datetime.date(2023, 11, 1))
    activity.ends_on = datetime.date(2023, 11, 30)
    with pytest.raises(ValidationError):
        activity.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        activity.save()


def test_a_plan_discussed_at_a_meeting_says_so(client, participant):
    meeting = MeetingFactory(number=3)
    plan = ActivityPlanFactory(year=2023, quarter_number=3, status=PlanStatus.DISCUSSED, endorsed_at=meeting)
    ActivityFactory(plan=plan)
    client.force_login(participant)
    content = client.get(reverse("activities:activity-list") + "?quarter=2023-Q3").content.decode()
    assert "discussed at the" in content
    assert "endorsed at the" not in content


# The emerging-trends page


@pytest.fixture
def trends_world():
    meeting = MeetingFactory(published=True)
    draft = MeetingFactory(series=meeting.series, minutes_status=MinutesStatus.DRAFT)
    trend = TopicFactory(name="Recruitment online", is_emerging_trend=True)
    TopicFactory(name="Not a trend", is_emerging_trend=False)
    AgendaItemFactory(meeting=meeting, title="Trends item").topics.add(trend)
    StatementFactory(meeting=meeting, summary="Published remark").topics.add(trend)
    StatementFactory(meeting=draft, summary="Draft remark").topics.add(trend)
    ActivityFactory(plan=ActivityPlanFactory(series=meeting.series), title="Trend activity").topics.add(trend)
    return meeting.series


def test_the_trends_page_shows_where_each_trend_came_up(client, participant, secretariat, trends_world):
    url = reverse("activities:series-trends", args=[trends_world.pk])
    client.force_login(participant)
    content = client.get(url).content.decode()
    for text in ("Recruitment online", "Trends item", "Published remark", "Trend activity"):
        assert text in content
    assert "Not a trend" not in content
    assert "Draft remark" not in content  # draft minutes reach the secretariat only
    client.force_login(secretariat)
    assert "Draft remark" in client.get(url).content.decode()


def test_the_trends_page_is_linked_from_the_series_pages(client, participant, trends_world):
    client.force_login(participant)
    url = reverse("activities:series-trends", args=[trends_world.pk])
    for page in (trends_world.get_absolute_url(), reverse("activities:series-timeline", args=[trends_world.pk])):
        assert f'href="{url}"' in client.get(page).content.decode()


def test_the_trends_page_is_for_logged_in_readers(client, trends_world):
    url = reverse("activities:series-trends", args=[trends_world.pk])
    assert client.get(url).status_code == 302
    assert client.get(reverse("activities:series-trends", args=[999999])).status_code in (302, 404)


@pytest.mark.parametrize("rows", [1, 12])
def test_the_trends_page_queries_do_not_grow_with_rows(client, participant, django_assert_max_num_queries, rows):
    meeting = MeetingFactory(published=True)
    plan = ActivityPlanFactory(series=meeting.series)
    for n in range(rows):
        trend = TopicFactory(name=f"Trend {n}", is_emerging_trend=True)
        AgendaItemFactory(meeting=meeting).topics.add(trend)
        StatementFactory(meeting=meeting).topics.add(trend)
        ActivityFactory(plan=plan).topics.add(trend)
    client.force_login(participant)
    with django_assert_max_num_queries(12):
        assert client.get(reverse("activities:series-trends", args=[meeting.series_id])).status_code == 200
