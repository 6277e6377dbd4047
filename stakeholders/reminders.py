"""A person's choice to receive no more follow-up action reminders, through the signed link in each reminder."""

from django.core import signing

from stakeholders.models import Contact

UNSUBSCRIBE_SALT = "meetings.notifications.unsubscribe-reminders"  # the name it was signed with: links still work


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


def stop_reminders(*, contact: Contact) -> None:
    if contact.receives_reminders:
        contact.receives_reminders = False
        contact.save(update_fields=["receives_reminders", "updated"])
