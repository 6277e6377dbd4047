"""A comment's author edits or withdraws it while the minutes are circulated and the comment is not resolved
(meetings.services.approval.edit_minutes_comment, withdraw_minutes_comment): in place on the circulated draft with
htmx, or on a page of its own without JavaScript. Someone who may not read the draft gets a 404 (as for the draft
itself); anyone else who is not the author, a 403."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from common.edit_conflicts import EditConflictMixin, conflict_message, rebind_after_conflict
from common.fragments import FragmentAnswerMixin
from common.versioning import EditConflict
from meetings import services
from meetings.forms import EditCommentForm, WithdrawCommentForm
from meetings.models import MinutesComment
from meetings.views.editing import apply_validation_error
from meetings.views.minutes.approval import circulated_url
from meetings.views.minutes.cards import card_anchor

FRAGMENTS = "meetings/minutes_circulated.html"  # the circulated draft's page holds the comment's fragments


class OwnCommentMixin(FragmentAnswerMixin, EditConflictMixin):
    """The comment of the URL, if the user may read the circulated draft it is on and wrote it."""

    fragments_template = FRAGMENTS
    conflict_noun = gettext_lazy("comment")

    def get_comment(self) -> MinutesComment:
        comment = get_object_or_404(
            MinutesComment.objects.select_related("meeting", "organization", "author", "resolved_by"),
            pk=self.kwargs["pk"],
        )
        meeting = comment.meeting
        if not (meeting.minutes_circulated and services.may_read_circulated_minutes(self.request.user, meeting)):
            raise Http404("These minutes are not circulated to you.")
        if comment.author_id != self.request.user.pk:
            raise PermissionDenied(_("Only the person who wrote a comment edits or withdraws it."))
        return comment


class EditCommentView(OwnCommentMixin, TemplateView):
    """GET: the comment's text in a form (htmx: in place of the comment); POST: the new text, saved against the
    version the form started from, so that a second tab does not overwrite the first."""

    template_name = "meetings/minutes_comment_edit.html"

    def dispatch(self, request, *args, **kwargs):
        self.comment = self.get_comment()
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        comment = self.comment
        context.update(
            comment=comment,
            meeting=comment.meeting,
            refusal=services.comment_change_refusal(comment, self.request.user),
            edit_form=form or EditCommentForm(initial={"text": comment.text, "version": comment.version}),
        )
        return context

    def get(self, request, *args, **kwargs):
        return self.answer("comment_edit", self.get_context_data(**kwargs))

    def post(self, request, *args, **kwargs):
        comment = self.comment
        form = EditCommentForm(request.POST)
        if form.is_valid():
            try:
                comment = services.edit_minutes_comment(
                    comment=comment,
                    user=request.user,
                    text=form.cleaned_data["text"],
                    expected_version=form.cleaned_data["version"],
                )
            except EditConflict as conflict:
                self.comment = MinutesComment.objects.select_related(
                    "meeting", "organization", "author", "resolved_by"
                ).get(pk=comment.pk)
                form = rebind_after_conflict(EditCommentForm, request.POST, conflict, self.comment)
                form.add_error(None, conflict_message(self.conflict_noun))
            except ValidationError as error:
                apply_validation_error(form, error)
            else:
                if self.is_htmx:
                    return self.fragment("comment", {"comment": comment, "may_comment": True})
                messages.success(request, _("Your comment is saved."))
                return redirect(circulated_url(comment.meeting_id, f"comment-{comment.pk}"))
        return self.answer("comment_edit", self.get_context_data(form=form))


class WithdrawCommentView(OwnCommentMixin, TemplateView):
    """POST only: the author withdraws the comment (as the page showed it). htmx gets nothing back (the comment
    leaves the page), a plain POST the circulated draft with a message."""

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        comment = self.get_comment()
        form = WithdrawCommentForm(request.POST)
        error = ""
        if not form.is_valid():
            error = _("This comment could not be withdrawn: reload the page and try again.")
        else:
            try:
                services.withdraw_minutes_comment(
                    comment=comment, user=request.user, expected_version=form.cleaned_data["version"]
                )
            except EditConflict:
                error = _("Your comment was changed in another window or tab: read it again, then withdraw it.")
            except ValidationError as failure:
                error = " ".join(failure.messages)
        if self.is_htmx:
            if error:
                return self.fragment("comment", {"comment": comment, "may_comment": True, "error": error})
            return HttpResponse("")
        if error:
            messages.error(request, error)
            return redirect(circulated_url(comment.meeting_id, f"comment-{comment.pk}"))
        messages.success(request, _("Your comment is withdrawn."))
        return redirect(circulated_url(comment.meeting_id, card_anchor(comment.agenda_item_id)))
