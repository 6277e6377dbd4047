"""CSV and XLSX downloads of actions, activities and participation, filtered like the pages they come from."""

from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from activities.models import Activity
from meetings.exports import FORMATS, MAX_ROWS, table_response
from meetings.filters import ActionFilter, ActivityFilter, ParticipationFilter, reviewing_meetings, tracked_actions
from meetings.models import Participation


def _check_format(file_format):
    if file_format not in FORMATS:
        raise Http404("Unknown format.")


def _stamp():
    return timezone.localdate().isoformat()


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
    ]
    rows = (
        [
            action.pk,
            action.title,
            action.responsible_organization.name,
            action.owner.name if action.owner else "",
            action.due_on,
            action.get_status_display(),
            "yes" if action.is_overdue else "",
            _("%(ordinal)s meeting") % {"ordinal": action.meeting.ordinal},
            action.meeting.local_start.date(),
            [_("%(ordinal)s meeting") % {"ordinal": meeting.ordinal} for meeting in reviewing_meetings(action)],
            action.description,
        ]
        for action in actions
    )
    return table_response(file_format, f"actions-{_stamp()}", _("Actions"), header, rows)


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
    rows = (
        [
            activity.pk,
            str(activity.plan.quarter),
            activity.title,
            activity.get_kind_display(),
            activity.lead_organization.name,
            [partner.short_name for partner in activity.partners.all()],
            activity.starts_on,
            activity.last_day,
            activity.places,
            activity.target_group,
            activity.get_status_display(),
            activity.people_reached,
            activity.outcome,
        ]
        for activity in activities
    )
    return table_response(file_format, f"activities-{_stamp()}", _("Activities"), header, rows)


@require_safe
def export_participation(request, file_format):
    _check_format(file_format)
    participations = Participation.objects.select_related("meeting__series", "organization", "contact").order_by(
        "meeting__starts_at", "organization__name", "contact__name", "id"
    )
    participations = ParticipationFilter(request.GET, queryset=participations).qs[:MAX_ROWS]
    header = [_("Meeting"), _("Date"), _("Series"), _("Organisation"), _("Kind"), _("Person"), _("Role"), _("Status")]
    rows = (
        [
            _("%(ordinal)s meeting") % {"ordinal": p.meeting.ordinal},
            p.meeting.local_start.date(),
            p.meeting.series.title,
            p.organization.name,
            p.organization.get_kind_display(),
            p.contact.name if p.contact else "",
            p.get_role_display(),
            p.get_status_display(),
        ]
        for p in participations
    )
    return table_response(file_format, f"participation-{_stamp()}", _("Participation"), header, rows)
