from django.urls import path

from meetings.views import browse

urlpatterns = [
    path("meetings/", browse.MeetingListView.as_view(), name="meeting-list"),
    path("meetings/<int:pk>/", browse.MeetingDetailView.as_view(), name="meeting-detail"),
    path("series/<int:pk>/", browse.SeriesDetailView.as_view(), name="series-detail"),
    path("actions/", browse.ActionListView.as_view(), name="action-list"),
    path("actions/<int:pk>/", browse.ActionDetailView.as_view(), name="action-detail"),
]
