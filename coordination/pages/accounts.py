"""Login, password change and password reset. Logins and password changes go through the login throttle
(django-axes, coordination.lockout); reset requests have their own throttle (coordination.models).

- A successful login marks the browser as a known device for that account (coordination.lockout.remember_device).
- Reset requests are limited per e-mail address and per client address, so a script cannot send a victim dozens of
  reset mails, nor flood them from one address; they never count towards a login lock (they need no password).
- Each wrong old password on the change form counts as a failed login for that account.
"""

from allauth.socialaccount.models import SocialApp
from axes.handlers.proxy import AxesProxyHandler
from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.signals import user_login_failed
from django.utils.translation import ngettext

from coordination.lockout import client_ip, lockout_response, remember_device
from coordination.models import admit_password_reset_request
from coordination.pages.single_sign_on import SingleSignOnForm
from coordination.single_sign_on import PROVIDER, allow_form_to_reach_providers


def _throttled(request, credentials) -> bool:
    return not AxesProxyHandler.is_allowed(request, credentials)


def _count_attempt(sender, request, credentials) -> None:
    user_login_failed.send(sender=sender, credentials=credentials, request=request)


class LoginView(auth_views.LoginView):
    def get_context_data(self, **kwargs):
        """The organisation's sign-in is offered once an admin has configured an identity provider."""
        context = super().get_context_data(**kwargs)
        if SocialApp.objects.filter(provider=PROVIDER).exists():
            context["sso_form"] = SingleSignOnForm()
        return context

    def render_to_response(self, context, **kwargs):
        response = super().render_to_response(context, **kwargs)
        return allow_form_to_reach_providers(response) if "sso_form" in context else response

    def form_valid(self, form):
        response = super().form_valid(form)
        remember_device(self.request, response, form.get_user().get_username())
        return response


class PasswordResetView(auth_views.PasswordResetView):
    def form_valid(self, form):
        if admit_password_reset_request(form.cleaned_data["email"], client_ip(self.request)):
            return super().form_valid(form)
        minutes = int(settings.PASSWORD_RESET_WINDOW.total_seconds() // 60)
        message = ngettext(
            "Too many password reset requests. Please try again in %(minutes)d minute.",
            "Too many password reset requests. Please try again in %(minutes)d minutes.",
            minutes,
        )
        form.add_error(None, message % {"minutes": minutes})
        return self.render_to_response(self.get_context_data(form=form), status=429)


class PasswordChangeView(auth_views.PasswordChangeView):
    def _credentials(self):
        return {settings.AXES_USERNAME_FORM_FIELD: self.request.user.get_username()}

    def post(self, request, *args, **kwargs):
        if _throttled(request, self._credentials()):
            return lockout_response(request, credentials=self._credentials())
        return super().post(request, *args, **kwargs)

    def form_invalid(self, form):
        if "old_password" in form.errors:
            _count_attempt(type(self), self.request, self._credentials())
        return super().form_invalid(form)
