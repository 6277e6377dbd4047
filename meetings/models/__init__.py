"""The meetings app's models, one module per aggregate; everything is importable from ``meetings.models``."""

from meetings.models.actions import (  # noqa: F401
    OPEN_ACTION_STATUSES,
    ActionItem,
    ActionItemQuerySet,
    ActionReminder,
    ActionStatus,
    ActionUpdate,
    ReviewOutcome,
)
from meetings.models.agenda import (  # noqa: F401
    REVIEW_OF_ACTIONS_TITLE,
    AgendaItem,
    OutcomeKind,
)
from meetings.models.approval import (  # noqa: F401
    MinutesComment,
    MinutesVersion,
)
from meetings.models.documents import (  # noqa: F401
    Document,
    DocumentKind,
    DocumentQuerySet,
    DocumentVersion,
    document_upload_to,
)
from meetings.models.meeting import (  # noqa: F401
    LIFECYCLE_PATH,
    LifecycleStage,
    Meeting,
    MeetingFormat,
    MeetingQuerySet,
    MeetingStatus,
    MinutesStatus,
    held_meeting_q,
    ordinal,
    sees_draft_meetings,
)
from meetings.models.minutes import (  # noqa: F401
    Decision,
    Statement,
    StatementKind,
)
from meetings.models.participation import (  # noqa: F401
    Invitation,
    MeetingMail,
    MeetingMailKind,
    OrganizationReply,
    Participation,
    ParticipationRole,
    ParticipationStatus,
    Rsvp,
    RsvpAnswer,
)
from meetings.models.series import (  # noqa: F401
    MeetingSeries,
    Topic,
)
