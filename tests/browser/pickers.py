"""Choosing in a search-as-you-type picker (common.widgets.SearchSelect, made a Tom Select by pickers.js)."""

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect


def pick(field, text: str) -> None:
    """Type `text` into the picker found by its label (`page.get_by_label(...)`: Tom Select labels its search box
    and its list of options with the field's label) and choose the option that shows it.

    The options come from the server as one types: on a busy machine the list can be drawn again between finding an
    option and clicking it, and the click then lands on the old list. So the choice is checked, and made again once."""
    control = field.and_(field.page.get_by_role("combobox"))
    wrapper = control.locator("xpath=ancestor::div[contains(concat(' ', @class, ' '), ' ts-wrapper ')][1]")
    chosen = wrapper.locator(".ts-control .item", has_text=text).first
    for attempt in range(2):
        wrapper.locator(".ts-control").click()  # a single select with a choice hides its search box until opened
        control.fill(text)
        wrapper.locator(".ts-dropdown .option", has_text=text).first.click()
        try:
            expect(chosen).to_be_visible(timeout=3_000 if attempt == 0 else 5_000)
            return
        except (AssertionError, PlaywrightError):
            if attempt == 1:
                raise
