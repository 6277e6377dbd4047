"""The filter of the activities page (django-filter); the activities export reuses it so a download matches the page."""

import django_filters
from django.utils.translation import gettext_lazy as _

from activities.models import Activity, ActivityKind, ActivityStatus
from common.quarter import Quarter
from common.widgets import bootstrap_filter_form, organization_picker
from stakeholders.models import Organization


class ActivityFilter(django_filters.FilterSet):
    quarter = django_filters.CharFilter(method="filter_quarter", label=_("Quarter (2023-Q4)"))
    kind = django_filters.ChoiceFilter(choices=ActivityKind.choices)
    status = django_filters.ChoiceFilter(choices=ActivityStatus.choices)
    lead = django_filters.ModelChoiceFilter(
        field_name="lead_organization",
        queryset=Organization.objects.for_choices(),
        label=_("Lead organisation"),
        empty_label=_("Any"),
        widget=organization_picker(),
    )
    city = django_filters.CharFilter(method="filter_city", label=_("City"), max_length=100)

    class Meta:
        model = Activity
        fields = ["quarter", "kind", "status", "lead", "city"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        bootstrap_filter_form(self.form)

    def filter_quarter(self, queryset, name, value):
        try:
            quarter = Quarter.parse(value)
        except ValueError:
            return queryset.none()
        return queryset.filter(plan__year=quarter.year, plan__quarter_number=quarter.number)

    def filter_city(self, queryset, name, value):
        city = value.replace("\x00", "").strip()
        # places @> ARRAY[city] is answered by the GIN index on places.
        return queryset.filter(places__contains=[city]) if city else queryset
