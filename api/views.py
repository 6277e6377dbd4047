"""The read API's endpoints. Each asks the same policy as the pages for its rows (``visible_to(user)``,
``common.access``), so a token or a session never sees more than its owner does on the pages."""

from django.contrib.auth.decorators import login_not_required
from django.db.models import Prefetch, Q
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import exceptions, viewsets
from rest_framework.response import Response
from rest_framework.views import APIView

from activities.models import Activity, ActivityPlan
from api import conditional, filters, serializers
from common import access
from meetings.models import (
    ActionItem,
    AgendaItem,
    Decision,
    Meeting,
    MeetingSeries,
    Participation,
    Statement,
)
from meetings.models.meeting import DRAFT_MEETING
from stakeholders.models import Contact, Organization


class PortalAPIMixin:
    """Open to DRF's own authentication (tokens, the session) instead of the pages' login redirect: an API client
    gets a 401 problem, not the login page."""

    @classmethod
    def as_view(cls, *args, **kwargs):
        return login_not_required(super().as_view(*args, **kwargs))


class ReadOnlyEndpoint(PortalAPIMixin, viewsets.ReadOnlyModelViewSet):
    filter_backends = [filters.StrictFilterBackend]
    lookup_value_converter = "int"
    # Answers anonymous reads too, with what the public pages show (public series only; api.permissions).
    public_read = False

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if response.status_code in (200, 304) and not request.user.is_authenticated:
            # The same for every anonymous reader (Vary: Authorization, Cookie): a shared cache may keep it, and
            # asks again (the ETag) before reuse, so a piece made private stops showing at once.
            response["Cache-Control"] = "public, no-cache"
        return response

    def visible(self, user):
        """The rows ``user`` may read, before filters and paging."""
        raise NotImplementedError

    def get_queryset(self):
        return self.visible(self.request.user)

    def list(self, request, *args, **kwargs):
        queryset = self.filter_queryset(self.get_queryset())
        latest, count = conditional.stamps_of(queryset)
        etag = conditional.validator_of(request, latest=latest, count=count)
        if conditional.not_modified(request, etag, latest):
            return conditional.not_modified_response(etag, latest)
        page = self.paginate_queryset(queryset)
        response = self.get_paginated_response(self.get_serializer(page, many=True).data)
        return conditional.with_validators(response, etag, latest)

    def latest_change(self, instance):
        return instance.updated

    def retrieve(self, request, *args, **kwargs):
        instance = self.get_object()
        latest = self.latest_change(instance)
        etag = conditional.validator_of(request, latest=latest, count=1)
        if conditional.not_modified(request, etag, latest):
            return conditional.not_modified_response(etag, latest)
        return conditional.with_validators(Response(self.get_serializer(instance).data), etag, latest)


def visible_meetings(user):
    return Meeting.objects.visible_to(user)


class SeriesViewSet(ReadOnlyEndpoint):
    """Meeting series (OParl: Body with its Organization of the convenors)."""

    serializer_class = serializers.SeriesSerializer
    public_read = True

    def visible(self, user):
        series = MeetingSeries.objects.prefetch_related("members")
        return series.filter(is_public=True) if access.reads_as_public(user) else series


class MeetingViewSet(ReadOnlyEndpoint):
    """Meetings, with their agenda and attendance by organisation inline. Drafts (not announced) only for the
    secretariat; the minutes' text only once published, unless the reader may see drafts."""

    serializer_class = serializers.MeetingSerializer
    filterset_class = filters.MeetingFilter
    public_read = True

    def visible(self, user):
        return (
            visible_meetings(user)
            .select_related("series")
            .prefetch_related(
                Prefetch("agenda_items", queryset=AgendaItem.objects.readable_by(user).order_by("position", "id")),
                Prefetch("participations", queryset=Participation.objects.order_by("organization_id", "id")),
            )
        )

    def latest_change(self, instance):
        stamps = [instance.updated]
        stamps += [item.updated for item in instance.agenda_items.all()]
        stamps += [row.updated for row in instance.participations.all()]
        return max(stamps)


class AgendaItemViewSet(ReadOnlyEndpoint):
    serializer_class = serializers.AgendaItemSerializer
    filterset_class = filters.MeetingContentFilter
    public_read = True

    def visible(self, user):
        return AgendaItem.objects.visible_to(user).select_related("meeting")


class StatementViewSet(ReadOnlyEndpoint):
    """Key statements: of published minutes only, unless the reader may see drafts."""

    serializer_class = serializers.StatementSerializer
    filterset_class = filters.StatementFilter
    public_read = True

    def visible(self, user):
        return Statement.objects.visible_to(user).filter(meeting__in=visible_meetings(user))


class DecisionViewSet(ReadOnlyEndpoint):
    serializer_class = serializers.DecisionSerializer
    filterset_class = filters.MeetingContentFilter
    public_read = True

    def visible(self, user):
        return Decision.objects.visible_to(user).filter(meeting__in=visible_meetings(user))


class ActionViewSet(ReadOnlyEndpoint):
    """Follow-up actions, as the tracker lists them, with the latest progress the reader may read."""

    serializer_class = serializers.ActionSerializer
    filterset_class = filters.ActionFilter

    def visible(self, user):
        return ActionItem.objects.visible_to(user).filter(meeting__in=visible_meetings(user)).with_latest_update(user)


class OrganizationViewSet(ReadOnlyEndpoint):
    serializer_class = serializers.OrganizationSerializer
    filterset_class = filters.OrganizationFilter
    public_read = True

    def visible(self, user):
        if access.reads_as_public(user):
            # The public reads the organisations of public series: their convenors, funders and members.
            public = MeetingSeries.objects.filter(is_public=True)
            related = Q(convened_series__in=public) | Q(funded_series__in=public) | Q(member_of_series__in=public)
            return Organization.objects.filter(pk__in=Organization.objects.filter(related).values("pk"))
        return Organization.objects.all()


class ContactViewSet(ReadOnlyEndpoint):
    """The people of the organisations, as the organisation pages list them (active and inactive)."""

    serializer_class = serializers.ContactSerializer
    filterset_class = filters.ContactFilter

    def visible(self, user):
        return Contact.objects.all()


class ActivityPlanViewSet(ReadOnlyEndpoint):
    serializer_class = serializers.ActivityPlanSerializer
    filterset_class = filters.ActivityPlanFilter
    public_read = True

    def visible(self, user):
        return ActivityPlan.objects.visible_to(user)


class ActivityViewSet(ReadOnlyEndpoint):
    serializer_class = serializers.ActivitySerializer
    filterset_class = filters.ActivityFilter
    public_read = True

    def visible(self, user):
        return Activity.objects.filter(plan__in=ActivityPlan.objects.visible_to(user)).prefetch_related("partners")


# The most tombstones one answer lists; the next ones come with ``since`` = the last one's deleted_at.
TOMBSTONE_PAGE = 500


def _tombstone_sources(user):
    """(type, historical records of deleted rows the reader could have seen) for each kind that syncs."""
    published = Meeting.objects.with_published_minutes().values("pk")
    minutes_rows = Q() if access.may_see_draft_minutes(user) else Q(meeting_id__in=published)
    meetings = Q() if access.is_secretariat(user) else ~DRAFT_MEETING
    return [
        ("meeting", Meeting.history.filter(meetings)),
        ("statement", Statement.history.filter(minutes_rows)),
        ("decision", Decision.history.filter(minutes_rows)),
        ("action", ActionItem.history.filter(minutes_rows)),
        ("organization", Organization.history.all()),
    ]


class DeletedView(PortalAPIMixin, APIView):
    """Records deleted since a moment (OParl's ``deleted: true`` objects), for those who sync."""

    serializer_class = serializers.TombstoneSerializer

    @extend_schema(
        parameters=[
            OpenApiParameter("since", OpenApiTypes.DATETIME, description="ISO 8601; deletions at or after it"),
        ],
        responses=serializers.TombstoneSerializer(many=True),
    )
    def get(self, request):
        unknown = sorted(set(request.query_params) - {"since"})
        if unknown:
            raise filters.UnknownParameter(
                _("Unknown query parameters: %(unknown)s. This list accepts: since.") % {"unknown": ", ".join(unknown)}
            )
        since = None
        if "since" in request.query_params:
            try:
                since = parse_datetime(request.query_params["since"])
            except ValueError:  # well formed, but no such day or hour
                since = None
            if since is None or since.tzinfo is None:
                raise exceptions.ValidationError(
                    {"since": [_("Give a date and time with its offset, e.g. 2026-01-31T09:00:00Z.")]}
                )
        found = []
        for kind, history in _tombstone_sources(request.user):
            deleted = history.filter(history_type="-")
            if since is not None:
                deleted = deleted.filter(history_date__gte=since)
            found += [
                {"type": kind, "id": pk, "deleted_at": at}
                for pk, at in deleted.order_by("history_date").values_list("id", "history_date")[:TOMBSTONE_PAGE]
            ]
        found.sort(key=lambda row: (row["deleted_at"], row["type"], row["id"]))
        found = found[:TOMBSTONE_PAGE]
        data = serializers.TombstoneSerializer(found, many=True).data
        next_link = None
        if len(found) == TOMBSTONE_PAGE:
            next_link = request.build_absolute_uri(f"{request.path}?since={found[-1]['deleted_at'].isoformat()}")
            next_link = next_link.replace("+", "%2B")
        latest = found[-1]["deleted_at"] if found else None
        etag = conditional.validator_of(request, latest=latest, count=len(found))
        if conditional.not_modified(request, etag, latest):
            return conditional.not_modified_response(etag, latest)
        return conditional.with_validators(Response({"next": next_link, "results": data}), etag, latest)
