from django.urls import path, re_path

from meetings.models import ActionItem, Decision, Statement
from meetings.views import (
    agenda,
    browse,
    decisions,
    editing,
    history,
    minutes,
    publicity,
    register,
    register_of_decisions,
    rsvp,
    series,
    translations,
)
from meetings.views import analytics as analytics_views
from meetings.views import calendar as calendar_views
from meetings.views import check_in as check_in_views
from meetings.views import documents as document_views
from meetings.views import exports as export_views
from meetings.views import live as live_views
from meetings.views import notifications as notification_views
from meetings.views import printing as printing_views

app_name = "meetings"

urlpatterns = [
    path("meetings/", browse.MeetingListView.as_view(), name="meeting-list"),
    path("meetings/<int:pk>/", browse.MeetingDetailView.as_view(), name="meeting-detail"),
    path("series/<int:pk>/", browse.SeriesDetailView.as_view(), name="series-detail"),
    path("series/<int:pk>/public/", publicity.SeriesPublicityView.as_view(), name="series-publicity"),
    path("series/new/", series.SeriesCreateView.as_view(), name="series-create"),
    path("series/<int:pk>/edit/", series.SeriesUpdateView.as_view(), name="series-update"),
    path("topics/", series.TopicListView.as_view(), name="topic-list"),
    path("topics/new/", series.TopicCreateView.as_view(), name="topic-create"),
    path("topics/<int:pk>/edit/", series.TopicUpdateView.as_view(), name="topic-update"),
    path("actions/", browse.ActionListView.as_view(), name="action-list"),
    path("actions/<int:pk>/", browse.ActionDetailView.as_view(), name="action-detail"),
    path("register/", register_of_decisions.RegisterOfDecisionsView.as_view(), name="register"),
    path("register/export.csv", register_of_decisions.export_register, name="register-export"),
    path("decisions/<int:pk>/", decisions.DecisionDetailView.as_view(), name="decision-detail"),
    # Calendar files (the feed of meetings and activities is in coordination/pages/calendar_feed.py).
    path("calendar/", calendar_views.calendar_subscription, name="calendar-subscription"),
    path("calendar/reset/", calendar_views.reset_calendar_token, name="calendar-token-reset"),
    path("meetings/<int:pk>/calendar.ics", calendar_views.meeting_calendar, name="meeting-calendar"),
    # The secretariat's meeting cycle (meetings/views/editing.py, agenda.py, register.py, minutes/, history.py)
    path("meetings/new/", editing.NewMeetingView.as_view(), name="meeting-new"),
    path("series/<int:pk>/prepare-next/", editing.PrepareNextMeetingView.as_view(), name="meeting-prepare-next"),
    path("meetings/<int:pk>/invitations/", editing.InvitationsView.as_view(), name="meeting-invitations"),
    path(
        "meetings/<int:pk>/invitations/contacts/new/",
        editing.RecipientContactView.as_view(),
        name="meeting-add-recipient",
    ),
    path("meetings/<int:pk>/reply/", rsvp.RsvpView.as_view(), name="meeting-rsvp"),
    path(
        "meetings/<int:pk>/organisation-reply/",
        rsvp.OrganizationReplyView.as_view(),
        name="meeting-organization-reply",
    ),
    re_path(
        r"^meetings/(?P<pk>[0-9]+)/reply/(?P<token>[^/]+)/$", rsvp.RsvpLinkView.as_view(), name="meeting-rsvp-link"
    ),
    path("meetings/<int:pk>/announce/", editing.AnnounceMeetingView.as_view(), name="meeting-announce"),
    path("meetings/<int:pk>/delete/", editing.MeetingDeleteView.as_view(), name="meeting-delete"),
    path("series/<int:series_pk>/meetings/new/", editing.MeetingFormView.as_view(), name="meeting-create"),
    path("meetings/<int:pk>/edit/", editing.MeetingFormView.as_view(), name="meeting-edit"),
    path("meetings/<int:pk>/agenda/", agenda.AgendaView.as_view(), name="meeting-agenda"),
    path("meetings/<int:pk>/agenda/order/", agenda.AgendaOrderView.as_view(), name="meeting-agenda-order"),
    path("agenda-items/<int:pk>/edit/", agenda.AgendaItemEditView.as_view(), name="agenda-item-edit"),
    path("agenda-items/<int:pk>/move/", agenda.AgendaItemMoveView.as_view(), name="agenda-item-move"),
    path("agenda-items/<int:pk>/delete/", agenda.AgendaItemDeleteView.as_view(), name="agenda-item-delete"),
    path("meetings/<int:pk>/translations/", translations.TranslationsView.as_view(), name="meeting-translations"),
    path("meetings/<int:pk>/participants/", register.ParticipationRegisterView.as_view(), name="meeting-participants"),
    path(
        "meetings/<int:pk>/participants/<int:participation_pk>/",
        register.RegisterRowView.as_view(),
        name="meeting-participant-row",
    ),
    path("meetings/<int:pk>/participants/walk-in/", register.WalkInView.as_view(), name="meeting-walk-in"),
    path("meetings/<int:pk>/participants/invite/", register.InviteOrganizationsView.as_view(), name="meeting-invite"),
    path("meetings/<int:pk>/participants/add/", register.AddParticipantView.as_view(), name="meeting-add-participant"),
    # The room (meetings/views/check_in.py, live.py): the door's check-in, the projected agenda and its control.
    path("meetings/<int:pk>/check-in/", check_in_views.CheckInView.as_view(), name="meeting-check-in"),
    path(
        "meetings/<int:pk>/check-in/rows/<int:participation_pk>/",
        check_in_views.CheckInRowView.as_view(),
        name="meeting-check-in-row",
    ),
    path(
        "meetings/<int:pk>/check-in/contacts/<int:contact_pk>/",
        check_in_views.CheckInContactView.as_view(),
        name="meeting-check-in-contact",
    ),
    path(
        "meetings/<int:pk>/check-in/walk-in/",
        check_in_views.CheckInWalkInView.as_view(),
        name="meeting-check-in-walk-in",
    ),
    path("meetings/<int:pk>/live/", live_views.LiveView.as_view(), name="meeting-live"),
    path("meetings/<int:pk>/live/control/", live_views.LiveControlView.as_view(), name="meeting-live-control"),
    path("meetings/<int:pk>/live/move/", live_views.LiveMoveView.as_view(), name="meeting-live-move"),
    path("meetings/<int:pk>/minutes/edit/", minutes.MinutesEditView.as_view(), name="meeting-minutes-edit"),
    path("meetings/<int:pk>/minutes/publish/", minutes.PublishMinutesView.as_view(), name="meeting-minutes-publish"),
    path(
        "meetings/<int:pk>/minutes/reopen/",
        minutes.ReopenMinutesView.as_view(),
        name="meeting-minutes-reopen",
    ),
    # The approval loop (meetings/views/minutes/approval.py, versions.py)
    path(
        "meetings/<int:pk>/minutes/circulate/", minutes.CirculateMinutesView.as_view(), name="meeting-minutes-circulate"
    ),
    path(
        "meetings/<int:pk>/minutes/circulated/",
        minutes.CirculatedMinutesView.as_view(),
        name="meeting-minutes-circulated",
    ),
    path("minutes-comments/<int:pk>/resolve/", minutes.ResolveCommentView.as_view(), name="minutes-comment-resolve"),
    path("minutes-comments/<int:pk>/edit/", minutes.EditCommentView.as_view(), name="minutes-comment-edit"),
    path("minutes-comments/<int:pk>/withdraw/", minutes.WithdrawCommentView.as_view(), name="minutes-comment-withdraw"),
    path("meetings/<int:pk>/minutes/approve/", minutes.ApproveMinutesView.as_view(), name="meeting-minutes-approve"),
    path(
        "meetings/<int:pk>/minutes/versions/", minutes.MinutesVersionListView.as_view(), name="meeting-minutes-versions"
    ),
    path(
        "meetings/<int:pk>/minutes/versions/<int:number>/",
        minutes.MinutesVersionView.as_view(),
        name="meeting-minutes-version",
    ),
    path(
        "meetings/<int:pk>/follow-ups/<int:action_pk>/review/",
        minutes.ActionReviewView.as_view(),
        name="meeting-action-review",
    ),
    path(
        "meetings/<int:pk>/minutes/items/<int:item_pk>/",
        minutes.ItemMinutesView.as_view(),
        name="meeting-item-minutes",
    ),
    path(
        "meetings/<int:meeting_pk>/statements/new/",
        minutes.MinutesEntryView.as_view(model=Statement),
        name="statement-create",
    ),
    path("statements/<int:pk>/edit/", minutes.MinutesEntryView.as_view(model=Statement), name="statement-edit"),
    path(
        "statements/<int:pk>/delete/", minutes.MinutesEntryDeleteView.as_view(model=Statement), name="statement-delete"
    ),
    path(
        "meetings/<int:meeting_pk>/decisions/new/",
        minutes.MinutesEntryView.as_view(model=Decision),
        name="decision-create",
    ),
    path("decisions/<int:pk>/edit/", minutes.MinutesEntryView.as_view(model=Decision), name="decision-edit"),
    path("decisions/<int:pk>/delete/", minutes.MinutesEntryDeleteView.as_view(model=Decision), name="decision-delete"),
    path(
        "meetings/<int:meeting_pk>/actions/new/",
        minutes.MinutesEntryView.as_view(model=ActionItem),
        name="action-create",
    ),
    path("actions/<int:pk>/edit/", minutes.MinutesEntryView.as_view(model=ActionItem), name="action-edit"),
    path("actions/<int:pk>/delete/", minutes.MinutesEntryDeleteView.as_view(model=ActionItem), name="action-delete"),
    path("actions/<int:pk>/update/", minutes.ActionStatusUpdateView.as_view(), name="action-update"),
    path("meetings/<int:pk>/history/", history.MeetingHistoryView.as_view(), name="meeting-history"),
    # E-mail (meetings/notifications/): invitations with the .ics, and updates after the meeting changed.
    path(
        "meetings/<int:pk>/invitations/send/",
        notification_views.SendInvitationsView.as_view(),
        name="meeting-send-invitations",
    ),
    path(
        "meetings/<int:pk>/invitations/update/",
        notification_views.SendInvitationsView.as_view(update=True),
        name="meeting-send-invitation-updates",
    ),
    # Meeting documents (meetings/views/documents.py)
    path("meetings/<int:pk>/documents/new/", document_views.DocumentUploadView.as_view(), name="document-upload"),
    path("documents/<int:pk>/download/", document_views.DocumentDownloadView.as_view(), name="document-download"),
    path("documents/<int:pk>/delete/", document_views.DocumentDeleteView.as_view(), name="document-delete"),
    path("documents/<int:pk>/replace/", document_views.DocumentReplaceView.as_view(), name="document-replace"),
    path(
        "documents/<int:pk>/versions/<int:version>/download/",
        document_views.DocumentVersionDownloadView.as_view(),
        name="document-version-download",
    ),
    # Print-ready pages and PDFs.
    path("meetings/<int:pk>/print/agenda/", printing_views.AgendaPrintView.as_view(), name="meeting-agenda-print"),
    path("meetings/<int:pk>/print/minutes/", printing_views.MinutesPrintView.as_view(), name="meeting-minutes-print"),
    path(
        "meetings/<int:pk>/minutes.pdf",
        printing_views.MinutesPrintView.as_view(as_pdf=True),
        name="meeting-minutes-pdf",
    ),
    path("series/<int:pk>/minutes/", printing_views.CompiledMinutesView.as_view(), name="series-minutes"),
    path(
        "series/<int:pk>/minutes.pdf",
        printing_views.CompiledMinutesView.as_view(as_pdf=True),
        name="series-minutes-pdf",
    ),
    # Across the series.
    path("series/", analytics_views.SeriesListView.as_view(), name="series-list"),
    path(
        "series/<int:pk>/participation/", analytics_views.ParticipationMatrixView.as_view(), name="series-participation"
    ),
    # Downloads, filtered like their pages.
    path("actions/export.<str:file_format>", export_views.export_actions, name="action-export"),
    path("participation/export.<str:file_format>", export_views.export_participation, name="participation-export"),
]
