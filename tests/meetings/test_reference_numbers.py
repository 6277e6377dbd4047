"""Decisions and follow-up actions carry a number within their meeting ("4.2"), given once and never reused."""

import importlib

import pytest
from django.apps import apps
from django.db import IntegrityError, transaction

from meetings import services
from meetings.models import ActionItem, Decision
from tests.meetings.factories import ActionItemFactory, AgendaItemFactory, DecisionFactory, MeetingFactory
from tests.stakeholders.factories import OrganizationFactory

pytestmark = pytest.mark.django_db


def new_decision(meeting, secretariat, text="Agreed."):
    return services.save_decision(decision=Decision(meeting=meeting, text=text), user=secretariat)


def new_action(meeting, secretariat, title="Send the report"):
    action = ActionItem(meeting=meeting, title=title, responsible_organization=OrganizationFactory())
    return services.save_action(action=action, expected_version=None, user=secretariat)


def test_decisions_and_actions_share_one_sequence_per_meeting(secretariat):
    meeting = MeetingFactory(number=4)
    other = MeetingFactory(number=5)
    first = new_decision(meeting, secretariat)
    second = new_action(meeting, secretariat)
    third = new_decision(meeting, secretariat)
    elsewhere = new_action(other, secretariat)
    assert [first.reference, second.reference, third.reference] == ["4.1", "4.2", "4.3"]
    assert elsewhere.reference == "5.1"


def test_a_deleted_number_is_not_reused_and_edits_keep_numbers(secretariat):
    meeting = MeetingFactory(number=4)
    new_decision(meeting, secretariat)
    last = new_action(meeting, secretariat)
    services.delete_minutes_entry(entry=last, user=secretariat)
    latest = new_decision(meeting, secretariat)
    assert latest.reference == "4.3"  # 4.2 was cited once; it stays a gap
    latest.text = "Agreed, as amended."
    services.save_decision(decision=latest, expected_version=latest.version, user=secretariat)
    latest.refresh_from_db()
    assert latest.reference_number == 3


def test_publication_does_not_renumber(secretariat):
    meeting = MeetingFactory(number=4)
    item = AgendaItemFactory(meeting=meeting, position=1)
    action = new_action(meeting, secretariat)
    decision = services.save_decision(
        decision=Decision(meeting=meeting, agenda_item=item, text="Agreed."), user=secretariat
    )
    services.publish_minutes(meeting=meeting, user=secretariat)
    action.refresh_from_db()
    decision.refresh_from_db()
    assert (action.reference, decision.reference) == ("4.1", "4.2")


def test_the_database_refuses_two_entries_with_one_number():
    decision = DecisionFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Decision.objects.create(meeting=decision.meeting, text="Twice", reference_number=decision.reference_number)


def test_the_migration_numbers_existing_entries_in_the_order_of_the_minutes():
    meeting = MeetingFactory(number=7, published=True)
    first_item = AgendaItemFactory(meeting=meeting, position=1)
    second_item = AgendaItemFactory(meeting=meeting, position=2)
    loose = ActionItemFactory(meeting=meeting)
    on_second = DecisionFactory(meeting=meeting, agenda_item=second_item)
    action_on_first = ActionItemFactory(meeting=meeting, agenda_item=first_item)
    decision_on_first = DecisionFactory(meeting=meeting, agenda_item=first_item)
    Decision.objects.update(reference_number=None)
    ActionItem.objects.update(reference_number=None)
    migration = importlib.import_module("meetings.migrations.0024_reference_numbers")
    migration.number_existing_entries(apps, None)
    numbers = {
        entry: type(entry).objects.get(pk=entry.pk).reference
        for entry in (decision_on_first, action_on_first, on_second, loose)
    }
    assert list(numbers.values()) == ["7.1", "7.2", "7.3", "7.4"]


def test_the_action_page_shows_its_number(client_for, participant):
    action = ActionItemFactory(meeting=MeetingFactory(number=3, published=True))
    response = client_for(participant).get(action.get_absolute_url())
    assert response.status_code == 200
    assert f'<span class="entry-reference">3.{action.reference_number}</span>' in response.content.decode()
