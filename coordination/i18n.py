"""The user's language remembered across visits (the content helpers are in common.i18n)."""

from django.conf import settings
from django.utils import translation


def profile_language(user) -> str | None:
    """The language stored in the user's contact record, or None for users without one."""
    from stakeholders.models import Contact

    return Contact.objects.of_user(user).values_list("preferred_language", flat=True).first()


def remember_language(user, language: str) -> None:
    """Store the user's choice in their contact record (users without one keep it in the cookie only)."""
    from stakeholders.models import Contact

    Contact.objects.of_user(user).exclude(preferred_language=language).update(preferred_language=language)


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
