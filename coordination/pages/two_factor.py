"""The second factor's pages: enrolment (an authenticator app, then recovery codes) and verification at sign-in."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from coordination import two_factor
from coordination.lockout import lockout_response
from coordination.pages.accounts import _throttled


class CodeForm(forms.Form):
    code = forms.CharField(
        label=gettext_lazy("Code"),
        max_length=64,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "text", "autofocus": True}),
    )


def _next_url(request) -> str:
    next_url = request.POST.get("next") or request.GET.get("next") or ""
    allowed = url_has_allowed_host_and_scheme(next_url, {request.get_host()}, require_https=request.is_secure())
    return next_url if next_url and allowed else ""


def _require_user_of_second_factor(request):
    if not two_factor.uses_second_factor(request.user):
        raise PermissionDenied


def _locked(request):
    credentials = two_factor.throttle_credentials(request.user)
    return lockout_response(request, credentials=credentials) if _throttled(request, credentials) else None


@require_http_methods(["GET", "POST"])
def setup(request):
    """Scan the QR code, type the first code; the recovery codes are shown once. An account that already has an
    app must pass it first (so a password alone cannot replace it)."""
    _require_user_of_second_factor(request)
    if two_factor.has_second_factor(request.user) and not request.user.is_verified():
        return redirect(f"{reverse('two-factor-verify')}?{urlencode({'next': _next_url(request)})}")
    if (locked := _locked(request)) is not None:
        return locked
    device = two_factor.pending_app_device(request.user)
    form = CodeForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        codes = two_factor.confirm_app_device(request, device, form.cleaned_data["code"])
        if codes is not None:
            context = {"codes": codes, "next": _next_url(request) or "/"}
            return render(request, "registration/two_factor_recovery_codes.html", context)
        if (locked := _locked(request)) is not None:
            return locked
        form.add_error("code", _("This code is not right. Type the code your app shows now."))
    context = {
        "form": form,
        "qr_code": two_factor.qr_code_data_uri(device),
        "secret": two_factor.secret_for_typing(device),
        "next": _next_url(request),
        "replacing": two_factor.has_second_factor(request.user),
    }
    return render(request, "registration/two_factor_setup.html", context)


@require_http_methods(["GET", "POST"])
def verify(request):
    """The code from the app, or a recovery code; a wrong or reused one counts towards the login lock."""
    _require_user_of_second_factor(request)
    if not two_factor.has_second_factor(request.user):
        return redirect("two-factor-setup")
    if (locked := _locked(request)) is not None:
        return locked
    form = CodeForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        if two_factor.verify_second_factor(request, form.cleaned_data["code"]):
            return redirect(_next_url(request) or "dashboard")
        if (locked := _locked(request)) is not None:
            return locked
        form.add_error("code", _("This code is not right, or it was used already."))
    return render(request, "registration/two_factor_verify.html", {"form": form, "next": _next_url(request)})
