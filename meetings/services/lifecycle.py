"""A meeting's own life: saving it, announcing it, the next step offered, deleting a draft."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from common import events
from meetings.models import (
    LifecycleStage,
    Meeting,
    MeetingStatus,
)
from meetings.services._common import _with_history_user, claim_meeting_version


def start_needs_confirmation(starts_at, *, stored_start=None) -> bool:
    """A start before now is confirmed by the user (a typo can move a meeting into the past and mark it held); an
    unchanged start of an existing meeting is not asked about again."""
    return starts_at < timezone.now() and starts_at != stored_start


@transaction.atomic
def announce_meeting(*, meeting: Meeting, user=None) -> Meeting:
    """Draft -> announced: from now on everyone who may read meetings sees it. Announcing twice changes nothing."""
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if meeting.announced_at is None:
        meeting.announced_at = timezone.now()
        _with_history_user(meeting, user).save(update_fields=["announced_at", "updated"])
        events.publish_event(events.MEETING_ANNOUNCED, meeting)
    return meeting


@dataclass(frozen=True)
class NextStep:
    """The one thing to do next on a meeting, offered as the primary button of its page."""

    label: str
    url_name: str  # reversed with the meeting's pk
    post: bool = False


def next_step(meeting: Meeting) -> NextStep | None:
    """draft: invite (which announces); in progress: attendance; held: minutes; minutes written: publish."""
    stage = meeting.lifecycle_stage
    if stage == LifecycleStage.DRAFT:
        return NextStep(_("Invite and announce"), "meetings:meeting-invitations")
    if stage == LifecycleStage.IN_PROGRESS:
        return NextStep(_("Record attendance"), "meetings:meeting-participants")
    if stage == LifecycleStage.HELD:
        return NextStep(_("Write the minutes"), "meetings:meeting-minutes-edit")
    if stage in (LifecycleStage.MINUTES_DRAFT, LifecycleStage.MINUTES_CIRCULATED):
        return NextStep(_("Publish the minutes"), "meetings:meeting-minutes-publish")
    return None


def deletion_refusal(meeting: Meeting) -> str:
    """Why the meeting may not be deleted, or "" when it may: only a draft nobody was told about, with no minutes."""
    if not meeting.is_draft:
        return _("The meeting has been announced, so it cannot be deleted; cancel it instead.")
    if meeting.invitations.exists() or meeting.participations.filter(invitation_sent_at__isnull=False).exists():
        return _("Invitations to this meeting have been sent, so it cannot be deleted; cancel it instead.")
    if (
        meeting.is_held
        or meeting.minutes_summary.strip()
        or meeting.agenda_items.exclude(discussion_summary="").exists()
        or meeting.statements.exists()
        or meeting.decisions.exists()
        or meeting.action_items.exists()
        or meeting.action_updates.exists()
    ):
        return _("The meeting has minutes, so it cannot be deleted.")
    return ""


@transaction.atomic
def delete_draft_meeting(*, meeting: Meeting, user=None) -> None:
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    refusal = deletion_refusal(meeting)
    if refusal:
        raise ValidationError(refusal)
    _with_history_user(meeting, user).delete()


def save_meeting(*, meeting: Meeting, expected_version: int | None, user=None) -> Meeting:
    """Validate and save a new meeting (expected_version None) or an edited one (checked against its version)."""
    meeting.full_clean()
    with transaction.atomic():
        stored_status = None
        if meeting.pk is not None:
            claim_meeting_version(meeting, expected_version)
            stored_status = Meeting.objects.filter(pk=meeting.pk).values_list("status", flat=True).first()
        _with_history_user(meeting, user).save()
        # A draft (never announced) meeting is the secretariat's own: the world hears of it once it is announced.
        if stored_status is not None and meeting.announced_at is not None:
            cancelled = meeting.status == MeetingStatus.CANCELLED and stored_status != MeetingStatus.CANCELLED
            events.publish_event(events.MEETING_CANCELLED if cancelled else events.MEETING_CHANGED, meeting)
    return meeting
