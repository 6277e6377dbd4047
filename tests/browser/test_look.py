"""The look, measured in a real browser on the demo data: axe-core finds no serious or critical violation on any
main page, for a participant and for the secretariat, in English, Russian and Uzbek; no main page is wider than a
390 px phone; the menu fits one line at 1280 px; the keyboard reaches the content and the meeting's other actions.

One browser context per role and language, its session and language given as cookies; each page is loaded once at
1280 px (menu, axe) and measured again at 390 px after a resize. axe-core comes from node_modules (npm's
`axe-core`); the context bypasses the portal's Content-Security-Policy only so that the test can inject it.

`SCREENSHOTS=1 pytest tests/browser/test_look.py -k screenshots` writes docs/screenshots/*.png
(docs/development.md, "The look").
"""

import os
import re
from pathlib import Path

import pytest
from django.conf import settings
from playwright.sync_api import expect

from activities.models import Activity
from coordination.operations.demo import load_demo
from meetings.models import ActionItem, Meeting
from stakeholders.models import Organization
from tests.browser.layout import page_width
from tests.meetings.factories import MeetingFactory, MeetingSeriesFactory, ParticipationFactory
from tests.stakeholders.factories import OrganizationFactory, participant_user, secretariat_user, session_cookie

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
BLOCKING = {"serious", "critical"}
SCREENSHOTS = Path(settings.BASE_DIR) / "docs" / "screenshots"
MATRIX_REGION = {"en": "Participation matrix", "ru": "Матрица участия"}
README_SHOTS = [
    ("dashboard", DESKTOP),
    ("meeting", DESKTOP),
    ("participation", DESKTOP),
    ("meeting", PHONE),
    ("actions", PHONE),
    ("timeline", PHONE),
]


@pytest.fixture
def demo():
    load_demo(with_users=False)
    fourth = Meeting.objects.get(number=4)
    unit = Organization.objects.get(acronym="MIA CTIP Unit")
    return {
        "meeting": fourth,
        "series": fourth.series,
        "action": ActionItem.objects.filter(meeting=fourth).order_by("pk").first(),
        "activity": Activity.objects.order_by("starts_on", "pk").first(),
        "organization": unit,
        "participant": participant_user(organization=unit, username="reader"),
        "secretariat": secretariat_user(username="convener"),
    }


def main_pages(demo, role: str) -> dict[str, str]:
    """Every main page of the issue, by name: what each role reads, and the secretariat's own pages."""
    meeting, series = demo["meeting"], demo["series"]
    pages = {
        "dashboard": "/",
        "meetings": "/meetings/",
        "meeting": meeting.get_absolute_url(),
        "actions": "/actions/",
        "action": demo["action"].get_absolute_url(),
        "activities": "/activities/",
        "activity": demo["activity"].get_absolute_url(),
        "organisations": "/organizations/",
        "organisation": demo["organization"].get_absolute_url(),
        "search": "/search/?q=training",
        "meetings:series-list": "/series/",
        "series": series.get_absolute_url(),
        "participation": f"/series/{series.pk}/participation/",
        "progress": f"/series/{series.pk}/progress/",
        "timeline": f"/series/{series.pk}/timeline/?year=2023",
        "trends": f"/series/{series.pk}/trends/",
        "print-agenda": f"/meetings/{meeting.pk}/print/agenda/",
        "print-minutes": f"/meetings/{meeting.pk}/print/minutes/",
        "compiled-minutes": f"/series/{series.pk}/minutes/",
    }
    if role == "secretariat":
        pages["accounts"] = "/accounts/people/"
        pages["agenda-builder"] = f"/meetings/{meeting.pk}/agenda/"
    else:
        pages["accounts"] = "/accounts/profile/"
    return pages


def log_in(chromium, live_server, user, language: str):
    """A browser context of the user's, reading in the language: the session and the language are its cookies, as
    the login form and the language switcher leave them (those are walked by the flows that use them:
    test_two_factor, test_single_sign_on, test_participant_flow), so that each page below is loaded once."""
    context = chromium.new_context(base_url=live_server.url, viewport=DESKTOP, bypass_csp=True)
    context.set_default_timeout(15_000)
    with_axe(context)
    session = session_cookie(user)
    context.add_cookies(
        [
            {"name": session.key, "value": session.value, "url": live_server.url},
            {"name": settings.LANGUAGE_COOKIE_NAME, "value": language, "url": live_server.url},
        ]
    )
    return context, context.new_page()


def with_axe(context):
    """axe-core in every page the context opens, loaded before the page's own scripts: the browser compiles it once
    (adding it to each page as a script tag of its text took as long as running it)."""
    context.add_init_script(path=str(AXE))


def axe_violations(page) -> list[dict]:
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.add_script_tag(content=AXE.read_text())
    # Of the rules axe runs by default, only those that can find a serious or critical violation: a rule's impact is
    # the highest of its checks', so the others' findings (headings in order, landmarks, hidden content) would be
    # dropped below anyway.
    violations = page.evaluate(
        """async (blocking) => {
            const audit = (axe._audit && axe._audit.rules) || [];
            const rules = audit.filter(r => r.enabled && blocking.includes(r.impact)).map(r => r.id);
            const only = rules.length ? {runOnly: {type: "rule", values: rules}} : {};
            return (await axe.run(document, {resultTypes: ["violations"], ...only})).violations.map(v => ({
                id: v.id, impact: v.impact, targets: v.nodes.slice(0, 5).map(n => n.target.join(" "))}));
        }""",
        sorted(BLOCKING),
    )
    return [violation for violation in violations if violation["impact"] in BLOCKING]


def menu_problems(page) -> list[str]:
    """At 1280 px the expanded menu is one line, and nothing in it reaches past the window's right edge."""
    box = page.evaluate(
        """() => {
            const nav = document.querySelector("nav.navbar");
            const brand = nav.querySelector(".navbar-brand").getBoundingClientRect();
            const right = Math.max(...[...nav.querySelectorAll("*")].map(e => e.getBoundingClientRect().right));
            const tops = [...nav.querySelectorAll(".navbar-nav > .nav-item, .language-switcher, form[role=search]")]
                .filter(e => e.offsetParent !== null).map(e => e.getBoundingClientRect());
            const middles = tops.map(r => Math.round(r.top + r.height / 2));
            return {height: nav.getBoundingClientRect().height, brand: brand.height, right: right,
                    spread: Math.max(...middles) - Math.min(...middles), width: window.innerWidth};
        }"""
    )
    problems = []
    if box["spread"] > 4 or box["height"] > 72:
        problems.append(f"the menu wraps: {box['height']:.0f} px high, items {box['spread']} px apart")
    if box["right"] > box["width"]:
        problems.append(f"the menu reaches {box['right']:.0f} px, past the {box['width']} px window")
    return problems


@pytest.mark.parametrize("language", ["en", "ru", "uz"])
@pytest.mark.parametrize("role", ["participant", "secretariat"])
def test_main_pages_pass_axe_and_fit_a_phone(chromium, live_server, demo, role, language):
    context, page = log_in(chromium, live_server, demo[role], language)
    failures = []
    try:
        for name, path in main_pages(demo, role).items():
            page.set_viewport_size(DESKTOP)
            response = page.goto(path)
            if response.status != 200:
                failures.append(f"{name} {path}: HTTP {response.status}")
                continue
            if (lang := page.locator("html").get_attribute("lang")) != language:
                failures.append(f"{name} {path}: in {lang!r}, not {language!r}")
            if name == "dashboard":
                failures.extend(f"{name}: {problem}" for problem in menu_problems(page))
            for violation in axe_violations(page):
                failures.append(f"{name} {path}: axe {violation['impact']} {violation['id']} at {violation['targets']}")
            page.set_viewport_size(PHONE)
            width = page_width(page)
            if width > PHONE["width"]:
                failures.append(f"{name} {path}: {width} px wide on a {PHONE['width']} px phone")
    finally:
        context.close()
    assert not failures, f"{role}, {language}:\n" + "\n".join(failures)


@pytest.mark.parametrize("language", ["en", "ru"])
def test_the_participation_matrix_of_a_long_series_fits_a_phone(chromium, live_server, language):
    """Twelve meetings, more than a page of organisations, long names: the matrix scrolls inside its own region."""
    series = MeetingSeriesFactory()
    meetings = [MeetingFactory(series=series, number=number) for number in range(1, 13)]
    for number in range(55):
        organization = OrganizationFactory(
            name=f"National Commission on Countering Trafficking in Persons, unit {number}",
            acronym=f"National Commission unit {number}",
        )
        for meeting in meetings:
            ParticipationFactory(meeting=meeting, organization=organization, status="attended")
    context, page = log_in(chromium, live_server, participant_user(username="reader"), language)
    try:
        page.set_viewport_size(PHONE)
        page.goto(f"/series/{series.pk}/participation/")
        region = page.get_by_role("region", name=MATRIX_REGION[language])
        expect(region).to_be_visible()
        assert region.get_attribute("tabindex") == "0"
        assert page_width(page) <= PHONE["width"]
        assert region.evaluate("e => e.scrollWidth > e.clientWidth"), "the matrix scrolls inside its region"
    finally:
        context.close()


def test_the_keyboard_reaches_the_content_and_the_meeting_s_other_actions(chromium, live_server, demo):
    context, page = log_in(chromium, live_server, demo["secretariat"], "en")
    try:
        page.goto(demo["meeting"].get_absolute_url())
        page.keyboard.press("Tab")
        skip = page.get_by_role("link", name="Skip to content")
        expect(skip).to_be_focused()
        expect(skip).to_be_visible()
        outline = skip.evaluate("e => getComputedStyle(e).outlineStyle")
        assert outline != "none", "the focused skip link shows where the focus is"
        page.keyboard.press("Enter")
        expect(page.locator("main")).to_be_focused()

        # One primary action; the others open from "More actions" with the keyboard alone.
        expect(page.locator("#lifecycle .btn-primary")).to_have_count(1)
        more = page.get_by_role("button", name="More actions")
        more.focus()
        page.keyboard.press("Enter")
        expect(more).to_have_attribute("aria-expanded", "true")
        page.keyboard.press("ArrowDown")
        expect(page.get_by_role("link", name="Edit details")).to_be_focused()
        page.keyboard.press("Escape")
        expect(more).to_have_attribute("aria-expanded", "false")
        # "Write the minutes" is offered once: the published meeting's next step is preparing the next one.
        assert page.get_by_text("Write the minutes", exact=True).count() <= 1
    finally:
        context.close()


@pytest.mark.skipif(not os.environ.get("SCREENSHOTS"), reason="set SCREENSHOTS=1 to write docs/screenshots/")
def test_screenshots(chromium, live_server, demo):
    """Writes the README's screenshots of a few main pages, at 1280 and 390 px."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    pages = main_pages(demo, "secretariat")
    context, page = log_in(chromium, live_server, demo["secretariat"], "en")
    try:
        for name, viewport in README_SHOTS:
            page.set_viewport_size(viewport)
            page.goto(pages[name])
            page.screenshot(path=str(SCREENSHOTS / f"{name}-{viewport['width']}.png"), type="png")
    finally:
        context.close()
    for shot in SCREENSHOTS.glob("*.png"):
        assert re.fullmatch(r"[\w-]+-(1280|390)\.png", shot.name)
