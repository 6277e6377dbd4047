"""The secretariat's e-mail buttons on a meeting page (invitations, updates), and what the messages say afterwards.

The rules are in meetings/notifications/; these views only call them and report.
"""

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


def report_minutes_announcement(request, announced_to: int) -> None:
    if announced_to:
        messages.info(
            request,
            ngettext(
                "%(count)d participant is being told by e-mail.",
                "%(count)d participants are being told by e-mail.",
                announced_to,
            )
            % {"count": announced_to},
        )


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
            queued = delivery.send_invitations(meeting=meeting, update=self.update)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect(back)
        if not self.update and meeting.is_draft:
            services.announce_meeting(meeting=meeting, user=request.user)
            messages.success(request, _("The meeting is announced: participants now see it."))
        report_invitations(request, queued, update=self.update)
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


def report_invitations(request, queued: delivery.Delivery, *, update: bool) -> None:
    """Says who the mail is on its way to: the worker sends it after the request, and the recipient list shows, per
    person, whether it was sent or is failing."""
    count = len(queued.sent)
    if not count:
        return
    if update:
        text = ngettext(
            "The updated invitation is being sent to %(count)d person.",
            "The updated invitation is being sent to %(count)d people.",
            count,
        )
    else:
        text = ngettext(
            "The invitation is being sent to %(count)d person.",
            "The invitation is being sent to %(count)d people.",
            count,
        )
    messages.success(request, text % {"count": count})
