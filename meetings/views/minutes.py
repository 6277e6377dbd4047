"""Secretariat pages for the minutes (summary, per-item discussion, statements, decisions, actions), publishing,
and the status updates on follow-up actions that participants may also record for their own organisation."""

from functools import partial

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import TemplateView

from common.i18n import translation_fields
from common.permissions import SecretariatRequiredMixin
from common.versioning import EditConflict, with_current_version
from meetings import services
from meetings.forms import (
    ActionItemForm,
    ActionReviewForm,
    ActionUpdateForm,
    AgendaItemMinutesFormSet,
    DecisionForm,
    MinutesForm,
    PublishMinutesForm,
    ReopenMinutesForm,
    StatementForm,
)
from meetings.models import ActionItem, Decision, Statement
from meetings.notifications.recipients import meeting_audience
from meetings.views.editing import CONFLICT_MESSAGE, MeetingEditMixin, apply_validation_error
from meetings.views.notifications import report_minutes_announcement

MINUTES_SUMMARY_FIELDS = ["minutes_summary", *translation_fields("minutes_summary")]


class MinutesEditView(MeetingEditMixin, TemplateView):
    template_name = "meetings/minutes_form.html"

    def get_forms(self, data=None):
        meeting = self.get_meeting()
        initial = {field: getattr(meeting, field) for field in MINUTES_SUMMARY_FIELDS}
        form = MinutesForm(data, initial={**initial, "version": meeting.version})
        formset = AgendaItemMinutesFormSet(
            data, queryset=meeting.agenda_items.order_by("position", "id"), prefix="items"
        )
        return form, formset

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        meeting = self.get_meeting()
        if "form" not in context:
            context["form"], context["formset"] = self.get_forms()
        review_items = meeting.agenda_items.filter(reviews_follow_up_actions=True).prefetch_related(
            services.carried_actions(self.request.user)
        )
        context.update(
            meeting=meeting,
            review_items=[
                (item, [(action, ActionReviewForm(action=action)) for action in item.carried_actions])
                for item in review_items
            ],
            statements=meeting.statements.select_related("speaker", "organization", "agenda_item"),
            decisions=meeting.decisions.select_related("agenda_item"),
            actions=meeting.action_items.select_related("responsible_organization", "owner"),
        )
        return context

    def post(self, request, *args, **kwargs):
        meeting = self.get_meeting()
        form, formset = self.get_forms(request.POST)
        if form.is_valid() and formset.is_valid():
            item_minutes = {
                item_form.instance.pk: (
                    item_form.cleaned_data["discussion_summary"],
                    item_form.cleaned_data["outcome"],
                )
                for item_form in formset.forms
            }
            try:
                services.save_minutes(
                    meeting=meeting,
                    minutes_summary=form.cleaned_data["minutes_summary"],
                    item_minutes=item_minutes,
                    expected_version=form.cleaned_data["version"],
                    user=request.user,
                    summary_translations={field: form.cleaned_data[field] for field in MINUTES_SUMMARY_FIELDS[1:]},
                    item_translations={
                        item_form.instance.pk: {
                            field: item_form.cleaned_data[field] for field in translation_fields("discussion_summary")
                        }
                        for item_form in formset.forms
                    },
                )
            except EditConflict as conflict:
                messages.error(request, CONFLICT_MESSAGE)
                form, formset = self.get_forms(with_current_version(request.POST, conflict.current_version))
                form.is_valid()
                formset.is_valid()
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
            else:
                messages.success(request, _("The minutes have been saved (still a draft until you publish them)."))
                if "publish" in request.POST:  # saved first, then the question of publishing
                    return redirect("meeting-minutes-publish", pk=meeting.pk)
                return redirect("meeting-minutes-edit", pk=meeting.pk)
        return self.render_to_response(self.get_context_data(form=form, formset=formset))


class PublishMinutesView(MeetingEditMixin, TemplateView):
    """GET: who will be e-mailed, and the question. Only the confirming POST (``confirm``) publishes; the minutes
    editor's "Publish" button saves the text first and then leads here."""

    template_name = "meetings/minutes_publish.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        meeting = self.get_meeting()
        context.setdefault("form", PublishMinutesForm())
        context.update(
            meeting=meeting,
            refusal=services.publication_refusal(meeting),
            audience=meeting_audience(meeting),
        )
        return context

    def post(self, request, *args, **kwargs):
        meeting = self.get_meeting()
        form = PublishMinutesForm(request.POST)
        if not form.is_valid():  # not the confirming POST: ask
            return self.render_to_response(self.get_context_data())
        try:
            # Publishing e-mails the participants once the transaction commits; the outcome becomes a message.
            services.publish_minutes(
                meeting=meeting, user=request.user, on_announced=partial(report_minutes_announcement, request)
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return self.render_to_response(self.get_context_data())
        messages.success(request, _("The minutes are published: participants can now read them."))
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


class ActionReviewView(MeetingEditMixin, View):
    """POST: what the meeting decided about one action carried to its review (done, continued, dropped)."""

    http_method_names = ["post"]

    def post(self, request, pk, action_pk):
        meeting = self.get_meeting()
        action = get_object_or_404(ActionItem, pk=action_pk)
        form = ActionReviewForm(request.POST, action=action)
        if not form.is_valid():
            errors = " ".join(str(error) for errors in form.errors.values() for error in errors)
            messages.error(
                request,
                _("The review of “%(title)s” was not recorded: %(errors)s") % {"title": action.title, "errors": errors},
            )
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
                messages.error(
                    request,
                    _(
                        "Someone else updated “%(title)s” while you were writing, so your review was NOT saved. "
                        "Check its current status, then record the review again."
                    )
                    % {"title": action.title},
                )
            except ValidationError as error:
                messages.error(
                    request,
                    _("The review of “%(title)s” was not recorded: %(errors)s")
                    % {"title": action.title, "errors": " ".join(error.messages)},
                )
            else:
                messages.success(
                    request,
                    _("Recorded: “%(title)s” is now %(status)s.")
                    % {"title": action.title, "status": action.get_status_display().lower()},
                )
        return redirect(f"{reverse('meeting-minutes-edit', args=[meeting.pk])}#follow-up-review")


class MinutesEntryView(MeetingEditMixin, TemplateView):
    """Create (URL kwarg ``meeting_pk``) or edit (``pk``) a statement, decision or follow-up action."""

    template_name = "meetings/minutes_entry_form.html"
    meeting_kwarg = "meeting_pk"
    model = None
    form_class = None
    noun = ""

    def get_entry(self):
        if "pk" not in self.kwargs:
            return None
        return get_object_or_404(self.model.objects.select_related("meeting__series"), pk=self.kwargs["pk"])

    def dispatch(self, request, *args, **kwargs):
        self.entry = self.get_entry()
        if self.entry is not None:
            self._meeting = self.entry.meeting
        return super().dispatch(request, *args, **kwargs)

    def get_form(self, data=None):
        return self.form_class(data, instance=self.entry, meeting=self.get_meeting())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", self.get_form())
        context.update(meeting=self.get_meeting(), entry=self.entry, noun=self.noun)
        return context

    def save(self, form):
        raise NotImplementedError

    def expected_version(self, form) -> int | None:
        return form.cleaned_data.get("version") if self.entry else None

    def post(self, request, *args, **kwargs):
        form = self.get_form(request.POST)
        if form.is_valid():
            try:
                self.save(form)
            except EditConflict as conflict:
                messages.error(
                    request,
                    _(
                        "Someone else changed this %(noun)s while you were editing, so your changes were NOT saved. "
                        "They are shown below; save again to replace the other version."
                    )
                    % {"noun": self.noun},
                )
                # The user's text comes back bound to the form; only the version moves to the one now saved.
                form = self.get_form(with_current_version(request.POST, conflict.current_version))
                form.is_valid()
            except ValidationError as error:
                apply_validation_error(form, error)
            else:
                messages.success(request, _("The %(noun)s has been saved.") % {"noun": self.noun})
                return redirect(self.success_url())
        return self.render_to_response(self.get_context_data(form=form))

    def success_url(self):
        return f"{self.get_meeting().get_absolute_url().rstrip('/')}/minutes/edit/"


class StatementFormView(MinutesEntryView):
    model = Statement
    form_class = StatementForm
    noun = gettext_lazy("statement")

    def save(self, form):
        services.save_statement(
            statement=form.save(commit=False), expected_version=self.expected_version(form), user=self.request.user
        )


class DecisionFormView(MinutesEntryView):
    model = Decision
    form_class = DecisionForm
    noun = gettext_lazy("decision")

    def save(self, form):
        services.save_decision(
            decision=form.save(commit=False), expected_version=self.expected_version(form), user=self.request.user
        )


class ActionFormView(MinutesEntryView):
    model = ActionItem
    form_class = ActionItemForm
    noun = gettext_lazy("follow-up action")

    def save(self, form):
        services.save_action(
            action=form.save(commit=False),
            expected_version=self.expected_version(form),
            user=self.request.user,
        )


class MinutesEntryDeleteView(SecretariatRequiredMixin, View):
    http_method_names = ["post"]
    model = None

    def post(self, request, pk):
        entry = get_object_or_404(self.model.objects.select_related("meeting"), pk=pk)
        try:
            services.delete_minutes_entry(entry=entry, user=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The %(noun)s has been deleted.") % {"noun": self.model._meta.verbose_name})
        return redirect("meeting-minutes-edit", pk=entry.meeting_id)


class StatementDeleteView(MinutesEntryDeleteView):
    model = Statement


class DecisionDeleteView(MinutesEntryDeleteView):
    model = Decision


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
                    noted_on=form.cleaned_data["noted_on"],
                    expected_version=form.cleaned_data["version"],
                )
            except EditConflict as conflict:
                messages.error(
                    request,
                    _(
                        "Someone else updated this action while you were writing, so your update was NOT saved. "
                        "It is shown below: check the action's current status, then save again."
                    ),
                )
                action.refresh_from_db()
                form = ActionUpdateForm(
                    with_current_version(request.POST, conflict.current_version), action=action, statuses=statuses
                )
                form.is_valid()
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
