"""Every page, whatever its answer (200, redirect to login, 403, 404, 405), carries the security headers."""

import re

import pytest
from django.urls import reverse

from tests.security.world import path_kwargs, shared_world, site_urls

SITE_URLS = site_urls()
INLINE_SCRIPT = re.compile(rb"<script(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE)
INLINE_STYLE = re.compile(rb"<style\b|\sstyle\s*=", re.IGNORECASE)
EVENT_HANDLER = re.compile(rb"<[^>]+\son[a-z]+\s*=", re.IGNORECASE)


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    with shared_world(django_db_blocker) as shared:
        yield shared


def assert_security_headers(response):
    url = response.request["PATH_INFO"]
    csp = response.headers.get("Content-Security-Policy", "")
    assert "frame-ancestors 'none'" in csp, url
    assert "script-src 'self'" in csp, url
    assert "style-src 'self'" in csp, url
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp, url
    assert response.headers.get("X-Content-Type-Options") == "nosniff", url
    assert response.headers.get("Referrer-Policy") == "same-origin", url
    assert response.headers.get("X-Frame-Options") == "DENY", url
    assert "camera=()" in response.headers.get("Permissions-Policy", ""), url


def assert_no_inline_code(response):
    """The CSP forbids inline scripts, styles and event handlers: a page that has them is broken in browsers."""
    if not response.get("Content-Type", "").startswith("text/html"):
        return
    body = response.content
    url = response.request["PATH_INFO"]
    assert not INLINE_SCRIPT.search(body), f"{url}: inline <script>"
    assert not INLINE_STYLE.search(body), f"{url}: inline style"
    assert not EVENT_HANDLER.search(body), f"{url}: inline on*= handler"


@pytest.mark.parametrize("url", SITE_URLS, ids=[url.name for url in SITE_URLS])
@pytest.mark.parametrize("role", ["anonymous", "participant", "secretariat"])
def test_every_page_has_the_security_headers(client, world, db, url, role):
    if role != "anonymous":
        client.force_login(getattr(world, role))
    path = reverse(url.name, kwargs=path_kwargs(world, url))
    response = client.get(path)
    assert response.status_code < 500
    assert_security_headers(response)
    assert_no_inline_code(response)


def test_error_pages_and_admin_have_the_security_headers(client, world, db):
    client.force_login(world.admin)
    for path in ["/no-such-page/", "/admin/", "/admin/meetings/meeting/", reverse("admin:auth_user_changelist")]:
        response = client.get(path)
        assert_security_headers(response)
        assert_no_inline_code(response) if not path.startswith("/admin/") else None
    response = client.post(reverse("healthz"))
    assert response.status_code == 405
    assert_security_headers(response)
