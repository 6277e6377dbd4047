from django.conf import settings
from django.contrib import admin, messages
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from common.models import MailStatus, OutgoingMail
from common.outbox import deliver, make_due_now


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
        pks = list(queryset.exclude(status=MailStatus.SENT).values_list("pk", flat=True))
        make_due_now(pks)  # due now, even those no longer tried by themselves

        def report():  # after the request's transaction commits: nothing is locked while the mail server is called
            run = deliver(pks, timeout=settings.EMAIL_TIMEOUT_IN_REQUEST)
            text = ngettext(
                "%(sent)d e-mail sent, %(failed)d failed.", "%(sent)d e-mails sent, %(failed)d failed.", run.sent
            ) % {"sent": run.sent, "failed": run.failed}
            if run.server_error:
                text += " " + _("The mail server did not answer; the rest will be sent automatically when it does.")
            self.message_user(request, text, messages.SUCCESS if not run.failed else messages.WARNING)

        transaction.on_commit(report)
