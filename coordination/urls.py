from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path, re_path

from coordination import pickers
from coordination.pages import accounts, calendar_feed, public, single_sign_on, two_factor, views
from coordination.pages.organization_page import OrganizationDetailView
from stakeholders.forms import OutboxPasswordResetForm

# An uncaught exception: 503 while the database is unreachable (coordination/pages/unavailable.py), else the 500 page.
handler500 = "coordination.pages.unavailable.server_error_or_unavailable"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("healthz", views.healthz, name="healthz"),
    path("favicon.ico", views.favicon, name="favicon"),
    path("search/", views.search, name="search"),
    path("organizations/<int:pk>/", OrganizationDetailView.as_view(), name="organization-detail"),
    path("calendar.ics", calendar_feed.calendar_feed, name="calendar-feed"),
    re_path(r"^calendar/(?P<token>[^/]+)\.ics$", calendar_feed.personal_calendar_feed, name="personal-calendar-feed"),
    path("pickers/<slug:kind>/", pickers.picker, name="picker"),
    path("i18n/setlang/", views.set_language, name="set_language"),
    # Django's account pages; login, password change and reset go through the login throttle (pages/accounts.py).
    path("accounts/login/", accounts.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("accounts/password_change/", accounts.PasswordChangeView.as_view(), name="password_change"),
    path("accounts/password_change/done/", auth_views.PasswordChangeDoneView.as_view(), name="password_change_done"),
    path(
        "accounts/password_reset/",
        accounts.PasswordResetView.as_view(form_class=OutboxPasswordResetForm),
        name="password_reset",
    ),
    path("accounts/password_reset/done/", auth_views.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path(
        "accounts/reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path("accounts/reset/done/", auth_views.PasswordResetCompleteView.as_view(), name="password_reset_complete"),
    # The organisation's sign-in (OpenID Connect, coordination/single_sign_on.py): the e-mail form, and the one
    # allauth view the portal needs, the providers' callback.
    path("accounts/sso/", single_sign_on.single_sign_on, name="single-sign-on"),
    path(
        "accounts/oidc/<str:provider_id>/login/callback/",
        single_sign_on.callback,
        name="openid_connect_callback",
    ),
    # The second factor of the secretariat and admins (coordination/two_factor.py).
    path("accounts/two-factor/setup/", two_factor.setup, name="two-factor-setup"),
    path("accounts/two-factor/verify/", two_factor.verify, name="two-factor-verify"),
    # The public pages of public series (coordination/pages/public.py): stable addresses by id, no login.
    path("public/", public.index, name="public-index"),
    path("public/series/<int:pk>/", public.series_detail, name="public-series"),
    path("public/meetings/<int:pk>/", public.meeting_detail, name="public-meeting"),
    path("public/documents/<int:pk>/", public.document_download, name="public-document"),
    path("admin/", admin.site.urls),
    path("", include("meetings.urls")),
    path("", include("stakeholders.urls")),
    path("", include("activities.urls")),
    path("", include("api.urls")),
]
