"""The calendar feed of meetings and activities together (/calendar.ics), and its personal variant for calendar apps
(a secret token in the address stands in for the session)."""

import hmac
import re

from django.contrib.auth.decorators import login_not_required
from django.http import Http404
from django.http.response import HttpResponseBase
from django.utils import translation
from django.views.decorators.http import require_safe

from activities.calendar import activity_event, activity_rows, feed_activities
from activities.models import place_vocabulary
from common import access
from meetings.calendar import Fingerprint, build_calendar, feed_meetings, make_fingerprint, meeting_event, meeting_rows
from meetings.services.invitees import invited_meeting_ids
from meetings.views.calendar import ics_response, not_modified_response, request_base_url
from stakeholders.models import Contact

_TOKEN_PATTERN = re.compile(r"^[A-Za-z0-9_-]{20,64}$")


def feed_fingerprint(*, language: str, base_url: str, join_links=frozenset()) -> Fingerprint:
    """The fingerprint of the feed (``feed_meetings`` and ``feed_activities``): three queries of ids and stamps.
    ``join_links``: the meetings whose join link the reader sees (JoinLinks)."""
    meetings = meeting_rows(feed_meetings())
    activities = activity_rows(feed_activities())
    stamps = [stamp for row in meetings for stamp in row[4:7]] + [stamp for row in activities for stamp in row[3:5]]
    shown = [row[0] in join_links for row in meetings]
    return make_fingerprint([language, base_url, meetings, activities, shown], stamps)


class JoinLinks:
    """The meetings whose join link a reader of the feed sees: every one for the secretariat, else those they are
    invited to (one query)."""

    def __init__(self, user, contact: Contact | None):
        self.every = access.is_secretariat(user)
        self.invited = set() if self.every else invited_meeting_ids(contact)

    def __contains__(self, meeting_id) -> bool:
        return self.every or meeting_id in self.invited


def _feed_response(request, user, contact: Contact | None) -> HttpResponseBase:
    """The feed, or a 304 without building it when the client already has this version."""
    join_links = JoinLinks(user, contact)
    fingerprint = feed_fingerprint(
        language=translation.get_language(), base_url=request_base_url(request), join_links=join_links
    )
    if (not_modified := not_modified_response(request, fingerprint)) is not None:
        return not_modified

    def url_for(obj):
        return request.build_absolute_uri(obj.get_absolute_url())

    events = [
        meeting_event(meeting, url_for(meeting), join_link=meeting.pk in join_links) for meeting in feed_meetings()
    ]
    places = place_vocabulary()
    events += [activity_event(activity, url_for(activity), place_vocabulary=places) for activity in feed_activities()]
    content = build_calendar(name="Coordination meetings", events=events)
    return ics_response(content, "coordination.ics", fingerprint, download=False)


@require_safe
def calendar_feed(request):
    """The meetings and activities of the last year and upcoming (see feed_fingerprint) for the logged-in user."""
    return _feed_response(request, request.user, Contact.objects.of_user(request.user).first())


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
    response = _feed_response(request, contact.user, contact)
    response["X-Robots-Tag"] = "noindex"
    return response
