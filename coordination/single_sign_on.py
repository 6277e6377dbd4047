"""Signing in with the organisation's accounts: OpenID Connect through django-allauth.

- An admin configures each identity provider as a Social application (provider "OpenID Connect") with its client
  id and secret and, in its settings, the issuer (`server_url`) and the e-mail `domains` it signs in.
- The login page asks for the work e-mail address; its domain chooses the provider (`provider_for_email`).
- The provider's answer is accepted only with a verified e-mail address (`email_verified` true) in one of that
  provider's domains, and only for an account the secretariat made: the first sign-in links to the account (or
  takes up the open invitation) with that address (stakeholders.accounts.account_for_verified_email). Nothing is
  ever created otherwise; every refusal is a page that says why.
"""

from urllib.parse import urlsplit

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core.exceptions import ImmediateHttpResponse
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from allauth.socialaccount.models import SocialApp
from allauth.socialaccount.providers.base.constants import AuthError
from allauth.socialaccount.providers.oauth2.client import OAuth2Error
from django.shortcuts import render
from django.utils.translation import gettext as _
from requests import RequestException

from common.auth_backends import BACKEND
from stakeholders.accounts import NoAccountForEmail, account_for_verified_email

PROVIDER = "openid_connect"


def email_domain(email: str) -> str:
    return email.rpartition("@")[2].strip().lower()


def domains_of(app: SocialApp) -> set[str]:
    domains = (app.settings or {}).get("domains") or []
    if isinstance(domains, str):
        domains = domains.split(",")
    return {str(domain).strip().lower().lstrip("@") for domain in domains if str(domain).strip()}


def provider_for_email(email: str) -> SocialApp | None:
    """The identity provider whose configured domains include the address's domain."""
    domain = email_domain(email)
    if not domain:
        return None
    for app in SocialApp.objects.filter(provider=PROVIDER).order_by("pk"):
        if domain in domains_of(app):
            return app
    return None


def allow_form_to_reach_providers(response):
    """The page's Content-Security-Policy lets its sign-in form be redirected to the identity providers.

    Browsers apply form-action to a form's redirects as well: the e-mail form posts to the portal, which redirects to
    the provider's authorization page, found at the issuer's address (Entra ID, Google and Keycloak alike).
    """
    origins = set()
    for app in SocialApp.objects.filter(provider=PROVIDER):
        address = urlsplit(str((app.settings or {}).get("server_url", "")))
        if address.scheme in ("http", "https") and address.netloc:
            origins.add(f"{address.scheme}://{address.netloc}")
    if origins:
        response._csp_update = {"form-action": sorted(origins)}
    return response


def refusal(request, title: str, message: str, status: int):
    """The page that says why the organisation's sign-in did not sign the person in."""
    context = {"title": title, "message": message}
    return render(request, "registration/single_sign_on_refused.html", context, status=status)


def provider_unavailable(request):
    return refusal(
        request,
        _("Your organisation's sign-in is not available"),
        _(
            "The portal could not reach your organisation's sign-in service. Please try again in a few minutes, "
            "or sign in with your username and password if you have one."
        ),
        status=503,
    )


def _verified_email(sociallogin) -> tuple[str, bool]:
    """The e-mail address and whether the provider verified it: from the ID token, or the userinfo answer when
    the ID token carries no address (both come straight from the provider)."""
    extra = sociallogin.account.extra_data or {}
    for claims in (extra.get("id_token") or {}, extra.get("userinfo") or {}):
        if claims.get("email"):
            return str(claims["email"]), claims.get("email_verified") is True
    return "", False


class PortalSocialAccountAdapter(DefaultSocialAccountAdapter):
    def is_open_for_signup(self, request, sociallogin) -> bool:
        return False

    def pre_social_login(self, request, sociallogin) -> None:
        email, verified = _verified_email(sociallogin)
        if not email or not verified:
            raise ImmediateHttpResponse(
                refusal(
                    request,
                    _("Your e-mail address is not verified"),
                    _(
                        "Your organisation's sign-in worked, but it did not confirm that %(email)s is verified, so "
                        "the portal cannot tell whose account this is. Ask your organisation's IT team to verify "
                        "the address, or sign in with your username and password."
                    )
                    % {"email": email or _("your e-mail address")},
                    status=403,
                )
            )
        app = sociallogin.provider.app
        if email_domain(email) not in domains_of(app):
            raise ImmediateHttpResponse(
                refusal(
                    request,
                    _("This sign-in cannot be used for this address"),
                    _("%(provider)s does not sign in addresses like %(email)s. Ask the secretariat.")
                    % {"provider": app.name, "email": email},
                    status=403,
                )
            )
        if sociallogin.is_existing:
            if not sociallogin.user.is_active:
                raise ImmediateHttpResponse(self._no_account(request, email, "deactivated"))
            return
        try:
            user = account_for_verified_email(email)
        except NoAccountForEmail as refused:
            raise ImmediateHttpResponse(self._no_account(request, email, refused.reason)) from refused
        sociallogin.connect(request, user)

    def _no_account(self, request, email: str, reason: str):
        messages = {
            "none": _(
                "Your organisation's sign-in worked, but no portal account uses %(email)s. Ask the secretariat "
                "for an invitation."
            ),
            "several": _(
                "Your organisation's sign-in worked, but more than one portal account uses %(email)s. Ask the "
                "secretariat to correct this."
            ),
            "deactivated": _(
                "Your organisation's sign-in worked, but the portal account of %(email)s is deactivated. Ask the "
                "secretariat."
            ),
        }
        return refusal(request, _("No portal account for this address"), messages[reason] % {"email": email}, 403)

    def on_authentication_error(self, request, provider, error=None, exception=None, extra_context=None):
        if isinstance(exception, RequestException | OAuth2Error):
            raise ImmediateHttpResponse(provider_unavailable(request))
        if error == AuthError.CANCELLED:
            message = _("You cancelled the sign-in at your organisation. You can try again, or use your password.")
        else:
            message = _("The sign-in with your organisation did not complete. Please start again from the login page.")
        raise ImmediateHttpResponse(refusal(request, _("Sign-in did not complete"), message, status=400))


class PortalAccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request) -> bool:
        return False

    def login(self, request, user) -> None:
        user.backend = BACKEND  # the backend that reads the user on later requests
        super().login(request, user)

    def add_message(self, *args, **kwargs) -> None:
        """allauth's "signed in as" messages: the portal shows none after a login."""
