"""The agenda: adding, editing, removing and reordering items against the meeting's version; the planned start of
each item; a presenter who is not yet a stored contact."""

import datetime

from django.db import transaction
from django.db.models import F, Max
from django.utils.translation import gettext as _

from meetings.models import (
    AgendaItem,
    Meeting,
)
from meetings.services._common import _with_history_user, claim_meeting_version
from stakeholders.models import Contact, Organization, OrganizationKind


class StaleAgendaOrder(Exception):
    """The order sent does not name exactly the items the agenda has now: someone added or removed one meanwhile."""

    def __init__(self):
        super().__init__(
            _(
                "The agenda was changed by someone else meanwhile (an item was added or removed), so the new order "
                "was not saved. Here is the current agenda: arrange it again."
            )
        )


def _agenda(meeting: Meeting) -> list[AgendaItem]:
    return list(AgendaItem.objects.filter(meeting=meeting).order_by("position", "id"))


def _renumber(items: list[AgendaItem], user) -> None:
    """Give the items positions 1..n in list order, saving only those that moved.

    The unique (meeting, position) constraint is checked at commit, so positions may collide in between.
    """
    for position, item in enumerate(items, start=1):
        if item.position != position:
            item.position = position
            _with_history_user(item, user).save(update_fields=["position", "updated"])


def add_agenda_item(*, meeting: Meeting, item: AgendaItem, expected_version: int, user=None) -> AgendaItem:
    """Append ``item`` (unsaved) to the end of the meeting's agenda."""
    item.meeting = meeting
    with transaction.atomic():
        claim_meeting_version(meeting, expected_version)
        item.position = (meeting.agenda_items.aggregate(last=Max("position"))["last"] or 0) + 1
        item.full_clean()
        _with_history_user(item, user).save()
    return item


def save_agenda_item(*, item: AgendaItem, expected_version: int, user=None) -> AgendaItem:
    """Save an edited agenda item (including its minutes fields), checked against the meeting's version."""
    item.full_clean()
    with transaction.atomic():
        claim_meeting_version(item.meeting, expected_version)
        _with_history_user(item, user).save()
    return item


@transaction.atomic
def remove_agenda_item(*, item: AgendaItem, expected_version: int, user=None) -> None:
    meeting = item.meeting
    claim_meeting_version(meeting, expected_version)
    _with_history_user(item, user).delete()
    _renumber(_agenda(meeting), user)


@transaction.atomic
def move_agenda_item(*, item: AgendaItem, offset: int, expected_version: int, user=None) -> bool:
    """Move the item ``offset`` places (-1 up, +1 down); False when it is already at that end."""
    meeting = item.meeting
    claim_meeting_version(meeting, expected_version)
    items = _agenda(meeting)
    index = next(index for index, other in enumerate(items) if other.pk == item.pk)
    target = index + offset
    if not 0 <= target < len(items):
        _renumber(items, user)
        return False
    items.insert(target, items.pop(index))
    _renumber(items, user)
    return True


@transaction.atomic
def reorder_agenda(*, meeting: Meeting, item_ids: list[int], user=None) -> bool:
    """Put the meeting's agenda in the order of ``item_ids``, in one go; False when that is the order it has.

    The order is refused (StaleAgendaOrder) unless it names every item of the agenda once and nothing else: an
    order made before someone added or removed an item would otherwise drop or misplace it. Edits of the items'
    texts meanwhile do not make it stale: the order only moves items.
    """
    Meeting.objects.select_for_update().filter(pk=meeting.pk).exists()  # one reorder at a time per meeting
    items = _agenda(meeting)
    by_id = {item.pk: item for item in items}
    if len(item_ids) != len(items) or set(item_ids) != set(by_id):
        raise StaleAgendaOrder()
    ordered = [by_id[item_id] for item_id in item_ids]
    if ordered == items:
        return False
    _renumber(ordered, user)
    Meeting.objects.filter(pk=meeting.pk).update(version=F("version") + 1)
    meeting.refresh_from_db(fields=["version"])
    return True


def planned_starts(meeting: Meeting, items: list[AgendaItem]) -> list[datetime.datetime | None]:
    """When each item (in agenda order) is planned to start, in the meeting's zone: the meeting's start plus the
    planned minutes of the items before it. Unknown (None) after an item without planned minutes."""
    starts = []
    start = meeting.local_start
    for item in items:
        starts.append(start)
        if start is not None and item.planned_minutes is not None:
            start = start + datetime.timedelta(minutes=item.planned_minutes)
        else:
            start = None
    return starts


def lay_out_agenda(meeting: Meeting, items, documents=()) -> list[AgendaItem]:
    """The items with what the agenda pages show beside each: ``planned_start`` and ``attached_documents`` (those
    of ``documents`` attached to it, already filtered for the reader)."""
    items = list(items)
    by_item: dict[int, list] = {}
    for document in documents:
        if document.agenda_item_id is not None:
            by_item.setdefault(document.agenda_item_id, []).append(document)
    for item, start in zip(items, planned_starts(meeting, items), strict=True):
        item.planned_start = start
        item.attached_documents = by_item.get(item.pk, [])
    return items


def name_external_presenter(
    *, name: str, organization: Organization | None = None, organization_name: str = "", user=None
) -> Contact:
    """The contact for a presenter typed by name: the active one of that name at the organisation, or a new one
    (without an e-mail). The organisation is the one picked, or the one of the typed name, created if none has it."""
    if organization is None:
        organization = Organization.objects.filter(name__iexact=organization_name.strip()).first()
        if organization is None:
            organization = Organization(name=organization_name.strip(), kind=OrganizationKind.OTHER)
            organization.full_clean()
            _with_history_user(organization, user).save()
    name = name.strip()
    contact = Contact.objects.filter(organization=organization, name__iexact=name, is_active=True).first()
    if contact is None:
        contact = Contact(organization=organization, name=name)
        contact.full_clean()
        _with_history_user(contact, user).save()
    return contact
