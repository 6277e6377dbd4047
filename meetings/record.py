"""The minutes as a record per agenda item: under each numbered item its statements, decisions, follow-up actions
and (for the review of follow-up actions) what the meeting decided about each carried action. The meeting page,
the print view and the PDF show this one structure (templates/meetings/partials/minutes_record.html)."""

from dataclasses import dataclass, field

from meetings.models import ActionUpdate, AgendaItem, Meeting


@dataclass
class CarriedActionReview:
    action: object
    review: ActionUpdate | None  # None: carried to the meeting, nothing recorded about it yet


@dataclass
class ItemRecord:
    number: int | None  # the item's number on the agenda; None for entries tied to no item
    item: AgendaItem | None
    statements: list = field(default_factory=list)
    decisions: list = field(default_factory=list)
    actions: list = field(default_factory=list)
    carried: list[CarriedActionReview] = field(default_factory=list)

    @property
    def has_entries(self) -> bool:
        return bool(self.statements or self.decisions or self.actions or self.carried)

    @property
    def has_content(self) -> bool:
        item = self.item
        return self.has_entries or bool(item and (item.discussion_summary or item.outcome))


def minutes_record(meeting: Meeting, reviews) -> list[ItemRecord]:
    """The record of ``meeting`` from what its querysets prefetched (agenda items with ``carried_actions``,
    statements, decisions, action items; all already filtered for the reader), in agenda order, items without
    content left out, entries tied to no item last. ``reviews``: the meeting's review entries (ActionUpdate)."""
    items = list(meeting.agenda_items.all())
    records = {item.pk: ItemRecord(number, item) for number, item in enumerate(items, start=1)}
    loose = ItemRecord(None, None)

    def record_of(entry) -> ItemRecord:
        return records.get(entry.agenda_item_id, loose)

    for statement in meeting.statements.all():
        record_of(statement).statements.append(statement)
    for decision in meeting.decisions.all():
        record_of(decision).decisions.append(decision)
    for action in meeting.action_items.all():
        record_of(action).actions.append(action)
    review_of = {review.action_id: review for review in sorted(reviews, key=lambda review: review.pk)}
    for item in items:
        if item.reviews_follow_up_actions:
            records[item.pk].carried = [
                CarriedActionReview(action, review_of.get(action.pk)) for action in getattr(item, "carried_actions", ())
            ]
    for record in records.values():
        record.decisions.sort(key=_by_number)
        record.actions.sort(key=_by_number)
    loose.decisions.sort(key=_by_number)
    loose.actions.sort(key=_by_number)
    shown = [record for record in records.values() if record.has_content]
    return shown + ([loose] if loose.has_entries else [])


def _by_number(entry):
    return (entry.reference_number is None, entry.reference_number or 0, entry.pk)


def meeting_reviews(meeting: Meeting, user) -> list[ActionUpdate]:
    """What ``meeting`` decided about the actions carried to it, as ``user`` may read it (one query)."""
    return list(ActionUpdate.objects.visible_to(user).filter(meeting=meeting).order_by("id"))
