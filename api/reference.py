"""The OpenAPI description and its reference page, served by the portal itself (no CDN: the CSP forbids one)."""

from django.shortcuts import render
from django.views.decorators.http import require_GET
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.views import SpectacularAPIView
from rest_framework.settings import api_settings

from api.permissions import MayReadPortal
from api.views import PortalAPIMixin

HTTP_METHODS = ("get", "post", "put", "patch", "delete")


class SchemaView(PortalAPIMixin, SpectacularAPIView):
    """OpenAPI 3 (YAML; ``?format=json`` for JSON), for readers of the portal."""

    authentication_classes = api_settings.DEFAULT_AUTHENTICATION_CLASSES
    permission_classes = [MayReadPortal]


@require_GET
def reference_page(request):
    """A page listing each endpoint with its parameters and its description, rendered from the schema."""
    schema = SchemaGenerator().get_schema(request=None, public=True)
    endpoints = [
        {
            "method": method.upper(),
            "path": path,
            "summary": operation.get("description", "").strip(),
            "parameters": [
                {"name": parameter["name"], "where": parameter["in"], "description": parameter.get("description", "")}
                for parameter in operation.get("parameters", [])
            ],
        }
        for path, operations in schema["paths"].items()
        for method, operation in operations.items()
        if method in HTTP_METHODS
    ]
    return render(request, "api/reference.html", {"endpoints": endpoints, "info": schema["info"]})
