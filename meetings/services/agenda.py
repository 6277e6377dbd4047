"""The agenda: adding, editing, removing and reordering items against the meeting's version."""

from django.db import transaction
from django.db.models import Max

from meetings.models import (
    AgendaItem,
    Meeting,
)
from meetings.services._common import _with_history_user, claim_meeting_version


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
