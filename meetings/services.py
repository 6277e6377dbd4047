"""The secretariat's meeting cycle as service functions: each one validates, saves and records history in a transaction.

Lost updates are prevented with a version number: the agenda, the minutes and the meeting's own fields share
``Meeting.version``, a follow-up action has ``ActionItem.version``. A save names the version it was based on and
is refused with ``EditConflict`` when someone else has saved in between (``UPDATE ... WHERE version = N``).
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.db.models import F, Max, OuterRef, Q, Subquery
from django.utils import timezone, translation
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from simple_history.utils import bulk_update_with_history

from common.i18n import versions_of
from common.models import MailStatus
from common.quarter import Quarter
from common.roles import is_secretariat
from common.versioning import claim_version as _claim_version
from meetings.models import (
    REVIEW_OF_ACTIONS_TITLE,
    ActionItem,
    ActionStatus,
    ActionUpdate,
    AgendaItem,
    Decision,
    Invitation,
    LifecycleStage,
    Meeting,
    MeetingFormat,
    MeetingSeries,
    MeetingStatus,
    MinutesStatus,
    OrganizationReply,
    Participation,
    ParticipationStatus,
    ReviewOutcome,
    Rsvp,
    RsvpAnswer,
    Statement,
    ordinal,
)
from meetings.notifications import delivery
from stakeholders.models import Contact, Organization, may_answer_for_organization, may_report_for

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


def latest_held_meeting(series: MeetingSeries) -> Meeting | None:
    """The meeting the next one is prepared from: the last one that took place (never a planned or cancelled one)."""
    return series.meetings.filter(status=MeetingStatus.HELD).order_by("-starts_at", "-id").first()


def planned_meetings(series: MeetingSeries) -> list[Meeting]:
    """Meetings of the series still planned: preparing another one is then probably a mistake (a second click)."""
    return list(series.meetings.filter(status=MeetingStatus.PLANNED).order_by("starts_at", "id"))


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
    if any(meeting.status != MeetingStatus.PLANNED for meeting in later):
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
                title_ru=item.title_ru,
                title_uz=item.title_uz,
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
    return meeting


@transaction.atomic
def announce_meeting(*, meeting: Meeting, user=None) -> Meeting:
    """Draft -> announced: from now on everyone who may read meetings sees it. Announcing twice changes nothing."""
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if meeting.announced_at is None:
        meeting.announced_at = timezone.now()
        _with_history_user(meeting, user).save(update_fields=["announced_at", "updated"])
    return meeting


@dataclass(frozen=True)
class NextStep:
    """The one thing to do next on a meeting, offered as the primary button of its page."""

    label: str
    url_name: str  # reversed with the meeting's pk
    post: bool = False


def next_step(meeting: Meeting) -> NextStep | None:
    """draft: invite (which announces); announced and started: attendance; held: minutes; minutes written: publish."""
    stage = meeting.lifecycle_stage
    if stage == LifecycleStage.DRAFT:
        return NextStep(_("Invite and announce"), "meetings:meeting-invitations")
    if stage == LifecycleStage.ANNOUNCED:
        return NextStep(_("Record attendance"), "meetings:meeting-participants") if meeting.has_started else None
    if stage == LifecycleStage.HELD:
        return NextStep(_("Write the minutes"), "meetings:meeting-minutes-edit")
    if stage == LifecycleStage.MINUTES_DRAFT:
        return NextStep(_("Publish the minutes"), "meetings:meeting-minutes-publish")
    return None


def is_latest_held(meeting: Meeting) -> bool:
    latest = latest_held_meeting(meeting.series)
    return latest is not None and latest.pk == meeting.pk


def deletion_refusal(meeting: Meeting) -> str:
    """Why the meeting may not be deleted, or "" when it may: only a draft nobody was told about, with no minutes."""
    if not meeting.is_draft:
        return _("The meeting has been announced, so it cannot be deleted; cancel it instead.")
    if meeting.invitations.exists() or meeting.participations.filter(invitation_sent_at__isnull=False).exists():
        return _("Invitations to this meeting have been sent, so it cannot be deleted; cancel it instead.")
    if (
        meeting.status == MeetingStatus.HELD
        or meeting.minutes_summary.strip()
        or meeting.agenda_items.exclude(discussion_summary="").exists()
        or meeting.statements.exists()
        or meeting.decisions.exists()
        or meeting.action_items.exists()
        or meeting.action_updates.exists()
    ):
        return _("The meeting has minutes, so it cannot be deleted.")
    return ""


@transaction.atomic
def delete_draft_meeting(*, meeting: Meeting, user=None) -> None:
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    refusal = deletion_refusal(meeting)
    if refusal:
        raise ValidationError(refusal)
    _with_history_user(meeting, user).delete()


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
def add_named_participant(
    *, meeting: Meeting, contact: Contact, role: str, only_this_person: bool = False, user=None
) -> Participation:
    """Name a person on the list.

    The organisation's invitation (without a named person) stays, so its other contacts are still invited, unless
    ``only_this_person``: then that invitation becomes the person's.
    """
    if meeting.participations.filter(contact=contact).exists():
        raise ValidationError({"contact": _("%(name)s is already on the list.") % {"name": contact.name}})
    participation = None
    if only_this_person:
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


class InvitationState(models.TextChoices):
    """Where one person's invitation stands (invitation_register)."""

    NOT_SENT = "not_sent", gettext_lazy("Not yet invited")
    PENDING = "pending", gettext_lazy("Being sent")
    SENT = "sent", gettext_lazy("Sent")
    FAILED = "failed", gettext_lazy("Failed")
    NO_ADDRESS = "no_address", gettext_lazy("No e-mail address")


@dataclass
class Invitee:
    contact: Contact
    state: InvitationState
    error: str = ""
    failing_since: datetime.datetime | None = None  # the invitation has not gone out although it was tried
    answer: Rsvp | None = None
    named_by: object = None  # the focal point (a user) who named this person as attending for the organisation
    confirmed: bool = False  # on the list by name and confirmed (by their focal point or the secretariat)

    @property
    def will_attend(self) -> bool:
        """Their own answer when they gave one (they know best), else whether they are confirmed by name."""
        if self.answer is not None:
            return self.answer.answer == RsvpAnswer.ACCEPTED
        return self.confirmed

    @property
    def will_not_attend(self) -> bool:
        return self.answer is not None and self.answer.answer == RsvpAnswer.DECLINED

    @property
    def waiting(self) -> bool:
        """Invited (the mail went or is going out) and neither answered nor confirmed."""
        return (
            not self.will_attend
            and not self.will_not_attend
            and self.state in (InvitationState.SENT, InvitationState.PENDING)
        )


@dataclass
class InvitedOrganization:
    organization: Organization
    people: list[Invitee]
    reply: OrganizationReply | None = None  # the focal point's answer for the whole organisation

    @property
    def reachable(self) -> bool:
        return any(person.state != InvitationState.NO_ADDRESS for person in self.people)

    @property
    def invited(self) -> bool:
        """Whether mail went out to anyone of it (a row says "not yet invited" until then)."""
        return any(person.state in (InvitationState.SENT, InvitationState.PENDING) for person in self.people)


def _invitation_state(contact: Contact, invitation) -> tuple[InvitationState, str, datetime.datetime | None]:
    """The state of one person's invitation, and when it is failing to go out: since when, with the last error."""
    if not contact.is_active or not contact.email:
        return InvitationState.NO_ADDRESS, "", None
    if invitation is None:
        return InvitationState.NOT_SENT, "", None
    mail = invitation.mail
    if mail is None or mail.status == MailStatus.SENT:  # mail is None: sent before the outbox existed
        return InvitationState.SENT, "", None
    state = InvitationState.FAILED if mail.status == MailStatus.FAILED else InvitationState.PENDING
    return state, mail.last_error, mail.failing_since


def invitation_register(meeting: Meeting) -> list[InvitedOrganization]:
    """Per invited organisation, who the invitation goes to (the named people, and for an organisation-wide
    invitation each of its active contacts), where each one's stands (sent, failed, no address...) and each reply.

    Five queries, whatever the number of rows.
    """
    participations = list(
        meeting.participations.select_related("organization", "contact", "named_by__contact").order_by(
            "organization__name", "id"
        )
    )
    named_by = {row.contact_id: row.named_by for row in participations if row.contact_id and row.named_by_id}
    confirmed = {
        row.contact_id for row in participations if row.contact_id and row.status == ParticipationStatus.CONFIRMED
    }
    replies = {
        reply.organization_id: reply
        for reply in OrganizationReply.objects.filter(meeting=meeting).select_related("answered_by__contact").order_by()
    }
    organization_wide = {row.organization_id for row in participations if not row.contact_id}
    contacts = Contact.objects.filter(organization_id__in=organization_wide, is_active=True).order_by("name", "pk")
    invitations = {
        invitation.contact_id: invitation
        for invitation in Invitation.objects.filter(meeting=meeting).select_related("mail").order_by()
    }
    answers = {rsvp.contact_id: rsvp for rsvp in Rsvp.objects.filter(meeting=meeting).order_by()}
    rows: dict[int, InvitedOrganization] = {}
    seen: set[int] = set()

    def add(organization, contact):
        row = rows.setdefault(
            organization.pk,
            InvitedOrganization(organization=organization, people=[], reply=replies.get(organization.pk)),
        )
        if contact is not None and contact.pk not in seen:
            seen.add(contact.pk)
            state, error, failing_since = _invitation_state(contact, invitations.get(contact.pk))
            row.people.append(
                Invitee(
                    contact=contact,
                    state=state,
                    error=error,
                    failing_since=failing_since,
                    answer=answers.get(contact.pk),
                    named_by=named_by.get(contact.pk),
                    confirmed=contact.pk in confirmed,
                )
            )

    organizations = {}
    for participation in participations:
        organizations[participation.organization_id] = participation.organization
        add(participation.organization, participation.contact)
    for contact in contacts:
        add(organizations[contact.organization_id], contact)
    return list(rows.values())


def reply_counts(register: list[InvitedOrganization]) -> dict[str, int]:
    """How many people of the register will attend (by their own answer or named by their focal point), will not,
    and were invited without an answer yet; and how many organisations answered through their focal point."""
    people = [person for row in register for person in row.people]
    return {
        "accepted": sum(person.will_attend for person in people),
        "declined": sum(person.will_not_attend for person in people),
        "waiting": sum(person.waiting for person in people),
        "organizations_accepted": sum(bool(row.reply) and row.reply.answer == RsvpAnswer.ACCEPTED for row in register),
        "organizations_declined": sum(bool(row.reply) and row.reply.answer == RsvpAnswer.DECLINED for row in register),
    }


# Replies to invitations (RSVP)


def rsvp_refusal(meeting: Meeting) -> str:
    """Why the meeting takes no replies, or "" when it does."""
    if meeting.is_draft or meeting.status == MeetingStatus.CANCELLED:
        return _("This meeting takes no replies: it is not announced or has been cancelled.")
    if meeting.ends_at <= timezone.now():
        return _("This meeting is over: replies are no longer taken.")
    return ""


def is_invited(meeting: Meeting, contact: Contact) -> bool:
    """Whether the person is on the meeting's list now: named on it, or their organisation invited as a whole (a
    walk-in's row records attendance, not an invitation)."""
    return (
        meeting.participations.filter(walk_in=False)
        .filter(Q(contact=contact) | Q(contact__isnull=True, organization_id=contact.organization_id))
        .exists()
    )


def rsvp_link_refusal(meeting: Meeting, contact: Contact) -> str:
    """Why the reply link in ``contact``'s invitation takes no answer now, or "" when it does: as ``rsvp_refusal``,
    and the link answers only while its person is still invited (the mail outlives a change of the list)."""
    refusal = rsvp_refusal(meeting)
    if refusal or is_invited(meeting, contact):
        return refusal
    return _(
        "You are no longer on the list of people invited to this meeting, so this link takes no reply. "
        "If that is a mistake, please write to the secretariat."
    )


@transaction.atomic
def record_rsvp(*, meeting: Meeting, contact: Contact, answer: str, through_link: bool = False) -> Rsvp:
    """Record (or change) one person's answer; refused for a meeting that is over, cancelled or not announced, and
    ``through_link`` (the signed link in their invitation) for a person no longer invited."""
    if answer not in RsvpAnswer.values:
        raise ValidationError({"answer": _("Choose whether you will attend.")})
    refusal = rsvp_link_refusal(meeting, contact) if through_link else rsvp_refusal(meeting)
    if refusal:
        raise ValidationError(refusal)
    rsvp, _created = Rsvp.objects.update_or_create(
        meeting=meeting, contact=contact, defaults={"answer": answer, "answered_at": timezone.now()}
    )
    return rsvp


ATTENDANCE_OUTCOMES = (ParticipationStatus.ATTENDED, ParticipationStatus.ABSENT)
STILL_OPEN = (ParticipationStatus.INVITED, ParticipationStatus.CONFIRMED)
# What a reply may still change: the statuses given before the meeting (attendance is recorded afterwards).
BEFORE_THE_MEETING = (*STILL_OPEN, ParticipationStatus.EXCUSED)


# An organisation's reply, given by its focal point


def organization_reply_refusal(meeting: Meeting, organization: Organization | None) -> str:
    """Why ``organization`` cannot answer the invitation to ``meeting`` now, or "" when it can: the meeting must be
    announced, not held, cancelled or over, and the organisation invited."""
    refusal = rsvp_refusal(meeting)
    if refusal:
        return refusal
    if meeting.status == MeetingStatus.HELD:
        return _("This meeting has been held: replies are no longer taken.")
    if organization is None or not any(
        row.organization_id == organization.pk and not row.walk_in for row in _participations_of(meeting)
    ):
        return _("Your organisation is not invited to this meeting.")
    return ""


def _participations_of(meeting: Meeting) -> list[Participation]:
    """The meeting's rows, from the page's prefetch when there is one (the meeting page), else one query."""
    return list(meeting.participations.all())


@dataclass
class OrganizationAnswer:
    """What an organisation's focal point sees: its reply, the people named as attending, and whom to choose from."""

    organization: Organization
    reply: OrganizationReply | None
    contacts: list[Contact]
    attending: list[Contact]


def organization_answer(*, meeting: Meeting, organization: Organization) -> OrganizationAnswer:
    """The organisation's current answer to the meeting's invitation (two queries, and the meeting's rows)."""
    reply = (
        OrganizationReply.objects.filter(meeting=meeting, organization=organization)
        .select_related("answered_by__contact")
        .first()
    )
    contacts = list(Contact.objects.active().filter(organization=organization).order_by("name", "pk"))
    confirmed = {
        row.contact_id
        for row in _participations_of(meeting)
        if row.organization_id == organization.pk and row.contact_id and row.status == ParticipationStatus.CONFIRMED
    }
    return OrganizationAnswer(
        organization=organization,
        reply=reply,
        contacts=contacts,
        attending=[contact for contact in contacts if contact.pk in confirmed],
    )


@transaction.atomic
def answer_for_organization(
    *, meeting: Meeting, organization: Organization, answer: str, attendees: Iterable[Contact] = (), user
) -> OrganizationReply:
    """A focal point answers the invitation for their organisation and names which of its active contacts attend.

    Accepting confirms the organisation's invitation and each named person (a row of their own, ``named_by`` the
    focal point; rows the secretariat named keep their role); people the focal point named before and leaves out
    now are taken off the list, and those the secretariat named are excused. Declining excuses the organisation and
    everyone named for it. Attendance recorded after the meeting is never changed. People still answer for
    themselves (``record_rsvp``); this records the organisation's answer.
    """
    if not may_answer_for_organization(user, organization.pk):
        raise PermissionDenied(_("Only a focal point of the organisation may answer for it."))
    if answer not in RsvpAnswer.values:
        raise ValidationError({"answer": _("Choose whether your organisation will attend.")})
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    refusal = organization_reply_refusal(meeting, organization)
    if refusal:
        raise ValidationError(refusal)
    attendees = list(attendees)
    if any(contact.organization_id != organization.pk or not contact.is_active for contact in attendees):
        raise ValidationError({"attendees": _("Choose among your organisation's active contacts.")})
    accepted = answer == RsvpAnswer.ACCEPTED
    if accepted and not attendees:
        raise ValidationError({"attendees": _("Tick at least one person who will attend.")})
    chosen = {contact.pk: contact for contact in attendees} if accepted else {}
    on_list = set()
    for row in meeting.participations.select_for_update().filter(organization=organization).order_by("id"):
        on_list.add(row.contact_id)
        if row.status not in BEFORE_THE_MEETING:
            continue
        if row.contact_id is None or row.contact_id in chosen:
            status = ParticipationStatus.CONFIRMED if accepted else ParticipationStatus.EXCUSED
        elif row.named_by_id is not None:
            _with_history_user(row, user).delete()
            continue
        else:
            status = ParticipationStatus.EXCUSED
        if row.status != status:
            row.status = status
            _with_history_user(row, user).save(update_fields=["status", "updated"])
    for contact in chosen.values():
        if contact.pk in on_list:
            continue
        participation = Participation(
            meeting=meeting,
            organization=organization,
            contact=contact,
            status=ParticipationStatus.CONFIRMED,
            named_by=user,
        )
        participation.full_clean()
        _with_history_user(participation, user).save()
    reply = OrganizationReply.objects.filter(meeting=meeting, organization=organization).first() or (
        OrganizationReply(meeting=meeting, organization=organization)
    )
    reply.answer, reply.answered_by, reply.answered_at = answer, user, timezone.now()
    _with_history_user(reply, user).save()
    return reply


def expected_to_attend(meeting: Meeting, rows: Iterable[Participation]) -> set[int]:
    """The rows (ids) still open whose status is confirmed or whose person (for an organisation-wide row, anyone of
    the organisation) accepted the invitation. One query."""
    accepted = Rsvp.objects.filter(meeting=meeting, answer=RsvpAnswer.ACCEPTED).values_list(
        "contact_id", "contact__organization_id"
    )
    accepted_people, accepted_organizations = set(), set()
    for contact_id, organization_id in accepted:
        accepted_people.add(contact_id)
        accepted_organizations.add(organization_id)
    return {
        row.pk
        for row in rows
        if row.status in STILL_OPEN
        and (
            row.status == ParticipationStatus.CONFIRMED
            or (row.contact_id in accepted_people if row.contact_id else row.organization_id in accepted_organizations)
        )
    }


@dataclass(frozen=True)
class RowChange:
    """What the user changed on one row of the register: ``chosen`` holds only the fields they changed (field name
    -> value), ``shown`` the values the page showed them and ``version`` the row's version then; ``remove`` when
    they ticked the row for removal."""

    row_id: int
    version: int
    shown: dict[str, str]
    chosen: dict[str, str]
    remove: bool = False


@dataclass
class RowConflict:
    """A row the user changed that someone else changed too since the page was shown: not saved. ``row`` is the row
    as now saved, ``changed_by`` who saved it last (a name, or "" when unknown)."""

    change: RowChange
    row: Participation
    changed_by: str = ""

    def fields(self) -> list[tuple[str, str, str]]:
        """(label, the user's choice, the value now saved) of each field the user changed."""
        labelled = []
        for name, value in self.change.chosen.items():
            field = Participation._meta.get_field(name)
            label = capfirst(str(field.verbose_name))
            labelled.append((label, _choice_label(field, value), _choice_label(field, getattr(self.row, name))))
        if self.change.remove:
            status = Participation._meta.get_field("status")
            labelled.append(
                (capfirst(str(status.verbose_name)), _("Remove from the list"), self.row.get_status_display())
            )
        return labelled


def _choice_label(field, value) -> str:
    return str(dict(field.flatchoices).get(value, value))


@dataclass
class AttendanceRecorded:
    saved: list[Participation]
    removed: int
    conflicts: list[RowConflict]


EDITABLE_ROW_FIELDS = ("role", "status")


@transaction.atomic
def record_attendance(
    *,
    meeting: Meeting,
    changes: Iterable[RowChange] = (),
    mark_expected_attended: bool = False,
    mark_all_attended: bool = False,
    confirmed_before_start: bool = False,
    user=None,
) -> AttendanceRecorded:
    """Save the register in one pass: the rows the user changed, the rows removed, and optionally every row still
    open whose organisation or person confirmed (or accepted the invitation) marked as attended, or with
    ``mark_all_attended`` ("everyone came") every row still open, whether or not they replied. Rows excused or
    already recorded keep their status.

    Only what the user changed is written, so a row someone else changed in the meantime keeps their change. When
    both changed the same field of a row to different values (or the user removes a row changed since), that row
    is a conflict: it is not saved, and is returned for the user to decide. A row removed meanwhile is left alone.

    Attendance (attended or absent) newly recorded for a meeting that has not started yet is refused unless
    ``confirmed_before_start``: nothing is saved.
    """
    rows = {row.pk: row for row in meeting.participations.select_for_update().order_by("id")}
    before = {pk: row.status for pk, row in rows.items()}
    to_save: dict[int, Participation] = {}
    to_remove: list[Participation] = []
    conflicts: list[RowConflict] = []
    for change in changes:
        unknown = set(change.chosen) - set(EDITABLE_ROW_FIELDS)
        if unknown:
            raise ValueError(f"Not register fields: {sorted(unknown)}")
        row = rows.get(change.row_id)
        if row is None:
            continue
        if row.version != change.version and (
            change.remove
            or any(getattr(row, name) not in (change.shown.get(name), value) for name, value in change.chosen.items())
        ):
            conflicts.append(RowConflict(change=change, row=row))
            continue
        if change.remove:
            to_remove.append(row)
            continue
        for name, value in change.chosen.items():
            if getattr(row, name) != value:
                setattr(row, name, value)
                to_save[row.pk] = row
    undecided = {conflict.row.pk for conflict in conflicts} | {row.pk for row in to_remove}
    if mark_expected_attended or mark_all_attended:
        open_rows = [row for pk, row in rows.items() if pk not in undecided]
        marked = (
            {row.pk for row in open_rows if row.status in STILL_OPEN}
            if mark_all_attended
            else expected_to_attend(meeting, open_rows)
        )
        for pk in marked:
            rows[pk].status = ParticipationStatus.ATTENDED
            to_save[pk] = rows[pk]
    newly_recorded = any(row.status in ATTENDANCE_OUTCOMES and before[pk] != row.status for pk, row in to_save.items())
    if newly_recorded and not confirmed_before_start and not meeting.has_started:
        raise _early_attendance_error()
    for row in to_remove:
        _with_history_user(row, user).delete()
    if to_save:
        now = timezone.now()
        for row in to_save.values():
            row.full_clean(exclude=["meeting", "organization", "contact"], validate_unique=False)
            row.updated = now
            row.version += 1  # the row is locked: no one else moves it meanwhile
        history_user = user if user is not None and user.is_authenticated else None
        bulk_update_with_history(
            list(to_save.values()), Participation, ["role", "status", "updated", "version"], default_user=history_user
        )
    _name_who_changed(conflicts)
    return AttendanceRecorded(saved=list(to_save.values()), removed=len(to_remove), conflicts=conflicts)


def _name_who_changed(conflicts: list[RowConflict]) -> None:
    """Who saved each conflicting row last, from its history (one query, none without conflicts)."""
    if not conflicts:
        return
    latest = (
        Participation.history.filter(id__in=[conflict.row.pk for conflict in conflicts])
        .select_related("history_user__contact")
        .order_by("id", "-history_date", "-history_id")
        .distinct("id")
    )
    names = {}
    for record in latest:
        person = record.history_user
        if person is not None:
            contact = getattr(person, "contact", None)
            names[record.id] = contact.name if contact is not None else person.get_username()
    for conflict in conflicts:
        conflict.changed_by = names.get(conflict.row.pk, "")


def _early_attendance_error() -> ValidationError:
    return ValidationError(
        {
            "confirm_before_start": _(
                "This meeting has not started yet. Tick the box to confirm you are recording attendance "
                "before the start, or wait until the meeting has begun. Nothing was saved."
            )
        }
    )


@transaction.atomic
def record_walk_in(
    *,
    meeting: Meeting,
    name: str,
    organization: Organization,
    create_contact: bool = False,
    confirmed_before_start: bool = False,
    user=None,
) -> Participation:
    """Someone who came without being invited: recorded as attended, by name, or as a new (or the same-named)
    contact of the organisation when ``create_contact``. Before the meeting's start it needs the confirmation."""
    name = " ".join(name.split())
    if not name:
        raise ValidationError({"name": _("Give the person's name.")})
    if not meeting.has_started and not confirmed_before_start:
        raise _early_attendance_error()
    contact = None
    if create_contact:
        contact = Contact.objects.filter(organization=organization, name__iexact=name).order_by("pk").first()
        if contact is None:
            contact = Contact(organization=organization, name=name)
            contact.full_clean()
            _with_history_user(contact, user).save()
        existing = meeting.participations.filter(contact=contact).first()
    else:
        existing = meeting.participations.filter(
            organization=organization, contact=None, attendee_name__iexact=name
        ).first()
    if existing is not None:
        if existing.status == ParticipationStatus.ATTENDED:
            raise ValidationError({"name": _("%(name)s is already recorded as attended.") % {"name": name}})
        existing.status = ParticipationStatus.ATTENDED
        _with_history_user(existing, user).save()
        return existing
    participation = Participation(
        meeting=meeting,
        organization=organization,
        contact=contact,
        attendee_name="" if contact else name,
        walk_in=True,
        status=ParticipationStatus.ATTENDED,
    )
    participation.full_clean()
    _with_history_user(participation, user).save()
    return participation


def set_headcount(*, meeting: Meeting, headcount: int | None, user=None) -> None:
    if meeting.headcount != headcount:
        meeting.headcount = headcount
        _with_history_user(meeting, user).save(update_fields=["headcount", "updated"])


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
            # A card open in the minutes editor is based on the item's version: it sees this save as a conflict.
            item.version = _claim_version(AgendaItem, item.pk, item.version)
            _with_history_user(item, user).save()
    return meeting


ITEM_MINUTES_FIELDS = ("discussion_summary", "outcome", "discussion_summary_ru", "discussion_summary_uz")


@transaction.atomic
def save_item_minutes(*, item: AgendaItem, expected_version: int, texts: dict[str, str], user=None) -> AgendaItem:
    """Save one agenda item's minutes (``texts``: discussion summary, outcome and their translations, by field
    name), refused with EditConflict when someone else saved them since ``expected_version``. The minutes
    editor's cards save this way, one item at a time, automatically as the secretariat types."""
    ensure_minutes_editable(item.meeting)
    unknown = set(texts) - set(ITEM_MINUTES_FIELDS)
    if unknown:
        raise ValueError(f"Not minutes fields: {sorted(unknown)}")
    if all(getattr(item, field) == text for field, text in texts.items()):
        return item  # what is saved already says this: nothing to lose, no history entry
    item.version = _claim_version(AgendaItem, item.pk, expected_version)
    for field, text in texts.items():
        setattr(item, field, text)
    item.full_clean()
    _with_history_user(item, user).save()
    return item


def _check_publisher(user) -> None:
    if not user.has_perm("meetings.publish_minutes"):
        raise PermissionDenied(_("Only the secretariat may publish or reopen minutes."))


def publication_refusal(meeting: Meeting) -> str:
    """Why the minutes of ``meeting`` cannot be published now, or "" if they can."""
    if meeting.minutes_status == MinutesStatus.PUBLISHED:
        return _("The minutes are already published.")
    if meeting.status != MeetingStatus.HELD or meeting.starts_at > timezone.now():
        return _("Minutes are published after the meeting: mark it as held first (it must have started).")
    return ""


REOPEN_REASON_MAX_LENGTH = 100  # django-simple-history's history_change_reason


@dataclass
class Publication:
    meeting: Meeting
    announced_to: int  # how many people the announcement e-mail was written for


@transaction.atomic
def publish_minutes(*, meeting: Meeting, user) -> Publication:
    """Draft -> published, recording who published them and when.

    The meeting's participants are e-mailed a link (meetings.notifications.delivery) through the outbox, sent by the
    task queue's worker once the transaction commits; a rolled-back publication sends nothing.
    """
    _check_publisher(user)
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    refusal = publication_refusal(meeting)
    if refusal:
        raise ValidationError(refusal)
    meeting.minutes_status = MinutesStatus.PUBLISHED
    meeting.minutes_published_at = timezone.now()
    meeting.minutes_published_by = user
    claim_meeting_version(meeting, meeting.version)
    meeting.full_clean()
    _with_history_user(meeting, user).save()
    apply_reviews(meeting=meeting, user=user)
    announcement = delivery.announce_published_minutes(meeting=meeting)
    return Publication(meeting=meeting, announced_to=len(announcement))


def apply_reviews(*, meeting: Meeting, user=None) -> int:
    """Give each action reviewed at ``meeting`` the status (and new due date) the meeting decided: called when its
    minutes are published, since what draft minutes record is seen by no one but the secretariat. A review that is
    no longer the action's latest entry (progress was reported after it) is kept in the history but not applied.
    Returns how many actions changed."""
    latest = ActionUpdate.objects.filter(action=OuterRef("action")).order_by("-noted_on", "-id").values("pk")[:1]
    reviews = (
        ActionUpdate.objects.filter(meeting=meeting)
        .annotate(latest_pk=Subquery(latest))
        .filter(pk=F("latest_pk"))
        .select_related("action")
    )
    changed = 0
    for review in reviews:
        action = review.action
        fields = []
        if action.status != review.status:
            action.status = review.status
            fields.append("status")
        if review.new_due_on and action.due_on != review.new_due_on:
            action.due_on = review.new_due_on
            fields.append("due_on")
        if fields:
            action.version = _claim_version(ActionItem, action.pk, action.version)
            _with_history_user(action, user).save(update_fields=[*fields, "version", "updated"])
            changed += 1
    return changed


@transaction.atomic
def reopen_minutes(*, meeting: Meeting, user, reason: str) -> Meeting:
    """Published -> draft, so the secretariat can correct them; the history keeps the published state and the
    reason given (the history record's change reason)."""
    _check_publisher(user)
    reason = " ".join((reason or "").split())
    if not reason:
        raise ValidationError({"reason": _("Say why the minutes are reopened: the history keeps the reason.")})
    if len(reason) > REOPEN_REASON_MAX_LENGTH:
        raise ValidationError(
            {
                "reason": ngettext(
                    "Keep the reason under %(limit)d character.",
                    "Keep the reason under %(limit)d characters.",
                    REOPEN_REASON_MAX_LENGTH,
                )
                % {"limit": REOPEN_REASON_MAX_LENGTH}
            }
        )
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if meeting.minutes_status != MinutesStatus.PUBLISHED:
        raise ValidationError(_("The minutes are not published."))
    meeting.minutes_status = MinutesStatus.DRAFT
    meeting.minutes_published_at = None
    meeting.minutes_published_by = None
    claim_meeting_version(meeting, meeting.version)
    meeting.full_clean()
    meeting._change_reason = reason
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


def delete_minutes_entry(*, entry: Statement | Decision | ActionItem, user=None) -> None:
    """Remove a statement, decision or follow-up action from draft minutes. An action that already has progress
    entries or is carried to a meeting's review has a record of its own and is kept (drop it instead)."""
    ensure_minutes_editable(entry.meeting)
    if isinstance(entry, ActionItem) and (entry.updates.exists() or entry.reviewed_in_items.exists()):
        raise ValidationError(
            _("This action already has progress or a review recorded, so it is kept: drop it instead of deleting it.")
        )
    _with_history_user(entry, user).delete()


# Follow-up actions


def carried_actions(user, lookup: str = "actions_to_review") -> models.Prefetch:
    """Prefetch the actions carried to agenda items (``lookup`` from the queryset at hand) as
    ``item.carried_actions``: only those ``user`` may read (draft-minutes rules), with their latest progress."""
    actions = (
        ActionItem.objects.visible_to(user)
        .select_related("responsible_organization", "owner")
        .with_latest_update(user)
        .order_by("due_on", "id")
    )
    return models.Prefetch(lookup, queryset=actions, to_attr="carried_actions")


def review_carried_action(
    *,
    meeting: Meeting,
    action: ActionItem,
    user,
    outcome: str,
    expected_version: int,
    due_on: datetime.date | None = None,
    note: str = "",
) -> ActionUpdate:
    """Record what ``meeting`` decided about an action carried to it: done, continued with a new due date, or
    dropped. The entry belongs to the meeting (``ActionUpdate.meeting``), so it is part of its minutes."""
    if not is_secretariat(user):
        raise PermissionDenied(_("Only the secretariat records the review of follow-up actions."))
    ensure_minutes_editable(meeting)
    carried = AgendaItem.actions_to_review.through.objects.filter(agendaitem__meeting=meeting, actionitem=action)
    if not carried.exists():
        raise ValidationError(_("This action is not carried to this meeting's review of follow-up actions."))
    if outcome not in ReviewOutcome.values:
        raise ValidationError({"outcome": _("Choose done, continued or dropped.")})
    status = {ReviewOutcome.DONE: ActionStatus.DONE, ReviewOutcome.DROPPED: ActionStatus.DROPPED}.get(outcome)
    if outcome == ReviewOutcome.CONTINUED:
        if due_on is None:
            raise ValidationError({"due_on": _("Give the new due date of a continued action.")})
        if due_on < meeting.local_start.date():
            raise ValidationError({"due_on": _("The new due date cannot be before this meeting.")})
        status = action.status if action.is_open else ActionStatus.IN_PROGRESS
    noted_on = min(meeting.local_start.date(), timezone.localdate())
    # The minutes are a draft (ensure_minutes_editable): the review is recorded now and takes effect on the action
    # (its status, its due date) when they are published (apply_reviews), so participants see neither before.
    return record_action_update(
        action=action,
        user=user,
        status=status,
        note=note,
        noted_on=noted_on,
        expected_version=expected_version,
        meeting=meeting,
        new_due_on=due_on if outcome == ReviewOutcome.CONTINUED else None,
        takes_effect=False,
    )


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
    return may_report_for(user, action.responsible_organization_id)


def action_update_refusal(user, action: ActionItem) -> str:
    """Why ``user`` cannot record progress on ``action``, or "" when they can. A unit's people see their parent's
    actions (the roll-up) but report only on their own organisation's."""
    if can_update_action(user, action):
        return ""
    return _("This action belongs to %(organization)s; its contacts report progress on it.") % {
        "organization": action.responsible_organization.display_name
    }


def action_statuses_for(user, action: ActionItem) -> list[str]:
    """The statuses ``user`` may give ``action``: the secretariat any; the responsible organisation's people report
    progress and completion, but only the secretariat drops an action or reopens one that is done or dropped."""
    if is_secretariat(user):
        return list(ActionStatus.values)
    if action.status in (ActionStatus.DONE, ActionStatus.DROPPED):
        return [action.status]
    return [ActionStatus.OPEN, ActionStatus.IN_PROGRESS, ActionStatus.DONE]


def record_action_update(
    *,
    action: ActionItem,
    user,
    status: str,
    note: str = "",
    noted_on: datetime.date | None = None,
    expected_version: int,
    meeting: Meeting | None = None,
    new_due_on: datetime.date | None = None,
    takes_effect: bool = True,
) -> ActionUpdate:
    """Record a dated status change or progress note and set the action's status (unless ``takes_effect`` is
    False: a review in draft minutes, applied at their publication by ``apply_reviews``)."""
    if not can_update_action(user, action):
        raise PermissionDenied(_("You may only update the actions of your own organisation."))
    noted_on = noted_on or timezone.localdate()
    if noted_on > timezone.localdate():
        raise ValidationError({"noted_on": _("The date of an update cannot be in the future.")})
    if status not in ActionStatus.values:
        raise ValidationError({"status": _("Choose a valid status.")})
    if status not in action_statuses_for(user, action):
        raise ValidationError(
            {"status": _("Only the secretariat can drop an action or reopen one that is done or dropped.")}
        )
    update = ActionUpdate(
        action=action,
        status=status,
        note=note,
        noted_on=noted_on,
        meeting=meeting,
        new_due_on=new_due_on,
        author=user,
    )
    update.full_clean()
    with transaction.atomic():
        action.version = _claim_version(ActionItem, action.pk, expected_version)
        if takes_effect:
            action.status = status
            _with_history_user(action, user).save(update_fields=["status", "version", "updated"])
        _with_history_user(update, user).save()
    return update
