from django.urls import path, re_path

from meetings.views import browse
from meetings.views import calendar as calendar_views

urlpatterns = [
    path("meetings/", browse.MeetingListView.as_view(), name="meeting-list"),
    path("meetings/<int:pk>/", browse.MeetingDetailView.as_view(), name="meeting-detail"),
    path("series/<int:pk>/", browse.SeriesDetailView.as_view(), name="series-detail"),
    path("actions/", browse.ActionListView.as_view(), name="action-list"),
    path("actions/<int:pk>/", browse.ActionDetailView.as_view(), name="action-detail"),
    # Calendar files and the personal feed.
    path("calendar.ics", calendar_views.calendar_feed, name="calendar-feed"),
    path("calendar/", calendar_views.calendar_subscription, name="calendar-subscription"),
    path("calendar/reset/", calendar_views.reset_calendar_token, name="calendar-token-reset"),
    re_path(r"^calendar/(?P<token>[^/]+)\.ics$", calendar_views.personal_calendar_feed, name="personal-calendar-feed"),
    path("meetings/<int:pk>/calendar.ics", calendar_views.meeting_calendar, name="meeting-calendar"),
]
