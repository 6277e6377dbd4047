"""A whole-page cache for GET requests, keyed by the database snapshot: it can never serve a page older than its data.

The portal's pages are CPU-bound in Django (templates, forms, middleware; see the benchmark notes in the README),
and most requests repeat one a user made a moment ago with the data unchanged. A response is a function of:

- the request: path and query string, the Cookie header (session, CSRF secret, language), Accept-Language, host;
- the committed rows it read;
- the time, through "today" (overdue actions, upcoming meetings) and session expiry.

`pg_current_snapshot()` names the set of committed transactions exactly: two equal snapshots see the same rows,
and every commit anywhere (a form, the admin, a shell, a bulk update, another app server) gives a new one. So the
key needs no invalidation code at all: a write simply makes every older key unreachable. The date in the key and
a short time-out (PAGE_CACHE_SECONDS) bound the time-dependent parts.

Only what is safe to replay is stored: GET, 200, not streamed, no `no-store`, below PAGE_CACHE_MAX_BYTES, setting
no cookie except the CSRF cookie the browser already has, and rendered while the snapshot stayed the same (a
request that wrote, or that raced a commit, is not stored). The cache is per process (LocMemCache): entries are
addressed by content, so several processes or servers can never disagree, they only warm up separately.
Two cases where equal snapshot texts need not mean equal data are excluded: a hot standby (its snapshots do not
list running transactions: nothing is cached there) and a new connection, which may reach a server with another
history after a failover or a restore (each new connection empties the process's cache).
"""

import hashlib

from django.conf import settings
from django.core.cache import caches
from django.db import connection
from django.db.backends.signals import connection_created
from django.dispatch import receiver
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import cc_delim_re

CACHE_ALIAS = "pages"
HIT_HEADER = "X-Page-Cache"
KEYED_HEADERS = {"cookie", "accept-language"}  # request headers that are part of the key


def _vary_headers(response) -> list[str]:
    return cc_delim_re.split(response["Vary"]) if response.has_header("Vary") else []


def current_snapshot() -> str | None:
    """The snapshot's text, or None on a hot standby, whose snapshots do not list running transactions."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_current_snapshot()::text, pg_is_in_recovery()")
        snapshot, in_recovery = cursor.fetchone()
    return None if in_recovery else snapshot


@receiver(connection_created)
def forget_pages_on_reconnect(sender, **kwargs):
    """A new connection may reach a server whose history differs (failover, restore): its snapshots mean other
    data, so nothing rendered before may be replayed."""
    caches[CACHE_ALIAS].clear()


def page_key(request, snapshot: str) -> str:
    parts = [
        connection.settings_dict["NAME"],
        snapshot,
        timezone.localdate().isoformat(),
        request.scheme,
        request.get_host(),
        request.get_full_path(),
        request.META.get("HTTP_COOKIE", ""),
        request.META.get("HTTP_ACCEPT_LANGUAGE", ""),
    ]
    return "page:" + hashlib.sha256("\n".join(parts).encode()).hexdigest()


def is_cacheable_request(request) -> bool:
    if request.method != "GET" or not settings.PAGE_CACHE_SECONDS:
        return False
    return not request.path_info.startswith(tuple(settings.PAGE_CACHE_EXEMPT_PREFIXES))


def _only_known_csrf_cookie(request, response) -> bool:
    """Rendering a form re-sends the CSRF cookie to renew it; that one is harmless to drop from a replay."""
    for name, morsel in response.cookies.items():
        if name != settings.CSRF_COOKIE_NAME or request.COOKIES.get(name) != morsel.value:
            return False
    return True


def _varies_only_on_the_key(response) -> bool:
    return {header.lower() for header in _vary_headers(response)} <= KEYED_HEADERS


def is_cacheable_response(request, response) -> bool:
    if response.status_code != 200 or response.streaming or not _varies_only_on_the_key(response):
        return False  # (a Vary on anything else would need that header in the key)
    if "no-store" in cc_delim_re.split(response.get("Cache-Control", "").lower()):
        return False
    if len(response.content) > settings.PAGE_CACHE_MAX_BYTES:
        return False
    return _only_known_csrf_cookie(request, response)


def freeze(response) -> tuple[bytes, list[tuple[str, str]]]:
    return response.content, list(response.headers.items())


def thaw(entry) -> HttpResponse:
    content, headers = entry
    response = HttpResponse(content)
    for name, value in headers:
        response.headers[name] = value
    response.headers[HIT_HEADER] = "hit"
    return response


class PageCacheMiddleware:
    """Replays a page rendered for the same request on the same committed data (see the module docstring)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not is_cacheable_request(request):
            return self.get_response(request)
        request.get_host()  # a disallowed host fails here, before any query
        snapshot = current_snapshot()
        if snapshot is None:
            return self.get_response(request)
        cache = caches[CACHE_ALIAS]
        key = page_key(request, snapshot)
        if (entry := cache.get(key)) is not None:
            return thaw(entry)
        response = self.get_response(request)
        if is_cacheable_response(request, response) and current_snapshot() == snapshot:
            cache.set(key, freeze(response), settings.PAGE_CACHE_SECONDS)
        return response
