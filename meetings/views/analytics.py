from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Count, Max
from django.views.generic import DetailView, ListView

from meetings import analytics
from meetings.models import MeetingSeries


class SeriesListView(ListView):
    """The coordination platforms, each leading to its pages across meetings."""

    template_name = "meetings/series_list.html"
    context_object_name = "series_list"
    paginate_by = settings.PAGE_SIZE

    def get_queryset(self):
        return (
            MeetingSeries.objects.select_related("convening_organization")
            .annotate(meeting_count=Count("meetings", distinct=True), last_meeting_at=Max("meetings__starts_at"))
            .order_by("title")
        )


def chosen_year(request, choices) -> int | None:
    """The ?year= asked for if it is one of the choices; otherwise the latest one (or None)."""
    try:
        year = int(request.GET.get("year", ""))
    except ValueError:
        year = None
    if year in choices:
        return year
    return choices[0] if choices else None


class SeriesPageMixin:
    model = MeetingSeries
    context_object_name = "series"

    def get_queryset(self):
        return MeetingSeries.objects.select_related("convening_organization")


class ParticipationMatrixView(SeriesPageMixin, DetailView):
    """Organisations x meetings, grouped by kind of organisation; a page of organisations at a time."""

    template_name = "meetings/series_participation.html"
    rows_per_page = 50

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        series = self.object
        years = analytics.meeting_years(series)
        year = chosen_year(self.request, years) if self.request.GET.get("year") else None
        meetings = analytics.matrix_meetings(series, year)
        page = Paginator(analytics.matrix_organizations(series, meetings), self.rows_per_page).get_page(
            self.request.GET.get("page")
        )
        rows = analytics.participation_rows(page.object_list, meetings)
        context.update(
            years=years,
            year=year,
            meetings=meetings,
            attendance=analytics.attendance_per_meeting(meetings),
            groups=analytics.group_by_kind(rows),
            page_obj=page,
            is_paginated=page.has_other_pages(),
        )
        return context
