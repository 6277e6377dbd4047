"""E-mail to the people behind the organisations: invitations, minutes published, follow-up action reminders.

Who receives a meeting's mail (``meeting_recipients``): every contact named on the meeting's list (active, with an
e-mail address), and, for an organisation invited without a named person, each of that organisation's active
contacts with an e-mail address. A person on the list twice gets one e-mail.

Each e-mail is rendered in its recipient's language (``Contact.preferred_language``) from the templates in
``templates/emails/`` (a text body and an HTML alternative) and goes through Django's e-mail API, one message at a
time on one connection: a message the server refuses is logged and reported back, the others still go, and only
what was sent is recorded (``Invitation``, ``ActionReminder``), so trying again later sends just what is missing.
"""

import datetime
import logging
import smtplib
from collections import defaultdict
from dataclasses import dataclass, field
from email.utils import parseaddr

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.mail import BadHeaderError, EmailMultiAlternatives, get_connection
from django.core.mail.message import SafeMIMEText
from django.db import transaction
from django.db.models import Count, Max, Prefetch, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from icalendar import Calendar, vCalAddress, vText

from meetings.calendar import PRODUCT_ID, meeting_event
from meetings.models import ActionItem, ActionReminder, AgendaItem, Invitation, Meeting, MeetingStatus, Participation
from stakeholders.models import Contact

logger = logging.getLogger(__name__)

# A reminder covers the actions due within this many days, and overdue ones; an action is mentioned to a person
# at most once in this many days.
REMINDER_HORIZON_DAYS = 7
REMINDER_INTERVAL_DAYS = 7
UNSUBSCRIBE_SALT = "meetings.notifications.unsubscribe-reminders"

# What one failed message may raise: SMTP refusals (SMTPException is an OSError), network errors, and a header
# that Django refuses to put in a message.
SEND_ERRORS = (smtplib.SMTPException, OSError, BadHeaderError)


@dataclass
class Delivery:
    """The outcome of one batch: who was sent a message, whose message failed, who was left out and why."""

    sent: list[Contact] = field(default_factory=list)
    failed: list[Contact] = field(default_factory=list)
    skipped: list[Contact] = field(default_factory=list)
    broken: bool = False  # something other than the mail server failed before anything was sent (logged)

    @property
    def failed_addresses(self) -> str:
        return ", ".join(contact.email for contact in self.failed)


@dataclass
class Recipient:
    contact: Contact
    participation: Participation


def absolute_url(path: str) -> str:
    """``path`` on the portal's public address (settings.PORTAL_BASE_URL): mail is often built outside a request."""
    return f"{settings.PORTAL_BASE_URL}{path}"


def recipient_language(contact: Contact) -> str:
    languages = {code for code, _name in settings.LANGUAGES}
    return contact.preferred_language if contact.preferred_language in languages else settings.LANGUAGE_CODE


def meeting_recipients(meeting: Meeting) -> list[Recipient]:
    """The people a meeting's mail goes to (module docstring), each once, in two queries."""
    participations = list(Participation.objects.filter(meeting=meeting).select_related("contact"))
    recipients: dict[int, Recipient] = {}
    for participation in participations:
        contact = participation.contact
        if contact is not None and contact.is_active and contact.email:
            recipients[contact.pk] = Recipient(contact, participation)
    by_organization = {p.organization_id: p for p in participations if p.contact_id is None}
    if by_organization:
        contacts = Contact.objects.active().filter(organization_id__in=by_organization).exclude(email="")
        for contact in contacts:
            recipients.setdefault(contact.pk, Recipient(contact, by_organization[contact.organization_id]))
    return sorted(recipients.values(), key=lambda recipient: (recipient.contact.name, recipient.contact.pk))


def _message(*, template: str, subject: str, contact: Contact, context: dict, headers=None) -> EmailMultiAlternatives:
    """One e-mail from ``templates/emails/<template>.txt`` and ``.html``, in the active language."""
    context = {"contact": contact, "portal_url": settings.PORTAL_BASE_URL, **context}
    message = EmailMultiAlternatives(
        subject=" ".join(subject.split()),  # no line breaks in a header, whatever a title holds
        body=render_to_string(f"emails/{template}.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[contact.email],
        headers={"Auto-Submitted": "auto-generated", **(headers or {})},
    )
    message.attach_alternative(render_to_string(f"emails/{template}.html", context), "text/html")
    return message


def _deliver(batch: list[tuple[Contact, EmailMultiAlternatives]], what: str) -> Delivery:
    """Send each message on one connection; a refused message is logged and does not stop the others."""
    delivery = Delivery()
    if not batch:
        return delivery
    connection = get_connection(fail_silently=False)
    try:
        connection.open()
    except SEND_ERRORS:
        logger.exception("Could not connect to the mail server to send %s to %d people", what, len(batch))
        delivery.failed = [contact for contact, _unsent in batch]
        return delivery
    try:
        for contact, message in batch:
            message.connection = connection
            try:
                message.send()
            except SEND_ERRORS:
                logger.exception("Could not send %s to %s (contact %s)", what, contact.email, contact.pk)
                delivery.failed.append(contact)
                # The server may have dropped the connection: the next message then opens a fresh one.
                _close_quietly(connection, what)
            else:
                delivery.sent.append(contact)
    finally:
        _close_quietly(connection, what)
    return delivery


def _close_quietly(connection, what: str) -> None:
    try:
        connection.close()
    except SEND_ERRORS:
        logger.warning("The mail connection did not close cleanly while sending %s", what, exc_info=True)


# Invitations


def _meeting_for_mail(meeting_pk: int, *, lock: bool = False) -> Meeting:
    agenda = AgendaItem.objects.order_by("position", "id").select_related("presenter", "lead_organization")
    meetings = Meeting.objects.select_related("series__convening_organization")
    if lock:
        meetings = meetings.select_for_update(of=("self",))
    return meetings.prefetch_related(Prefetch("agenda_items", queryset=agenda)).get(pk=meeting_pk)


def invitation_calendar(*, meeting: Meeting, contact: Contact, url: str = "") -> bytes:
    """The meeting as an iTIP request (RFC 5546): the feed's event (same UID and SEQUENCE) with organiser and attendee.

    A cancelled meeting goes out as METHOD:CANCEL, which calendar apps use to remove the event.
    """
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "CANCEL" if meeting.status == MeetingStatus.CANCELLED else "REQUEST")
    event = meeting_event(meeting, url)
    organizer = vCalAddress(f"mailto:{parseaddr(settings.DEFAULT_FROM_EMAIL)[1]}")
    organizer.params["cn"] = vText(meeting.series.convening_organization.name)
    event.add("organizer", organizer)
    # Only the recipient is listed: the other invitees' addresses are not theirs to see.
    attendee = vCalAddress(f"mailto:{contact.email}")
    attendee.params["cn"] = vText(contact.name)
    attendee.params["role"] = vText("REQ-PARTICIPANT")
    attendee.params["partstat"] = vText("NEEDS-ACTION")
    attendee.params["rsvp"] = vText("FALSE")  # replies are not read by the portal
    event.add("attendee", attendee)
    calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical()


def _invitation_message(*, meeting: Meeting, contact: Contact, update: bool) -> EmailMultiAlternatives:
    url = absolute_url(meeting.get_absolute_url())
    cancelled = meeting.status == MeetingStatus.CANCELLED
    with translation.override(recipient_language(contact)):
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
                "cancelled": cancelled,
            },
        )
        calendar = invitation_calendar(meeting=meeting, contact=contact, url=url).decode()
    # Django's SafeMIMEText keeps UTF-8 text readable (8bit/quoted-printable) rather than base64.
    ics = SafeMIMEText(calendar, "calendar", "utf-8")
    ics.set_param("method", "CANCEL" if cancelled else "REQUEST")
    ics.add_header("Content-Disposition", "attachment", filename=f"meeting-{meeting.pk}.ics")
    message.attach(ics)
    return message


@dataclass
class InvitationStatus:
    """What the meeting page tells the secretariat: how many people were invited, how many are out of date."""

    invited: int
    outdated: int
    last_sent_at: datetime.datetime | None
    can_send: bool  # the meeting is not over yet

    @property
    def update_due(self) -> bool:
        return self.outdated > 0


def invitation_status(*, meeting: Meeting) -> InvitationStatus:
    counts = Invitation.objects.filter(meeting=meeting).aggregate(
        invited=Count("pk"),
        outdated=Count("pk", filter=Q(sequence__lt=meeting.calendar_sequence)),
        last_sent_at=Max("sent_at"),
    )
    return InvitationStatus(**counts, can_send=meeting.ends_at > timezone.now())


def ensure_invitations_possible(meeting: Meeting, *, update: bool) -> None:
    if meeting.ends_at <= timezone.now():
        raise ValidationError(_("The meeting is over: invitations and updates are no longer sent."))
    if meeting.status == MeetingStatus.CANCELLED and not update:
        raise ValidationError(_("The meeting is cancelled: send an update to tell those invited, no new invitations."))


@transaction.atomic
def send_invitations(*, meeting: Meeting, update: bool = False) -> Delivery:
    """E-mail the meeting's invitation with its .ics (METHOD:REQUEST) to those who have not had one yet.

    With ``update=True`` it goes instead to the people invited at an older calendar SEQUENCE (the time, place,
    title or status changed since): the same UID with the current SEQUENCE, so their calendar updates the event.
    ``Delivery.skipped`` holds the recipients left out because they already have the current version; a second
    click therefore sends nothing. Sending is recorded per person in ``Invitation``.
    """
    # The row lock makes two simultaneous clicks run one after the other, so the second sees the first's records.
    meeting = _meeting_for_mail(meeting.pk, lock=True)
    ensure_invitations_possible(meeting, update=update)
    sequence = meeting.calendar_sequence
    sent_before = dict(Invitation.objects.filter(meeting=meeting).order_by().values_list("contact_id", "sequence"))

    to_send: list[Recipient] = []
    skipped: list[Contact] = []
    for recipient in meeting_recipients(meeting):
        previous = sent_before.get(recipient.contact.pk)
        due = (previous is not None and previous < sequence) if update else previous is None
        if due:
            to_send.append(recipient)
        elif previous is not None:
            skipped.append(recipient.contact)

    batch = [
        (recipient.contact, _invitation_message(meeting=meeting, contact=recipient.contact, update=update))
        for recipient in to_send
    ]
    delivery = _deliver(batch, f"the invitation to meeting {meeting.pk}")
    delivery.skipped = skipped
    _record_invitations(meeting, to_send, delivery.sent, sequence)
    return delivery


def _record_invitations(meeting: Meeting, recipients: list[Recipient], sent: list[Contact], sequence: int) -> None:
    if not sent:
        return
    now = timezone.now()
    sent_ids = {contact.pk for contact in sent}
    Invitation.objects.bulk_create(
        [Invitation(meeting=meeting, contact_id=pk, sent_at=now, sequence=sequence) for pk in sent_ids],
        update_conflicts=True,
        unique_fields=["meeting", "contact"],
        update_fields=["sent_at", "sequence", "updated"],
    )
    participation_ids = {recipient.participation.pk for recipient in recipients if recipient.contact.pk in sent_ids}
    Participation.objects.filter(pk__in=participation_ids).update(invitation_sent_at=now)


# Minutes published


def announce_published_minutes(*, meeting_id: int) -> Delivery:
    """Tell the meeting's participants (see ``meeting_recipients``) that its minutes are published, with a link.

    Meant to run after the publishing transaction commits (``transaction.on_commit``); if the minutes were reopened
    in between, nothing is sent.
    """
    meeting = Meeting.objects.select_related("series").filter(pk=meeting_id).first()
    if meeting is None or not meeting.minutes_published:
        return Delivery()
    url = absolute_url(meeting.get_absolute_url())
    batch = []
    for recipient in meeting_recipients(meeting):
        contact = recipient.contact
        with translation.override(recipient_language(contact)):
            subject = _("Minutes published: %(meeting)s") % {"meeting": meeting}
            batch.append(
                (
                    contact,
                    _message(
                        template="minutes_published",
                        subject=subject,
                        contact=contact,
                        context={"meeting": meeting, "meeting_url": url},
                    ),
                )
            )
    return _deliver(batch, f"the minutes of meeting {meeting.pk}")


def announce_published_minutes_safely(*, meeting_id: int, report=None) -> Delivery:
    """``announce_published_minutes`` for an on_commit hook: never raises; ``report(delivery)`` sees the outcome."""
    try:
        delivery = announce_published_minutes(meeting_id=meeting_id)
    except Exception:  # the minutes are published whatever happens to the mail
        logger.exception("Could not announce the minutes of meeting %s", meeting_id)
        delivery = Delivery(broken=True)
    if report is not None:
        report(delivery)
    return delivery


# Follow-up action reminders


@dataclass
class Reminder:
    """The actions one person is about to be reminded of."""

    contact: Contact
    actions: list[ActionItem]


def unsubscribe_token(contact: Contact) -> str:
    """A signed token naming the contact: the unsubscribe link works without logging in, and never expires."""
    return signing.dumps(contact.pk, salt=UNSUBSCRIBE_SALT)


def contact_for_unsubscribe_token(token: str) -> Contact | None:
    try:
        contact_pk = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    if not isinstance(contact_pk, int):
        return None
    return Contact.objects.filter(pk=contact_pk).first()


def unsubscribe_url(contact: Contact) -> str:
    return absolute_url(reverse("reminders-unsubscribe", args=[unsubscribe_token(contact)]))


def due_reminders(*, today: datetime.date | None = None) -> list[Reminder]:
    """Per person, their organisation's open actions due within the horizon or overdue, not mentioned to them lately.

    People: active contacts of active organisations, with an e-mail address, who have not opted out
    (``Contact.receives_reminders``). Four queries, whatever the numbers.
    """
    today = today or timezone.localdate()
    actions = list(
        ActionItem.objects.visible_to(None)  # mail goes to people who may not see draft minutes
        .still_open()
        .filter(due_on__lte=today + datetime.timedelta(days=REMINDER_HORIZON_DAYS))
        .select_related("meeting", "responsible_organization")
        .order_by("due_on", "id")
    )
    if not actions:
        return []
    actions_by_organization: dict[int, list[ActionItem]] = defaultdict(list)
    for action in actions:
        actions_by_organization[action.responsible_organization_id].append(action)
    contacts = (
        Contact.objects.active()
        .filter(
            receives_reminders=True,
            organization__is_active=True,
            organization_id__in=actions_by_organization,
        )
        .exclude(email="")
        .order_by("organization_id", "name", "id")
    )
    recent = set(
        ActionReminder.objects.filter(
            action__in=[action.pk for action in actions],
            sent_on__gt=today - datetime.timedelta(days=REMINDER_INTERVAL_DAYS),
        ).values_list("action_id", "contact_id")
    )
    reminders = []
    for contact in contacts:
        due = [
            action
            for action in actions_by_organization[contact.organization_id]
            if (action.pk, contact.pk) not in recent
        ]
        if due:
            reminders.append(Reminder(contact, due))
    return reminders


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
    with translation.override(recipient_language(contact)):
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
                "profile_url": absolute_url(reverse("profile")),
                "tracker_url": absolute_url(reverse("action-list")),
            },
            headers={
                # RFC 8058 one-click unsubscribe: mail clients POST to the link.
                "List-Unsubscribe": f"<{leave_url}>",
                "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            },
        )


def send_action_reminders(*, today: datetime.date | None = None, reminders: list[Reminder] | None = None) -> Delivery:
    """E-mail each due reminder (``due_reminders``) and record, per action and person, that it was sent today."""
    today = today or timezone.localdate()
    if reminders is None:
        reminders = due_reminders(today=today)
    by_contact = {reminder.contact.pk: reminder for reminder in reminders}
    delivery = _deliver([(reminder.contact, _reminder_message(reminder, today)) for reminder in reminders], "reminders")
    ActionReminder.objects.bulk_create(
        [
            ActionReminder(action=action, contact=contact, sent_on=today)
            for contact in delivery.sent
            for action in by_contact[contact.pk].actions
        ],
        ignore_conflicts=True,
    )
    return delivery


def stop_reminders(*, contact: Contact) -> None:
    if contact.receives_reminders:
        contact.receives_reminders = False
        contact.save(update_fields=["receives_reminders", "updated"])
