from django.urls import path

from activities import views

urlpatterns = [
    path("activities/", views.ActivityListView.as_view(), name="activity-list"),
    path(
        "activities/<int:pk>/",
        views.ActivityDetailView.as_view(),
        name="activity-detail",
    ),
]
