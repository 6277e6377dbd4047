"""The activities as iCalendar events (all-day events; meetings.calendar builds the file)."""

import datetime

from django.db.models import F, Value
from django.db.models.functions import Greatest
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Event

from activities.models import Activity, ActivityStatus, shown_places
from common.formatting import month_text
from common.i18n import plain_text_with_note
from meetings import calendar


def activity_uid(activity) -> str:
    return f"activity-{activity.pk}@{calendar.UID_DOMAIN}"


def feed_activities():
    today = timezone.localdate()
    since = today - datetime.timedelta(days=calendar.FEED_HISTORY_DAYS)
    distance = Greatest(F("starts_on") - Value(today), Value(today) - F("starts_on"))
    return (
        Activity.objects.filter(starts_on__gte=since)
        .select_related("lead_organization")
        .order_by(distance, "id")[: calendar.FEED_LIMIT]
    )


def activity_rows(queryset) -> list:
    """Per activity, what its event shows changes with: id, version, status and stamps (for the feed's ETag)."""
    return list(queryset.values_list("id", "version", "status", "updated", "lead_organization__updated"))


def activity_event(activity, url: str = "", *, place_vocabulary: dict | None = None) -> Event:
    """The activity as an all-day VEVENT in the reader's language; ``place_vocabulary`` (activities.models) when a
    feed writes many."""
    event = Event()
    event.add("uid", activity_uid(activity))
    event.add("sequence", max(activity.version - 1, 0))
    event.add("dtstamp", timezone.now())
    event.add("last-modified", activity.updated)
    event.add("summary", str(activity))
    # All-day events: DTEND is the day after the last day.
    event.add("dtstart", activity.starts_on)
    event.add("dtend", activity.last_day + datetime.timedelta(days=1))
    if activity.places:
        event.add("location", ", ".join(shown_places(activity.places, place_vocabulary)))
    details = [
        _("%(kind)s led by %(organization)s")
        % {"kind": activity.get_kind_display(), "organization": activity.lead_organization.short_name}
    ]
    if activity.is_month_only:
        details.append(
            _("The day is not known: only the month (%(month)s).") % {"month": month_text(activity.starts_on)}
        )
    if activity.description:
        details.append(plain_text_with_note(activity, "description"))
    if url:
        details.append(url)
    event.add("description", "\n\n".join(details))
    event.add("status", "CANCELLED" if activity.status == ActivityStatus.CANCELLED else "CONFIRMED")
    event.add("transp", "TRANSPARENT")
    if url:
        event.add("url", url)
    return event
