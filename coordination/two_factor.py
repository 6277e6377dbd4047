"""Two factors for the secretariat and admins: TOTP (an authenticator app) with recovery codes (django-otp).

- Who: secretariat members, staff and superusers (`uses_second_factor`); required of them when
  MFA_REQUIRED_FOR_STAFF is on (`SecondFactorRequiredMiddleware`), whether they signed in with a password or their
  organisation's sign-in.
- A wrong or reused code counts as a failed login for the account in the login throttle (coordination.lockout):
  after AXES_FAILURE_LIMIT of them the account is locked like after wrong passwords.
- A lost phone: a recovery code (each works once), then a new enrolment; or an admin resets the account's second
  factor in the admin (recorded in the admin's history and the account's history).
"""

import base64

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.contrib.auth.signals import user_login_failed
from django.db import transaction
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django_otp import devices_for_user
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from common.access import is_secretariat
from coordination.lockout import clear_failures
from stakeholders.models import AccountEvent, AccountEventKind, Contact

APP_DEVICE_NAME = "Authenticator app"
RECOVERY_DEVICE_NAME = "Recovery codes"


def uses_second_factor(user) -> bool:
    """The accounts that publish and administer: secretariat members, staff and superusers."""
    return bool(
        user.is_authenticated and user.is_active and (user.is_superuser or user.is_staff or is_secretariat(user))
    )


def second_factor_required(user) -> bool:
    return settings.MFA_REQUIRED_FOR_STAFF and uses_second_factor(user)


def has_second_factor(user) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


# Enrolment.


def pending_app_device(user) -> TOTPDevice:
    """The authenticator app being set up (unconfirmed until its first code); the same one until then."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False, name=APP_DEVICE_NAME).order_by("pk").first()
    return device or TOTPDevice.objects.create(user=user, name=APP_DEVICE_NAME, confirmed=False)


def qr_code_data_uri(device: TOTPDevice) -> str:
    """The device's otpauth:// address as an SVG QR code, drawn here (no outside service sees the secret)."""
    image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    return "data:image/svg+xml;base64," + base64.b64encode(image.to_string()).decode()


def secret_for_typing(device: TOTPDevice) -> str:
    """The key in base32, in groups of four, for apps that cannot scan."""
    secret = base64.b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(secret[index : index + 4] for index in range(0, len(secret), 4))


@transaction.atomic
def confirm_app_device(request, device: TOTPDevice, code: str) -> list[str] | None:
    """The first code from the app confirms it: it replaces the account's earlier app and recovery codes, the
    session counts as verified, and the new recovery codes are returned (shown once). None for a wrong code."""
    if not _verify(request, device, code):
        return None
    user = device.user
    TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    codes = new_recovery_codes(user)
    otp_login(request, device)
    return codes


def new_recovery_codes(user) -> list[str]:
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=RECOVERY_DEVICE_NAME, confirmed=True)
    codes = [StaticToken.random_token() for _ in range(settings.MFA_RECOVERY_CODES)]
    StaticToken.objects.bulk_create([StaticToken(device=device, token=code) for code in codes])
    return codes


# Verification at sign-in.


def verify_second_factor(request, code: str) -> bool:
    """A code from the app, or a recovery code (used up). Marks the session verified; a wrong one is counted."""
    user = request.user
    for device in devices_for_user(user, confirmed=True):
        if _verify(request, device, code, counted=False):
            otp_login(request, device)
            clear_failures(user.get_username())
            return True
    count_failure(request, user)
    return False


def _verify(request, device, code: str, *, counted: bool = True) -> bool:
    code = "".join(str(code).split()).lower()
    verified = bool(code) and len(code) <= 32 and device.verify_token(code)
    if not verified and counted:
        count_failure(request, device.user)
    return verified


def count_failure(request, user) -> None:
    """A wrong code counts like a wrong password for this account (the login throttle, django-axes)."""
    user_login_failed.send(sender=__name__, credentials=throttle_credentials(user), request=request)


def throttle_credentials(user) -> dict:
    return {settings.AXES_USERNAME_FORM_FIELD: user.get_username()}


# An admin's reset (a lost phone and no recovery code left).


@transaction.atomic
def reset_second_factor(*, user, by) -> None:
    """Remove the account's app and recovery codes: it enrols again at its next sign-in. Recorded in the account's
    history when it belongs to a contact (the admin's action records it in the admin's history too)."""
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
    contact = Contact.objects.filter(user=user).first()
    if contact is not None:
        AccountEvent.objects.create(contact=contact, kind=AccountEventKind.SECOND_FACTOR_RESET, actor=by)


# Enforcement.

# What a signed-in account that still owes its second factor may reach.
ALLOWED_BEFORE_SECOND_FACTOR = {"two-factor-setup", "two-factor-verify", "logout", "set_language", "healthz", "favicon"}


class SecondFactorRequiredMiddleware:
    """After LoginRequiredMiddleware: a signed-in secretariat member or admin who has not passed the second factor
    in this session is sent to verification (or to enrolment, without an app yet), from every page including the
    Django admin, until they do or log out."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or user.is_verified() or not second_factor_required(user):
            return None
        match = request.resolver_match
        if match is not None and match.view_name in ALLOWED_BEFORE_SECOND_FACTOR:
            return None
        target = "two-factor-verify" if has_second_factor(user) else "two-factor-setup"
        return redirect(f"{reverse(target)}?{urlencode({'next': request.get_full_path()})}")
