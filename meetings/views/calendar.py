import hmac
import re
import secrets

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.cache import get_conditional_response
from django.utils.http import http_date
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from common import access
from meetings.calendar import (
    Fingerprint,
    build_calendar,
    feed_activities,
    feed_fingerprint,
    feed_meetings,
    meeting_fingerprint,
    meetings_for_calendar,
)
from stakeholders.models import Contact

_TOKEN_PATTERN = re.compile(r"^[A-Za-z0-9_-]{20,64}$")


def _validators(response: HttpResponseBase, fingerprint: Fingerprint) -> HttpResponseBase:
    response["ETag"] = fingerprint.etag
    if fingerprint.last_modified is not None:
        response["Last-Modified"] = http_date(fingerprint.last_modified.timestamp())
    response["Cache-Control"] = "private, no-cache"
    return response


def _not_modified(request, fingerprint: Fingerprint) -> HttpResponseBase | None:
    """A 304 when the client's copy has this ETag (If-None-Match); only the ETag decides (see Fingerprint)."""
    response = get_conditional_response(request, etag=fingerprint.etag)
    return _validators(response, fingerprint) if response is not None else None


def _ics_response(content: bytes, filename: str, fingerprint: Fingerprint, *, download: bool) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    disposition = "attachment" if download else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return _validators(response, fingerprint)


def _base_url(request) -> str:
    return request.build_absolute_uri("/")


def _feed_response(request) -> HttpResponseBase:
    """The feed, or a 304 without building it when the client already has this version."""
    fingerprint = feed_fingerprint(language=translation.get_language(), base_url=_base_url(request))
    if (not_modified := _not_modified(request, fingerprint)) is not None:
        return not_modified
    content = build_calendar(
        name="Coordination meetings",
        meetings=feed_meetings(),
        activities=feed_activities(),
        url_for=lambda obj: request.build_absolute_uri(obj.get_absolute_url()),
    )
    return _ics_response(content, "coordination.ics", fingerprint, download=False)


@require_safe
def calendar_feed(request):
    """The meetings and activities of the last year and upcoming (see meetings.calendar) for the logged-in user."""
    return _feed_response(request)


@require_safe
def meeting_calendar(request, pk):
    meetings = meetings_for_calendar().visible_to(request.user).filter(pk=pk)
    fingerprint = meeting_fingerprint(meetings, language=translation.get_language(), base_url=_base_url(request))
    if fingerprint is None:
        raise Http404("No such meeting.")
    if (not_modified := _not_modified(request, fingerprint)) is not None:
        return not_modified
    meeting = get_object_or_404(meetings)
    content = build_calendar(
        name=str(meeting.series),
        meetings=[meeting],
        url_for=lambda obj: request.build_absolute_uri(obj.get_absolute_url()),
    )
    return _ics_response(content, f"meeting-{meeting.pk}.ics", fingerprint, download=True)


def contact_for_calendar_token(token: str) -> Contact | None:
    """The contact whose personal feed this is, if the token is theirs and their account may read meetings."""
    if not _TOKEN_PATTERN.match(token or ""):
        return None
    contact = Contact.objects.select_related("user").filter(calendar_token=token).first()
    # The digest comparison keeps a near-miss as slow as a hit.
    if contact is None or not hmac.compare_digest(contact.calendar_token.encode(), token.encode()):
        return None
    if not contact.is_active or not access.may_read(contact.user):
        return None
    return contact


@login_not_required
@require_safe
def personal_calendar_feed(request, token):
    """The feed for calendar apps: the secret token in the address stands in for the session."""
    contact = contact_for_calendar_token(token)
    if contact is None:
        raise Http404("No such calendar.")
    response = _feed_response(request)
    response["X-Robots-Tag"] = "noindex"
    return response


def _own_contact(request) -> Contact | None:
    return Contact.objects.filter(user=request.user).first()


@require_safe
def calendar_subscription(request):
    contact = _own_contact(request)
    personal_url = (
        request.build_absolute_uri(reverse("personal-calendar-feed", args=[contact.calendar_token])) if contact else ""
    )
    return render(
        request,
        "meetings/calendar_subscription.html",
        {"contact": contact, "personal_url": personal_url, "feed_url": request.build_absolute_uri("/calendar.ics")},
    )


@require_POST
def reset_calendar_token(request):
    contact = _own_contact(request)
    if contact is None:
        raise Http404("Your account is not linked to a contact.")
    contact.calendar_token = secrets.token_urlsafe()
    contact.save(update_fields=["calendar_token", "updated"])
    messages.success(request, _("Your calendar address has changed; the old one no longer works."))
    return redirect("calendar-subscription")
