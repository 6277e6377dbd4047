import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from common.access import DRAFT_MINUTES_PERMISSION, SECRETARIAT_PERMISSION, VIEW_PERMISSION
from common.auth_backends import PortalModelBackend

pytestmark = pytest.mark.django_db


def test_the_user_and_every_permission_are_read_in_one_query(participant, django_assert_num_queries):
    with django_assert_num_queries(1):
        user = PortalModelBackend().get_user(participant.pk)
        assert user.has_perm(VIEW_PERMISSION)
        assert not user.has_perm(SECRETARIAT_PERMISSION)
        permissions = user.get_all_permissions()
    assert permissions == participant.get_all_permissions()


def test_permissions_given_directly_and_through_several_groups_count_once(participant):
    extra = Permission.objects.get(codename="view_draft_minutes")
    participant.user_permissions.add(extra)
    second = Group.objects.create(name="Also reads drafts")
    second.permissions.add(extra)
    participant.groups.add(second)
    user = PortalModelBackend().get_user(participant.pk)
    assert user.has_perm(DRAFT_MINUTES_PERMISSION)
    assert user.get_user_permissions() == {DRAFT_MINUTES_PERMISSION}
    assert DRAFT_MINUTES_PERMISSION in user.get_group_permissions()


def test_an_inactive_or_missing_user_is_nobody(participant):
    participant.is_active = False
    participant.save()
    assert PortalModelBackend().get_user(participant.pk) is None
    assert PortalModelBackend().get_user(10**9) is None


def test_a_superuser_keeps_every_permission(admin_user):
    user = PortalModelBackend().get_user(admin_user.pk)
    assert user.has_perm(SECRETARIAT_PERMISSION) and user.has_perm("auth.delete_user")


def test_a_page_reads_the_session_and_the_user_before_its_own_queries(client, participant):
    """The role check and the menu ask several permissions: session, then the user with their permissions."""
    client.force_login(participant)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("password_change_done")).status_code == 200
    statements = [query["sql"] for query in queries.captured_queries if "SAVEPOINT" not in query["sql"]]
    assert len(statements) == 2, statements


def test_a_user_id_that_is_not_a_number_is_nobody():
    """The query is compiled once with a placeholder id; whatever a session holds is checked before it is bound."""
    assert PortalModelBackend().get_user("not-a-number") is None
