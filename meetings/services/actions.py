"""Follow-up actions: carrying them to the review, reviewing them, their progress updates."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from common import events
from common.i18n import content_languages, writer_language
from common.roles import is_secretariat
from common.versioning import claim_version as _claim_version
from meetings.models import (
    ActionItem,
    ActionStatus,
    ActionUpdate,
    AgendaItem,
    Meeting,
    ReviewOutcome,
)
from meetings.services._common import _with_history_user
from meetings.services.minutes import ensure_minutes_editable
from stakeholders.models import may_report_for


def carried_actions(user, lookup: str = "actions_to_review") -> models.Prefetch:
    """Prefetch the actions carried to agenda items (``lookup`` from the queryset at hand) as
    ``item.carried_actions``: only those ``user`` may read (draft-minutes rules), with their latest progress."""
    actions = (
        ActionItem.objects.visible_to(user)
        .select_related("responsible_organization", "owner", "meeting")
        .with_latest_update(user)
        .order_by("due_on", "id")
    )
    return models.Prefetch(lookup, queryset=actions, to_attr="carried_actions")


def review_carried_action(
    *,
    meeting: Meeting,
    action: ActionItem,
    user,
    outcome: str,
    expected_version: int,
    due_on: datetime.date | None = None,
    note: str = "",
) -> ActionUpdate:
    """Record what ``meeting`` decided about an action carried to it: done, continued with a new due date, or
    dropped. The entry belongs to the meeting (``ActionUpdate.meeting``), so it is part of its minutes."""
    if not is_secretariat(user):
        raise PermissionDenied(_("Only the secretariat records the review of follow-up actions."))
    ensure_minutes_editable(meeting)
    carried = AgendaItem.actions_to_review.through.objects.filter(agendaitem__meeting=meeting, actionitem=action)
    if not carried.exists():
        raise ValidationError(_("This action is not carried to this meeting's review of follow-up actions."))
    if outcome not in ReviewOutcome.values:
        raise ValidationError({"outcome": _("Choose done, continued or dropped.")})
    status = {ReviewOutcome.DONE: ActionStatus.DONE, ReviewOutcome.DROPPED: ActionStatus.DROPPED}.get(outcome)
    if outcome == ReviewOutcome.CONTINUED:
        if due_on is None:
            raise ValidationError({"due_on": _("Give the new due date of a continued action.")})
        if due_on < meeting.local_start.date():
            raise ValidationError({"due_on": _("The new due date cannot be before this meeting.")})
        status = action.status if action.is_open else ActionStatus.IN_PROGRESS
    noted_on = min(meeting.local_start.date(), timezone.localdate())
    # The minutes are a draft (ensure_minutes_editable): the review is recorded now and takes effect on the action
    # (its status, its due date) when they are published (apply_reviews), so participants see neither before.
    return record_action_update(
        action=action,
        user=user,
        status=status,
        note=note,
        noted_on=noted_on,
        expected_version=expected_version,
        meeting=meeting,
        new_due_on=due_on if outcome == ReviewOutcome.CONTINUED else None,
        takes_effect=False,
    )


def default_responsible_organization(item: AgendaItem | None):
    """Which organisation a follow-up action agreed under ``item`` is first given to: the item's lead organisation,
    or else its presenter's; the secretariat changes it in the same line or afterwards."""
    if item is None:
        return None
    if item.lead_organization_id:
        return item.lead_organization
    return item.presenter.organization if item.presenter_id else None


def save_action(*, action: ActionItem, expected_version: int | None, user=None) -> ActionItem:
    """Create (expected_version None) or edit a follow-up action; ActionItem.clean checks due date and owner."""
    action.full_clean()
    with transaction.atomic():
        created = action.pk is None
        stored_status = None
        if not created:
            action.version = _claim_version(ActionItem, action.pk, expected_version)
            stored_status = ActionItem.objects.filter(pk=action.pk).values_list("status", flat=True).first()
        _with_history_user(action, user).save()
        if created:
            events.publish_event(events.ACTION_CREATED, action)
        elif stored_status != action.status:
            events.publish_event(events.ACTION_STATUS_CHANGED, action)
    return action


def can_update_action(user, action: ActionItem) -> bool:
    """The secretariat may update any action; a participant only those of their own organisation (access policy)."""
    return may_report_for(user, action.responsible_organization_id)


def action_update_refusal(user, action: ActionItem) -> str:
    """Why ``user`` cannot record progress on ``action``, or "" when they can. A unit's people see their parent's
    actions (the roll-up) but report only on their own organisation's."""
    if can_update_action(user, action):
        return ""
    return _("This action belongs to %(organization)s; its contacts report progress on it.") % {
        "organization": action.responsible_organization.display_name
    }


def action_statuses_for(user, action: ActionItem) -> list[str]:
    """The statuses ``user`` may give ``action``: the secretariat any; the responsible organisation's people report
    progress and completion, but only the secretariat drops an action or reopens one that is done or dropped."""
    if is_secretariat(user):
        return list(ActionStatus.values)
    if action.status in (ActionStatus.DONE, ActionStatus.DROPPED):
        return [action.status]
    return [ActionStatus.OPEN, ActionStatus.IN_PROGRESS, ActionStatus.DONE]


def record_action_update(
    *,
    action: ActionItem,
    user,
    status: str,
    note: str = "",
    noted_on: datetime.date | None = None,
    expected_version: int,
    meeting: Meeting | None = None,
    new_due_on: datetime.date | None = None,
    takes_effect: bool = True,
    source_language: str = "",
) -> ActionUpdate:
    """Record a dated status change or progress note and set the action's status (unless ``takes_effect`` is
    False: a review in draft minutes, applied at their publication by ``apply_reviews``)."""
    if not can_update_action(user, action):
        raise PermissionDenied(_("You may only update the actions of your own organisation."))
    noted_on = noted_on or timezone.localdate()
    if noted_on > timezone.localdate():
        raise ValidationError({"noted_on": _("The date of an update cannot be in the future.")})
    if status not in ActionStatus.values:
        raise ValidationError({"status": _("Choose a valid status.")})
    if status not in action_statuses_for(user, action):
        raise ValidationError(
            {"status": _("Only the secretariat can drop an action or reopen one that is done or dropped.")}
        )
    update = ActionUpdate(
        action=action,
        status=status,
        note=note,
        # Unless the writer says otherwise, a note is in the language of the page it was typed on.
        source_language=source_language if source_language in content_languages() else writer_language(),
        noted_on=noted_on,
        meeting=meeting,
        new_due_on=new_due_on,
        author=user,
    )
    update.full_clean()
    with transaction.atomic():
        action.version = _claim_version(ActionItem, action.pk, expected_version)
        if takes_effect:
            changed = action.status != status
            action.status = status
            _with_history_user(action, user).save(update_fields=["status", "version", "updated"])
            if changed:
                events.publish_event(events.ACTION_STATUS_CHANGED, action)
        _with_history_user(update, user).save()
    return update
