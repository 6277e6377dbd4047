from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.forms import UserChangeForm
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from common.i18n import translation_fields
from common.typed_text import TypedTextForm
from stakeholders.models import AccountEvent, AccountInvitation, Contact, Organization


class ContactInline(admin.TabularInline):
    model = Contact
    extra = 0
    fields = ["name", "position", "email", "phone", "is_active", "user"]
    autocomplete_fields = ["user"]


@admin.register(Organization)
class OrganizationAdmin(SimpleHistoryAdmin):
    list_display = ["name", "acronym", "kind", "country", "parent", "is_active"]
    list_filter = ["kind", "is_active", "country"]
    search_fields = ["name", "acronym", *translation_fields("name", "acronym")]
    autocomplete_fields = ["parent"]
    fieldsets = [
        (None, {"fields": ["name", "acronym", "kind", "country", "parent", "website", "is_active"]}),
        (_("Translations"), {"fields": translation_fields("name", "acronym"), "classes": ["collapse"]}),
    ]
    inlines = [ContactInline]


@admin.register(Contact)
class ContactAdmin(SimpleHistoryAdmin):
    list_display = ["name", "organization", "position", "email", "is_active", "user", "account_state"]
    list_filter = ["is_active", "organization__kind", "receives_reminders"]
    search_fields = [
        "name",
        "email",
        "position",
        "organization__name",
        "organization__acronym",
    ]
    autocomplete_fields = ["organization", "user"]
    list_select_related = ["organization", "user"]

    @admin.display(description=_("Access to the portal"))
    def account_state(self, contact):
        """As on the contact's page, save for pending invitations (listed under Account invitations)."""
        if contact.user is None:
            return "—"
        return _("Active") if contact.user.is_active else _("Deactivated")


@admin.register(AccountInvitation)
class AccountInvitationAdmin(admin.ModelAdmin):
    """The same invitations the contact page and the accounts page show; they are sent from the portal."""

    list_display = ["contact", "email", "role", "state", "invited_by", "created", "expires_at"]
    list_filter = ["role"]
    search_fields = ["email", "contact__name"]
    list_select_related = ["contact__organization", "invited_by"]
    readonly_fields = ["contact", "email", "role", "invited_by", "expires_at", "accepted_at", "revoked_at"]
    fields = readonly_fields

    @admin.display(description=_("state"))
    def state(self, invitation):
        return invitation.state.label

    def has_add_permission(self, request):
        return False


@admin.register(AccountEvent)
class AccountEventAdmin(admin.ModelAdmin):
    list_display = ["created", "contact", "kind", "role", "actor"]
    list_filter = ["kind"]
    search_fields = ["contact__name"]
    list_select_related = ["contact__organization", "actor"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class PortalUserChangeForm(TypedTextForm, UserChangeForm):
    pass


admin.site.unregister(get_user_model())


@admin.register(get_user_model())
class PortalUserAdmin(UserAdmin):
    """Django's user admin, whose names lose their invisible format characters like every name the portal keeps."""

    form = PortalUserChangeForm
