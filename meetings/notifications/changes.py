"""What an invitation announced, and what changed since: the body of an update.

Each invitation or update keeps what it announced (``Invitation.announced``: the time, the place and the agenda's
titles); the next update to that person lists what is different now (old -> new), so nobody has to compare two
e-mails to find the change.
"""

import datetime
import zoneinfo
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.dateparse import parse_datetime

from meetings.models import Meeting, MeetingFormat


def announced(meeting: Meeting, agenda) -> dict:
    """What an invitation about ``meeting`` (with ``agenda``, its items in order) tells its reader."""
    return {
        "starts_at": meeting.starts_at.isoformat(),
        "ends_at": meeting.ends_at.isoformat(),
        "time_zone": meeting.time_zone,
        "venue": meeting.venue,
        "format": meeting.format,
        "agenda": [{"id": item.pk, "title": item.title} for item in agenda],
    }


@dataclass
class TimeChange:
    old_start: datetime.datetime
    old_end: datetime.datetime
    old_time_zone: str

    @property
    def local_start(self) -> datetime.datetime:
        return timezone.localtime(self.old_start, zoneinfo.ZoneInfo(self.old_time_zone))

    @property
    def local_end(self) -> datetime.datetime:
        return timezone.localtime(self.old_end, zoneinfo.ZoneInfo(self.old_time_zone))


@dataclass
class TitleChange:
    old: str
    new: str


@dataclass
class MeetingChanges:
    """What differs between an earlier announcement and the meeting now; empty when nothing the mail shows moved
    (or the earlier announcement was not kept)."""

    time: TimeChange | None = None
    old_venue: str | None = None  # set (possibly "") when the venue changed
    old_format: str | None = None
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    renamed: list[TitleChange] = field(default_factory=list)

    @property
    def old_format_label(self) -> str:
        return MeetingFormat(self.old_format).label if self.old_format in MeetingFormat.values else ""

    @property
    def venue_changed(self) -> bool:
        return self.old_venue is not None or self.old_format is not None

    @property
    def agenda_changed(self) -> bool:
        return bool(self.added or self.removed or self.renamed)

    def __bool__(self) -> bool:
        return bool(self.time or self.venue_changed or self.agenda_changed)


def changes_since(previous: dict, meeting: Meeting, agenda) -> MeetingChanges:
    """What changed in ``meeting`` since ``previous`` (an ``announced`` dict) was sent."""
    changes = MeetingChanges()
    if not previous:
        return changes
    now = announced(meeting, agenda)
    old_start, old_end = parse_datetime(previous["starts_at"]), parse_datetime(previous["ends_at"])
    if (old_start, old_end, previous.get("time_zone")) != (meeting.starts_at, meeting.ends_at, meeting.time_zone):
        changes.time = TimeChange(old_start, old_end, previous.get("time_zone") or meeting.time_zone)
    if previous.get("venue", "") != now["venue"] or previous.get("format", now["format"]) != now["format"]:
        changes.old_venue = previous.get("venue", "")
        changes.old_format = previous.get("format", now["format"])
    old_titles = {item["id"]: item["title"] for item in previous.get("agenda", [])}
    new_titles = {item["id"]: item["title"] for item in now["agenda"]}
    changes.added = [title for pk, title in new_titles.items() if pk not in old_titles]
    changes.removed = [title for pk, title in old_titles.items() if pk not in new_titles]
    changes.renamed = [
        TitleChange(old_titles[pk], title) for pk, title in new_titles.items() if old_titles.get(pk, title) != title
    ]
    return changes
