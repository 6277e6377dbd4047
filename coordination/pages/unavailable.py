"""The answer while the database cannot be reached: 503 with Retry-After (load balancers read the status), and for
people a short page in their language that says the portal is briefly unavailable.

Django turns an exception raised in a view or in any middleware into the response of ``handler500``
(coordination/urls.py), so that one place sees them all: the session and authentication middleware read the
database before any view runs. With DEBUG on, Django shows its technical page instead.
"""

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.views.defaults import server_error

# A connection refused, dropped or timed out (OperationalError), or one already closed (InterfaceError).
DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 30


def unavailable_headers(response: HttpResponse) -> HttpResponse:
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    patch_cache_control(response, private=True, no_store=True)
    return response


def database_unavailable_page(request: HttpRequest) -> HttpResponse:
    """The 503 page, in the language of the cookie or Accept-Language (neither needs the database)."""
    language = translation.get_language_from_request(request)
    with translation.override(language):
        # No request in the context: no context processor reads the session or the user.
        page = render_to_string("503.html")
    response = HttpResponse(page, status=503)
    response["Content-Language"] = language
    return unavailable_headers(response)


def server_error_or_unavailable(request: HttpRequest) -> HttpResponse:
    """handler500: 503 when the uncaught exception says the database is unreachable, else Django's 500 page."""
    if isinstance(sys.exc_info()[1], DATABASE_UNAVAILABLE):
        return database_unavailable_page(request)
    return server_error(request)
