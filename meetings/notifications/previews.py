"""What a message to many people will be, before anyone presses send: who receives it (with their organisation and
language), the message itself as one of them will read it, in each language present among them, and the token that
the confirming POST carries (``recipients_token``), so that nothing goes to people the screen did not show.

The messages are built by the same functions that write them to the outbox (``delivery``); nothing is written.
"""

from dataclasses import dataclass

from django.conf import settings

from meetings.models import Meeting
from meetings.notifications import delivery
from meetings.notifications.recipients import MINUTES_MAIL_VERSION, Recipient, meeting_recipients, recipients_token

LANGUAGE_NAMES = dict(settings.LANGUAGES)


@dataclass
class PreviewMessage:
    language: str
    recipient: Recipient  # the person the preview is written for
    subject: str
    body: str

    @property
    def language_name(self) -> str:
        return LANGUAGE_NAMES.get(self.language, self.language)


@dataclass
class MailPreview:
    recipients: list[Recipient]
    token: str
    messages: list[PreviewMessage]  # one per language present among the recipients, in the portal's order

    def message_in(self, language: str | None) -> PreviewMessage | None:
        """The preview in ``language``, or the first one when that language is not among the recipients'."""
        for message in self.messages:
            if message.language == language:
                return message
        return self.messages[0] if self.messages else None


def _first_per_language(recipients: list[Recipient]) -> list[Recipient]:
    first: dict[str, Recipient] = {}
    for recipient in recipients:
        first.setdefault(recipient.contact.mail_language, recipient)
    order = [code for code, _name in settings.LANGUAGES]
    return sorted(first.values(), key=lambda recipient: order.index(recipient.contact.mail_language))


def _preview(recipients: list[Recipient], token: str, build) -> MailPreview:
    messages = []
    for recipient in _first_per_language(recipients):
        message = build(recipient)
        messages.append(
            PreviewMessage(
                language=recipient.contact.mail_language,
                recipient=recipient,
                subject=message.subject,
                body=message.body,
            )
        )
    return MailPreview(recipients=recipients, token=token, messages=messages)


def invitation_preview(meeting: Meeting, *, update: bool) -> MailPreview:
    """The invitations (``update``: the updates) that ``delivery.send_invitations`` would write now."""
    meeting = delivery.meeting_for_mail(meeting.pk)
    to_send, _skipped, sent_before = delivery.due_invitations(meeting, update=update)
    return _preview(
        to_send,
        recipients_token(to_send, version=meeting.calendar_sequence),
        lambda recipient: delivery.invitation_message_for(
            meeting, recipient.contact, update=update, previous=sent_before.get(recipient.contact.pk)
        ),
    )


def minutes_preview(meeting: Meeting, *, correction: bool) -> MailPreview:
    """The "minutes published" e-mails (``correction``: the correction notices) that publishing would write."""
    recipients = meeting_recipients(meeting)
    return _preview(
        recipients,
        recipients_token(recipients, version=MINUTES_MAIL_VERSION[correction]),
        lambda recipient: delivery.minutes_message(meeting=meeting, contact=recipient.contact, correction=correction),
    )
