"""The pages the benchmark drives, in one list: a new page is one more line in PAGES.

A page whose URL name does not exist (yet) is skipped and named in the report, so the
list can mention pages another change is still building.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.db.models import Count
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from bench.datagen import COMMON_WORD, RARE_WORD
from meetings.models import Meeting, MinutesStatus
from stakeholders.models import Organization


@dataclass
class BenchData:
    """Objects of the generated data set that the pages are pointed at."""

    full_meeting: Meeting
    busy_organization: Organization
    deep_year: int
    year: int

    @classmethod
    def find(cls) -> "BenchData":
        # The newest meeting with published minutes and the longest agenda: a participant sees all of it.
        full_meeting = (
            Meeting.objects.held()
            .filter(minutes_status=MinutesStatus.PUBLISHED)
            .annotate(items=Count("agenda_items"))
            .order_by("-items", "-starts_at")
            .first()
        )
        busy_organization = Organization.objects.annotate(rows=Count("participations")).order_by("-rows", "pk").first()
        # Four fifths down the meetings list (the page number's place before the list paged by year and position).
        meetings = Meeting.objects.count()
        deep = Meeting.objects.order_by("-starts_at", "-id")[max(0, meetings * 4 // 5 - 1) :].first()
        return cls(
            full_meeting=full_meeting,
            busy_organization=busy_organization,
            deep_year=timezone.localtime(deep.starts_at).year if deep else timezone.localdate().year,
            year=timezone.localdate().year - 1,
        )


@dataclass
class Page:
    label: str
    url_name: str
    args: Callable[[BenchData], list] = lambda data: []
    query: Callable[[BenchData], dict] = lambda data: {}
    notes: str = field(default="")

    def path(self, data: BenchData) -> str | None:
        """The page's path with its query string, or None when the URL does not exist in this version."""
        try:
            path = reverse(self.url_name, args=self.args(data))
        except NoReverseMatch:
            return None
        query = self.query(data)
        return f"{path}?{urlencode(query)}" if query else path


BASELINE = Page("/healthz", "healthz")

PAGES = [
    Page("dashboard", "dashboard"),
    Page("meetings, page 1", "meetings:meeting-list"),
    Page("meetings, deep page", "meetings:meeting-list", query=lambda d: {"year": d.deep_year}),
    Page("meeting with a full agenda", "meetings:meeting-detail", args=lambda d: [d.full_meeting.pk]),
    Page("busy organisation", "organization-detail", args=lambda d: [d.busy_organization.pk]),
    Page("actions, open, filtered", "meetings:action-list", query=lambda d: {"status": "open"}),
    Page("activities (plans)", "activities:activity-list"),
    Page(
        "activity timeline, a year",
        "activities:series-timeline",
        args=lambda d: [d.full_meeting.series_id],
        query=lambda d: {"year": d.year},
    ),
    Page("search, common word", "search", query=lambda d: {"q": COMMON_WORD}),
    Page("search, rare word", "search", query=lambda d: {"q": RARE_WORD}),
    Page("calendar feed", "calendar-feed"),
]
