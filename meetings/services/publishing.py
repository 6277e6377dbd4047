"""Publishing and reopening the minutes, and applying the reviews of carried actions on publication."""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F, OuterRef, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from common import events
from common.versioning import claim_version as _claim_version
from meetings.models import (
    ActionItem,
    ActionUpdate,
    Meeting,
    MinutesStatus,
)
from meetings.notifications import delivery
from meetings.notifications.recipients import MINUTES_MAIL_VERSION, ensure_recipients, meeting_recipients
from meetings.services._common import _with_history_user, claim_meeting_version


def _check_publisher(user) -> None:
    if not user.has_perm("meetings.publish_minutes"):
        raise PermissionDenied(_("Only the secretariat may publish or reopen minutes."))


def publication_refusal(meeting: Meeting) -> str:
    """Why the minutes of ``meeting`` cannot be published now, or "" if they can."""
    if meeting.minutes_published:
        return _("The minutes are already published.")
    if not (meeting.is_held and meeting.has_started):
        return _("Minutes are published after the meeting: once it has ended or its attendance is recorded.")
    return ""


def mark_published(meeting: Meeting, user) -> None:
    """Set the published state on ``meeting`` (unsaved): by publishing, or by the approval of circulated minutes."""
    meeting.minutes_status = MinutesStatus.PUBLISHED
    meeting.minutes_published_at = timezone.now()
    meeting.minutes_published_by = user
    meeting.minutes_publications += 1


REOPEN_REASON_MAX_LENGTH = 100  # django-simple-history's history_change_reason


@dataclass
class Publication:
    meeting: Meeting
    announced_to: int  # how many people the announcement (or correction notice) e-mail was written for


@transaction.atomic
def publish_minutes(
    *, meeting: Meeting, user, correction_notice: bool = False, expected_recipients: str | None = None
) -> Publication:
    """Draft (or circulated) -> published, recording who published them and when.

    The first publication e-mails the meeting's participants a link (meetings.notifications.delivery) through the
    outbox, sent by the task queue's worker once the transaction commits; a rolled-back publication sends nothing.
    Publishing again after a reopening is a correction: it e-mails a short notice with the reopening's reason when
    ``correction_notice``, otherwise nothing (the participants were told about these minutes already).
    ``expected_recipients`` is the confirmation screen's ``recipients_token``: when the people the mail would go to
    changed since, ``RecipientsChanged`` is raised and nothing is published. Correcting approved minutes records a
    new version with that reason (meetings.services.approval); publishing minutes not yet approved puts their
    approval on the next meeting's agenda.
    """
    from meetings.services import approval

    _check_publisher(user)
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    refusal = publication_refusal(meeting)
    if refusal:
        raise ValidationError(refusal)
    is_correction = meeting.minutes_publications > 0
    recipients = None
    if not is_correction or correction_notice:
        recipients = meeting_recipients(meeting)
        ensure_recipients(recipients, expected_recipients, version=MINUTES_MAIL_VERSION[is_correction])
    mark_published(meeting, user)
    claim_meeting_version(meeting, meeting.version)
    meeting.full_clean()
    _with_history_user(meeting, user).save()
    apply_reviews(meeting=meeting, user=user)
    events.publish_event(events.MINUTES_PUBLISHED, meeting)
    if meeting.minutes_approved:
        approval.record_minutes_version(meeting=meeting, user=user, reason=meeting.minutes_reopen_reason)
    else:
        approval.add_approval_item(meeting=meeting, user=user)
    if not is_correction:
        mails = delivery.announce_published_minutes(meeting=meeting, recipients=recipients)
    elif correction_notice:
        mails = delivery.announce_corrected_minutes(meeting=meeting, recipients=recipients)
    else:
        mails = []
    return Publication(meeting=meeting, announced_to=len(mails))


def apply_reviews(*, meeting: Meeting, user=None) -> int:
    """Give each action reviewed at ``meeting`` the status (and new due date) the meeting decided: called when its
    minutes are published, since what draft minutes record is seen by no one but the secretariat. A review that is
    no longer the action's latest entry (progress was reported after it) is kept in the history but not applied.
    Returns how many actions changed."""
    latest = ActionUpdate.objects.filter(action=OuterRef("action")).order_by("-noted_on", "-id").values("pk")[:1]
    reviews = (
        ActionUpdate.objects.filter(meeting=meeting)
        .annotate(latest_pk=Subquery(latest))
        .filter(pk=F("latest_pk"))
        .select_related("action")
    )
    changed = 0
    for review in reviews:
        action = review.action
        fields = []
        if action.status != review.status:
            action.status = review.status
            fields.append("status")
        if review.new_due_on and action.due_on != review.new_due_on:
            action.due_on = review.new_due_on
            fields.append("due_on")
        if fields:
            action.version = _claim_version(ActionItem, action.pk, action.version)
            _with_history_user(action, user).save(update_fields=[*fields, "version", "updated"])
            if "status" in fields:
                events.publish_event(events.ACTION_STATUS_CHANGED, action)
            changed += 1
    return changed


@transaction.atomic
def reopen_minutes(*, meeting: Meeting, user, reason: str) -> Meeting:
    """Published -> draft, so the secretariat can correct them; the history keeps the published state and the
    reason given (the history record's change reason)."""
    _check_publisher(user)
    reason = " ".join((reason or "").split())
    if not reason:
        raise ValidationError({"reason": _("Say why the minutes are reopened: the history keeps the reason.")})
    if len(reason) > REOPEN_REASON_MAX_LENGTH:
        raise ValidationError(
            {
                "reason": ngettext(
                    "Keep the reason under %(limit)d character.",
                    "Keep the reason under %(limit)d characters.",
                    REOPEN_REASON_MAX_LENGTH,
                )
                % {"limit": REOPEN_REASON_MAX_LENGTH}
            }
        )
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if not meeting.minutes_published:
        raise ValidationError(_("The minutes are not published."))
    meeting.minutes_status = MinutesStatus.DRAFT
    meeting.minutes_published_at = None
    meeting.minutes_published_by = None
    meeting.minutes_reopen_reason = reason
    claim_meeting_version(meeting, meeting.version)
    meeting.full_clean()
    meeting._change_reason = reason
    _with_history_user(meeting, user).save()
    return meeting
