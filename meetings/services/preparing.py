"""Preparing the next meeting of a series: its number, dates, titles, carried-over items and actions."""

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from common.i18n import translations_copied, versions_of
from common.quarter import Quarter
from meetings.models import (
    REVIEW_OF_ACTIONS_TITLE,
    ActionItem,
    AgendaItem,
    Meeting,
    MeetingFormat,
    MeetingSeries,
    MeetingStatus,
    Participation,
    ParticipationStatus,
    ordinal,
)
from meetings.services._common import _with_history_user
from meetings.services.approval import add_approval_item
from meetings.services.invitations import invite_organizations
from stakeholders.models import Organization

DEFAULT_MEETING_HOURS = 3
DEFAULT_INTERVAL = datetime.timedelta(weeks=13)  # the platform meets quarterly


def next_meeting_number(series: MeetingSeries) -> int:
    return (series.meetings.aggregate(highest=Max("number"))["highest"] or 0) + 1


def latest_held_meeting(series: MeetingSeries) -> Meeting | None:
    """The meeting the next one is prepared from: the last one that took place (never a planned or cancelled one)."""
    return series.meetings.held().order_by("-starts_at", "-id").first()


def planned_meetings(series: MeetingSeries) -> list[Meeting]:
    """Meetings of the series still planned: preparing another one is then probably a mistake (a second click)."""
    return list(series.meetings.not_held().order_by("starts_at", "id"))


def default_start(previous: Meeting | None) -> datetime.datetime:
    """A quarter after the previous meeting at the same local time, but never in the past."""
    now = timezone.now()
    if previous is None:
        zone = timezone.get_current_timezone()
        day = timezone.localdate() + datetime.timedelta(weeks=4)
        return datetime.datetime.combine(day, datetime.time(10), tzinfo=zone)
    local = previous.local_start
    candidate = local + DEFAULT_INTERVAL
    if candidate < now:
        day = timezone.localtime(now, previous.zone).date() + datetime.timedelta(weeks=4)
        candidate = datetime.datetime.combine(day, local.time(), tzinfo=previous.zone)
    return candidate


def default_duration(previous: Meeting | None) -> datetime.timedelta:
    return (previous.ends_at - previous.starts_at) if previous else datetime.timedelta(hours=DEFAULT_MEETING_HOURS)


def _new_meeting_titles(number: int) -> dict[str, str]:
    """A new meeting's title, stored in English with its Russian and Uzbek versions: "5th coordination meeting"."""

    def write():
        return _("%(ordinal)s coordination meeting") % {"ordinal": ordinal(number)}

    with translation.override("en"):
        title = write()
    return {"title": title, **versions_of("title", write)}


def _review_item_titles() -> dict[str, str]:
    """The standing review item's title in English, with its Russian and Uzbek versions."""
    return {"title": REVIEW_OF_ACTIONS_TITLE, **versions_of("title", lambda: _(REVIEW_OF_ACTIONS_TITLE))}


@dataclass(frozen=True)
class CarryOver:
    """What a new meeting takes over from the latest held meeting of its series."""

    standing_items: bool = True
    other_items: bool = False
    open_actions: bool = True
    invitations: bool = True


@dataclass
class NextMeetingPreview:
    """What preparing the next meeting would copy, for the secretariat to choose from before anything is created."""

    source: Meeting | None
    standing_items: list[AgendaItem]
    other_items: list[AgendaItem]
    open_actions: list[ActionItem]
    organizations: list[Organization]
    named_people: list[Participation]
    already_planned: list[Meeting]


def preview_next_meeting(*, series: MeetingSeries) -> NextMeetingPreview:
    source = latest_held_meeting(series)
    items = list(source.agenda_items.order_by("position", "id")) if source else []
    participations = (
        list(source.participations.select_related("organization", "contact").order_by("organization__name", "id"))
        if source
        else []
    )
    organizations = {participation.organization_id: participation.organization for participation in participations}
    for member in series.members.order_by("name"):
        organizations.setdefault(member.pk, member)
    return NextMeetingPreview(
        source=source,
        standing_items=[item for item in items if item.is_standing],
        other_items=[item for item in items if not item.is_standing and not item.reviews_follow_up_actions],
        open_actions=list(
            ActionItem.objects.filter(meeting__series=series)
            .still_open()
            .select_related("responsible_organization")
            .order_by("due_on", "id")
        ),
        organizations=sorted(organizations.values(), key=lambda organization: organization.name),
        named_people=[participation for participation in participations if participation.contact_id],
        already_planned=planned_meetings(series),
    )


def _number_in_date_order(series: MeetingSeries, starts_at: datetime.datetime, user) -> int:
    """The number a meeting starting at ``starts_at`` takes; planned meetings after it move one number on.

    A held or cancelled meeting is never renumbered (its minutes speak of "the 4th meeting"), so a new meeting
    cannot be dated before one.
    """
    earlier = series.meetings.filter(starts_at__lt=starts_at)
    number = (earlier.aggregate(highest=Max("number"))["highest"] or 0) + 1
    later = list(series.meetings.filter(number__gte=number).order_by("-number"))
    if any(meeting.status == MeetingStatus.CANCELLED or meeting.is_held for meeting in later):
        raise ValidationError(
            {"date": _("A new meeting cannot be dated before a meeting that has already taken place.")}
        )
    for meeting in later:  # highest first, so that no two share a number on the way
        meeting.number += 1
        _with_history_user(meeting, user).save(update_fields=["number", "updated"])
    return number


@transaction.atomic
def prepare_next_meeting(
    *,
    series: MeetingSeries,
    user=None,
    starts_at: datetime.datetime | None = None,
    ends_at: datetime.datetime | None = None,
    venue: str | None = None,
    format: str | None = None,
    join_url: str = "",
    carry: CarryOver = CarryOver(),
    another_planned_confirmed: bool = False,
) -> Meeting:
    """Create the next meeting of the series, a draft, from its latest held meeting.

    Per ``carry`` it copies that meeting's standing agenda items, its other items, its invited organisations and
    named people (and invites the series' members), and puts every still-open follow-up action of the series under
    the item flagged ``reviews_follow_up_actions``. Date, venue and format default to the previous meeting's. When
    a meeting of the series is already planned, it is refused unless ``another_planned_confirmed``. Numbers follow
    the dates (see _number_in_date_order).
    """
    # Lock the series so two clicks cannot both take the same number or both miss the planned one.
    MeetingSeries.objects.select_for_update().filter(pk=series.pk).first()
    if planned_meetings(series) and not another_planned_confirmed:
        raise ValidationError(
            {"another_planned_confirmed": _("A meeting of this series is already planned: confirm to add another.")}
        )
    previous = latest_held_meeting(series)
    starts_at = starts_at or default_start(previous)
    ends_at = ends_at or starts_at + default_duration(previous)
    number = _number_in_date_order(series, starts_at, user)
    if previous and previous.reviewed_quarter:
        reviewed = previous.reviewed_quarter.next()
    else:
        reviewed = Quarter.containing(timezone.localtime(starts_at).date()).previous()

    meeting = Meeting(
        series=series,
        number=number,
        **_new_meeting_titles(number),
        starts_at=starts_at,
        ends_at=ends_at,
        time_zone=previous.time_zone if previous else str(timezone.get_current_timezone()),
        venue=(previous.venue if previous else "") if venue is None else venue,
        format=(previous.format if previous else MeetingFormat.IN_PERSON) if format is None else format,
        join_url=join_url,
        status=MeetingStatus.PLANNED,
    )
    meeting.reviewed_quarter = reviewed
    meeting.full_clean()
    _with_history_user(meeting, user).save()

    position = 0
    review_item = None
    topic_links = []
    if previous is not None:
        items = previous.agenda_items.prefetch_related("topics").order_by("position", "id")
        for item in items:
            wanted = carry.standing_items if item.is_standing else carry.other_items
            if item.reviews_follow_up_actions:
                wanted = carry.open_actions or (item.is_standing and carry.standing_items)
            if not wanted:
                continue
            position += 1
            copy = AgendaItem(
                meeting=meeting,
                position=position,
                title=item.title,
                **translations_copied(item, "title", "description"),
                description=item.description,
                presenter_id=item.presenter_id,
                lead_organization_id=item.lead_organization_id,
                planned_minutes=item.planned_minutes,
                is_standing=item.is_standing,
                reviews_follow_up_actions=item.reviews_follow_up_actions,
            )
            _with_history_user(copy, user).save()
            topic_links += [
                AgendaItem.topics.through(agendaitem_id=copy.pk, topic_id=topic.pk) for topic in item.topics.all()
            ]
            if item.reviews_follow_up_actions and review_item is None:
                review_item = copy
        AgendaItem.topics.through.objects.bulk_create(topic_links)
    if carry.open_actions:
        if review_item is None:
            review_item = AgendaItem(
                meeting=meeting,
                position=position + 1,
                **_review_item_titles(),
                is_standing=True,
                reviews_follow_up_actions=True,
            )
            review_item.full_clean()
            _with_history_user(review_item, user).save()
        review_item.actions_to_review.set(ActionItem.objects.filter(meeting__series=series).still_open())

    if carry.invitations:
        if previous is not None:
            copied = set()
            for participation in previous.participations.order_by("id"):
                # A walk-in recorded by name only: its organisation is invited, not the name.
                key = (participation.organization_id, participation.contact_id)
                if key in copied:
                    continue
                copied.add(key)
                copy = Participation(
                    meeting=meeting,
                    organization_id=participation.organization_id,
                    contact_id=participation.contact_id,
                    role=participation.role,
                    status=ParticipationStatus.INVITED,
                )
                _with_history_user(copy, user).save()
        invite_organizations(meeting=meeting, organizations=series.members.all(), user=user)
    if previous is not None:  # its circulated or published minutes are approved at this meeting
        add_approval_item(meeting=previous, user=user)
    return meeting


def is_latest_held(meeting: Meeting) -> bool:
    latest = latest_held_meeting(meeting.series)
    return latest is not None and latest.pk == meeting.pk
