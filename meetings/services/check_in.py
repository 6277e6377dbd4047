"""Checking people in at the door: one tap marks one person (or organisation) attended.

Several devices check people in at once, so a tap only ever writes its own row: a row of the list through
record_attendance (which refuses a row someone set to another status meanwhile, and keeps theirs), or a new row for a
contact of an invited organisation who had none. Nothing else on the list is rewritten.
"""

import unicodedata
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from meetings.models import Meeting, Participation, ParticipationStatus
from meetings.services._common import _with_history_user
from meetings.services.attendance import AttendanceRecorded, RowChange, _early_attendance_error, record_attendance
from stakeholders.models import Contact


@dataclass
class DoorEntry:
    """One line of the door's list: a row of the meeting's list (a named person, an organisation as a whole, a walk-in)
    or an active contact of an invited organisation who has no row of their own yet."""

    organization: object
    row: Participation | None = None
    contact: Contact | None = None

    @property
    def key(self) -> str:
        return f"row-{self.row.pk}" if self.row is not None else f"contact-{self.contact.pk}"

    @property
    def name(self) -> str:
        """The person's name, "" for an organisation as a whole."""
        if self.contact is not None:
            return self.contact.name
        return self.row.attendee_name if self.row is not None else ""

    @property
    def attended(self) -> bool:
        return self.row is not None and self.row.status == ParticipationStatus.ATTENDED

    @property
    def search_text(self) -> str:
        """What typing at the door finds it by (the page folds case and accents)."""
        organization = self.organization
        parts = [self.name, organization.name, organization.acronym or ""]
        if self.contact is not None:
            parts.append(self.contact.position or "")
        return " ".join(part for part in parts if part)


# Apostrophes and the Uzbek letters' modifiers (Oʻzbekiston, O'zbekiston) are left out of what is compared.
IGNORED_IN_SEARCH = str.maketrans("", "", "'`‘’ʻʼ")


def folded(text: str) -> str:
    """``text`` without case, accents or apostrophes, for finding a name however it is typed (static/js/check_in.js
    folds the same way in the browser)."""
    decomposed = unicodedata.normalize("NFD", text)
    return (
        "".join(char for char in decomposed if not unicodedata.combining(char)).translate(IGNORED_IN_SEARCH).casefold()
    )


def matches(entry: DoorEntry, query: str) -> bool:
    """Every word typed is found in the entry's name, organisation, acronym or position."""
    text = folded(entry.search_text)
    return all(word in text for word in folded(query).split())


def door_entries(meeting: Meeting) -> list[DoorEntry]:
    """Everyone the door may check in, by organisation (two queries): the meeting's rows, and the active contacts of
    the organisations invited as a whole who have no row of their own."""
    rows = list(meeting.participations.select_related("organization", "contact").order_by("id"))
    named = {row.contact_id for row in rows if row.contact_id}
    invited_whole = {
        row.organization_id for row in rows if row.contact_id is None and not row.attendee_name and not row.walk_in
    }
    contacts = (
        Contact.objects.filter(organization_id__in=invited_whole, is_active=True)
        .exclude(pk__in=named)
        .select_related("organization")
    )
    entries = [DoorEntry(organization=row.organization, row=row, contact=row.contact) for row in rows]
    entries += [DoorEntry(organization=contact.organization, contact=contact) for contact in contacts]
    entries.sort(key=lambda entry: (entry.organization.name.casefold(), entry.name != "", entry.name.casefold()))
    return entries


def door_tally(entries: list[DoorEntry]) -> tuple[int, int]:
    """How many of the door's entries are checked in, and of how many."""
    return sum(entry.attended for entry in entries), len(entries)


def check_in_row(
    *, meeting: Meeting, row_id: int, version: int, shown_status: str, confirmed_before_start=False, user=None
) -> AttendanceRecorded:
    """Mark one row of the list attended, as one change of the register against the version the door was shown.
    Someone who set the row to another status meanwhile (excused, say) keeps it: the row comes back as a conflict."""
    change = RowChange(
        row_id=row_id,
        version=version,
        shown={"status": shown_status},
        chosen={"status": ParticipationStatus.ATTENDED},
    )
    return record_attendance(
        meeting=meeting, changes=[change], confirmed_before_start=confirmed_before_start, user=user
    )


@transaction.atomic
def check_in_contact(*, meeting: Meeting, contact: Contact, confirmed_before_start=False, user=None) -> Participation:
    """Mark a contact of an invited organisation attended: their own row, made now if they had none (the
    organisation's invitation stays for its other people). Tapped on two devices at once, the second finds the first's
    row and leaves it attended."""
    Meeting.objects.select_for_update().filter(pk=meeting.pk).first()  # one new row per person, however many taps
    row = meeting.participations.filter(contact=contact).first()
    if row is not None:
        if row.status != ParticipationStatus.ATTENDED:
            recorded = check_in_row(
                meeting=meeting,
                row_id=row.pk,
                version=row.version,
                shown_status=row.status,
                confirmed_before_start=confirmed_before_start,
                user=user,
            )
            row = recorded.saved[0] if recorded.saved else row
        return row
    if not meeting.participations.filter(
        organization_id=contact.organization_id, contact=None, attendee_name="", walk_in=False
    ).exists():
        raise ValidationError(_("%(name)s's organisation is not invited to this meeting.") % {"name": contact.name})
    if not meeting.has_started and not confirmed_before_start:
        raise _early_attendance_error()
    row = Participation(
        meeting=meeting,
        organization_id=contact.organization_id,
        contact=contact,
        status=ParticipationStatus.ATTENDED,
    )
    row.full_clean()
    _with_history_user(row, user).save()
    return row
