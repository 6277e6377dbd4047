"""The login throttle (django-axes): the lockout page, the client's address behind proxies, and known devices."""

import ipaddress

from axes.attempts import get_cool_off_threshold
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username, get_cool_off, get_failure_limit
from axes.models import AccessAttempt
from django.conf import settings
from django.core import signing
from django.db.models import Sum
from django.shortcuts import render


def _recent_failures(request, **lookup) -> int:
    attempts = AccessAttempt.objects.filter(attempt_time__gte=get_cool_off_threshold(request), **lookup)
    return attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0


def address_is_locked(request) -> bool:
    """The client's address has had AXES_ADDRESS_FAILURE_LIMIT failed logins (for any usernames) in the cool-off."""
    return _recent_failures(request, ip_address=request.axes_ip_address) >= settings.AXES_ADDRESS_FAILURE_LIMIT


class LoginThrottle(AxesDatabaseHandler):
    """Axes' database handler with a limit per username and a separate, higher limit per client address.

    Axes compares one number, get_failures(), with AXES_FAILURE_LIMIT. Here that number is the username's failures
    from any address, or the whole limit once the client's address has reached AXES_ADDRESS_FAILURE_LIMIT: so five
    typos lock only the username typed, while someone cycling through usernames from one address is stopped too.
    """

    def get_failures(self, request, credentials=None) -> int:
        username = get_client_username(request, credentials)
        username_failures = _recent_failures(request, username=username) if username is not None else 0
        if address_is_locked(request):
            return max(username_failures, get_failure_limit(request, credentials))
        return username_failures

    def reset_user_attempts(self, request, credentials=None) -> int:
        """After a successful login: that username's failures only. Axes' own reset also clears the address's
        failures against every other username, so an account holder could alternate guesses at a victim's password
        with logins of their own and never be stopped."""
        username = get_client_username(request, credentials)
        if username is None:
            return 0
        count, _ = AccessAttempt.objects.filter(username=username).delete()
        return count


def clear_failures(username: str) -> None:
    """The username's failures, after it passed its second factor (as after a successful login)."""
    AccessAttempt.objects.filter(username=username).delete()


def lockout_response(request, original_response=None, credentials=None):
    cool_off = get_cool_off(request)
    if address_is_locked(request):  # the address's limit, whatever username was typed
        failure_limit, username = settings.AXES_ADDRESS_FAILURE_LIMIT, ""
    else:
        failure_limit, username = get_failure_limit(request, credentials), get_client_username(request, credentials)
    context = {
        "failure_limit": failure_limit,
        "username": username or "",
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


def client_ip(request) -> str:
    """The client's address for the login throttle, behind TRUSTED_PROXY_COUNT proxies.

    Each trusted proxy appends the address it received the request from to X-Forwarded-For, so the client is the
    TRUSTED_PROXY_COUNT-th entry from the end; anything before it was written by the client and is not believed.
    With no trusted proxy (the default) the header is ignored and the connection's address is used.
    """
    remote = request.META.get("REMOTE_ADDR", "")
    count = settings.TRUSTED_PROXY_COUNT
    if count <= 0:
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    if not forwarded:
        return remote
    candidate = forwarded[-count] if len(forwarded) >= count else forwarded[0]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote


_KNOWN_DEVICE_SALT = "coordination.lockout.known-device"
KNOWN_DEVICE_MAX_AGE = 60 * 60 * 24 * 180
KNOWN_DEVICE_USERNAMES = 5  # the last few accounts that logged in on this browser


def known_device_cookie_name() -> str:
    return "__Host-known_device" if settings.SECURE_COOKIES else "known_device"


def known_usernames(request) -> list[str]:
    value = request.COOKIES.get(known_device_cookie_name(), "")
    try:
        usernames = signing.loads(value, salt=_KNOWN_DEVICE_SALT, max_age=KNOWN_DEVICE_MAX_AGE)
    except signing.BadSignature:
        return []
    return [name for name in usernames if isinstance(name, str)] if isinstance(usernames, list) else []


def remember_device(request, response, username: str) -> None:
    """After a successful login: this browser is a known device for `username` (a signed, HttpOnly cookie)."""
    usernames = [username, *[name for name in known_usernames(request) if name != username]][:KNOWN_DEVICE_USERNAMES]
    response.set_cookie(
        known_device_cookie_name(),
        signing.dumps(usernames, salt=_KNOWN_DEVICE_SALT),
        max_age=KNOWN_DEVICE_MAX_AGE,
        path="/",
        secure=settings.SECURE_COOKIES,
        httponly=True,
        samesite="Lax",
    )


def right_password_from_known_device(request, credentials=None) -> bool:
    """AXES_WHITELIST_CALLABLE: the right password, typed on the login page of a browser where this account logged
    in before, passes even while the username or the address is locked out. So a script hammering `secretariat`
    cannot lock its owner out; wrong passwords from a known device still count."""
    if not credentials or getattr(request, "resolver_match", None) is None:
        return False
    if request.resolver_match.url_name != "login":
        return False
    username = client_username(request, credentials)
    if not username or username not in known_usernames(request):
        return False
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.filter(username=username, is_active=True).first()
    return user is not None and user.check_password(credentials.get("password") or "")
