from django.urls import include, path
from rest_framework.routers import SimpleRouter

from api import reference, token_views, views, webhook_views

app_name = "api"

router = SimpleRouter(use_regex_path=False)
router.register("series", views.SeriesViewSet, basename="series")
router.register("meetings", views.MeetingViewSet, basename="meeting")
router.register("agenda-items", views.AgendaItemViewSet, basename="agenda-item")
router.register("statements", views.StatementViewSet, basename="statement")
router.register("decisions", views.DecisionViewSet, basename="decision")
router.register("actions", views.ActionViewSet, basename="action")
router.register("organizations", views.OrganizationViewSet, basename="organization")
router.register("contacts", views.ContactViewSet, basename="contact")
router.register("activity-plans", views.ActivityPlanViewSet, basename="activity-plan")
router.register("activities", views.ActivityViewSet, basename="activity")

urlpatterns = [
    path("api/v1/deleted/", views.DeletedView.as_view(), name="deleted"),
    path("api/v1/schema/", reference.SchemaView.as_view(), name="schema"),
    path("api/v1/docs/", reference.reference_page, name="docs"),
    path("api/v1/", include(router.urls)),
    # A person's own tokens, beside their settings (stakeholders' profile page links here).
    path("accounts/profile/api-tokens/", token_views.TokensView.as_view(), name="tokens"),
    path("accounts/profile/api-tokens/<int:pk>/revoke/", token_views.revoke, name="token-revoke"),
    # The secretariat's webhooks.
    path("api/webhooks/", webhook_views.webhook_list, name="webhook-list"),
    path("api/webhooks/<int:pk>/", webhook_views.webhook_detail, name="webhook-detail"),
    path("api/webhooks/<int:pk>/pause/", webhook_views.webhook_pause, name="webhook-pause"),
    path("api/webhooks/<int:pk>/resume/", webhook_views.webhook_resume, name="webhook-resume"),
    path("api/webhooks/<int:pk>/delete/", webhook_views.webhook_delete, name="webhook-delete"),
    path("api/webhooks/deliveries/<int:pk>/send-again/", webhook_views.webhook_send_again, name="webhook-send-again"),
]
