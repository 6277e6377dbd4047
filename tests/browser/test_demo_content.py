"""The demo in a real browser: statements read as summaries, invented details carry their badge, the trends page."""

import re

import pytest
from playwright.sync_api import expect

from coordination.operations.demo import load_demo
from meetings.models import Meeting
from stakeholders.models import Organization
from tests.browser.layout import PHONE, assert_fits
from tests.stakeholders.factories import participant_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo_reader():
    load_demo(with_users=False)
    return participant_user(organization=Organization.objects.get(acronym="MIA CTIP Unit"), username="reader")


@pytest.mark.parametrize("width", [PHONE])
def test_a_participant_reads_the_demo_meeting_and_its_trends(login, demo_reader, width):
    fourth = Meeting.objects.get(number=4)
    page = login(demo_reader)
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(fourth.get_absolute_url())
    expect(page.locator(f'[data-illustrative="meeting-{fourth.pk}"]')).to_be_visible()
    statements = page.locator(".statement")
    expect(statements).to_have_count(3)
    expect(page.locator(".statement blockquote")).to_have_count(0)
    expect(statements.first).to_contain_text("summary, not a quotation")
    expect(statements.first).to_contain_text("Source:")
    for badge in page.locator("#actions ~ div [data-illustrative^=action-]").all():
        expect(badge).to_be_visible()
    assert_fits(page)

    page.goto(fourth.series.get_absolute_url())
    page.get_by_role("link", name="Emerging trends").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Emerging trends")
    expect(page.get_by_role("heading", level=2)).to_have_count(3)
    expect(page.get_by_role("heading", name=re.compile("India, Turkey, Thailand and others"))).to_be_visible()
    assert_fits(page)
