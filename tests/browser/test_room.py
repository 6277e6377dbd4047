"""The room in a real browser, each walked at the width its person uses (tests/browser/layout.py): two devices check
people in at the door at once and keep each other's taps; live mode moves to the next item and the presentation
follows, with its timer running."""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from meetings import services
from meetings.models import MeetingStatus, ParticipationStatus
from tests.browser.layout import DESKTOP, PHONE, assert_fits
from tests.meetings.factories import AgendaItemFactory, MeetingFactory
from tests.stakeholders.factories import ContactFactory, OrganizationFactory, participant_user, secretariat_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BODIES = ["Ministry of Justice", "Supreme Court", "General Prosecutor's Office"]


@pytest.fixture
def under_way():
    """A meeting that started an hour ago, with three organisations invited as a whole."""
    start = timezone.now() - datetime.timedelta(hours=1)
    meeting = MeetingFactory(status=MeetingStatus.PLANNED, starts_at=start, ends_at=start + datetime.timedelta(hours=3))
    services.invite_organizations(
        meeting=meeting, organizations=[OrganizationFactory(name=name, acronym="") for name in BODIES]
    )
    return meeting


def _door(login, width, meeting, username):
    page = login(secretariat_user(username=username))
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"/meetings/{meeting.pk}/check-in/")
    return page


def _line(page, text):
    return page.locator("#door-list li", has_text=text)


@pytest.mark.parametrize("width", [PHONE])
def test_two_devices_check_people_in_at_once_and_keep_both_taps(login, under_way, width):
    justice = under_way.participations.get(organization__name="Ministry of Justice").organization
    ContactFactory(organization=justice, name="Dilnoza Yoʻldosheva")
    first = _door(login, width, under_way, "door-one")
    second = _door(login, width, under_way, "door-two")  # both pages loaded before either tap

    first.get_by_label("Find a person or an organisation").fill("supreme")
    expect(first.locator("#door-list li:not([hidden])")).to_have_text([re.compile("Supreme Court")])
    _line(first, "Supreme Court").get_by_role("button", name=re.compile("Check in")).click()
    second.get_by_label("Find a person or an organisation").fill("PROSECUTOR")
    _line(second, "General Prosecutor").get_by_role("button", name=re.compile("Check in")).click()
    expect(_line(first, "Supreme Court").locator(".door-attended")).to_be_visible()
    expect(_line(second, "General Prosecutor").locator(".door-attended")).to_be_visible()
    # A person found without the accent and apostrophe typed.
    second.get_by_label("Find a person or an organisation").fill("yoldosheva")
    _line(second, "Dilnoza").get_by_role("button", name=re.compile("Check in")).click()
    expect(_line(second, "Dilnoza").locator(".door-attended")).to_be_visible()
    # The count follows the taps without a reload: this device's two and the other device's one.
    expect(second.locator("#door-count")).to_contain_text(re.compile(r"^3 of \d+ checked in"))

    statuses = dict(under_way.participations.filter(contact=None).values_list("organization__name", "status"))
    assert statuses == {
        "Supreme Court": ParticipationStatus.ATTENDED,
        "General Prosecutor's Office": ParticipationStatus.ATTENDED,
        "Ministry of Justice": ParticipationStatus.INVITED,
    }
    assert under_way.participations.get(contact__name="Dilnoza Yoʻldosheva").status == ParticipationStatus.ATTENDED
    first.reload()
    for name in ("Supreme Court", "General Prosecutor", "Dilnoza"):
        expect(_line(first, name).locator(".door-attended")).to_be_visible()
    for page in (first, second):
        assert_fits(page)
    first.get_by_label("Find a person or an organisation").fill("")
    justice_line = first.locator(f"#row-{under_way.participations.get(organization=justice, contact=None).pk}")
    box = justice_line.get_by_role("button", name=re.compile("Check in")).bounding_box()
    assert box["height"] >= 44 and box["width"] >= 44  # a thumb's tap target


@pytest.mark.parametrize("width", [PHONE])
def test_a_walk_in_is_added_at_the_door(login, under_way, width):
    embassy = OrganizationFactory(name="Embassy of Estonia", acronym="")
    page = _door(login, width, under_way, "door-one")
    page.get_by_label("Find a person or an organisation").fill("Kadri Tamm")
    expect(page.locator("#door-no-match")).to_be_visible()
    walk_in = page.locator("#door-walk-in-form")
    expect(walk_in.get_by_label(re.compile(r"^\s*Name\*?\s*$"))).to_have_value("Kadri Tamm")
    from tests.browser.pickers import pick

    pick(walk_in.get_by_label(re.compile(r"^\s*Organisation\*?\s*$")), embassy.name)
    walk_in.get_by_role("button", name="Record the walk-in").click()
    expect(page.locator(".alert", has_text="Recorded Kadri Tamm as attended")).to_be_visible()
    expect(_line(page, "Kadri Tamm").locator(".door-attended")).to_be_visible()
    assert_fits(page)


@pytest.mark.parametrize("width", [DESKTOP])
def test_live_mode_moves_to_the_next_item_and_the_presentation_follows_with_its_timer(login, under_way, width):
    AgendaItemFactory(meeting=under_way, position=1, title="Opening remarks", planned_minutes=10)
    AgendaItemFactory(meeting=under_way, position=2, title="Emerging trends in recruitment", planned_minutes=30)
    control = login(secretariat_user(username="chair-desk"))
    control.set_viewport_size({"width": width, "height": 900})
    control.goto(f"/meetings/{under_way.pk}/")
    control.locator("#live-control-link").click()
    control.get_by_role("button", name=re.compile("Start with the first item")).click()
    expect(control.locator("#live-items li[aria-current=step]")).to_contain_text("Opening remarks")

    reader = participant_user(organization=under_way.participations.first().organization)
    projector = login(reader)
    projector.set_viewport_size({"width": width, "height": 900})
    projector.goto(f"/meetings/{under_way.pk}/live/")
    expect(projector.locator("#live-current")).to_have_text("Opening remarks")
    timer = projector.locator("#live-item-timer .live-elapsed")
    expect(timer).to_have_text(re.compile(r"^\d+:\d\d$"))
    expect(projector.locator("#live-item-timer")).to_contain_text("10 minutes planned")
    expect(projector.locator("#live-total-timer .live-elapsed")).to_have_text(re.compile(r"^\d+:\d\d$"))
    expect(projector.locator("#live-next")).to_contain_text("Emerging trends in recruitment")

    control.get_by_role("button", name=re.compile("Next item")).click()
    expect(control.locator("#live-items li[aria-current=step]")).to_contain_text("Emerging trends")
    # The projector was not touched: it follows by itself.
    expect(projector.locator("#live-current")).to_have_text("Emerging trends in recruitment", timeout=15_000)
    expect(projector.locator("#live-previous")).to_contain_text("Opening remarks")
    expect(timer.first).to_have_text(re.compile(r"^\d+:\d\d$"))
    first, second = under_way.agenda_items.order_by("position")
    assert first.started_at and first.ended_at and second.started_at and not second.ended_at
    for page in (control, projector):
        assert_fits(page)


# How many lines of text a button's height holds (a 3 rem tap target holds two; a broken word makes three).
LINES_OF_TEXT = "b => Math.round(b.getBoundingClientRect().height / parseFloat(getComputedStyle(b).lineHeight))"


def test_the_door_s_buttons_keep_their_words_whole_in_russian_on_a_phone(login, live_server, under_way):
    """ "Найти" (Find) beside the search field broke into "Найт / и" at 390 px."""
    page = login(secretariat_user(username="door-one"))
    page.set_viewport_size({"width": PHONE, "height": 900})
    page.context.add_cookies([{"name": "django_language", "value": "ru", "url": live_server.url}])
    page.goto(f"/meetings/{under_way.pk}/check-in/")
    for button in page.locator(".door-find, .door-tap").all():
        lines = button.evaluate(LINES_OF_TEXT)
        assert lines <= 2, f"{button.inner_text()!r} wraps"
        assert button.evaluate("b => b.scrollWidth <= b.clientWidth"), f"{button.inner_text()!r} overflows"
    find = page.locator(".door-find")
    assert find.evaluate("b => b.getBoundingClientRect().height") <= 48  # its minimum height: one line of text
