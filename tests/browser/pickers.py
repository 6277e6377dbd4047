"""Choosing in a search-as-you-type picker (coordination.widgets.SearchSelect, made a Tom Select by pickers.js)."""


def pick(control, text: str) -> None:
    """Type `text` into the picker whose search box is `control` (found by the field's label) and choose the
    option that shows it."""
    control.click()
    control.fill(text)
    wrapper = control.locator("xpath=ancestor::div[contains(concat(' ', @class, ' '), ' ts-wrapper ')][1]")
    wrapper.locator(".ts-dropdown .option", has_text=text).first.click()
