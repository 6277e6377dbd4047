"""What the minutes editor's cards hold: one card per agenda item (and one for the entries tied to no item), each
listing its statements, decisions and follow-up actions; and the editor's URLs and anchors."""

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django import forms
from django.urls import reverse
from django.utils.translation import gettext_lazy

from meetings import services
from meetings.forms import ActionItemForm, ActionReviewForm, DecisionForm, ItemMinutesForm, StatementForm
from meetings.models import ActionItem, AgendaItem, Decision, Statement

GENERAL = "general"  # the card of the entries tied to no agenda item
EDITOR_TEMPLATE = "meetings/minutes_form.html"  # the editor's page, holding the fragments its views answer htmx with


def editor_url(meeting_pk: int, anchor: str = "") -> str:
    url = reverse("meetings:meeting-minutes-edit", args=[meeting_pk])
    return f"{url}#{anchor}" if anchor else url


def card_anchor(agenda_item_id: int | None) -> str:
    return f"item-{agenda_item_id}" if agenda_item_id else f"item-{GENERAL}"


# Where a card is shown: the minutes editor, or the live control's companion (``?on=live``), which records the item
# under way in place; a plain POST (JavaScript off) goes back there, with the next empty form open.
LIVE = "live"
# Posted by a new entry's form as a card holds it (its fields carry the card's prefix), as against the stand-alone
# page of the form, which keeps the plain field names.
IN_CARD = "in_card"


def card_page_url(request, meeting_pk: int, anchor: str) -> str:
    """The page a card's plain POST goes back to: the live control's companion (``?on=live``) or the editor."""
    if request.GET.get("on") == LIVE:
        return reverse("meetings:meeting-live-control", args=[meeting_pk]) + "#live-minutes"
    return editor_url(meeting_pk, anchor)


def card_page(request) -> str:
    return LIVE if request.GET.get("on") == LIVE else ""


def next_entry_url(meeting_pk: int, kind_name: str, key: str, on: str = "") -> str:
    """Where a plain POST that added an entry goes: the card again, with an empty form for the next one open."""
    if on == LIVE:
        url = reverse("meetings:meeting-live-control", args=[meeting_pk])
        return f"{url}?{urlencode({'add': kind_name})}#live-minutes"
    url = reverse("meetings:meeting-minutes-edit", args=[meeting_pk])
    return f"{url}?{urlencode({'add': f'{kind_name}-{key}'})}#item-{key}"


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
    # A new entry is one line: these fields, the rest folded away; ``text_field`` is the one typed into first, a
    # one-line input in which Enter saves.
    quick_fields: tuple[str, ...] = ()
    text_field: str = ""

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
        ("speaker", "summary"),
        "summary",
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
        ("text",),
        "text",
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
        ("title", "responsible_organization", "due_on"),
        "title",
    ),
}


def entry_kind_of(model) -> EntryKind:
    return next(kind for kind in ENTRY_KINDS.values() if kind.model is model)


def new_entry_prefix(kind: EntryKind, key: str) -> str:
    return f"new-{kind.name}-{key}"


def new_entry_form(
    kind: EntryKind, meeting, item: AgendaItem | None, data=None, *, prefix: str | None, focus=True, in_card=True
):
    """A new statement, decision or follow-up action as a card offers it: its text is one line (Enter saves it),
    the speaker is the item's presenter and the action goes to the item's lead organisation until changed."""
    form = kind.form_class(data, meeting=meeting, prefix=prefix)
    if item is not None:
        if in_card:
            form.fields["agenda_item"].widget = forms.HiddenInput()  # added in the item's own card
        if data is None:
            form.initial["agenda_item"] = item.pk
            if kind.name == "statement":
                form.initial["speaker"] = services.default_speaker(item)
            elif kind.name == "action":
                form.initial["responsible_organization"] = services.default_responsible_organization(item)
    text = form.fields[kind.text_field]
    if isinstance(text.widget, forms.Textarea):
        text.widget = forms.TextInput(attrs={"autocomplete": "off"})
    if focus:
        text.widget.attrs["autofocus"] = True
    return form


def new_entry_context(kind: EntryKind, meeting, form, item_id: int | None, on: str = "") -> dict:
    """What the editor's entry_form fragment shows for a new entry in a card."""
    query = {"item": item_id} if item_id else {}
    if on:
        query["on"] = on
    post_url = reverse(f"meetings:{kind.name}-create", args=[meeting.pk])
    return {
        "meeting": meeting,
        "form": form,
        "entry": None,
        "kind": kind,
        "in_card": True,
        "post_url": f"{post_url}?{urlencode(query)}" if query else post_url,
        "cancel_url": f"{post_url}?{urlencode({**query, 'cancel': 1})}",
        "key": str(item_id) if item_id else GENERAL,
        "their_values": [],
    }


@dataclass
class EntryList:
    kind: EntryKind
    key: str  # the card: an agenda item's id, or GENERAL
    entries: list
    meeting_pk: int
    open_form: dict | None = None  # a new entry's form shown open (new_entry_context), on a page without htmx

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
    comments: list = field(default_factory=list)  # the attending organisations' comments on the circulated draft

    @property
    def key(self) -> str:
        return str(self.item.pk) if self.item else GENERAL

    @property
    def anchor(self) -> str:
        return card_anchor(self.item.pk if self.item else None)


def minutes_cards(
    meeting,
    user,
    *,
    item_ids=None,
    bound_forms: dict | None = None,
    open_forms: dict | None = None,
    focus: str = "",
    on: str = "",
) -> list[Card]:
    """The cards of ``meeting``'s minutes: one per agenda item and one for the entries tied to none (the editor), or
    only the items ``item_ids`` (the live control's companion). ``open_forms`` names the new-entry forms shown open,
    (kind name, card key) -> the form's context as posted, or None for an empty one; ``bound_forms`` the item text
    forms to show as posted (item id -> form); ``focus`` the kind whose empty form has the focus."""
    open_forms = open_forms or {}
    bound_forms = bound_forms or {}
    items = meeting.agenda_items.order_by("position", "id").select_related(
        "presenter__organization", "lead_organization"
    )
    entries = {
        "statement": meeting.statements.select_related("speaker", "organization", "source_document"),
        "decision": meeting.decisions.all(),
        "action": meeting.action_items.select_related("responsible_organization", "owner").order_by("due_on", "id"),
    }
    if item_ids is not None:
        items = items.filter(pk__in=item_ids)
        entries = {name: rows.filter(agenda_item__in=item_ids) for name, rows in entries.items()}
    items = list(items.prefetch_related(services.carried_actions(user)))
    by_card = defaultdict(lambda: defaultdict(list))
    for name, rows in entries.items():
        for entry in rows:
            by_card[str(entry.agenda_item_id) if entry.agenda_item_id else GENERAL][name].append(entry)
    cards = []
    for item in items:
        card = Card(item=item, form=bound_forms.get(item.pk) or ItemMinutesForm(instance=item))
        card.carried = [(action, ActionReviewForm(action=action)) for action in item.carried_actions]
        cards.append(card)
    if item_ids is None:
        cards.append(Card(item=None, form=None))
    for card in cards:
        for name, kind in ENTRY_KINDS.items():
            entry_list = EntryList(kind, card.key, by_card[card.key][name], meeting.pk)
            if (name, card.key) in open_forms and not meeting.minutes_published:
                entry_list.open_form = open_forms[name, card.key]
                if entry_list.open_form is None:
                    prefix = new_entry_prefix(kind, card.key)
                    form = new_entry_form(kind, meeting, card.item, prefix=prefix, focus=name == focus)
                    entry_list.open_form = new_entry_context(kind, meeting, form, card.item and card.item.pk, on)
            card.lists.append(entry_list)
    return cards
