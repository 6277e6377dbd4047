"""The secretariat's meeting cycle as service functions: each one validates, saves and records history in a transaction.

Lost updates are prevented with a version number: the agenda, the minutes and the meeting's own fields share
``Meeting.version``, a follow-up action has ``ActionItem.version``. A save names the version it was based on and
is refused with ``EditConflict`` when someone else has saved in between (``UPDATE ... WHERE version = N``).
"""

import datetime
from collections.abc import Iterable
from functools import partial

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from activities.quarter import Quarter
from coordination import access
from coordination.versioning import claim_version as _claim_version
from meetings import notifications
from meetings.models import (
    ActionItem,
    ActionStatus,
    ActionUpdate,
    AgendaItem,
    Decision,
    Meeting,
    MeetingSeries,
    MeetingStatus,
    MinutesStatus,
    Participation,
    ParticipationStatus,
    Statement,
    ordinal,
)
from stakeholders.models import Contact, Organization

REVIEW_OF_ACTIONS_TITLE = "Review of follow-up actions"
DEFAULT_MEETING_HOURS = 3
DEFAULT_INTERVAL = datetime.timedelta(weeks=13)  # the platform meets quarterly


def claim_meeting_version(meeting: Meeting, expected_version: int) -> None:
    meeting.version = _claim_version(Meeting, meeting.pk, expected_version)


def _with_history_user(instance, user):
    if user is not None and user.is_authenticated:
        instance._history_user = user
    return instance


# Preparing and editing meetings


def next_meeting_number(series: MeetingSeries) -> int:
    return (series.meetings.aggregate(highest=Max("number"))["highest"] or 0) + 1


def _default_start(previous: Meeting | None) -> datetime.datetime:
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


@transaction.atomic
def prepare_next_meeting(*, series: MeetingSeries, user=None) -> Meeting:
    """Create meeting N+1 of the series from meeting N.

    It copies N's standing agenda items, invites the series' member organisations and puts every still-open
    follow-up action of the series on its agenda under "Review of follow-up actions". Date, venue and format
    follow the previous meeting and are meant to be edited afterwards.
    """
    # Lock the series so two clicks cannot both take the same number.
    MeetingSeries.objects.select_for_update().filter(pk=series.pk).first()
    previous = series.meetings.order_by("-number").first()
    number = next_meeting_number(series)
    starts_at = _default_start(previous)
    duration = (previous.ends_at - previous.starts_at) if previous else datetime.timedelta(hours=DEFAULT_MEETING_HOURS)
    if previous and previous.reviewed_quarter:
        reviewed = previous.reviewed_quarter.next()
    else:
        reviewed = Quarter.containing(starts_at.date()).previous()

    meeting = Meeting(
        series=series,
        number=number,
        title=f"{ordinal(number)} coordination meeting",
        starts_at=starts_at,
        ends_at=starts_at + duration,
        time_zone=previous.time_zone if previous else str(timezone.get_current_timezone()),
        venue=previous.venue if previous else "",
        format=previous.format if previous else Meeting._meta.get_field("format").default,
        status=MeetingStatus.PLANNED,
    )
    meeting.reviewed_quarter = reviewed
    meeting.full_clean()
    _with_history_user(meeting, user).save()

    position = 0
    review_item = None
    if previous is not None:
        standing_items = previous.agenda_items.filter(is_standing=True).prefetch_related("topics").order_by("position")
        for item in standing_items:
            position += 1
            copy = AgendaItem(
                meeting=meeting,
                position=position,
                title=item.title,
                description=item.description,
                presenter_id=item.presenter_id,
                lead_organization_id=item.lead_organization_id,
                planned_minutes=item.planned_minutes,
                is_standing=True,
            )
            _with_history_user(copy, user).save()
            copy.topics.set(item.topics.all())
            if item.title == REVIEW_OF_ACTIONS_TITLE:
                review_item = copy
    if review_item is None:
        review_item = AgendaItem(meeting=meeting, position=position + 1, title=REVIEW_OF_ACTIONS_TITLE)
        review_item.full_clean()
        _with_history_user(review_item, user).save()
    review_item.actions_to_review.set(ActionItem.objects.filter(meeting__series=series).still_open())

    invite_organizations(meeting=meeting, organizations=series.members.all(), user=user)
    return meeting


def save_meeting(*, meeting: Meeting, expected_version: int | None, user=None) -> Meeting:
    """Validate and save a new meeting (expected_version None) or an edited one (checked against its version)."""
    meeting.full_clean()
    with transaction.atomic():
        if meeting.pk is not None:
            claim_meeting_version(meeting, expected_version)
        _with_history_user(meeting, user).save()
    return meeting


# The agenda


def _agenda(meeting: Meeting) -> list[AgendaItem]:
    return list(AgendaItem.objects.filter(meeting=meeting).order_by("position", "id"))


def _renumber(items: list[AgendaItem], user) -> None:
    """Give the items positions 1..n in list order, saving only those that moved.

    The unique (meeting, position) constraint is checked at commit, so positions may collide in between.
    """
    for position, item in enumerate(items, start=1):
        if item.position != position:
            item.position = position
            _with_history_user(item, user).save(update_fields=["position", "updated"])


def add_agenda_item(*, meeting: Meeting, item: AgendaItem, expected_version: int, user=None) -> AgendaItem:
    """Append ``item`` (unsaved) to the end of the meeting's agenda."""
    item.meeting = meeting
    with transaction.atomic():
        claim_meeting_version(meeting, expected_version)
        item.position = (meeting.agenda_items.aggregate(last=Max("position"))["last"] or 0) + 1
        item.full_clean()
        _with_history_user(item, user).save()
    return item


def save_agenda_item(*, item: AgendaItem, expected_version: int, user=None) -> AgendaItem:
    """Save an edited agenda item (including its minutes fields), checked against the meeting's version."""
    item.full_clean()
    with transaction.atomic():
        claim_meeting_version(item.meeting, expected_version)
        _with_history_user(item, user).save()
    return item


@transaction.atomic
def remove_agenda_item(*, item: AgendaItem, expected_version: int, user=None) -> None:
    meeting = item.meeting
    claim_meeting_version(meeting, expected_version)
    _with_history_user(item, user).delete()
    _renumber(_agenda(meeting), user)


@transaction.atomic
def move_agenda_item(*, item: AgendaItem, offset: int, expected_version: int, user=None) -> bool:
    """Move the item ``offset`` places (-1 up, +1 down); False when it is already at that end."""
    meeting = item.meeting
    claim_meeting_version(meeting, expected_version)
    items = _agenda(meeting)
    index = next(index for index, other in enumerate(items) if other.pk == item.pk)
    target = index + offset
    if not 0 <= target < len(items):
        _renumber(items, user)
        return False
    items.insert(target, items.pop(index))
    _renumber(items, user)
    return True


# Participation register


def invite_organizations(*, meeting: Meeting, organizations: Iterable[Organization], user=None) -> int:
    """Invite each organisation not yet on the meeting's list; returns how many were added."""
    already = set(meeting.participations.values_list("organization_id", flat=True))
    added = 0
    with transaction.atomic():
        for organization in organizations:
            if organization.pk in already:
                continue
            participation = Participation(
                meeting=meeting, organization=organization, status=ParticipationStatus.INVITED
            )
            _with_history_user(participation, user).save()
            already.add(organization.pk)
            added += 1
    return added


@transaction.atomic
def add_named_participant(*, meeting: Meeting, contact: Contact, role: str, user=None) -> Participation:
    """Name a person on the list. An organisation-only invitation of their organisation becomes theirs."""
    if meeting.participations.filter(contact=contact).exists():
        raise ValidationError({"contact": _("%(name)s is already on the list.") % {"name": contact.name}})
    participation = (
        meeting.participations.select_for_update()
        .filter(organization_id=contact.organization_id, contact=None)
        .order_by("id")
        .first()
    )
    if participation is None:
        participation = Participation(meeting=meeting, organization_id=contact.organization_id)
    participation.contact = contact
    participation.role = role
    participation.full_clean()
    _with_history_user(participation, user).save()
    return participation


def attendance_by_organization(participations: Iterable[Participation]) -> list[dict]:
    """Roll the list up per organisation: the people counted by status, and whether anyone attended."""
    rows: dict[int, dict] = {}
    for participation in participations:
        row = rows.setdefault(
            participation.organization_id,
            {"organization": participation.organization, "counts": dict.fromkeys(ParticipationStatus.values, 0)},
        )
        row["counts"][participation.status] += 1
    result = sorted(rows.values(), key=lambda row: row["organization"].name)
    for row in result:
        counts = row["counts"]
        row["attended"] = counts[ParticipationStatus.ATTENDED] > 0
        row["status_counts"] = [
            (ParticipationStatus(value).label, counts[value]) for value in ParticipationStatus.values
        ]
    return result


# Minutes


def ensure_minutes_editable(meeting: Meeting) -> None:
    if meeting.minutes_status == MinutesStatus.PUBLISHED:
        raise ValidationError(_("The minutes are published; reopen them before changing them."))


@transaction.atomic
def save_minutes(
    *,
    meeting: Meeting,
    minutes_summary: str,
    item_minutes: dict[int, tuple[str, str]],
    expected_version: int,
    user=None,
    summary_translations: dict[str, str] | None = None,
    item_translations: dict[int, dict[str, str]] | None = None,
) -> Meeting:
    """Save the meeting's summary and, per agenda item id, its (discussion summary, outcome).

    The optional Russian and Uzbek versions come as field name -> text: ``{"minutes_summary_ru": ...}`` for the
    meeting, ``{item_id: {"discussion_summary_uz": ...}}`` for the items.
    """
    ensure_minutes_editable(meeting)
    claim_meeting_version(meeting, expected_version)
    meeting.minutes_summary = minutes_summary
    for field, text in (summary_translations or {}).items():
        setattr(meeting, field, text)
    meeting.full_clean()
    _with_history_user(meeting, user).save()
    item_translations = item_translations or {}
    for item in AgendaItem.objects.filter(meeting=meeting, pk__in=item_minutes):
        discussion_summary, outcome = item_minutes[item.pk]
        translations = item_translations.get(item.pk, {})
        changed = any(getattr(item, field) != text for field, text in translations.items())
        if changed or (item.discussion_summary, item.outcome) != (discussion_summary, outcome):
            item.discussion_summary, item.outcome = discussion_summary, outcome
            for field, text in translations.items():
                setattr(item, field, text)
            item.full_clean()
            _with_history_user(item, user).save()
    return meeting


def _check_publisher(user) -> None:
    if not user.has_perm("meetings.publish_minutes"):
        raise PermissionDenied(_("Only the secretariat may publish or reopen minutes."))


@transaction.atomic
def publish_minutes(*, meeting: Meeting, user, on_announced=None) -> Meeting:
    """Draft -> published, recording who published them and when.

    Once the transaction commits, the meeting's participants are e-mailed a link (meetings.notifications); a
    rolled-back publication sends nothing. ``on_announced(delivery)`` is then told who was or was not reached.
    """
    _check_publisher(user)
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if meeting.minutes_status == MinutesStatus.PUBLISHED:
        raise ValidationError(_("The minutes are already published."))
    meeting.minutes_status = MinutesStatus.PUBLISHED
    meeting.minutes_published_at = timezone.now()
    meeting.minutes_published_by = user
    claim_meeting_version(meeting, meeting.version)
    meeting.full_clean()
    _with_history_user(meeting, user).save()
    transaction.on_commit(
        partial(notifications.announce_published_minutes_safely, meeting_id=meeting.pk, report=on_announced)
    )
    return meeting


@transaction.atomic
def reopen_minutes(*, meeting: Meeting, user) -> Meeting:
    """Published -> draft, so the secretariat can correct them; the history keeps the published state."""
    _check_publisher(user)
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if meeting.minutes_status != MinutesStatus.PUBLISHED:
        raise ValidationError(_("The minutes are not published."))
    meeting.minutes_status = MinutesStatus.DRAFT
    meeting.minutes_published_at = None
    meeting.minutes_published_by = None
    claim_meeting_version(meeting, meeting.version)
    meeting.full_clean()
    _with_history_user(meeting, user).save()
    return meeting


def save_statement(*, statement: Statement, expected_version: int | None = None, user=None) -> Statement:
    """Create a statement (expected_version None) or edit one, refused with EditConflict if saved in between."""
    ensure_minutes_editable(statement.meeting)
    statement.full_clean()
    with transaction.atomic():
        if statement.pk is not None:
            statement.version = _claim_version(Statement, statement.pk, expected_version)
        elif not statement.position:
            last = statement.meeting.statements.aggregate(last=Max("position"))["last"] or 0
            statement.position = last + 1
        _with_history_user(statement, user).save()
    return statement


def save_decision(*, decision: Decision, expected_version: int | None = None, user=None) -> Decision:
    """Create a decision (expected_version None) or edit one, refused with EditConflict if saved in between."""
    ensure_minutes_editable(decision.meeting)
    decision.full_clean()
    with transaction.atomic():
        if decision.pk is not None:
            decision.version = _claim_version(Decision, decision.pk, expected_version)
        _with_history_user(decision, user).save()
    return decision


def delete_minutes_entry(*, entry: Statement | Decision, user=None) -> None:
    ensure_minutes_editable(entry.meeting)
    _with_history_user(entry, user).delete()


# Follow-up actions


def save_action(*, action: ActionItem, expected_version: int | None, user=None) -> ActionItem:
    """Create (expected_version None) or edit a follow-up action; ActionItem.clean checks due date and owner."""
    action.full_clean()
    with transaction.atomic():
        if action.pk is not None:
            action.version = _claim_version(ActionItem, action.pk, expected_version)
        _with_history_user(action, user).save()
    return action


def can_update_action(user, action: ActionItem) -> bool:
    """The secretariat may update any action; a participant only those of their own organisation (access policy)."""
    return access.may_report_for(user, action.responsible_organization_id)


def record_action_update(
    *,
    action: ActionItem,
    user,
    status: str,
    note: str = "",
    noted_on: datetime.date | None = None,
    expected_version: int,
    meeting: Meeting | None = None,
) -> ActionUpdate:
    """Record a dated status change or progress note and set the action's status."""
    if not can_update_action(user, action):
        raise PermissionDenied(_("You may only update the actions of your own organisation."))
    noted_on = noted_on or timezone.localdate()
    if noted_on > timezone.localdate():
        raise ValidationError({"noted_on": _("The date of an update cannot be in the future.")})
    if status not in ActionStatus.values:
        raise ValidationError({"status": _("Choose a valid status.")})
    update = ActionUpdate(action=action, status=status, note=note, noted_on=noted_on, meeting=meeting, author=user)
    update.full_clean()
    with transaction.atomic():
        action.version = _claim_version(ActionItem, action.pk, expected_version)
        action.status = status
        _with_history_user(action, user).save(update_fields=["status", "version", "updated"])
        _with_history_user(update, user).save()
    return update
