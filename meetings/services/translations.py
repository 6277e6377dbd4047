"""Keeping a meeting's texts translated: what is missing or out of date, and saving a translation of one text."""

import difflib
from dataclasses import dataclass

from django.db import transaction
from django.db.models import F
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from common.i18n import MISSING, OUTDATED, content_languages, fingerprint, language_name
from meetings.models import ActionItem, ActionUpdate, AgendaItem, Decision, Meeting, Statement


class TranslationRefused(Exception):
    """The translation was not saved: the text is not this meeting's, or its original changed meanwhile."""


@dataclass(frozen=True)
class TextToTranslate:
    record: object
    field: str
    language: str
    state: str
    label: str

    @property
    def key(self) -> str:
        return text_key(self.record, self.field)

    @property
    def language_name(self) -> str:
        return language_name(self.language)

    @property
    def original(self) -> str:
        return getattr(self.record, self.field)

    @property
    def translation(self) -> str:
        return getattr(self.record, f"{self.field}_{self.language}")

    @property
    def original_fingerprint(self) -> str:
        return fingerprint(self.original)

    @property
    def changes(self) -> SafeString:
        """The original now, with what changed since the translation was made marked (<del>/<ins>, word by word)."""
        before = self.record.original_when_translated(self.field, self.language)
        if self.state != OUTDATED or not before:
            return escape(self.original)
        old_words, new_words = before.split(" "), self.original.split(" ")
        parts = []
        for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=old_words, b=new_words).get_opcodes():
            if tag in ("delete", "replace"):
                parts.append(f"<del>{escape(' '.join(old_words[i1:i2]))}</del>")
            if tag in ("insert", "replace"):
                parts.append(f"<ins>{escape(' '.join(new_words[j1:j2]))}</ins>")
            if tag == "equal":
                parts.append(escape(" ".join(new_words[j1:j2])))
        return mark_safe(" ".join(parts))  # noqa: S308  # nosec B308 B703: every part is escaped


TRANSLATABLE = {
    "meeting": Meeting,
    "item": AgendaItem,
    "statement": Statement,
    "decision": Decision,
    "action": ActionItem,
    "review": ActionUpdate,
}


def text_key(record, field: str) -> str:
    kind = next(kind for kind, model in TRANSLATABLE.items() if isinstance(record, model))
    return f"{kind}:{record.pk}:{field}"


def _label(record, field: str) -> str:
    if isinstance(record, Meeting):
        return {"title": _("Meeting title"), "venue": _("Venue")}.get(field, _("Summary of the minutes"))
    if isinstance(record, AgendaItem):
        what = {"title": _("title"), "description": _("description")}.get(field, _("discussion summary"))
        return _("Item %(number)s, %(what)s") % {"number": record.position, "what": what}
    if isinstance(record, Statement):
        return _("Statement by %(speaker)s") % {"speaker": record.speaker.name}
    if isinstance(record, Decision):
        return _("Decision %(reference)s") % {"reference": record.reference}
    if isinstance(record, ActionUpdate):
        return _("Review of follow-up action %(reference)s") % {"reference": record.action.reference}
    if field == "description":
        return _("Follow-up action %(reference)s, %(what)s") % {"reference": record.reference, "what": _("description")}
    return _("Follow-up action %(reference)s") % {"reference": record.reference}


def records_of(meeting: Meeting) -> list:
    """The meeting and every record of its agenda and minutes that holds a text readers see."""
    return [
        meeting,
        *meeting.agenda_items.order_by("position", "id"),
        *Statement.objects.filter(meeting=meeting).select_related("speaker").order_by("position", "id"),
        *Decision.objects.filter(meeting=meeting).select_related("meeting").order_by("reference_number", "id"),
        *ActionItem.objects.filter(meeting=meeting).select_related("meeting").order_by("reference_number", "id"),
        *ActionUpdate.objects.filter(meeting=meeting).select_related("action__meeting").order_by("id"),
    ]


def translations_to_update(meeting: Meeting, language: str | None = None) -> list[TextToTranslate]:
    """Every text of the meeting whose translation is missing or out of date (in ``language``, or in any)."""
    return [
        TextToTranslate(record, field, text_language, state, _label(record, field))
        for record in records_of(meeting)
        for field, text_language, state in record.translations_to_update()
        if language in (None, text_language)
    ]


def counts_by_language(texts: list[TextToTranslate]) -> dict[str, dict[str, int]]:
    counts = {language: {MISSING: 0, OUTDATED: 0} for language in content_languages()}
    for text in texts:
        counts[text.language][text.state] += 1
    return counts


def find_text(meeting: Meeting, key: str):
    """The record and field ``key`` names, refused unless it is one of this meeting's translated texts."""
    kind, _colon, rest = key.partition(":")
    pk, _colon, field = rest.partition(":")
    model = TRANSLATABLE.get(kind)
    if model is None or not pk.isdigit() or field not in model.TRANSLATED_FIELDS:
        raise TranslationRefused(_("This text is not part of the meeting."))
    if model is Meeting:
        record = meeting if int(pk) == meeting.pk else None
    else:
        record = model.objects.filter(pk=pk, meeting=meeting).first()
    if record is None:
        raise TranslationRefused(_("This text is no longer part of the meeting."))
    return record, field


@transaction.atomic
def save_translation(*, meeting: Meeting, key: str, language: str, text: str, original_fingerprint: str):
    """Save the ``language`` translation of one text, made from the original the translator saw."""
    if language not in content_languages():
        raise TranslationRefused(_("Choose one of the portal's languages."))
    record, field = find_text(meeting, key)
    record = type(record).objects.select_for_update().get(pk=record.pk)
    if language == record.source_language:
        raise TranslationRefused(_("This is the language the text was written in; edit the original instead."))
    if fingerprint(getattr(record, field)) != original_fingerprint:
        raise TranslationRefused(
            _("The original changed while you were translating it. Compare your translation with it again.")
        )
    setattr(record, f"{field}_{language}", text.strip())
    record.save()
    # Whoever has the same text open in an editor is told it changed, instead of saving over the translation (a
    # review's note has no version of its own: no editor changes it).
    if not isinstance(record, ActionUpdate):
        type(record).objects.filter(pk=record.pk).update(version=F("version") + 1)
    if isinstance(record, AgendaItem):
        Meeting.objects.filter(pk=meeting.pk).update(version=F("version") + 1)
    return record
