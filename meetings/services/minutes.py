"""Writing the minutes: the meeting's summary and each agenda item's minutes, while not yet published."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from common.versioning import claim_version as _claim_version
from meetings.models import (
    AgendaItem,
    Meeting,
)
from meetings.services._common import _with_history_user, claim_meeting_version


def ensure_minutes_editable(meeting: Meeting) -> None:
    if meeting.minutes_locked:
        raise ValidationError(
            _(
                "The minutes were approved at the %(ordinal)s meeting and are locked. To correct them, reopen them "
                "with the reason: the correction becomes a new version, and the approved text stays readable."
            )
            % {"ordinal": meeting.minutes_approved_at_meeting.ordinal}
        )
    if meeting.minutes_published:
        raise ValidationError(_("The minutes are published; reopen them before changing them."))


@transaction.atomic
def save_minutes(
    *,
    meeting: Meeting,
    minutes_summary: str,
    item_minutes: dict[int, tuple[str, str]],
    expected_version: int,
    user=None,
    summary_translations: dict[str, str] | None = None,
    item_translations: dict[int, dict[str, str]] | None = None,
) -> Meeting:
    """Save the meeting's summary and, per agenda item id, its (discussion summary, outcome).

    The optional Russian and Uzbek versions come as field name -> text: ``{"minutes_summary_ru": ...}`` for the
    meeting, ``{item_id: {"discussion_summary_uz": ...}}`` for the items.
    """
    ensure_minutes_editable(meeting)
    claim_meeting_version(meeting, expected_version)
    meeting.minutes_summary = minutes_summary
    for field, text in (summary_translations or {}).items():
        setattr(meeting, field, text)
    meeting.full_clean()
    _with_history_user(meeting, user).save()
    item_translations = item_translations or {}
    for item in AgendaItem.objects.filter(meeting=meeting, pk__in=item_minutes):
        discussion_summary, outcome = item_minutes[item.pk]
        translations = item_translations.get(item.pk, {})
        changed = any(getattr(item, field) != text for field, text in translations.items())
        if changed or (item.discussion_summary, item.outcome) != (discussion_summary, outcome):
            item.discussion_summary, item.outcome = discussion_summary, outcome
            for field, text in translations.items():
                setattr(item, field, text)
            item.full_clean()
            # A card open in the minutes editor is based on the item's version: it sees this save as a conflict.
            item.version = _claim_version(AgendaItem, item.pk, item.version)
            _with_history_user(item, user).save()
    return meeting


ITEM_MINUTES_FIELDS = AgendaItem.MINUTES_FIELDS


@transaction.atomic
def save_item_minutes(*, item: AgendaItem, expected_version: int, texts: dict[str, str], user=None) -> AgendaItem:
    """Save one agenda item's minutes (``texts``: discussion summary, outcome and their translations, by field
    name), refused with EditConflict when someone else saved them since ``expected_version``. The minutes
    editor's cards save this way, one item at a time, automatically as the secretariat types."""
    ensure_minutes_editable(item.meeting)
    unknown = set(texts) - set(ITEM_MINUTES_FIELDS)
    if unknown:
        raise ValueError(f"Not minutes fields: {sorted(unknown)}")
    if all(getattr(item, field) == text for field, text in texts.items()):
        return item  # what is saved already says this: nothing to lose, no history entry
    item.version = _claim_version(AgendaItem, item.pk, expected_version)
    for field, text in texts.items():
        setattr(item, field, text)
    item.full_clean()
    _with_history_user(item, user).save()
    return item
