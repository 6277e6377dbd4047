from django.urls import path

from stakeholders import account_views, profile, views

app_name = "stakeholders"

urlpatterns = [
    path("organizations/", views.OrganizationListView.as_view(), name="organization-list"),
    path("organizations/new/", views.OrganizationCreateView.as_view(), name="organization-create"),
    path("organizations/<int:pk>/edit/", views.OrganizationUpdateView.as_view(), name="organization-update"),
    path("organizations/<int:pk>/delete/", views.OrganizationDeleteView.as_view(), name="organization-delete"),
    path("contacts/new/", views.ContactCreateView.as_view(), name="contact-create"),
    path("contacts/<int:pk>/edit/", views.ContactUpdateView.as_view(), name="contact-update"),
    path("contacts/<int:pk>/reactivate/", views.ContactReactivateView.as_view(), name="contact-reactivate"),
    # Access to the portal (stakeholders/account_views.py).
    path("contacts/<int:pk>/", account_views.ContactDetailView.as_view(), name="contact-detail"),
    path("contacts/<int:pk>/invite/", account_views.InviteView.as_view(), name="contact-invite"),
    path("contacts/<int:pk>/account/role/", account_views.RoleChangeView.as_view(), name="account-role"),
    path(
        "contacts/<int:pk>/account/deactivate/",
        account_views.DeactivateAccountView.as_view(),
        name="account-deactivate",
    ),
    path(
        "contacts/<int:pk>/account/reactivate/",
        account_views.ReactivateAccountView.as_view(),
        name="account-reactivate",
    ),
    path(
        "accounts/invitations/<int:pk>/resend/", account_views.ResendInvitationView.as_view(), name="invitation-resend"
    ),
    path(
        "accounts/invitations/<int:pk>/revoke/", account_views.RevokeInvitationView.as_view(), name="invitation-revoke"
    ),
    path("accounts/people/", account_views.AccountListView.as_view(), name="account-list"),
    path("accounts/invitation/<str:token>/", account_views.AcceptInvitationView.as_view(), name="account-invitation"),
    # A person's own settings (stakeholders/profile.py).
    path("accounts/profile/", profile.ProfileView.as_view(), name="profile"),
    path("reminders/unsubscribe/<str:token>/", profile.UnsubscribeView.as_view(), name="reminders-unsubscribe"),
]
