from django.urls import path

from stakeholders import profile, views

urlpatterns = [
    path("organizations/", views.OrganizationListView.as_view(), name="organization-list"),
    path(
        "organizations/<int:pk>/",
        views.OrganizationDetailView.as_view(),
        name="organization-detail",
    ),
    path("organizations/new/", views.OrganizationCreateView.as_view(), name="organization-create"),
    path("organizations/<int:pk>/edit/", views.OrganizationUpdateView.as_view(), name="organization-update"),
    path("organizations/<int:pk>/delete/", views.OrganizationDeleteView.as_view(), name="organization-delete"),
    path("contacts/new/", views.ContactCreateView.as_view(), name="contact-create"),
    path("contacts/<int:pk>/edit/", views.ContactUpdateView.as_view(), name="contact-update"),
    # A person's own settings (stakeholders/profile.py).
    path("accounts/profile/", profile.ProfileView.as_view(), name="profile"),
    path("reminders/unsubscribe/<str:token>/", profile.UnsubscribeView.as_view(), name="reminders-unsubscribe"),
]
