"""The portal's roles as Django groups, and who may do what.

The groups are created by a data migration (coordination/migrations) and kept in
step after every later migration, so that new models get their permissions.
"""

from coordination.access import is_secretariat  # noqa: F401  (the policy decides; kept importable here)

SECRETARIAT = "Secretariat"
PARTICIPANT = "Participant"

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
