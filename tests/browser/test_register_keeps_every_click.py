"""The attendance register keeps every click, in a real browser (tests/browser/layout.py).

- "Attended" clicked on several rows and a walk-in recorded straight away: after a reload every click is there;
- each row says "Saved" once its change is saved;
- leaving the page while a change is not saved (the portal could not be reached, or a removal is ticked) asks first,
  and leaving once everything is saved does not.
"""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from meetings import services
from meetings.models import MeetingStatus
from tests.browser.layout import DESKTOP, PHONE, assert_fits
from tests.browser.pickers import pick
from tests.meetings.factories import MeetingFactory
from tests.stakeholders.factories import OrganizationFactory, secretariat_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BODIES = [f"Body {letter}" for letter in "ABCDEF"]


@pytest.fixture
def started():
    """A meeting that started an hour ago, with six organisations invited."""
    start = timezone.now() - datetime.timedelta(hours=1)
    meeting = MeetingFactory(status=MeetingStatus.PLANNED, starts_at=start, ends_at=start + datetime.timedelta(hours=3))
    services.invite_organizations(
        meeting=meeting, organizations=[OrganizationFactory(name=name, acronym="") for name in BODIES]
    )
    OrganizationFactory(name="Embassy of Estonia", acronym="")
    return meeting


def _register(login, width, meeting):
    page = login(secretariat_user(username="aziza"))
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"/meetings/{meeting.pk}/participants/")
    return page, page.locator("#register")


def _row(register, name):
    return register.locator("tr", has_text=name)


@pytest.mark.parametrize("width", [PHONE])
def test_attended_clicks_survive_a_walk_in_recorded_straight_away(login, started, width):
    page, register = _register(login, width, started)
    clicked = BODIES[:4]
    for name in clicked:
        _row(register, name).get_by_text("Attended", exact=True).click()
    walk_in = page.locator("#walk-in-form")
    walk_in.get_by_label(re.compile(r"^\s*Name\*?\s*$")).fill("Kadri Tamm")
    pick(walk_in.get_by_label(re.compile(r"^\s*Organisation\*?\s*$")), "Embassy of Estonia")
    walk_in.get_by_role("button", name="Record the walk-in").click()
    expect(page.locator(".alert", has_text="Recorded Kadri Tamm as attended")).to_be_visible()

    page.reload()
    for name in clicked:
        expect(_row(register, name).get_by_label("Attended", exact=True)).to_be_checked()
    for name in BODIES[4:]:
        expect(_row(register, name).get_by_label("Invited", exact=True)).to_be_checked()
    expect(_row(register, "Kadri Tamm")).to_contain_text("walk-in")
    statuses = dict(started.participations.values_list("organization__name", "status"))
    assert [statuses[name] for name in BODIES] == ["attended"] * 4 + ["invited"] * 2
    assert_fits(page)


@pytest.mark.parametrize("width", [DESKTOP])
def test_each_row_is_saved_as_it_is_clicked_and_leaving_asks_only_while_something_is_unsaved(login, started, width):
    page, register = _register(login, width, started)
    dialogs = []

    def answer(dialog):
        dialogs.append(dialog.type)
        dialog.dismiss()  # stay on the page

    page.on("dialog", answer)

    # Saved at once, row by row: leaving asks nothing.
    _row(register, "Body A").get_by_text("Excused", exact=True).click()
    _row(register, "Body B").get_by_text("Attended", exact=True).click()
    expect(_row(register, "Body A").locator("[data-state=saved]")).to_have_text("Saved")
    expect(_row(register, "Body B").locator("[data-state=saved]")).to_have_text("Saved")
    statuses = dict(started.participations.values_list("organization__name", "status"))
    assert (statuses["Body A"], statuses["Body B"]) == ("excused", "attended")
    page.get_by_role("link", name="Participants").first.click()  # the page itself, through a link: it leaves
    page.wait_for_load_state()
    assert dialogs == []

    # The portal cannot be reached: the row says so, keeps the choice, and leaving asks first.
    page.route(re.compile(r".*/participants/\d+/$"), lambda route: route.abort())
    _row(register, "Body C").get_by_text("Absent", exact=True).click()
    expect(_row(register, "Body C").locator("[data-state=error]")).to_contain_text("could not be reached")
    expect(_row(register, "Body C").get_by_label("Absent", exact=True)).to_be_checked()
    page.get_by_role("link", name="Participants").first.click()
    expect(_row(register, "Body C").get_by_label("Absent", exact=True)).to_be_checked()  # stayed on the page
    assert dialogs == ["beforeunload"]
    # Saving the register (one form) carries the row: nothing is lost, and the save does not ask.
    page.unroute(re.compile(r".*/participants/\d+/$"))
    page.get_by_role("button", name="Save the register").click()
    expect(page.locator(".alert", has_text="The participation register has been saved.")).to_be_visible()
    assert dialogs == ["beforeunload"]
    assert started.participations.get(organization__name="Body C").status == "absent"

    # A removal ticked is saved only with the register's button: leaving before that asks.
    _row(register, "Body F").get_by_label("Remove Body F").check()
    page.get_by_role("link", name="Participants").first.click()
    expect(_row(register, "Body F").get_by_label("Remove Body F")).to_be_checked()
    assert dialogs == ["beforeunload", "beforeunload"]
