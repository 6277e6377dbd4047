"""Publishing the minutes (which e-mails the participants) and reopening them as a draft."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from meetings import services
from meetings.forms import PublishMinutesForm, ReopenMinutesForm
from meetings.notifications.previews import minutes_preview
from meetings.notifications.recipients import RecipientsChanged
from meetings.views.editing import MeetingEditMixin, apply_validation_error
from meetings.views.notifications import redirect_to_new_preview, report_minutes_announcement


class PublishMinutesView(MeetingEditMixin, TemplateView):
    """GET: who will be e-mailed and the message itself (for a correction, the notice, and the choice to send
    nothing). Only the confirming POST (``confirm``, with the token of the recipients shown when mail goes out)
    publishes; if the recipients changed meanwhile, the new preview is shown instead. The minutes editor's "Publish"
    button saves the text first and then leads here."""

    template_name = "meetings/minutes_publish.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        meeting = self.get_meeting()
        preview = minutes_preview(meeting, correction=meeting.minutes_publications > 0)
        context.setdefault("form", PublishMinutesForm(initial={"recipients": preview.token}))
        context.update(
            meeting=meeting,
            refusal=services.publication_refusal(meeting),
            preview=preview,
            shown=preview.message_in(self.request.GET.get("language")),
        )
        return context

    def post(self, request, *args, **kwargs):
        meeting = self.get_meeting()
        form = PublishMinutesForm(request.POST)
        if not form.is_valid():  # not the confirming POST: ask
            return self.render_to_response(self.get_context_data())
        sends_mail = not meeting.minutes_publications or form.sends_correction_notice
        if sends_mail and not form.cleaned_data["recipients"]:  # mail to people the screen has not shown: ask
            return self.render_to_response(self.get_context_data())
        try:
            # Publishing e-mails the participants: the worker sends the mail once the transaction commits.
            publication = services.publish_minutes(
                meeting=meeting,
                user=request.user,
                correction_notice=form.sends_correction_notice,
                expected_recipients=form.cleaned_data["recipients"] if sends_mail else None,
            )
        except RecipientsChanged:
            return redirect_to_new_preview(request, request.path)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return self.render_to_response(self.get_context_data())
        messages.success(request, _("The minutes are published: participants can now read them."))
        report_minutes_announcement(request, publication.announced_to)
        return redirect(meeting)


class ReopenMinutesView(MeetingEditMixin, TemplateView):
    """GET: the reason asked for. POST: reopen the minutes as a draft, the reason kept in the history."""

    template_name = "meetings/minutes_reopen.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", ReopenMinutesForm())
        context["meeting"] = self.get_meeting()
        return context

    def post(self, request, *args, **kwargs):
        meeting = self.get_meeting()
        form = ReopenMinutesForm(request.POST)
        if form.is_valid():
            try:
                services.reopen_minutes(meeting=meeting, user=request.user, reason=form.cleaned_data["reason"])
            except ValidationError as error:
                apply_validation_error(form, error)
            else:
                messages.success(request, _("The minutes are reopened as a draft: participants no longer see them."))
                return redirect(meeting)
        return self.render_to_response(self.get_context_data(form=form))
