"""Content in several languages, and the user's language remembered across visits.

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


def profile_language(user) -> str | None:
    """The language stored in the user's contact record, or None for users without one."""
    from stakeholders.models import Contact

    return Contact.objects.filter(user=user).values_list("preferred_language", flat=True).first()


def remember_language(user, language: str) -> None:
    """Store the user's choice in their contact record (users without one keep it in the cookie only)."""
    from stakeholders.models import Contact

    Contact.objects.filter(user=user).exclude(preferred_language=language).update(preferred_language=language)


def language_on_login(sender, request, user, **kwargs):
    """On login, bring the language cookie and the profile in line (connected to ``user_logged_in``).

    A language picked on this browser (the cookie, e.g. chosen on the login page) is the latest choice and is
    saved in the profile. Without a cookie, a profile language other than the default is applied; the default
    (never chosen) leaves the browser's Accept-Language in charge.
    """
    if request is None or request.method != "POST":
        return  # only a login form; Client.force_login and the like change nothing
    chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
    if chosen and translation.check_for_language(chosen):
        remember_language(user, chosen)
        return
    stored = profile_language(user)
    if stored and stored != settings.LANGUAGE_CODE and translation.check_for_language(stored):
        translation.activate(stored)
        request.LANGUAGE_CODE = stored
        request.language_to_remember = stored


class ProfileLanguageMiddleware:
    """Sets the language cookie chosen at login (see ``language_on_login``) on the login's response."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        language = getattr(request, "language_to_remember", None)
        if language:
            set_language_cookie(response, language)
        return response


def set_language_cookie(response, language: str) -> None:
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )
