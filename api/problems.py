"""Every refusal of the API as problem details (RFC 9457, ``application/problem+json``): type, title, status,
detail, and for invalid input the fields or parameters concerned."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _
from rest_framework import exceptions
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response

PROBLEM_CONTENT_TYPE = "application/problem+json"
PROBLEM_TYPE_BASE = "/api/v1/problems/"


class ProblemJSONRenderer(JSONRenderer):
    media_type = PROBLEM_CONTENT_TYPE


def _titles():
    return {
        400: _("Bad request"),
        401: _("Not authenticated"),
        403: _("Forbidden"),
        404: _("Not found"),
        405: _("Method not allowed"),
        406: _("Not acceptable"),
        415: _("Unsupported media type"),
        429: _("Too many requests"),
    }


def _slug(code) -> str:
    return str(code).replace("_", "-")


def problem_response(*, status_code: int, code: str, detail, extra: dict | None = None, headers=None) -> Response:
    body = {
        "type": PROBLEM_TYPE_BASE + _slug(code),
        "title": str(_titles().get(status_code, _("Error"))),
        "status": status_code,
        "detail": detail if isinstance(detail, str) else str(detail),
        **(extra or {}),
    }
    return Response(body, status=status_code, headers=headers, content_type=PROBLEM_CONTENT_TYPE)


def problem_details_handler(exc, context):
    """DRF's exception handler, answering in problem details. Anything not a known refusal stays a 500 (a bug)."""
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied()
    if not isinstance(exc, exceptions.APIException):
        return None
    headers = {}
    if getattr(exc, "auth_header", None):
        headers["WWW-Authenticate"] = exc.auth_header
    if getattr(exc, "wait", None):
        headers["Retry-After"] = str(int(exc.wait))
    extra = {}
    detail = exc.detail
    if isinstance(exc, exceptions.ValidationError) or isinstance(detail, dict | list):
        extra["errors"] = detail
        detail = _("The request has invalid parameters: see errors.")
    codes = exc.get_codes()
    code = codes if isinstance(codes, str) else exc.default_code
    return problem_response(status_code=exc.status_code, code=code, detail=detail, extra=extra, headers=headers)
