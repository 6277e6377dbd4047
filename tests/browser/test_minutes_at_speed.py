"""Minutes at the speed of a note-taker, in a real browser at a desk (both widths measured).

A whole meeting's minutes (four agenda items, each with its summary, a statement, a decision and a follow-up action,
and the review of two actions carried to the meeting) are entered the way a person would, counting every click and,
separately, every Enter that saves: a field is clicked only when the focus is not already in it, a picker is used
only when it has no value yet, and an entry is saved with Enter only when its field is one line (otherwise its Save
button is clicked). Then the page is reloaded and everything entered must be stored and shown.

And the live control's companion: the item under way is recorded in place, without leaving the control, and an edit
saved meanwhile in the minutes editor is reported as a conflict without losing what was typed."""

import datetime
import os
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from meetings.models import ActionItem, ActionStatus, ActionUpdate, AgendaItem, Decision, MeetingStatus, Statement
from tests.browser.layout import DESKTOP, assert_fits
from tests.browser.pickers import pick
from tests.meetings.factories import (
    ActionItemFactory,
    AgendaItemFactory,
    MeetingFactory,
    MeetingSeriesFactory,
)
from tests.stakeholders.factories import ContactFactory, OrganizationFactory, secretariat_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
CLICK_BUDGET = 40  # the "4 items in at most 40 clicks"
SCREENSHOTS = os.environ.get("SCREENSHOTS_DIR")  # optional: look at the pages


def shot(page, name, width):
    if SCREENSHOTS:
        page.screenshot(path=f"{SCREENSHOTS}/{name}-{width}.png", full_page=True)


class NoteTaker:
    """Drives the page as a person does and counts what it costs: clicks, and Enters that save."""

    def __init__(self, page):
        self.page = page
        self.clicks = 0
        self.enters = 0

    def click(self, target):
        self.clicks += 1
        target.click()

    def type_into(self, field, text):
        """Type into ``field``, clicking it first only when the focus is not already there."""
        expect(field).to_be_visible()
        if not field.evaluate("element => element === document.activeElement"):
            self.click(field)
        self.page.keyboard.type(text)

    def choose_if_empty(self, form, name, label, text):
        """A picker left as it is when the form already gives it a value (a default); else chosen: two clicks."""
        if form.locator(f"select[name$='-{name}']").input_value():
            return
        self.clicks += 2  # open the picker, click the option (tests.browser.pickers.pick)
        pick(form.get_by_label(label), text)

    def save(self, field, form, noun):
        """Enter in a one-line field saves its form; a text area needs its Save button."""
        if field.evaluate("element => element.tagName") == "INPUT":
            self.enters += 1
            field.press("Enter")
        else:
            self.click(form.get_by_role("button", name=f"Save the {noun}"))


@pytest.fixture
def agenda():
    """A held meeting of four items, each presented by someone of its lead organisation; the first also reviews two
    actions carried from the meeting before."""
    series = MeetingSeriesFactory(title="Counter-trafficking coordination platform")
    start = datetime.datetime(2023, 4, 11, 10, tzinfo=datetime.UTC)
    earlier = MeetingFactory(series=series, number=4, published=True, starts_at=start - datetime.timedelta(days=90))
    meeting = MeetingFactory(series=series, number=5, starts_at=start)
    items = []
    for position, (title, body) in enumerate(
        [
            ("Review of follow-up actions", "Ministry of Internal Affairs"),
            ("Emerging trends in recruitment", "General Prosecutor's Office"),
            ("Airport staff trainings", "State Border Service"),
            ("Shelters for survivors", "Ministry of Health"),
        ],
        start=1,
    ):
        organization = OrganizationFactory(name=body, acronym="")
        presenter = ContactFactory(organization=organization, name=f"Presenter of item {position}")
        items.append(
            AgendaItemFactory(
                meeting=meeting,
                position=position,
                title=title,
                presenter=presenter,
                lead_organization=organization,
                reviews_follow_up_actions=position == 1,
            )
        )
    carried = [
        ActionItemFactory(meeting=earlier, title=title, responsible_organization=items[0].lead_organization)
        for title in ("Share the airport training report", "Publish the hotline number")
    ]
    items[0].actions_to_review.add(*carried)
    return meeting, items, carried


def entries_for(item):
    n = item.position
    return {
        "summary": f"Item {n}: partners reported on progress",
        "statement": f"Statement {n}: we will share the figures",
        "decision": f"Decision {n}: adopt the proposal",
        "action": f"Action {n}: send the note",
    }


def record_item(note_taker, page, item):
    texts = entries_for(item)
    card = page.locator(f"#item-{item.pk}")
    note_taker.type_into(card.get_by_label("Discussion summary (English)"), texts["summary"])
    for kind, noun, field_name in (
        ("statement", "statement", "Text"),
        ("decision", "decision", "Text"),
        ("action", "follow-up action", "Title"),
    ):
        form = card.locator(f"#item-{item.pk}-{kind}-new form")
        if not form.count():
            note_taker.click(card.get_by_role("link", name=f"Add a {noun}"))
        field = form.get_by_role("textbox", name=re.compile(field_name))
        if kind == "statement":
            note_taker.choose_if_empty(form, "speaker", "Speaker", item.presenter.name)
        if kind == "action":
            note_taker.choose_if_empty(
                form, "responsible_organization", "Responsible organisation", item.lead_organization.name
            )
        note_taker.type_into(field, texts[kind])
        note_taker.save(field, form, noun)
        expect(card.locator(f"#item-{item.pk}-{kind}-rows")).to_contain_text(texts[kind])


@pytest.mark.parametrize("width", [DESKTOP])
def test_a_whole_meetings_minutes_take_at_most_forty_clicks_and_are_all_kept(login, agenda, width):
    meeting, items, carried = agenda
    page = login(secretariat_user(username="aziza"))
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"/meetings/{meeting.pk}/minutes/edit/")
    note_taker = NoteTaker(page)

    for action in carried:
        review = page.locator(f"#review-{action.pk}")
        note_taker.click(review.get_by_label("Done"))
        note_taker.click(review.get_by_role("button", name="Record the review"))
        expect(page.locator(f"#review-{action.pk}")).to_contain_text("Recorded")
    for item in items:
        record_item(note_taker, page, item)
    for item in items:
        expect(page.locator(f"#item-{item.pk} .save-state")).to_contain_text("Saved at", timeout=15_000)
    shot(page, "minutes-at-speed", width)
    print(f"\nMinutes of 4 items and 2 reviews at {width} px: {note_taker.clicks} clicks, {note_taker.enters} Enters")
    assert note_taker.clicks <= CLICK_BUDGET

    page.reload()
    for item in items:
        texts = entries_for(item)
        card = page.locator(f"#item-{item.pk}")
        expect(card.get_by_label("Discussion summary (English)")).to_have_value(texts["summary"])
        for kind in ("statement", "decision", "action"):
            expect(card.locator(f"#item-{item.pk}-{kind}-rows")).to_contain_text(texts[kind])
        expect(card.locator(f"#item-{item.pk}-statement-rows")).to_contain_text(item.presenter.name)
        stored = AgendaItem.objects.get(pk=item.pk)
        assert stored.discussion_summary == texts["summary"]
        assert Statement.objects.get(agenda_item=item).speaker == item.presenter
        assert Decision.objects.get(agenda_item=item).text == texts["decision"]
        action = ActionItem.objects.get(agenda_item=item)
        assert (action.title, action.responsible_organization) == (texts["action"], item.lead_organization)
    for action in carried:
        review = ActionUpdate.objects.get(action=action, meeting=meeting)
        assert review.status == ActionStatus.DONE
        expect(page.locator(f"#review-{action.pk}")).to_contain_text("Latest progress")
    assert ActionUpdate.objects.filter(meeting=meeting).count() == len(carried) == 2
    assert_fits(page)


@pytest.fixture
def under_way():
    start = timezone.now() - datetime.timedelta(hours=1)
    meeting = MeetingFactory(status=MeetingStatus.PLANNED, starts_at=start, ends_at=start + datetime.timedelta(hours=3))
    organization = OrganizationFactory(name="Ministry of Justice", acronym="")
    items = [
        AgendaItemFactory(
            meeting=meeting,
            position=position,
            title=title,
            presenter=ContactFactory(organization=organization, name=f"Speaker {position}"),
            lead_organization=organization,
        )
        for position, title in enumerate(["Opening remarks", "Emerging trends in recruitment"], start=1)
    ]
    return meeting, items


@pytest.mark.parametrize("width", [DESKTOP])
def test_the_live_control_records_the_item_under_way_in_place(login, under_way, width):
    meeting, (opening, trends) = under_way
    control = login(secretariat_user(username="chair-desk"))
    control.set_viewport_size({"width": width, "height": 900})
    control_url = f"/meetings/{meeting.pk}/live/control/"
    control.goto(control_url)
    expect(control.locator("#live-minutes")).to_have_count(0)  # nothing under way yet
    control.get_by_role("button", name=re.compile("Start with the first item")).click()
    companion = control.locator("#live-minutes")
    expect(companion).to_contain_text("Opening remarks")
    note_taker = NoteTaker(control)

    companion.get_by_label("Discussion summary (English)").fill("The chair opened the meeting")
    expect(companion.locator(".save-state")).to_contain_text("Saved at", timeout=15_000)
    for kind, noun, label, text in (
        ("statement", "statement", "Text", "We welcome the new partners"),
        ("decision", "decision", "Text", "Adopt the agenda"),
        ("action", "follow-up action", "Title", "Circulate the list of participants"),
    ):
        form = companion.locator(f"#item-{opening.pk}-{kind}-new form")
        field = form.get_by_role("textbox", name=re.compile(label))
        note_taker.type_into(field, text)
        note_taker.save(field, form, noun)
        expect(companion.locator(f"#item-{opening.pk}-{kind}-rows")).to_contain_text(text)
        # The next one is typed at once: an empty form of the same kind, focused.
        expect(
            companion.locator(f"#item-{opening.pk}-{kind}-new form").get_by_role("textbox", name=re.compile(label))
        ).to_be_focused()
    shot(control, "live-companion", width)
    assert control.url.endswith(control_url)
    assert Statement.objects.get(agenda_item=opening).speaker == opening.presenter
    assert Decision.objects.get(agenda_item=opening).text == "Adopt the agenda"
    assert ActionItem.objects.get(agenda_item=opening).responsible_organization == opening.lead_organization

    # The minutes editor saves the item's text meanwhile: the companion's next save is refused, nothing is lost.
    editor = login(secretariat_user(username="minute-taker"))
    editor.goto(f"/meetings/{meeting.pk}/minutes/edit/")
    editor.locator(f"#item-{opening.pk}").get_by_label("Discussion summary (English)").fill("The editor's account")
    expect(editor.locator(f"#item-{opening.pk} .save-state")).to_contain_text("Saved at", timeout=15_000)
    companion.get_by_label("Discussion summary (English)").fill("The companion's account")
    conflict = companion.locator(".conflict")
    expect(conflict).to_contain_text("someone else changed this", timeout=15_000)
    expect(conflict).to_contain_text("The editor's account")
    expect(companion.get_by_label("Discussion summary (English)")).to_have_value("The companion's account")
    assert AgendaItem.objects.get(pk=opening.pk).discussion_summary == "The editor's account"
    conflict.get_by_role("button", name="Keep my version").click()
    expect(companion.locator(".save-state")).to_contain_text("Saved at", timeout=15_000)
    assert AgendaItem.objects.get(pk=opening.pk).discussion_summary == "The companion's account"

    control.get_by_role("button", name=re.compile("Next item")).click()
    expect(companion).to_contain_text("Emerging trends in recruitment")
    expect(companion.locator(f"#item-{trends.pk}-statement-new form")).to_be_visible()
    opening.refresh_from_db()
    assert opening.started_at and opening.ended_at
    assert_fits(control)
