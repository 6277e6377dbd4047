import datetime

import pytest
from django.urls import reverse

from tests.meetings.factories import (
    ActionItemFactory,
    AgendaItemFactory,
    DecisionFactory,
    MeetingFactory,
    MeetingSeriesFactory,
    ParticipationFactory,
    StatementFactory,
)
from tests.stakeholders.factories import ContactFactory, OrganizationFactory

pytestmark = pytest.mark.django_db


def full_meeting(rows=3, **kwargs):
    meeting = MeetingFactory(**kwargs)
    for number in range(rows):
        organization = OrganizationFactory()
        contact = ContactFactory(organization=organization)
        ParticipationFactory(meeting=meeting, organization=organization, contact=contact, status="attended")
        item = AgendaItemFactory(meeting=meeting, position=number + 1, discussion_summary=f"Discussed point {number}.")
        StatementFactory(meeting=meeting, speaker=contact, agenda_item=item)
        DecisionFactory(meeting=meeting)
        ActionItemFactory(meeting=meeting, responsible_organization=organization)
    return meeting


def test_print_agenda_lists_items_and_invited_organisations(client, participant):
    meeting = full_meeting()
    client.force_login(participant)
    response = client.get(reverse("meetings:meeting-agenda-print", args=[meeting.pk]))
    assert response.status_code == 200
    content = response.content.decode()
    assert "css/print.css" in content
    for item in meeting.agenda_items.all():
        assert item.title in content
    assert " style=" not in content


def test_print_minutes_show_attendance_per_organisation_decisions_and_actions(client, participant):
    meeting = full_meeting(published=True)
    excused = OrganizationFactory(name="Excused Ministry", acronym="EXM")
    ParticipationFactory(meeting=meeting, organization=excused, status="excused")
    client.force_login(participant)
    response = client.get(reverse("meetings:meeting-minutes-print", args=[meeting.pk]))
    assert response.status_code == 200
    attendance = response.context["attendance"]
    assert len(attendance) == 3
    assert response.context["excused"] == [excused]
    content = response.content.decode()
    assert "Discussed point 2." in content
    assert "Follow-up actions" in content and "Decisions" in content


def test_participants_cannot_print_or_download_draft_minutes(client, participant, secretariat):
    meeting = full_meeting()
    client.force_login(participant)
    assert client.get(reverse("meetings:meeting-minutes-print", args=[meeting.pk])).status_code == 404
    assert client.get(reverse("meetings:meeting-minutes-pdf", args=[meeting.pk])).status_code == 404
    client.force_login(secretariat)
    response = client.get(reverse("meetings:meeting-minutes-print", args=[meeting.pk]))
    assert "Draft minutes" in response.content.decode()


def test_minutes_pdf_is_a_pdf(client, participant):
    meeting = full_meeting(published=True, title="Кибер-вербовка va o‘zbekcha matn")
    client.force_login(participant)
    response = client.get(reverse("meetings:meeting-minutes-pdf", args=[meeting.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    # Named by series and number, never by database id.
    expected = f"{meeting.series.file_slug}-meeting-{meeting.number}-minutes.pdf"
    assert meeting.series.file_slug.startswith("coordination-platform-")
    assert response["Content-Disposition"] == f'attachment; filename="{expected}"'
    assert response.content.startswith(b"%PDF-")
    assert len(response.content) > 2000


MARCH_2022 = datetime.datetime(2022, 3, 1, 10, tzinfo=datetime.UTC)
MARCH_2024 = datetime.datetime(2024, 3, 1, 10, tzinfo=datetime.UTC)


def test_compiled_minutes_default_to_the_latest_year(client, participant):
    series = MeetingSeriesFactory()
    old = MeetingFactory(series=series, number=1, published=True, starts_at=MARCH_2022)
    new = MeetingFactory(series=series, number=2, published=True, starts_at=MARCH_2024)
    client.force_login(participant)
    response = client.get(reverse("meetings:series-minutes", args=[series.pk]))
    assert [meeting for meeting, _, _ in response.context["entries"]] == [new]
    assert 'href="?year=all"' in response.content.decode()
    every_year = client.get(reverse("meetings:series-minutes", args=[series.pk]), {"year": "all"})
    assert [meeting for meeting, _, _ in every_year.context["entries"]] == [old, new]


def test_compiled_minutes_hold_only_published_minutes_in_order(client, secretariat):
    series = MeetingSeriesFactory(title="Counter-trafficking platform")
    second = MeetingFactory(
        series=series,
        number=2,
        title="Second",
        published=True,
        starts_at="2023-10-24T10:00+05:00",
        ends_at="2023-10-24T13:00+05:00",
    )
    first = MeetingFactory(
        series=series,
        number=1,
        title="First",
        published=True,
        starts_at="2023-06-20T10:00+05:00",
        ends_at="2023-06-20T13:00+05:00",
    )
    MeetingFactory(
        series=series, number=3, title="Draft one", starts_at="2024-01-20T10:00+05:00", ends_at="2024-01-20T13:00+05:00"
    )
    client.force_login(secretariat)  # even the secretariat gets only published minutes here
    response = client.get(reverse("meetings:series-minutes", args=[series.pk]))
    # By default the latest year with published minutes (2023: the 2024 meeting is a draft).
    assert response.context["year"] == 2023
    assert [meeting for meeting, _, _ in response.context["entries"]] == [first, second]
    assert "Draft one" not in response.content.decode()
    every_year = client.get(reverse("meetings:series-minutes", args=[series.pk]), {"year": "all"})
    assert every_year.context["year"] is None
    assert [meeting for meeting, _, _ in every_year.context["entries"]] == [first, second]
    by_year = client.get(reverse("meetings:series-minutes", args=[series.pk]), {"year": "2024"})
    assert by_year.context["entries"] == []
    pdf = client.get(reverse("meetings:series-minutes-pdf", args=[series.pk]), {"year": "all"})
    assert pdf.content.startswith(b"%PDF-")
    # Named by the series, never by its database id.
    assert pdf["Content-Disposition"] == 'attachment; filename="counter-trafficking-platform-minutes.pdf"'
    pdf_of_a_year = client.get(reverse("meetings:series-minutes-pdf", args=[series.pk]), {"year": "2023"})
    assert (
        pdf_of_a_year["Content-Disposition"] == 'attachment; filename="counter-trafficking-platform-minutes-2023.pdf"'
    )


@pytest.mark.parametrize("rows", [3, 30])
def test_print_pages_query_count_is_constant(client, participant, django_assert_max_num_queries, rows):
    meeting = full_meeting(rows=rows, published=True)
    client.force_login(participant)
    with django_assert_max_num_queries(13):
        assert client.get(reverse("meetings:meeting-agenda-print", args=[meeting.pk])).status_code == 200
    with django_assert_max_num_queries(13):
        assert client.get(reverse("meetings:meeting-minutes-print", args=[meeting.pk])).status_code == 200
    with django_assert_max_num_queries(15):
        assert client.get(reverse("meetings:series-minutes", args=[meeting.series.pk])).status_code == 200


@pytest.mark.parametrize("meetings", [3, 30])
def test_compiled_minutes_query_count_does_not_grow_with_meetings(
    client, participant, django_assert_max_num_queries, meetings
):
    series = MeetingSeriesFactory()
    MeetingFactory.create_batch(meetings, series=series, published=True)
    client.force_login(participant)
    with django_assert_max_num_queries(15):
        response = client.get(reverse("meetings:series-minutes", args=[series.pk]), {"year": "all"})
    assert len(response.context["entries"]) == meetings
