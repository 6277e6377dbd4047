"""Nothing lost: referenced organisations and meetings cannot be deleted; deleted rows stay in the history."""

import pytest
from django.db.models import ProtectedError
from django.urls import reverse

from meetings.models import AgendaItem, Meeting
from stakeholders.models import Organization
from tests.activities.factories import ActivityFactory, ActivityReviewFactory
from tests.meetings.factories import ActionItemFactory, AgendaItemFactory, MeetingFactory, StatementFactory
from tests.stakeholders.factories import ContactFactory, OrganizationFactory


@pytest.mark.django_db
class TestProtectedDeletion:
    def test_an_organisation_with_contacts_actions_or_activities_is_kept(self):
        for make_reference in (
            lambda organization: ContactFactory(organization=organization),
            lambda organization: ActionItemFactory(responsible_organization=organization),
            lambda organization: ActivityFactory(lead_organization=organization),
            lambda organization: OrganizationFactory(parent=organization),
        ):
            organization = OrganizationFactory()
            make_reference(organization)
            with pytest.raises(ProtectedError):
                organization.delete()
            assert Organization.objects.filter(pk=organization.pk).exists()

    def test_a_meeting_with_follow_up_actions_or_activity_reviews_is_kept(self):
        for make_reference in (
            lambda meeting: ActionItemFactory(meeting=meeting),
            lambda meeting: ActivityReviewFactory(meeting=meeting),
        ):
            meeting = MeetingFactory()
            AgendaItemFactory(meeting=meeting)
            make_reference(meeting)
            with pytest.raises(ProtectedError):
                meeting.delete()
            assert Meeting.objects.filter(pk=meeting.pk).exists()
            assert AgendaItem.objects.filter(meeting=meeting).exists()

    def test_the_admin_refuses_with_a_clear_message(self, client, admin_user):
        organization = OrganizationFactory(name="Ministry of Justice")
        ContactFactory(organization=organization)
        meeting = MeetingFactory()
        ActionItemFactory(meeting=meeting)
        client.force_login(admin_user)
        for obj, url_name in [
            (organization, "admin:stakeholders_organization_delete"),
            (meeting, "admin:meetings_meeting_delete"),
        ]:
            url = reverse(url_name, args=[obj.pk])
            response = client.get(url)
            assert response.status_code == 200
            assert "would require deleting the following protected related objects" in response.text
            response = client.post(url, {"post": "yes"})
            assert type(obj).objects.filter(pk=obj.pk).exists()


@pytest.mark.django_db
class TestHistoryKeepsDeletedRows:
    def test_a_deleted_organisation_stays_in_the_history(self):
        organization = OrganizationFactory(name="Short-lived working group")
        pk = organization.pk
        organization.delete()
        history = Organization.history.filter(id=pk).order_by("history_date")
        assert [record.history_type for record in history] == ["+", "-"]
        assert history.last().name == "Short-lived working group"

    def test_a_deleted_meeting_and_its_agenda_stay_in_the_history(self):
        item = AgendaItemFactory(title="Emerging trends")
        meeting_pk, item_pk = item.meeting.pk, item.pk
        item.meeting.delete()
        assert Meeting.history.filter(id=meeting_pk, history_type="-").exists()
        deleted_item = AgendaItem.history.get(id=item_pk, history_type="-")
        assert deleted_item.title == "Emerging trends"
        restored = deleted_item.instance  # what an admin can bring back
        assert restored.title == "Emerging trends"

    def test_the_deleting_user_is_recorded(self, client, admin_user):
        organization = OrganizationFactory()
        client.force_login(admin_user)
        client.post(reverse("admin:stakeholders_organization_delete", args=[organization.pk]), {"post": "yes"})
        assert not Organization.objects.filter(pk=organization.pk).exists()
        assert Organization.history.get(id=organization.pk, history_type="-").history_user == admin_user


@pytest.mark.django_db
@pytest.mark.parametrize(
    "factory",
    [
        OrganizationFactory,
        ContactFactory,
        MeetingFactory,
        AgendaItemFactory,
        StatementFactory,
        ActionItemFactory,
        ActivityFactory,
    ],
)
def test_every_deleted_record_can_be_brought_back_from_its_history(factory):
    """The history leaves out each model's generated search columns, and names only those the model has: the
    admin's restore (``.instance``) failed for a name the model did not have."""
    record = factory()
    pk = record.pk
    type(record).history.filter(id=pk).delete()
    record.save()  # one history row, the way the admin shows it
    restored = type(record).history.get(id=pk).instance
    assert restored.pk == pk
