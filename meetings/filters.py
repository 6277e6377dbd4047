"""The filters of the participants' lists (django-filter); the exports reuse them so a download matches the page."""

import itertools

import django_filters
from django import forms
from django.db.models import Prefetch
from django.db.models.expressions import RawSQL
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from common.formatting import date_text
from common.i18n import with_translations
from common.widgets import QuickSelect, bootstrap_filter_form, organization_picker
from meetings.models import (
    ActionItem,
    ActionStatus,
    ActionUpdate,
    AgendaItem,
    Meeting,
    Participation,
    ParticipationStatus,
)
from stakeholders.models import Organization, OrganizationKind

MEETING_CHOICES = 100
OPEN = "open"


class MeetingChoiceFilter(django_filters.NumberFilter):
    """A meeting by id, offered as a list of the latest meetings (a full list would be thousands long)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", QuickSelect)
        kwargs.setdefault("label", "Meeting")
        super().__init__(*args, **kwargs)


def _offer_latest_meetings(filterset, name="meeting"):
    meetings = (
        Meeting.objects.select_related("series")
        .only("number", "starts_at", "time_zone", *with_translations("title", prefix="series__"))
        .order_by("-starts_at", "-id")[:MEETING_CHOICES]
    )
    choices = [("", _("Any meeting"))] + [
        (meeting.pk, f"{meeting.ordinal} · {date_text(meeting.local_start)} · {meeting.series}") for meeting in meetings
    ]
    filterset.form.fields[name].widget.choices = choices
    bootstrap_filter_form(filterset.form)


class ActionFilter(django_filters.FilterSet):
    organization = django_filters.ModelChoiceFilter(
        field_name="responsible_organization",
        queryset=Organization.objects.for_choices(),
        label=_("Organisation"),
        empty_label=_("Any"),
        widget=organization_picker(),
    )
    status = django_filters.ChoiceFilter(
        choices=[(OPEN, _("Open or in progress")), *ActionStatus.choices],
        method="filter_status",
        empty_label=_("Any status"),
    )
    overdue = django_filters.BooleanFilter(method="filter_overdue", label=_("Overdue only"), widget=forms.CheckboxInput)
    meeting = MeetingChoiceFilter(field_name="meeting")

    class Meta:
        model = ActionItem
        fields = ["organization", "status", "overdue", "meeting"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _offer_latest_meetings(self)

    def filter_status(self, queryset, name, value):
        if value == OPEN:
            return queryset.still_open()
        return queryset.filter(status=value)

    def filter_overdue(self, queryset, name, value):
        return queryset.overdue(timezone.localdate()) if value else queryset


class ParticipationFilter(django_filters.FilterSet):
    series = django_filters.NumberFilter(field_name="meeting__series", widget=forms.HiddenInput)
    year = django_filters.NumberFilter(
        field_name="meeting__starts_at", lookup_expr="year", min_value=2000, max_value=2100
    )
    meeting = MeetingChoiceFilter(field_name="meeting")
    organization = django_filters.ModelChoiceFilter(
        queryset=Organization.objects.for_choices(),
        label=_("Organisation"),
        empty_label=_("Any"),
        widget=organization_picker(),
    )
    kind = django_filters.ChoiceFilter(
        field_name="organization__kind", choices=OrganizationKind.choices, label=_("Kind")
    )
    status = django_filters.ChoiceFilter(choices=ParticipationStatus.choices)

    class Meta:
        model = Participation
        fields = ["series", "year", "meeting", "organization", "kind", "status"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _offer_latest_meetings(self)


def tracked_actions(user):
    """The actions `user` may see, with everything the tracker and its exports show, including the meetings that
    reviewed them."""
    reviews = ActionUpdate.objects.visible_to(user).filter(meeting__isnull=False).select_related("meeting")
    return (
        ActionItem.objects.visible_to(user)
        .select_related("responsible_organization", "owner", "meeting__series")
        .prefetch_related(
            Prefetch("reviewed_in_items", queryset=AgendaItem.objects.select_related("meeting").only("meeting")),
            Prefetch("updates", queryset=reviews),
        )
        .order_by("due_on", "id")
    )


def reviewing_meeting_numbers(own_meetings: dict[int, int]) -> dict[int, list[int]]:
    """``reviewing_meetings`` for many actions at once, in two queries, as meeting numbers.

    ``own_meetings`` maps each action's id to its meeting's id (the meeting that agreed it is left out).
    """
    # One array parameter instead of one per id: a chunk holds thousands.
    action_ids = RawSQL("SELECT unnest(%s::bigint[])", (list(own_meetings),))
    pairs = itertools.chain(
        AgendaItem.actions_to_review.through.objects.filter(actionitem_id__in=action_ids).values_list(
            "actionitem_id", "agendaitem__meeting_id", "agendaitem__meeting__starts_at", "agendaitem__meeting__number"
        ),
        ActionUpdate.objects.filter(action_id__in=action_ids, meeting__isnull=False).values_list(
            "action_id", "meeting_id", "meeting__starts_at", "meeting__number"
        ),
    )
    meetings: dict[int, dict] = {}
    for action_id, meeting_id, starts_at, number in pairs:
        if meeting_id != own_meetings[action_id]:
            meetings.setdefault(action_id, {})[meeting_id] = (starts_at, meeting_id, number)
    return {action_id: [row[2] for row in sorted(found.values())] for action_id, found in meetings.items()}


def reviewing_meetings(action) -> list:
    """The later meetings at which an action was reviewed (from prefetched agenda items and updates), in order."""
    meetings = {item.meeting.pk: item.meeting for item in action.reviewed_in_items.all()}
    meetings.update({update.meeting.pk: update.meeting for update in action.updates.all()})
    meetings.pop(action.meeting_id, None)
    return sorted(meetings.values(), key=lambda meeting: (meeting.starts_at, meeting.pk))
