import datetime
import re

import pytest
from django.urls import reverse

from activities import analytics
from tests.activities.factories import ActivityFactory, ActivityPlanFactory
from tests.meetings.factories import ActionItemFactory, MeetingFactory, MeetingSeriesFactory, ParticipationFactory
from tests.stakeholders.factories import ContactFactory, OrganizationFactory

pytestmark = pytest.mark.django_db


def test_participation_matrix_rows_grouped_by_kind_with_strongest_status(client, participant):
    series = MeetingSeriesFactory()
    first = MeetingFactory(series=series, number=1)
    second = MeetingFactory(series=series, number=2)
    ministry = OrganizationFactory(name="Ministry", kind="government")
    ngo = OrganizationFactory(name="Shelter NGO", kind="ngo")
    member = OrganizationFactory(name="Silent member", kind="donor")
    series.members.add(member)
    ParticipationFactory(meeting=first, organization=ministry, status="attended")
    ParticipationFactory(
        meeting=first, organization=ministry, contact=ContactFactory(organization=ministry), status="excused"
    )
    ParticipationFactory(meeting=second, organization=ngo, status="excused")
    client.force_login(participant)

    response = client.get(reverse("meetings:series-participation", args=[series.pk]))

    assert response.context["meetings"] == [first, second]
    groups = dict(response.context["groups"])
    assert set(groups) == {"Government body", "NGO / civil society", "Donor agency"}
    [ministry_row] = groups["Government body"]
    assert ministry_row.cells == ["attended", ""] and ministry_row.attended == 1
    assert groups["NGO / civil society"][0].cells == ["", "excused"]
    assert groups["Donor agency"][0].cells == ["", ""]
    assert response.context["attendance"] == [1, 0]


def test_quarter_progress_counts_planned_completed_and_action_completion():
    series = MeetingSeriesFactory()
    plan = ActivityPlanFactory(series=series, year=2023, quarter_number=3)
    ActivityFactory(plan=plan, status="completed")
    ActivityFactory(plan=plan, status="planned")
    ActivityFactory(plan=plan, status="cancelled")
    meeting = MeetingFactory(
        series=series,
        starts_at=datetime.datetime(2023, 8, 1, 10, tzinfo=datetime.UTC),
        ends_at=datetime.datetime(2023, 8, 1, 12, tzinfo=datetime.UTC),
    )
    ActionItemFactory(meeting=meeting, status="done")
    ActionItemFactory(meeting=meeting, status="open")
    ActionItemFactory(meeting=meeting, status="dropped")

    [row] = analytics.quarter_progress(series)

    assert (row.quarter.year, row.quarter.number) == (2023, 3)
    assert (row.planned, row.completed, row.postponed_or_cancelled) == (3, 1, 1)
    assert row.activity_rate == 33
    assert (row.actions_agreed, row.actions_done, row.action_rate) == (3, 1, 50)


def test_timeline_bars_sit_on_the_year_and_undated_ones_span_their_quarter(client, participant):
    series = MeetingSeriesFactory()
    plan = ActivityPlanFactory(series=series, year=2023, quarter_number=4)
    dated = ActivityFactory(
        plan=plan,
        title="Training of trainers",
        starts_on=datetime.date(2023, 11, 6),
        ends_on=datetime.date(2023, 11, 8),
        status="completed",
    )
    undated = ActivityFactory(plan=plan, title="Study visit", starts_on=None)
    client.force_login(participant)

    response = client.get(reverse("activities:series-timeline", args=[series.pk]), {"year": "2023"})

    bars = {row.activity: row.bar for row in response.context["rows"]}
    width = analytics.TIMELINE_WIDTH
    assert bars[dated].x == round(width * 309 / 365, 1)
    assert bars[dated].css_class == "bar-completed"
    assert bars[undated].css_class == "bar-unscheduled"
    assert bars[undated].x == round(width * 273 / 365, 1)
    content = response.content.decode()
    assert "<svg" in content and "Training of trainers" in content
    assert " style=" not in content


def test_timeline_ignores_an_unknown_year(client, participant):
    series = MeetingSeriesFactory()
    ActivityFactory(plan=ActivityPlanFactory(series=series, year=2023, quarter_number=1))
    client.force_login(participant)
    response = client.get(reverse("activities:series-timeline", args=[series.pk]), {"year": "<svg>"})
    assert response.status_code == 200
    assert response.context["year"] == 2023


@pytest.mark.parametrize("rows", [3, 30])
def test_series_pages_query_count_is_constant(client, participant, django_assert_max_num_queries, rows):
    series = MeetingSeriesFactory()
    plan = ActivityPlanFactory(series=series, year=2023, quarter_number=2)
    for number in range(rows):
        meeting = MeetingFactory(series=series)
        organization = OrganizationFactory(kind=["government", "ngo", "donor"][number % 3])
        ParticipationFactory(meeting=meeting, organization=organization, status="attended")
        ActionItemFactory(meeting=meeting)
        ActivityFactory(plan=plan)
    client.force_login(participant)
    for name in ["meetings:series-participation", "activities:series-progress", "activities:series-timeline"]:
        with django_assert_max_num_queries(13):
            assert client.get(reverse(name, args=[series.pk])).status_code == 200
    with django_assert_max_num_queries(8):
        assert client.get(reverse("meetings:series-list")).status_code == 200


@pytest.mark.parametrize("language", ["ru", "uz"])
def test_charts_write_svg_numbers_with_a_decimal_point_in_every_language(client, participant, language):
    """Russian and Uzbek write 53,3 for 53.3; an SVG attribute does not read it, so the bars had no height."""
    series = MeetingSeriesFactory()
    plan = ActivityPlanFactory(series=series, year=2023, quarter_number=4)
    for day in (6, 7, 9):
        ActivityFactory(plan=plan, starts_on=datetime.date(2023, 11, day), ends_on=datetime.date(2023, 11, day + 1))
    ActivityFactory(plan=ActivityPlanFactory(series=series, year=2023, quarter_number=3))
    client.force_login(participant)
    client.cookies["django_language"] = language
    for name, query in (("activities:series-progress", {}), ("activities:series-timeline", {"year": "2023"})):
        content = client.get(reverse(name, args=[series.pk]), query, headers={"accept-language": language})
        html = content.content.decode()
        assert f'<html lang="{language}"' in html
        svg = "".join(re.findall(r"<svg.*?</svg>", html, flags=re.S))
        assert "<rect" in svg
        assert not re.search(r'(?:x|y|x1|x2|y1|y2|width|height)="-?\d+,\d', svg), name
