"""The activities across a meeting series: planned against completed per quarter, the timeline of a year, the
emerging trends, and the activities an organisation took part in.

Each function runs a fixed number of queries whatever the size of the series, and returns plain
data (rows, cells, bar geometry) for the templates to draw without JavaScript.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q
from django.db.models.functions import ExtractQuarter, ExtractYear
from django.utils.translation import gettext_lazy as _

from activities.models import Activity, ActivityPlan, ActivityStatus
from common.formatting import short_month_text
from common.quarter import Quarter
from meetings.analytics import PROFILE_LIST
from meetings.models import ActionItem, ActionStatus, AgendaItem, Statement, Topic

QUARTERS_SHOWN = 16


@dataclass
class QuarterRow:
    quarter: Quarter
    has_plan: bool = False  # no plan recorded: the activities are unknown, not zero
    planned: int = 0
    completed: int = 0
    postponed_or_cancelled: int = 0
    actions_agreed: int = 0
    actions_done: int = 0
    actions_dropped: int = 0
    actions_illustrative: int = 0  # examples no source states: a rate computed from them is an example too

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
        quarter_row.has_plan = True
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
            illustrative=Count("id", filter=Q(is_illustrative=True)),
        )
        .order_by()
    )
    for counts in action_counts:
        quarter_row = row(counts["year"], counts["number"])
        quarter_row.actions_agreed = counts["agreed"]
        quarter_row.actions_done = counts["done"]
        quarter_row.actions_dropped = counts["dropped"]
        quarter_row.actions_illustrative = counts["illustrative"]
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
        chart.labels.append((x + bar, chart.height - 10, quarter_row.quarter.label))
        if not quarter_row.has_plan:  # no bars: unknown is not zero
            continue
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
        rows.append(TimelineRow(activity, Bar(round(x, 1), 4, round(width, 1), 16, css_class, str(activity))))
    return rows


def timeline_months(year: int) -> list[tuple[float, str]]:
    first = datetime.date(year, 1, 1)
    days = 366 if (datetime.date(year, 12, 31) - first).days == 365 else 365
    return [
        (
            round(TIMELINE_WIDTH * (datetime.date(year, month, 1) - first).days / days, 1),
            short_month_text(datetime.date(year, month, 1)),
        )
        for month in range(1, 13)
    ]


def statuses_legend():
    return [(f"bar-{value}", label) for value, label in ActivityStatus.choices] + [
        ("bar-unscheduled", _("No dates yet"))
    ]


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
    agenda_items = AgendaItem.objects.readable_by(user).filter(meeting__series=series).select_related("meeting")
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
