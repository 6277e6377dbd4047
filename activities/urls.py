from django.urls import path

from activities import exports, place_views, series_views, views

app_name = "activities"

urlpatterns = [
    path("activities/", views.ActivityListView.as_view(), name="activity-list"),
    path("activities/export.<str:file_format>", exports.export_activities, name="activity-export"),
    path("activities/new/", views.ActivityCreateView.as_view(), name="activity-create"),
    path("activities/<int:pk>/", views.ActivityDetailView.as_view(), name="activity-detail"),
    path("activities/<int:pk>/edit/", views.ActivityUpdateView.as_view(), name="activity-update"),
    path("activities/<int:pk>/delete/", views.ActivityDeleteView.as_view(), name="activity-delete"),
    path("activities/<int:pk>/progress/", views.ActivityProgressView.as_view(), name="activity-progress"),
    path("activities/places/", place_views.PlaceListView.as_view(), name="place-list"),
    path("activities/places/<int:pk>/edit/", place_views.PlaceUpdateView.as_view(), name="place-update"),
    path("activities/plans/new/", views.ActivityPlanCreateView.as_view(), name="plan-create"),
    path("activities/plans/<int:pk>/edit/", views.ActivityPlanUpdateView.as_view(), name="plan-update"),
    path("meetings/<int:pk>/quarter-review/", views.QuarterReviewView.as_view(), name="quarter-review"),
    path("meetings/<int:pk>/endorse-plan/", views.EndorsePlanView.as_view(), name="endorse-plan"),
    path("meetings/<int:pk>/carry-activities/", views.CarryActivitiesView.as_view(), name="carry-activities"),
    # The series pages about activities (activities/series_views.py).
    path("series/<int:pk>/progress/", series_views.QuarterProgressView.as_view(), name="series-progress"),
    path("series/<int:pk>/timeline/", series_views.TimelineView.as_view(), name="series-timeline"),
    path("series/<int:pk>/trends/", series_views.EmergingTrendsView.as_view(), name="series-trends"),
]
