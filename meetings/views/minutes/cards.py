"""What the minutes editor's cards hold: one card per agenda item (and one for the entries tied to no item), each
listing its statements, decisions and follow-up actions; and the editor's URLs and anchors."""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.urls import reverse
from django.utils.translation import gettext_lazy

from meetings import services
from meetings.forms import ActionItemForm, DecisionForm, ItemMinutesForm, StatementForm
from meetings.models import ActionItem, AgendaItem, Decision, Statement

GENERAL = "general"  # the card of the entries tied to no agenda item
EDITOR_TEMPLATE = "meetings/minutes_form.html"  # the editor's page, holding the fragments its views answer htmx with


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
    comments: list = field(default_factory=list)  # the attending organisations' comments on the circulated draft

    @property
    def key(self) -> str:
        return str(self.item.pk) if self.item else GENERAL

    @property
    def anchor(self) -> str:
        return card_anchor(self.item.pk if self.item else None)
