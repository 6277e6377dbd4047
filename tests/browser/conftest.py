"""Real-browser tests: Playwright (sync API) drives Debian's Chromium against pytest-django's live server.

Playwright's own browser download does not work here, so the tests use Debian's Chromium: its headless build
(/usr/bin/chromium-headless-shell) when installed, else /usr/bin/chromium. When neither is there they are skipped
locally (`make browser` installs both); under CI
(CI=true) a missing browser is a failure, not a skip. A failing test leaves a screenshot in test-artifacts/.
"""

import os
import re
import time
from pathlib import Path

import pytest

from tests.stakeholders.factories import session_cookie

# Playwright's sync API runs an asyncio event loop in this thread; Django's ORM calls made by the tests
# themselves (factories, assertions) would otherwise be refused as "async unsafe".
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"


def _debian_chromium() -> Path:
    """Debian's headless build of Chromium (package chromium-headless-shell) when it is installed, else its full
    browser. Both are the same Chromium; the headless shell is what Playwright itself runs for headless tests, and it
    spent a third less CPU on the same flows (no window, compositor or browser UI to keep behind the pages)."""
    if path := os.environ.get("CHROMIUM_PATH"):
        return Path(path)
    shell = Path("/usr/bin/chromium-headless-shell")
    return shell if shell.exists() else Path("/usr/bin/chromium")


CHROMIUM = _debian_chromium()
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
INSTALL_HINT = "run `make browser` (or `apt-get install chromium chromium-headless-shell`) to run the browser tests"
MISSING_BROWSER = f"Chromium is not installed at {CHROMIUM}: {INSTALL_HINT}."


def _static_files_kept_by_the_browser():
    """The live server serves static files the way Django's development server does: without Cache-Control, so
    Chromium fetched the stylesheet, the scripts and the fonts again for every page (41 of a flow's 54 requests).
    In production they are served with a long max-age (whitenoise, hashed names); here each browser context keeps
    them for the test's duration."""
    from django.contrib.staticfiles.handlers import StaticFilesHandlerMixin

    serve = StaticFilesHandlerMixin.serve

    def serve_with_cache_control(self, request):
        response = serve(self, request)
        response.headers["Cache-Control"] = "private, max-age=3600"
        return response

    StaticFilesHandlerMixin.serve = serve_with_cache_control


_static_files_kept_by_the_browser()


def _under_ci() -> bool:
    return os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def pytest_collection_modifyitems(config, items):
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.browser)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"rep_{report.when}", report)


@pytest.fixture(scope="session")
def chromium():
    if not CHROMIUM.exists():
        if _under_ci():
            pytest.fail(MISSING_BROWSER + " Under CI a missing browser is a failure.", pytrace=False)
        pytest.skip(MISSING_BROWSER)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def new_page(chromium, live_server, request):
    """Open pages in fresh browser contexts (separate cookies: one per user); screenshot them on failure."""
    contexts, console = [], []

    def open_page():
        # Reduced motion, as a person may ask of their system: Bootstrap then opens menus, dialogs and folds at once
        # instead of animating them, so the browser draws no frames of a fade that no test looks at.
        context = chromium.new_context(
            base_url=live_server.url, viewport={"width": 1280, "height": 900}, reduced_motion="reduce"
        )
        context.set_default_timeout(10_000)
        contexts.append(context)
        page = context.new_page()
        number = len(contexts)
        page.on("console", lambda message: console.append(f"[page {number}] {message.type}: {message.text}"))
        page.on("pageerror", lambda error: console.append(f"[page {number}] error: {error}"))
        page.on(
            "response",
            lambda response: (
                response.status >= 400
                and console.append(f"[page {number}] HTTP {response.status}: {response.request.method} {response.url}")
            ),
        )
        page.on("requestfailed", lambda req: console.append(f"[page {number}] failed: {req.method} {req.url}"))
        return page

    yield open_page

    failed = getattr(request.node, "rep_call", None) is not None and request.node.rep_call.failed
    if failed:
        print("The browser's console, its script errors and failed requests:", *console, sep="\n  ")
        ARTIFACTS.mkdir(exist_ok=True)
        name = re.sub(r"[^\w.-]+", "_", request.node.nodeid)
        for index, context in enumerate(contexts):
            for number, page in enumerate(context.pages):
                try:
                    page.screenshot(path=str(ARTIFACTS / f"{name}-{index}-{number}.png"), full_page=True)
                except Exception as error:  # a screenshot must never hide the real failure
                    print(f"Could not save a screenshot: {error}")
    for context in contexts:
        context.close()
    _wait_for_requests_in_flight_to_finish()


def _wait_for_requests_in_flight_to_finish():
    """A closing page may still send what it had (the minutes editor saves unsaved text on leaving): the live server
    answers it while the test database is flushed, and PostgreSQL resolves the two as a deadlock. Wait, up to 5 s,
    until no other connection to the test database is busy."""
    from django.db import connection

    deadline, quiet = time.monotonic() + 5, 0
    while time.monotonic() < deadline and quiet < 3:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                "AND pid <> pg_backend_pid() AND state = 'active'"
            )
            quiet = quiet + 1 if cursor.fetchone()[0] == 0 else 0
        time.sleep(0.03)


@pytest.fixture
def login(new_page, live_server):
    """A page of the given user's own browser, signed in and still blank: the test opens the page its person starts
    from (the dashboard is `page.goto("/")`), so no flow loads a page it does not use. The session is made as the
    login form makes it (django.contrib.auth's login(), with its signals) and handed to the browser as its cookie:
    the form itself is walked by the tests of signing in (test_two_factor, test_single_sign_on,
    test_account_invitation, tests/security/test_login.py), not once per page of every other test."""

    def log_in(user):
        page = new_page()
        session = session_cookie(user)
        page.context.add_cookies([{"name": session.key, "value": session.value, "url": live_server.url}])
        return page

    return log_in
