from django.utils.translation import gettext_lazy as _
from rest_framework import permissions

from common import access


class MayReadPortal(permissions.BasePermission):
    """The pages' rule: reading needs a role that reads the portal (common.access.may_read). The endpoints only
    read (a write answers 405), and tokens have the read scope only.

    An endpoint that says ``public_read = True`` also answers anonymous reads (no token, no session): its rows then
    come from the same ``visible_to`` rules as the public pages (public series only). A signed-in account without a
    role is still refused: it is told to ask for access rather than shown the public view."""

    message = _("Your account has no role in the portal yet: ask the secretariat for access.")

    def has_permission(self, request, view):
        if access.may_read(request.user):
            return True
        anonymous_read = not request.user.is_authenticated and request.method in permissions.SAFE_METHODS
        return anonymous_read and getattr(view, "public_read", False)
