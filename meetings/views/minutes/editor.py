"""The minutes editor: its page of cards, the meeting's summary, and each card's text saved against its version."""

from collections import defaultdict

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from common.edit_conflicts import conflict_message, rebind_after_conflict
from common.fragments import FragmentAnswerMixin, is_htmx
from common.i18n import translation_fields
from common.versioning import EditConflict
from meetings import services
from meetings.forms import AgendaItemMinutesFormSet, ItemMinutesForm, MinutesForm
from meetings.models import AgendaItem
from meetings.views.editing import MeetingEditMixin, apply_validation_error
from meetings.views.minutes.cards import (
    EDITOR_TEMPLATE,
    ENTRY_KINDS,
    GENERAL,
    Card,
    card_anchor,
    card_page,
    card_page_url,
    editor_url,
    minutes_cards,
)

MINUTES_SUMMARY_FIELDS = ["minutes_summary", *translation_fields("minutes_summary")]


class MinutesEditView(FragmentAnswerMixin, MeetingEditMixin, TemplateView):
    """The editor. GET: the cards. POST: the meeting's summary card (and, from older pages, every item's text as
    one formset); the summary saves against the meeting's version."""

    template_name = EDITOR_TEMPLATE

    def summary_form(self, data=None):
        meeting = self.get_meeting()
        initial = {name: getattr(meeting, name) for name in MINUTES_SUMMARY_FIELDS}
        return MinutesForm(data, initial={**initial, "version": meeting.version})

    def get_cards(self, bound_forms: dict | None = None) -> list[Card]:
        meeting = self.get_meeting()
        open_forms = self.open_forms()
        focus = next(iter(open_forms))[0] if open_forms else ""
        cards = minutes_cards(meeting, self.request.user, bound_forms=bound_forms, open_forms=open_forms, focus=focus)
        comments = defaultdict(list)
        for comment in meeting.minutes_comments.select_related("organization", "author", "resolved_by"):
            comments[str(comment.agenda_item_id) if comment.agenda_item_id else GENERAL].append(comment)
        for card in cards:
            card.comments = comments[card.key]
        return cards

    def open_forms(self) -> dict:
        """``?add=decision-12``: the card's form for the next decision open (where a plain POST that added one
        comes back to); or the form posted without JavaScript, with its errors (``posted_entry``)."""
        posted = getattr(self, "posted_entry", None)
        if posted is not None:
            kind, key, context = posted
            return {(kind, key): context}
        kind, _, key = self.request.GET.get("add", "").partition("-")
        return {(kind, key): None} if kind in ENTRY_KINDS and (key.isdigit() or key == GENERAL) else {}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", self.summary_form())
        context.setdefault("cards", self.get_cards(kwargs.get("bound_forms")))
        context["meeting"] = self.get_meeting()
        return context

    def get(self, request, *args, **kwargs):
        if is_htmx(request):  # "Use their version" after a conflict: the summary card as now saved
            context = {"meeting": self.get_meeting(), "form": self.summary_form()}
            return self.fragment("summary_form", context)
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
        f"{EDITOR_TEMPLATE}#save_state",
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


class ItemMinutesView(FragmentAnswerMixin, MeetingEditMixin, View):
    """One card's text: POST saves it against the item's version (autosave, or the card's Save button without
    JavaScript). GET (htmx): the card's form as now saved, for "Use their version" after a conflict."""

    fragments_template = EDITOR_TEMPLATE

    def get_item(self) -> AgendaItem:
        return get_object_or_404(AgendaItem, pk=self.kwargs["item_pk"], meeting=self.get_meeting())

    def get(self, request, *args, **kwargs):
        item = self.get_item()
        if not is_htmx(request):
            return redirect(editor_url(item.meeting_id, card_anchor(item.pk)))
        return self.fragment(
            "item_text_form",
            {
                "meeting": self.get_meeting(),
                "card": Card(item=item, form=ItemMinutesForm(instance=item)),
                "on": card_page(request),
            },
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
                    texts={name: form.cleaned_data[name] for name in ItemMinutesForm.Meta.fields},
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
                return redirect(card_page_url(request, item.meeting_id, target))
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
