"""The API's filters: the same as the pages' (series, status, organisation, year), and nothing else accepted."""

import django_filters
from django.utils.translation import gettext as _
from django_filters.rest_framework import DjangoFilterBackend
from rest_framework import exceptions

from activities.models import Activity, ActivityKind, ActivityStatus
from meetings.models import ActionItem, ActionStatus, Meeting, MeetingStatus, Statement
from stakeholders.models import Organization, OrganizationKind

OPEN = "open"
# Query parameters every list understands besides its filters.
PAGING_PARAMETERS = ("cursor", "page_size")


class UnknownParameter(exceptions.ParseError):
    default_code = "unknown-parameter"


class StrictFilterBackend(DjangoFilterBackend):
    """django-filter, refusing (400) a query parameter the list does not know, with the list of those it does."""

    def filter_queryset(self, request, queryset, view):
        allowed = set(PAGING_PARAMETERS)
        filterset_class = self.get_filterset_class(view, queryset)
        if filterset_class is not None:
            allowed |= set(filterset_class.base_filters)
        unknown = sorted(set(request.query_params) - allowed)
        if unknown:
            raise UnknownParameter(
                _("Unknown query parameters: %(unknown)s. This list accepts: %(allowed)s.")
                % {"unknown": ", ".join(unknown), "allowed": ", ".join(sorted(allowed))}
            )
        return super().filter_queryset(request, queryset, view)


# The largest id a row can have (bigint): a larger number finds nothing rather than overflow in the database.
MAX_ID = 2**63 - 1


class IdFilter(django_filters.NumberFilter):
    def __init__(self, **kwargs):
        super().__init__(min_value=1, max_value=MAX_ID, **kwargs)


class YearFilter(django_filters.NumberFilter):
    def __init__(self, field_name, **kwargs):
        super().__init__(field_name=field_name, lookup_expr="year", min_value=1900, max_value=2200, **kwargs)


class MeetingFilter(django_filters.FilterSet):
    series = IdFilter(field_name="series")
    status = django_filters.ChoiceFilter(choices=MeetingStatus.choices)
    year = YearFilter("starts_at")
    organization = IdFilter(field_name="participations__organization", distinct=True)

    class Meta:
        model = Meeting
        fields = ["series", "status", "year", "organization"]


class ActionFilter(django_filters.FilterSet):
    series = IdFilter(field_name="meeting__series")
    meeting = IdFilter(field_name="meeting")
    organization = IdFilter(field_name="responsible_organization")
    status = django_filters.ChoiceFilter(
        choices=[(OPEN, "Open or in progress"), *ActionStatus.choices], method="filter_status"
    )
    overdue = django_filters.BooleanFilter(method="filter_overdue")
    year = YearFilter("meeting__starts_at")

    class Meta:
        model = ActionItem
        fields = ["series", "meeting", "organization", "status", "overdue", "year"]

    def filter_status(self, queryset, name, value):
        return queryset.still_open() if value == OPEN else queryset.filter(status=value)

    def filter_overdue(self, queryset, name, value):
        return queryset.overdue() if value else queryset


class MeetingContentFilter(django_filters.FilterSet):
    """Agenda items, statements and decisions: by meeting, series and year."""

    meeting = IdFilter(field_name="meeting")
    series = IdFilter(field_name="meeting__series")
    year = YearFilter("meeting__starts_at")


class StatementFilter(MeetingContentFilter):
    organization = IdFilter(field_name="organization")

    class Meta:
        model = Statement
        fields = ["meeting", "series", "year", "organization"]


class OrganizationFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(choices=OrganizationKind.choices)
    active = django_filters.BooleanFilter(field_name="is_active")

    class Meta:
        model = Organization
        fields = ["kind", "active"]


class ContactFilter(django_filters.FilterSet):
    organization = IdFilter(field_name="organization")
    active = django_filters.BooleanFilter(field_name="is_active")


class ActivityFilter(django_filters.FilterSet):
    plan = IdFilter(field_name="plan")
    series = IdFilter(field_name="plan__series")
    year = django_filters.NumberFilter(field_name="plan__year", min_value=1900, max_value=2200)
    kind = django_filters.ChoiceFilter(choices=ActivityKind.choices)
    status = django_filters.ChoiceFilter(choices=ActivityStatus.choices)
    organization = IdFilter(field_name="lead_organization")

    class Meta:
        model = Activity
        fields = ["plan", "series", "year", "kind", "status", "organization"]


class ActivityPlanFilter(django_filters.FilterSet):
    series = IdFilter(field_name="series")
    year = django_filters.NumberFilter(field_name="year", min_value=1900, max_value=2200)
