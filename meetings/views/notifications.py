"""The secretariat's e-mail buttons on a meeting page (invitations, updates): the confirmation screen that shows
who receives what, the confirming POST, and what the messages say afterwards.

The rules are in meetings/notifications/; these views only call them and report.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.generic import TemplateView

from common.permissions import SecretariatRequiredMixin
from meetings import services
from meetings.models import Meeting
from meetings.notifications import delivery, previews
from meetings.notifications.recipients import RecipientsChanged


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


class SendInvitationsView(SecretariatRequiredMixin, TemplateView):
    """GET (and a POST without the confirmation's token): who the invitation (with ``update``, the changed meeting)
    would go to and the message itself, in each of their languages. Only the confirming POST, carrying the token of
    the recipients shown, sends; if they changed meanwhile, the new preview is shown instead."""

    template_name = "meetings/send_confirmation.html"
    update = False

    def dispatch(self, request, *args, **kwargs):
        self.meeting = get_object_or_404(Meeting.objects.select_related("series"), pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def back_url(self):
        # Sent from the recipient list, the answer is that list with each person's state; else the meeting page.
        if self.request.POST.get("back", self.request.GET.get("back")) == "invitations":
            return reverse("meetings:meeting-invitations", args=[self.meeting.pk])
        return self.meeting.get_absolute_url()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        preview = previews.invitation_preview(self.meeting, update=self.update)
        context.update(
            meeting=self.meeting,
            update=self.update,
            preview=preview,
            shown=preview.message_in(self.request.GET.get("language")),
            refusal=_invitations_refusal(self.meeting, update=self.update),
            back=self.request.POST.get("back", self.request.GET.get("back", "")),
            back_url=self.back_url(),
        )
        return context

    def post(self, request, pk):
        token = request.POST.get("recipients")
        if not token:  # not the confirming POST: show what would be sent
            return self.render_to_response(self.get_context_data())
        try:
            queued = delivery.send_invitations(meeting=self.meeting, update=self.update, expected_recipients=token)
        except RecipientsChanged:
            return redirect_to_new_preview(request, request.get_full_path(), back=request.POST.get("back", ""))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect(self.back_url())
        if not self.update and self.meeting.is_draft:
            services.announce_meeting(meeting=self.meeting, user=request.user)
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
        return redirect(self.back_url())


def redirect_to_new_preview(request, path: str, *, back: str = ""):
    """The recipients changed between the confirmation screen and its confirming POST: nothing was sent; say so and
    show the screen again, with the people it would go to now."""
    messages.warning(
        request,
        _(
            "The recipients changed since you saw the preview, and nothing was sent. Check the new list below "
            "before sending."
        ),
    )
    return redirect(f"{path}?back={back}" if back else path)


def _invitations_refusal(meeting: Meeting, *, update: bool) -> str:
    try:
        delivery.ensure_invitations_possible(meeting, update=update)
    except ValidationError as error:
        return " ".join(error.messages)
    return ""


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
