import datetime
import zoneinfo

import pytest
from django.urls import reverse

from meetings.models import ActionStatus, AgendaItem, Meeting, MinutesStatus, Participation
from meetings.services import REVIEW_OF_ACTIONS_TITLE
from tests.meetings.factories import (
    ActionItemFactory,
    AgendaItemFactory,
    DecisionFactory,
    MeetingFactory,
    MeetingSeriesFactory,
    ParticipationFactory,
    StatementFactory,
    TopicFactory,
)
from tests.meetings.page_forms import confirm_send
from tests.stakeholders.factories import ContactFactory, OrganizationFactory, participant_user

pytestmark = pytest.mark.django_db


def _messages(response):
    return [str(message) for message in response.context["messages"]] if response.context else []


# Permissions


def _secretariat_urls(meeting, item, statement, decision, action):
    return {
        "get": [
            reverse("meetings:meeting-create", args=[meeting.series_id]),
            reverse("meetings:meeting-new"),
            reverse("meetings:meeting-prepare-next", args=[meeting.series_id]),
            reverse("meetings:meeting-delete", args=[meeting.pk]),
            reverse("meetings:meeting-edit", args=[meeting.pk]),
            reverse("meetings:meeting-agenda", args=[meeting.pk]),
            reverse("meetings:agenda-item-edit", args=[item.pk]),
            reverse("meetings:meeting-participants", args=[meeting.pk]),
            reverse("meetings:meeting-minutes-edit", args=[meeting.pk]),
            reverse("meetings:statement-create", args=[meeting.pk]),
            reverse("meetings:statement-edit", args=[statement.pk]),
            reverse("meetings:decision-create", args=[meeting.pk]),
            reverse("meetings:decision-edit", args=[decision.pk]),
            reverse("meetings:action-create", args=[meeting.pk]),
            reverse("meetings:action-edit", args=[action.pk]),
            reverse("meetings:meeting-history", args=[meeting.pk]),
            reverse("meetings:meeting-minutes-publish", args=[meeting.pk]),
            reverse("meetings:meeting-minutes-reopen", args=[meeting.pk]),
        ],
        "post_only": [
            reverse("meetings:meeting-announce", args=[meeting.pk]),
            reverse("meetings:agenda-item-move", args=[item.pk]),
            reverse("meetings:agenda-item-delete", args=[item.pk]),
            reverse("meetings:meeting-invite", args=[meeting.pk]),
            reverse("meetings:meeting-add-participant", args=[meeting.pk]),
            reverse("meetings:statement-delete", args=[statement.pk]),
            reverse("meetings:decision-delete", args=[decision.pk]),
        ],
    }


@pytest.fixture
def world():
    meeting = MeetingFactory()
    return {
        "meeting": meeting,
        "item": AgendaItemFactory(meeting=meeting),
        "statement": StatementFactory(meeting=meeting),
        "decision": DecisionFactory(meeting=meeting),
        "action": ActionItemFactory(meeting=meeting),
    }


def test_secretariat_pages_answer_each_role(client, world, secretariat, participant, admin_user):
    urls = _secretariat_urls(**world)
    for url in urls["get"] + urls["post_only"]:
        client.logout()
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"], url
        client.force_login(participant)
        assert client.get(url).status_code == 403, url
        assert client.post(url).status_code == 403, url
    for user in (secretariat, admin_user):
        client.force_login(user)
        for url in urls["get"]:
            assert client.get(url).status_code == 200, url
        for url in urls["post_only"]:
            assert client.get(url).status_code == 405, url
    assert MeetingFactory._meta.model.objects.count() == 1  # the participant's POSTs changed nothing


def test_meeting_page_shows_the_secretariat_toolbar_only_to_the_secretariat(client, world, secretariat, participant):
    url = world["meeting"].get_absolute_url()
    client.force_login(participant)
    assert "secretariat-toolbar" not in client.get(url).content.decode()
    client.force_login(secretariat)
    content = client.get(url).content.decode()
    assert (
        "secretariat-toolbar" in content and reverse("meetings:meeting-history", args=[world["meeting"].pk]) in content
    )


# Preparing and editing a meeting


def test_prepare_next_meeting_from_the_series_page(client, secretariat):
    series = MeetingSeriesFactory()
    series.members.set(OrganizationFactory.create_batch(2))
    previous = MeetingFactory(series=series, number=4)
    ActionItemFactory(meeting=previous)
    client.force_login(secretariat)
    assert "Prepare the next meeting" in client.get(series.get_absolute_url()).content.decode()
    response = client.post(
        reverse("meetings:meeting-prepare-next", args=[series.pk]),
        {
            "date": "2030-03-05",
            "start_time": "10:00",
            "end_time": "13:00",
            "format": "in_person",
            "copy_invitations": "on",
            "carry_open_actions": "on",
        },
        follow=True,
    )
    meeting = Meeting.objects.get(series=series, number=5)
    assert response.redirect_chain[-1][0] == meeting.get_absolute_url()
    assert meeting.is_draft
    assert any("The 5th meeting has been prepared" in message for message in _messages(response))
    assert meeting.participations.count() == 2
    assert meeting.agenda_items.get().title == REVIEW_OF_ACTIONS_TITLE


def _meeting_data(meeting, **overrides):
    data = {
        "number": meeting.number,
        "title": "Fifth meeting",
        "date": "2024-01-23",
        "start_time": "10:00",
        "end_time": "13:00",
        "time_zone": "Asia/Tashkent",
        "venue": "Tashkent, Hyatt",
        "format": "hybrid",
        "status": "planned",
        "reviewed_quarter": "2023-Q4",
        "version": meeting.version,
        "past_start_confirmed": "on",  # 2024 is in the past (tests/meetings/test_confirmations.py asks about it)
    }
    data.update(overrides)
    return data


def test_edit_meeting_converts_local_time_and_parses_the_quarter(client, secretariat):
    meeting = MeetingFactory()
    client.force_login(secretariat)
    response = client.post(
        reverse("meetings:meeting-edit", args=[meeting.pk]), _meeting_data(meeting, time_zone="Europe/Tallinn")
    )
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.starts_at == datetime.datetime(2024, 1, 23, 8, 0, tzinfo=datetime.UTC)  # 10:00 in Tallinn (UTC+2)
    assert meeting.local_start.hour == 10 and meeting.local_end.hour == 13
    assert str(meeting.reviewed_quarter) == "2023-Q4"
    assert (meeting.format, meeting.version) == ("hybrid", 2)
    # The form shows the times back in the meeting's zone.
    content = client.get(reverse("meetings:meeting-edit", args=[meeting.pk])).content.decode()
    assert 'value="10:00' in content and 'value="2023-Q4"' in content


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"end_time": "09:00"}, "end_time", "must end after it starts"),
        ({"reviewed_quarter": "2023-Q5"}, "reviewed_quarter", "write it like 2023-Q3"),
        ({"number": 99}, "number", "already has a meeting number 99"),
        ({"date": "not a date"}, "date", "Enter a valid date"),
    ],
)
def test_bad_meeting_input_gives_field_errors(client, secretariat, overrides, field, message):
    meeting = MeetingFactory()
    MeetingFactory(series=meeting.series, number=99)
    client.force_login(secretariat)
    response = client.post(reverse("meetings:meeting-edit", args=[meeting.pk]), _meeting_data(meeting, **overrides))
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field])


def test_create_meeting_from_scratch(client, secretariat):
    series = MeetingSeriesFactory()
    client.force_login(secretariat)
    response = client.get(reverse("meetings:meeting-create", args=[series.pk]))
    assert response.context["form"]["number"].value() == 1
    new = Meeting(number=1)
    response = client.post(reverse("meetings:meeting-create", args=[series.pk]), _meeting_data(new, version=""))
    meeting = Meeting.objects.get(series=series)
    assert response["Location"] == meeting.get_absolute_url()
    assert meeting.local_start == datetime.datetime(2024, 1, 23, 10, tzinfo=zoneinfo.ZoneInfo("Asia/Tashkent"))


def test_stale_meeting_edit_is_refused_and_the_typed_text_shown(client, secretariat):
    meeting = MeetingFactory(title="Original")
    client.force_login(secretariat)
    url = reverse("meetings:meeting-edit", args=[meeting.pk])
    assert client.post(url, _meeting_data(meeting, title="First save")).status_code == 302
    response = client.post(url, _meeting_data(meeting, title="Second save", version=1))
    assert response.status_code == 200
    assert any("NOT saved" in message for message in _messages(response))
    assert 'value="Second save"' in response.content.decode()
    meeting.refresh_from_db()
    assert meeting.title == "First save"
    # Having seen the conflict, saving again is deliberate and succeeds.
    assert response.context["form"]["version"].value() == "2"


# The agenda


def test_agenda_builder_add_edit_move_remove(client, secretariat):
    meeting = MeetingFactory()
    presenter = ContactFactory(name="Dilnoza Presenter")
    topic = TopicFactory(name="Social media recruitment")
    client.force_login(secretariat)
    url = reverse("meetings:meeting-agenda", args=[meeting.pk])
    for version, title in enumerate(["Opening", "Situation overview", "Plans"], start=1):
        response = client.post(
            url,
            {
                "title": title,
                "planned_minutes": 20,
                "presenter": presenter.pk,
                "topics": [topic.pk],
                "version": version,
            },
        )
        assert response.status_code == 302, response.context and response.context["form"].errors
    plans = meeting.agenda_items.get(title="Plans")
    assert list(plans.topics.all()) == [topic]
    response = client.post(
        reverse("meetings:agenda-item-move", args=[plans.pk]), {"direction": "up", "version": 4}, follow=True
    )
    assert any("Moved “Plans” up" in message for message in _messages(response))
    content = response.content.decode()
    content = content[content.index('id="agenda-items"') :]
    assert content.index("Opening") < content.index("Plans") < content.index("Situation overview")
    assert "Planned total time: <strong>60 minutes" in content
    opening = meeting.agenda_items.get(title="Opening")
    response = client.post(
        reverse("meetings:agenda-item-edit", args=[opening.pk]),
        {
            "title": "Opening remarks",
            "planned_minutes": 10,
            "lead_organization": presenter.organization_id,
            "version": 5,
        },
    )
    assert response.status_code == 302
    response = client.post(reverse("meetings:agenda-item-delete", args=[opening.pk]), {"version": 6}, follow=True)
    assert any("Removed “Opening remarks”" in message for message in _messages(response))
    assert list(meeting.agenda_items.order_by("position").values_list("position", "title")) == [
        (1, "Plans"),
        (2, "Situation overview"),
    ]
    assert Meeting.objects.get(pk=meeting.pk).version == 7


def test_agenda_item_edit_conflict_keeps_the_users_text(client, secretariat):
    meeting = MeetingFactory()
    item = AgendaItemFactory(meeting=meeting, title="Original")
    client.force_login(secretariat)
    url = reverse("meetings:agenda-item-edit", args=[item.pk])
    assert client.post(url, {"title": "Saved by Aziza", "version": 1}).status_code == 302
    response = client.post(url, {"title": "Typed by Bekzod", "description": "Long text", "version": 1})
    assert response.status_code == 200
    assert any("NOT saved" in message for message in _messages(response))
    content = response.content.decode()
    assert 'value="Typed by Bekzod"' in content and "Long text" in content
    item.refresh_from_db()
    assert item.title == "Saved by Aziza"


def test_stale_move_is_refused(client, secretariat):
    meeting = MeetingFactory(version=3)
    first, second = AgendaItemFactory(meeting=meeting, position=1), AgendaItemFactory(meeting=meeting, position=2)
    client.force_login(secretariat)
    response = client.post(
        reverse("meetings:agenda-item-move", args=[second.pk]), {"direction": "up", "version": 2}, follow=True
    )
    assert any("changed by someone else" in message for message in _messages(response))
    assert list(meeting.agenda_items.order_by("position")) == [first, second]


def test_bad_agenda_input_gives_field_errors(client, secretariat):
    meeting = MeetingFactory()
    client.force_login(secretariat)
    response = client.post(
        reverse("meetings:meeting-agenda", args=[meeting.pk]), {"title": "", "planned_minutes": -5, "version": 1}
    )
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"title", "planned_minutes"}


# Participation register


def test_participation_register_invites_names_and_marks_attendance(client, secretariat):
    series = MeetingSeriesFactory()
    members = OrganizationFactory.create_batch(2)
    series.members.set(members)
    guest = OrganizationFactory(name="Guest embassy")
    meeting = MeetingFactory(series=series)
    client.force_login(secretariat)
    url = reverse("meetings:meeting-participants", args=[meeting.pk])
    client.post(reverse("meetings:meeting-invite", args=[meeting.pk]), {"all_members": "1"})
    client.post(reverse("meetings:meeting-invite", args=[meeting.pk]), {"organizations": [guest.pk]})
    contact = ContactFactory(organization=members[0], name="Chair Person")
    response = client.post(
        reverse("meetings:meeting-add-participant", args=[meeting.pk]),
        {"contact": contact.pk, "role": "chair", "only_this_person": "on"},
    )
    assert response.status_code == 302
    assert meeting.participations.count() == 3  # the organisation's invitation became the person's
    rows = list(meeting.participations.order_by("organization__name", "contact__name", "id"))
    data = {
        "participants-TOTAL_FORMS": 3,
        "participants-INITIAL_FORMS": 3,
        "participants-MIN_NUM_FORMS": 0,
        "participants-MAX_NUM_FORMS": 1000,
    }
    statuses = ["attended", "excused", "absent"]
    for index, (row, status) in enumerate(zip(rows, statuses, strict=True)):
        data.update(
            {
                f"participants-{index}-id": row.pk,
                f"participants-{index}-version": row.version,
                f"participants-{index}-role": row.role,
                f"participants-{index}-status": status,
                f"initial-participants-{index}-role": row.role,
                f"initial-participants-{index}-status": row.status,
            }
        )
    response = client.post(url, data, follow=True)
    assert any("register has been saved" in message for message in _messages(response))
    assert [Participation.objects.get(pk=row.pk).status for row in rows] == statuses
    rollup = {row["organization"].name: row["attended"] for row in response.context["rollup"]}
    assert rollup == {
        rows[0].organization.name: True,
        rows[1].organization.name: False,
        rows[2].organization.name: False,
    }
    # A bad status is a field error, nothing saved.
    data["participants-0-status"] = "asleep"
    response = client.post(url, data)
    assert response.status_code == 200 and "status" in response.context["formset"].forms[0].errors


# Minutes


def _minutes_data(meeting, items, summary, version):
    data = {
        "minutes_summary": summary,
        "version": version,
        "items-TOTAL_FORMS": len(items),
        "items-INITIAL_FORMS": len(items),
        "items-MIN_NUM_FORMS": 0,
        "items-MAX_NUM_FORMS": 1000,
    }
    for index, (item, text) in enumerate(items):
        data.update(
            {
                f"items-{index}-id": item.pk,
                f"items-{index}-discussion_summary": text,
                f"items-{index}-outcome": "decision",
            }
        )
    return data


def test_write_minutes_publish_and_reopen(client, secretariat, participant):
    meeting = MeetingFactory()
    item = AgendaItemFactory(meeting=meeting)
    client.force_login(secretariat)
    url = reverse("meetings:meeting-minutes-edit", args=[meeting.pk])
    response = client.post(url, _minutes_data(meeting, [(item, "Partners agreed")], "A good meeting", 1))
    assert response.status_code == 302
    item.refresh_from_db()
    assert (item.discussion_summary, item.outcome) == ("Partners agreed", "decision")

    client.force_login(participant)
    assert "A good meeting" not in client.get(meeting.get_absolute_url()).content.decode()
    client.force_login(secretariat)
    response = confirm_send(client, reverse("meetings:meeting-minutes-publish", args=[meeting.pk]))
    response = client.get(response["Location"])
    assert any("minutes are published" in message for message in _messages(response))
    meeting.refresh_from_db()
    assert meeting.minutes_status == MinutesStatus.PUBLISHED and meeting.minutes_published_by == secretariat
    client.force_login(participant)
    content = client.get(meeting.get_absolute_url()).content.decode()
    assert "A good meeting" in content and "Partners agreed" in content
    client.force_login(secretariat)
    response = client.post(url, _minutes_data(meeting, [(item, "Changed")], "Changed", meeting.version), follow=True)
    assert any("reopen them" in message for message in _messages(response))
    client.post(reverse("meetings:meeting-minutes-reopen", args=[meeting.pk]), {"reason": "Correct the summary"})
    meeting.refresh_from_db()
    assert meeting.minutes_status == MinutesStatus.DRAFT


def test_minutes_conflict_refuses_the_second_save(client, secretariat):
    meeting = MeetingFactory(minutes_summary="")
    item = AgendaItemFactory(meeting=meeting)
    client.force_login(secretariat)
    url = reverse("meetings:meeting-minutes-edit", args=[meeting.pk])
    assert client.post(url, _minutes_data(meeting, [(item, "First")], "First summary", 1)).status_code == 302
    response = client.post(url, _minutes_data(meeting, [(item, "Second")], "Second summary", 1))
    assert response.status_code == 200
    assert any("NOT saved" in message for message in _messages(response))
    assert "Second summary" in response.content.decode()
    meeting.refresh_from_db()
    assert meeting.minutes_summary == "First summary"


def test_statements_decisions_and_actions(client, secretariat):
    meeting = MeetingFactory()
    speaker = ContactFactory(name="Speaker One")
    client.force_login(secretariat)
    response = client.post(
        reverse("meetings:statement-create", args=[meeting.pk]), {"speaker": speaker.pk, "summary": "We must act"}
    )
    assert response.status_code == 302
    statement = meeting.statements.get()
    assert statement.organization == speaker.organization
    assert (
        client.post(reverse("meetings:decision-create", args=[meeting.pk]), {"text": "Adopt the plan"}).status_code
        == 302
    )
    data = {
        "title": "Send the report",
        "responsible_organization": speaker.organization_id,
        "owner": speaker.pk,
        "due_on": (meeting.local_start.date() - datetime.timedelta(days=1)).isoformat(),
    }
    response = client.post(reverse("meetings:action-create", args=[meeting.pk]), data)
    assert response.status_code == 200
    assert "before the meeting" in " ".join(response.context["form"].errors["due_on"])
    data["owner"] = ContactFactory().pk
    data["due_on"] = (meeting.local_start.date() + datetime.timedelta(days=30)).isoformat()
    response = client.post(reverse("meetings:action-create", args=[meeting.pk]), data)
    assert "owner" in response.context["form"].errors
    data["owner"] = speaker.pk
    assert client.post(reverse("meetings:action-create", args=[meeting.pk]), data).status_code == 302
    content = client.get(reverse("meetings:meeting-minutes-edit", args=[meeting.pk])).content.decode()
    assert "We must act" in content and "Adopt the plan" in content and "Send the report" in content
    client.post(reverse("meetings:statement-delete", args=[statement.pk]))
    assert not meeting.statements.exists()


# Follow-up action updates


def test_action_status_update_permissions(client, participant, other_participant, organization, secretariat):
    own = ActionItemFactory(responsible_organization=organization)
    foreign = ActionItemFactory()
    data = {"status": "in_progress", "noted_on": datetime.date.today().isoformat(), "note": "Started", "version": 1}
    client.force_login(participant)
    assert "Record progress" in client.get(own.get_absolute_url()).content.decode()
    assert "Record progress" not in client.get(foreign.get_absolute_url()).content.decode()
    response = client.post(reverse("meetings:action-update", args=[own.pk]), data, follow=True)
    assert any("is now in progress" in message for message in _messages(response))
    assert "Started" in response.content.decode()
    assert client.post(reverse("meetings:action-update", args=[foreign.pk]), data).status_code == 403
    assert client.get(reverse("meetings:action-update", args=[own.pk])).status_code == 405
    assert client.post(reverse("meetings:action-update", args=[999999]), data).status_code == 404
    client.force_login(other_participant)
    assert client.post(reverse("meetings:action-update", args=[own.pk]), {**data, "version": 2}).status_code == 403
    client.force_login(secretariat)
    response = client.post(reverse("meetings:action-update", args=[foreign.pk]), {**data, "status": "done"})
    assert response.status_code == 302
    own.refresh_from_db()
    foreign.refresh_from_db()
    assert (own.status, foreign.status) == (ActionStatus.IN_PROGRESS, ActionStatus.DONE)
    assert own.updates.get().author == participant


def test_a_units_participant_is_told_who_reports_on_the_parents_action(client):
    ministry = OrganizationFactory(name="Ministry of Internal Affairs")
    unit = OrganizationFactory(name="Anti-trafficking unit", parent=ministry)
    action = ActionItemFactory(responsible_organization=ministry, status=ActionStatus.OPEN)
    client.force_login(participant_user(organization=unit, username="unit"))
    page = client.get(action.get_absolute_url()).content.decode()
    assert "Record progress" not in page
    assert (
        '<p class="mt-4 text-muted" id="update-refusal">This action belongs to Ministry of Internal Affairs; '
        "its contacts report progress on it.</p>" in page
    )


def test_who_may_update_an_action_sees_the_form_and_no_refusal(client, participant, organization):
    client.force_login(participant)
    page = client.get(ActionItemFactory(responsible_organization=organization).get_absolute_url()).content.decode()
    assert "Record progress" in page and "update-refusal" not in page


def test_only_the_secretariat_drops_an_action_or_reopens_a_closed_one(client, participant, organization, secretariat):
    action = ActionItemFactory(responsible_organization=organization)
    url = reverse("meetings:action-update", args=[action.pk])
    today = datetime.date.today().isoformat()
    client.force_login(participant)
    page = client.get(action.get_absolute_url()).text
    assert 'value="dropped"' not in page and 'value="done"' in page  # progress and completion, not dropping
    response = client.post(url, {"status": "dropped", "noted_on": today, "version": 1})
    assert response.status_code == 200 and "status" in response.context["form"].errors
    assert (
        client.post(url, {"status": "done", "noted_on": today, "note": "Report sent", "version": 1}).status_code == 302
    )
    response = client.post(url, {"status": "open", "noted_on": today, "version": 2})
    assert response.status_code == 200 and "status" in response.context["form"].errors  # reopening is not theirs
    action.refresh_from_db()
    assert action.status == ActionStatus.DONE
    client.force_login(secretariat)
    assert client.post(url, {"status": "open", "noted_on": today, "version": 2}).status_code == 302
    page = client.get(action.get_absolute_url()).text
    assert f"(by {participant.get_full_name() or participant.username})" in page  # who wrote each entry


def test_action_update_bad_input_and_conflict(client, participant, organization):
    action = ActionItemFactory(responsible_organization=organization)
    client.force_login(participant)
    url = reverse("meetings:action-update", args=[action.pk])
    tomorrow = (datetime.date.today() + datetime.timedelta(days=2)).isoformat()
    response = client.post(url, {"status": "done", "noted_on": tomorrow, "version": 1})
    assert response.status_code == 200 and "noted_on" in response.context["form"].errors
    response = client.post(url, {"status": "finished", "noted_on": "", "version": 1})
    assert set(response.context["form"].errors) == {"status", "noted_on"}
    today = datetime.date.today().isoformat()
    assert client.post(url, {"status": "in_progress", "noted_on": today, "version": 1}).status_code == 302
    response = client.post(url, {"status": "done", "noted_on": today, "note": "My stale note", "version": 1})
    assert response.status_code == 200 and "My stale note" in response.content.decode()
    action.refresh_from_db()
    assert action.status == ActionStatus.IN_PROGRESS


# History


def test_history_shows_who_changed_what(client, secretariat, participant):
    meeting = MeetingFactory(title="Before")
    item = AgendaItemFactory(meeting=meeting, title="Item")
    client.force_login(secretariat)
    client.post(
        reverse("meetings:meeting-edit", args=[meeting.pk]), _meeting_data(meeting, title="After", status="held")
    )
    client.post(reverse("meetings:agenda-item-edit", args=[item.pk]), {"title": "Item renamed", "version": 2})
    confirm_send(client, reverse("meetings:meeting-minutes-publish", args=[meeting.pk]))
    response = client.get(reverse("meetings:meeting-history", args=[meeting.pk]))
    content = response.content.decode()
    assert "Before → After" in content
    assert "Item → Item renamed" in content
    assert "Draft → Published" in content
    assert secretariat.username in content
    client.force_login(participant)
    assert client.get(reverse("meetings:meeting-history", args=[meeting.pk])).status_code == 403


# Query counts


def _populate(meeting, rows):
    for position in range(1, rows + 1):
        contact = ContactFactory()
        item = AgendaItemFactory(
            meeting=meeting, position=position, presenter=contact, lead_organization=contact.organization
        )
        ParticipationFactory(meeting=meeting, organization=contact.organization, contact=contact)
        StatementFactory(meeting=meeting, agenda_item=item, speaker=contact)
        DecisionFactory(meeting=meeting, agenda_item=item)
        ActionItemFactory(
            meeting=meeting, agenda_item=item, responsible_organization=contact.organization, owner=contact
        )
    item.title = "Renamed"
    item.save()
    AgendaItem.objects.filter(meeting=meeting).first().delete()


@pytest.mark.parametrize("rows", [3, 30])
def test_secretariat_pages_query_count_does_not_grow(client, secretariat, django_assert_max_num_queries, rows):
    meeting = MeetingFactory()
    _populate(meeting, rows)
    meeting.series.members.set(OrganizationFactory.create_batch(rows))
    client.force_login(secretariat)
    bounds = {
        "meetings:meeting-edit": 7,
        "meetings:meeting-agenda": 12,  # with the actions carried to the review of follow-up actions
        # the replies (mark the expected as attended) and the walk-in form's organisations
        "meetings:meeting-participants": 13,
        "meetings:meeting-minutes-edit": 13,  # with the review of follow-up actions and its carried actions
        "meetings:meeting-history": 15,
    }
    for name, bound in bounds.items():
        with django_assert_max_num_queries(bound):
            assert client.get(reverse(name, args=[meeting.pk])).status_code == 200, name
    action = meeting.action_items.first()
    for url in (
        reverse("meetings:agenda-item-edit", args=[meeting.agenda_items.first().pk]),
        reverse("meetings:action-edit", args=[action.pk]),
        reverse("meetings:statement-create", args=[meeting.pk]),
        action.get_absolute_url(),
        meeting.series.get_absolute_url(),
        meeting.get_absolute_url(),
    ):
        # 19: the meeting page also reads who was e-mailed, the series' latest held meeting (its next step) and
        # the actions carried to the review of follow-up actions.
        with django_assert_max_num_queries(19):
            assert client.get(url).status_code == 200, url


@pytest.mark.parametrize("rows", [3, 30])
def test_saving_the_register_does_not_query_per_row(client, secretariat, django_assert_max_num_queries, rows):
    meeting = MeetingFactory()
    participations = [ParticipationFactory(meeting=meeting) for _ in range(rows)]
    data = {
        "participants-TOTAL_FORMS": rows,
        "participants-INITIAL_FORMS": rows,
        "participants-MIN_NUM_FORMS": 0,
        "participants-MAX_NUM_FORMS": 1000,
    }
    for index, participation in enumerate(participations):
        data.update(
            {
                f"participants-{index}-id": participation.pk,
                f"participants-{index}-version": participation.version,
                f"participants-{index}-role": "participant",
                f"participants-{index}-status": "invited",
                f"initial-participants-{index}-role": participation.role,
                f"initial-participants-{index}-status": participation.status,
            }
        )
    client.force_login(secretariat)
    with django_assert_max_num_queries(12):
        response = client.post(reverse("meetings:meeting-participants", args=[meeting.pk]), data)
    assert response.status_code == 302
    data["participants-0-id"] = ParticipationFactory().pk  # another meeting's row
    response = client.post(reverse("meetings:meeting-participants", args=[meeting.pk]), data)
    assert response.status_code == 200 and "id" in response.context["formset"].forms[0].errors


def test_stale_statement_and_decision_edits_are_refused_and_the_text_kept(client, secretariat):
    meeting = MeetingFactory()
    statement = StatementFactory(meeting=meeting, summary="Shelters are full.")
    decision = DecisionFactory(meeting=meeting, text="Open two shelters.")
    client.force_login(secretariat)
    for url, field, data in [
        (
            reverse("meetings:statement-edit", args=[statement.pk]),
            "summary",
            {"speaker": statement.speaker.pk, "organization": "", "agenda_item": ""},
        ),
        (reverse("meetings:decision-edit", args=[decision.pk]), "text", {"agenda_item": ""}),
    ]:
        loaded = client.get(url).context["form"]["version"].value()
        assert client.post(url, {**data, field: "First edit.", "version": loaded}).status_code == 302
        response = client.post(url, {**data, field: "Second edit.", "version": loaded})
        assert response.status_code == 200
        assert "your changes were NOT saved" in response.content.decode()
        assert response.context["form"][field].value() == "Second edit."
    statement.refresh_from_db()
    decision.refresh_from_db()
    assert (statement.summary, statement.version) == ("First edit.", 2)
    assert (decision.text, decision.version) == ("First edit.", 2)
