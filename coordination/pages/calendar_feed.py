"""The calendar feed of meetings and activities together (/calendar.ics), and its personal variant for calendar apps
(a secret token in the address stands in for the session)."""

import functools
import hmac
import inspect
import re

import icalendar
from django.contrib.auth.decorators import login_not_required
from django.http import Http404
from django.http.response import HttpResponseBase
from django.utils import translation
from django.views.decorators.http import require_safe

from activities import calendar as activities_calendar
from activities.calendar import activity_event, activity_rows, feed_activities
from activities.models import Activity, place_vocabulary
from common import access, fragment_cache
from meetings import calendar as meetings_calendar
from meetings.calendar import (
    Fingerprint,
    SerialisedEvent,
    build_calendar_file,
    feed_meetings,
    make_fingerprint,
    meeting_event,
    meeting_rows,
    meetings_for_calendar,
    serialised_event,
)
from meetings.services.invitees import invited_meeting_ids
from meetings.views.calendar import ics_response, not_modified_response, request_base_url
from stakeholders.models import Contact

_TOKEN_PATTERN = re.compile(r"^[A-Za-z0-9_-]{20,64}$")


def feed_fingerprint(meetings: list, activities: list, *, language: str, base_url: str, join_links) -> Fingerprint:
    """The fingerprint of the feed from its rows (``meeting_rows`` of ``feed_meetings``, ``activity_rows`` of
    ``feed_activities``: ids and stamps). ``join_links``: the meetings whose join link the reader sees (JoinLinks)."""
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
    base_url = request_base_url(request)
    meetings, activities = meeting_rows(feed_meetings()), activity_rows(feed_activities())
    fingerprint = feed_fingerprint(
        meetings, activities, language=translation.get_language(), base_url=base_url, join_links=join_links
    )
    if (not_modified := not_modified_response(request, fingerprint)) is not None:
        return not_modified
    events = FeedEvents(request, base_url)
    content = build_calendar_file(
        name="Coordination meetings",
        events=[
            *events.of_meetings([(*row, row[-1] and row[0] in join_links) for row in meetings]),
            *events.of_activities(activities),
        ],
    )
    return ics_response(content, "coordination.ics", fingerprint, download=False)


class FeedEvents:
    """The feed's events, each serialised once per version of what it shows, language and address and kept in the
    fragment cache: its key is its row (``meeting_rows``, ``activity_rows``: version, calendar sequence, stamps of
    the event, its series or organisation and its agenda items) and, for a meeting with a join link, whether the
    reader sees it (the only part of an event that depends on the reader: readers of meetings without one share
    their events whatever their role)."""

    def __init__(self, request, base_url: str):
        self.request = request
        self.base_url = base_url

    def url_for(self, obj) -> str:
        return self.request.build_absolute_uri(obj.get_absolute_url())

    def of_meetings(self, rows) -> list[SerialisedEvent]:
        def make(missing):
            by_id = meetings_for_calendar().in_bulk([row[0] for row in missing])
            return [self._meeting(by_id.get(row[0]), join_link=row[-1]) for row in missing]

        return self._present(fragment_cache.fragments("meeting-event", rows, self._key, make))

    def of_activities(self, rows) -> list[SerialisedEvent]:
        def make(missing):
            by_id = Activity.objects.select_related("lead_organization").in_bulk([row[0] for row in missing])
            places = place_vocabulary()
            return [self._activity(by_id.get(row[0]), places) for row in missing]

        return self._present(fragment_cache.fragments("activity-event", rows, self._key, make))

    def _key(self, row) -> tuple:
        return (_event_layout(), self.base_url, *row)

    def _meeting(self, meeting, *, join_link: bool) -> SerialisedEvent | None:
        if meeting is None:  # deleted since its row was read
            return None
        return serialised_event(meeting_event(meeting, self.url_for(meeting), join_link=join_link))

    def _activity(self, activity, places: dict) -> SerialisedEvent | None:
        if activity is None:  # deleted since its row was read
            return None
        return serialised_event(activity_event(activity, self.url_for(activity), place_vocabulary=places))

    @staticmethod
    def _present(events) -> list[SerialisedEvent]:
        return [event for event in events if event is not None]


@functools.cache
def _event_layout() -> str:
    """The version of the events' layout: the code that builds them and the icalendar library's."""
    sources = [inspect.getsource(module) for module in (meetings_calendar, activities_calendar)]
    return fragment_cache.layout(*sources, icalendar.__version__)


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
