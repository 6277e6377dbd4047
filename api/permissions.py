from django.utils.translation import gettext_lazy as _
from rest_framework import permissions

from common import access


class MayReadPortal(permissions.BasePermission):
    """The pages' rule: reading needs a role that reads the portal (common.access.may_read). The endpoints only
    read (a write answers 405), and tokens have the read scope only."""

    message = _("Your account has no role in the portal yet: ask the secretariat for access.")

    def has_permission(self, request, view):
        return access.may_read(request.user)
