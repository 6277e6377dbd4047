"""Live mode: the room moves through the agenda, and each item's actual start and end are kept."""

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from meetings.models import AgendaItem, LifecycleStage, Meeting


@dataclass
class LiveState:
    """Where the room stands: the items in order, the one under way (None before the first and after the last),
    and when the room took up its first item."""

    items: list[AgendaItem]
    current: AgendaItem | None
    started_at: datetime.datetime | None

    @property
    def current_index(self) -> int | None:
        return None if self.current is None else self.items.index(self.current)

    @property
    def previous(self) -> AgendaItem | None:
        index = self.current_index
        return self.items[index - 1] if index else None

    @property
    def next(self) -> AgendaItem | None:
        """The item "Next" moves to: after the current one, or the first before the room began."""
        index = self.current_index
        if index is None:
            return None if self.finished else (self.items[0] if self.items else None)
        return self.items[index + 1] if index + 1 < len(self.items) else None

    @property
    def coming(self) -> list[AgendaItem]:
        """The items after the current one (every item not taken up yet, before the room began)."""
        index = self.current_index
        if index is None:
            return [] if self.finished else self.items
        return self.items[index + 1 :]

    @property
    def finished(self) -> bool:
        """Every item was taken up and the last one ended."""
        return bool(self.items) and self.current is None and all(item.ended_at for item in self.items)

    @property
    def planned_total_minutes(self) -> int:
        return sum(item.planned_minutes or 0 for item in self.items)


def room_tools_offered(meeting: Meeting) -> bool:
    """The door's check-in and live mode are offered while the meeting is announced or under way, until it ends by
    the clock. The first check-in at the door records attendance, which makes the meeting held (and the minutes may
    be written while it runs): neither closes the room while people still arrive and the agenda moves on."""
    stage = meeting.lifecycle_stage
    if stage in (LifecycleStage.ANNOUNCED, LifecycleStage.IN_PROGRESS):
        return True
    return stage in (LifecycleStage.HELD, LifecycleStage.MINUTES_DRAFT) and not meeting.has_ended


def live_state(meeting: Meeting, user=None) -> LiveState:
    """The meeting's live state from its agenda items (one query): every item for the room's control, or the items
    ``user`` may read (an item kept to the secretariat is not shown to the room while it is taken up)."""
    items = meeting.agenda_items.select_related("presenter__organization", "lead_organization")
    if user is not None:
        items = items.readable_by(user)
    items = list(items.order_by("position", "id"))
    current = next((item for item in items if item.started_at and not item.ended_at), None)
    starts = [item.started_at for item in items if item.started_at]
    return LiveState(items=items, current=current, started_at=min(starts) if starts else None)


def stale_move_error() -> ValidationError:
    return ValidationError(
        _("Someone else moved the room on meanwhile: this page now shows where it stands. Nothing was changed.")
    )


@transaction.atomic
def move_to_item(*, meeting: Meeting, from_item_id: int | None, to_item_id: int | None) -> LiveState:
    """End the item under way (its actual end is now) and take up ``to_item_id`` (its actual start is now, the first
    time it is taken up; taken up again, it runs on from that start). ``to_item_id`` None ends the item under way
    without taking up another (the last item is over).

    ``from_item_id`` is the item the user saw under way (None: none): when the room has moved since (another device
    of the secretariat pressed "Next" first), nothing changes and the move is refused, so two presses never skip an
    item."""
    Meeting.objects.select_for_update().filter(pk=meeting.pk).first()  # one move at a time per meeting
    state = live_state(meeting)
    current_id = state.current.pk if state.current else None
    if current_id != from_item_id:
        raise stale_move_error()
    target = next((item for item in state.items if item.pk == to_item_id), None)
    if to_item_id is not None and target is None:
        raise ValidationError(_("That item is not on this meeting's agenda."))
    if target is not None and target.pk == current_id:
        return state
    now = timezone.now()
    # Written with update(): the actual times are not an edit of the agenda, so the agenda's and the minutes'
    # versions (which guard the editors open meanwhile) stay as they are.
    if state.current is not None:
        AgendaItem.objects.filter(pk=state.current.pk).update(ended_at=now)
    if target is not None:
        AgendaItem.objects.filter(pk=target.pk).update(started_at=target.started_at or now, ended_at=None)
    return live_state(meeting)
