"""The start of a sign-in with the organisation's accounts: the e-mail address chooses the identity provider."""

from allauth.socialaccount.providers.base import AuthProcess
from allauth.socialaccount.providers.oauth2.client import OAuth2Error
from allauth.socialaccount.providers.openid_connect import views as openid_connect_views
from django import forms
from django.contrib.auth.decorators import login_not_required
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods
from requests import RequestException

from coordination.single_sign_on import (
    allow_form_to_reach_providers,
    email_domain,
    provider_for_email,
    provider_unavailable,
)


class SingleSignOnForm(forms.Form):
    email = forms.EmailField(
        label=gettext_lazy("Work e-mail address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )

    def clean_email(self):
        email = self.cleaned_data["email"]
        self.provider = provider_for_email(email)
        if self.provider is None:
            raise forms.ValidationError(
                _(
                    "No organisation's sign-in is set up for %(domain)s. Sign in with your username and password "
                    "instead, or ask the secretariat."
                )
                % {"domain": email_domain(email)}
            )
        return email


def _next_url(request) -> str | None:
    next_url = request.POST.get("next") or request.GET.get("next") or ""
    allowed = url_has_allowed_host_and_scheme(next_url, {request.get_host()}, require_https=request.is_secure())
    return next_url if next_url and allowed else None


@login_not_required
@require_http_methods(["GET", "POST"])
def single_sign_on(request):
    """GET: the e-mail form; POST: off to the provider of the address's domain (or the form with the reason)."""
    form = SingleSignOnForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        provider = form.provider.get_provider(request)
        try:
            response = provider.redirect(
                request,
                AuthProcess.LOGIN,
                next_url=_next_url(request),
                auth_params={"login_hint": form.cleaned_data["email"]},
            )
        except (RequestException, OAuth2Error, KeyError, ValueError):  # down, or not an OpenID provider
            return provider_unavailable(request)
        return response
    response = render(request, "registration/single_sign_on.html", {"form": form, "next": _next_url(request)})
    return allow_form_to_reach_providers(response)


@login_not_required
@require_http_methods(["GET"])
def callback(request, provider_id):
    """allauth's callback from the provider; it reads the provider's configuration before its own error handling,
    so a provider that went down between the start and the return would otherwise be a server error."""
    try:
        return openid_connect_views.callback(request, provider_id)
    except (RequestException, OAuth2Error, KeyError, ValueError):
        return provider_unavailable(request)
