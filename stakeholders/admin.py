from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from stakeholders.models import Contact, Organization


class ContactInline(admin.TabularInline):
    model = Contact
    extra = 0
    fields = ["name", "position", "email", "phone", "is_active", "user"]
    autocomplete_fields = ["user"]


@admin.register(Organization)
class OrganizationAdmin(SimpleHistoryAdmin):
    list_display = ["name", "acronym", "kind", "country", "parent", "is_active"]
    list_filter = ["kind", "is_active", "country"]
    search_fields = ["name", "acronym"]
    autocomplete_fields = ["parent"]
    inlines = [ContactInline]


@admin.register(Contact)
class ContactAdmin(SimpleHistoryAdmin):
    list_display = ["name", "organization", "position", "email", "is_active", "user"]
    list_filter = ["is_active", "organization__kind", "receives_reminders"]
    search_fields = [
        "name",
        "email",
        "position",
        "organization__name",
        "organization__acronym",
    ]
    autocomplete_fields = ["organization", "user"]
    list_select_related = ["organization", "user"]
