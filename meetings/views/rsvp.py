"""Replies to invitations: the signed accept/decline links in the e-mail (no login), the meeting page's buttons, and
a focal point's answer for their organisation with the people who attend for it.

The rules are in meetings/services.py (rsvp_token, contact_for_rsvp_token, record_rsvp).
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from common.i18n import open_in_recipients_language
from meetings import rsvp as rsvp_links
from meetings import services
from meetings.forms import OrganizationReplyForm
from meetings.models import Meeting, RsvpAnswer
from meetings.views.editing import apply_validation_error
from stakeholders.models import Contact, may_answer_for_organization, organization_of


@method_decorator(login_not_required, name="dispatch")
class RsvpLinkView(TemplateView):
    """GET: the meeting and two buttons (the link alone changes nothing: mail scanners open links). POST: record."""

    template_name = "meetings/rsvp_link.html"

    def dispatch(self, request, *args, **kwargs):
        self.meeting = get_object_or_404(Meeting.objects.select_related("series"), pk=kwargs["pk"])
        try:
            self.contact = rsvp_links.contact_for_rsvp_token(meeting=self.meeting, token=kwargs["token"])
        except ValidationError as error:
            return self.render_to_response({"meeting": None, "refusal": " ".join(error.messages)}, status=400)
        open_in_recipients_language(request, self.contact.preferred_language)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        chosen = self.request.GET.get("answer", "")
        current = self.meeting.rsvps.filter(contact=self.contact).first()
        context.update(
            meeting=self.meeting,
            contact=self.contact,
            chosen=chosen if chosen in RsvpAnswer.values else "",
            current=current,
            refusal=services.rsvp_link_refusal(self.meeting, self.contact),
            answers=RsvpAnswer,
        )
        return context

    def post(self, request, *args, **kwargs):
        try:
            rsvp = services.record_rsvp(
                meeting=self.meeting, contact=self.contact, answer=request.POST.get("answer", ""), through_link=True
            )
        except ValidationError as error:
            return self.render_to_response(self.get_context_data(error=" ".join(error.messages)), status=400)
        return self.render_to_response(self.get_context_data(recorded=rsvp))


class RsvpView(LoginRequiredMixin, View):
    """POST from the meeting page: the logged-in person (their contact record) answers for themselves."""

    http_method_names = ["post"]

    def post(self, request, pk):
        meeting = get_object_or_404(Meeting.objects.visible_to(request.user), pk=pk)
        contact = Contact.objects.of_user(request.user).first()
        if contact is None:
            messages.error(request, _("Only a person on record as a contact of an organisation can answer."))
            return redirect(meeting)
        try:
            rsvp = services.record_rsvp(meeting=meeting, contact=contact, answer=request.POST.get("answer", ""))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Your answer is recorded: %(answer)s.") % {"answer": rsvp.get_answer_display()})
        return redirect(meeting)


class OrganizationReplyView(LoginRequiredMixin, TemplateView):
    """A focal point answers for their organisation and names who attends (GET: the form; POST: record it).

    The meeting page shows the same form; this page shows it again with the errors when something is wrong.
    """

    template_name = "meetings/organization_reply.html"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.meeting = get_object_or_404(
            Meeting.objects.visible_to(request.user).select_related("series"), pk=kwargs["pk"]
        )
        self.organization = organization_of(request.user)
        if not may_answer_for_organization(
            request.user, self.organization.pk if self.organization is not None else None
        ):
            raise PermissionDenied(_("Only a focal point of an invited organisation answers for it."))
        return super().dispatch(request, *args, **kwargs)

    def get_form(self, answer, data=None):
        return OrganizationReplyForm.for_answer(answer, data)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        answer = kwargs.get("answer") or services.organization_answer(
            meeting=self.meeting, organization=self.organization
        )
        context.setdefault("form", self.get_form(answer))
        context.update(
            meeting=self.meeting,
            organization_answer=answer,
            refusal=services.organization_reply_refusal(self.meeting, self.organization),
        )
        return context

    def post(self, request, *args, **kwargs):
        answer = services.organization_answer(meeting=self.meeting, organization=self.organization)
        form = self.get_form(answer, request.POST)
        if form.is_valid():
            try:
                reply = services.answer_for_organization(
                    meeting=self.meeting,
                    organization=self.organization,
                    answer=form.cleaned_data["answer"],
                    attendees=form.cleaned_data["attendees"],
                    user=request.user,
                )
            except ValidationError as error:
                apply_validation_error(form, error)
            else:
                messages.success(
                    request,
                    _("Your organisation's answer is recorded: %(answer)s.") % {"answer": reply.get_answer_display()},
                )
                return redirect(self.meeting.get_absolute_url() + "#organization-reply")
        return self.render_to_response(self.get_context_data(form=form, answer=answer))
