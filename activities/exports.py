"""CSV and XLSX download of the activities, filtered like the activities page."""

import functools

from django.db.models.expressions import RawSQL
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from activities.filters import ActivityFilter
from activities.models import Activity, DatePrecision
from common.exports import MAX_ROWS, check_format, choice_labels, export_response
from common.quarter import Quarter
from stakeholders.models import Organization


@require_safe
def export_activities(request, file_format):
    check_format(file_format)
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
    kinds, statuses = choice_labels(Activity, "kind"), choice_labels(Activity, "status")
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

    return export_response(file_format, "activities", _("Activities"), header, activities, fields, rows)
