from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from activities.models import Activity, ActivityPlan, ActivityReview, Place
from common.i18n import translation_fields, written_in_fields


class ActivityInline(admin.StackedInline):
    model = Activity
    extra = 0
    fields = [
        ("title", "kind", "status"),
        ("starts_on", "ends_on", "date_precision"),
        "lead_organization",
        "partners",
        "places",
    ]
    autocomplete_fields = ["lead_organization", "partners"]
    show_change_link = True


@admin.register(ActivityPlan)
class ActivityPlanAdmin(SimpleHistoryAdmin):
    list_display = [
        "__str__",
        "series",
        "year",
        "quarter_number",
        "status",
        "endorsed_at",
    ]
    list_filter = ["status", "year", "quarter_number", "series"]
    search_fields = ["series__title", "notes"]
    autocomplete_fields = ["endorsed_at"]
    inlines = [ActivityInline]


class ActivityReviewInline(admin.TabularInline):
    model = ActivityReview
    extra = 0
    autocomplete_fields = ["meeting"]
    exclude = ["recorded_by"]


@admin.register(Activity)
class ActivityAdmin(SimpleHistoryAdmin):
    list_display = [
        "title",
        "kind",
        "plan",
        "lead_organization",
        "starts_on",
        "ends_on",
        "status",
        "people_reached",
    ]
    list_filter = [
        "kind",
        "status",
        "plan__year",
        "plan__quarter_number",
        "lead_organization__kind",
    ]
    search_fields = [
        "title",
        *translation_fields("title"),
        "description",
        "target_group",
        "lead_organization__name",
        "lead_organization__acronym",
    ]
    autocomplete_fields = ["lead_organization", "partners", "topics"]
    list_select_related = ["plan", "lead_organization"]
    date_hierarchy = "starts_on"
    inlines = [ActivityReviewInline]


@admin.register(ActivityReview)
class ActivityReviewAdmin(SimpleHistoryAdmin):
    list_display = ["activity", "meeting", "status", "people_reached"]
    list_filter = ["status"]
    search_fields = ["activity__title", "note"]
    autocomplete_fields = ["activity", "meeting"]
    list_select_related = ["activity", "meeting"]


@admin.register(Place)
class PlaceAdmin(admin.ModelAdmin):
    list_display = ["name", *translation_fields("name")]
    search_fields = ["name", *translation_fields("name")]
    fields = ["name", *written_in_fields("name")]
