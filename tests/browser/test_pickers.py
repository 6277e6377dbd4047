"""The search-as-you-type pickers (static/js/pickers.js) in a real browser, where the network's order matters."""

import re

import pytest
from playwright.sync_api import expect

from tests.meetings.factories import MeetingFactory
from tests.stakeholders.factories import OrganizationFactory, secretariat_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_late_answer_does_not_open_the_list_again_over_the_form_once_an_option_is_chosen(login):
    """Opening a picker asks for its first screenful; typing asks again. When the first answer comes back last (a
    busy server), the person has already chosen: the list must stay closed, not cover the button they click next."""
    meeting = MeetingFactory()
    OrganizationFactory(name="Embassy of Estonia", acronym="")
    for number in range(8):
        OrganizationFactory(name=f"Body {number}", acronym="")
    page = login(secretariat_user(username="aziza"))
    page.goto(f"/meetings/{meeting.pk}/participants/")
    held = []
    page.route(re.compile(r"/pickers/organizations/.*[?&]q=$"), lambda route: held.append(route))

    walk_in = page.locator("#walk-in-form")
    walk_in.get_by_label(re.compile(r"^\s*Name\*?\s*$")).fill("Kadri Tamm")
    search = walk_in.get_by_label(re.compile(r"^\s*Organisation\*?\s*$")).and_(page.get_by_role("combobox"))
    wrapper = search.locator("xpath=ancestor::div[contains(concat(' ', @class, ' '), ' ts-wrapper ')][1]")
    wrapper.locator(".ts-control").click()
    search.fill("Estonia")
    wrapper.locator(".ts-dropdown .option", has_text="Embassy of Estonia").click()
    expect(wrapper.locator(".ts-control .item")).to_have_text("Embassy of Estonia")
    expect(wrapper.locator(".ts-dropdown")).to_be_hidden()

    assert len(held) == 1  # the first screenful, asked for on opening, still on its way
    held[0].continue_()
    page.wait_for_timeout(300)
    expect(wrapper.locator(".ts-dropdown")).to_be_hidden()
    walk_in.get_by_role("button", name="Record the walk-in").click(timeout=3_000)
    expect(page.locator(".alert", has_text="Recorded Kadri Tamm as attended")).to_be_visible()
