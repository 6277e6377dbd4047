from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from common import outbox
from common.models import OutgoingMail


class FailingFilter(admin.SimpleListFilter):
    title = _("failing")
    parameter_name = "failing"

    def lookups(self, request, model_admin):
        return [("yes", _("Failing")), ("given_up", _("No longer tried by itself"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.failing()
        if self.value() == "given_up":
            return queryset.failing().filter(next_attempt_at__isnull=True)
        return queryset


@admin.register(OutgoingMail)
class OutgoingMailAdmin(admin.ModelAdmin):
    """What the portal e-mailed or still has to: read-only, with a way to try failed mail again."""

    list_display = [
        "subject",
        "recipients",
        "status",
        "attempts",
        "created",
        "sent_at",
        "failing_since",
        "next_attempt_at",
        "short_error",
    ]
    list_filter = [FailingFilter, "status"]
    search_fields = ["subject", "key", "to"]
    date_hierarchy = "created"
    actions = ["send_again"]

    def recipients(self, mail):
        return ", ".join(mail.to)

    recipients.short_description = _("to")

    @admin.display(description=_("last error"))
    def short_error(self, mail):
        return mail.last_error[:120]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.action(description=_("Send the selected e-mails again"), permissions=["view"])
    def send_again(self, request, queryset):
        count = outbox.send_again(queryset.values_list("pk", flat=True))  # sent by the worker once this request commits
        self.message_user(
            request,
            ngettext(
                "%(count)d e-mail will be sent again in a moment.",
                "%(count)d e-mails will be sent again in a moment.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )
