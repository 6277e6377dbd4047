"""Statements, decisions and follow-up actions of the minutes, each added, edited and removed in place in its card."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from common.edit_conflicts import conflict_message, rebind_after_conflict
from common.fragments import FragmentAnswerMixin, is_htmx
from common.permissions import SecretariatRequiredMixin
from common.versioning import EditConflict
from meetings import services
from meetings.models import AgendaItem
from meetings.views.editing import MeetingEditMixin, apply_validation_error
from meetings.views.minutes.cards import (
    EDITOR_TEMPLATE,
    GENERAL,
    IN_CARD,
    LIVE,
    EntryKind,
    card_anchor,
    card_page,
    editor_url,
    entry_kind_of,
    new_entry_context,
    new_entry_form,
    new_entry_prefix,
    next_entry_url,
)
from meetings.views.minutes.editor import MinutesEditView


class MinutesEntryView(FragmentAnswerMixin, MeetingEditMixin, TemplateView):
    """Create (URL kwarg ``meeting_pk``) or edit (``pk``) a statement, decision or follow-up action (``model``, one
    of ENTRY_KINDS). In place (htmx): GET gives the form, POST the saved row, or the form with its errors;
    ``?row=1`` gives the row back (cancel an edit), ``?cancel=1`` nothing (cancel an addition). Without
    JavaScript: a page with the form, and back to the card after saving."""

    fragments_template = EDITOR_TEMPLATE

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

    def card_item(self) -> AgendaItem | None:
        item_id = self.card_item_id()
        if item_id is None:
            return None
        items = AgendaItem.objects.select_related("presenter__organization", "lead_organization")
        return items.filter(meeting=self.get_meeting(), pk=item_id).first()

    @property
    def on(self) -> str:
        """The page the card is on: the editor, or the live control's companion (cards.LIVE)."""
        return card_page(self.request)

    @property
    def in_card(self) -> bool:
        """A new entry's form as a card holds it: in place with htmx, or open on the editor's or the companion's page
        (posted with IN_CARD). Its fields carry the card's prefix; the stand-alone page keeps the plain names."""
        return self.entry is None and (is_htmx(self.request) or self.request.POST.get(IN_CARD) == "1")

    def prefix(self) -> str | None:
        if self.entry:
            return f"{self.kind}-{self.entry.pk}" if is_htmx(self.request) else None
        if self.in_card:
            return new_entry_prefix(self.entry_kind, str(self.card_item_id() or GENERAL))
        return None

    def get_form(self, data=None):
        meeting = self.get_meeting()
        if self.entry is None:
            item = self.card_item()
            return new_entry_form(self.entry_kind, meeting, item, data, prefix=self.prefix(), in_card=self.in_card)
        return self.entry_kind.form_class(data, instance=self.entry, meeting=meeting, prefix=self.prefix())

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

    def form_context(self, form) -> dict:
        if self.entry is None:
            return new_entry_context(self.entry_kind, self.get_meeting(), form, self.card_item_id(), self.on)
        item_id = self.card_item_id()
        query = f"?item={item_id}" if item_id else ""
        post_url = reverse(f"meetings:{self.kind}-edit", args=[self.entry.pk])
        return {
            "meeting": self.get_meeting(),
            "form": form,
            "entry": self.entry,
            "kind": self.entry_kind,
            "post_url": post_url + query,
            "cancel_url": post_url + (f"{query}&" if query else "?") + "row=1",
            "key": str(item_id) if item_id else GENERAL,
            "their_values": getattr(form, "their_values", []),
        }

    def render_form(self, form, status=200):
        return self.fragment("entry_form", self.form_context(form), status=status)

    def render_row(self, entry, appended_to: str = ""):
        return self.fragment(
            "entry_row",
            {"meeting": self.get_meeting(), "entry": entry, "kind": self.entry_kind, "append_to": appended_to},
        )

    def render_added(self, entry):
        """A new entry saved in its card: its row joins the card's list, and an empty form for the next one takes
        the place of the one just sent, its text field focused, so the next entry is typed without a click."""
        key = str(entry.agenda_item_id) if entry.agenda_item_id else GENERAL
        next_form = new_entry_form(self.entry_kind, self.get_meeting(), self.card_item(), prefix=self.prefix())
        context = self.form_context(next_form)
        context.update(saved=entry, append_to=f"item-{key}-{self.kind}-rows")
        return self.fragment("entry_added", context)

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
                return self.saved(entry)
        if is_htmx(request):
            return self.render_form(form)
        if self.in_card:  # the companion's or the editor's open form, without JavaScript: its page, with the errors
            return self.card_page(form)
        return self.render_to_response(self.get_context_data(form=form))

    def saved(self, entry):
        key = str(entry.agenda_item_id) if entry.agenda_item_id else GENERAL
        if is_htmx(self.request):
            if self.entry is None and entry.agenda_item_id == self.card_item_id():
                return self.render_added(entry)
            # An entry moved to another item, or added to another card, joins that card's list; an edit stays.
            stays = self.entry is not None and entry.agenda_item_id == self.original_item_id
            return self.render_row(entry, appended_to="" if stays else f"item-{key}-{self.kind}-rows")
        messages.success(self.request, _("The %(noun)s has been saved.") % {"noun": self.entry_kind.noun})
        if self.entry is None:  # back to the card, with an empty form for the next one
            return redirect(next_entry_url(entry.meeting_id, self.kind, key, self.on))
        return redirect(editor_url(entry.meeting_id, card_anchor(entry.agenda_item_id)))

    def card_page(self, form):
        """The page the card is on, with this form open in it as posted (its errors shown)."""
        from meetings.views.live import LiveControlView  # the live control shows the cards of the editor's views

        key = str(self.card_item_id() or GENERAL)
        if self.on == LIVE:
            view = LiveControlView(request=self.request, kwargs={"pk": self.get_meeting().pk})
        else:
            view = MinutesEditView(request=self.request, kwargs={"pk": self.get_meeting().pk})
        view._meeting = self.get_meeting()
        view.posted_entry = (self.kind, key, self.form_context(form))
        return view.render_to_response(view.get_context_data())


class MinutesEntryDeleteView(FragmentAnswerMixin, SecretariatRequiredMixin, View):
    """POST: remove a statement, decision or follow-up action from draft minutes (in place with htmx)."""

    fragments_template = EDITOR_TEMPLATE

    http_method_names = ["post"]
    model = None

    def post(self, request, pk):
        kind = entry_kind_of(self.model)
        entry = get_object_or_404(kind.model.objects.select_related("meeting"), pk=pk)
        try:
            services.delete_minutes_entry(entry=entry, user=request.user)
        except ValidationError as error:
            if is_htmx(request):
                return self.fragment(
                    "entry_row",
                    {"meeting": entry.meeting, "entry": entry, "kind": kind, "error": " ".join(error.messages)},
                )
            messages.error(request, " ".join(error.messages))
        else:
            if is_htmx(request):
                return HttpResponse("")
            messages.success(request, _("The %(noun)s has been deleted.") % {"noun": kind.noun})
        return redirect(editor_url(entry.meeting_id, card_anchor(entry.agenda_item_id)))
