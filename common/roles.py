"""The portal's roles as Django groups, and who may do what.

The groups are created by a data migration (coordination/migrations) and kept in
step after every later migration, so that new models get their permissions.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

# The policy decides; is_secretariat is kept importable here.
from common.access import is_secretariat, may_read, permission

SECRETARIAT = "Secretariat"
PARTICIPANT = "Participant"
FOCAL_POINT = "Focal point"


class PortalRole(models.TextChoices):
    """What a person may do in the portal; each role but Admin (a superuser) is one Django group."""

    PARTICIPANT = "participant", _("Participant")
    FOCAL_POINT = "focal_point", _("Focal point")
    SECRETARIAT = "secretariat", _("Secretariat")
    ADMIN = "admin", pgettext_lazy("portal role", "Admin")
    NONE = "none", _("No role")


# The group that gives each role (Admin is the superuser flag, not a group).
ROLE_GROUPS = {
    PortalRole.PARTICIPANT: PARTICIPANT,
    PortalRole.FOCAL_POINT: FOCAL_POINT,
    PortalRole.SECRETARIAT: SECRETARIAT,
}

_EDITABLE_APPS = ("meetings", "activities")
_READABLE_APPS = ("meetings", "activities", "stakeholders")


def _codenames(permission_model, app_labels, actions):
    """The default model permissions (add/change/delete/view) of the given apps, history tables left out."""
    permissions = permission_model.objects.filter(content_type__app_label__in=app_labels).exclude(
        content_type__model__startswith="historical"
    )
    return [
        permission
        for permission in permissions.select_related("content_type")
        if permission.codename in {f"{action}_{permission.content_type.model}" for action in actions}
    ]


def sync_roles(apps=None):
    """Create or update the Secretariat and Participant groups with their permissions."""
    if apps is None:
        from django.apps import apps as global_apps

        apps = global_apps
    group_model = apps.get_model("auth", "Group")
    permission_model = apps.get_model("auth", "Permission")

    secretariat, _ = group_model.objects.get_or_create(name=SECRETARIAT)
    secretariat_permissions = _codenames(permission_model, _EDITABLE_APPS, ["add", "change", "delete", "view"])
    secretariat_permissions += _codenames(permission_model, ["stakeholders"], ["add", "change", "view"])
    secretariat_permissions += list(
        permission_model.objects.filter(
            content_type__app_label="meetings",
            codename__in=["publish_minutes", "view_draft_minutes", "update_own_action"],
        )
    )
    secretariat.permissions.set(secretariat_permissions)

    participant, _ = group_model.objects.get_or_create(name=PARTICIPANT)
    participant_permissions = _codenames(permission_model, _READABLE_APPS, ["view"])
    participant_permissions += list(
        permission_model.objects.filter(content_type__app_label="meetings", codename="update_own_action")
    )
    participant.permissions.set(participant_permissions)

    focal_point, _ = group_model.objects.get_or_create(name=FOCAL_POINT)
    focal_point_permissions = participant_permissions + list(
        permission_model.objects.filter(
            content_type__app_label="stakeholders", codename=permission("focal_point").split(".")[1]
        )
    )
    focal_point.permissions.set(focal_point_permissions)


def role_of(user) -> PortalRole:
    """The user's role, from the permissions Django caches on the user for the request (no extra query)."""
    if not user.is_authenticated or not user.is_active:
        return PortalRole.NONE
    if user.is_superuser:
        return PortalRole.ADMIN
    if is_secretariat(user):
        return PortalRole.SECRETARIAT
    if user.has_perm(permission("focal_point")):
        return PortalRole.FOCAL_POINT
    if may_read(user):
        return PortalRole.PARTICIPANT
    return PortalRole.NONE


def role_from_groups(*, group_names, is_superuser: bool) -> PortalRole:
    """The role of a user whose group names are already loaded (lists of many users, without a query each)."""
    if is_superuser:
        return PortalRole.ADMIN
    for role in (PortalRole.SECRETARIAT, PortalRole.FOCAL_POINT, PortalRole.PARTICIPANT):
        if ROLE_GROUPS[role] in group_names:
            return role
    return PortalRole.NONE
