"""The e-mails themselves: invitations, minutes published, follow-up action reminders.

Each e-mail is rendered in its recipient's language (``Contact.mail_language``) from the templates in
``templates/emails/`` (a text body and an HTML alternative) and written to the outbox (``common.outbox``) in the
transaction that records it (``Invitation``, ``ActionReminder``); the task queue's worker sends it after commit, and
a message the server refuses stays in the outbox, is shown as failing on the recipient list, and is tried again (the
worker's outbox sweep, or the same button again).
"""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import Count, Max, Prefetch, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from common.models import MailStatus, OutgoingMail
from common.outbox import enqueue_mails
from meetings.models import (
    ActionReminder,
    AgendaItem,
    Invitation,
    Meeting,
    MeetingMail,
    MeetingMailKind,
    MeetingStatus,
    Participation,
)
from meetings.notifications.changes import MeetingChanges, announced, changes_since
from meetings.notifications.itip import invitation_attachment
from meetings.notifications.recipients import (
    REMINDER_HORIZON_DAYS,
    Recipient,
    Reminder,
    due_reminders,
    ensure_recipients,
    meeting_recipients,
)
from meetings.rsvp import rsvp_links
from stakeholders.models import Contact
from stakeholders.reminders import unsubscribe_token


@dataclass
class Delivery:
    """What one batch wrote to the outbox: who is sent a message (the worker sends it after commit), who was left
    out because they already had it."""

    sent: list[Contact] = field(default_factory=list)
    skipped: list[Contact] = field(default_factory=list)


def absolute_url(path: str) -> str:
    """``path`` on the portal's public address (settings.PORTAL_BASE_URL): mail is often built outside a request."""
    return f"{settings.PORTAL_BASE_URL}{path}"


def _message(*, template: str, subject: str, contact: Contact, context: dict, headers=None) -> EmailMultiAlternatives:
    """One e-mail from ``templates/emails/<template>.txt`` and ``.html``, in the active language."""
    context = {"contact": contact, "portal_url": settings.PORTAL_BASE_URL, **context}
    message = EmailMultiAlternatives(
        subject=" ".join(subject.split()),  # no line breaks in a header, whatever a title holds
        body=render_to_string(f"emails/{template}.txt", {**context, "content_medium": "text"}),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[contact.email],
        headers={"Auto-Submitted": "auto-generated", **(headers or {})},
    )
    # No widgets in mail: a translated text names its original's language (coordination's translated_text tag).
    message.attach_alternative(
        render_to_string(f"emails/{template}.html", {**context, "content_medium": "static"}), "text/html"
    )
    return message


def _enqueue(batch: list[tuple[Contact, EmailMultiAlternatives, str]]) -> list[OutgoingMail]:
    """Write each (contact, message, key) to the outbox; the worker sends them once the transaction commits."""
    return enqueue_mails([(message, key) for _contact, message, key in batch])


def _enqueue_meeting_mail(meeting: Meeting, kind: str, batch) -> list[OutgoingMail]:
    """``_enqueue``, and record per person what they were sent about the meeting (the recipient list shows it)."""
    mails = _enqueue(batch)
    MeetingMail.objects.bulk_create(
        [
            MeetingMail(meeting=meeting, contact=contact, kind=kind, mail=mail)
            for (contact, _message, _key), mail in zip(batch, mails, strict=True)
        ],
        ignore_conflicts=True,  # a mail written before under the same key is recorded already
    )
    return mails


# Invitations


def meeting_for_mail(meeting_pk: int, *, lock: bool = False) -> Meeting:
    agenda = (
        AgendaItem.objects.readable_by(None).order_by("position", "id").select_related("presenter", "lead_organization")
    )
    meetings = Meeting.objects.select_related("series__convening_organization")
    if lock:
        meetings = meetings.select_for_update(of=("self",))
    return meetings.prefetch_related(Prefetch("agenda_items", queryset=agenda)).get(pk=meeting_pk)


def _invitation_message(
    *, meeting: Meeting, contact: Contact, update: bool, changes: MeetingChanges | None = None
) -> EmailMultiAlternatives:
    url = absolute_url(meeting.get_absolute_url())
    cancelled = meeting.status == MeetingStatus.CANCELLED
    with translation.override(contact.mail_language):
        if cancelled:
            subject = _("Cancelled: %(meeting)s") % {"meeting": meeting}
        elif update:
            subject = _("Updated invitation: %(meeting)s") % {"meeting": meeting}
        else:
            subject = _("Invitation: %(meeting)s") % {"meeting": meeting}
        message = _message(
            template="invitation",
            subject=subject,
            contact=contact,
            context={
                "meeting": meeting,
                "agenda": list(meeting.agenda_items.all()),
                "meeting_url": url,
                "update": update,
                "changes": changes,
                "cancelled": cancelled,
                "rsvp": {
                    answer: absolute_url(link) for answer, link in rsvp_links(meeting=meeting, contact=contact).items()
                },
            },
        )
        ics = invitation_attachment(meeting=meeting, contact=contact, url=url)
    message.attach(ics)
    return message


@dataclass
class InvitationStatus:
    """What the meeting page tells the secretariat: how many people were invited, how many are out of date."""

    invited: int
    outdated: int
    last_sent_at: datetime.datetime | None
    can_send: bool  # the meeting is not over yet
    can_update: bool = True  # the meeting has not started: updates are for changes before it

    @property
    def update_due(self) -> bool:
        return self.can_update and self.outdated > 0


def invitation_status(*, meeting: Meeting) -> InvitationStatus:
    counts = Invitation.objects.filter(meeting=meeting).aggregate(
        invited=Count("pk"),
        outdated=Count("pk", filter=Q(sequence__lt=meeting.calendar_sequence)),
        last_sent_at=Max("sent_at"),
    )
    return InvitationStatus(
        **counts,
        can_send=meeting.ends_at > timezone.now(),
        can_update=not meeting.has_started,
    )


def ensure_invitations_possible(meeting: Meeting, *, update: bool) -> None:
    if meeting.ends_at <= timezone.now():
        raise ValidationError(_("The meeting is over: invitations and updates are no longer sent."))
    if update and meeting.has_started:
        raise ValidationError(_("The meeting has started: updates are for changes before it starts."))
    if meeting.status == MeetingStatus.CANCELLED and not update:
        raise ValidationError(_("The meeting is cancelled: send an update to tell those invited, no new invitations."))


def due_invitations(meeting: Meeting, *, update: bool) -> tuple[list[Recipient], list[Contact], dict]:
    """Who is due the invitation (or with ``update``, the updated one), who already has the current one, and each
    person's latest ``Invitation`` by contact id."""
    sequence = meeting.calendar_sequence
    sent_before = {
        invitation.contact_id: invitation
        for invitation in Invitation.objects.filter(meeting=meeting).select_related("mail").order_by()
    }
    to_send: list[Recipient] = []
    skipped: list[Contact] = []
    for recipient in meeting_recipients(meeting):
        previous = sent_before.get(recipient.contact.pk)
        if _invitation_due(previous, sequence=sequence, update=update):
            to_send.append(recipient)
        elif previous is not None:
            skipped.append(recipient.contact)
    return to_send, skipped, sent_before


def invitation_message_for(
    meeting: Meeting, contact: Contact, *, update: bool, previous: Invitation | None
) -> EmailMultiAlternatives:
    """The invitation (or update, saying what changed since ``previous`` announced) ``contact`` is sent."""
    changes = None
    if update and previous is not None:
        changes = changes_since(previous.announced, meeting, meeting.agenda_items.all())
    return _invitation_message(meeting=meeting, contact=contact, update=update, changes=changes)


@transaction.atomic
def send_invitations(*, meeting: Meeting, update: bool = False, expected_recipients: str | None = None) -> Delivery:
    """E-mail the meeting's invitation with its .ics (METHOD:REQUEST) to those who have not had one yet.

    With ``update=True`` it goes instead to the people invited at an older calendar SEQUENCE (the time, place,
    title or status changed since): the same UID with the current SEQUENCE, so their calendar updates the event, and
    the text says what changed since what they were last sent. Someone whose current invitation is still unsent (the
    mail server refused it) is due it again. The returned ``Delivery.sent`` holds who the mail was written for,
    ``skipped`` those who already have the current version (a second click therefore sends nothing). Sending is
    recorded per person in ``Invitation`` (with what it announced) and ``MeetingMail``, with its outbox row, whose
    state the recipient list shows.

    ``expected_recipients`` is the confirmation screen's ``recipients_token``: when the people due the mail (or the
    meeting) changed since that screen, ``RecipientsChanged`` is raised and nothing is written.
    """
    # The row lock makes two simultaneous clicks run one after the other, so the second sees the first's records.
    # It is released at commit, before anything is sent.
    meeting = meeting_for_mail(meeting.pk, lock=True)
    ensure_invitations_possible(meeting, update=update)
    sequence = meeting.calendar_sequence
    to_send, skipped, sent_before = due_invitations(meeting, update=update)
    ensure_recipients(to_send, expected_recipients, version=sequence)

    if meeting.status == MeetingStatus.CANCELLED:
        kind = MeetingMailKind.CANCELLATION
    else:
        kind = MeetingMailKind.UPDATE if update else MeetingMailKind.INVITATION
    key_kind = "update" if update else "invitation"
    batch = [
        (
            recipient.contact,
            invitation_message_for(
                meeting, recipient.contact, update=update, previous=sent_before.get(recipient.contact.pk)
            ),
            f"meeting-{meeting.pk}:{key_kind}:contact-{recipient.contact.pk}:sequence-{sequence}",
        )
        for recipient in to_send
    ]
    mails = _enqueue_meeting_mail(meeting, kind, batch)
    _record_invitations(meeting, to_send, mails, sequence, announced(meeting, meeting.agenda_items.all()))
    return Delivery(sent=[recipient.contact for recipient in to_send], skipped=skipped)


def _invitation_due(previous: Invitation | None, *, sequence: int, update: bool) -> bool:
    unsent = previous is not None and previous.mail is not None and previous.mail.status != MailStatus.SENT
    if update:
        return previous is not None and (previous.sequence < sequence or unsent)
    return previous is None or (unsent and previous.sequence == sequence)


def _record_invitations(
    meeting: Meeting, recipients: list[Recipient], mails: list[OutgoingMail], sequence: int, what: dict
) -> None:
    if not recipients:
        return
    now = timezone.now()
    Invitation.objects.bulk_create(
        [
            Invitation(
                meeting=meeting, contact=recipient.contact, sent_at=now, sequence=sequence, mail=mail, announced=what
            )
            for recipient, mail in zip(recipients, mails, strict=True)
        ],
        update_conflicts=True,
        unique_fields=["meeting", "contact"],
        update_fields=["sent_at", "sequence", "mail", "announced", "updated"],
    )
    participation_ids = {recipient.participation.pk for recipient in recipients}
    Participation.objects.filter(pk__in=participation_ids).update(invitation_sent_at=now)


# Minutes published


def minutes_message(*, meeting: Meeting, contact: Contact, correction: bool) -> EmailMultiAlternatives:
    """The e-mail telling ``contact`` the minutes are published, or with ``correction`` that they were corrected
    and why (the reason given when they were reopened)."""
    url = absolute_url(meeting.get_absolute_url())
    with translation.override(contact.mail_language):
        if correction:
            return _message(
                template="minutes_corrected",
                subject=_("Minutes corrected: %(meeting)s") % {"meeting": meeting},
                contact=contact,
                context={"meeting": meeting, "meeting_url": url, "reason": meeting.minutes_reopen_reason},
            )
        return _message(
            template="minutes_published",
            subject=_("Minutes published: %(meeting)s") % {"meeting": meeting},
            contact=contact,
            context={"meeting": meeting, "meeting_url": url},
        )


def announce_published_minutes(*, meeting: Meeting, recipients: list[Recipient] | None = None) -> list[OutgoingMail]:
    """Tell the meeting's participants (see ``meeting_recipients``) that its minutes are published, with a link.

    Called in the publishing transaction: a rolled-back publication writes and sends nothing. Publishing the same
    minutes again after a reopening is a correction (``announce_corrected_minutes``), not announced again.
    """
    key = f"meeting-{meeting.pk}:minutes:{meeting.minutes_published_at.isoformat()}"
    return _announce_minutes(meeting, recipients, key=key, correction=False)


def announce_corrected_minutes(*, meeting: Meeting, recipients: list[Recipient] | None = None) -> list[OutgoingMail]:
    """Tell the meeting's participants that its minutes, published before, were corrected and why. Keyed by the
    publication's number, so that one correction is never announced twice."""
    key = f"meeting-{meeting.pk}:minutes-correction:{meeting.minutes_publications}"
    return _announce_minutes(meeting, recipients, key=key, correction=True)


def _announce_minutes(meeting, recipients, *, key: str, correction: bool) -> list[OutgoingMail]:
    """One message per recipient (by default ``meeting_recipients``), each keyed ``key`` and the contact."""
    batch = [
        (
            recipient.contact,
            minutes_message(meeting=meeting, contact=recipient.contact, correction=correction),
            f"{key}:contact-{recipient.contact.pk}",
        )
        for recipient in (meeting_recipients(meeting) if recipients is None else recipients)
    ]
    kind = MeetingMailKind.CORRECTION if correction else MeetingMailKind.MINUTES
    return _enqueue_meeting_mail(meeting, kind, batch)


# Follow-up action reminders


def unsubscribe_url(contact: Contact) -> str:
    return absolute_url(reverse("stakeholders:reminders-unsubscribe", args=[unsubscribe_token(contact)]))


def _reminder_message(reminder: Reminder, today: datetime.date) -> EmailMultiAlternatives:
    contact = reminder.contact
    leave_url = unsubscribe_url(contact)
    items = [
        {
            "action": action,
            "url": absolute_url(action.get_absolute_url()),
            "overdue": action.due_on < today,
        }
        for action in reminder.actions
    ]
    with translation.override(contact.mail_language):
        count = len(items)
        overdue = sum(item["overdue"] for item in items)
        if overdue:
            subject = ngettext(
                "%(count)d follow-up action is overdue or due soon",
                "%(count)d follow-up actions are overdue or due soon",
                count,
            ) % {"count": count}
        else:
            subject = ngettext(
                "%(count)d follow-up action is due soon",
                "%(count)d follow-up actions are due soon",
                count,
            ) % {"count": count}
        return _message(
            template="action_reminder",
            subject=subject,
            contact=contact,
            context={
                "items": items,
                "horizon_days": REMINDER_HORIZON_DAYS,
                "unsubscribe_url": leave_url,
                "profile_url": absolute_url(reverse("stakeholders:profile")),
                "tracker_url": absolute_url(reverse("meetings:action-list")),
            },
            headers={
                # RFC 8058 one-click unsubscribe: mail clients POST to the link.
                "List-Unsubscribe": f"<{leave_url}>",
                "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            },
        )


@transaction.atomic
def send_action_reminders(*, today: datetime.date | None = None, reminders: list[Reminder] | None = None) -> Delivery:
    """E-mail each due reminder (``due_reminders``) and record, per action and person, that it was sent today.

    The records and the outbox rows commit together; the worker sends the mail after commit. Running it again the
    same day writes nothing new (a reminder's key is its day and person; an action is mentioned once a week).
    """
    today = today or timezone.localdate()
    if reminders is None:
        reminders = due_reminders(today=today)
    _enqueue(
        [
            (reminder.contact, _reminder_message(reminder, today), f"reminder:{today}:contact-{reminder.contact.pk}")
            for reminder in reminders
        ]
    )
    ActionReminder.objects.bulk_create(
        [
            ActionReminder(action=action, contact=reminder.contact, sent_on=today)
            for reminder in reminders
            for action in reminder.actions
        ],
        ignore_conflicts=True,
    )
    return Delivery(sent=[reminder.contact for reminder in reminders])
