"""Follow-up actions in and after the meeting: the review of an action carried to a meeting, and the status updates
that participants may also record for their own organisation."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from common.edit_conflicts import conflict_message, rebind_after_conflict
from common.fragments import FragmentAnswerMixin, is_htmx
from common.versioning import EditConflict
from meetings import services
from meetings.forms import ActionReviewForm, ActionUpdateForm
from meetings.models import ActionItem
from meetings.views.editing import MeetingEditMixin, apply_validation_error
from meetings.views.minutes.cards import EDITOR_TEMPLATE, card_page, card_page_url


class ActionReviewView(FragmentAnswerMixin, MeetingEditMixin, View):
    """POST: what the meeting decided about one action carried to its review (done, continued, dropped). It takes
    effect on the action when the minutes are published (meetings.services.apply_reviews)."""

    fragments_template = EDITOR_TEMPLATE

    http_method_names = ["post"]

    def post(self, request, pk, action_pk):
        meeting = self.get_meeting()
        action = get_object_or_404(ActionItem, pk=action_pk)
        form = ActionReviewForm(request.POST, action=action)
        recorded = False
        if not form.is_valid():
            errors = " ".join(str(error) for errors in form.errors.values() for error in errors)
            error_text = _("The review of “%(title)s” was not recorded: %(errors)s") % {
                "title": action.title,
                "errors": errors,
            }
        else:
            try:
                services.review_carried_action(
                    meeting=meeting,
                    action=action,
                    user=request.user,
                    outcome=form.cleaned_data["outcome"],
                    expected_version=form.cleaned_data["version"],
                    due_on=form.cleaned_data["due_on"],
                    note=form.cleaned_data["note"],
                )
            except EditConflict:
                error_text = _(
                    "Someone else updated “%(title)s” while you were writing, so your review was NOT saved. "
                    "Check its current status, then record the review again."
                ) % {"title": action.title}
            except ValidationError as error:
                error_text = _("The review of “%(title)s” was not recorded: %(errors)s") % {
                    "title": action.title,
                    "errors": " ".join(error.messages),
                }
            else:
                recorded = True
                error_text = ""
        success_text = _(
            "Recorded: the meeting's review of “%(title)s”. It takes effect on the action when the minutes are "
            "published."
        ) % {"title": action.title}
        if is_htmx(request):
            carried = (
                ActionItem.objects.filter(pk=action.pk)
                .select_related("responsible_organization", "owner")
                .with_latest_update(request.user)
                .get()
            )
            return self.fragment(
                "carried_action_review",
                {
                    "meeting": meeting,
                    "action": carried,
                    "form": ActionReviewForm(action=carried) if recorded else form,
                    "notice": success_text if recorded else "",
                    "error": error_text,
                    "on": card_page(request),
                },
            )
        if recorded:
            messages.success(request, success_text)
        else:
            messages.error(request, error_text)
        return redirect(card_page_url(request, meeting.pk, f"review-{action.pk}"))


class ActionStatusUpdateView(TemplateView):
    """POST a status change with a dated note; the secretariat for any action, participants for their own."""

    template_name = "meetings/action_update.html"
    http_method_names = ["post"]

    def post(self, request, pk):
        action = get_object_or_404(
            ActionItem.objects.visible_to(request.user).select_related("responsible_organization", "owner", "meeting"),
            pk=pk,
        )
        if not services.can_update_action(request.user, action):
            raise PermissionDenied(_("You may only update the actions of your own organisation."))
        statuses = services.action_statuses_for(request.user, action)
        form = ActionUpdateForm(request.POST, action=action, statuses=statuses)
        if form.is_valid():
            try:
                services.record_action_update(
                    action=action,
                    user=request.user,
                    status=form.cleaned_data["status"],
                    note=form.cleaned_data["note"],
                    source_language=form.cleaned_data["source_language"],
                    noted_on=form.cleaned_data["noted_on"],
                    expected_version=form.cleaned_data["version"],
                )
            except EditConflict as conflict:
                action.refresh_from_db()
                messages.error(request, conflict_message(_("follow-up action")))
                form = rebind_after_conflict(
                    lambda data: ActionUpdateForm(data, action=action, statuses=statuses), request.POST, conflict
                )
            except ValidationError as error:
                apply_validation_error(form, error)
            else:
                messages.success(
                    request,
                    _("Recorded: “%(title)s” is now %(status)s.")
                    % {"title": action.title, "status": action.get_status_display().lower()},
                )
                return redirect(action)
        return self.render_to_response({"action": action, "form": form})
