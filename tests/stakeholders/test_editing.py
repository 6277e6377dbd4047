import pytest
from django.urls import reverse

from stakeholders.models import Contact, Organization
from stakeholders.services import references_to
from tests.activities.factories import ActivityFactory
from tests.meetings.factories import ActionItemFactory, MeetingSeriesFactory, ParticipationFactory
from tests.stakeholders.factories import ContactFactory, OrganizationFactory, UserFactory

pytestmark = pytest.mark.django_db


def _organization_data(**overrides):
    data = {
        "name": "Ministry of Justice",
        "acronym": "MoJ",
        "kind": "government",
        "country": "Uzbekistan",
        "parent": "",
        "website": "https://minjust.uz",
        "is_active": "on",
    }
    data.update(overrides)
    return data


def _contact_data(employer, **overrides):
    data = {
        "organization": employer.pk,
        "name": "Dilnoza Karimova",
        "position": "Head of unit",
        "email": "d.karimova@example.org",
        "phone": "+998 71 000 00 00",
        "is_active": "on",
        "user": "",
    }
    data.update(overrides)
    return data


# Permissions


@pytest.fixture
def edit_urls(organization):
    contact = ContactFactory(organization=organization)
    return [
        reverse("stakeholders:organization-create"),
        reverse("stakeholders:organization-update", args=[organization.pk]),
        reverse("stakeholders:contact-create"),
        reverse("stakeholders:contact-update", args=[contact.pk]),
    ]


def test_participants_get_403(client, participant, organization, edit_urls):
    client.force_login(participant)
    for url in edit_urls:
        assert client.get(url).status_code == 403, url
        assert client.post(url, _organization_data()).status_code == 403, url
    assert client.post(reverse("stakeholders:organization-delete", args=[OrganizationFactory().pk])).status_code == 403
    assert not Organization.objects.filter(name="Ministry of Justice").exists()


def test_secretariat_sees_the_edit_buttons_and_participants_do_not(client, secretariat, participant, organization):
    ContactFactory(organization=organization)
    client.force_login(participant)
    assert "Edit organisation" not in client.get(organization.get_absolute_url()).content.decode()
    assert "New organisation" not in client.get(reverse("stakeholders:organization-list")).content.decode()
    client.force_login(secretariat)
    page = client.get(organization.get_absolute_url()).content.decode()
    assert "Edit organisation" in page and "Add contact" in page
    assert "New organisation" in client.get(reverse("stakeholders:organization-list")).content.decode()


# Organisations


def test_secretariat_adds_an_organisation_under_a_parent(client, secretariat):
    parent = OrganizationFactory(name="National Commission")
    client.force_login(secretariat)
    response = client.post(reverse("stakeholders:organization-create"), _organization_data(parent=parent.pk))
    organization = Organization.objects.get(name="Ministry of Justice")
    assert response.url == organization.get_absolute_url()
    assert (organization.parent, organization.acronym, organization.is_active) == (parent, "MoJ", True)
    assert organization.history.first().history_user == secretariat


def test_secretariat_edits_an_organisation(client, secretariat, organization):
    client.force_login(secretariat)
    response = client.post(
        reverse("stakeholders:organization-update", args=[organization.pk]),
        _organization_data(name="Renamed body", is_active=""),
    )
    assert response.status_code == 302
    organization.refresh_from_db()
    assert (organization.name, organization.is_active) == ("Renamed body", False)
    assert organization.history.count() == 2


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"name": ""}, "name"),
        ({"kind": "cartel"}, "kind"),
        ({"website": "not a url"}, "website"),
        ({"parent": "999999"}, "parent"),
        ({"name": "x" * 300}, "name"),
    ],
)
def test_bad_organisation_input_is_a_field_error(client, secretariat, overrides, field):
    client.force_login(secretariat)
    response = client.post(reverse("stakeholders:organization-create"), _organization_data(**overrides))
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not Organization.objects.filter(acronym="MoJ").exists()


def test_a_duplicate_name_is_a_field_error_whatever_the_case(client, secretariat):
    OrganizationFactory(name="Ministry of Justice")
    client.force_login(secretariat)
    response = client.post(reverse("stakeholders:organization-create"), _organization_data(name="ministry  of justice"))
    assert response.context["form"].errors["name"] == ["An organisation with this name already exists."]
    assert Organization.objects.filter(name__iexact="ministry of justice").count() == 1


def test_an_organisation_cannot_be_its_own_ancestor(client, secretariat):
    commission = OrganizationFactory(name="Commission")
    sub_commission = OrganizationFactory(name="Sub-commission", parent=commission)
    unit = OrganizationFactory(name="Unit", parent=sub_commission)
    client.force_login(secretariat)
    url = reverse("stakeholders:organization-update", args=[commission.pk])
    assert commission not in client.get(url).context["form"].fields["parent"].queryset
    response = client.post(url, _organization_data(name="Commission", parent=unit.pk))
    assert "cannot be its parent" in response.context["form"].errors["parent"][0]
    response = client.post(url, _organization_data(name="Commission", parent=commission.pk))
    assert "parent" in response.context["form"].errors
    commission.refresh_from_db()
    assert commission.parent is None


# Deleting


def test_an_unreferenced_organisation_is_deleted(client, secretariat):
    organization = OrganizationFactory(name="Short-lived NGO")
    client.force_login(secretariat)
    response = client.post(reverse("stakeholders:organization-delete", args=[organization.pk]), follow=True)
    assert not Organization.objects.filter(pk=organization.pk).exists()
    assert "“Short-lived NGO” was deleted." in response.content.decode()


def test_a_referenced_organisation_is_kept_and_the_message_says_why(client, secretariat):
    organization = OrganizationFactory(name="Ministry of Internal Affairs")
    ContactFactory(organization=organization)
    ContactFactory(organization=organization)
    ParticipationFactory(organization=organization)
    ActionItemFactory(responsible_organization=organization)
    ActivityFactory(lead_organization=organization)
    ActivityFactory().partners.add(organization)
    MeetingSeriesFactory(convening_organization=organization)
    OrganizationFactory(parent=organization)
    client.force_login(secretariat)

    response = client.post(reverse("stakeholders:organization-delete", args=[organization.pk]), follow=True)

    assert response.status_code == 200
    assert Organization.objects.filter(pk=organization.pk).exists()
    (message,) = [str(message) for message in response.context["messages"]]
    assert message.startswith("“Ministry of Internal Affairs” cannot be deleted because other records refer to it:")
    for part in (
        "2 contacts",
        "1 participation",
        "1 action item",
        "1 activity (as lead organisation)",
        "1 activity (as partners)",
        "1 meeting series (as convening organisation)",
        "1 organisation (units under it)",
    ):
        assert part in message, part
    assert "Mark it inactive instead" in message


def test_references_to_counts_each_kind_of_record():
    organization = OrganizationFactory()
    assert references_to(organization) == []
    MeetingSeriesFactory().members.add(organization)
    ContactFactory(organization=organization)
    assert dict(references_to(organization)) == {"contact": 1, "meeting series (as members)": 1}


# Contacts


def test_secretariat_adds_a_contact_with_a_portal_account(client, secretariat, organization):
    account = UserFactory(username="dkarimova")
    client.force_login(secretariat)
    form = client.get(reverse("stakeholders:contact-create") + f"?organization={organization.pk}").context["form"]
    assert form.initial["organization"] == organization.pk
    assert account in form.fields["user"].queryset
    assert secretariat not in form.fields["user"].queryset  # already linked to a contact
    response = client.post(reverse("stakeholders:contact-create"), _contact_data(organization, user=account.pk))
    contact = Contact.objects.get(name="Dilnoza Karimova")
    assert response.url == organization.get_absolute_url()
    assert (contact.organization, contact.user, contact.email) == (organization, account, "d.karimova@example.org")
    assert contact.history.first().history_user == secretariat


def test_secretariat_edits_a_contact(client, secretariat, organization):
    contact = ContactFactory(organization=organization, name="Old Name")
    client.force_login(secretariat)
    url = reverse("stakeholders:contact-update", args=[contact.pk])
    assert "edit" in client.get(organization.get_absolute_url()).content.decode()
    response = client.post(url, _contact_data(organization, name="New Name", is_active=""))
    assert response.status_code == 302
    contact.refresh_from_db()
    assert (contact.name, contact.is_active) == ("New Name", False)


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"name": ""}, "name"),
        ({"email": "not-an-email"}, "email"),
        ({"organization": ""}, "organization"),
        ({"organization": "999999"}, "organization"),
        ({"user": "999999"}, "user"),
    ],
)
def test_bad_contact_input_is_a_field_error(client, secretariat, organization, overrides, field):
    client.force_login(secretariat)
    response = client.post(reverse("stakeholders:contact-create"), _contact_data(organization, **overrides))
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not Contact.objects.filter(email="d.karimova@example.org").exists()


def test_an_account_already_linked_to_someone_else_is_refused(client, secretariat, participant, organization):
    client.force_login(secretariat)
    response = client.post(reverse("stakeholders:contact-create"), _contact_data(organization, user=participant.pk))
    assert "user" in response.context["form"].errors


# Query counts


@pytest.mark.parametrize("rows", [3, 30])
def test_form_pages_query_count_does_not_grow(client, secretariat, django_assert_max_num_queries, rows):
    organizations = [OrganizationFactory() for _ in range(rows)]
    for organization in organizations:
        ContactFactory(organization=organization, user=UserFactory())
        UserFactory()
    client.force_login(secretariat)
    for url in (
        reverse("stakeholders:organization-create"),
        reverse("stakeholders:organization-update", args=[organizations[0].pk]),
        reverse("stakeholders:contact-create"),
        reverse("stakeholders:contact-update", args=[organizations[0].contacts.get().pk]),
    ):
        with django_assert_max_num_queries(10):
            assert client.get(url).status_code == 200


def test_success_messages_follow_the_language(client, secretariat, organization):
    client.force_login(secretariat)
    client.cookies["django_language"] = "ru"
    response = client.post(reverse("stakeholders:contact-create"), _contact_data(organization), follow=True)
    assert "Контакт Dilnoza Karimova добавлен." in [str(message) for message in response.context["messages"]]
    response = client.post(reverse("stakeholders:organization-create"), _organization_data(), follow=True)
    assert "Организация «Ministry of Justice» добавлена." in [str(message) for message in response.context["messages"]]


# Invisible format characters (a right-to-left override reverses the rest of the line wherever the name is shown)


def test_invisible_characters_are_removed_from_an_organisations_name_and_the_picker_finds_it(
    client, secretariat, participant
):
    client.force_login(secretariat)
    data = _organization_data(name="Ministry of Jus\u202etice\u200b", acronym="M\u2066o\u2069J\ufeff")
    assert client.post(reverse("stakeholders:organization-create"), data).status_code == 302
    organization = Organization.objects.get(acronym="MoJ")
    assert organization.name == "Ministry of Justice"
    client.force_login(participant)
    found = client.get(reverse("picker", args=["organizations"]), {"q": "justice"}).json()["results"]
    assert [row["id"] for row in found] == [organization.pk]
    # A second one, spelt with other invisible characters, is the same name.
    client.force_login(secretariat)
    response = client.post(
        reverse("stakeholders:organization-create"), _organization_data(name="Ministry of \u00adJustice")
    )
    assert response.status_code == 200 and response.context["form"].errors["name"]


def test_invisible_characters_are_removed_from_a_contacts_name_and_position(client, secretariat, organization):
    client.force_login(secretariat)
    data = _contact_data(organization, name="Dil\u200bnoza \u202eKarimova", position="Head\u200d of unit")
    assert client.post(reverse("stakeholders:contact-create"), data).status_code == 302
    contact = Contact.objects.get(email="d.karimova@example.org")
    assert (contact.name, contact.position) == ("Dilnoza Karimova", "Head of unit")
    found = client.get(reverse("picker", args=["contacts"]), {"q": "Dilnoza Karimova"}).json()["results"]
    assert [row["id"] for row in found] == [contact.pk]
    # A name of invisible characters only is no name.
    response = client.post(reverse("stakeholders:contact-create"), _contact_data(organization, name="\u202e\u200b"))
    assert response.status_code == 200 and response.context["form"].errors["name"]


def test_the_models_own_cleaning_removes_invisible_characters_for_the_admin(organization):
    contact = ContactFactory.build(organization=organization, name="Jasur\u202e Aliev", position="\u2067Head\u2069")
    contact.full_clean()
    assert (contact.name, contact.position) == ("Jasur Aliev", "Head")


def test_the_user_admin_removes_invisible_characters_from_names(client, admin_user):
    account = UserFactory(username="jasur")
    client.force_login(admin_user)
    url = reverse("admin:auth_user_change", args=[account.pk])
    assert client.get(url).status_code == 200
    data = {
        "username": "jasur",
        "first_name": "Ja\u202esur",
        "last_name": "\u200bAliev",
        "email": "",
        "is_active": "on",
        "date_joined_0": "2024-01-01",
        "date_joined_1": "10:00:00",
    }
    response = client.post(url, data)
    assert response.status_code == 302, response.context and response.context["adminform"].form.errors
    account.refresh_from_db()
    assert (account.first_name, account.last_name) == ("Jasur", "Aliev")
