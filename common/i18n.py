"""Content in several languages.

A text is stored as its original, in the field itself (``title``), in the language the record was written in
(``source_language``), and as translations in one field per content language (``title_en``, ``title_ru``,
``title_uz``): ``settings.CONTENT_LANGUAGES``, so a fourth language is that setting and one migration.

A translation remembers the original it was made from (``translated_from``): when the original changes, the
translation is out of date, and readers get the current original with a label instead of a stale translation.
"""

import hashlib
from dataclasses import dataclass

from django.conf import settings
from django.conf.locale import LANG_INFO
from django.db import models
from django.utils import translation
from django.utils.text import format_lazy
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext_lazy as _

CURRENT = "current"
OUTDATED = "outdated"
MISSING = "missing"
ORIGINAL = "original"


def content_languages() -> tuple[str, ...]:
    """Every language content is written or translated in (the interface's, and any more the settings add)."""
    return tuple(code for code, _name in settings.CONTENT_LANGUAGES)


def language_name(code: str) -> str:
    return dict(settings.CONTENT_LANGUAGES).get(code, code)


def content_language() -> str:
    """The active language without its region ("ru" for "ru-RU"): the language content is shown in."""
    return (get_language() or settings.LANGUAGE_CODE).split("-")[0]


def writer_language() -> str:
    """The language a text typed now is taken to be written in, unless its writer says: the page's."""
    language = content_language()
    return language if language in content_languages() else settings.LANGUAGE_CODE


def _language_label(code: str):
    """A language's name in the reader's language where Django's own catalogue has it ("Russian" -> "Русский"),
    lazily: field labels are made once, read in every language."""
    info = LANG_INFO.get(code)
    return gettext_lazy(info["name"]) if info else language_name(code)


def translations_of(name: str, field: models.Field) -> dict[str, models.Field]:
    """One optional field per content language for the text field ``name``, to add to the model's class body:
    ``locals().update(translations_of("title", title))``. Each is a copy of the original, never required."""
    _name, _path, args, kwargs = field.deconstruct()
    for constraint in ("unique", "db_index", "help_text", "verbose_name", "null"):
        kwargs.pop(constraint, None)
    return {
        f"{name}_{language}": field.__class__(
            *args,
            **kwargs
            | {"blank": True, "verbose_name": format_lazy("{} ({})", field.verbose_name, _language_label(language))},
        )
        for language in content_languages()
    }


def fingerprint(text: str) -> str:
    """What a translation remembers of its original: enough to know that it changed."""
    return hashlib.sha256(text.encode()).hexdigest()[:16]


class TranslatedContent(models.Model):
    """A record whose texts (``TRANSLATED_FIELDS``) have an original language and translations that know it."""

    TRANSLATED_FIELDS: tuple[str, ...] = ()

    source_language = models.CharField(
        _("written in"),
        max_length=10,
        choices=settings.CONTENT_LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("The language the original text is in; the others are its translations."),
    )
    # {field: {language: {"from": fingerprint of the original it was made from, "text": that original}}}
    translated_from = models.JSONField(_("translated from"), default=dict, blank=True, editable=False)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.note_translation_sources()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "translated_from" not in self.get_deferred_fields():
            kwargs["update_fields"] = {*update_fields, "translated_from"}
        super().save(*args, **kwargs)
        self._loaded_texts = {name: self.__dict__.get(name) for name in self.texts_and_translations()}

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        instance._loaded_texts = {name: instance.__dict__.get(name) for name in cls.texts_and_translations()}
        return instance

    @classmethod
    def texts_and_translations(cls) -> list[str]:
        return text_versions(*cls.TRANSLATED_FIELDS)

    def note_translation_sources(self) -> None:
        """A translation written or changed now was made from the current original; an untouched one keeps what
        it was made from (for one stored before translations remembered it: the original as it was loaded), so a
        changed original leaves it out of date."""
        deferred = self.get_deferred_fields()
        if "translated_from" in deferred:
            return
        loaded = getattr(self, "_loaded_texts", {})
        sources = {field: dict(by_language) for field, by_language in (self.translated_from or {}).items()}
        for field in self.TRANSLATED_FIELDS:
            if field in deferred:
                continue
            original = getattr(self, field) or ""
            by_language = sources.setdefault(field, {})
            for language in content_languages():
                name = f"{field}_{language}"
                if name in deferred:
                    continue
                text = getattr(self, name) or ""
                # A new record's translation is new, unless it was copied with what it was made from.
                changed = language not in by_language if self._state.adding else loaded.get(name) != text
                if not text or language == self.source_language:
                    by_language.pop(language, None)
                elif changed:
                    by_language[language] = {"from": fingerprint(original), "text": original}
                elif language not in by_language:
                    made_from = loaded.get(field) if loaded.get(field) is not None else original
                    by_language[language] = {"from": fingerprint(made_from), "text": made_from}
            if not by_language:
                sources.pop(field)
        self.translated_from = sources

    def translation_state(self, field: str, language: str) -> str:
        if language == self.source_language:
            return ORIGINAL
        if not getattr(self, f"{field}_{language}", ""):
            return MISSING
        made_from = (self.translated_from or {}).get(field, {}).get(language)
        if made_from and made_from["from"] != fingerprint(getattr(self, field, "") or ""):
            return OUTDATED
        return CURRENT

    def original_when_translated(self, field: str, language: str) -> str:
        made_from = (self.translated_from or {}).get(field, {}).get(language)
        return made_from["text"] if made_from else ""

    def translations_to_update(self) -> list[tuple[str, str, str]]:
        """(field, language, state) of every translation missing or out of date, for texts that are not empty."""
        return [
            (field, language, state)
            for field in self.TRANSLATED_FIELDS
            if getattr(self, field, "")
            for language in content_languages()
            if (state := self.translation_state(field, language)) in (MISSING, OUTDATED)
        ]


@dataclass(frozen=True)
class Reading:
    """What a reader gets of one text: the text, the language it is in, and the note when that is not theirs."""

    text: str
    language: str
    note: str


def reading(obj, field: str) -> Reading:
    """The text ``localized`` gives, with its language and the reader's note, deciding which to show once."""
    shown = shown_language(obj, field)
    return Reading(_text_in(obj, field, shown), shown, _reading_note(obj, field, shown))


def shown_language(obj, field: str) -> str:
    """The language ``localized(obj, field)`` shows: the reader's when a current translation exists, else the
    original's."""
    language = content_language()
    source = getattr(obj, "source_language", settings.LANGUAGE_CODE)
    if language == source:
        return source
    state = obj.translation_state(field, language) if hasattr(obj, "translation_state") else None
    if state == CURRENT or (state is None and getattr(obj, f"{field}_{language}", "")):
        return language
    return source


def _reading_note(obj, field: str, shown: str) -> str:
    """What a reader is told when a text is not shown in their language: written in another language, with its
    translation missing or being updated. Empty when the text is shown in the reader's language."""
    language = content_language()
    if shown == language or not getattr(obj, field, "") or not hasattr(obj, "translation_state"):
        return ""
    values = {"original": interface_language_name(shown), "reader": interface_language_name(language)}
    if obj.translation_state(field, language) == OUTDATED:
        return _("Written in %(original)s; the %(reader)s translation is being updated.") % values
    return _("Written in %(original)s; not yet translated into %(reader)s.") % values


def translated_from_note(obj, field: str, shown: str) -> str:
    """Where a translation is shown and the original cannot be opened (print, mail): the original's language."""
    source = getattr(obj, "source_language", shown)
    if shown == source or not getattr(obj, field, ""):
        return ""
    return _("Translation; written in %(language)s.") % {"language": interface_language_name(source)}


def plain_text_with_note(obj, field: str) -> str:
    """A text for plain-text mail and calendar files: ``localized``, followed by its note as a bracketed line when
    it is not shown in the reader's language."""
    shown = reading(obj, field)
    return f"{shown.text}\n[{shown.note}]" if shown.note else shown.text


def interface_language_name(code: str) -> str:
    """A language's name in the reader's language ("английский" for "en" on a Russian page), where Django knows it."""
    name = str(_language_label(code))
    return name if content_language() == "en" else name.lower()  # English alone capitalises them mid-sentence


def localized(obj, field: str) -> str:
    """``obj.<field>`` in the active language when a current translation exists, else the original.

    A model may offer a translation of its own for a text the portal wrote itself (the standing "Review of
    follow-up actions" item): ``obj.default_translation(field)``, used when no translation is stored.
    """
    return _text_in(obj, field, shown_language(obj, field))


def _text_in(obj, field: str, language: str) -> str:
    if language != getattr(obj, "source_language", settings.LANGUAGE_CODE):
        return getattr(obj, f"{field}_{language}")
    default_translation = getattr(obj, "default_translation", None)
    if default_translation is not None:
        return default_translation(field) or getattr(obj, field)
    return getattr(obj, field)


def translated_languages() -> tuple[str, ...]:
    """The languages forms offer translations in: every content language but the portal's default."""
    return tuple(language for language in content_languages() if language != settings.LANGUAGE_CODE)


def translation_fields(*fields: str) -> list[str]:
    """The optional per-language fields of ``fields``, for forms and the admin: title_ru, title_uz, ..."""
    return [f"{field}_{language}" for field in fields for language in translated_languages()]


def written_in_fields(*fields: str) -> list[str]:
    """What a form that writes ``fields`` offers besides them: the language they are written in
    (``source_language``) and their translation into every content language: a text written in Russian has its
    English as a translation (``title_en``). The one in the original's own language stays empty
    (``WrittenInLanguageForm``)."""
    return ["source_language", *(f"{field}_{language}" for field in fields for language in content_languages())]


def text_versions(*fields: str, prefix: str = "") -> list[str]:
    """``fields`` and their translations in every content language: a word searched in any of them."""
    return [
        f"{prefix}{name}" for field in fields for name in (field, *(f"{field}_{lang}" for lang in content_languages()))
    ]


def with_translations(*fields: str, prefix: str = "") -> list[str]:
    """``fields``, their translations and what says which to show, for ``only()``: a label shown in any language
    loads them all."""
    return [*text_versions(*fields, prefix=prefix), f"{prefix}source_language", f"{prefix}translated_from"]


def translations_copied(source, *fields: str) -> dict:
    """What a copy of ``source`` (an agenda item carried to the next meeting) takes of its texts' languages: the
    translations of ``fields``, the original's language, and what each translation was made from."""
    made_from = source.translated_from or {}
    return {
        **{
            f"{field}_{language}": getattr(source, f"{field}_{language}")
            for field in fields
            for language in content_languages()
        },
        "source_language": source.source_language,
        "translated_from": {field: made_from[field] for field in fields if field in made_from},
    }


def versions_of(field: str, write) -> dict[str, str]:
    """A text the portal writes itself (a new meeting's title) in the other languages, as ``{"title_ru": ...}``.

    ``write()`` is called with each language active, so its gettext strings come out in that language.
    """
    versions = {}
    for language in translated_languages():
        with translation.override(language):
            versions[f"{field}_{language}"] = str(write())
    return versions


def visitor_chose_language(request) -> bool:
    """Whether this browser carries a language its visitor picked (the switcher's cookie)."""
    chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
    return bool(chosen) and translation.check_for_language(chosen)


def open_in_recipients_language(request, language: str) -> None:
    """A page reached from a link in an e-mail opens in the language the e-mail was written in (its recipient's,
    ``Contact.preferred_language``) rather than the browser's Accept-Language, unless the visitor picked another."""
    if visitor_chose_language(request) or not translation.check_for_language(language):
        return
    translation.activate(language)
    request.LANGUAGE_CODE = language
