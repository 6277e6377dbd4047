"""Inactive contacts: behind a toggle on their organisation's page, reactivated there, and out of the pickers."""

import pytest
from django.urls import reverse

from meetings.forms import ActionItemForm, AddParticipantForm, AgendaItemForm, StatementForm
from stakeholders.models import AccountEvent, AccountEventKind
from tests.meetings.factories import AgendaItemFactory, MeetingFactory
from tests.stakeholders.factories import ContactFactory, participant_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def retired(organization):
    return ContactFactory(organization=organization, name="Retired Person", is_active=False)


def test_inactive_contacts_are_behind_a_toggle_and_can_be_reactivated(client, secretariat, organization, retired):
    client.force_login(secretariat)
    page = client.get(organization.get_absolute_url()).content.decode()
    assert "Retired Person" not in page
    assert "Show 1 inactive contact" in page
    page = client.get(organization.get_absolute_url(), {"inactive": "1"}).content.decode()
    assert "Retired Person" in page
    response = client.post(reverse("stakeholders:contact-reactivate", args=[retired.pk]))
    assert response.status_code == 302
    retired.refresh_from_db()
    assert retired.is_active


def test_a_participant_cannot_reactivate(client, participant, retired):
    client.force_login(participant)
    assert client.post(reverse("stakeholders:contact-reactivate", args=[retired.pk])).status_code == 403
    retired.refresh_from_db()
    assert not retired.is_active


def test_inactive_contacts_are_not_offered_in_pickers_but_a_chosen_one_stays(organization, retired):
    active = ContactFactory(organization=organization)
    meeting = MeetingFactory()
    for form in (
        AgendaItemForm(meeting=meeting),
        StatementForm(meeting=meeting),
        ActionItemForm(meeting=meeting),
        AddParticipantForm(),
    ):
        field = next(name for name in ("presenter", "speaker", "owner", "contact") if name in form.fields)
        choices = set(form.fields[field].queryset)
        assert active in choices and retired not in choices, type(form).__name__
    item = AgendaItemFactory(meeting=meeting, presenter=retired)
    assert retired in AgendaItemForm(instance=item, meeting=meeting).fields["presenter"].queryset


def _contact_data(contact, **overrides):
    data = {
        "organization": contact.organization_id,
        "name": contact.name,
        "position": contact.position,
        "email": contact.email,
        "phone": "",
        "preferred_language": "uz",
        "receives_reminders": "",
        "is_active": "on",
        "user": contact.user_id or "",
    }
    data.update(overrides)
    return data


def test_the_contact_form_has_language_and_reminders(client, secretariat, organization):
    contact = ContactFactory(organization=organization)
    client.force_login(secretariat)
    response = client.post(reverse("stakeholders:contact-update", args=[contact.pk]), _contact_data(contact))
    assert response.status_code == 302
    contact.refresh_from_db()
    assert contact.preferred_language == "uz"
    assert not contact.receives_reminders


@pytest.mark.parametrize("also_account", [True, False])
def test_deactivating_a_contact_offers_to_deactivate_the_account(client, secretariat, organization, also_account):
    person = participant_user(organization=organization, username="leaving")
    contact = person.contact
    client.force_login(secretariat)
    form = client.get(reverse("stakeholders:contact-update", args=[contact.pk])).context["form"]
    assert "deactivate_account" in form.fields
    data = _contact_data(contact, is_active="")
    if also_account:
        data["deactivate_account"] = "on"
    assert client.post(reverse("stakeholders:contact-update", args=[contact.pk]), data).status_code == 302
    person.refresh_from_db()
    assert person.is_active is not also_account
    assert AccountEvent.objects.filter(contact=contact, kind=AccountEventKind.DEACTIVATED).exists() is also_account


def test_no_account_question_for_a_contact_without_account(client, secretariat, organization):
    contact = ContactFactory(organization=organization)
    client.force_login(secretariat)
    form = client.get(reverse("stakeholders:contact-update", args=[contact.pk])).context["form"]
    assert "deactivate_account" not in form.fields


def test_a_large_organisation_lists_its_first_contacts_and_the_rest_on_request(
    client, participant, organization, django_assert_max_num_queries
):
    from coordination.pages.organization_page import CONTACTS_SHOWN

    ContactFactory.create_batch(CONTACTS_SHOWN + 4, organization=organization)
    ContactFactory(organization=organization, name="Zz Retired", is_active=False)
    client.force_login(participant)
    url = organization.get_absolute_url()
    with django_assert_max_num_queries(20):
        page = client.get(url)
    active = organization.contacts.filter(is_active=True).count()
    listed = page.context["organization"].listed_contacts
    assert len(listed) == CONTACTS_SHOWN
    assert f"Show {active - CONTACTS_SHOWN} more contacts" in page.text
    everyone = client.get(url, {"contacts": "all"})
    assert len(everyone.context["organization"].listed_contacts) == active
    assert "more contact" not in everyone.text
    with_inactive = client.get(url, {"contacts": "all", "inactive": "1"})
    assert "Zz Retired" in with_inactive.text
