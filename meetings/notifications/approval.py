"""The mail of the minutes' approval loop (meetings.services.approval): the draft circulated for comment, to the
attending organisations' people; the minutes approved, to the meeting's participants. Each message is written in its
recipient's language (``Contact.mail_language``) to the outbox, sent by the worker after commit."""

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from common import access
from common.models import OutgoingMail
from meetings.models import Meeting, ParticipationStatus
from meetings.notifications.delivery import _enqueue, _message, absolute_url
from meetings.notifications.recipients import Audience, meeting_recipients
from stakeholders.models import Contact, Organization


def circulation_recipients(meeting: Meeting) -> list[Contact]:
    """The people who may read the circulated draft and comment on it (services.may_comment_on_minutes): the active
    contacts, with an e-mail address and a portal account that reads the portal, of the organisations that
    attended."""
    attending = meeting.participations.filter(status=ParticipationStatus.ATTENDED).values("organization_id")
    codename = access.permission("read").split(".")[-1]
    readers = get_user_model().objects.filter(
        Q(is_superuser=True) | Q(groups__permissions__codename=codename) | Q(user_permissions__codename=codename),
        is_active=True,
    )
    return list(
        Contact.objects.active()
        .filter(organization_id__in=attending, user__in=readers)
        .exclude(email="")
        .select_related("organization")
        .distinct()
        .order_by("name", "pk")
    )


def circulation_audience(meeting: Meeting) -> Audience:
    recipients = circulation_recipients(meeting)
    organizations = Organization.objects.filter(pk__in={contact.organization_id for contact in recipients})
    return Audience(people=len(recipients), organizations=list(organizations.order_by("name")))


def announce_circulated_minutes(*, meeting: Meeting) -> list[OutgoingMail]:
    url = absolute_url(reverse("meetings:meeting-minutes-circulated", args=[meeting.pk]))
    circulated = meeting.minutes_circulated_at.isoformat()
    batch = []
    for contact in circulation_recipients(meeting):
        with translation.override(contact.mail_language):
            subject = _("Draft minutes for your comments: %(meeting)s") % {"meeting": meeting}
            message = _message(
                template="minutes_circulated",
                subject=subject,
                contact=contact,
                context={"meeting": meeting, "minutes_url": url, "comments_due": meeting.minutes_comments_due},
            )
        batch.append((contact, message, f"meeting-{meeting.pk}:minutes-circulated:{circulated}:contact-{contact.pk}"))
    return _enqueue(batch)


def announce_approved_minutes(*, meeting: Meeting) -> list[OutgoingMail]:
    url = absolute_url(meeting.get_absolute_url())
    approved = meeting.minutes_approved_at.isoformat()
    batch = []
    for recipient in meeting_recipients(meeting):
        contact = recipient.contact
        with translation.override(contact.mail_language):
            subject = _("Minutes approved: %(meeting)s") % {"meeting": meeting}
            message = _message(
                template="minutes_approved",
                subject=subject,
                contact=contact,
                context={"meeting": meeting, "meeting_url": url, "approved_at": meeting.minutes_approved_at_meeting},
            )
        batch.append((contact, message, f"meeting-{meeting.pk}:minutes-approved:{approved}:contact-{contact.pk}"))
    return _enqueue(batch)
