"""How the portal reads the logged-in user on each request."""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Permission
from django.contrib.postgres.expressions import ArraySubquery
from django.db.models import OuterRef, Value
from django.db.models.functions import Concat

BACKEND = "common.auth_backends.PortalModelBackend"


def _permission_names(**filters) -> ArraySubquery:
    """``app_label.codename`` of the permissions that match, as Django's permission checks name them."""
    names = Permission.objects.filter(**filters).annotate(
        qualified_name=Concat("content_type__app_label", Value("."), "codename")
    )
    return ArraySubquery(names.values("qualified_name"))


class PortalModelBackend(ModelBackend):
    """Django's ModelBackend, reading a user and their permissions in one query.

    Every request checks at least one permission (the role check of common.access), and ModelBackend read them
    with two more queries, its own and its groups'. The sets are filled where ModelBackend caches them, so its
    checks answer from memory; a role changed is read on the next request, as before.
    """

    def get_user(self, user_id):
        users = get_user_model()._default_manager.annotate(
            own_permission_names=_permission_names(user=OuterRef("pk")),
            group_permission_names=_permission_names(group__user=OuterRef("pk")),
        )
        user = users.filter(pk=user_id).first()
        if user is None or not self.user_can_authenticate(user):
            return None
        if not user.is_superuser:  # ModelBackend gives a superuser every permission there is
            user._user_perm_cache = set(user.own_permission_names)
            user._group_perm_cache = set(user.group_permission_names)
            user._perm_cache = user._user_perm_cache | user._group_perm_cache
        return user
