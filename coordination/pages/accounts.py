"""Login, password change and password reset, all behind the one login throttle (django-axes, coordination.lockout).

- A successful login marks the browser as a known device for that account (coordination.lockout.remember_device).
- Each password reset request counts as an attempt for the client's address and for the e-mail address asked
  about, so a script cannot send a victim dozens of reset mails, nor flood them from one address.
- Each wrong old password on the change form counts as a failed login for that account.
"""

from axes.handlers.proxy import AxesProxyHandler
from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.signals import user_login_failed

from coordination.lockout import lockout_response, remember_device


def _throttled(request, credentials) -> bool:
    return not AxesProxyHandler.is_allowed(request, credentials)


def _count_attempt(sender, request, credentials) -> None:
    user_login_failed.send(sender=sender, credentials=credentials, request=request)


class LoginView(auth_views.LoginView):
    def form_valid(self, form):
        response = super().form_valid(form)
        remember_device(self.request, response, form.get_user().get_username())
        return response


class PasswordResetView(auth_views.PasswordResetView):
    def form_valid(self, form):
        credentials = {settings.AXES_USERNAME_FORM_FIELD: "password-reset:" + form.cleaned_data["email"].lower()}
        if _throttled(self.request, credentials):
            return lockout_response(self.request, credentials=credentials)
        _count_attempt(type(self), self.request, credentials)
        if getattr(self.request, "axes_locked_out", False):  # this request reached the limit: no mail either
            return lockout_response(self.request, credentials=credentials)
        return super().form_valid(form)


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
