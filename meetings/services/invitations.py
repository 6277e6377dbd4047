"""The participation register: whom the meeting invites and where each invitation and reply stands."""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from common.models import MailStatus
from meetings.models import (
    Invitation,
    Meeting,
    MeetingMail,
    MeetingStatus,
    OrganizationReply,
    Participation,
    ParticipationRole,
    ParticipationStatus,
    Rsvp,
    RsvpAnswer,
)
from meetings.services._common import _with_history_user
from stakeholders.models import Contact, Organization
from stakeholders.services import LeftUnreachable, create_contact


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


@transaction.atomic
def add_recipient(
    *, meeting: Meeting, organization: Organization, name: str, email: str, preferred_language: str = "", user=None
) -> Contact:
    """A new contact of an organisation invited to ``meeting``, added from its recipient list: made a contact
    (``stakeholders.services.create_contact``) and, when the organisation is invited only through named people,
    named on the list too, so that the invitation reaches them either way."""
    invited = meeting.participations.filter(organization=organization)
    if not invited.exists():
        raise ValidationError({"organization": _("Choose one of the organisations invited to this meeting.")})
    contact = create_contact(
        organization=organization, name=name, email=email, preferred_language=preferred_language, user=user
    )
    if not invited.filter(contact=None).exists():
        add_named_participant(meeting=meeting, contact=contact, role=ParticipationRole.PARTICIPANT, user=user)
    return contact


def coming_meetings_left_unreachable(contact: Contact) -> list[LeftUnreachable]:
    """The meetings not yet over (nor cancelled) that invite ``contact``'s organisation: once its last reachable
    contact is deactivated, nobody there would receive their mail (``stakeholders.services`` asks, through its
    registry, only when ``contact`` is that last one)."""
    meetings = (
        Meeting.objects.filter(participations__organization_id=contact.organization_id, ends_at__gt=timezone.now())
        .exclude(status=MeetingStatus.CANCELLED)
        .select_related("series")
        .distinct()
        .order_by("starts_at")
    )
    return [LeftUnreachable(text=str(meeting), url=meeting.get_absolute_url()) for meeting in meetings]


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
    mails: list = field(default_factory=list)  # MeetingMail: what they were sent about the meeting, oldest first

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

    Each person's row also holds what they were sent about the meeting (invitation, updates, minutes), with each
    message's state in the outbox. Six queries, whatever the number of rows.
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
    mails: dict[int, list[MeetingMail]] = {}
    sent_mails = (
        MeetingMail.objects.filter(meeting=meeting)
        .select_related("mail")
        .only("contact_id", "kind", "created", "mail__status", "mail__sent_at", "mail__failing_since")
        .order_by("created", "id")
    )
    for sent_mail in sent_mails:
        mails.setdefault(sent_mail.contact_id, []).append(sent_mail)
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
                    mails=mails.get(contact.pk, []),
                )
            )

    organizations = {}
    for participation in participations:
        organizations[participation.organization_id] = participation.organization
        add(participation.organization, participation.contact)
    for contact in contacts:
        add(organizations[contact.organization_id], contact)
    return list(rows.values())


@dataclass
class Presenter:
    """A contact who presents items of the meeting's agenda, with those items (in agenda order)."""

    contact: Contact
    items: list = field(default_factory=list)


def agenda_presenters(meeting: Meeting) -> list[Presenter]:
    """Who presents the meeting's agenda items, in agenda order (one query). Naming a presenter does not invite them:
    the recipient list shows them, and flags those without an e-mail address, whom no message can reach."""
    presenters: dict[int, Presenter] = {}
    items = (
        meeting.agenda_items.filter(presenter__isnull=False)
        .select_related("presenter__organization")
        .order_by("position", "id")
    )
    for item in items:
        presenters.setdefault(item.presenter_id, Presenter(contact=item.presenter)).items.append(item)
    return list(presenters.values())


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
