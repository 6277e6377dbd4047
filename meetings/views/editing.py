"""Secretariat pages: prepare, edit, announce and delete meetings, and their invitations. The agenda is built in
meetings/views/agenda.py, the participation register kept in meetings/views/register.py."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views import View
from django.views.generic import TemplateView

from common.edit_conflicts import EditConflictMixin
from common.fragments import FragmentAnswerMixin
from common.permissions import SecretariatRequiredMixin
from common.versioning import EditConflict
from meetings import services
from meetings.forms import MeetingForm, PrepareNextMeetingForm, RecipientContactForm
from meetings.models import Meeting, MeetingFormat, MeetingSeries


def apply_validation_error(form, error: ValidationError) -> None:
    """Show a model/service ValidationError on the form (on its fields when they exist)."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


class MeetingEditMixin(EditConflictMixin, SecretariatRequiredMixin):
    """Views on one meeting (URL kwarg ``pk``), for the secretariat only."""

    meeting_kwarg = "pk"
    conflict_noun = gettext_lazy("meeting")

    def get_meeting(self) -> Meeting:
        if not hasattr(self, "_meeting"):
            self._meeting = get_object_or_404(
                Meeting.objects.select_related("series"), pk=self.kwargs[self.meeting_kwarg]
            )
        return self._meeting


# Preparing and editing meetings


class NewMeetingView(SecretariatRequiredMixin, TemplateView):
    """Choose the series, then prepare its next meeting from the latest held one or start a blank one."""

    template_name = "meetings/meeting_new.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["series_list"] = list(MeetingSeries.objects.order_by("title"))
        return context


class PrepareNextMeetingView(SecretariatRequiredMixin, TemplateView):
    """GET: what the next meeting would take over from the latest held one, each with a checkbox. POST: create it."""

    template_name = "meetings/prepare_next.html"

    def dispatch(self, request, *args, **kwargs):
        self.series = get_object_or_404(MeetingSeries, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_form(self, preview, data=None):
        starts_at = services.default_start(preview.source)
        return PrepareNextMeetingForm(
            data,
            source=preview.source,
            starts_at=starts_at,
            ends_at=starts_at + services.default_duration(preview.source),
            already_planned=bool(preview.already_planned),
            initial={
                "venue": preview.source.venue if preview.source else "",
                "format": preview.source.format if preview.source else MeetingFormat.IN_PERSON,
            },
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        preview = context.setdefault("preview", services.preview_next_meeting(series=self.series))
        context.setdefault("form", self.get_form(preview))
        context["series"] = self.series
        return context

    def post(self, request, *args, **kwargs):
        preview = services.preview_next_meeting(series=self.series)
        form = self.get_form(preview, request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                meeting = services.prepare_next_meeting(
                    series=self.series,
                    user=request.user,
                    starts_at=data["starts_at"],
                    ends_at=data["ends_at"],
                    venue=data["venue"],
                    format=data["format"],
                    join_url=data["join_url"],
                    carry=services.CarryOver(
                        standing_items=data.get("copy_standing_items", False),
                        other_items=data.get("copy_other_items", False),
                        open_actions=data["carry_open_actions"],
                        invitations=data["copy_invitations"],
                    ),
                    another_planned_confirmed=data.get("another_planned_confirmed", False),
                )
            except ValidationError as error:
                apply_validation_error(form, error)
            else:
                item_count = meeting.agenda_items.count()
                organization_count = meeting.participations.values("organization").distinct().count()
                messages.success(
                    request,
                    _(
                        "The %(ordinal)s meeting has been prepared as a draft that only the secretariat sees: "
                        "%(items)s and %(organizations)s. Check it, then send the invitations to announce it."
                    )
                    % {
                        "ordinal": meeting.ordinal,
                        "items": ngettext("%(count)s agenda item", "%(count)s agenda items", item_count)
                        % {"count": item_count},
                        "organizations": ngettext(
                            "%(count)s organisation invited", "%(count)s organisations invited", organization_count
                        )
                        % {"count": organization_count},
                    },
                )
                return redirect(meeting)
        return self.render_to_response(self.get_context_data(form=form, preview=preview))


class InvitationsView(MeetingEditMixin, TemplateView):
    """Who the invitation reaches, before and after sending: organisation -> people -> address, state and what each
    was sent; a contact can be added to an invited organisation in place (RecipientContactView)."""

    template_name = "meetings/invitations.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        meeting = self.get_meeting()
        context.setdefault("contact_form", RecipientContactForm(meeting=meeting))
        register = services.invitation_register(meeting)
        people = [person for row in register for person in row.people]
        presenters = services.agenda_presenters(meeting)
        context.update(
            meeting=meeting,
            register=register,
            presenter_ids={presenter.contact.pk for presenter in presenters},
            presenters_without_address=[presenter for presenter in presenters if not presenter.contact.email],
            unreachable=[row for row in register if not row.reachable],
            to_send=sum(person.state == services.InvitationState.NOT_SENT for person in people),
            failed=sum(person.state == services.InvitationState.FAILED for person in people),
            can_send=meeting.ends_at > timezone.now(),
            answers=services.reply_counts(register),
        )
        return context


class RecipientContactView(FragmentAnswerMixin, InvitationsView):
    """POST: add a contact to an organisation invited to the meeting, from its recipient list. With htmx the answer
    is the refreshed recipient list (with the form's errors, or the new person on it); without, the page."""

    http_method_names = ["post"]

    def post(self, request, pk):
        meeting = self.get_meeting()
        form = RecipientContactForm(request.POST, meeting=meeting)
        added = None
        if form.is_valid():
            try:
                added = services.add_recipient(meeting=meeting, user=request.user, **form.cleaned_data)
            except ValidationError as error:
                apply_validation_error(form, error)
            else:
                form = RecipientContactForm(meeting=meeting)
                if not self.is_htmx:
                    messages.success(
                        request,
                        _("%(name)s (%(organization)s) was added and is on the recipient list.")
                        % {"name": added.name, "organization": added.organization.display_name},
                    )
                    return redirect("meetings:meeting-invitations", meeting.pk)
        return self.answer("recipient-list", self.get_context_data(contact_form=form, added=added))


class AnnounceMeetingView(MeetingEditMixin, View):
    """POST: a draft becomes visible to participants, without e-mail (sending the invitations announces it too)."""

    http_method_names = ["post"]

    def post(self, request, pk):
        meeting = services.announce_meeting(meeting=self.get_meeting(), user=request.user)
        messages.success(
            request, _("The %(ordinal)s meeting is announced: participants now see it.") % {"ordinal": meeting.ordinal}
        )
        return redirect(meeting)


class MeetingDeleteView(MeetingEditMixin, TemplateView):
    """GET: confirm deleting a draft meeting (or say why it cannot be deleted). POST: delete it."""

    template_name = "meetings/meeting_confirm_delete.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        meeting = self.get_meeting()
        context.update(meeting=meeting, refusal=services.deletion_refusal(meeting))
        return context

    def post(self, request, *args, **kwargs):
        meeting = self.get_meeting()
        try:
            services.delete_draft_meeting(meeting=meeting, user=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect(meeting)
        messages.success(request, _("The draft %(ordinal)s meeting has been deleted.") % {"ordinal": meeting.ordinal})
        return redirect("meetings:meeting-list")


class MeetingFormView(EditConflictMixin, SecretariatRequiredMixin, TemplateView):
    """Create a meeting in a series (``series_pk``) or edit one (``pk``)."""

    conflict_noun = gettext_lazy("meeting")

    template_name = "meetings/meeting_form.html"

    def dispatch(self, request, *args, **kwargs):
        if "pk" in kwargs:
            self.meeting = get_object_or_404(Meeting.objects.select_related("series"), pk=kwargs["pk"])
            self.series = self.meeting.series
        else:
            self.series = get_object_or_404(MeetingSeries, pk=kwargs["series_pk"])
            self.meeting = Meeting(series=self.series, number=services.next_meeting_number(self.series))
        return super().dispatch(request, *args, **kwargs)

    def get_form(self, data=None):
        return MeetingForm(data, instance=self.meeting, series=self.series)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", self.get_form())
        context.update(meeting=self.meeting, series=self.series)
        return context

    def post(self, request, *args, **kwargs):
        is_new = self.meeting.pk is None
        form = self.get_form(request.POST)
        if form.is_valid():
            try:
                meeting = services.save_meeting(
                    meeting=form.instance,
                    expected_version=None if is_new else form.cleaned_data["version"],
                    user=request.user,
                )
            except EditConflict as conflict:
                self.meeting.refresh_from_db()
                current = Meeting.objects.get(pk=self.meeting.pk)
                form = self.form_after_conflict(self.get_form, conflict, current)
            except ValidationError as error:
                apply_validation_error(form, error)
            else:
                messages.success(
                    request,
                    (
                        _("The %(ordinal)s meeting has been created.")
                        if is_new
                        else _("The %(ordinal)s meeting has been saved.")
                    )
                    % {"ordinal": meeting.ordinal},
                )
                return redirect(meeting)
        return self.render_to_response(self.get_context_data(form=form))
