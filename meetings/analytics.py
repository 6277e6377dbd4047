"""The picture across a meeting series: who took part, what was planned and done, and when.

Each function runs a fixed number of queries whatever the size of the series, and returns plain
data (rows, cells, bar geometry) for the templates to draw without JavaScript.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Case, Count, Exists, IntegerField, OuterRef, Prefetch, Q, Subquery, Value, When
from django.db.models.functions import ExtractQuarter, ExtractYear
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from activities.models import Activity, ActivityPlan, ActivityStatus
from common.quarter import Quarter
from meetings.models import (
    OPEN_ACTION_STATUSES,
    ActionItem,
    ActionStatus,
    AgendaItem,
    Meeting,
    MeetingSeries,
    Participation,
    ParticipationStatus,
    Statement,
    Topic,
)
from stakeholders.models import Organization

MATRIX_COLUMNS = 12
QUARTERS_SHOWN = 16

# When an organisation has several rows for one meeting (several people), the strongest status wins.
_STATUS_STRENGTH = {
    ParticipationStatus.ATTENDED: 5,
    ParticipationStatus.EXCUSED: 4,
    ParticipationStatus.ABSENT: 3,
    ParticipationStatus.CONFIRMED: 2,
    ParticipationStatus.INVITED: 1,
}


def meeting_years(series) -> list[int]:
    return [day.year for day in Meeting.objects.filter(series=series).dates("starts_at", "year", order="DESC")]


def matrix_meetings(series, year: int | None) -> list:
    """The matrix's columns: the meetings of a year, or the latest few."""
    meetings = Meeting.objects.filter(series=series)
    if year:
        return list(meetings.filter(starts_at__year=year).order_by("starts_at", "number")[: MATRIX_COLUMNS * 4])
    return list(reversed(meetings.order_by("-starts_at", "-number")[:MATRIX_COLUMNS]))


def matrix_organizations(series, meetings):
    """Members of the series and everyone invited to the given meetings, by kind then name."""
    taking_part = Participation.objects.filter(meeting__in=[m.pk for m in meetings])
    units_attended = taking_part.filter(status=ParticipationStatus.ATTENDED, organization__parent__isnull=False)
    members = series.members.through.objects.filter(meetingseries=series).values("organization")
    return Organization.objects.filter(
        Q(pk__in=taking_part.values("organization"))
        | Q(pk__in=members)
        | Q(pk__in=units_attended.values("organization__parent"))
    ).order_by("kind", "name")


@dataclass
class MatrixRow:
    organization: Organization
    cells: list
    attended: int


def participation_rows(organizations, meetings) -> list[MatrixRow]:
    """For each organisation (a page of them) its status at each meeting: one query.

    A unit's attendance rolls up to its parent organisation: the parent attended when one of its units did."""
    organizations = list(organizations)
    page = [o.pk for o in organizations]
    best = {}
    statuses = Participation.objects.filter(
        Q(organization__in=page) | Q(organization__parent__in=page, status=ParticipationStatus.ATTENDED),
        meeting__in=[m.pk for m in meetings],
    ).values_list("organization_id", "organization__parent_id", "meeting_id", "status")
    for organization_id, parent_id, meeting_id, status in statuses:
        if parent_id in page and status == ParticipationStatus.ATTENDED:
            best[(parent_id, meeting_id)] = status
        key = (organization_id, meeting_id)
        if _STATUS_STRENGTH.get(status, 0) > _STATUS_STRENGTH.get(best.get(key), 0):
            best[key] = status
    rows = []
    for organization in organizations:
        cells = [best.get((organization.pk, meeting.pk), "") for meeting in meetings]
        rows.append(MatrixRow(organization, cells, sum(cell == ParticipationStatus.ATTENDED for cell in cells)))
    return rows


def attendance_per_meeting(meetings) -> list[int]:
    counts = dict(
        Participation.objects.filter(meeting__in=[m.pk for m in meetings], status=ParticipationStatus.ATTENDED)
        .values("meeting")
        .annotate(organizations=Count("organization", distinct=True))
        .values_list("meeting", "organizations")
    )
    return [counts.get(meeting.pk, 0) for meeting in meetings]


@dataclass
class QuarterRow:
    quarter: Quarter
    planned: int = 0
    completed: int = 0
    postponed_or_cancelled: int = 0
    actions_agreed: int = 0
    actions_done: int = 0
    actions_dropped: int = 0

    @property
    def activity_rate(self) -> int | None:
        return round(100 * self.completed / self.planned) if self.planned else None

    @property
    def action_rate(self) -> int | None:
        counted = self.actions_agreed - self.actions_dropped
        return round(100 * self.actions_done / counted) if counted > 0 else None


def quarter_progress(series) -> list[QuarterRow]:
    """Planned vs completed activities per plan quarter, and the fate of the actions agreed each quarter."""
    rows: dict[Quarter, QuarterRow] = {}

    def row(year, number):
        quarter = Quarter(year, number)
        return rows.setdefault(quarter, QuarterRow(quarter))

    activity_counts = (
        ActivityPlan.objects.filter(series=series)
        .values("year", "quarter_number")
        .annotate(
            planned=Count("activities"),
            completed=Count("activities", filter=Q(activities__status=ActivityStatus.COMPLETED)),
            dropped=Count(
                "activities",
                filter=Q(activities__status__in=[ActivityStatus.POSTPONED, ActivityStatus.CANCELLED]),
            ),
        )
    )
    for counts in activity_counts:
        quarter_row = row(counts["year"], counts["quarter_number"])
        quarter_row.planned = counts["planned"]
        quarter_row.completed = counts["completed"]
        quarter_row.postponed_or_cancelled = counts["dropped"]

    action_counts = (
        ActionItem.objects.filter(meeting__series=series)
        .annotate(year=ExtractYear("meeting__starts_at"), number=ExtractQuarter("meeting__starts_at"))
        .values("year", "number")
        .annotate(
            agreed=Count("id"),
            done=Count("id", filter=Q(status=ActionStatus.DONE)),
            dropped=Count("id", filter=Q(status=ActionStatus.DROPPED)),
        )
        .order_by()
    )
    for counts in action_counts:
        quarter_row = row(counts["year"], counts["number"])
        quarter_row.actions_agreed = counts["agreed"]
        quarter_row.actions_done = counts["done"]
        quarter_row.actions_dropped = counts["dropped"]
    return [rows[quarter] for quarter in sorted(rows)][-QUARTERS_SHOWN:]


@dataclass
class Bar:
    x: float
    y: float
    width: float
    height: float
    css_class: str
    label: str


@dataclass
class Chart:
    width: int
    height: int
    bars: list = field(default_factory=list)
    labels: list = field(default_factory=list)  # (x, y, text)
    gridlines: list = field(default_factory=list)  # (y, text)


def progress_chart(rows: list[QuarterRow]) -> Chart:
    """Grouped bars per quarter: planned and completed activities."""
    slot, bar, top, bottom, left = 56, 18, 10, 30, 30
    chart = Chart(width=left + slot * max(len(rows), 1) + 10, height=200)
    plot_height = chart.height - top - bottom
    highest = max([r.planned for r in rows] + [1])
    for step in range(5):
        value = round(highest * step / 4)
        chart.gridlines.append((top + plot_height - plot_height * value / highest, value))
    for index, quarter_row in enumerate(rows):
        x = left + index * slot + 8
        for offset, value, css_class, what in (
            (0, quarter_row.planned, "bar-planned", "planned"),
            (bar + 2, quarter_row.completed, "bar-completed", "completed"),
        ):
            height = plot_height * value / highest
            chart.bars.append(
                Bar(
                    x + offset,
                    top + plot_height - height,
                    bar,
                    height,
                    css_class,
                    f"{quarter_row.quarter.label}: {value} {what}",
                )
            )
        chart.labels.append((x + bar, chart.height - 10, quarter_row.quarter.label))
    return chart


@dataclass
class TimelineRow:
    activity: Activity
    bar: Bar


def timeline_years(series) -> list[int]:
    return list(ActivityPlan.objects.filter(series=series).order_by("-year").values_list("year", flat=True).distinct())


def timeline_activities(series, year: int):
    return (
        Activity.objects.filter(plan__series=series, plan__year=year)
        .select_related("lead_organization", "plan")
        .order_by("plan__quarter_number", "starts_on", "title", "id")
    )


TIMELINE_WIDTH = 720


def timeline_rows(activities, year: int) -> list[TimelineRow]:
    """Each activity as a bar along its year; undated ones span their plan's quarter, drawn as 'unscheduled'."""
    first, last = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    days = (last - first).days + 1
    rows = []
    for activity in activities:
        if activity.starts_on:
            start, end = max(activity.starts_on, first), min(activity.last_day, last)
            css_class = f"bar-{activity.status}"
        else:
            quarter = activity.plan.quarter
            start, end = quarter.first_day, quarter.last_day
            css_class = "bar-unscheduled"
        x = TIMELINE_WIDTH * (start - first).days / days
        width = max(TIMELINE_WIDTH * ((end - start).days + 1) / days, 4)
        rows.append(TimelineRow(activity, Bar(round(x, 1), 4, round(width, 1), 16, css_class, activity.title)))
    return rows


def timeline_months(year: int) -> list[tuple[float, str]]:
    first = datetime.date(year, 1, 1)
    days = 366 if (datetime.date(year, 12, 31) - first).days == 365 else 365
    return [
        (
            round(TIMELINE_WIDTH * (datetime.date(year, month, 1) - first).days / days, 1),
            date_format(datetime.date(year, month, 1), "M"),
        )
        for month in range(1, 13)
    ]


def statuses_legend():
    return [(f"bar-{value}", label) for value, label in ActivityStatus.choices] + [
        ("bar-unscheduled", _("No dates yet"))
    ]


def group_by_kind(rows):
    groups = defaultdict(list)
    for matrix_row in rows:
        groups[matrix_row.organization.get_kind_display()].append(matrix_row)
    return list(groups.items())


# --- One organisation across the series --------------------------------------------------------

DOTS_SHOWN = 24
PROFILE_LIST = 10


def _strongest_status_of(organization):
    strength = Case(
        *[When(status=status, then=Value(rank)) for status, rank in _STATUS_STRENGTH.items()],
        default=Value(0),
        output_field=IntegerField(),
    )
    return Subquery(
        Participation.objects.filter(
            Q(organization=organization) | Q(organization__parent=organization, status=ParticipationStatus.ATTENDED),
            meeting=OuterRef("pk"),
        )
        .annotate(strength=strength)
        .order_by("-strength")
        .values("status")[:1]
    )


def attendance_dots(organization) -> list[tuple]:
    """[(series, [meeting with .status_of_organization, ...]), ...]: the latest meetings of the series the
    organisation belongs to or took part in, oldest first, with its status at each (one query). It attended a
    meeting when one of its units did."""
    # EXISTS per series (a few dozen) stops at the first participation found, where an IN list would
    # collect the series of every participation of a busy organisation (thousands).
    series_ids = MeetingSeries.objects.filter(
        Exists(MeetingSeries.members.through.objects.filter(meetingseries=OuterRef("pk"), organization=organization))
        | Exists(Participation.objects.filter(meeting__series=OuterRef("pk"), organization=organization))
        | Exists(
            Participation.objects.filter(
                meeting__series=OuterRef("pk"),
                organization__parent=organization,
                status=ParticipationStatus.ATTENDED,
            )
        )
    ).values("pk")
    meetings = (
        Meeting.objects.filter(series__in=series_ids)
        .select_related("series")
        .annotate(status_of_organization=_strongest_status_of(organization))
        .order_by("-starts_at", "-id")[:DOTS_SHOWN]
    )
    grouped = defaultdict(list)
    for meeting in reversed(list(meetings)):
        grouped[meeting.series].append(meeting)
    return list(grouped.items())


@dataclass
class ActionRecord:
    total: int
    done: int
    dropped: int
    still_open: int
    overdue: int

    @property
    def completion_rate(self) -> int | None:
        counted = self.total - self.dropped
        return round(100 * self.done / counted) if counted > 0 else None


def action_record(organization, user) -> ActionRecord:
    counts = (
        ActionItem.objects.visible_to(user)
        .filter(responsible_organization=organization)
        .aggregate(
            total=Count("id"),
            done=Count("id", filter=Q(status=ActionStatus.DONE)),
            dropped=Count("id", filter=Q(status=ActionStatus.DROPPED)),
            still_open=Count("id", filter=Q(status__in=OPEN_ACTION_STATUSES)),
            overdue=Count("id", filter=Q(status__in=OPEN_ACTION_STATUSES, due_on__lt=timezone.localdate())),
        )
    )
    return ActionRecord(**counts)


def owned_actions(organization, user):
    """Open ones first (soonest due), then the rest: the first few of each read in index order, then merged
    (sorting on an open-or-not expression would sort every action of a busy organisation)."""
    actions = (
        ActionItem.objects.visible_to(user)
        .filter(responsible_organization=organization)
        .select_related("meeting", "owner")
    )
    still_open = actions.filter(status__in=OPEN_ACTION_STATUSES).annotate(closed=Value(0))
    closed = actions.exclude(status__in=OPEN_ACTION_STATUSES).annotate(closed=Value(1))
    return (
        still_open.order_by("due_on", "id")[:PROFILE_LIST]
        .union(closed.order_by("due_on", "id")[:PROFILE_LIST], all=True)
        .order_by("closed", "due_on", "id")[:PROFILE_LIST]
    )


def statements_made(organization, user):
    statements = (
        Statement.objects.visible_to(user)
        .filter(organization=organization)
        .select_related("speaker", "organization", "meeting", "source_document")
    )
    return statements.order_by("-meeting__starts_at", "position", "id")[:PROFILE_LIST]


def activities_involved(organization):
    """Activities the organisation led or partnered, newest first, each with .is_led."""
    # Led and partnered ones are two indexed lookups; an OR of them was a scan of every activity.
    newest_first = ("-plan__year", "-plan__quarter_number", "-starts_on", "-id")
    involved = Activity.objects.select_related("lead_organization", "plan")
    led = involved.filter(lead_organization=organization)
    partnered = involved.filter(
        pk__in=Activity.partners.through.objects.filter(organization=organization).values("activity")
    ).exclude(lead_organization=organization)
    shown = PROFILE_LIST * 2
    activities = list(
        led.order_by(*newest_first)[:shown]
        .union(partnered.order_by(*newest_first)[:shown], all=True)
        .order_by(*newest_first)[:shown]
    )
    for activity in activities:
        activity.is_led = activity.lead_organization_id == organization.pk
    return activities


TREND_LIST = 25  # at most this many agenda items, statements and activities shown per trend


def emerging_trends(series, user):
    """The topics flagged as emerging trends, each with where it came up in this series.

    Each topic gets ``series_agenda_items``, ``series_statements`` (minutes content: only from published minutes
    unless the user may see drafts) and ``series_activities``, the newest first, a few of each: one query per list.
    """
    statements = (
        Statement.objects.visible_to(user)
        .filter(meeting__series=series)
        .select_related("speaker", "organization", "meeting", "source_document")
    )
    agenda_items = AgendaItem.objects.filter(meeting__series=series).select_related("meeting")
    activities = Activity.objects.filter(plan__series=series).select_related("plan")
    return Topic.objects.filter(is_emerging_trend=True).prefetch_related(
        Prefetch(
            "agenda_items",
            queryset=agenda_items.order_by("-meeting__starts_at", "position", "id")[:TREND_LIST],
            to_attr="series_agenda_items",
        ),
        Prefetch(
            "statements",
            queryset=statements.order_by("-meeting__starts_at", "position", "id")[:TREND_LIST],
            to_attr="series_statements",
        ),
        Prefetch(
            "activities",
            queryset=activities.order_by("-plan__year", "-plan__quarter_number", "-starts_on", "-id")[:TREND_LIST],
            to_attr="series_activities",
        ),
    )
