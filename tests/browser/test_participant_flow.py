"""What a participant does in a real browser: find the next meeting, put it in a calendar, search, read minutes."""

import datetime
import re
from pathlib import Path

import pytest
from icalendar import Calendar
from playwright.sync_api import expect

from activities.models import ActivityKind
from tests.activities.factories import ActivityFactory, ActivityPlanFactory
from tests.browser.layout import PHONE, page_width
from tests.meetings.factories import (
    TASHKENT,
    AgendaItemFactory,
    MeetingFactory,
    MeetingSeriesFactory,
    ParticipationFactory,
)
from tests.stakeholders.factories import OrganizationFactory, participant_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def platform():
    ministry = OrganizationFactory(name="Ministry of Internal Affairs", acronym="MIA")
    series = MeetingSeriesFactory(title="Counter-trafficking coordination platform")
    fourth = MeetingFactory(
        series=series,
        number=4,
        title="Fourth coordination meeting",
        published=True,
        minutes_summary="Partners reviewed the third quarter and planned the fourth.",
    )
    AgendaItemFactory(
        meeting=fourth,
        position=1,
        title="Upcoming activities",
        discussion_summary="The airport staff trainings in Bukhara, Fergana and Namangan were presented.",
    )
    upcoming_start = datetime.datetime.now(TASHKENT).replace(hour=10, minute=0, second=0, microsecond=0)
    upcoming_start += datetime.timedelta(days=30)
    fifth = MeetingFactory(
        series=series,
        number=5,
        title="Fifth coordination meeting",
        status="planned",
        venue="Hyatt Regency, Tashkent",
        starts_at=upcoming_start,
        ends_at=upcoming_start + datetime.timedelta(hours=3),
    )
    AgendaItemFactory(meeting=fifth, position=1, title="Review of the fourth quarter")
    ParticipationFactory(
        meeting=fifth, organization=ministry
    )  # the dashboard's next meeting is one the reader is invited to
    plan = ActivityPlanFactory(series=series, year=2023, quarter_number=4)
    ActivityFactory(
        plan=plan,
        title="Trainings for airport employees",
        kind=ActivityKind.TRAINING,
        places=["Bukhara", "Fergana", "Namangan"],
        starts_on=datetime.date(2023, 11, 1),
        ends_on=datetime.date(2023, 11, 30),
        lead_organization=ministry,
    )
    return {
        "fourth": fourth,
        "fifth": fifth,
        "participant": participant_user(organization=ministry, username="dilnoza"),
    }


def test_participant_finds_the_next_meeting_and_adds_it_to_a_calendar(login, platform):
    page = login(platform["participant"])
    page.goto("/")
    next_meeting = page.get_by_role("region", name="Next meeting")
    expect(next_meeting).to_contain_text("Fifth coordination meeting")
    with page.expect_download() as download_info:
        next_meeting.get_by_role("link", name="Add to calendar").click()
    calendar = Calendar.from_ical(Path(download_info.value.path()).read_bytes())
    [event] = calendar.walk("VEVENT")
    assert str(event["uid"]) == f"meeting-{platform['fifth'].pk}@coordination-portal"
    assert str(event["location"]) == "Hyatt Regency, Tashkent"
    assert event.decoded("dtstart") == platform["fifth"].starts_at
    assert "Review of the fourth quarter" in str(event["description"])

    next_meeting.get_by_role("link", name="Fifth coordination meeting").click()
    expect(page.get_by_role("heading", name=re.compile("5th meeting"))).to_be_visible()
    expect(page.get_by_role("link", name="Add to calendar (.ics)")).to_be_visible()


def test_participant_searches_a_place_and_reads_the_minutes(login, platform):
    page = login(platform["participant"])
    page.goto("/")
    search_box = page.get_by_role("searchbox", name="Search")
    search_box.fill("Bukhara")
    search_box.press("Enter")
    expect(page.get_by_role("heading", name="Activities")).to_be_visible()
    expect(page.locator("mark", has_text="Bukhara").first).to_be_visible()

    page.get_by_role("link", name="Minutes: Upcoming activities").click()
    expect(page).to_have_url(re.compile(rf"/meetings/{platform['fourth'].pk}/#minutes$"))
    minutes = page.get_by_role("region", name="Minutes")
    expect(minutes).to_contain_text("Partners reviewed the third quarter")
    expect(minutes).to_contain_text("trainings in Bukhara")

    page.get_by_role("link", name="Print minutes").click()
    expect(page.get_by_role("heading", name=re.compile("Minutes of the 4th meeting"))).to_be_visible()
    expect(page.get_by_role("link", name="Download PDF")).to_be_visible()


def test_participant_reads_the_timeline_on_a_phone(login, platform):
    page = login(platform["participant"])
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"/series/{platform['fourth'].series_id}/timeline/?year=2023")
    expect(page.get_by_role("link", name="Trainings for airport employees")).to_be_visible()
    expect(page.get_by_role("img", name=re.compile("Trainings for airport employees"))).to_be_visible()


def test_participant_copies_the_personal_calendar_address(login, platform, live_server):
    page = login(platform["participant"])
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    page.goto("/calendar/")
    address = page.get_by_label("Your personal calendar address")
    personal_url = address.input_value()
    assert re.fullmatch(rf"{re.escape(live_server.url)}/calendar/[\w-]+\.ics", personal_url)
    status = page.get_by_role("status")
    expect(status).to_have_attribute("aria-live", "polite")
    page.get_by_role("button", name="Copy link").click()
    expect(status).to_have_text("Copied")
    assert page.evaluate("() => navigator.clipboard.readText()") == personal_url

    # In Russian on a phone the address and its button fit the screen.
    page.locator('button[name="language"][value="ru"]').click()
    page.wait_for_load_state()
    page.set_viewport_size({"width": 390, "height": 844})
    expect(page.get_by_role("button", name="Скопировать ссылку")).to_be_visible()
    assert page_width(page) <= PHONE
