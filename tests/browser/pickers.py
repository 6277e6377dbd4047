"""Choosing in a search-as-you-type picker (common.widgets.SearchSelect, made a Tom Select by pickers.js)."""


def pick(field, text: str) -> None:
    """Type `text` into the picker found by its label (`page.get_by_label(...)`: Tom Select labels its search box
    and its list of options with the field's label) and choose the option that shows it."""
    control = field.and_(field.page.get_by_role("combobox"))
    wrapper = control.locator("xpath=ancestor::div[contains(concat(' ', @class, ' '), ' ts-wrapper ')][1]")
    wrapper.locator(".ts-control").click()  # a single select with a choice hides its search box until opened
    control.fill(text)
    wrapper.locator(".ts-dropdown .option", has_text=text).first.click()
