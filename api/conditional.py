"""``ETag``/``If-None-Match`` and ``Last-Modified``/``If-Modified-Since`` from the rows' ``updated`` stamps.

The validator is computed before the rows are serialised: one aggregate query (the latest ``updated`` and the
number of rows) over what the reader may see, so an unchanged page answers 304 without building its body. It
names the reader's view of the data (the request's path and query, the content language and who is reading), so
two readers who see different rows never share a validator.
"""

import hashlib

from django.db.models import Count, Max
from django.utils.cache import patch_vary_headers
from django.utils.http import http_date, parse_http_date_safe, quote_etag
from django.utils.translation import get_language
from rest_framework import status
from rest_framework.response import Response


def validator_of(request, *, latest, count) -> str:
    parts = [
        request.get_full_path(),
        get_language() or "",
        str(request.user.pk),
        latest.isoformat() if latest else "",
        str(count),
    ]
    return quote_etag(hashlib.sha256("|".join(parts).encode()).hexdigest()[:32])


def stamps_of(queryset):
    """(latest updated, count) of the queryset's rows, in one query."""
    found = queryset.order_by().aggregate(latest=Max("updated"), count=Count("pk"))
    return found["latest"], found["count"]


def not_modified(request, etag, latest) -> bool:
    if_none_match = request.headers.get("If-None-Match")
    if if_none_match is not None:
        return etag in [tag.strip() for tag in if_none_match.split(",")] or if_none_match.strip() == "*"
    since = parse_http_date_safe(request.headers.get("If-Modified-Since", ""))
    return bool(since and latest and int(latest.timestamp()) <= since)


def with_validators(response, etag, latest):
    response["ETag"] = etag
    if latest:
        response["Last-Modified"] = http_date(latest.timestamp())
    # Personal answers: a browser may keep them, a shared cache must not; always ask before reuse.
    response["Cache-Control"] = "private, no-cache"
    patch_vary_headers(response, ("Authorization", "Cookie", "Accept-Language"))
    return response


def not_modified_response(etag, latest):
    return with_validators(Response(status=status.HTTP_304_NOT_MODIFIED), etag, latest)
