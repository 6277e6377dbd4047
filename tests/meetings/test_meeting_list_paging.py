"""The meetings list pages by position through the (starts_at, id) index, annotates only the page's rows
(issue 5) and jumps by year; no page costs more than the first (issue 30)."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from meetings.models import Meeting
from tests.meetings.factories import AgendaItemFactory, MeetingFactory, MeetingSeriesFactory, ParticipationFactory
from tests.stakeholders.factories import ContactFactory, OrganizationFactory

pytestmark = pytest.mark.django_db


def test_with_counts_counts_agenda_items_and_distinct_organisations():
    meeting, empty = MeetingFactory(), MeetingFactory()
    for position in (1, 2, 3):
        AgendaItemFactory(meeting=meeting, position=position)
    organization = OrganizationFactory()
    ParticipationFactory(meeting=meeting, organization=organization)
    ParticipationFactory(meeting=meeting, organization=organization, contact=ContactFactory(organization=organization))
    ParticipationFactory(meeting=meeting)

    counted = {m.pk: m for m in Meeting.objects.with_counts()}

    assert (counted[meeting.pk].agenda_item_count, counted[meeting.pk].organization_count) == (3, 2)
    assert (counted[empty.pk].agenda_item_count, counted[empty.pk].organization_count) == (0, 0)


def test_a_deep_page_shows_the_right_meetings_newest_first_with_their_counts(client, participant):
    series = MeetingSeriesFactory()
    meetings = [MeetingFactory(series=series) for _ in range(30)]
    # Two meetings at the same time: the newer id comes first, on whichever page the tie falls.
    tied = MeetingFactory(series=series, starts_at=meetings[2].starts_at, ends_at=meetings[2].ends_at)
    # The factory's dates start over every 150 meetings, so the first one made is not always the oldest.
    first_held = min(meetings, key=lambda m: (m.starts_at, m.pk))
    AgendaItemFactory(meeting=first_held, position=1)
    AgendaItemFactory(meeting=first_held, position=2)
    ParticipationFactory(meeting=first_held)
    expected = sorted([*meetings, tied], key=lambda m: (m.starts_at, m.pk), reverse=True)

    client.force_login(participant)
    first_page = client.get(reverse("meetings:meeting-list"))
    first = list(first_page.context["meetings"])
    second_page = client.get(reverse("meetings:meeting-list") + first_page.context["older_url"])
    second = list(second_page.context["meetings"])

    assert [m.pk for m in first + second] == [m.pk for m in expected]
    oldest = second[-1]
    assert (oldest.pk, oldest.agenda_item_count, oldest.organization_count) == (first_held.pk, 2, 1)
    assert oldest.series.title == series.title

    assert second_page.context["older_url"] is None
    back = client.get(reverse("meetings:meeting-list") + second_page.context["newer_url"]).context
    assert [m.pk for m in back["meetings"]] == [m.pk for m in first] and back["newer_url"] is None


def _meeting_on(day: datetime.date, series, hour=10):
    starts_at = timezone.make_aware(datetime.datetime(day.year, day.month, day.day, hour))
    return MeetingFactory(series=series, starts_at=starts_at, ends_at=starts_at + datetime.timedelta(hours=2))


def test_a_year_jump_starts_at_the_newest_meeting_of_that_year_and_every_year_is_offered(client, participant):
    series = MeetingSeriesFactory()
    newest_of_2019 = _meeting_on(datetime.date(2019, 12, 31), series, hour=23)
    _meeting_on(datetime.date(2020, 1, 1), series, hour=1)  # just after 2019 in the portal's time zone
    older = [_meeting_on(datetime.date(2019, 6, 1), series), _meeting_on(datetime.date(2016, 3, 1), series)]

    client.force_login(participant)
    response = client.get(reverse("meetings:meeting-list") + "?year=2019")

    assert [m.pk for m in response.context["meetings"]] == [newest_of_2019.pk] + [m.pk for m in older]
    assert response.context["years"] == [str(year) for year in range(2020, 2015, -1)]
    page = response.content.decode()
    assert 'href="?year=2017"' in page and 'aria-current="true">2019<' in page
    assert 'id="upcoming"' not in page and response.context["newer_url"]


@pytest.mark.parametrize("link", ["?before=garbage", "?after=2020-01-01T00:00:00~x", "?year=0", "?page=7"])
def test_a_broken_or_old_link_shows_the_first_page(client, participant, link):
    meeting = _meeting_on(timezone.localdate() - datetime.timedelta(days=3), MeetingSeriesFactory())
    client.force_login(participant)
    response = client.get(reverse("meetings:meeting-list") + link)
    assert response.status_code == 200
    assert [m.pk for m in response.context["meetings"]] == [meeting.pk]


def test_a_deep_page_neither_skips_rows_with_offset_nor_counts_the_list(client, participant):
    """Both walk every meeting before the page (or in the list); the page's cost would grow with the data."""
    series = MeetingSeriesFactory()
    for days in range(60):
        _meeting_on(timezone.localdate() - datetime.timedelta(days=days + 2), series)
    client.force_login(participant)
    url = reverse("meetings:meeting-list")
    older_url = client.get(url).context["older_url"]
    older_url = client.get(url + older_url).context["older_url"]
    with CaptureQueriesContext(connection) as queries:
        third = client.get(url + older_url)
    assert len(third.context["meetings"]) == 10
    statements = " ".join(query["sql"].upper() for query in queries.captured_queries)
    assert "OFFSET" not in statements
    assert "COUNT(*)" not in statements
