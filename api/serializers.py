"""The API's shapes. Texts come in the request's language where a translation exists, with the original text under
``original`` (OParl has no translations; docs/api.md). What draft minutes say is withheld from those who may not
read drafts, as on the pages (``Meeting.withhold_minutes_text``)."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from activities.models import Activity, ActivityPlan
from common import access
from common.i18n import content_language, localized
from meetings.models import (
    ActionItem,
    AgendaItem,
    Decision,
    Meeting,
    MeetingSeries,
    Participation,
    Statement,
)
from stakeholders.models import Contact, Organization


class TranslatedSerializer(serializers.ModelSerializer):
    """A serializer whose ``translated_fields`` are shown in the content language, with the originals marked."""

    translated_fields: tuple[str, ...] = ()

    def to_representation(self, instance):
        data = super().to_representation(instance)
        original = {}
        for name in self.translated_fields:
            if name not in data:
                continue
            source = getattr(instance, name)
            shown = localized(instance, name) if source else source
            data[name] = shown
            if shown != source:
                original[name] = source
        data["language"] = content_language() if original else None
        data["original"] = original
        return data


class _TranslationMarks(serializers.Serializer):
    """Documents the two keys TranslatedSerializer adds (for the OpenAPI description)."""

    language = serializers.CharField(allow_null=True, read_only=True, help_text="The language of translated texts.")
    original = serializers.DictField(child=serializers.CharField(), read_only=True)


def _with_marks(serializer_class):
    """Declare ``language`` and ``original`` on a TranslatedSerializer so the schema lists them."""
    serializer_class._declared_fields = {**serializer_class._declared_fields, **_TranslationMarks._declared_fields}
    serializer_class.Meta.fields = [*serializer_class.Meta.fields, "language", "original"]
    return serializer_class


@_with_marks
class OrganizationSerializer(TranslatedSerializer):
    translated_fields = ("name", "acronym")

    class Meta:
        model = Organization
        fields = ["id", "name", "acronym", "kind", "country", "parent", "website", "is_active", "created", "updated"]


class ContactSerializer(serializers.ModelSerializer):
    """E-mail addresses as the organisation pages show them (to every reader); telephone numbers to the
    secretariat only (the contact's own page)."""

    phone = serializers.SerializerMethodField()

    class Meta:
        model = Contact
        fields = ["id", "organization", "name", "position", "email", "phone", "is_active", "created", "updated"]

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_phone(self, contact):
        return contact.phone if access.is_secretariat(self.context["request"].user) else None


@_with_marks
class SeriesSerializer(TranslatedSerializer):
    translated_fields = ("title", "description")

    class Meta:
        model = MeetingSeries
        fields = [
            "id",
            "title",
            "description",
            "convening_organization",
            "funding_organization",
            "programme",
            "country",
            "started_on",
            "members",
            "created",
            "updated",
        ]


@_with_marks
class AgendaItemSerializer(TranslatedSerializer):
    translated_fields = ("title", "discussion_summary")

    def to_representation(self, instance):
        # Inline in a meeting, the meeting has withheld its items' text already; on their own, each item asks.
        if "meeting" in instance._state.fields_cache and not instance.meeting.minutes_visible_to(
            self.context["request"].user
        ):
            instance.withhold_minutes_text()
        return super().to_representation(instance)

    class Meta:
        model = AgendaItem
        fields = [
            "id",
            "meeting",
            "position",
            "title",
            "description",
            "presenter",
            "lead_organization",
            "planned_minutes",
            "outcome",
            "discussion_summary",
            "created",
            "updated",
        ]


class AttendanceSerializer(serializers.ModelSerializer):
    """One organisation's part in a meeting (OParl's Membership is closest, but is not per meeting)."""

    class Meta:
        model = Participation
        fields = ["organization", "role", "status", "walk_in"]


@_with_marks
class MeetingSerializer(TranslatedSerializer):
    translated_fields = ("title", "minutes_summary")

    stage = serializers.CharField(source="lifecycle_stage", read_only=True)
    agenda = AgendaItemSerializer(source="agenda_items", many=True, read_only=True)
    attendance = AttendanceSerializer(source="participations", many=True, read_only=True, allow_null=True)

    def to_representation(self, instance):
        user = self.context["request"].user
        if not instance.minutes_visible_to(user):
            instance.withhold_minutes_text()
        data = super().to_representation(instance)
        if not instance.attendance_visible_to(user):
            data["attendance"] = None  # not published (OParl: some administrations do not publish it)
        return data

    class Meta:
        model = Meeting
        fields = [
            "id",
            "series",
            "number",
            "title",
            "stage",
            "status",
            "starts_at",
            "ends_at",
            "time_zone",
            "venue",
            "format",
            "minutes_status",
            "minutes_published_at",
            "minutes_summary",
            "is_illustrative",
            "agenda",
            "attendance",
            "created",
            "updated",
        ]


class StatementSerializer(serializers.ModelSerializer):
    class Meta:
        model = Statement
        fields = [
            "id",
            "meeting",
            "agenda_item",
            "speaker",
            "organization",
            "summary",
            "kind",
            "source_title",
            "source_url",
            "position",
            "created",
            "updated",
        ]


class DecisionSerializer(serializers.ModelSerializer):
    class Meta:
        model = Decision
        fields = ["id", "meeting", "agenda_item", "text", "created", "updated"]


class ActionSerializer(serializers.ModelSerializer):
    """A follow-up action, with its latest progress entry that the reader may read."""

    latest_status = serializers.CharField(read_only=True, allow_null=True)
    latest_note = serializers.CharField(read_only=True, allow_null=True)
    latest_noted_on = serializers.DateField(read_only=True, allow_null=True)

    class Meta:
        model = ActionItem
        fields = [
            "id",
            "meeting",
            "agenda_item",
            "decision",
            "title",
            "description",
            "responsible_organization",
            "owner",
            "due_on",
            "status",
            "latest_status",
            "latest_note",
            "latest_noted_on",
            "is_illustrative",
            "created",
            "updated",
        ]


class ActivityPlanSerializer(serializers.ModelSerializer):
    class Meta:
        model = ActivityPlan
        fields = ["id", "series", "year", "quarter_number", "status", "notes", "created", "updated"]


@_with_marks
class ActivitySerializer(TranslatedSerializer):
    translated_fields = ("title", "description")

    class Meta:
        model = Activity
        fields = [
            "id",
            "plan",
            "title",
            "kind",
            "description",
            "lead_organization",
            "partners",
            "starts_on",
            "ends_on",
            "date_precision",
            "places",
            "target_group",
            "status",
            "people_reached",
            "outcome",
            "created",
            "updated",
        ]


class TombstoneSerializer(serializers.Serializer):
    type = serializers.CharField()
    id = serializers.IntegerField()
    deleted_at = serializers.DateTimeField()
