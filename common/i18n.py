"""Content in several languages.

Meeting content stays in the language it was written in; titles and summaries may carry optional Russian and
Uzbek versions in fields named ``<field>_ru`` and ``<field>_uz``, shown when the page is in that language.
"""

from django.conf import settings
from django.utils.translation import get_language

TRANSLATED_LANGUAGES = ("ru", "uz")


def localized(obj, field: str) -> str:
    """``obj.<field>`` in the active language when a non-empty version exists, else the original."""
    language = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    if language in TRANSLATED_LANGUAGES:
        translated = getattr(obj, f"{field}_{language}", "")
        if translated:
            return translated
    return getattr(obj, field)


def translation_fields(*fields: str) -> list[str]:
    """The optional per-language fields of ``fields``, for forms and the admin: title_ru, title_uz, ..."""
    return [f"{field}_{language}" for field in fields for language in TRANSLATED_LANGUAGES]
