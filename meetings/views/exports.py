"""CSV and XLSX downloads of actions and participation, filtered like the pages they come from."""

import functools
import zoneinfo

from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from common.exports import MAX_ROWS, check_format, choice_labels, export_response
from meetings.filters import (
    ActionFilter,
    ParticipationFilter,
    reviewing_meeting_numbers,
    tracked_actions,
)
from meetings.models import OPEN_ACTION_STATUSES, ActionItem, Participation, ordinal
from stakeholders.models import Organization


def _meeting_label():
    """``"3rd meeting"`` for a meeting number, made once per number."""
    return functools.cache(lambda number: _("%(ordinal)s meeting") % {"ordinal": ordinal(number)})


def _local_date(starts_at, time_zone: str):
    return starts_at.astimezone(zoneinfo.ZoneInfo(time_zone)).date()


@require_safe
def export_actions(request, file_format):
    check_format(file_format)
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
        _("Number"),
    ]
    fields = ["pk", "title", "responsible_organization__name", "owner__name", "due_on", "status", "meeting_id"]
    fields += ["meeting__number", "meeting__starts_at", "meeting__time_zone", "description", "is_illustrative"]
    fields += ["reference_number"]
    statuses = choice_labels(ActionItem, "status")
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
            reference_number,
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
                f"{number}.{reference_number}" if reference_number else "",
            ]

    return export_response(file_format, "actions", _("Follow-up actions"), header, actions, fields, rows)


@require_safe
def export_participation(request, file_format):
    check_format(file_format)
    participations = Participation.objects.select_related("meeting__series", "organization", "contact").order_by(
        "meeting__starts_at", "organization__name", "contact__name", "id"
    )
    participations = ParticipationFilter(request.GET, queryset=participations).qs[:MAX_ROWS]
    header = [_("Meeting"), _("Date"), _("Series"), _("Organisation"), _("Kind"), _("Person"), _("Role"), _("Status")]
    fields = ["meeting__number", "meeting__starts_at", "meeting__time_zone", "meeting__series__title"]
    fields += ["organization__name", "organization__kind", "contact__name", "attendee_name", "role", "status"]
    kinds = choice_labels(Organization, "kind")
    roles, statuses = choice_labels(Participation, "role"), choice_labels(Participation, "status")
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

    return export_response(file_format, "participation", _("Participation"), header, participations, fields, rows)
