"""Statements and decisions recorded in the minutes, and deleting any minutes entry."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from common.versioning import claim_version as _claim_version
from meetings.models import (
    ActionItem,
    AgendaItem,
    Decision,
    Statement,
)
from meetings.services._common import _with_history_user
from meetings.services.minutes import ensure_minutes_editable


def default_speaker(item: AgendaItem | None):
    """Who a new statement under ``item`` is first attributed to: the item's presenter (an active contact), who
    usually speaks to it; the secretariat changes it when someone else spoke."""
    presenter = item.presenter if item is not None and item.presenter_id else None
    return presenter if presenter is not None and presenter.is_active else None


def save_statement(*, statement: Statement, expected_version: int | None = None, user=None) -> Statement:
    """Create a statement (expected_version None) or edit one, refused with EditConflict if saved in between."""
    ensure_minutes_editable(statement.meeting)
    statement.full_clean()
    with transaction.atomic():
        if statement.pk is not None:
            statement.version = _claim_version(Statement, statement.pk, expected_version)
        elif not statement.position:
            last = statement.meeting.statements.aggregate(last=Max("position"))["last"] or 0
            statement.position = last + 1
        _with_history_user(statement, user).save()
    return statement


def save_decision(*, decision: Decision, expected_version: int | None = None, user=None) -> Decision:
    """Create a decision (expected_version None) or edit one, refused with EditConflict if saved in between."""
    ensure_minutes_editable(decision.meeting)
    decision.full_clean()
    with transaction.atomic():
        if decision.pk is not None:
            decision.version = _claim_version(Decision, decision.pk, expected_version)
        _with_history_user(decision, user).save()
    return decision


def delete_minutes_entry(*, entry: Statement | Decision | ActionItem, user=None) -> None:
    """Remove a statement, decision or follow-up action from draft minutes. An action that already has progress
    entries or is carried to a meeting's review has a record of its own and is kept (drop it instead)."""
    ensure_minutes_editable(entry.meeting)
    if isinstance(entry, ActionItem) and (entry.updates.exists() or entry.reviewed_in_items.exists()):
        raise ValidationError(
            _("This action already has progress or a review recorded, so it is kept: drop it instead of deleting it.")
        )
    _with_history_user(entry, user).delete()
