from common.access import is_secretariat, may_read
from common.roles import PortalRole, role_of


def roles(request):
    """Lets templates show navigation according to the user's role, and name the role in the user menu."""
    user = getattr(request, "user", None)
    role = role_of(user) if user is not None else PortalRole.NONE
    return {
        "is_secretariat": is_secretariat(user),
        "may_read": may_read(user),
        "portal_role": role,
        "portal_role_label": role.label,
    }
