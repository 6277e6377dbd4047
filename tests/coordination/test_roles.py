import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command

from common.roles import PARTICIPANT, SECRETARIAT


@pytest.mark.django_db(transaction=True)
def test_roles_keep_their_permissions_after_a_flush():
    """A flush (as after every live-server test) re-sends post_migrate; the groups must come back whole."""
    call_command("flush", interactive=False, verbosity=0)
    secretariat = Group.objects.get(name=SECRETARIAT)
    assert secretariat.permissions.filter(codename="change_meeting").exists()
    assert secretariat.permissions.filter(codename="change_activity").exists()
    assert Group.objects.get(name=PARTICIPANT).permissions.filter(codename="view_meeting").exists()
