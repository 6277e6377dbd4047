from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from coordination import views
from stakeholders.forms import OutboxPasswordResetForm

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("healthz", views.healthz, name="healthz"),
    path("search/", views.search, name="search"),
    path("i18n/setlang/", views.set_language, name="set_language"),
    path(
        "accounts/password_reset/",
        auth_views.PasswordResetView.as_view(form_class=OutboxPasswordResetForm),
        name="password_reset",
    ),
    path("accounts/", include("django.contrib.auth.urls")),
    path("admin/", admin.site.urls),
    path("", include("meetings.urls")),
    path("", include("stakeholders.urls")),
    path("", include("activities.urls")),
]
