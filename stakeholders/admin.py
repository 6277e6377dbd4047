from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.forms import UserChangeForm
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from common.i18n import translation_fields, written_in_fields
from common.typed_text import TypedTextForm
from stakeholders.models import AccountEvent, AccountInvitation, Contact, Organization
from stakeholders.services import left_unreachable_by_deactivating


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
        (_("Translations"), {"fields": written_in_fields("name", "acronym", "country"), "classes": ["collapse"]}),
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
    actions = ["deactivate_contacts"]

    def save_model(self, request, obj, form, change):
        was_reachable = None
        if change and not obj.is_active:
            was_reachable = Contact.objects.select_related("organization").filter(pk=obj.pk, is_active=True).first()
        left_unreachable = left_unreachable_by_deactivating(was_reachable) if was_reachable else []
        super().save_model(request, obj, form, change)
        _warn_left_unreachable(request, was_reachable, left_unreachable)

    @admin.action(description=_("Deactivate the selected contacts"), permissions=["change"])
    def deactivate_contacts(self, request, queryset):
        for contact in queryset.select_related("organization").filter(is_active=True).order_by("name"):
            left_unreachable = left_unreachable_by_deactivating(contact)
            Contact.objects.filter(pk=contact.pk).update(is_active=False)
            _warn_left_unreachable(request, contact, left_unreachable)

    @admin.display(description=_("Access to the portal"))
    def account_state(self, contact):
        """As on the contact's page, save for pending invitations (listed under Account invitations)."""
        if contact.user is None:
            return "—"
        return _("Active") if contact.user.is_active else _("Deactivated")


def _warn_left_unreachable(request, contact, left_unreachable) -> None:
    if left_unreachable:
        messages.warning(
            request,
            _(
                "%(name)s was the last contact with an e-mail address at %(organization)s: nobody there can be "
                "reached about %(meetings)s."
            )
            % {
                "name": contact.name,
                "organization": contact.organization.display_name,
                "meetings": "; ".join(row.text for row in left_unreachable),
            },
        )


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
