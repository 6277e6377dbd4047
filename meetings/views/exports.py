"""CSV and XLSX downloads of actions, activities and participation, filtered like the pages they come from."""

import functools
import zoneinfo

from django.db.models.expressions import RawSQL
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from activities.models import Activity, DatePrecision
from common.quarter import Quarter
from meetings.exports import FORMATS, MAX_ROWS, in_chunks, table_chunks, table_response
from meetings.filters import (
    ActionFilter,
    ActivityFilter,
    ParticipationFilter,
    reviewing_meeting_numbers,
    tracked_actions,
)
from meetings.models import OPEN_ACTION_STATUSES, ActionItem, Participation, ordinal
from stakeholders.models import Organization


def _check_format(file_format):
    if file_format not in FORMATS:
        raise Http404("Unknown format.")


def _stamp():
    return timezone.localdate().isoformat()


def _labels(model, field_name: str) -> dict:
    """A choice field's display labels in the active language, translated once per export, not once per row."""
    return {value: str(label) for value, label in model._meta.get_field(field_name).flatchoices}


def _meeting_label():
    """``"3rd meeting"`` for a meeting number, made once per number."""
    return functools.cache(lambda number: _("%(ordinal)s meeting") % {"ordinal": ordinal(number)})


def _local_date(starts_at, time_zone: str):
    return starts_at.astimezone(zoneinfo.ZoneInfo(time_zone)).date()


@require_safe
def export_actions(request, file_format):
    _check_format(file_format)
    actions = ActionFilter(request.GET, queryset=tracked_actions(request.user)).qs[:MAX_ROWS]
    header = [
        _("ID"),
        _("Action"),
        _("Responsible organisation"),
        _("Owner"),
        _("Due"),
        _("Status"),
        _("Overdue"),
        _("Agreed at meeting"),
        _("Meeting date"),
        _("Reviewed at meetings"),
        _("Description"),
        _("Illustrative example"),
    ]
    fields = ["pk", "title", "responsible_organization__name", "owner__name", "due_on", "status", "meeting_id"]
    fields += ["meeting__number", "meeting__starts_at", "meeting__time_zone", "description", "is_illustrative"]
    statuses = _labels(ActionItem, "status")
    meeting_label = _meeting_label()
    today = timezone.localdate()

    def rows(chunk):
        reviews = reviewing_meeting_numbers({row[0]: row[6] for row in chunk})
        for (
            pk,
            title,
            organization,
            owner,
            due_on,
            status,
            _meeting,
            number,
            starts_at,
            time_zone,
            text,
            example,
        ) in chunk:
            overdue = status in OPEN_ACTION_STATUSES and due_on is not None and due_on < today
            yield [
                pk,
                title,
                organization,
                owner or "",
                due_on,
                statuses.get(status, status),
                "yes" if overdue else "",
                meeting_label(number),
                _local_date(starts_at, time_zone),
                [meeting_label(later) for later in reviews.get(pk, ())],
                text,
                "yes" if example else "",
            ]

    chunks = table_chunks(in_chunks(actions, fields), rows)
    return table_response(file_format, f"actions-{_stamp()}", _("Actions"), header, chunks)


@require_safe
def export_activities(request, file_format):
    _check_format(file_format)
    activities = (
        Activity.objects.select_related("plan__series", "lead_organization")
        .prefetch_related("partners")
        .order_by("plan__year", "plan__quarter_number", "starts_on", "title", "id")
    )
    activities = ActivityFilter(request.GET, queryset=activities).qs[:MAX_ROWS]
    header = [
        _("ID"),
        _("Quarter"),
        _("Activity"),
        _("Kind"),
        _("Lead organisation"),
        _("Partners"),
        _("Starts"),
        _("Ends"),
        _("Places"),
        _("Target group"),
        _("Status"),
        _("People reached"),
        _("Outcome"),
    ]
    fields = ["pk", "plan__year", "plan__quarter_number", "title", "kind", "lead_organization__name", "starts_on"]
    fields += ["ends_on", "places", "target_group", "status", "people_reached", "outcome", "date_precision"]
    kinds, statuses = _labels(Activity, "kind"), _labels(Activity, "status")
    quarter = functools.cache(lambda year, number: str(Quarter(year, number)))

    def rows(chunk):
        partners = {}
        ids = RawSQL("SELECT unnest(%s::bigint[])", ([row[0] for row in chunk],))  # one parameter, not 2,000
        through = Activity.partners.through.objects.filter(activity_id__in=ids)
        ordering = [f"organization__{field}" for field in Organization._meta.ordering] + ["organization_id"]
        names = through.order_by(*ordering).values_list("activity_id", "organization__acronym", "organization__name")
        for activity_id, acronym, name in names:
            partners.setdefault(activity_id, []).append(acronym or name)  # Organization.short_name
        for (
            pk,
            year,
            number,
            title,
            kind,
            lead,
            starts,
            ends,
            places,
            group,
            status,
            reached,
            outcome,
            precision,
        ) in chunk:
            month_only = precision == DatePrecision.MONTH
            yield [
                pk,
                quarter(year, number),
                title,
                kinds.get(kind, kind),
                lead,
                partners.get(pk, []),
                starts.strftime("%Y-%m") if month_only and starts else starts,
                None if month_only else ends or starts,
                places,
                group,
                statuses.get(status, status),
                reached,
                outcome,
            ]

    chunks = table_chunks(in_chunks(activities, fields), rows)
    return table_response(file_format, f"activities-{_stamp()}", _("Activities"), header, chunks)


@require_safe
def export_participation(request, file_format):
    _check_format(file_format)
    participations = Participation.objects.select_related("meeting__series", "organization", "contact").order_by(
        "meeting__starts_at", "organization__name", "contact__name", "id"
    )
    participations = ParticipationFilter(request.GET, queryset=participations).qs[:MAX_ROWS]
    header = [_("Meeting"), _("Date"), _("Series"), _("Organisation"), _("Kind"), _("Person"), _("Role"), _("Status")]
    fields = ["meeting__number", "meeting__starts_at", "meeting__time_zone", "meeting__series__title"]
    fields += ["organization__name", "organization__kind", "contact__name", "attendee_name", "role", "status"]
    kinds = _labels(Organization, "kind")
    roles, statuses = _labels(Participation, "role"), _labels(Participation, "status")
    meeting_label = _meeting_label()

    def rows(chunk):
        for number, starts_at, time_zone, series, organization, kind, person, walk_in_name, role, status in chunk:
            yield [
                meeting_label(number),
                _local_date(starts_at, time_zone),
                series,
                organization,
                kinds.get(kind, kind),
                person or walk_in_name or "",
                roles.get(role, role),
                statuses.get(status, status),
            ]

    chunks = table_chunks(in_chunks(participations, fields), rows)
    return table_response(file_format, f"participation-{_stamp()}", _("Participation"), header, chunks)
