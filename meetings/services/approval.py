"""The approval loop of the minutes (meetings.models.approval): circulating the draft to the organisations that
attended, their comments per agenda item and their resolution, the item "Approval of the minutes of the Nth
meeting" on the next meeting's agenda, the approval recorded there (which locks the minutes), and the versions a
correction after approval makes."""

import datetime
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Max
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from common import access, events
from common.i18n import content_language, content_languages, localized, versions_of
from common.versioning import EditConflict
from meetings.models import (
    AgendaItem,
    Meeting,
    MeetingStatus,
    MinutesComment,
    MinutesStatus,
    MinutesVersion,
    Participation,
    ParticipationStatus,
    ordinal,
)
from meetings.notifications.recipients import ensure_recipients, meeting_recipients
from meetings.services._common import _with_history_user, claim_meeting_version
from meetings.services.publishing import _check_publisher, apply_reviews, mark_published
from stakeholders.models import organization_of

# The title of the item that approves the previous minutes, stored in English with its Russian and Uzbek versions.
APPROVAL_ITEM_TITLE = gettext_noop("Approval of the minutes of the %(ordinal)s meeting")


@dataclass
class Announcement:
    meeting: Meeting
    announced_to: int  # how many people the e-mail was written for


# Who may read a circulated draft and comment on it


def attending_organization_ids(meeting: Meeting) -> set[int]:
    return set(
        Participation.objects.filter(meeting_id=meeting.pk, status=ParticipationStatus.ATTENDED).values_list(
            "organization_id", flat=True
        )
    )


def may_read_circulated_minutes(user, meeting: Meeting) -> bool:
    """The secretariat; and, while the minutes are circulated, the people (focal points and participants, through
    their active contact) of the organisations that attended. Nobody else sees a draft."""
    if access.may_see_draft_minutes(user):
        return True
    return may_comment_on_minutes(user, meeting)


def may_comment_on_minutes(user, meeting: Meeting) -> bool:
    if not (meeting.minutes_circulated and access.may_read(user)):
        return False
    organization = organization_of(user)
    return organization is not None and organization.pk in attending_organization_ids(meeting)


# Circulating


def circulation_refusal(meeting: Meeting) -> str:
    """Why the draft minutes of ``meeting`` cannot be circulated now, or "" if they can."""
    if meeting.minutes_circulated:
        return _("The minutes are already circulated for comment.")
    if meeting.minutes_published:
        return _("The minutes are published: only draft minutes are circulated for comment.")
    if meeting.minutes_approved:
        return _("These minutes were approved: a correction is published again, not circulated.")
    if not (meeting.is_held and meeting.has_started):
        return _("Minutes are circulated after the meeting: once it has ended or its attendance is recorded.")
    if not attending_organization_ids(meeting):
        return _("No organisation is recorded as having attended: record the attendance before circulating.")
    return ""


@transaction.atomic
def circulate_minutes(
    *, meeting: Meeting, user, comments_due: datetime.date, expected_recipients: str | None = None
) -> Announcement:
    """Draft -> circulated: the attending organisations' people may read the draft and comment on it per agenda
    item until ``comments_due``; they are e-mailed a link (written to the outbox, sent after commit). The next
    meeting of the series gets the item that approves these minutes. ``expected_recipients``: the confirmation
    screen's token; ``RecipientsChanged`` (nothing done) when the people have changed since."""
    from meetings.notifications import approval as approval_mail

    _check_publisher(user)
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    refusal = circulation_refusal(meeting)
    if refusal:
        raise ValidationError(refusal)
    if comments_due is None or comments_due < timezone.localdate():
        raise ValidationError({"comments_due": _("Give a date for comments from today on.")})
    recipients = approval_mail.circulation_recipients(meeting)
    ensure_recipients(recipients, expected_recipients, version=approval_mail.CIRCULATION_MAIL_VERSION)
    meeting.minutes_status = MinutesStatus.CIRCULATED
    meeting.minutes_circulated_at = timezone.now()
    meeting.minutes_comments_due = comments_due
    claim_meeting_version(meeting, meeting.version)
    meeting.full_clean()
    _with_history_user(meeting, user).save()
    add_approval_item(meeting=meeting, user=user)
    mails = approval_mail.announce_circulated_minutes(meeting=meeting, recipients=recipients)
    return Announcement(meeting=meeting, announced_to=len(mails))


# Comments


def comment_refusal(meeting: Meeting, user) -> str:
    """Why ``user`` cannot comment on the minutes of ``meeting`` now, or "" if they can."""
    if not meeting.minutes_circulated:
        return _("The minutes are not circulated for comment.")
    if meeting.minutes_comments_due and timezone.localdate() > meeting.minutes_comments_due:
        return _("The comment period ended on %(date)s.") % {"date": meeting.minutes_comments_due.isoformat()}
    if not may_comment_on_minutes(user, meeting):
        return _("Only the organisations that attended comment on the circulated minutes.")
    return ""


def add_minutes_comment(*, meeting: Meeting, user, text: str, agenda_item: AgendaItem | None = None):
    refusal = comment_refusal(meeting, user)
    if refusal:
        raise ValidationError(refusal)
    if agenda_item is not None and agenda_item.meeting_id != meeting.pk:
        raise ValidationError({"agenda_item": _("Choose an item of this meeting's agenda.")})
    text = (text or "").strip()
    if not text:
        raise ValidationError({"text": _("Write the comment.")})
    comment = MinutesComment(
        meeting=meeting, agenda_item=agenda_item, author=user, organization=organization_of(user), text=text
    )
    comment.full_clean()
    comment.save()
    return comment


def comment_change_refusal(comment: MinutesComment, user) -> str:
    """Why ``user`` cannot edit or withdraw ``comment`` now, or "" if they can: only its author, while the minutes
    are circulated and comments are open, and only until the secretariat has resolved it."""
    if comment.author_id != getattr(user, "pk", None):
        return _("Only the person who wrote a comment edits or withdraws it.")
    if comment.is_resolved:
        return _("The secretariat has resolved this comment: it can no longer be changed.")
    return comment_refusal(comment.meeting, user)


def _claim_comment(comment: MinutesComment, user, expected_version: int) -> MinutesComment:
    """The comment locked for a change by ``user`` based on ``expected_version``: ValidationError when the change
    is not theirs to make, EditConflict when it was changed (in another tab) since that version."""
    comment = MinutesComment.objects.select_for_update().select_related("meeting").get(pk=comment.pk)
    refusal = comment_change_refusal(comment, user)
    if refusal:
        raise ValidationError(refusal)
    if comment.version != expected_version:
        raise EditConflict(current_version=comment.version)
    return comment


@transaction.atomic
def edit_minutes_comment(*, comment: MinutesComment, user, text: str, expected_version: int) -> MinutesComment:
    """The author's new text for their unresolved comment; the secretariat sees that it was edited."""
    comment = _claim_comment(comment, user, expected_version)
    text = (text or "").strip()
    if not text:
        raise ValidationError({"text": _("Write the comment.")})
    if text != comment.text:
        comment.text = text
        comment.edited_at = timezone.now()
        comment.version += 1
        comment.full_clean()
        comment.save()
    return comment


@transaction.atomic
def withdraw_minutes_comment(*, comment: MinutesComment, user, expected_version: int) -> None:
    """The author takes back their unresolved comment: it is deleted (the secretariat had nothing to act on)."""
    _claim_comment(comment, user, expected_version).delete()


@transaction.atomic
def resolve_minutes_comment(
    *, comment: MinutesComment, user, note: str = "", expected_version: int | None = None
) -> MinutesComment:
    """``expected_version``: the version of the comment the secretariat read; refused when its author has edited it
    since, so that nothing is resolved unread."""
    _check_publisher(user)
    comment = MinutesComment.objects.select_for_update().get(pk=comment.pk)
    if comment.is_resolved:
        raise ValidationError(_("This comment is already resolved."))
    if expected_version is not None and comment.version != expected_version:
        raise ValidationError(
            _("Its author edited this comment after you loaded the page: read it again, then resolve it.")
        )
    comment.resolved_at = timezone.now()
    comment.resolved_by = user
    comment.resolution_note = (note or "").strip()
    comment.full_clean()
    comment.save()
    return comment


# The item on the next meeting's agenda


def next_meeting_of(meeting: Meeting) -> Meeting | None:
    """The meeting after ``meeting`` in its series (not cancelled), where its minutes are approved."""
    return (
        meeting.series.meetings.filter(number__gt=meeting.number)
        .exclude(status=MeetingStatus.CANCELLED)
        .order_by("number")
        .first()
    )


def approval_item_titles(meeting: Meeting) -> dict[str, str]:
    def write():
        return _(APPROVAL_ITEM_TITLE) % {"ordinal": ordinal(meeting.number)}

    with translation.override("en"):
        title = write()
    return {"title": title, **versions_of("title", write)}


def add_approval_item(*, meeting: Meeting, user=None) -> AgendaItem | None:
    """Put "Approval of the minutes of the Nth meeting" first on the next meeting's agenda, once: when the minutes
    are circulated or published and the next meeting exists and has not taken place. Returns the item, or None."""
    if meeting.minutes_approval_item_id or meeting.minutes_approved:
        return None
    if not (meeting.minutes_circulated or meeting.minutes_published):
        return None
    upcoming = next_meeting_of(meeting)
    if upcoming is None or upcoming.is_held:
        return None
    with transaction.atomic():
        claim_meeting_version(upcoming, upcoming.version)  # the agenda changed: an open agenda editor sees it
        upcoming.agenda_items.update(position=F("position") + 1)  # the uniqueness is checked at commit
        item = AgendaItem(meeting=upcoming, position=1, **approval_item_titles(meeting))
        item.full_clean()
        _with_history_user(item, user).save()
        Meeting.objects.filter(pk=meeting.pk).update(minutes_approval_item=item)
        meeting.minutes_approval_item = item
    return item


# Approval


def approval_refusal(meeting: Meeting, at_meeting: Meeting | None) -> str:
    """Why the minutes of ``meeting`` cannot be recorded as approved at ``at_meeting`` now, or "" if they can."""
    if meeting.minutes_approved:
        return _("These minutes are already approved.")
    if not (meeting.minutes_circulated or meeting.minutes_published):
        return _("Circulate or publish the minutes before they are approved.")
    if at_meeting is None or at_meeting.series_id != meeting.series_id or at_meeting.number <= meeting.number:
        return _("Minutes are approved at a later meeting of their series.")
    if at_meeting.status == MeetingStatus.CANCELLED or not at_meeting.has_started:
        return _("The approval is recorded at the meeting that approves them, once it has begun.")
    return ""


@transaction.atomic
def approve_minutes(
    *, meeting: Meeting, at_meeting: Meeting, user, expected_recipients: str | None = None
) -> Announcement:
    """Record that ``at_meeting`` approved the minutes of ``meeting``: circulated minutes are published by it, and
    the minutes are locked, their text kept as version 1. The participants are e-mailed (outbox, after commit);
    ``expected_recipients`` as for circulate_minutes."""
    from meetings.notifications import approval as approval_mail

    _check_publisher(user)
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    refusal = approval_refusal(meeting, at_meeting)
    if refusal:
        raise ValidationError(refusal)
    recipients = meeting_recipients(meeting)
    ensure_recipients(recipients, expected_recipients, version=approval_mail.APPROVAL_MAIL_VERSION)
    now = timezone.now()
    was_circulated = meeting.minutes_circulated
    if was_circulated:
        mark_published(meeting, user)
    meeting.minutes_approved_at = now
    meeting.minutes_approved_by = user
    meeting.minutes_approved_at_meeting = at_meeting
    claim_meeting_version(meeting, meeting.version)
    meeting.full_clean()
    meeting._change_reason = approved_at_reason(at_meeting)
    _with_history_user(meeting, user).save()
    if was_circulated:
        apply_reviews(meeting=meeting, user=user)
        events.publish_event(events.MINUTES_PUBLISHED, meeting)
    record_minutes_version(meeting=meeting, user=user, reason=approved_at_reason(at_meeting))
    mails = approval_mail.announce_approved_minutes(meeting=meeting, recipients=recipients)
    return Announcement(meeting=meeting, announced_to=len(mails))


def approved_at_reason(at_meeting: Meeting) -> str:
    with translation.override("en"):  # stored, like the history's reasons, in one language
        return _("Approved at the %(ordinal)s meeting") % {"ordinal": ordinal(at_meeting.number)}


# Versions

ITEM_TEXT_FIELDS = [name for name in AgendaItem.MINUTES_FIELDS if name != "outcome"]  # the text, in each language


def shown_texts(obj, fields: list[str]) -> dict[str, dict[str, str]]:
    """Per content language, each of ``fields`` of ``obj`` as a reader in that language reads it now (its current
    translation, else the original): a version shows its text in its reader's language, as it was approved."""
    texts = {}
    for language in content_languages():
        with translation.override(language):
            texts[language] = {name: localized(obj, name) for name in fields}
    return texts


def minutes_snapshot(meeting: Meeting) -> dict:
    """What the minutes say, as kept in a version: the summary, each item's text, the statements, decisions and
    follow-up actions with their numbers."""
    items = list(meeting.agenda_items.order_by("position", "id"))
    number_of = {item.pk: number for number, item in enumerate(items, start=1)}
    return {
        "summary": {
            **{name: getattr(meeting, name) for name in Meeting.MINUTES_TEXT_FIELDS},
            "texts": shown_texts(meeting, ["minutes_summary"]),
        },
        "items": [
            {
                "number": number_of[item.pk],
                "title": item.title,
                "outcome": item.get_outcome_display() if item.outcome else "",
                "visibility": item.visibility,
                **{name: getattr(item, name) for name in ITEM_TEXT_FIELDS},
                "texts": shown_texts(item, ["title", "discussion_summary"]),
            }
            for item in items
        ],
        "statements": [
            {
                "item": number_of.get(statement.agenda_item_id),
                "speaker": statement.speaker.name,
                "organization": statement.organization.short_name,
                "text": statement.summary,
                "kind": statement.kind,
                "source": statement.source_title
                or (statement.source_document.title if statement.source_document else ""),
                "visibility": statement.visibility,
                "texts": shown_texts(statement, ["summary"]),
            }
            for statement in meeting.statements.select_related("speaker", "organization", "source_document")
        ],
        "decisions": [
            {
                "item": number_of.get(decision.agenda_item_id),
                "reference": decision.reference,
                "text": decision.text,
                "texts": shown_texts(decision, ["text"]),
            }
            for decision in meeting.decisions.order_by("reference_number", "id")
        ],
        "actions": [
            {
                "item": number_of.get(action.agenda_item_id),
                "reference": action.reference,
                "text": action.title,
                "texts": shown_texts(action, ["title"]),
                "organization": action.responsible_organization.short_name,
                "due_on": action.due_on.isoformat() if action.due_on else "",
            }
            for action in meeting.action_items.select_related("responsible_organization").order_by(
                "reference_number", "id"
            )
        ],
    }


def record_minutes_version(*, meeting: Meeting, user, reason: str) -> MinutesVersion:
    last = meeting.minutes_versions.aggregate(last=Max("number"))["last"] or 0
    return MinutesVersion.objects.create(
        meeting=meeting,
        number=last + 1,
        reason=reason[:255],
        created_by=user if user is not None and user.is_authenticated else None,
        content=minutes_snapshot(meeting),
    )


@dataclass
class VersionItem:
    """One agenda item of a kept version (``number`` None: the entries tied to no item), as a reader may read it."""

    number: int | None
    title: str = ""
    outcome: str = ""
    discussion_summary: str = ""
    statements: list = field(default_factory=list)
    decisions: list = field(default_factory=list)
    actions: list = field(default_factory=list)

    @property
    def has_content(self) -> bool:
        return bool(self.discussion_summary or self.outcome or self.statements or self.decisions or self.actions)


def version_record(content: dict, user) -> list[VersionItem]:
    """The record a version kept (``minutes_snapshot``), per agenda item as the minutes show it: each item's text,
    its statements, decisions and follow-up actions; the entries tied to no item last. What ``user`` may not read
    is left out as on the live minutes: items and statements kept to the secretariat, and everything under such
    an item. A statement kept before its confidentiality was recorded with it is shown to the secretariat only."""
    secretariat = access.is_secretariat(user)

    def readable(entry: dict, default: str) -> bool:
        return secretariat or entry.get("visibility", default) != access.Visibility.SECRETARIAT

    items = {}
    hidden = set()
    for entry in content.get("items", []):
        if not readable(entry, access.Visibility.PARTICIPANTS):
            hidden.add(entry["number"])
            continue
        items[entry["number"]] = VersionItem(
            number=entry["number"],
            title=_in_reader_language(entry, "title"),
            outcome=entry.get("outcome", ""),
            discussion_summary=_in_reader_language(entry, "discussion_summary"),
        )
    loose = VersionItem(number=None)
    for kind, default in (
        ("statements", access.Visibility.SECRETARIAT),
        ("decisions", access.Visibility.PARTICIPANTS),
        ("actions", access.Visibility.PARTICIPANTS),
    ):
        for entry in content.get(kind, []):
            if entry.get("item") in hidden or not readable(entry, default):
                continue
            entry = {**entry, "text": _in_reader_language(entry, TEXT_FIELD_OF[kind], "text")}
            getattr(items.get(entry.get("item"), loose), kind).append(entry)
    shown = [item for item in items.values() if item.has_content]
    return shown + ([loose] if loose.has_content else [])


# The field whose text each kind of entry of a version keeps under "text".
TEXT_FIELD_OF = {"statements": "summary", "decisions": "text", "actions": "title"}


def _in_reader_language(entry: dict, field: str, key: str | None = None) -> str:
    """``field`` of a version's entry in the reader's language as it was kept, else the original (``key``)."""
    shown = entry.get("texts", {}).get(content_language(), {}).get(field)
    return shown or entry.get(key or field, "")


def version_summary(content: dict) -> str:
    """The summary of the meeting a version kept, in the reader's language where it was kept in it."""
    summary = content.get("summary", {})
    return _in_reader_language(summary, "minutes_summary")
