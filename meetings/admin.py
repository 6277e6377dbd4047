from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from common.i18n import translation_fields, written_in_fields
from meetings.models import (
    ActionItem,
    ActionReminder,
    ActionUpdate,
    AgendaItem,
    Decision,
    Document,
    Invitation,
    Meeting,
    MeetingSeries,
    OrganizationReply,
    Participation,
    Statement,
    Topic,
)


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ["name", "is_emerging_trend"]
    list_filter = ["is_emerging_trend"]
    search_fields = ["name", "description", *translation_fields("name")]
    fieldsets = [
        (None, {"fields": ["name", "description", "is_emerging_trend"]}),
        (_("Translations"), {"fields": written_in_fields("name"), "classes": ["collapse"]}),
    ]


@admin.register(MeetingSeries)
class MeetingSeriesAdmin(SimpleHistoryAdmin):
    list_display = [
        "title",
        "convening_organization",
        "funding_organization",
        "country",
        "started_on",
    ]
    search_fields = ["title", "programme", "description", *translation_fields("title")]
    autocomplete_fields = ["convening_organization", "funding_organization"]
    filter_horizontal = ["members"]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "title",
                    "description",
                    ("convening_organization", "funding_organization"),
                    "programme",
                    ("country", "started_on"),
                    "members",
                ]
            },
        ),
        (
            _("Public pages"),
            {
                "fields": [("is_public", "attendance_is_public")],
                "description": _(
                    "A public series' announced meetings, published minutes and plans are readable by anyone, without "
                    "an account: only the agenda items, statements and documents marked public. Nothing is public "
                    "until this is ticked."
                ),
            },
        ),
        (
            _("Translations"),
            {"fields": written_in_fields("title", "description", "country"), "classes": ["collapse"]},
        ),
    ]


class AgendaItemInline(admin.StackedInline):
    model = AgendaItem
    extra = 0
    fields = [
        ("position", "title", "planned_minutes", "is_standing"),
        ("presenter", "lead_organization"),
        "description",
        ("discussion_summary", "outcome"),
        "topics",
        ("title_ru", "title_uz"),
        ("description_ru", "description_uz"),
        ("discussion_summary_ru", "discussion_summary_uz"),
    ]
    autocomplete_fields = ["presenter", "lead_organization", "topics"]


class ParticipationInline(admin.TabularInline):
    model = Participation
    extra = 0
    autocomplete_fields = ["organization", "contact"]


class StatementInline(admin.StackedInline):
    model = Statement
    extra = 0
    autocomplete_fields = ["speaker", "organization", "topics", "source_document"]
    fields = [
        ("speaker", "organization", "agenda_item", "position"),
        "kind",
        "summary",
        ("source_document", "source_title", "source_url"),
        "topics",
    ]


class DecisionInline(admin.TabularInline):
    model = Decision
    extra = 0


class DocumentInline(admin.TabularInline):
    model = Document
    extra = 0
    exclude = ["uploaded_by"]


@admin.register(Meeting)
class MeetingAdmin(SimpleHistoryAdmin):
    list_display = [
        "__str__",
        "series",
        "starts_at",
        "venue",
        "format",
        "status",
        "minutes_status",
    ]
    list_filter = ["status", "format", "minutes_status", "series"]
    search_fields = ["title", "venue", "minutes_summary", *translation_fields("title")]
    date_hierarchy = "starts_at"
    list_select_related = ["series"]
    # Publishing and reopening are workflows (meetings.services: permission, timestamp, e-mail, version): the admin
    # shows their state and links to the meeting page, where they are done.
    readonly_fields = ["minutes_status", "minutes_published_at", "minutes_published_by"]
    fieldsets = [
        (None, {"fields": ["series", "number", "title", "status"]}),
        (
            _("When and where"),
            {
                "fields": [
                    "starts_at",
                    "ends_at",
                    "time_zone",
                    "venue",
                    "format",
                    "is_illustrative",
                    "participants_partly_recorded",
                ]
            },
        ),
        (_("Quarter reviewed"), {"fields": ["review_year", "review_quarter_number"]}),
        (
            _("Minutes"),
            {
                "fields": [
                    "minutes_summary",
                    "minutes_status",
                    "minutes_published_at",
                    "minutes_published_by",
                ]
            },
        ),
        (
            _("Translations"),
            {"fields": written_in_fields("title", "minutes_summary", "venue"), "classes": ["collapse"]},
        ),
    ]
    inlines = [
        AgendaItemInline,
        ParticipationInline,
        StatementInline,
        DecisionInline,
        DocumentInline,
    ]


@admin.register(AgendaItem)
class AgendaItemAdmin(SimpleHistoryAdmin):
    list_display = [
        "title",
        "meeting",
        "position",
        "presenter",
        "lead_organization",
        "planned_minutes",
        "outcome",
    ]
    list_filter = ["outcome", "is_standing", "meeting__series"]
    search_fields = ["title", "description", "discussion_summary", *translation_fields("title")]
    autocomplete_fields = [
        "meeting",
        "presenter",
        "lead_organization",
        "topics",
        "actions_to_review",
    ]
    list_select_related = ["meeting", "presenter", "lead_organization"]


@admin.register(Participation)
class ParticipationAdmin(SimpleHistoryAdmin):
    list_display = ["meeting", "organization", "contact", "role", "status"]
    list_filter = ["role", "status", "organization__kind"]
    search_fields = ["organization__name", "organization__acronym", "contact__name"]
    autocomplete_fields = ["meeting", "organization", "contact"]
    list_select_related = ["meeting", "organization", "contact"]
    readonly_fields = ["named_by"]


@admin.register(OrganizationReply)
class OrganizationReplyAdmin(SimpleHistoryAdmin):
    list_display = ["meeting", "organization", "answer", "answered_by", "answered_at"]
    list_filter = ["answer"]
    search_fields = ["organization__name", "organization__acronym", "meeting__title"]
    autocomplete_fields = ["meeting", "organization"]
    readonly_fields = ["answered_by"]
    list_select_related = ["meeting", "organization", "answered_by"]


@admin.register(Statement)
class StatementAdmin(SimpleHistoryAdmin):
    list_display = ["speaker", "organization", "meeting", "kind"]
    search_fields = ["summary", "speaker__name", "organization__name", "source_title"]
    list_filter = ["kind", "meeting__series", "topics"]
    autocomplete_fields = [
        "meeting",
        "agenda_item",
        "speaker",
        "organization",
        "topics",
        "source_document",
    ]
    list_select_related = ["speaker", "organization", "meeting"]


@admin.register(Decision)
class DecisionAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "meeting", "agenda_item"]
    search_fields = ["text"]
    autocomplete_fields = ["meeting", "agenda_item"]
    list_select_related = ["meeting", "agenda_item"]


class ActionUpdateInline(admin.TabularInline):
    model = ActionUpdate
    extra = 0
    autocomplete_fields = ["meeting"]
    exclude = ["author"]


@admin.register(ActionItem)
class ActionItemAdmin(SimpleHistoryAdmin):
    list_display = [
        "title",
        "responsible_organization",
        "owner",
        "due_on",
        "status",
        "meeting",
    ]
    list_filter = ["status", "is_illustrative", "responsible_organization__kind", "meeting__series"]
    search_fields = [
        "title",
        "description",
        "responsible_organization__name",
        "owner__name",
    ]
    autocomplete_fields = [
        "meeting",
        "agenda_item",
        "decision",
        "responsible_organization",
        "owner",
    ]
    list_select_related = ["responsible_organization", "owner", "meeting"]
    date_hierarchy = "due_on"
    inlines = [ActionUpdateInline]


@admin.register(Document)
class DocumentAdmin(SimpleHistoryAdmin):
    list_display = ["title", "meeting", "kind", "size", "content_type", "created"]
    list_filter = ["kind"]
    search_fields = ["title", "meeting__title"]
    autocomplete_fields = ["meeting"]
    list_select_related = ["meeting"]


class SentMailAdmin(admin.ModelAdmin):
    """A log of e-mail sent (meetings/notifications/): read-only. Deleting a row lets the mail be sent again."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Invitation)
class InvitationAdmin(SentMailAdmin):
    list_display = ["meeting", "contact", "sequence", "sent_at"]
    list_filter = ["meeting__series"]
    search_fields = ["contact__name", "contact__email", "meeting__title"]
    list_select_related = ["meeting", "contact__organization"]
    date_hierarchy = "sent_at"


@admin.register(ActionReminder)
class ActionReminderAdmin(SentMailAdmin):
    list_display = ["action", "contact", "sent_on"]
    search_fields = ["contact__name", "contact__email", "action__title"]
    list_select_related = ["action", "contact__organization"]
    date_hierarchy = "sent_on"
