"""iCalendar (RFC 5545) files of meetings, built with the icalendar library (activities.calendar adds the
activities' events; the feed that combines both is in coordination.pages.calendar_feed).

Feeds are polled often and hold a few hundred events, so two slow steps of icalendar are done here instead:
line folding (`fold`) and the VTIMEZONE components (built once per zone and process).
"""

import dataclasses
import datetime
import functools
import hashlib

from django.db.models import BooleanField, Count, ExpressionWrapper, F, Max, OuterRef, Prefetch, Q, Subquery, Value
from django.db.models.functions import Greatest
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, Timezone

from common.formatting import time_range_text
from common.i18n import plain_text_with_note, with_translations
from meetings.models import AgendaItem, Meeting, MeetingStatus

# UIDs must not change with the host name the portal is served under, or calendar apps would
# show every meeting twice after a move.
UID_DOMAIN = "coordination-portal"
PRODUCT_ID = "-//Coordination portal//Meetings and activities//EN"
# Calendar apps poll feeds often and every event costs serialisation time, so a feed holds the
# meetings and activities of the last FEED_HISTORY_DAYS and upcoming, at most FEED_LIMIT of each kind,
# the ones nearest to today when there are more.
FEED_HISTORY_DAYS = 365
FEED_LIMIT = 100

_EVENT_STATUS = {
    MeetingStatus.PLANNED: "CONFIRMED",
    MeetingStatus.HELD: "CONFIRMED",
    MeetingStatus.CANCELLED: "CANCELLED",
}


def meeting_uid(meeting) -> str:
    return f"meeting-{meeting.pk}@{UID_DOMAIN}"


def meetings_for_calendar():
    return Meeting.objects.select_related("series").prefetch_related(
        Prefetch(
            "agenda_items",
            # A calendar is shared beyond its reader: the items every participant may read.
            queryset=AgendaItem.objects.readable_by(None)
            .order_by("position", "id")
            .only("meeting_id", "reviews_follow_up_actions", *with_translations("title")),
        )
    )


def feed_meetings():
    now = timezone.now()
    since = now - datetime.timedelta(days=FEED_HISTORY_DAYS)
    distance = Greatest(F("starts_at") - Value(now), Value(now) - F("starts_at"))
    # Draft meetings stay out of every feed: a subscribed calendar would show them to whoever reads it.
    return meetings_for_calendar().announced().filter(starts_at__gte=since).order_by(distance, "id")[:FEED_LIMIT]


@dataclasses.dataclass(frozen=True)
class Fingerprint:
    """What a calendar file is made of, read with a few small queries instead of building the file.

    ``etag`` changes whenever a byte of the file other than DTSTAMP could change: which events it holds, their
    versions, calendar sequences and ``updated`` stamps, their agenda items (count and latest change), the series
    and organisation names they show, the language and the address the links point at. ``last_modified`` is the
    latest ``updated`` among them, given for information (a deletion does not move it, so only the ETag decides a
    304).
    """

    etag: str
    last_modified: datetime.datetime | None


# Bump when the layout of the files changes, so calendar apps fetch the new layout once.
FINGERPRINT_FORMAT = "2"


def make_fingerprint(parts: list, stamps: list) -> Fingerprint:
    digest = hashlib.sha256(repr([FINGERPRINT_FORMAT, *parts]).encode()).hexdigest()[:32]
    return Fingerprint(etag=f'"{digest}"', last_modified=max(filter(None, stamps), default=None))


def meeting_rows(queryset) -> list:
    """Per meeting: id, version, calendar sequence, stamps, its agenda items' count and latest change, and whether
    it has a join link (the only part of its event that depends on the reader)."""
    items = AgendaItem.objects.filter(meeting_id=OuterRef("pk")).order_by().values("meeting_id")
    return list(
        queryset.prefetch_related(None)
        .annotate(
            agenda_count=Subquery(items.annotate(n=Count("id")).values("n")),
            agenda_updated=Subquery(items.annotate(last=Max("updated")).values("last")),
            has_join_url=ExpressionWrapper(~Q(join_url=""), output_field=BooleanField()),
        )
        .values_list(
            "id",
            "version",
            "calendar_sequence",
            "status",
            "updated",
            "series__updated",
            "agenda_updated",
            "agenda_count",
            "has_join_url",
        )
    )


def meeting_fingerprint(queryset, *, language: str, base_url: str, join_link: bool = False) -> Fingerprint | None:
    """The fingerprint of one meeting's file (``queryset`` holds that one meeting), None when there is none;
    ``join_link`` whether the file shows the reader the join link."""
    meetings = meeting_rows(queryset)
    if not meetings:
        return None
    return make_fingerprint([language, base_url, meetings, join_link], list(meetings[0][4:7]))


def _meeting_description(meeting, url: str, join_link: bool) -> str:
    venue = meeting.display_venue or _("Venue to be announced")
    # The time in the meeting's own zone, in the reader's words: a calendar app shows it in the device's zone.
    when = time_range_text(meeting.local_start, meeting.local_end, meeting.time_zone)
    lines = [str(meeting.series), when, f"{meeting.get_format_display()} · {venue}"]
    if join_link:
        lines.append(f"{_('Join online')}: {meeting.join_url}")
    if meeting.is_illustrative:
        # The event's time and place are read as facts by a calendar app: say they are examples.
        lines.append(
            _("The time, venue, format and publication date of this meeting are examples: no source gives them.")
        )
    items = list(meeting.agenda_items.all())
    if items:
        titles = [
            f"{number}. {plain_text_with_note(item, 'title')}".replace("\n", "\n   ")
            for number, item in enumerate(items, start=1)
        ]
        lines += ["", _("Agenda:"), *titles]
    if url:
        lines += ["", url]
    return "\n".join(lines)


def meeting_event(meeting, url: str = "", *, join_link: bool = False) -> Event:
    """The meeting as a VEVENT. ``join_link``: the reader is invited (services.invitees.sees_join_link), so the video
    call is in the description, and is the location of an online meeting without a venue."""
    join_link = join_link and bool(meeting.join_url)
    event = Event()
    event.add("uid", meeting_uid(meeting))
    event.add("sequence", meeting.calendar_sequence)
    event.add("dtstamp", timezone.now())
    event.add("last-modified", meeting.updated)
    event.add("summary", str(meeting))
    event.add("dtstart", meeting.local_start)
    event.add("dtend", meeting.local_end)
    if meeting.venue:
        event.add("location", meeting.display_venue)
    elif join_link:
        event.add("location", meeting.join_url)
    event.add("description", _meeting_description(meeting, url, join_link))
    event.add("status", _EVENT_STATUS.get(meeting.status, "CONFIRMED"))
    if url:
        event.add("url", url)
    return event


def published_calendar(name: str) -> Calendar:
    """An empty calendar as the portal publishes one (a feed, a meeting's or an activity's file)."""
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    return calendar


def build_calendar(*, name: str, events=()) -> bytes:
    """The .ics file of the given events (``meeting_event``, ``activities.calendar.activity_event``)."""
    calendar = published_calendar(name)
    for event in events:
        calendar.add_component(event)
    add_time_zones(calendar)
    return serialise(calendar)


def add_time_zones(calendar: Calendar) -> None:
    """Put a VTIMEZONE first for each zone the calendar's times name (icalendar's add_missing_timezones, with each
    zone built once per process instead of once per file: 15 ms a file, each invitation mail among them)."""
    for position, tzid in enumerate(sorted(calendar.get_missing_tzids())):
        if (vtimezone := _vtimezone(tzid)) is not None:
            calendar.subcomponents.insert(position, vtimezone)


# A feed's events are serialised once per version and kept in the fragment cache (coordination.pages.calendar_feed):
# the only line that differs from one file to the next, DTSTAMP (when the file was made), is written in later.
_DTSTAMP_PLACEHOLDER = datetime.datetime(1900, 1, 1, tzinfo=datetime.UTC)
_DTSTAMP_PLACEHOLDER_LINE = b"\r\nDTSTAMP:19000101T000000Z\r\n"


@dataclasses.dataclass(frozen=True)
class SerialisedEvent:
    """A VEVENT's content lines with a placeholder for DTSTAMP, and the time zones its times name."""

    content: bytes
    time_zones: tuple[str, ...]


def serialised_event(event: Event) -> SerialisedEvent:
    event.pop("DTSTAMP", None)
    event.add("dtstamp", _DTSTAMP_PLACEHOLDER)
    holder = Calendar()
    holder.add_component(event)
    content = b"".join(fold(line) + b"\r\n" for line in event.content_lines() if line)
    return SerialisedEvent(content=content, time_zones=tuple(sorted(holder.get_missing_tzids())))


def build_calendar_file(*, name: str, events: list[SerialisedEvent]) -> bytes:
    """The .ics file of serialised events: the same bytes as ``build_calendar`` of the events, DTSTAMP now."""
    calendar = published_calendar(name)
    for tzid in sorted({zone for event in events for zone in event.time_zones}):
        if (vtimezone := _vtimezone(tzid)) is not None:
            calendar.add_component(vtimezone)
    head = serialise(calendar)
    end = b"END:VCALENDAR\r\n"
    assert head.endswith(end)
    stamp = b"\r\nDTSTAMP:" + timezone.now().astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ").encode() + b"\r\n"
    body = b"".join(event.content for event in events).replace(_DTSTAMP_PLACEHOLDER_LINE, stamp)
    return head[: -len(end)] + body + end


@functools.lru_cache(maxsize=64)
def _vtimezone(tzid: str) -> Timezone | None:
    """The VTIMEZONE of a zone, built once per process: icalendar derives it from every transition of the zone."""
    try:
        return Timezone.from_tzid(tzid)
    except ValueError:  # a zone icalendar does not know: calendar apps fall back to their own database
        return None


def serialise(calendar: Calendar) -> bytes:
    """Calendar.to_ical(), with the content lines folded by `fold` (icalendar folds one character at a time)."""
    return b"".join(fold(line) + b"\r\n" for line in calendar.content_lines() if line)


FOLD_LIMIT = 74  # octets of content per physical line (a continuation line adds its leading space)


def fold(line: str) -> bytes:
    """An RFC 5545 content line folded into lines of at most 75 octets, never inside a UTF-8 character.

    Like icalendar, a fold never separates an escape character (backslash or ^) from what it escapes.
    """
    data = line.encode()
    if len(data) <= FOLD_LIMIT:
        return data
    pieces, start = [], 0
    while len(data) - start > FOLD_LIMIT:
        end = start + FOLD_LIMIT
        while data[end] & 0b1100_0000 == 0b1000_0000:  # a UTF-8 continuation byte: cut before its character
            end -= 1
        if end - start > 1 and data[end - 1 : end] in (b"\\", b"^"):
            end -= 1
        pieces.append(data[start:end])
        start = end
    pieces.append(data[start:])
    return b"\r\n ".join(pieces)
