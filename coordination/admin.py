from django.contrib import admin
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from coordination.two_factor import reset_second_factor
from stakeholders.admin import PortalUserAdmin as StakeholdersUserAdmin

admin.site.site_header = "Coordination portal administration"
admin.site.site_title = "Coordination portal"


# Two-factor authentication: an admin resets a user's second factor (a lost phone, no recovery code left). The
# reset is recorded in the user's admin history and, for a contact's account, in its account history.
User = get_user_model()


@admin.action(description=_("Reset two-factor authentication"))
def reset_two_factor_authentication(modeladmin, request, queryset):
    for user in queryset:
        reset_second_factor(user=user, by=request.user)
        modeladmin.log_change(request, user, [{"changed": {"fields": [str(_("Two-factor authentication"))]}}])
    modeladmin.message_user(request, _("Two-factor authentication reset: they set it up again at their next sign-in."))


if admin.site.is_registered(User):
    admin.site.unregister(User)


@admin.register(User)
class PortalUserAdmin(StakeholdersUserAdmin):
    actions = [reset_two_factor_authentication]
