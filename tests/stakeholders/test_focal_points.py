"""A focal point is a participant who also maintains their own organisation's contacts, and no one else's."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from common.roles import FOCAL_POINT, PortalRole, role_of
from stakeholders.models import Contact
from tests.stakeholders.factories import ContactFactory, OrganizationFactory, participant_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def focal_point(organization):
    user = participant_user(organization=organization, username="focal")
    user.groups.set([Group.objects.get(name=FOCAL_POINT)])
    return user


def _data(organization, **overrides):
    data = {"organization": organization.pk, "name": "Jasur Aliev", "email": "jasur@example.org", "is_active": "on"}
    data.update(overrides)
    return data


def test_a_focal_point_adds_and_edits_their_own_organisations_contacts(client, focal_point, organization):
    assert role_of(focal_point) == PortalRole.FOCAL_POINT
    client.force_login(focal_point)
    form = client.get(reverse("contact-create")).context["form"]
    assert list(form.fields["organization"].queryset) == [organization]
    assert "user" not in form.fields  # accounts are the secretariat's
    assert client.post(reverse("contact-create"), _data(organization)).status_code == 302
    contact = Contact.objects.get(name="Jasur Aliev")
    assert contact.organization == organization
    response = client.post(reverse("contact-update", args=[contact.pk]), _data(organization, position="Head"))
    assert response.status_code == 302
    contact.refresh_from_db()
    assert contact.position == "Head"
    assert "Add contact" in client.get(organization.get_absolute_url()).content.decode()


def test_a_focal_point_cannot_touch_another_organisations_contacts(client, focal_point, organization):
    elsewhere = OrganizationFactory()
    stranger = ContactFactory(organization=elsewhere, name="Stranger")
    client.force_login(focal_point)
    assert client.get(reverse("contact-update", args=[stranger.pk])).status_code == 403
    assert client.post(reverse("contact-update", args=[stranger.pk]), _data(elsewhere)).status_code == 403
    response = client.post(reverse("contact-create"), _data(elsewhere))
    assert response.status_code == 200 and response.context["form"].errors["organization"]
    assert not Contact.objects.filter(name="Jasur Aliev").exists()
    assert "Add contact" not in client.get(elsewhere.get_absolute_url()).content.decode()
    # Moving their own contact to another organisation is refused as well.
    own = ContactFactory(organization=organization)
    response = client.post(reverse("contact-update", args=[own.pk]), _data(elsewhere))
    assert response.status_code == 200
    own.refresh_from_db()
    assert own.organization == organization


def test_a_plain_participant_maintains_no_contacts(client, participant, organization):
    contact = ContactFactory(organization=organization)
    client.force_login(participant)
    assert client.get(reverse("contact-create")).status_code == 403
    assert client.get(reverse("contact-update", args=[contact.pk])).status_code == 403
    assert client.get(reverse("contact-detail", args=[contact.pk])).status_code == 403
