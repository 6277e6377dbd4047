"""The approval loop's pages (meetings.services.approval): circulating the draft (after a confirmation naming how
many people are e-mailed), reading and commenting on the circulated draft, resolving a comment, and recording the
approval at the next meeting (confirmed likewise)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views import View
from django.views.generic import TemplateView

from common.permissions import SecretariatRequiredMixin
from meetings import services
from meetings.forms import CirculateMinutesForm, ConfirmForm, MinutesCommentForm, ResolveCommentForm
from meetings.models import ActionItem, ActionUpdate, AgendaItem, Meeting, MinutesComment, Statement
from meetings.notifications.approval import approval_preview, circulation_preview
from meetings.notifications.recipients import RecipientsChanged
from meetings.record import minutes_record
from meetings.views.editing import MeetingEditMixin, apply_validation_error
from meetings.views.minutes.cards import editor_url
from meetings.views.notifications import redirect_to_new_preview


class CirculateMinutesView(MeetingEditMixin, TemplateView):
    """GET: the last day for comments and who will be e-mailed. Only the confirming POST circulates."""

    template_name = "meetings/minutes_circulate.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        meeting = self.get_meeting()
        preview = circulation_preview(meeting)
        context.setdefault("form", CirculateMinutesForm(initial={"recipients": preview.token}))
        context.update(
            meeting=meeting,
            refusal=services.circulation_refusal(meeting),
            preview=preview,
            shown=preview.message_in(self.request.GET.get("language")),
        )
        return context

    def post(self, request, *args, **kwargs):
        meeting = self.get_meeting()
        form = CirculateMinutesForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        try:
            circulation = services.circulate_minutes(
                meeting=meeting,
                user=request.user,
                comments_due=form.cleaned_data["comments_due"],
                expected_recipients=form.cleaned_data["recipients"],
            )
        except RecipientsChanged:
            return redirect_to_new_preview(request, request.path)
        except ValidationError as error:
            apply_validation_error(form, error)
            return self.render_to_response(self.get_context_data(form=form))
        count = circulation.announced_to
        messages.success(
            request,
            ngettext(
                "The draft minutes are circulated for comment; %(count)d person was e-mailed a link.",
                "The draft minutes are circulated for comment; %(count)d people were e-mailed a link.",
                count,
            )
            % {"count": count},
        )
        return redirect(editor_url(meeting.pk))


def circulated_meeting(pk: int, user) -> Meeting:
    """The meeting with its whole draft record (the reader was checked by may_read_circulated_minutes)."""
    return (
        Meeting.objects.select_related("series")
        .prefetch_related(
            Prefetch("agenda_items", queryset=AgendaItem.objects.order_by("position", "id")),
            services.carried_actions(user, "agenda_items__actions_to_review"),
            Prefetch(
                "statements",
                queryset=Statement.objects.select_related("speaker", "organization", "source_document"),
            ),
            "decisions",
            Prefetch("action_items", queryset=ActionItem.objects.select_related("responsible_organization", "owner")),
        )
        .get(pk=pk)
    )


class CirculatedMinutesView(TemplateView):
    """The circulated draft, for the attending organisations' people (and the secretariat): the record per item,
    the comments so far, and a comment form while comments are open. Anyone else gets a 404: a draft is not
    shown to them, nor is its existence."""

    template_name = "meetings/minutes_circulated.html"

    def dispatch(self, request, *args, **kwargs):
        meeting = get_object_or_404(Meeting.objects.select_related("series"), pk=kwargs["pk"])
        if not (meeting.minutes_circulated and services.may_read_circulated_minutes(request.user, meeting)):
            raise Http404("These minutes are not circulated to you.")
        self.meeting = meeting
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        meeting = circulated_meeting(self.meeting.pk, user)
        reviews = list(ActionUpdate.objects.filter(meeting=meeting).order_by("id"))  # part of the circulated draft
        may_comment = services.may_comment_on_minutes(user, meeting)
        context.update(
            meeting=meeting,
            minutes_record=minutes_record(meeting, reviews),
            comments=meeting.minutes_comments.select_related("agenda_item", "organization", "author"),
            refusal=services.comment_refusal(meeting, user) if may_comment else "",
            may_comment=may_comment,
        )
        context.setdefault("form", MinutesCommentForm(meeting=meeting, initial=self.initial_item()))
        return context

    def initial_item(self) -> dict:
        value = self.request.GET.get("item", "")
        return {"agenda_item": int(value)} if value.isdigit() else {}

    def post(self, request, *args, **kwargs):
        meeting = self.meeting
        form = MinutesCommentForm(request.POST, meeting=meeting)
        if form.is_valid():
            try:
                services.add_minutes_comment(
                    meeting=meeting,
                    user=request.user,
                    text=form.cleaned_data["text"],
                    agenda_item=form.cleaned_data["agenda_item"],
                )
            except ValidationError as error:
                apply_validation_error(form, error)
            else:
                messages.success(request, _("Your comment is recorded: the secretariat sees it beside the text."))
                return redirect("meetings:meeting-minutes-circulated", pk=meeting.pk)
        return self.render_to_response(self.get_context_data(form=form), status=200)


class ResolveCommentView(SecretariatRequiredMixin, View):
    """POST: mark a comment on the circulated minutes resolved, with an optional note; back to its card."""

    def post(self, request, pk):
        comment = get_object_or_404(MinutesComment, pk=pk)
        form = ResolveCommentForm(request.POST)
        if not form.is_valid():
            messages.error(request, " ".join(message for errors in form.errors.values() for message in errors))
        else:
            try:
                services.resolve_minutes_comment(comment=comment, user=request.user, note=form.cleaned_data["note"])
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
            else:
                messages.success(request, _("The comment is resolved."))
        anchor = f"item-{comment.agenda_item_id}" if comment.agenda_item_id else "item-general"
        return redirect(editor_url(comment.meeting_id, anchor))


class ApproveMinutesView(MeetingEditMixin, TemplateView):
    """GET: the question, naming the meeting that approves the minutes and how many people are e-mailed. The
    confirming POST records the approval, which locks the minutes."""

    template_name = "meetings/minutes_approve.html"

    def approving_meeting(self) -> Meeting | None:
        meeting = self.get_meeting()
        if meeting.minutes_approval_item_id:
            return meeting.minutes_approval_item.meeting
        return services.next_meeting_of(meeting)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        meeting = self.get_meeting()
        at_meeting = self.approving_meeting()
        preview = approval_preview(meeting, at_meeting)
        context.update(
            meeting=meeting,
            at_meeting=at_meeting,
            refusal=services.approval_refusal(meeting, at_meeting),
            preview=preview,
            shown=preview.message_in(self.request.GET.get("language")),
            form=ConfirmForm(initial={"recipients": preview.token}),
        )
        return context

    def post(self, request, *args, **kwargs):
        meeting = self.get_meeting()
        form = ConfirmForm(request.POST)
        if not form.is_valid() or not form.cleaned_data["recipients"]:  # not the confirming POST: ask
            return self.render_to_response(self.get_context_data())
        try:
            approval = services.approve_minutes(
                meeting=meeting,
                at_meeting=self.approving_meeting(),
                user=request.user,
                expected_recipients=form.cleaned_data["recipients"],
            )
        except RecipientsChanged:
            return redirect_to_new_preview(request, request.path)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return self.render_to_response(self.get_context_data())
        count = approval.announced_to
        messages.success(
            request,
            ngettext(
                "The minutes are approved and locked; %(count)d person was e-mailed.",
                "The minutes are approved and locked; %(count)d people were e-mailed.",
                count,
            )
            % {"count": count},
        )
        return redirect(meeting)
