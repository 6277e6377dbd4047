"""The secretariat's e-mail buttons on a meeting page (invitations, updates), and what the messages say afterwards.

The rules are in meetings/notifications/; these views only call them and report.
"""

from functools import partial

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views import View

from common.permissions import SecretariatRequiredMixin
from meetings import services
from meetings.models import Meeting
from meetings.notifications import delivery


def report_failures(request, delivery: delivery.Delivery) -> None:
    if delivery.failed and delivery.server_error:
        messages.warning(
            request,
            ngettext(
                "The mail server did not answer; %(count)d message will be sent automatically when it does.",
                "The mail server did not answer; %(count)d messages will be sent automatically when it does.",
                len(delivery.failed),
            )
            % {"count": len(delivery.failed)},
        )
    elif delivery.failed:
        messages.error(
            request,
            ngettext(
                "The e-mail to %(count)d person could not be sent (%(addresses)s): the mail server refused it or "
                "could not be reached. Try again later.",
                "The e-mails to %(count)d people could not be sent (%(addresses)s): the mail server refused them "
                "or could not be reached. Try again later.",
                len(delivery.failed),
            )
            % {"count": len(delivery.failed), "addresses": delivery.failed_addresses},
        )


def report_minutes_announcement(request, delivery: delivery.Delivery) -> None:
    """Runs when the publication commits (services.publish_minutes' on_announced)."""
    if delivery.sent:
        count = len(delivery.sent)
        messages.info(
            request,
            ngettext("%(count)d participant was told by e-mail.", "%(count)d participants were told by e-mail.", count)
            % {"count": count},
        )
    report_failures(request, delivery)


class SendInvitationsView(SecretariatRequiredMixin, View):
    """POST: e-mail the invitation (or, with ``update``, the changed meeting) to those who need it."""

    http_method_names = ["post"]
    model = Meeting
    update = False

    def post(self, request, pk):
        meeting = get_object_or_404(Meeting, pk=pk)
        # Sent from the recipient list, the answer is that list with each person's state; else the meeting page.
        back = (
            reverse("meetings:meeting-invitations", args=[pk]) if request.POST.get("back") == "invitations" else meeting
        )
        try:
            queued = delivery.send_invitations(
                meeting=meeting, update=self.update, report=partial(report_invitations, request, update=self.update)
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect(back)
        if not self.update and meeting.is_draft:
            services.announce_meeting(meeting=meeting, user=request.user)
            messages.success(request, _("The meeting is announced: participants now see it."))
        skipped = len(queued.skipped)
        if skipped:
            messages.info(
                request,
                ngettext(
                    "%(count)d person already has the current invitation and was not sent it again.",
                    "%(count)d people already have the current invitation and were not sent it again.",
                    skipped,
                )
                % {"count": skipped},
            )
        elif not queued.sent:
            if self.update:
                messages.info(request, _("No one invited earlier is waiting for an update."))
            else:
                messages.warning(
                    request,
                    _(
                        "No one to invite: name people on the participants list, or invite organisations whose "
                        "contacts have e-mail addresses."
                    ),
                )
        return redirect(back)


def report_invitations(request, delivery: delivery.Delivery, *, update: bool) -> None:
    """Runs once the invitations were committed and sent (send_invitations' report)."""
    sent = len(delivery.sent)
    if sent:
        if update:
            text = ngettext(
                "The updated invitation was sent to %(count)d person.",
                "The updated invitation was sent to %(count)d people.",
                sent,
            )
        else:
            text = ngettext(
                "The invitation was sent to %(count)d person.", "The invitation was sent to %(count)d people.", sent
            )
        messages.success(request, text % {"count": sent})
    report_failures(request, delivery)
