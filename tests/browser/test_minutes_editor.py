"""Recording a meeting on the minutes editor in a real browser: one card per agenda item, text saved by itself,
statements, decisions and actions added in place without losing what is typed elsewhere, a conflicting edit made
in a second browser reported, and leaving the page with unsaved text asked about first."""

import datetime
import os
import re

import pytest
from playwright.sync_api import expect

from meetings.models import ActionItem, AgendaItem, Decision, Statement
from tests.browser.layout import DESKTOP, assert_fits
from tests.browser.pickers import pick
from tests.meetings.factories import AgendaItemFactory, MeetingFactory, MeetingSeriesFactory
from tests.stakeholders.factories import ContactFactory, OrganizationFactory, secretariat_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SCREENSHOTS = os.environ.get("SCREENSHOTS_DIR")  # optional: look at the pages


def shot(page, name, width):
    if SCREENSHOTS:
        page.screenshot(path=f"{SCREENSHOTS}/{name}-{width}.png", full_page=True)


@pytest.fixture
def fifth():
    series = MeetingSeriesFactory(title="Counter-trafficking coordination platform")
    meeting = MeetingFactory(series=series, number=5, starts_at=datetime.datetime(2023, 4, 11, 10, tzinfo=datetime.UTC))
    trends = AgendaItemFactory(meeting=meeting, position=1, title="Emerging trends")
    trainings = AgendaItemFactory(meeting=meeting, position=2, title="Airport staff trainings")
    return meeting, trends, trainings


@pytest.mark.parametrize("width", [DESKTOP])
def test_the_secretariat_writes_the_minutes_on_one_page(login, fifth, width):
    meeting, trends, trainings = fifth
    ministry = OrganizationFactory(name="Ministry of Internal Affairs", acronym="MIA")
    speaker = ContactFactory(organization=ministry, name="Representative of the ministry")
    page = login(secretariat_user(username="aziza"))
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"/meetings/{meeting.pk}/minutes/edit/")
    first, second = page.locator(f"#item-{trends.pk}"), page.locator(f"#item-{trainings.pk}")

    # Text typed in the second card stays there while the first card's entries are added in place.
    second.get_by_label("Discussion summary (English)").fill("Trainings held in Bukhara, Fergana and Namangan")

    first.get_by_role("link", name="Add a statement").click()
    statement_form = first.locator("form.entry-form")
    pick(statement_form.get_by_label("Speaker"), speaker.name)
    statement_form.get_by_role("textbox", name=re.compile("Text")).fill("Recruitment has moved to social media")
    statement_form.get_by_role("button", name="Save the statement").click()
    expect(first.locator(f"#item-{trends.pk}-statement-rows")).to_contain_text("Recruitment has moved to social media")

    first.get_by_role("link", name="Add a decision").click()
    # The statement's form stays open, empty, for the next statement: each kind's form is in its own list.
    decision_form = first.locator(f"#item-{trends.pk}-decision-new form.entry-form")
    decision_text = decision_form.get_by_role("textbox", name=re.compile("Text"))
    decision_text.fill("Share the trend analysis with partners")
    first.get_by_role("button", name="Save the decision").click()
    expect(first.locator(f"#item-{trends.pk}-decision-rows")).to_contain_text("Share the trend analysis")

    first.get_by_role("link", name="Add a follow-up action").click()
    action_form = first.locator(f"#item-{trends.pk}-action-new form.entry-form")
    action_form.get_by_role("textbox", name=re.compile("Title")).fill("Send the trend analysis")
    pick(action_form.get_by_label("Responsible organisation"), ministry.name)
    shot(page, "minutes-editor-adding", width)
    first.get_by_role("button", name="Save the follow-up action").click()
    expect(first.locator(f"#item-{trends.pk}-action-rows")).to_contain_text("Send the trend analysis")

    expect(second.get_by_label("Discussion summary (English)")).to_have_value(
        "Trainings held in Bukhara, Fergana and Namangan"
    )
    first.get_by_label("Discussion summary (English)").fill("Partners described new recruitment routes")
    expect(first.locator(".save-state")).to_contain_text("Saved at", timeout=15_000)
    expect(second.locator(".save-state")).to_contain_text("Saved at", timeout=15_000)
    shot(page, "minutes-editor-saved", width)
    assert_fits(page)

    page.reload()
    first, second = page.locator(f"#item-{trends.pk}"), page.locator(f"#item-{trainings.pk}")
    expect(first.get_by_label("Discussion summary (English)")).to_have_value(
        "Partners described new recruitment routes"
    )
    expect(second.get_by_label("Discussion summary (English)")).to_have_value(
        "Trainings held in Bukhara, Fergana and Namangan"
    )
    expect(first).to_contain_text("Recruitment has moved to social media")
    expect(first).to_contain_text("Share the trend analysis with partners")
    expect(first).to_contain_text("Send the trend analysis")
    assert Statement.objects.get().agenda_item_id == trends.pk
    assert Decision.objects.get().agenda_item_id == trends.pk
    assert ActionItem.objects.get().agenda_item_id == trends.pk


@pytest.mark.parametrize("width", [DESKTOP])
def test_an_edit_made_in_another_browser_is_reported_as_a_conflict(login, fifth, width):
    meeting, trends, _trainings = fifth
    url = f"/meetings/{meeting.pk}/minutes/edit/"
    mine = login(secretariat_user(username="aziza"))
    mine.set_viewport_size({"width": width, "height": 900})
    mine.goto(url)
    theirs = login(secretariat_user(username="dilnoza"))
    theirs.goto(url)

    their_card = theirs.locator(f"#item-{trends.pk}")
    their_card.get_by_label("Discussion summary (English)").fill("Their account of the discussion")
    expect(their_card.locator(".save-state")).to_contain_text("Saved at", timeout=15_000)

    my_card = mine.locator(f"#item-{trends.pk}")
    my_card.get_by_label("Discussion summary (English)").fill("My account of the discussion")
    conflict = my_card.locator(".conflict")
    expect(conflict).to_contain_text("someone else changed this", timeout=15_000)
    expect(conflict).to_contain_text("Their account of the discussion")
    expect(my_card.get_by_label("Discussion summary (English)")).to_have_value("My account of the discussion")
    shot(mine, "minutes-editor-conflict", width)
    assert AgendaItem.objects.get(pk=trends.pk).discussion_summary == "Their account of the discussion"

    conflict.get_by_role("button", name="Keep my version").click()
    expect(my_card.locator(".save-state")).to_contain_text("Saved at", timeout=15_000)
    assert AgendaItem.objects.get(pk=trends.pk).discussion_summary == "My account of the discussion"


@pytest.mark.parametrize("width", [DESKTOP])
def test_leaving_with_unsaved_text_asks_first(login, fifth, width):
    meeting, trends, _trainings = fifth
    page = login(secretariat_user(username="aziza"))
    page.set_viewport_size({"width": width, "height": 900})
    url = f"/meetings/{meeting.pk}/minutes/edit/"
    page.goto(url)
    dialogs = []

    def stay(dialog):
        dialogs.append(dialog.type)
        dialog.dismiss()

    page.on("dialog", stay)
    card = page.locator(f"#item-{trends.pk}")
    card.get_by_role("link", name="Add a decision").click()
    text = card.locator("form.entry-form").get_by_role("textbox", name=re.compile("Text"))
    text.fill("Not saved yet")
    page.get_by_role("link", name="View page").click()
    page.wait_for_timeout(500)
    assert dialogs == ["beforeunload"]
    assert page.url.endswith(url)
    expect(text).to_have_value("Not saved yet")


def test_text_typed_before_the_page_finished_loading_is_saved(login, fifth):
    """A note-taker who types while the page's scripts are still on their way (a slow connection, or simply fast
    hands) must not find the card unsaved: held back here until the text is typed, htmx then saves it by itself."""
    meeting, trends, _ = fifth
    page = login(secretariat_user(username="aziza"))
    held = []
    page.route("**/htmx.min.js", lambda route: held.append(route))
    page.goto(f"/meetings/{meeting.pk}/minutes/edit/", wait_until="commit")
    card = page.locator(f"#item-{trends.pk}")
    card.get_by_label("Discussion summary (English)").fill("Typed before the scripts arrived")
    expect(card.locator(".save-state")).not_to_contain_text("Saved at")
    page.wait_for_timeout(300)
    assert len(held) == 1
    held[0].continue_()
    expect(card.locator(".save-state")).to_contain_text("Saved at", timeout=15_000)
    assert AgendaItem.objects.get(pk=trends.pk).discussion_summary == "Typed before the scripts arrived"


def test_a_slow_save_does_not_pull_the_focus_away_from_where_the_person_types_next(login, fifth):
    """After a decision is saved, the next empty decision form is focused, so that the next one is typed at once;
    but not when the person has already moved to another card while the save was on its way: their typing stays
    where they put it."""
    meeting, trends, trainings = fifth
    page = login(secretariat_user(username="aziza"))
    page.goto(f"/meetings/{meeting.pk}/minutes/edit/")
    first, second = page.locator(f"#item-{trends.pk}"), page.locator(f"#item-{trainings.pk}")
    first.get_by_role("link", name="Add a decision").click()
    decision = first.locator(f"#item-{trends.pk}-decision-new form").get_by_role("textbox", name=re.compile("Text"))
    decision.fill("Adopt the agenda")
    decision.press("Enter")
    expect(first.locator(f"#item-{trends.pk}-decision-rows")).to_contain_text("Adopt the agenda")
    expect(decision).to_be_focused()  # the next decision's empty form: typed at once

    held = []
    page.route(re.compile(r"/decisions/new/"), lambda route: held.append(route))
    decision.fill("Share the analysis")
    decision.press("Enter")
    page.wait_for_timeout(300)
    assert len(held) == 1
    summary = second.get_by_label("Discussion summary (English)")
    summary.click()
    page.keyboard.type("Trainings in Bukhara")
    held[0].continue_()
    expect(first.locator(f"#item-{trends.pk}-decision-rows")).to_contain_text("Share the analysis")
    page.wait_for_timeout(300)  # the swap has settled: htmx would have moved the focus by now
    page.keyboard.type(" and Fergana")
    expect(summary).to_be_focused()
    expect(summary).to_have_value("Trainings in Bukhara and Fergana")
    expect(decision).to_have_value("")
