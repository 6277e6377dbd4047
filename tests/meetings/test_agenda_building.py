"""Building the agenda: the whole order saved at once, planned start times, a presenter named inline."""

import datetime
import zoneinfo

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse

from meetings.models import Meeting
from meetings.services.agenda import StaleAgendaOrder, name_external_presenter, planned_starts, reorder_agenda
from stakeholders.models import Contact, Organization
from tests.meetings.factories import AgendaItemFactory, MeetingFactory
from tests.stakeholders.factories import ContactFactory, OrganizationFactory

pytestmark = pytest.mark.django_db

TASHKENT = zoneinfo.ZoneInfo("Asia/Tashkent")


def _messages(response):
    return [str(message) for message in response.context["messages"]] if response.context else []


@pytest.fixture
def meeting():
    return MeetingFactory(starts_at=datetime.datetime(2023, 6, 20, 10, tzinfo=TASHKENT), time_zone="Asia/Tashkent")


@pytest.fixture
def items(meeting):
    return [
        AgendaItemFactory(meeting=meeting, position=1, title="Opening", planned_minutes=15),
        AgendaItemFactory(meeting=meeting, position=2, title="Situation overview", planned_minutes=30),
        AgendaItemFactory(meeting=meeting, position=3, title="Plans", planned_minutes=None),
        AgendaItemFactory(meeting=meeting, position=4, title="Closing", planned_minutes=10),
    ]


def _titles(meeting):
    return list(meeting.agenda_items.order_by("position").values_list("title", flat=True))


# The order, saved at once


def test_reorder_agenda_saves_the_whole_order_and_bumps_the_version(meeting, items, secretariat):
    opening, overview, plans, closing = items
    assert reorder_agenda(meeting=meeting, item_ids=[plans.pk, opening.pk, closing.pk, overview.pk], user=secretariat)
    assert _titles(meeting) == ["Plans", "Opening", "Closing", "Situation overview"]
    assert list(meeting.agenda_items.order_by("position").values_list("position", flat=True)) == [1, 2, 3, 4]
    assert Meeting.objects.get(pk=meeting.pk).version == meeting.version == 2


def test_reorder_agenda_to_the_same_order_changes_nothing(meeting, items):
    assert not reorder_agenda(meeting=meeting, item_ids=[item.pk for item in items])
    assert Meeting.objects.get(pk=meeting.pk).version == 1


@pytest.mark.parametrize("change", ["added", "removed", "repeated", "foreign"])
def test_reorder_agenda_refuses_an_order_made_before_an_item_was_added_or_removed(meeting, items, change):
    ids = [item.pk for item in reversed(items)]
    if change == "added":
        AgendaItemFactory(meeting=meeting, position=5, title="Added meanwhile")
    elif change == "removed":
        items[0].delete()
    elif change == "repeated":
        ids = [ids[0], *ids[:-1]]
    else:
        ids[-1] = AgendaItemFactory(title="Another meeting's item").pk
    before = _titles(meeting)
    with pytest.raises(StaleAgendaOrder):
        reorder_agenda(meeting=meeting, item_ids=ids)
    assert _titles(meeting) == before
    assert Meeting.objects.get(pk=meeting.pk).version == 1


def test_the_builder_saves_a_dragged_order_in_one_request(client, secretariat, meeting, items):
    opening, overview, plans, closing = items
    client.force_login(secretariat)
    response = client.post(
        reverse("meetings:meeting-agenda-order", args=[meeting.pk]),
        {"item": [closing.pk, opening.pk, overview.pk, plans.pk], "moved": closing.pk},
    )
    assert response.status_code == 302
    assert response.url.endswith(f"/agenda/#item-{closing.pk}")
    response = client.get(response.url)
    assert "Saved the new order of the agenda." in _messages(response)
    content = response.content.decode()
    content = content[content.index('id="agenda-items"') :]
    assert content.index("Closing") < content.index("Opening") < content.index("Situation overview")


def test_the_builder_refuses_a_stale_order_with_a_message_and_keeps_the_agenda(client, secretariat, meeting, items):
    client.force_login(secretariat)
    added = AgendaItemFactory(meeting=meeting, position=5, title="Added by a colleague")
    response = client.post(
        reverse("meetings:meeting-agenda-order", args=[meeting.pk]),
        {"item": [item.pk for item in reversed(items)]},
        follow=True,
    )
    assert any("changed by someone else meanwhile" in message for message in _messages(response))
    assert _titles(meeting) == ["Opening", "Situation overview", "Plans", "Closing", added.title]


@pytest.mark.parametrize("data", [{}, {"item": ["x", "1"]}])
def test_the_builder_answers_a_broken_order_with_a_message(client, secretariat, meeting, items, data):
    client.force_login(secretariat)
    response = client.post(reverse("meetings:meeting-agenda-order", args=[meeting.pk]), data, follow=True)
    assert response.status_code == 200
    assert "The new order did not arrive; nothing was changed." in _messages(response)
    assert _titles(meeting) == ["Opening", "Situation overview", "Plans", "Closing"]


@pytest.mark.parametrize("role", ["participant", "other_participant"])
def test_only_the_secretariat_reorders_the_agenda(client, request, meeting, items, role):
    client.force_login(request.getfixturevalue(role))
    response = client.post(
        reverse("meetings:meeting-agenda-order", args=[meeting.pk]), {"item": [item.pk for item in reversed(items)]}
    )
    assert response.status_code == 403
    assert _titles(meeting) == ["Opening", "Situation overview", "Plans", "Closing"]


def test_the_builder_loads_sortablejs_from_the_portals_own_static_files(client, secretariat, meeting, items):
    client.force_login(secretariat)
    content = client.get(reverse("meetings:meeting-agenda", args=[meeting.pk])).content.decode()
    assert '/static/vendor/sortablejs/Sortable.min.js"' in content
    assert f'name="item" value="{items[0].pk}" form="agenda-order"' in content
    assert finders.find("vendor/sortablejs/Sortable.min.js")  # node_modules/sortablejs, installed from npm


# Start times


def test_planned_starts_add_up_the_minutes_of_the_items_before(meeting, items):
    starts = [start and start.strftime("%H:%M") for start in planned_starts(meeting, items)]
    # Unknown after an item without planned minutes.
    assert starts == ["10:00", "10:15", "10:45", None]


@pytest.mark.parametrize(
    "url_name", ["meetings:meeting-agenda", "meetings:meeting-detail", "meetings:meeting-agenda-print"]
)
def test_start_times_are_shown_in_the_meetings_zone(client, secretariat, meeting, items, url_name):
    client.force_login(secretariat)
    content = client.get(reverse(url_name, args=[meeting.pk])).content.decode()
    for time, title in (("10:00", "Opening"), ("10:15", "Situation overview"), ("10:45", "Plans")):
        assert content.index(time) < content.index(title)


# A presenter who is not a stored contact


def test_name_external_presenter_creates_the_contact_and_a_typed_organisation(secretariat):
    contact = name_external_presenter(name=" Kristiina Tamm ", organization_name="Estonian Police", user=secretariat)
    assert contact.name == "Kristiina Tamm"
    assert contact.email == ""
    assert contact.organization.name == "Estonian Police"
    assert contact.history.first().history_user == secretariat


def test_name_external_presenter_reuses_the_organisation_and_the_contact_of_that_name():
    organization = OrganizationFactory(name="Estonian Police and Border Guard Board")
    existing = ContactFactory(organization=organization, name="Kristiina Tamm")
    contact = name_external_presenter(name="kristiina tamm", organization_name="estonian police and border guard board")
    assert contact == existing
    assert Organization.objects.filter(name__iexact="estonian police and border guard board").count() == 1


def _new_item(meeting, **fields):
    return {"title": "Study visit report", "planned_minutes": 20, "version": meeting.version, **fields}


def test_the_builder_adds_an_item_with_a_presenter_typed_by_name(client, secretariat, meeting):
    organization = OrganizationFactory(name="International Organization for Migration")
    client.force_login(secretariat)
    url = reverse("meetings:meeting-agenda", args=[meeting.pk])
    response = client.post(url, _new_item(meeting, presenter_name="Jane Guest", presenter_organization=organization.pk))
    assert response.status_code == 302, response.context and response.context["form"].errors
    item = meeting.agenda_items.get(title="Study visit report")
    assert item.presenter.name == "Jane Guest"
    assert item.presenter.organization == organization
    content = client.get(url).content.decode()
    assert "Jane Guest" in content and "no e-mail" in content


@pytest.mark.parametrize(
    ("fields", "field", "error"),
    [
        ({"presenter_name": "Jane Guest"}, "presenter_organization", "Say which organisation"),
        ({"presenter_organization_name": "New NGO"}, "presenter_name", "Type the presenter's name"),
        (
            {"presenter_name": "Jane Guest", "presenter_organization_name": "New NGO", "presenter": "stored"},
            "presenter_name",
            "not both",
        ),
        (
            {"presenter_name": "Jane Guest", "presenter_organization_name": "New NGO", "presenter_organization": "org"},
            "presenter_organization_name",
            "not both",
        ),
    ],
)
def test_a_half_typed_presenter_gets_a_field_error_and_nothing_is_created(
    client, secretariat, meeting, fields, field, error
):
    stored = ContactFactory()
    values = {"stored": stored.pk, "org": stored.organization_id}
    fields = {name: values.get(value, value) for name, value in fields.items()}
    contacts, organizations = Contact.objects.count(), Organization.objects.count()
    client.force_login(secretariat)
    response = client.post(reverse("meetings:meeting-agenda", args=[meeting.pk]), _new_item(meeting, **fields))
    assert response.status_code == 200
    assert any(error in message for message in response.context["form"].errors[field])
    assert 'value="Study visit report"' in response.content.decode()
    assert (Contact.objects.count(), Organization.objects.count()) == (contacts, organizations)
    assert not meeting.agenda_items.exists()


def test_a_refused_save_leaves_no_presenter_behind_and_keeps_what_was_typed(client, secretariat, meeting):
    client.force_login(secretariat)
    Meeting.objects.filter(pk=meeting.pk).update(version=2)  # someone else saved meanwhile
    response = client.post(
        reverse("meetings:meeting-agenda", args=[meeting.pk]),
        _new_item(meeting, presenter_name="Jane Guest", presenter_organization_name="Brand New NGO"),
    )
    assert response.status_code == 200
    assert 'value="Jane Guest"' in response.content.decode()
    assert not Contact.objects.filter(name="Jane Guest").exists()
    assert not Organization.objects.filter(name="Brand New NGO").exists()
