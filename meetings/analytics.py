"""The picture across a meeting series: who took part, and each organisation's record (activities.analytics adds
what was planned and done, and when).

Each function runs a fixed number of queries whatever the size of the series, and returns plain
data (rows, cells, bar geometry) for the templates to draw without JavaScript.
"""

from collections import defaultdict
from dataclasses import dataclass

from django.db import connection
from django.db.models import Case, Count, Exists, IntegerField, OuterRef, Q, Subquery, Value, When
from django.db.models.expressions import RawSQL
from django.utils import timezone

from meetings.models import (
    OPEN_ACTION_STATUSES,
    ActionItem,
    ActionStatus,
    Meeting,
    MeetingSeries,
    Participation,
    ParticipationStatus,
    Statement,
)
from stakeholders.models import Organization, units_below

MATRIX_COLUMNS = 12

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
    """Members of the series, everyone invited to the given meetings, and every organisation above a unit that
    attended one, at any level (a sub-unit of a unit of a ministry brings in the unit and the ministry), by kind then
    name."""
    meeting_ids = [m.pk for m in meetings]
    taking_part = Participation.objects.filter(meeting__in=meeting_ids)
    members = series.members.through.objects.filter(meetingseries=series).values("organization")
    # Every organisation above a unit that attended, at any level: a recursive CTE (UNION stops at a loop).
    above_units = RawSQL(
        "WITH RECURSIVE above(id) AS ("
        " SELECT unit.parent_id FROM stakeholders_organization unit"
        " JOIN meetings_participation p ON p.organization_id = unit.id"
        " WHERE unit.parent_id IS NOT NULL AND p.status = %s AND p.meeting_id = ANY(%s)"
        " UNION SELECT parent.parent_id FROM stakeholders_organization parent JOIN above ON parent.id = above.id"
        " WHERE parent.parent_id IS NOT NULL"
        ") SELECT id FROM above",
        [ParticipationStatus.ATTENDED, meeting_ids],
    )
    return Organization.objects.filter(
        Q(pk__in=taking_part.values("organization")) | Q(pk__in=members) | Q(pk__in=above_units)
    ).order_by("kind", "name")


@dataclass
class MatrixRow:
    organization: Organization
    cells: list
    attended: int


# Each organisation of the page with itself and every unit below it (at any depth), and their rows at the meetings:
# its own rows, and the rows of its units that attended (a recursive CTE: one query whatever the depth).
_ROLLED_UP_STATUSES = """
WITH RECURSIVE tree(root, id) AS (
    SELECT id, id FROM stakeholders_organization WHERE id = ANY(%(page)s)
  UNION
    SELECT tree.root, unit.id FROM stakeholders_organization unit JOIN tree ON unit.parent_id = tree.id
)
SELECT tree.root, p.meeting_id, p.status
FROM tree JOIN meetings_participation p ON p.organization_id = tree.id
WHERE p.meeting_id = ANY(%(meetings)s) AND (tree.root = tree.id OR p.status = %(attended)s)
"""


# The status of an organisation not listed at a meeting whose participants are only partly recorded: not known.
NOT_RECORDED = "not_recorded"


def _unknown_status(meeting) -> str:
    return NOT_RECORDED if meeting.participants_partly_recorded else ""


def participation_rows(organizations, meetings) -> list[MatrixRow]:
    """For each organisation (a page of them) its status at each meeting: one query.

    A unit's attendance rolls up through every level above it: an organisation attended when one of its units, or
    a unit of those, did."""
    organizations = list(organizations)
    params = {
        "page": [o.pk for o in organizations],
        "meetings": [m.pk for m in meetings],
        "attended": ParticipationStatus.ATTENDED,
    }
    best = {}
    with connection.cursor() as cursor:
        cursor.execute(_ROLLED_UP_STATUSES, params)
        for organization_id, meeting_id, status in cursor.fetchall():
            key = (organization_id, meeting_id)
            if _STATUS_STRENGTH.get(status, 0) > _STATUS_STRENGTH.get(best.get(key), 0):
                best[key] = status
    rows = []
    for organization in organizations:
        cells = [best.get((organization.pk, meeting.pk), _unknown_status(meeting)) for meeting in meetings]
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


def group_by_kind(rows):
    groups = defaultdict(list)
    for matrix_row in rows:
        groups[matrix_row.organization.get_kind_display()].append(matrix_row)
    return list(groups.items())


# --- One organisation across the series --------------------------------------------------------

DOTS_SHOWN = 24
PROFILE_LIST = 10


def _strongest_status_of(organization, units):
    strength = Case(
        *[When(status=status, then=Value(rank)) for status, rank in _STATUS_STRENGTH.items()],
        default=Value(0),
        output_field=IntegerField(),
    )
    return Subquery(
        Participation.objects.filter(
            Q(organization=organization) | Q(organization__in=units, status=ParticipationStatus.ATTENDED),
            meeting=OuterRef("pk"),
        )
        .annotate(strength=strength)
        .order_by("-strength")
        .values("status")[:1]
    )


def attendance_dots(organization) -> list[tuple]:
    """[(series, [meeting with .status_of_organization, ...]), ...]: the latest meetings of the series the
    organisation belongs to or took part in, oldest first, with its status at each (one query). It attended a
    meeting when one of its units, at any depth, did."""
    units = units_below([organization.pk])
    # EXISTS per series (a few dozen) stops at the first participation found, where an IN list would
    # collect the series of every participation of a busy organisation (thousands).
    series_ids = MeetingSeries.objects.filter(
        Exists(MeetingSeries.members.through.objects.filter(meetingseries=OuterRef("pk"), organization=organization))
        | Exists(Participation.objects.filter(meeting__series=OuterRef("pk"), organization=organization))
        | Exists(
            Participation.objects.filter(
                meeting__series=OuterRef("pk"),
                organization__in=units,
                status=ParticipationStatus.ATTENDED,
            )
        )
    ).values("pk")
    meetings = (
        Meeting.objects.filter(series__in=series_ids)
        .select_related("series")
        .annotate(status_of_organization=_strongest_status_of(organization, units))
        .order_by("-starts_at", "-id")[:DOTS_SHOWN]
    )
    grouped = defaultdict(list)
    for meeting in reversed(list(meetings)):
        if not meeting.status_of_organization and meeting.participants_partly_recorded:
            meeting.status_of_organization = NOT_RECORDED
        grouped[meeting.series].append(meeting)
    return list(grouped.items())


@dataclass
class ActionRecord:
    total: int
    done: int
    dropped: int
    still_open: int
    overdue: int
    illustrative: int = 0  # examples no source states: a rate computed from them is an example too

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
            illustrative=Count("id", filter=Q(is_illustrative=True)),
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
