"""The security headers, once per kind of response: a page, a redirect, an error page, a download, JSON, a static
file, a page reached through a signed link, the admin.

The headers come from middleware (coordination/middleware.py, django-csp, SecurityMiddleware,
XFrameOptionsMiddleware) that every response of a kind passes alike, so one response of each kind shows them; that
no page has inline code (which the policy would block) is checked on every page the permission matrix fetches
(assert_no_inline_code, tests/test_permission_matrix.py).
"""

import re

import pytest
from django.urls import reverse

from tests.security.world import path_kwargs, shared_world, site_urls

SITE_URLS = {url.name: url for url in site_urls()}
INLINE_SCRIPT = re.compile(rb"<script(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE)
INLINE_STYLE = re.compile(rb"<style\b|\sstyle\s*=", re.IGNORECASE)
EVENT_HANDLER = re.compile(rb"<[^>]+\son[a-z]+\s*=", re.IGNORECASE)


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    with shared_world(django_db_blocker) as shared:
        yield shared


def assert_headers_set_by_the_outer_middleware(response):
    """What SecurityMiddleware and SecurityHeadersMiddleware add, also to what WhiteNoise serves before the rest."""
    url = response.request["PATH_INFO"]
    assert response.headers.get("X-Content-Type-Options") == "nosniff", url
    assert response.headers.get("Referrer-Policy") == "same-origin", url
    assert "camera=()" in response.headers.get("Permissions-Policy", ""), url
    assert response.headers.get("Cross-Origin-Resource-Policy") == "same-origin", url


def assert_security_headers(response):
    url = response.request["PATH_INFO"]
    csp = response.headers.get("Content-Security-Policy", "")
    assert "frame-ancestors 'none'" in csp, url
    assert "script-src 'self'" in csp, url
    assert "style-src 'self'" in csp, url
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp, url
    assert response.headers.get("X-Frame-Options") == "DENY", url
    assert_headers_set_by_the_outer_middleware(response)


def assert_no_inline_code(response):
    """The CSP forbids inline scripts, styles and event handlers: a page that has them is broken in browsers."""
    if not response.get("Content-Type", "").startswith("text/html"):
        return
    body = response.content
    url = response.request["PATH_INFO"]
    assert not INLINE_SCRIPT.search(body), f"{url}: inline <script>"
    assert not INLINE_STYLE.search(body), f"{url}: inline style"
    assert not EVENT_HANDLER.search(body), f"{url}: inline on*= handler"


def get(client, world, name, role=None, **kwargs):
    if role is not None:
        client = world.client_as(role)
    return client.get(reverse(name, kwargs=path_kwargs(world, SITE_URLS[name])), **kwargs)


def test_a_page_has_the_security_headers(client, world, db):
    response = get(client, world, "meetings:meeting-detail", "participant")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/html")
    assert_security_headers(response)


def test_a_redirect_has_the_security_headers(client, world, db):
    response = get(client, world, "dashboard")  # anonymous: to the login page
    assert response.status_code == 302
    assert_security_headers(response)


def test_a_forbidden_page_has_the_security_headers(client, world, db):
    response = get(client, world, "meetings:meeting-new", "participant")
    assert response.status_code == 403
    assert_security_headers(response)


def test_a_refused_method_has_the_security_headers(client, db):
    response = client.post(reverse("healthz"))
    assert response.status_code == 405
    assert_security_headers(response)


def test_a_page_that_does_not_exist_has_the_security_headers(client, world, db):
    client.force_login(world.participant)
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert_security_headers(response)
    assert_no_inline_code(response)


@pytest.mark.parametrize("name", ["meetings:document-download", "meetings:action-export", "calendar-feed"])
def test_a_download_has_the_security_headers(client, world, db, name):
    response = get(client, world, name, "participant")
    assert response.status_code == 200 and not response["Content-Type"].startswith("text/html")
    assert_security_headers(response)


def test_json_has_the_security_headers(client, world, db):
    response = get(client, world, "picker", "secretariat", data={"q": "a"})
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    assert_security_headers(response)


def test_a_static_file_has_the_headers_of_the_middleware_before_whitenoise(client, db, settings):
    # As in production, WhiteNoise serves it before the later middleware; here from the finders, not STATIC_ROOT.
    settings.WHITENOISE_USE_FINDERS = settings.WHITENOISE_AUTOREFRESH = True
    response = client.get("/static/favicon.svg")
    assert response.status_code == 200
    assert_headers_set_by_the_outer_middleware(response)


@pytest.mark.parametrize(
    "name",
    [
        "meetings:meeting-rsvp-link",
        "stakeholders:account-invitation",
        "stakeholders:reminders-unsubscribe",
        "personal-calendar-feed",
    ],
)
def test_a_signed_link_has_the_security_headers(client, world, db, name):
    response = get(client, world, name)  # anonymous: the signed token stands in for the login
    assert response.status_code == 200
    assert_security_headers(response)


def test_the_admin_has_the_security_headers(client, world, db):
    client.force_login(world.admin)
    for path in ["/admin/", "/admin/meetings/meeting/", reverse("admin:auth_user_changelist")]:
        response = client.get(path)
        assert response.status_code == 200, path
        assert_security_headers(response)
