"""Content in several languages.

Meeting content stays in the language it was written in; titles and summaries may carry optional Russian and
Uzbek versions in fields named ``<field>_ru`` and ``<field>_uz``, shown when the page is in that language.
"""

from django.conf import settings
from django.utils import translation
from django.utils.translation import get_language

TRANSLATED_LANGUAGES = ("ru", "uz")


def content_language() -> str:
    """The active language without its region ("ru" for "ru-RU"): the language content is shown in."""
    return (get_language() or settings.LANGUAGE_CODE).split("-")[0]


def localized(obj, field: str) -> str:
    """``obj.<field>`` in the active language when a non-empty version exists, else the original.

    A model may offer a translation of its own for a text the portal wrote itself (the standing "Review of
    follow-up actions" item): ``obj.default_translation(field)``, used when no version is stored.
    """
    language = content_language()
    if language in TRANSLATED_LANGUAGES:
        translated = getattr(obj, f"{field}_{language}", "")
        if translated:
            return translated
    default_translation = getattr(obj, "default_translation", None)
    if default_translation is not None:
        return default_translation(field) or getattr(obj, field)
    return getattr(obj, field)


def translation_fields(*fields: str) -> list[str]:
    """The optional per-language fields of ``fields``, for forms and the admin: title_ru, title_uz, ..."""
    return [f"{field}_{language}" for field in fields for language in TRANSLATED_LANGUAGES]


def with_translations(*fields: str, prefix: str = "") -> list[str]:
    """``fields`` and their per-language versions, for ``only()``: a label shown in any language loads them all."""
    return [f"{prefix}{name}" for field in fields for name in (field, *translation_fields(field))]


def versions_of(field: str, write) -> dict[str, str]:
    """A text the portal writes itself (a new meeting's title) in the other languages, as ``{"title_ru": ...}``.

    ``write()`` is called with each language active, so its gettext strings come out in that language.
    """
    versions = {}
    for language in TRANSLATED_LANGUAGES:
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
