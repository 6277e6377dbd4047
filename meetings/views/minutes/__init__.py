"""The minutes editor and its parts, publishing, and the status updates on follow-up actions that participants may
also record for their own organisation.

The editor is one page with a card per agenda item: its discussion summary and outcome (saved card by card,
automatically as the secretariat types, against the item's version) and its statements, decisions and follow-up
actions, each added, edited and removed in place. Every view answers an htmx request (``HX-Request``) with the
partial that replaces only what changed, and a plain POST (JavaScript off) with a redirect back to the card, or
the full page with the errors.
"""

from meetings.views.minutes.actions import ActionReviewView, ActionStatusUpdateView
from meetings.views.minutes.approval import (
    ApproveMinutesView,
    CirculatedMinutesView,
    CirculateMinutesView,
    ResolveCommentView,
)
from meetings.views.minutes.comments import EditCommentView, WithdrawCommentView
from meetings.views.minutes.editor import ItemMinutesView, MinutesEditView
from meetings.views.minutes.entries import MinutesEntryDeleteView, MinutesEntryView
from meetings.views.minutes.publishing import PublishMinutesView, ReopenMinutesView
from meetings.views.minutes.versions import MinutesVersionListView, MinutesVersionView

__all__ = [
    "ActionReviewView",
    "ActionStatusUpdateView",
    "ApproveMinutesView",
    "CirculateMinutesView",
    "CirculatedMinutesView",
    "EditCommentView",
    "ItemMinutesView",
    "MinutesEditView",
    "MinutesEntryDeleteView",
    "MinutesEntryView",
    "MinutesVersionListView",
    "MinutesVersionView",
    "PublishMinutesView",
    "ReopenMinutesView",
    "ResolveCommentView",
    "WithdrawCommentView",
]
