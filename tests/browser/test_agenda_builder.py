"""The agenda builder in a real browser: dragging an item (SortableJS) and the keyboard's Up/Down, start times, a
presenter named inline, a document attached to an item; walked at a desk, measured at
both widths (tests/browser/layout.py)."""

import datetime
import zoneinfo

import pytest
from playwright.sync_api import expect

from meetings.models import Document
from stakeholders.models import Contact
from tests.browser.layout import DESKTOP, assert_fits
from tests.browser.pickers import pick
from tests.browser.test_secretariat_flow import field
from tests.meetings.factories import AgendaItemFactory, MeetingFactory
from tests.stakeholders.factories import OrganizationFactory, secretariat_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TASHKENT = zoneinfo.ZoneInfo("Asia/Tashkent")
PDF_BYTES = b"%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
TITLES = ["Opening", "Situation overview", "Study visit report", "Closing"]


@pytest.fixture
def meeting():
    meeting = MeetingFactory(
        number=4, starts_at=datetime.datetime(2023, 10, 24, 10, tzinfo=TASHKENT), time_zone="Asia/Tashkent"
    )
    for position, (title, minutes) in enumerate(zip(TITLES, (10, 30, 20, 5), strict=True), start=1):
        AgendaItemFactory(meeting=meeting, position=position, title=title, planned_minutes=minutes)
    return meeting


def _order(meeting) -> list[str]:
    return list(meeting.agenda_items.order_by("position").values_list("title", flat=True))


def _item(page, title):
    return page.locator("#agenda-items > li.agenda-item", has_text=title)


@pytest.mark.parametrize("width", [DESKTOP])
def test_the_secretariat_builds_the_agenda_by_dragging_and_by_keyboard(login, meeting, width, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    OrganizationFactory(name="Estonian Police and Border Guard Board")
    page = login(secretariat_user(username="aziza"))
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"/meetings/{meeting.pk}/agenda/")

    # Start times from the meeting's start (10:00) and each item's minutes.
    expect(_item(page, "Study visit report").locator(".agenda-start-time")).to_have_text("10:40")

    # Dragging "Closing" by its handle onto "Opening" saves the whole order in one request.
    handle = _item(page, "Closing").locator(".agenda-drag-handle")
    expect(handle).to_be_visible()
    handle.drag_to(_item(page, "Opening"), target_position={"x": 20, "y": 4}, steps=12)
    expect(page.get_by_text("Saved the new order of the agenda.")).to_be_visible()
    assert _order(meeting) == ["Closing", "Opening", "Situation overview", "Study visit report"]
    expect(page.locator("#agenda-items .agenda-item-title").first).to_have_text("Closing")
    expect(_item(page, "Opening").locator(".agenda-start-time")).to_have_text("10:05")

    # The keyboard way: focus the Down button of "Closing" and press Enter.
    page.get_by_role("button", name="Move “Closing” down").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_text("Moved “Closing” down.")).to_be_visible()
    assert _order(meeting) == ["Opening", "Closing", "Situation overview", "Study visit report"]

    # A presenter who is not a stored contact, named inline with an organisation picked from the list.
    field(page, "Title").fill("Cooperation with Estonia")
    page.get_by_label("Or a presenter not yet in the contacts: name").fill("Kristiina Tamm")
    pick(page.get_by_label("Presenter's organisation"), "Estonian Police")
    page.get_by_role("button", name="Add to the agenda").click()
    expect(page.get_by_text("Added “Cooperation with Estonia” to the agenda.")).to_be_visible()
    expect(_item(page, "Cooperation with Estonia")).to_contain_text("Kristiina Tamm")
    presenter = Contact.objects.get(name="Kristiina Tamm")
    assert presenter.organization.name == "Estonian Police and Border Guard Board"

    # A document attached to an item, from the item's own link.
    page.get_by_role("link", name="Attach a document to “Study visit report”").click()
    page.get_by_label("File").set_input_files(
        {"name": "Visit report.pdf", "mimeType": "application/pdf", "buffer": PDF_BYTES}
    )
    page.get_by_role("button", name="Upload").click()
    expect(page.get_by_text("“Visit report” was uploaded.")).to_be_visible()
    expect(_item(page, "Study visit report").get_by_role("link", name="Visit report", exact=True)).to_be_visible()
    assert Document.objects.get().agenda_item.title == "Study visit report"
    assert_fits(page)

    # The meeting page lists it under the item, with the start times.
    page.goto(meeting.get_absolute_url())
    item = page.locator(".agenda-item", has_text="Study visit report")
    expect(item.get_by_role("link", name="Visit report", exact=True)).to_be_visible()
    expect(item.locator(".agenda-start-time")).to_have_text("10:45")
