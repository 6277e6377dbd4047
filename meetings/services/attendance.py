"""Attendance recorded after the meeting: rows, walk-ins, the headcount."""

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from simple_history.utils import bulk_update_with_history

from common.i18n import localized
from meetings.models import (
    Meeting,
    Participation,
    ParticipationRole,
    ParticipationStatus,
    Rsvp,
    RsvpAnswer,
)
from meetings.services._common import ATTENDANCE_OUTCOMES, STILL_OPEN, _with_history_user
from stakeholders.models import Contact, Organization


def expected_to_attend(meeting: Meeting, rows: Iterable[Participation]) -> set[int]:
    """The rows (ids) still open whose status is confirmed or whose person (for an organisation-wide row, anyone of
    the organisation) accepted the invitation. One query."""
    accepted = Rsvp.objects.filter(meeting=meeting, answer=RsvpAnswer.ACCEPTED).values_list(
        "contact_id", "contact__organization_id"
    )
    accepted_people, accepted_organizations = set(), set()
    for contact_id, organization_id in accepted:
        accepted_people.add(contact_id)
        accepted_organizations.add(organization_id)
    return {
        row.pk
        for row in rows
        if row.status in STILL_OPEN
        and (
            row.status == ParticipationStatus.CONFIRMED
            or (row.contact_id in accepted_people if row.contact_id else row.organization_id in accepted_organizations)
        )
    }


@dataclass(frozen=True)
class RowChange:
    """What the user changed on one row of the register: ``chosen`` holds only the fields they changed (field name
    -> value), ``shown`` the values the page showed them and ``version`` the row's version then; ``remove`` when
    they ticked the row for removal."""

    row_id: int
    version: int
    shown: dict[str, str]
    chosen: dict[str, str]
    remove: bool = False


@dataclass
class RowConflict:
    """A row the user changed that someone else changed too since the page was shown: not saved. ``row`` is the row
    as now saved, ``changed_by`` who saved it last (a name, or "" when unknown)."""

    change: RowChange
    row: Participation
    changed_by: str = ""

    def fields(self) -> list[tuple[str, str, str]]:
        """(label, the user's choice, the value now saved) of each field the user changed."""
        labelled = []
        for name, value in self.change.chosen.items():
            field = Participation._meta.get_field(name)
            label = capfirst(str(field.verbose_name))
            labelled.append((label, _choice_label(field, value), _choice_label(field, getattr(self.row, name))))
        if self.change.remove:
            status = Participation._meta.get_field("status")
            labelled.append(
                (capfirst(str(status.verbose_name)), _("Remove from the list"), self.row.get_status_display())
            )
        return labelled


def _choice_label(field, value) -> str:
    return str(dict(field.flatchoices).get(value, value))


@dataclass
class AttendanceRecorded:
    saved: list[Participation]
    removed: int
    conflicts: list[RowConflict]


EDITABLE_ROW_FIELDS = ("role", "status")


@transaction.atomic
def record_attendance(
    *,
    meeting: Meeting,
    changes: Iterable[RowChange] = (),
    mark_expected_attended: bool = False,
    mark_all_attended: bool = False,
    confirmed_before_start: bool = False,
    user=None,
) -> AttendanceRecorded:
    """Save the register in one pass: the rows the user changed, the rows removed, and optionally every row still
    open whose organisation or person confirmed (or accepted the invitation) marked as attended, or with
    ``mark_all_attended`` ("everyone came") every row still open, whether or not they replied. Rows excused or
    already recorded keep their status.

    Only what the user changed is written, so a row someone else changed in the meantime keeps their change. When
    both changed the same field of a row to different values (or the user removes a row changed since), that row
    is a conflict: it is not saved, and is returned for the user to decide. A row removed meanwhile is left alone.

    Attendance (attended or absent) newly recorded for a meeting that has not started yet is refused unless
    ``confirmed_before_start``: nothing is saved.
    """
    rows = {row.pk: row for row in meeting.participations.select_for_update().order_by("id")}
    before = {pk: row.status for pk, row in rows.items()}
    to_save: dict[int, Participation] = {}
    to_remove: list[Participation] = []
    conflicts: list[RowConflict] = []
    for change in changes:
        unknown = set(change.chosen) - set(EDITABLE_ROW_FIELDS)
        if unknown:
            raise ValueError(f"Not register fields: {sorted(unknown)}")
        row = rows.get(change.row_id)
        if row is None:
            continue
        if row.version != change.version and (
            change.remove
            or any(getattr(row, name) not in (change.shown.get(name), value) for name, value in change.chosen.items())
        ):
            conflicts.append(RowConflict(change=change, row=row))
            continue
        if change.remove:
            to_remove.append(row)
            continue
        for name, value in change.chosen.items():
            if getattr(row, name) != value:
                setattr(row, name, value)
                to_save[row.pk] = row
    undecided = {conflict.row.pk for conflict in conflicts} | {row.pk for row in to_remove}
    if mark_expected_attended or mark_all_attended:
        open_rows = [row for pk, row in rows.items() if pk not in undecided]
        marked = (
            {row.pk for row in open_rows if row.status in STILL_OPEN}
            if mark_all_attended
            else expected_to_attend(meeting, open_rows)
        )
        for pk in marked:
            rows[pk].status = ParticipationStatus.ATTENDED
            to_save[pk] = rows[pk]
    newly_recorded = any(row.status in ATTENDANCE_OUTCOMES and before[pk] != row.status for pk, row in to_save.items())
    if newly_recorded and not confirmed_before_start and not meeting.has_started:
        raise _early_attendance_error()
    for row in to_remove:
        _with_history_user(row, user).delete()
    if to_save:
        now = timezone.now()
        for row in to_save.values():
            row.full_clean(exclude=["meeting", "organization", "contact"], validate_unique=False)
            row.updated = now
            row.version += 1  # the row is locked: no one else moves it meanwhile
        history_user = user if user is not None and user.is_authenticated else None
        bulk_update_with_history(
            list(to_save.values()), Participation, ["role", "status", "updated", "version"], default_user=history_user
        )
    _name_who_changed(conflicts)
    return AttendanceRecorded(saved=list(to_save.values()), removed=len(to_remove), conflicts=conflicts)


def _name_who_changed(conflicts: list[RowConflict]) -> None:
    """Who saved each conflicting row last, from its history (one query, none without conflicts)."""
    if not conflicts:
        return
    latest = (
        Participation.history.filter(id__in=[conflict.row.pk for conflict in conflicts])
        .select_related("history_user__contact")
        .order_by("id", "-history_date", "-history_id")
        .distinct("id")
    )
    names = {}
    for record in latest:
        person = record.history_user
        if person is not None:
            contact = getattr(person, "contact", None)
            names[record.id] = contact.name if contact is not None else person.get_username()
    for conflict in conflicts:
        conflict.changed_by = names.get(conflict.row.pk, "")


def _early_attendance_error() -> ValidationError:
    return ValidationError(
        {
            "confirm_before_start": _(
                "This meeting has not started yet. Tick the box to confirm you are recording attendance "
                "before the start, or wait until the meeting has begun. Nothing was saved."
            )
        }
    )


@transaction.atomic
def record_walk_in(
    *,
    meeting: Meeting,
    name: str,
    organization: Organization,
    create_contact: bool = False,
    confirmed_before_start: bool = False,
    user=None,
) -> Participation:
    """Someone who came without being invited: recorded as attended, by name, or as a new (or the same-named)
    contact of the organisation when ``create_contact``. Before the meeting's start it needs the confirmation."""
    name = " ".join(name.split())
    if not name:
        raise ValidationError({"name": _("Give the person's name.")})
    if not meeting.has_started and not confirmed_before_start:
        raise _early_attendance_error()
    contact = None
    if create_contact:
        contact = Contact.objects.filter(organization=organization, name__iexact=name).order_by("pk").first()
        if contact is None:
            contact = Contact(organization=organization, name=name)
            contact.full_clean()
            _with_history_user(contact, user).save()
        existing = meeting.participations.filter(contact=contact).first()
    else:
        existing = meeting.participations.filter(
            organization=organization, contact=None, attendee_name__iexact=name
        ).first()
    if existing is not None:
        if existing.status == ParticipationStatus.ATTENDED:
            raise ValidationError({"name": _("%(name)s is already recorded as attended.") % {"name": name}})
        existing.status = ParticipationStatus.ATTENDED
        _with_history_user(existing, user).save()
        return existing
    participation = Participation(
        meeting=meeting,
        organization=organization,
        contact=contact,
        attendee_name="" if contact else name,
        walk_in=True,
        status=ParticipationStatus.ATTENDED,
    )
    participation.full_clean()
    _with_history_user(participation, user).save()
    return participation


def set_headcount(*, meeting: Meeting, headcount: int | None, user=None) -> None:
    if meeting.headcount != headcount:
        meeting.headcount = headcount
        _with_history_user(meeting, user).save(update_fields=["headcount", "updated"])


def attendance_by_organization(participations: Iterable[Participation]) -> list[dict]:
    """Roll the list up per organisation: the people counted by status, and whether anyone attended."""
    rows: dict[int, dict] = {}
    for participation in participations:
        row = rows.setdefault(
            participation.organization_id,
            {"organization": participation.organization, "counts": dict.fromkeys(ParticipationStatus.values, 0)},
        )
        row["counts"][participation.status] += 1
    result = sorted(rows.values(), key=lambda row: row["organization"].name)
    for row in result:
        counts = row["counts"]
        row["attended"] = counts[ParticipationStatus.ATTENDED] > 0
        row["status_counts"] = [
            (ParticipationStatus(value).label, counts[value]) for value in ParticipationStatus.values
        ]
    return result


@dataclass
class Representative:
    """One person who attended for an organisation: a contact, or a walk-in known by name only."""

    name: str
    position: str = ""
    role: str = ""  # the role's label when it is not "participant", else ""
    walk_in: bool = False


@dataclass
class OrganizationAttendance:
    """One line of the attendance record: an organisation present, who represented it and its own role."""

    organization: Organization
    role: str = ""  # the organisation's own role (chair, speaker, observer) as a label, else ""
    representatives: list[Representative] = field(default_factory=list)


@dataclass
class AttendanceRecord:
    """The attendance as the minutes record it: one line per organisation present, the organisations excused
    (none of whose people attended), the headcount if counted, and who chaired."""

    present: list[OrganizationAttendance]
    excused: list[Organization]
    headcount: int | None
    chair: str

    @property
    def is_empty(self) -> bool:
        return not self.present and not self.excused and self.headcount is None


def attendance_record(meeting: Meeting) -> AttendanceRecord:
    """The attendance record of ``meeting`` from its participations (prefetched with their organisation and contact
    by the page: no query here; otherwise one). Everyone who attended counts, whether invited, named by the
    organisation's focal point, recorded at the door or a walk-in."""
    rows = sorted(
        meeting.participations.all(),
        key=lambda row: (row.organization.name, row.contact is None and not row.attendee_name, _person_name(row)),
    )
    present: dict[int, OrganizationAttendance] = {}
    excused: dict[int, Organization] = {}
    for row in rows:
        if row.status == ParticipationStatus.ATTENDED:
            line = present.setdefault(row.organization_id, OrganizationAttendance(row.organization))
            role = "" if row.role == ParticipationRole.PARTICIPANT else row.get_role_display()
            name = _person_name(row)
            if name:
                position = localized(row.contact, "position") if row.contact is not None else ""
                line.representatives.append(Representative(name, position, role, row.walk_in))
            elif role and not line.role:
                line.role = role
        elif row.status == ParticipationStatus.EXCUSED:
            excused.setdefault(row.organization_id, row.organization)
    return AttendanceRecord(
        present=list(present.values()),
        excused=[organization for pk, organization in excused.items() if pk not in present],
        headcount=meeting.headcount,
        chair=_chair(rows),
    )


def _person_name(row: Participation) -> str:
    return row.contact.name if row.contact is not None else row.attendee_name


ABSENT_STATUSES = {ParticipationStatus.EXCUSED, ParticipationStatus.ABSENT}


def _chair(rows: list[Participation]) -> str:
    """Who chaired: the person (with their organisation) or organisation whose role is chair, one who attended
    first; "" when none is named."""
    chairs = [row for row in rows if row.role == ParticipationRole.CHAIR and row.status not in ABSENT_STATUSES]
    chairs.sort(key=lambda row: row.status != ParticipationStatus.ATTENDED)
    if not chairs:
        return ""
    chair = chairs[0]
    name = _person_name(chair)
    organization = chair.organization.short_name
    return f"{name} ({organization})" if name else str(chair.organization.display_name)
