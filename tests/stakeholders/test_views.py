import pytest
from django.urls import reverse

from tests.meetings.factories import ParticipationFactory
from tests.stakeholders.factories import ContactFactory, OrganizationFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("rows", [3, 30])
def test_organisation_pages_query_count_does_not_grow(client, participant, django_assert_max_num_queries, rows):
    parent = OrganizationFactory(name="Ministry of Internal Affairs")
    unit = OrganizationFactory(name="Counter-trafficking unit", parent=parent)
    for _ in range(rows):
        OrganizationFactory(parent=parent)
        ContactFactory(organization=unit)
        ParticipationFactory(organization=unit, status="attended")
    client.force_login(participant)
    with django_assert_max_num_queries(8):
        assert client.get(reverse("stakeholders:organization-list")).status_code == 200
    # The page also shows attendance dots, the action record, statements and activities (issue 4).
    with django_assert_max_num_queries(14):
        response = client.get(unit.get_absolute_url())
    content = response.content.decode()
    assert "Ministry of Internal Affairs" in content
    assert len(response.context["meetings_attended"]) == min(rows, 25)


def test_organisation_list_filters_by_kind_and_ignores_unknown_kinds(client, participant):
    OrganizationFactory(name="A court", kind="judiciary")
    client.force_login(participant)
    assert b"A court" in client.get(reverse("stakeholders:organization-list") + "?kind=judiciary").content
    assert b"A court" not in client.get(reverse("stakeholders:organization-list") + "?kind=ngo").content
    assert client.get(reverse("stakeholders:organization-list") + "?kind=%00nonsense").status_code == 200
