"""Forms of the secretariat's pages, by capability: a meeting and its agenda (``meetings``), the participation
register (``register``), the minutes (``minutes``) and organisations' replies (``replies``). Dates and times are
entered in the meeting's own time zone."""

from meetings.forms.approval import (
    CirculateMinutesForm,
    ConfirmForm,
    EditCommentForm,
    MinutesCommentForm,
    ResolveCommentForm,
    WithdrawCommentForm,
)
from meetings.forms.meetings import AgendaItemForm, JoinLinkField, MeetingForm, PrepareNextMeetingForm
from meetings.forms.minutes import (
    MAX_FORMSET_ROWS,
    ActionItemForm,
    ActionReviewForm,
    ActionUpdateForm,
    AgendaItemMinutesFormSet,
    DecisionForm,
    ItemMinutesForm,
    ItemMinutesRowForm,
    MinutesForm,
    PublishMinutesForm,
    ReopenMinutesForm,
    StatementForm,
)
from meetings.forms.register import (
    REGISTER_FORM_ID,
    WALK_IN_PREFIX,
    AddParticipantForm,
    AttendanceOptionsForm,
    BaseParticipationFormSet,
    InviteOrganizationsForm,
    KnownRowChoiceField,
    ParticipationFormSet,
    ParticipationRowForm,
    RecipientContactForm,
    WalkInForm,
)
from meetings.forms.replies import AttendeeChoiceField, OrganizationReplyForm

__all__ = [
    "MAX_FORMSET_ROWS",
    "REGISTER_FORM_ID",
    "WALK_IN_PREFIX",
    "ActionItemForm",
    "ActionReviewForm",
    "ActionUpdateForm",
    "AddParticipantForm",
    "AgendaItemForm",
    "AgendaItemMinutesFormSet",
    "AttendanceOptionsForm",
    "AttendeeChoiceField",
    "BaseParticipationFormSet",
    "CirculateMinutesForm",
    "ConfirmForm",
    "DecisionForm",
    "EditCommentForm",
    "InviteOrganizationsForm",
    "ItemMinutesForm",
    "ItemMinutesRowForm",
    "JoinLinkField",
    "KnownRowChoiceField",
    "MeetingForm",
    "MinutesCommentForm",
    "MinutesForm",
    "OrganizationReplyForm",
    "ParticipationFormSet",
    "ParticipationRowForm",
    "PrepareNextMeetingForm",
    "PublishMinutesForm",
    "RecipientContactForm",
    "ReopenMinutesForm",
    "ResolveCommentForm",
    "StatementForm",
    "WalkInForm",
    "WithdrawCommentForm",
]
