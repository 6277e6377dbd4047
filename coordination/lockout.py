"""The page shown when django-axes has locked a username/IP pair out after repeated wrong passwords."""

from axes.helpers import get_client_username, get_cool_off, get_failure_limit
from django.conf import settings
from django.shortcuts import render


def lockout_response(request, original_response=None, credentials=None):
    cool_off = get_cool_off(request)
    context = {
        "failure_limit": get_failure_limit(request, credentials),
        "username": get_client_username(request, credentials) or "",
        "cooloff_minutes": int(cool_off.total_seconds() // 60) if cool_off else None,
    }
    return render(request, "registration/locked_out.html", context, status=settings.AXES_HTTP_RESPONSE_CODE)


def client_username(request, credentials=None):
    """The username axes records for a login attempt, made storable whatever was typed.

    Axes keeps it in a varchar(255) column: a NUL byte or a longer string would make the failed-login bookkeeping
    fail with a database error (a 500 on the login page). Usernames are at most 150 characters anyway.
    """
    if credentials:
        username = credentials.get(settings.AXES_USERNAME_FORM_FIELD)
    else:
        username = getattr(request, "POST", {}).get(settings.AXES_USERNAME_FORM_FIELD)
    if username is None:
        return None
    return str(username).replace("\x00", "\N{REPLACEMENT CHARACTER}")[:150]  # "part\\x00" must not lock out "part"
