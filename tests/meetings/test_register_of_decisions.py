"""The register of decisions and follow-up actions across all series (/register/) and its CSV download."""

import csv
import datetime
import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from meetings.models import ActionItem, Decision
from tests.meetings.factories import ActionItemFactory, DecisionFactory, MeetingFactory, MeetingSeriesFactory
from tests.stakeholders.factories import OrganizationFactory

pytestmark = pytest.mark.django_db

REGISTER = reverse("meetings:register")
EXPORT = reverse("meetings:register-export")


def references(response):
    return [entry["reference"] for entry in response.context["entries"]]


def csv_rows(response):
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


def test_the_demo_decisions_and_actions_of_both_meetings_with_their_numbers(client, settings, participant):
    settings.DEBUG = True  # the demo loads only in development
    call_command("load_demo")
    client.force_login(participant)  # the demo's minutes are published: a participant sees all of them
    expected = {
        f"{entry.meeting.number}.{entry.reference_number}"
        for model in (Decision, ActionItem)
        for entry in model.objects.select_related("meeting")
    }
    assert len({reference.split(".")[0] for reference in expected}) == 2  # both meetings
    response = client.get(REGISTER)
    assert response.status_code == 200
    assert set(references(response)) == expected
    page = response.content.decode()
    for entry in [*Decision.objects.select_related("meeting"), *ActionItem.objects.select_related("meeting")]:
        assert f'href="{entry.meeting.get_absolute_url()}#{entry.anchor}"' in page
    rows = csv_rows(client.get(EXPORT))
    assert {row[0] for row in rows[1:]} == expected


def test_filters_by_series_organisation_kind_status_due_and_year(client, participant, organization):
    series = MeetingSeriesFactory()
    early = MeetingFactory(
        series=series, published=True, starts_at=datetime.datetime(2023, 3, 1, 10, tzinfo=datetime.UTC)
    )
    late = MeetingFactory(published=True, starts_at=datetime.datetime(2024, 3, 1, 10, tzinfo=datetime.UTC))
    decision = DecisionFactory(meeting=early, text="Agreed early")
    ActionItemFactory(
        meeting=early, decision=decision, responsible_organization=organization, due_on=datetime.date(2023, 4, 1)
    )
    ActionItemFactory(meeting=late, status="done", due_on=datetime.date(2024, 5, 1))
    DecisionFactory(meeting=late, text="Agreed late")
    client.force_login(participant)
    e, l_ = early.number, late.number
    assert references(client.get(REGISTER)) == [f"{l_}.1", f"{l_}.2", f"{e}.1", f"{e}.2"]
    assert references(client.get(REGISTER, {"series": series.pk})) == [f"{e}.1", f"{e}.2"]
    assert references(client.get(REGISTER, {"organization": organization.pk})) == [f"{e}.1", f"{e}.2"]
    assert references(client.get(REGISTER, {"kind": "decision"})) == [f"{l_}.2", f"{e}.1"]
    assert references(client.get(REGISTER, {"status": "open"})) == [f"{e}.2"]
    assert references(client.get(REGISTER, {"due_after": "2024-01-01"})) == [f"{l_}.1"]
    assert references(client.get(REGISTER, {"due_before": "2024-01-01"})) == [f"{e}.2"]
    assert references(client.get(REGISTER, {"year": "2024"})) == [f"{l_}.1", f"{l_}.2"]
    rows = csv_rows(client.get(EXPORT, {"year": "2024"}))
    assert [row[0] for row in rows] == ["Number", f"{l_}.1", f"{l_}.2"]
    assert rows[2][2] == "Agreed late"


def test_bad_filter_values_give_errors_not_500(client, participant):
    client.force_login(participant)
    response = client.get(REGISTER, {"year": "x", "due_after": "soon", "series": "%00", "page": "99"})
    assert response.status_code == 200
    assert response.context["filter"].form.errors


def test_export_neutralises_formulas(client, participant):
    DecisionFactory(meeting=MeetingFactory(published=True), text='=HYPERLINK("http://evil")')
    client.force_login(participant)
    [_header, row] = csv_rows(client.get(EXPORT))
    assert row[2].startswith("'=")


def test_draft_minutes_are_hidden_from_participants_and_shown_to_the_secretariat(client, participant, secretariat):
    draft = MeetingFactory()
    DecisionFactory(meeting=draft, text="Not yet published")
    ActionItemFactory(meeting=draft, title="Draft action")
    client.force_login(participant)
    assert references(client.get(REGISTER)) == []
    assert len(csv_rows(client.get(EXPORT))) == 1
    client.force_login(secretariat)
    assert len(references(client.get(REGISTER))) == 2
    assert len(csv_rows(client.get(EXPORT))) == 3


def test_anonymous_visitors_are_sent_to_log_in(client):
    for url in (REGISTER, EXPORT):
        response = client.get(url)
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]


@pytest.mark.parametrize("rows", [3, 30])
def test_query_count_is_constant(client, participant, django_assert_max_num_queries, rows):
    for _ in range(rows):
        action = ActionItemFactory()
        DecisionFactory(meeting=action.meeting)
    client.force_login(participant)
    with django_assert_max_num_queries(10):
        response = client.get(REGISTER)
        assert len(response.context["entries"]) == min(2 * rows, 30)
    with django_assert_max_num_queries(8):
        assert len(csv_rows(client.get(EXPORT))) == 2 * rows + 1


def test_the_organisation_actions_and_series_pages_link_to_the_register(client, participant, organization):
    action = ActionItemFactory(responsible_organization=organization)
    client.force_login(participant)
    organization_page = client.get(organization.get_absolute_url()).content.decode()
    assert f'href="{REGISTER}?organization={organization.pk}"' in organization_page
    assert f'href="{REGISTER}"' in client.get(reverse("meetings:action-list")).content.decode()
    series = action.meeting.series
    series_page = client.get(reverse("meetings:series-detail", args=[series.pk])).content.decode()
    assert f'href="{REGISTER}?series={series.pk}"' in series_page


def test_the_responsible_organisation_is_named_in_the_readers_language(client, participant):
    from django.conf import settings

    organization = OrganizationFactory(name="Ministry of Justice", name_ru="Министерство юстиции")
    ActionItemFactory(meeting=MeetingFactory(published=True), responsible_organization=organization, title="Report")
    client.force_login(participant)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ru"
    page = client.get(reverse("meetings:register")).content.decode()
    assert "Министерство юстиции" in page and "Ministry of Justice" not in page
