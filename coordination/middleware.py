"""Response headers that Django's SecurityMiddleware does not set."""

from django.conf import settings


class SecurityHeadersMiddleware:
    """Adds Permissions-Policy (and a Cross-Origin-Resource-Policy) to every response.

    Content-Security-Policy comes from django-csp, X-Frame-Options from XFrameOptionsMiddleware, and
    X-Content-Type-Options, Referrer-Policy and Cross-Origin-Opener-Policy from SecurityMiddleware.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        response.headers.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        return response
