"""The minutes editor and its parts, publishing, and the status updates on follow-up actions that participants may
also record for their own organisation.

The editor is one page with a card per agenda item: its discussion summary and outcome (saved card by card,
automatically as the secretariat types, against the item's version) and its statements, decisions and follow-up
actions, each added, edited and removed in place. Every view answers an htmx request (``HX-Request``) with the
partial that replaces only what changed, and a plain POST (JavaScript off) with a redirect back to the card, or
the full page with the errors.
"""

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import TemplateView

from common.edit_conflicts import conflict_message, rebind_after_conflict
from common.i18n import translation_fields
from common.permissions import SecretariatRequiredMixin
from common.versioning import EditConflict
from meetings import services
from meetings.forms import (
    ActionItemForm,
    ActionReviewForm,
    ActionUpdateForm,
    AgendaItemMinutesFormSet,
    DecisionForm,
    ItemMinutesForm,
    MinutesForm,
    PublishMinutesForm,
    ReopenMinutesForm,
    StatementForm,
)
from meetings.models import ActionItem, AgendaItem, Decision, Statement
from meetings.notifications.recipients import meeting_audience
from meetings.views.editing import MeetingEditMixin, apply_validation_error
from meetings.views.notifications import report_minutes_announcement

MINUTES_SUMMARY_FIELDS = ["minutes_summary", *translation_fields("minutes_summary")]
GENERAL = "general"  # the card of the entries tied to no agenda item


def is_htmx(request) -> bool:
    return request.headers.get("HX-Request") == "true"


def editor_url(meeting_pk: int, anchor: str = "") -> str:
    url = reverse("meetings:meeting-minutes-edit", args=[meeting_pk])
    return f"{url}#{anchor}" if anchor else url


def card_anchor(agenda_item_id: int | None) -> str:
    return f"item-{agenda_item_id}" if agenda_item_id else f"item-{GENERAL}"


# What the cards list: statements, decisions and follow-up actions, each with its form and save service.


@dataclass(frozen=True)
class EntryKind:
    name: str
    model: type
    form_class: type
    save: Callable
    noun: str
    heading: str
    add_label: str
    empty_label: str
    delete_question: str

    @property
    def edit_name(self) -> str:
        return f"meetings:{self.name}-edit"

    @property
    def delete_name(self) -> str:
        return f"meetings:{self.name}-delete"


ENTRY_KINDS = {
    "statement": EntryKind(
        "statement",
        Statement,
        StatementForm,
        lambda entry, version, user: services.save_statement(statement=entry, expected_version=version, user=user),
        gettext_lazy("statement"),
        gettext_lazy("Key statements"),
        gettext_lazy("Add a statement"),
        gettext_lazy("No statements recorded."),
        gettext_lazy("Delete this statement?"),
    ),
    "decision": EntryKind(
        "decision",
        Decision,
        DecisionForm,
        lambda entry, version, user: services.save_decision(decision=entry, expected_version=version, user=user),
        gettext_lazy("decision"),
        gettext_lazy("Decisions"),
        gettext_lazy("Add a decision"),
        gettext_lazy("No decisions recorded."),
        gettext_lazy("Delete this decision?"),
    ),
    "action": EntryKind(
        "action",
        ActionItem,
        ActionItemForm,
        lambda entry, version, user: services.save_action(action=entry, expected_version=version, user=user),
        gettext_lazy("follow-up action"),
        gettext_lazy("Follow-up actions"),
        gettext_lazy("Add a follow-up action"),
        gettext_lazy("No follow-up actions recorded."),
        gettext_lazy("Delete this follow-up action?"),
    ),
}


def entry_kind_of(model) -> EntryKind:
    return next(kind for kind in ENTRY_KINDS.values() if kind.model is model)


@dataclass
class EntryList:
    kind: EntryKind
    key: str  # the card: an agenda item's id, or GENERAL
    entries: list
    meeting_pk: int

    @property
    def add_url(self) -> str:
        url = reverse(f"meetings:{self.kind.name}-create", args=[self.meeting_pk])
        return url if self.key == GENERAL else f"{url}?item={self.key}"


@dataclass
class Card:
    """One agenda item in the minutes editor (``item`` None: the entries tied to no item)."""

    item: AgendaItem | None
    form: ItemMinutesForm | None
    lists: list[EntryList] = field(default_factory=list)
    carried: list = field(default_factory=list)  # (action, ActionReviewForm) on the follow-up review item

    @property
    def key(self) -> str:
        return str(self.item.pk) if self.item else GENERAL

    @property
    def anchor(self) -> str:
        return card_anchor(self.item.pk if self.item else None)


class MinutesEditView(MeetingEditMixin, TemplateView):
    """The editor. GET: the cards. POST: the meeting's summary card (and, from older pages, every item's text as
    one formset); the summary saves against the meeting's version."""

    template_name = "meetings/minutes_form.html"

    def summary_form(self, data=None):
        meeting = self.get_meeting()
        initial = {name: getattr(meeting, name) for name in MINUTES_SUMMARY_FIELDS}
        return MinutesForm(data, initial={**initial, "version": meeting.version})

    def get_cards(self, bound_forms: dict | None = None) -> list[Card]:
        meeting = self.get_meeting()
        user = self.request.user
        bound_forms = bound_forms or {}
        items = list(meeting.agenda_items.order_by("position", "id").prefetch_related(services.carried_actions(user)))
        entries = {
            "statement": meeting.statements.select_related("speaker", "organization", "source_document"),
            "decision": meeting.decisions.all(),
            "action": meeting.action_items.select_related("responsible_organization", "owner").order_by("due_on", "id"),
        }
        by_card = defaultdict(lambda: defaultdict(list))
        for name, rows in entries.items():
            for entry in rows:
                by_card[str(entry.agenda_item_id) if entry.agenda_item_id else GENERAL][name].append(entry)
        cards = []
        for item in items:
            card = Card(item=item, form=bound_forms.get(item.pk) or ItemMinutesForm(instance=item))
            card.carried = [(action, ActionReviewForm(action=action)) for action in item.carried_actions]
            cards.append(card)
        cards.append(Card(item=None, form=None))
        for card in cards:
            card.lists = [
                EntryList(kind, card.key, by_card[card.key][name], meeting.pk) for name, kind in ENTRY_KINDS.items()
            ]
        return cards

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", self.summary_form())
        context.setdefault("cards", self.get_cards(kwargs.get("bound_forms")))
        context["meeting"] = self.get_meeting()
        return context

    def get(self, request, *args, **kwargs):
        if is_htmx(request):  # "Use their version" after a conflict: the summary card as now saved
            context = {"meeting": self.get_meeting(), "form": self.summary_form()}
            return TemplateResponse(request, "meetings/minutes/summary_form.html", context)
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        if "items-TOTAL_FORMS" in request.POST:
            return self.post_all(request)
        meeting = self.get_meeting()
        form = self.summary_form(request.POST)
        if form.is_valid():
            try:
                services.save_minutes(
                    meeting=meeting,
                    minutes_summary=form.cleaned_data["minutes_summary"],
                    item_minutes={},
                    expected_version=keep_mine_version(request) or form.cleaned_data["version"],
                    user=request.user,
                    summary_translations={name: form.cleaned_data[name] for name in MINUTES_SUMMARY_FIELDS[1:]},
                )
            except EditConflict as conflict:
                current = type(meeting).objects.get(pk=meeting.pk)
                form = rebind_after_conflict(self.summary_form, request.POST, conflict, current)
                return self.text_not_saved(form, conflict, target="summary")
            except ValidationError as error:
                apply_validation_error(form, error)
            else:
                if is_htmx(request):
                    response = save_state(request, "summary", saved_version=meeting.version, form=form)
                    if "publish" in request.POST:  # saved first, then the question of publishing
                        response.headers["HX-Redirect"] = reverse("meetings:meeting-minutes-publish", args=[meeting.pk])
                    return response
                messages.success(request, _("The minutes have been saved (still a draft until you publish them)."))
                if "publish" in request.POST:  # saved first, then the question of publishing
                    return redirect("meetings:meeting-minutes-publish", pk=meeting.pk)
                return redirect(editor_url(meeting.pk, "summary"))
        if is_htmx(request):
            return save_state(request, "summary", form=form)
        return self.render_to_response(self.get_context_data(form=form))

    def text_not_saved(self, form, conflict, *, target, bound_forms=None):
        if is_htmx(self.request):
            return conflict_state(
                self.request, target, form, conflict, "meetings:meeting-minutes-edit", self.get_meeting().pk
            )
        messages.error(self.request, conflict_message(_("text")))
        context = {"bound_forms": bound_forms} if bound_forms else {"form": form}
        return self.render_to_response(self.get_context_data(**context))

    def post_all(self, request):
        """Every card's text in one POST (the summary form with the item formset)."""
        meeting = self.get_meeting()
        form = self.summary_form(request.POST)
        formset = AgendaItemMinutesFormSet(
            request.POST, queryset=meeting.agenda_items.order_by("position", "id"), prefix="items"
        )
        if form.is_valid() and formset.is_valid():
            try:
                services.save_minutes(
                    meeting=meeting,
                    minutes_summary=form.cleaned_data["minutes_summary"],
                    item_minutes={
                        item_form.instance.pk: (
                            item_form.cleaned_data["discussion_summary"],
                            item_form.cleaned_data["outcome"],
                        )
                        for item_form in formset.forms
                    },
                    expected_version=form.cleaned_data["version"],
                    user=request.user,
                    summary_translations={name: form.cleaned_data[name] for name in MINUTES_SUMMARY_FIELDS[1:]},
                    item_translations={
                        item_form.instance.pk: {
                            name: item_form.cleaned_data[name] for name in translation_fields("discussion_summary")
                        }
                        for item_form in formset.forms
                    },
                )
            except EditConflict as conflict:
                current = type(meeting).objects.get(pk=meeting.pk)
                messages.error(request, conflict_message(_("meeting")))
                form = rebind_after_conflict(self.summary_form, request.POST, conflict, current)
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
            else:
                messages.success(request, _("The minutes have been saved (still a draft until you publish them)."))
                if "publish" in request.POST:
                    return redirect("meetings:meeting-minutes-publish", pk=meeting.pk)
                return redirect("meetings:meeting-minutes-edit", pk=meeting.pk)
        return self.render_to_response(self.get_context_data(form=form))


def keep_mine_version(request) -> int | None:
    """The version named by "Keep my version" after a conflict: the user saw the other text and chose theirs."""
    value = request.POST.get("keep_mine", "")
    return int(value) if value.isdigit() else None


def save_state(request, target: str, *, form, saved_version=None, conflict_version=None, use_theirs_url=""):
    """The partial that tells a card how its save went: saved (with the new version for the next save), not saved
    because someone else saved first (their text and the choice), or not saved because of an error."""
    return TemplateResponse(
        request,
        "meetings/minutes/save_state.html",
        {
            "target": target,
            "form": form,
            "saved_version": saved_version,
            "saved_at": timezone.localtime() if saved_version else None,
            "conflict_version": conflict_version,
            "use_theirs_url": use_theirs_url,
            "their_values": getattr(form, "their_values", []),
        },
        headers={"X-Minutes-Saved": "1"} if saved_version else None,
    )


def conflict_state(request, target: str, form, conflict, use_theirs_view: str, *args):
    """A card not saved because someone saved first: their text, and the URL that loads it into the card."""
    theirs = reverse(use_theirs_view, args=args)
    return save_state(request, target, form=form, conflict_version=conflict.current_version, use_theirs_url=theirs)


class ItemMinutesView(MeetingEditMixin, View):
    """One card's text: POST saves it against the item's version (autosave, or the card's Save button without
    JavaScript). GET (htmx): the card's form as now saved, for "Use their version" after a conflict."""

    def get_item(self) -> AgendaItem:
        return get_object_or_404(AgendaItem, pk=self.kwargs["item_pk"], meeting=self.get_meeting())

    def get(self, request, *args, **kwargs):
        item = self.get_item()
        if not is_htmx(request):
            return redirect(editor_url(item.meeting_id, card_anchor(item.pk)))
        return TemplateResponse(
            request,
            "meetings/minutes/item_text_form.html",
            {"meeting": self.get_meeting(), "card": Card(item=item, form=ItemMinutesForm(instance=item))},
        )

    def post(self, request, *args, **kwargs):
        item = self.get_item()
        form = ItemMinutesForm(request.POST, instance=item)
        target = f"item-{item.pk}"
        if form.is_valid():
            try:
                services.save_item_minutes(
                    item=AgendaItem.objects.get(pk=item.pk),
                    expected_version=keep_mine_version(request) or form.cleaned_data["version"],
                    texts={name: form.cleaned_data[name] for name in services.ITEM_MINUTES_FIELDS},
                    user=request.user,
                )
            except EditConflict as conflict:
                current = AgendaItem.objects.get(pk=item.pk)
                form = rebind_after_conflict(
                    lambda data: ItemMinutesForm(data, instance=AgendaItem.objects.get(pk=item.pk)),
                    request.POST,
                    conflict,
                    current,
                )
                return self.text_not_saved(form, conflict, target, item)
            except ValidationError as error:
                apply_validation_error(form, error)
            else:
                saved = AgendaItem.objects.only("version").get(pk=item.pk).version
                if is_htmx(request):
                    return save_state(request, target, form=form, saved_version=saved)
                messages.success(request, _("Saved: %(item)s.") % {"item": item})
                return redirect(editor_url(item.meeting_id, target))
        if is_htmx(request):
            return save_state(request, target, form=form)
        return self.full_page({item.pk: form})

    def text_not_saved(self, form, conflict, target, item):
        if is_htmx(self.request):
            url_args = (item.meeting_id, item.pk)
            return conflict_state(self.request, target, form, conflict, "meetings:meeting-item-minutes", *url_args)
        messages.error(self.request, conflict_message(_("agenda item")))
        return self.full_page({item.pk: form})

    def full_page(self, bound_forms):
        editor = MinutesEditView(request=self.request, kwargs={"pk": self.get_meeting().pk})
        editor._meeting = self.get_meeting()
        return editor.render_to_response(editor.get_context_data(bound_forms=bound_forms))


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
            # Publishing e-mails the participants: the worker sends the mail once the transaction commits.
            publication = services.publish_minutes(meeting=meeting, user=request.user)
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


class ActionReviewView(MeetingEditMixin, View):
    """POST: what the meeting decided about one action carried to its review (done, continued, dropped). It takes
    effect on the action when the minutes are published (meetings.services.apply_reviews)."""

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
            return TemplateResponse(
                request,
                "meetings/partials/carried_action_review.html",
                {
                    "meeting": meeting,
                    "action": carried,
                    "form": ActionReviewForm(action=carried) if recorded else form,
                    "notice": success_text if recorded else "",
                    "error": error_text,
                },
            )
        if recorded:
            messages.success(request, success_text)
        else:
            messages.error(request, error_text)
        return redirect(editor_url(meeting.pk, f"review-{action.pk}"))


class MinutesEntryView(MeetingEditMixin, TemplateView):
    """Create (URL kwarg ``meeting_pk``) or edit (``pk``) a statement, decision or follow-up action (``model``, one
    of ENTRY_KINDS). In place (htmx): GET gives the form, POST the saved row, or the form with its errors;
    ``?row=1`` gives the row back (cancel an edit), ``?cancel=1`` nothing (cancel an addition). Without
    JavaScript: a page with the form, and back to the card after saving."""

    template_name = "meetings/minutes_entry_form.html"
    meeting_kwarg = "meeting_pk"
    model = None

    @property
    def entry_kind(self) -> EntryKind:
        return entry_kind_of(self.model)

    @property
    def kind(self) -> str:
        return self.entry_kind.name

    @property
    def conflict_noun(self):
        return self.entry_kind.noun

    def get_entry(self):
        if "pk" not in self.kwargs:
            return None
        return get_object_or_404(self.entry_kind.model.objects.select_related("meeting__series"), pk=self.kwargs["pk"])

    def dispatch(self, request, *args, **kwargs):
        self.entry = self.get_entry()
        self.original_item_id = self.entry.agenda_item_id if self.entry else None
        if self.entry is not None:
            self._meeting = self.entry.meeting
        return super().dispatch(request, *args, **kwargs)

    def card_item_id(self) -> int | None:
        """The card the form was opened from (``?item=``), or the entry's own agenda item."""
        value = self.request.GET.get("item", "")
        if value.isdigit():
            return int(value)
        return self.entry.agenda_item_id if self.entry else None

    def prefix(self) -> str | None:
        if not is_htmx(self.request):
            return None  # the page of its own keeps the plain field names
        if self.entry:
            return f"{self.kind}-{self.entry.pk}"
        return f"new-{self.kind}-{self.card_item_id() or GENERAL}"

    def get_form(self, data=None):
        meeting = self.get_meeting()
        form = self.entry_kind.form_class(data, instance=self.entry, meeting=meeting, prefix=self.prefix())
        item_id = self.card_item_id()
        if self.entry is None and item_id and data is None:
            form.initial["agenda_item"] = item_id
        if is_htmx(self.request) and self.entry is None and item_id:
            form.fields["agenda_item"].widget = forms.HiddenInput()  # added in the item's own card
        return form

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", self.get_form())
        context.update(
            meeting=self.get_meeting(),
            entry=self.entry,
            noun=self.entry_kind.noun,
            back_url=editor_url(self.get_meeting().pk, card_anchor(self.card_item_id())),
        )
        return context

    def get(self, request, *args, **kwargs):
        if is_htmx(request):
            if request.GET.get("cancel"):
                return HttpResponse("")
            if self.entry is not None and request.GET.get("row"):
                return self.render_row(self.entry)
            return self.render_form(self.get_form())
        return super().get(request, *args, **kwargs)

    def render_form(self, form, status=200):
        item_id = self.card_item_id()
        query = f"?item={item_id}" if item_id else ""
        if self.entry:
            post_url = reverse(f"meetings:{self.kind}-edit", args=[self.entry.pk])
        else:
            post_url = reverse(f"meetings:{self.kind}-create", args=[self.get_meeting().pk])
        return TemplateResponse(
            self.request,
            "meetings/minutes/entry_form.html",
            {
                "meeting": self.get_meeting(),
                "form": form,
                "entry": self.entry,
                "kind": self.entry_kind,
                "post_url": post_url + query,
                "cancel_url": post_url + (f"{query}&" if query else "?") + ("row=1" if self.entry else "cancel=1"),
                "key": str(item_id) if item_id else GENERAL,
                "their_values": getattr(form, "their_values", []),
            },
            status=status,
        )

    def render_row(self, entry, appended_to: str = ""):
        return TemplateResponse(
            self.request,
            "meetings/minutes/entry_row.html",
            {"meeting": self.get_meeting(), "entry": entry, "kind": self.entry_kind, "append_to": appended_to},
        )

    def post(self, request, *args, **kwargs):
        form = self.get_form(request.POST)
        if form.is_valid():
            try:
                entry = self.entry_kind.save(
                    form.save(commit=False),
                    form.cleaned_data.get("version") if self.entry else None,
                    request.user,
                )
                form.save_m2m()
            except EditConflict as conflict:
                current = self.entry_kind.model.objects.get(pk=self.entry.pk)
                if is_htmx(request):
                    form = rebind_after_conflict(self.get_form, request.POST, conflict, current)
                    form.add_error(None, conflict_message(self.entry_kind.noun))
                else:
                    form = self.form_after_conflict(self.get_form, conflict, current)
            except ValidationError as error:
                apply_validation_error(form, error)
            else:
                if is_htmx(request):
                    # A new entry, or one moved to another item, joins that card's list; an edit stays in place.
                    key = str(entry.agenda_item_id) if entry.agenda_item_id else GENERAL
                    stays = self.entry is not None and entry.agenda_item_id == self.original_item_id
                    return self.render_row(entry, appended_to="" if stays else f"item-{key}-{self.kind}-rows")
                messages.success(request, _("The %(noun)s has been saved.") % {"noun": self.entry_kind.noun})
                return redirect(editor_url(entry.meeting_id, card_anchor(entry.agenda_item_id)))
        if is_htmx(request):
            return self.render_form(form)
        return self.render_to_response(self.get_context_data(form=form))


class MinutesEntryDeleteView(SecretariatRequiredMixin, View):
    """POST: remove a statement, decision or follow-up action from draft minutes (in place with htmx)."""

    http_method_names = ["post"]
    model = None

    def post(self, request, pk):
        kind = entry_kind_of(self.model)
        entry = get_object_or_404(kind.model.objects.select_related("meeting"), pk=pk)
        try:
            services.delete_minutes_entry(entry=entry, user=request.user)
        except ValidationError as error:
            if is_htmx(request):
                return TemplateResponse(
                    request,
                    "meetings/minutes/entry_row.html",
                    {"meeting": entry.meeting, "entry": entry, "kind": kind, "error": " ".join(error.messages)},
                )
            messages.error(request, " ".join(error.messages))
        else:
            if is_htmx(request):
                return HttpResponse("")
            messages.success(request, _("The %(noun)s has been deleted.") % {"noun": kind.noun})
        return redirect(editor_url(entry.meeting_id, card_anchor(entry.agenda_item_id)))


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
