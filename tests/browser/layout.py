"""The two widths of the browser tests: a desktop of 1280 px and a phone of 390 px.

Each flow is walked once, at the width its person uses (the secretariat at a desk, an invitee or the door on a
phone); walking it again at the other width repeated every click for nothing the layout changes. What the other
width can break, a page that scrolls sideways, is measured at both widths wherever a flow checks the layout."""

DESKTOP = 1280
PHONE = 390
WIDTHS = (DESKTOP, PHONE)


def page_width(page) -> int:
    """How wide the page is, scrolled sideways to its end: more than the window means the page itself scrolls."""
    return page.evaluate("() => document.documentElement.scrollWidth")


def assert_fits(page):
    """Nothing makes the page scroll sideways, at either width (measured once the page has loaded, not
    mid-navigation); the window is then put back as it was."""
    page.wait_for_load_state("load")
    window = page.viewport_size
    try:
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": window["height"]})
            scroll_width = page_width(page)
            assert scroll_width <= width, f"{page.url} is {scroll_width} px wide in a {width} px window"
    finally:
        page.set_viewport_size(window)
