import secrets

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.cache import get_conditional_response
from django.utils.http import content_disposition_header, http_date
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from meetings.calendar import Fingerprint, build_calendar, meeting_event, meeting_fingerprint, meetings_for_calendar
from meetings.services.invitees import sees_join_link
from stakeholders.models import Contact


def validators(response: HttpResponseBase, fingerprint: Fingerprint) -> HttpResponseBase:
    response["ETag"] = fingerprint.etag
    if fingerprint.last_modified is not None:
        response["Last-Modified"] = http_date(fingerprint.last_modified.timestamp())
    response["Cache-Control"] = "private, no-cache"
    return response


def not_modified_response(request, fingerprint: Fingerprint) -> HttpResponseBase | None:
    """A 304 when the client's copy has this ETag (If-None-Match); only the ETag decides (see Fingerprint)."""
    response = get_conditional_response(request, etag=fingerprint.etag)
    return validators(response, fingerprint) if response is not None else None


def ics_response(content: bytes, filename: str, fingerprint: Fingerprint, *, download: bool) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = content_disposition_header(download, filename)
    return validators(response, fingerprint)


def request_base_url(request) -> str:
    return request.build_absolute_uri("/")


@require_safe
def meeting_calendar(request, pk):
    meetings = meetings_for_calendar().visible_to(request.user).filter(pk=pk)
    meeting = get_object_or_404(meetings)
    join_link = sees_join_link(meeting, request.user)
    fingerprint = meeting_fingerprint(
        meetings, language=translation.get_language(), base_url=request_base_url(request), join_link=join_link
    )
    if fingerprint is None:
        raise Http404("No such meeting.")
    if (not_modified := not_modified_response(request, fingerprint)) is not None:
        return not_modified
    content = build_calendar(
        name=str(meeting.series),
        events=[meeting_event(meeting, request.build_absolute_uri(meeting.get_absolute_url()), join_link=join_link)],
    )
    return ics_response(content, meeting.file_name("ics"), fingerprint, download=True)


def _own_contact(request) -> Contact | None:
    return Contact.objects.of_user(request.user).first()


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
    return redirect("meetings:calendar-subscription")
