from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from common.models import MailStatus, OutgoingMail
from common.outbox import deliver


@admin.register(OutgoingMail)
class OutgoingMailAdmin(admin.ModelAdmin):
    """What the portal e-mailed or still has to: read-only, with a way to try failed mail again."""

    list_display = ["subject", "recipients", "status", "attempts", "created", "sent_at"]
    list_filter = ["status"]
    search_fields = ["subject", "key", "to"]
    date_hierarchy = "created"
    actions = ["send_again"]

    def recipients(self, mail):
        return ", ".join(mail.to)

    recipients.short_description = _("to")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.action(description=_("Send the selected e-mails again"), permissions=["view"])
    def send_again(self, request, queryset):
        unsent = queryset.exclude(status=MailStatus.SENT)
        unsent.update(attempts=0)
        sent, failed = deliver(unsent.values_list("pk", flat=True))
        self.message_user(
            request,
            ngettext("%(sent)d e-mail sent, %(failed)d failed.", "%(sent)d e-mails sent, %(failed)d failed.", sent)
            % {"sent": sent, "failed": failed},
            messages.SUCCESS if not failed else messages.WARNING,
        )
