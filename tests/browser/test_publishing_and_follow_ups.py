"""Publishing and reopening with their confirmations, and the review of carried follow-ups, in a real browser."""

import datetime
import os

import pytest
from playwright.sync_api import expect

from meetings.models import ActionStatus, MinutesStatus
from tests.browser.layout import DESKTOP, assert_fits
from tests.meetings.factories import (
    ActionItemFactory,
    ActionUpdateFactory,
    AgendaItemFactory,
    MeetingFactory,
    MeetingSeriesFactory,
    ParticipationFactory,
)
from tests.stakeholders.factories import ContactFactory, OrganizationFactory, secretariat_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SCREENSHOTS = os.environ.get("SCREENSHOTS_DIR")  # optional: look at the pages


def at(*day):
    return datetime.datetime(*day, 10, tzinfo=datetime.UTC)


def shot(page, name, width):
    if SCREENSHOTS:
        page.screenshot(path=f"{SCREENSHOTS}/{name}-{width}.png", full_page=True)


@pytest.mark.parametrize("width", [DESKTOP])
def test_review_follow_ups_publish_and_reopen(login, width):
    ministry = OrganizationFactory(name="Ministry of Internal Affairs", acronym="MIA")
    series = MeetingSeriesFactory(title="Counter-trafficking coordination platform")
    fourth = MeetingFactory(series=series, number=4, published=True, starts_at=at(2023, 1, 10))
    report = ActionItemFactory(
        meeting=fourth, title="Share the airport training report", responsible_organization=ministry
    )
    ActionUpdateFactory(action=report, note="Draft report circulated to partners", noted_on=datetime.date(2023, 2, 1))
    fifth = MeetingFactory(series=series, number=5, starts_at=at(2023, 4, 11))
    review = AgendaItemFactory(
        meeting=fifth, position=1, title="Review of follow-up actions", reviews_follow_up_actions=True
    )
    review.actions_to_review.add(report)
    contact = ContactFactory(organization=ministry, name="Bekzod Usmonov", email="bekzod@example.org")
    ParticipationFactory(meeting=fifth, organization=ministry, contact=contact)

    page = login(secretariat_user(username="aziza"))
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(fifth.get_absolute_url())
    expect(page.locator(f"#carried-actions-{review.pk}")).to_contain_text("Draft report circulated to partners")

    page.goto(f"/meetings/{fifth.pk}/minutes/edit/")
    card = page.locator(f"#review-{report.pk}")
    expect(card).to_contain_text("MIA")
    card.get_by_label("Continued (new due date)").check()
    card.get_by_label("New due date", exact=True).fill("2031-06-30")
    card.get_by_label("Note", exact=True).fill("Waiting for the ministry's figures")
    shot(page, "minutes-review", width)
    card.get_by_role("button", name="Record the review").click()
    expect(page.locator(f"#review-{report.pk}")).to_contain_text("Waiting for the ministry's figures")

    page.get_by_label("Summary of the meeting", exact=True).fill("Typed, then published")
    page.get_by_role("button", name="Publish the minutes").click()
    expect(page.locator("#publish-audience")).to_contain_text("1 person will be e-mailed")
    expect(page.locator("#preview-recipients")).to_contain_text("Ministry of Internal Affairs")
    expect(page.locator("#preview-subject")).to_contain_text("Minutes published")
    shot(page, "publish-confirm", width)
    fifth.refresh_from_db()
    assert fifth.minutes_summary == "Typed, then published" and fifth.minutes_status == MinutesStatus.DRAFT
    page.get_by_role("button", name="Yes, publish and e-mail 1 person").click()
    expect(page.locator(".alert").first).to_contain_text("The minutes are published")

    page.get_by_role("button", name="More actions").click()  # the meeting page groups the other steps
    page.get_by_role("link", name="Reopen the minutes").click()
    page.get_by_role("button", name="Reopen as draft").click()
    expect(page.locator("#reopen-form")).to_contain_text("This field is required")
    page.get_by_label("Why are the minutes reopened?").fill("Correct the review of the airport report")
    shot(page, "reopen", width)
    page.get_by_role("button", name="Reopen as draft").click()
    expect(page.locator(".alert").first).to_contain_text("reopened as a draft")
    assert_fits(page)
    page.goto(f"/meetings/{fifth.pk}/history/")
    expect(page.locator("#history")).to_contain_text("Correct the review of the airport report")
    report.refresh_from_db()
    assert report.due_on == datetime.date(2031, 6, 30) and report.status == ActionStatus.OPEN
