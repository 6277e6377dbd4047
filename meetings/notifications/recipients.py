"""Who receives the portal's mail, and in which language.

Who receives a meeting's mail (``meeting_recipients``): every contact named on the meeting's list (active, with an
e-mail address), and, for an organisation invited without a named person, each of that organisation's active
contacts with an e-mail address. A person on the list twice gets one e-mail.

Who is reminded of follow-up actions (``due_reminders``): the active contacts of the responsible organisation who
have not opted out, for the open actions due soon or overdue that were not mentioned to them lately.
"""

import datetime
import hashlib
from collections import defaultdict
from dataclasses import dataclass

from django.utils import timezone

from meetings.models import ActionItem, ActionReminder, Meeting, Participation
from stakeholders.models import Contact

# A reminder covers the actions due within this many days, and overdue ones; an action is mentioned to a person
# at most once in this many days.
REMINDER_HORIZON_DAYS = 7
REMINDER_INTERVAL_DAYS = 7


@dataclass
class Recipient:
    contact: Contact
    participation: Participation


def meeting_recipients(meeting: Meeting) -> list[Recipient]:
    """The people a meeting's mail goes to (module docstring), each once, in two queries."""
    participations = list(Participation.objects.filter(meeting=meeting).select_related("contact__organization"))
    recipients: dict[int, Recipient] = {}
    for participation in participations:
        contact = participation.contact
        if contact is not None and contact.is_active and contact.email:
            recipients[contact.pk] = Recipient(contact, participation)
    by_organization = {p.organization_id: p for p in participations if p.contact_id is None}
    if by_organization:
        contacts = (
            Contact.objects.active()
            .filter(organization_id__in=by_organization)
            .exclude(email="")
            .select_related("organization")
        )
        for contact in contacts:
            recipients.setdefault(contact.pk, Recipient(contact, by_organization[contact.organization_id]))
    return sorted(recipients.values(), key=lambda recipient: (recipient.contact.name, recipient.contact.pk))


# What a recipients token of the minutes' mail stands for besides the people: the announcement, or the notice.
MINUTES_MAIL_VERSION = {False: "minutes", True: "correction"}


class RecipientsChanged(Exception):
    """The people a message would go to are not those the confirmation screen showed (someone was added, removed or
    changed their address or language meanwhile, or the meeting changed): nothing is sent."""


def recipients_token(recipients: list[Recipient], *, version: object = "") -> str:
    """A fingerprint of who a message goes to (and in which language, at which address), and of ``version`` (what
    the message says, e.g. the meeting's calendar sequence): the confirmation screen carries it, and sending refuses
    when it no longer matches."""
    people = sorted(
        f"{recipient.contact.pk}:{recipient.contact.email.lower()}:{recipient.contact.mail_language}"
        for recipient in recipients
    )
    return hashlib.sha256("\n".join([str(version), *people]).encode()).hexdigest()[:32]


def ensure_recipients(recipients: list[Recipient], expected_token: str | None, *, version: object = "") -> None:
    """Raise ``RecipientsChanged`` unless ``expected_token`` (None: no confirmation screen involved) still matches."""
    if expected_token is not None and recipients_token(recipients, version=version) != expected_token:
        raise RecipientsChanged


@dataclass
class Reminder:
    """The actions one person is about to be reminded of."""

    contact: Contact
    actions: list[ActionItem]


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
