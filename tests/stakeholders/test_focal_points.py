"""A focal point is a participant who also maintains their own organisation's contacts, and no one else's."""

from html.parser import HTMLParser

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from common.roles import FOCAL_POINT, PortalRole, role_of
from stakeholders.models import Contact, organization_of
from tests.stakeholders.factories import ContactFactory, OrganizationFactory, UserFactory, participant_user

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
    form = client.get(reverse("stakeholders:contact-create")).context["form"]
    assert list(form.fields["organization"].queryset) == [organization]
    assert "user" not in form.fields  # accounts are the secretariat's
    assert client.post(reverse("stakeholders:contact-create"), _data(organization)).status_code == 302
    contact = Contact.objects.get(name="Jasur Aliev")
    assert contact.organization == organization
    response = client.post(
        reverse("stakeholders:contact-update", args=[contact.pk]), _data(organization, position="Head")
    )
    assert response.status_code == 302
    contact.refresh_from_db()
    assert contact.position == "Head"
    assert "Add contact" in client.get(organization.get_absolute_url()).content.decode()


def test_a_focal_point_cannot_touch_another_organisations_contacts(client, focal_point, organization):
    elsewhere = OrganizationFactory()
    stranger = ContactFactory(organization=elsewhere, name="Stranger")
    client.force_login(focal_point)
    assert client.get(reverse("stakeholders:contact-update", args=[stranger.pk])).status_code == 403
    assert client.post(reverse("stakeholders:contact-update", args=[stranger.pk]), _data(elsewhere)).status_code == 403
    response = client.post(reverse("stakeholders:contact-create"), _data(elsewhere))
    assert response.status_code == 200 and response.context["form"].errors["organization"]
    assert not Contact.objects.filter(name="Jasur Aliev").exists()
    assert "Add contact" not in client.get(elsewhere.get_absolute_url()).content.decode()
    # Moving their own contact to another organisation is refused as well.
    own = ContactFactory(organization=organization)
    response = client.post(reverse("stakeholders:contact-update", args=[own.pk]), _data(elsewhere))
    assert response.status_code == 200
    own.refresh_from_db()
    assert own.organization == organization


class _PostedFields(HTMLParser):
    """What a browser sends from a page's POST form: each field's value, ticked boxes only."""

    def __init__(self):
        super().__init__()
        self.data, self._in_form, self._select, self._textarea = {}, False, None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self._in_form = (attrs.get("method") or "").lower() == "post"
        elif not self._in_form or (not attrs.get("name") and tag != "option"):
            return
        elif tag == "input" and attrs.get("type") not in ("submit", "button"):
            if attrs.get("type") != "checkbox" or "checked" in attrs:
                self.data[attrs["name"]] = attrs.get("value") or ("on" if attrs.get("type") == "checkbox" else "")
        elif tag == "select":
            self._select = attrs["name"]
            self.data[self._select] = ""
        elif tag == "option" and self._select and "selected" in attrs:
            self.data[self._select] = attrs.get("value") or ""
        elif tag == "textarea":
            self._textarea = attrs["name"]
            self.data[self._textarea] = ""

    def handle_data(self, data):
        if self._textarea:
            self.data[self._textarea] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self._in_form = False
        elif tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None


def _fields_on_the_page(response) -> dict:
    parser = _PostedFields()
    parser.feed(response.content.decode())
    parser.data.pop("csrfmiddlewaretoken", None)
    return parser.data


def test_a_focal_point_cannot_reactivate_a_contact_who_left(client, focal_point, organization):
    account = UserFactory(username="left")
    departed = ContactFactory(organization=organization, name="Left Early", is_active=False, user=account)
    client.force_login(focal_point)
    url = reverse("stakeholders:contact-update", args=[departed.pk])
    page = client.get(url)
    assert 'name="is_active"' not in page.content.decode()
    data = {**_fields_on_the_page(page), "name": "Left Early-Smith", "is_active": "on", "user": ""}
    assert client.post(url, data).status_code == 302
    departed.refresh_from_db()
    assert departed.name == "Left Early-Smith"  # what the page shows is saved
    assert (departed.is_active, departed.user, departed.receives_reminders) == (False, account, True)
    # So the person still acts for no organisation.
    client.force_login(account)
    assert organization_of(account) is None


def test_a_focal_points_save_keeps_the_reminders_their_page_does_not_show(client, focal_point, organization):
    contact = ContactFactory(organization=organization, receives_reminders=True)
    client.force_login(focal_point)
    url = reverse("stakeholders:contact-update", args=[contact.pk])
    page = client.get(url)
    assert 'name="receives_reminders"' not in page.content.decode()
    assert client.post(url, {**_fields_on_the_page(page), "position": "Deputy head"}).status_code == 302
    contact.refresh_from_db()
    assert (contact.position, contact.receives_reminders, contact.is_active) == ("Deputy head", True, True)
    # The box the page does show still works: marking someone as left.
    data = _fields_on_the_page(client.get(url))
    del data["is_active"]
    client.post(url, data)
    contact.refresh_from_db()
    assert (contact.is_active, contact.receives_reminders) == (False, True)


def test_the_secretariat_reactivates_a_contact(client, secretariat, organization):
    departed = ContactFactory(organization=organization, is_active=False, receives_reminders=False)
    client.force_login(secretariat)
    url = reverse("stakeholders:contact-update", args=[departed.pk])
    data = {**_fields_on_the_page(client.get(url)), "is_active": "on", "receives_reminders": "on"}
    assert client.post(url, data).status_code == 302
    departed.refresh_from_db()
    assert (departed.is_active, departed.receives_reminders) == (True, True)
