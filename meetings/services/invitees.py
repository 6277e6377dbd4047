"""What only the people invited to a meeting (and the secretariat) see: its join link and its live mode."""

from django.db.models import Q

from common.access import is_secretariat
from meetings.models import Meeting, Participation
from meetings.services.replies import is_invited
from stakeholders.models import Contact


def is_invited_reader(meeting: Meeting, user) -> bool:
    """The secretariat, or someone whose own (active) contact is on the meeting's list, by name or through their
    organisation invited as a whole (services.is_invited)."""
    if is_secretariat(user):
        return True
    if not (user and user.is_authenticated):
        return False
    contact = Contact.objects.of_user(user).first()
    return contact is not None and is_invited(meeting, contact)


def sees_join_link(meeting: Meeting, user) -> bool:
    return bool(meeting.join_url) and is_invited_reader(meeting, user)


def sees_live_mode(meeting: Meeting, user) -> bool:
    return is_invited_reader(meeting, user)


def invited_meeting_ids(contact: Contact | None) -> set[int]:
    """The meetings whose list holds ``contact`` (by name, or their organisation as a whole), in one query: the
    calendar feed shows their join links."""
    if contact is None:
        return set()
    rows = Participation.objects.filter(walk_in=False).filter(
        Q(contact=contact) | Q(contact__isnull=True, organization_id=contact.organization_id)
    )
    return set(rows.values_list("meeting_id", flat=True))
