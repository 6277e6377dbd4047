from axes.backends import AxesStandaloneBackend


class AxesBackendAllowingTestClientLogin(AxesStandaloneBackend):
    """django-axes as in production, except for Django's test `Client.login`, which authenticates without a request.

    Every real login path (the login view, the admin login) passes the request, so lockouts are still tested.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)
