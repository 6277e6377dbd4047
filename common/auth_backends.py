"""How the portal reads the logged-in user on each request."""

import functools

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Permission
from django.contrib.postgres.expressions import ArraySubquery
from django.core.exceptions import ValidationError
from django.db.models import OuterRef, Value
from django.db.models.functions import Concat

BACKEND = "common.auth_backends.PortalModelBackend"


def _permission_names(**filters) -> ArraySubquery:
    """``app_label.codename`` of the permissions that match, as Django's permission checks name them."""
    names = Permission.objects.filter(**filters).annotate(
        qualified_name=Concat("content_type__app_label", Value("."), "codename")
    )
    return ArraySubquery(names.values("qualified_name"))


# An id no user has, marking where the user's id goes in the query compiled once (_user_query).
_USER_ID_PLACEHOLDER = -1_739_120_411


@functools.cache
def _user_query() -> tuple[str, tuple, int]:
    """The SQL of the user with their permission names, compiled once per process, and the index of the user id
    among its parameters: compiling the two array subqueries cost more CPU on every request than the query."""
    users = get_user_model()._default_manager.annotate(
        own_permission_names=_permission_names(user=OuterRef("pk")),
        group_permission_names=_permission_names(group__user=OuterRef("pk")),
    )
    sql, params = users.filter(pk=_USER_ID_PLACEHOLDER).query.sql_with_params()
    (position,) = [index for index, param in enumerate(params) if param == _USER_ID_PLACEHOLDER]
    return sql, tuple(params), position


class PortalModelBackend(ModelBackend):
    """Django's ModelBackend, reading a user and their permissions in one query.

    Every request checks at least one permission (the role check of common.access), and ModelBackend read them
    with two more queries, its own and its groups'. The sets are filled where ModelBackend caches them, so its
    checks answer from memory; a role changed is read on the next request, as before.
    """

    def get_user(self, user_id):
        model = get_user_model()
        try:
            user_id = model._meta.pk.to_python(user_id)
        except ValidationError:
            return None
        sql, params, position = _user_query()
        params = (*params[:position], user_id, *params[position + 1 :])
        user = next(iter(model._default_manager.raw(sql, params)), None)
        if user is None or not self.user_can_authenticate(user):
            return None
        if not user.is_superuser:  # ModelBackend gives a superuser every permission there is
            user._user_perm_cache = set(user.own_permission_names)
            user._group_perm_cache = set(user.group_permission_names)
            user._perm_cache = user._user_perm_cache | user._group_perm_cache
        return user
