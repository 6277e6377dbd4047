"""The mail of the minutes' approval loop (meetings.services.approval): the draft circulated for comment, to the
attending organisations' people; the minutes approved, to the meeting's participants. Each message is written in its
recipient's language (``Contact.mail_language``) to the outbox, sent by the worker after commit, and only after a
confirmation screen (``circulation_preview``, ``approval_preview``) whose recipients token the confirming POST
carries, as for every message to many people (meetings.notifications.previews). Each message is recorded in the
recipient's history of the meeting's mail (``MeetingMail``), which the recipient list shows."""

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from common import access
from common.models import OutgoingMail
from meetings.models import Meeting, MeetingMailKind, ParticipationStatus
from meetings.notifications.delivery import _enqueue_meeting_mail, _message, absolute_url
from meetings.notifications.previews import MailPreview, _preview
from meetings.notifications.recipients import Recipient, meeting_recipients, recipients_token
from stakeholders.models import Contact

# What a recipients token of these mails stands for besides the people.
CIRCULATION_MAIL_VERSION = "minutes-circulated"
APPROVAL_MAIL_VERSION = "minutes-approved"


def circulation_recipients(meeting: Meeting) -> list[Recipient]:
    """The people who may read the circulated draft and comment on it (services.may_comment_on_minutes): the active
    contacts, with an e-mail address and a portal account that reads the portal, of the organisations that
    attended; each with their organisation's attendance row."""
    attended = {
        row.organization_id: row
        for row in meeting.participations.filter(status=ParticipationStatus.ATTENDED).order_by("id")
    }
    codename = access.permission("read").split(".")[-1]
    readers = get_user_model().objects.filter(
        Q(is_superuser=True) | Q(groups__permissions__codename=codename) | Q(user_permissions__codename=codename),
        is_active=True,
    )
    contacts = (
        Contact.objects.active()
        .filter(organization_id__in=attended, user__in=readers)
        .exclude(email="")
        .select_related("organization")
        .distinct()
        .order_by("name", "pk")
    )
    return [Recipient(contact, attended[contact.organization_id]) for contact in contacts]


def circulated_message(*, meeting: Meeting, contact: Contact):
    url = absolute_url(reverse("meetings:meeting-minutes-circulated", args=[meeting.pk]))
    with translation.override(contact.mail_language):
        return _message(
            template="minutes_circulated",
            subject=_("Draft minutes for your comments: %(meeting)s") % {"meeting": meeting},
            contact=contact,
            context={"meeting": meeting, "minutes_url": url, "comments_due": meeting.minutes_comments_due},
        )


def approved_message(*, meeting: Meeting, contact: Contact, at_meeting: Meeting):
    url = absolute_url(meeting.get_absolute_url())
    with translation.override(contact.mail_language):
        return _message(
            template="minutes_approved",
            subject=_("Minutes approved: %(meeting)s") % {"meeting": meeting},
            contact=contact,
            context={"meeting": meeting, "meeting_url": url, "approved_at": at_meeting},
        )


def circulation_preview(meeting: Meeting) -> MailPreview:
    recipients = circulation_recipients(meeting)
    return _preview(
        recipients,
        recipients_token(recipients, version=CIRCULATION_MAIL_VERSION),
        lambda recipient: circulated_message(meeting=meeting, contact=recipient.contact),
    )


def approval_preview(meeting: Meeting, at_meeting: Meeting | None) -> MailPreview:
    recipients = meeting_recipients(meeting) if at_meeting is not None else []
    return _preview(
        recipients,
        recipients_token(recipients, version=APPROVAL_MAIL_VERSION),
        lambda recipient: approved_message(meeting=meeting, contact=recipient.contact, at_meeting=at_meeting),
    )


def announce_circulated_minutes(*, meeting: Meeting, recipients: list[Recipient]) -> list[OutgoingMail]:
    circulated = meeting.minutes_circulated_at.isoformat()
    batch = [
        (
            recipient.contact,
            circulated_message(meeting=meeting, contact=recipient.contact),
            f"meeting-{meeting.pk}:minutes-circulated:{circulated}:contact-{recipient.contact.pk}",
        )
        for recipient in recipients
    ]
    return _enqueue_meeting_mail(meeting, MeetingMailKind.MINUTES_CIRCULATED, batch)


def announce_approved_minutes(*, meeting: Meeting, recipients: list[Recipient]) -> list[OutgoingMail]:
    approved = meeting.minutes_approved_at.isoformat()
    at_meeting = meeting.minutes_approved_at_meeting
    batch = [
        (
            recipient.contact,
            approved_message(meeting=meeting, contact=recipient.contact, at_meeting=at_meeting),
            f"meeting-{meeting.pk}:minutes-approved:{approved}:contact-{recipient.contact.pk}",
        )
        for recipient in recipients
    ]
    return _enqueue_meeting_mail(meeting, MeetingMailKind.MINUTES_APPROVED, batch)
