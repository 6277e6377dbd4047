"""Response headers that Django's SecurityMiddleware does not set, and a body limit for anonymous requests."""

from django.conf import settings
from django.http import HttpResponse
from django.utils.cache import patch_cache_control


class SecurityHeadersMiddleware:
    """Adds Permissions-Policy (and a Cross-Origin-Resource-Policy) to every response, and keeps pages out of caches.

    Content-Security-Policy comes from django-csp, X-Frame-Options from XFrameOptionsMiddleware, and
    X-Content-Type-Options, Referrer-Policy and Cross-Origin-Opener-Policy from SecurityMiddleware.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        response.headers.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        if response.get("Content-Type", "").startswith("text/html") and "Cache-Control" not in response:
            # Every page is for one person: a logged-in user's, or the one a signed link (RSVP, unsubscribe,
            # account invitation) was made for, shown to an anonymous visitor. No shared cache keeps it, and Back
            # after logging out does not show it again.
            patch_cache_control(response, private=True, no_store=True)
        return response


class AnonymousBodyLimitMiddleware:
    """Refuses (413) a request body larger than ANONYMOUS_MAX_BODY_BYTES from someone not logged in, before any
    of it is read. Logged-in users' limits are Django's (DATA_UPLOAD_MAX_MEMORY_SIZE) and DOCUMENT_MAX_BYTES."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > settings.ANONYMOUS_MAX_BODY_BYTES and not request.user.is_authenticated:
            return HttpResponse("Request body too large.", status=413, content_type="text/plain")
        return self.get_response(request)
