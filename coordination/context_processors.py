from django.utils.functional import SimpleLazyObject

from common.access import is_secretariat, may_read
from common.roles import PortalRole, role_of


def roles(request):
    """Lets templates show navigation according to the user's role, and name the role in the user menu.

    Each value is worked out when a template first asks for it (an htmx fragment or a plain-text answer asks for
    none), once per request."""
    user = getattr(request, "user", None)
    role = SimpleLazyObject(lambda: role_of(user) if user is not None else PortalRole.NONE)
    return {
        "is_secretariat": SimpleLazyObject(lambda: is_secretariat(user)),
        "may_read": SimpleLazyObject(lambda: may_read(user)),
        "portal_role": role,
        "portal_role_label": SimpleLazyObject(lambda: role.label),
    }
