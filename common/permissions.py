"""View mixins that enforce the portal's roles on the server (see common.roles)."""

from django.contrib.auth.mixins import UserPassesTestMixin

from common.roles import is_secretariat


class SecretariatRequiredMixin(UserPassesTestMixin):
    """Secretariat members and superusers only; anyone else logged in gets 403.

    Anonymous users never get here: LoginRequiredMiddleware sends them to the login page.
    """

    raise_exception = True

    def test_func(self):
        return is_secretariat(self.request.user)
