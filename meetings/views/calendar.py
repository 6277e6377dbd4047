import hmac
import re
import secrets

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from coordination import access
from meetings.calendar import build_calendar, feed_activities, feed_meetings, meetings_for_calendar
from stakeholders.models import Contact

_TOKEN_PATTERN = re.compile(r"^[A-Za-z0-9_-]{20,64}$")


def _ics_response(content: bytes, filename: str, *, download: bool) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    disposition = "attachment" if download else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    response["Cache-Control"] = "private, no-cache"
    return response


def _feed(request, name: str) -> bytes:
    return build_calendar(
        name=name,
        meetings=feed_meetings(),
        activities=feed_activities(),
        url_for=lambda obj: request.build_absolute_uri(obj.get_absolute_url()),
    )


@require_safe
def calendar_feed(request):
    """The meetings and activities of the last year and upcoming (see meetings.calendar) for the logged-in user."""
    return _ics_response(_feed(request, "Coordination meetings"), "coordination.ics", download=False)


@require_safe
def meeting_calendar(request, pk):
    meeting = get_object_or_404(meetings_for_calendar(), pk=pk)
    content = build_calendar(
        name=str(meeting.series),
        meetings=[meeting],
        url_for=lambda obj: request.build_absolute_uri(obj.get_absolute_url()),
    )
    return _ics_response(content, f"meeting-{meeting.pk}.ics", download=True)


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
    response = _ics_response(_feed(request, "Coordination meetings"), "coordination.ics", download=False)
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
