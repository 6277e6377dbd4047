"""An anonymous browser reads a public series' published minutes, and not the item kept to participants."""

import pytest
from playwright.sync_api import expect

from common.access import Visibility
from tests.browser.layout import page_width
from tests.browser.test_look import axe_violations
from tests.meetings.factories import AgendaItemFactory, MeetingFactory, MeetingSeriesFactory, StatementFactory


@pytest.fixture
def public_meeting(db):
    series = MeetingSeriesFactory(is_public=True, title="Open coordination platform")
    meeting = MeetingFactory(series=series, published=True, title="Open review", minutes_summary="Partners met.")
    AgendaItemFactory(
        meeting=meeting, position=1, title="Trends in recruitment", discussion_summary="Social media recruitment rose."
    )
    AgendaItemFactory(
        meeting=meeting,
        position=2,
        title="Case of a named victim",
        discussion_summary="Details of the case.",
        visibility=Visibility.PARTICIPANTS,
    )
    StatementFactory(meeting=meeting, summary="A remark for the record", visibility=Visibility.PUBLIC)
    return meeting


@pytest.mark.parametrize("width", [1280, 390])
def test_an_anonymous_browser_reads_the_published_minutes_of_a_public_series(
    chromium, live_server, public_meeting, width
):
    # bypass_csp: only so that axe-core's script can be added to the page (as tests/browser/test_look.py does).
    context = chromium.new_context(base_url=live_server.url, viewport={"width": width, "height": 900}, bypass_csp=True)
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.goto(f"/public/series/{public_meeting.series_id}/")
    expect(page.get_by_role("heading", name="Open coordination platform")).to_be_visible()
    page.get_by_role("link", name="Open review").click()
    page.wait_for_url(f"**/public/meetings/{public_meeting.pk}/")
    main = page.locator("main")
    expect(main).to_contain_text("Trends in recruitment")
    expect(main).to_contain_text("Social media recruitment rose.")
    expect(main).to_contain_text("A remark for the record")
    expect(main).not_to_contain_text("Case of a named victim")
    expect(main).not_to_contain_text("Details of the case.")
    expect(page.get_by_role("link", name="Log out")).to_have_count(0)  # nobody is signed in
    assert page_width(page) <= width
    assert axe_violations(page) == []
    context.close()
