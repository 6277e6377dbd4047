"""The secretariat's meeting cycle as service functions, one module per capability: each one validates, saves and
records history in a transaction.

Lost updates are prevented with a version number: the agenda, the minutes and the meeting's own fields share
``Meeting.version``, a follow-up action has ``ActionItem.version``. A save names the version it was based on and
is refused with ``EditConflict`` when someone else has saved in between (``UPDATE ... WHERE version = N``).

The package re-exports every module's public names, so ``from meetings import services; services.publish_minutes(...)``
reads the same as before the split; new code may import from the capability's module.
"""

from meetings.services._common import ATTENDANCE_OUTCOMES, STILL_OPEN, claim_meeting_version
from meetings.services.actions import (
    action_statuses_for,
    action_update_refusal,
    can_update_action,
    carried_actions,
    record_action_update,
    review_carried_action,
    save_action,
)
from meetings.services.agenda import add_agenda_item, move_agenda_item, remove_agenda_item, save_agenda_item
from meetings.services.attendance import (
    EDITABLE_ROW_FIELDS,
    AttendanceRecorded,
    RowChange,
    RowConflict,
    attendance_by_organization,
    expected_to_attend,
    record_attendance,
    record_walk_in,
    set_headcount,
)
from meetings.services.invitations import (
    InvitationState,
    InvitedOrganization,
    Invitee,
    add_named_participant,
    invitation_register,
    invite_organizations,
    reply_counts,
)
from meetings.services.lifecycle import (
    NextStep,
    announce_meeting,
    delete_draft_meeting,
    deletion_refusal,
    next_step,
    save_meeting,
    start_needs_confirmation,
)
from meetings.services.minutes import ITEM_MINUTES_FIELDS, ensure_minutes_editable, save_item_minutes, save_minutes
from meetings.services.preparing import (
    DEFAULT_INTERVAL,
    DEFAULT_MEETING_HOURS,
    REVIEW_OF_ACTIONS_TITLE,
    CarryOver,
    NextMeetingPreview,
    default_duration,
    default_start,
    is_latest_held,
    latest_held_meeting,
    next_meeting_number,
    planned_meetings,
    prepare_next_meeting,
    preview_next_meeting,
)
from meetings.services.publishing import (
    REOPEN_REASON_MAX_LENGTH,
    Publication,
    apply_reviews,
    publication_refusal,
    publish_minutes,
    reopen_minutes,
)
from meetings.services.replies import (
    BEFORE_THE_MEETING,
    OrganizationAnswer,
    answer_for_organization,
    is_invited,
    organization_answer,
    organization_reply_refusal,
    record_rsvp,
    rsvp_link_refusal,
    rsvp_refusal,
)
from meetings.services.statements import delete_minutes_entry, save_decision, save_statement

__all__ = [
    "ATTENDANCE_OUTCOMES",
    "BEFORE_THE_MEETING",
    "DEFAULT_INTERVAL",
    "DEFAULT_MEETING_HOURS",
    "EDITABLE_ROW_FIELDS",
    "ITEM_MINUTES_FIELDS",
    "REOPEN_REASON_MAX_LENGTH",
    "REVIEW_OF_ACTIONS_TITLE",
    "STILL_OPEN",
    "AttendanceRecorded",
    "CarryOver",
    "InvitationState",
    "InvitedOrganization",
    "Invitee",
    "NextMeetingPreview",
    "NextStep",
    "OrganizationAnswer",
    "Publication",
    "RowChange",
    "RowConflict",
    "action_statuses_for",
    "action_update_refusal",
    "add_agenda_item",
    "add_named_participant",
    "announce_meeting",
    "answer_for_organization",
    "apply_reviews",
    "attendance_by_organization",
    "can_update_action",
    "carried_actions",
    "claim_meeting_version",
    "default_duration",
    "default_start",
    "delete_draft_meeting",
    "delete_minutes_entry",
    "deletion_refusal",
    "ensure_minutes_editable",
    "expected_to_attend",
    "invitation_register",
    "invite_organizations",
    "is_invited",
    "is_latest_held",
    "latest_held_meeting",
    "move_agenda_item",
    "next_meeting_number",
    "next_step",
    "organization_answer",
    "organization_reply_refusal",
    "planned_meetings",
    "prepare_next_meeting",
    "preview_next_meeting",
    "publication_refusal",
    "publish_minutes",
    "record_action_update",
    "record_attendance",
    "record_rsvp",
    "record_walk_in",
    "remove_agenda_item",
    "reopen_minutes",
    "reply_counts",
    "review_carried_action",
    "rsvp_link_refusal",
    "rsvp_refusal",
    "save_action",
    "save_agenda_item",
    "save_decision",
    "save_item_minutes",
    "save_meeting",
    "save_minutes",
    "save_statement",
    "set_headcount",
    "start_needs_confirmation",
]
