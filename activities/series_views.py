"""The series pages about activities: planned against completed per quarter, the timeline, the emerging trends."""

from django.conf import settings
from django.core.paginator import Paginator
from django.views.generic import DetailView

from activities import analytics
from meetings.views.analytics import SeriesPageMixin, chosen_year


class QuarterProgressView(SeriesPageMixin, DetailView):
    template_name = "activities/series_progress.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        rows = analytics.quarter_progress(self.object)
        context.update(rows=rows, chart=analytics.progress_chart(rows))
        return context


class TimelineView(SeriesPageMixin, DetailView):
    """A Gantt-like chart of a year's activities, drawn as SVG on the server."""

    template_name = "activities/series_timeline.html"
    rows_per_page = 60

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        years = analytics.timeline_years(self.object)
        year = chosen_year(self.request, years)
        rows, page = [], None
        if year:
            page = Paginator(analytics.timeline_activities(self.object, year), self.rows_per_page).get_page(
                self.request.GET.get("page")
            )
            rows = analytics.timeline_rows(page.object_list, year)
        row_height = 22
        context.update(
            years=years,
            year=year,
            rows=rows,
            months=analytics.timeline_months(year) if year else [],
            quarters=[(analytics.TIMELINE_WIDTH * (q - 1) / 4, f"Q{q}") for q in range(1, 5)],
            chart_width=analytics.TIMELINE_WIDTH,
            row_height=row_height,
            chart_height=row_height * len(rows) + 24,
            legend=analytics.statuses_legend(),
            page_obj=page,
            is_paginated=bool(page and page.has_other_pages()),
        )
        return context


class EmergingTrendsView(SeriesPageMixin, DetailView):
    """The topics flagged as emerging trends, with the meetings, statements and activities where each came up."""

    template_name = "activities/series_trends.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page = Paginator(analytics.emerging_trends(self.object, self.request.user), settings.PAGE_SIZE).get_page(
            self.request.GET.get("page")
        )
        context.update(trends=page.object_list, page_obj=page, is_paginated=page.has_other_pages())
        return context
