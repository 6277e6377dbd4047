"""Replies to invitations: a person's RSVP and an organisation's answer given by its focal point."""

from collections.abc import Iterable
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from meetings.models import (
    Meeting,
    MeetingStatus,
    OrganizationReply,
    Participation,
    ParticipationStatus,
    Rsvp,
    RsvpAnswer,
)
from meetings.services._common import STILL_OPEN, _with_history_user
from stakeholders.models import Contact, Organization, may_answer_for_organization


def rsvp_refusal(meeting: Meeting) -> str:
    """Why the meeting takes no replies, or "" when it does."""
    if meeting.is_draft or meeting.status == MeetingStatus.CANCELLED:
        return _("This meeting takes no replies: it is not announced or has been cancelled.")
    if meeting.ends_at <= timezone.now():
        return _("This meeting is over: replies are no longer taken.")
    if meeting.has_started:
        return _("This meeting has started: replies are no longer taken.")
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


def own_reply_refusal(meeting: Meeting, contact: Contact) -> str:
    """Why the logged-in ``contact`` cannot answer for themselves on the meeting page now, or "" when they can: as
    ``rsvp_refusal``, and only while they (or their organisation as a whole) are invited, as for the mailed link."""
    refusal = rsvp_refusal(meeting)
    if refusal or is_invited(meeting, contact):
        return refusal
    return _(
        "You are not on the list of people invited to this meeting, so you cannot reply to it. "
        "If that is a mistake, please write to the secretariat."
    )


@transaction.atomic
def record_rsvp(*, meeting: Meeting, contact: Contact, answer: str, through_link: bool = False) -> Rsvp:
    """Record (or change) one person's answer; refused for a meeting that is over, cancelled or not announced, and
    for a person not (or no longer) invited, whether through the signed link in their invitation (``through_link``)
    or on the meeting page."""
    if answer not in RsvpAnswer.values:
        raise ValidationError({"answer": _("Choose whether you will attend.")})
    refusal = rsvp_link_refusal(meeting, contact) if through_link else own_reply_refusal(meeting, contact)
    if refusal:
        raise ValidationError(refusal)
    rsvp, _created = Rsvp.objects.update_or_create(
        meeting=meeting, contact=contact, defaults={"answer": answer, "answered_at": timezone.now()}
    )
    return rsvp


# What a reply may still change: the statuses given before the meeting (attendance is recorded afterwards).
BEFORE_THE_MEETING = (*STILL_OPEN, ParticipationStatus.EXCUSED)


# An organisation's reply, given by its focal point


def organization_reply_refusal(meeting: Meeting, organization: Organization | None) -> str:
    """Why ``organization`` cannot answer the invitation to ``meeting`` now, or "" when it can: the meeting must be
    announced, not held, cancelled or over, and the organisation invited."""
    refusal = rsvp_refusal(meeting)
    if refusal:
        return refusal
    if meeting.is_held:
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
