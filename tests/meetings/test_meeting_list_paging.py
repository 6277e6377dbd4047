"""The meetings list pages through the bare index and annotates only the page's rows (issue 5)."""

import pytest
from django.urls import reverse

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
    first = list(client.get(reverse("meetings:meeting-list")).context["meetings"])
    second = list(client.get(reverse("meetings:meeting-list") + "?page=2").context["meetings"])

    assert [m.pk for m in first + second] == [m.pk for m in expected]
    oldest = second[-1]
    assert (oldest.pk, oldest.agenda_item_count, oldest.organization_count) == (first_held.pk, 2, 1)
    assert oldest.series.title == series.title
