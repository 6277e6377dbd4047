"""What every meeting service shares: the meeting's version claim and the history user."""

from common.versioning import claim_version as _claim_version
from meetings.models import Meeting, ParticipationStatus

ATTENDANCE_OUTCOMES = (ParticipationStatus.ATTENDED, ParticipationStatus.ABSENT)
STILL_OPEN = (ParticipationStatus.INVITED, ParticipationStatus.CONFIRMED)


def claim_meeting_version(meeting: Meeting, expected_version: int) -> None:
    meeting.version = _claim_version(Meeting, meeting.pk, expected_version)


def _with_history_user(instance, user):
    if user is not None and user.is_authenticated:
        instance._history_user = user
    return instance
