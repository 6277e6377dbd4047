"""The minutes editor: one card per agenda item, its text saved card by card against the item's version (autosave),
and its statements, decisions and follow-up actions added, edited and removed in place (htmx partials), with the
same views answering plain full-page POSTs when JavaScript is off."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from common.edit_conflicts import their_values
from meetings import services
from meetings.forms import ItemMinutesForm
from meetings.models import ActionItem, AgendaItem, Decision, MinutesStatus, Statement
from tests.meetings.factories import (
    ActionItemFactory,
    ActionUpdateFactory,
    AgendaItemFactory,
    DecisionFactory,
    MeetingFactory,
    StatementFactory,
)
from tests.stakeholders.factories import ContactFactory

pytestmark = pytest.mark.django_db
HX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def meeting():
    return MeetingFactory()


@pytest.fixture
def item(meeting):
    return AgendaItemFactory(meeting=meeting, title="Trends in recruitment", discussion_summary="First draft")


def _text(item, summary, version=None, **extra):
    prefix = f"item-{item.pk}"
    data = {
        f"{prefix}-discussion_summary": summary,
        f"{prefix}-outcome": "information",
        f"{prefix}-discussion_summary_ru": "",
        f"{prefix}-discussion_summary_uz": "",
        f"{prefix}-version": item.version if version is None else version,
    }
    return {**data, **extra}


def _item_url(item):
    return reverse("meetings:meeting-item-minutes", args=[item.meeting_id, item.pk])


def test_each_agenda_item_is_a_card_holding_its_own_entries(client, secretariat, meeting, item):
    other = AgendaItemFactory(meeting=meeting, title="Airport trainings")
    StatementFactory(meeting=meeting, agenda_item=item, summary="Recruitment moved online")
    DecisionFactory(meeting=meeting, agenda_item=other, text="Train the airport staff")
    action = ActionItemFactory(meeting=meeting, agenda_item=other, title="Send the training plan")
    client.force_login(secretariat)
    content = client.get(reverse("meetings:meeting-minutes-edit", args=[meeting.pk])).content.decode()
    first, second = content.index(f'id="item-{item.pk}"'), content.index(f'id="item-{other.pk}"')
    assert first < content.index("Recruitment moved online") < second < content.index("Train the airport staff")
    assert content.index(action.title) > second
    assert f'action="{_item_url(item)}"' in content  # a real form: works without JavaScript
    assert "vendor/htmx/htmx.min.js" in content and "js/minutes_editor.js" in content


def test_the_editor_runs_the_same_queries_for_two_items_or_twelve(
    client, secretariat, meeting, django_assert_max_num_queries
):
    def add_items(count):
        for _ in range(count):
            agenda_item = AgendaItemFactory(meeting=meeting)
            StatementFactory(meeting=meeting, agenda_item=agenda_item)
            DecisionFactory(meeting=meeting, agenda_item=agenda_item)
            ActionItemFactory(meeting=meeting, agenda_item=agenda_item)

    client.force_login(secretariat)
    url = reverse("meetings:meeting-minutes-edit", args=[meeting.pk])
    add_items(2)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    add_items(10)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(url)
    assert response.content.decode().count("minutes-card") >= 12


def test_a_card_saves_in_place_and_hands_back_the_new_version(client, secretariat, item):
    client.force_login(secretariat)
    response = client.post(_item_url(item), _text(item, "Partners described new routes"), **HX)
    assert response.status_code == 200 and response["X-Minutes-Saved"] == "1"
    body = response.content.decode()
    item.refresh_from_db()
    assert item.discussion_summary == "Partners described new routes" and item.version == 2
    assert "Saved at" in body and f'id="id_item-{item.pk}-version" value="2" hx-swap-oob="true"' in body


def test_without_javascript_a_card_saves_with_a_full_post_and_returns_to_the_card(client, secretariat, item):
    client.force_login(secretariat)
    response = client.post(_item_url(item), _text(item, "Saved without JavaScript"))
    assert response.status_code == 302 and response.url.endswith(f"#item-{item.pk}")
    item.refresh_from_db()
    assert item.discussion_summary == "Saved without JavaScript"
    assert client.get(_item_url(item)).url.endswith(f"#item-{item.pk}")


def test_someone_elses_save_is_shown_as_a_conflict_and_never_overwritten(client, secretariat, item):
    client.force_login(secretariat)
    stale = item.version
    services.save_item_minutes(item=item, expected_version=stale, texts={"discussion_summary": "Their text"})
    response = client.post(_item_url(item), _text(item, "My text", version=stale), **HX)
    body = response.content.decode()
    assert "Not saved: someone else changed this" in body and "Their text" in body
    assert "X-Minutes-Saved" not in response
    assert f'name="keep_mine" value="{stale + 1}"' in body
    item.refresh_from_db()
    assert item.discussion_summary == "Their text"

    # "Keep my version": the user has seen theirs and chooses to replace it.
    client.post(_item_url(item), _text(item, "My text", version=stale, keep_mine=str(stale + 1)), **HX)
    item.refresh_from_db()
    assert item.discussion_summary == "My text"


def test_without_javascript_a_conflict_shows_both_texts_on_the_editor(client, secretariat, item):
    client.force_login(secretariat)
    stale = item.version
    services.save_item_minutes(item=item, expected_version=stale, texts={"discussion_summary": "Their text"})
    response = client.post(_item_url(item), _text(item, "My own words", version=stale))
    body = response.content.decode()
    assert response.status_code == 200 and "your changes were NOT saved" in body
    assert "My own words" in body and "Their text" in body
    item.refresh_from_db()
    assert item.discussion_summary == "Their text"


def test_a_bad_outcome_is_a_field_error_and_keeps_the_text(client, secretariat, item):
    client.force_login(secretariat)
    data = _text(item, "Kept text", **{f"item-{item.pk}-outcome": "nonsense"})
    response = client.post(_item_url(item), data, **HX)
    assert response.status_code == 200 and "Not saved:" in response.content.decode()
    response = client.post(_item_url(item), data)
    assert response.status_code == 200 and "Kept text" in response.content.decode()
    item.refresh_from_db()
    assert item.discussion_summary == "First draft"


def test_published_minutes_are_not_changed_by_a_card(client, secretariat):
    meeting = MeetingFactory(published=True)
    item = AgendaItemFactory(meeting=meeting, discussion_summary="Published text")
    client.force_login(secretariat)
    response = client.post(_item_url(item), _text(item, "Changed"), **HX)
    assert "Not saved:" in response.content.decode()
    item.refresh_from_db()
    assert item.discussion_summary == "Published text"


def test_an_item_of_another_meeting_is_404(client, secretariat, item):
    client.force_login(secretariat)
    url = reverse("meetings:meeting-item-minutes", args=[MeetingFactory().pk, item.pk])
    assert client.post(url, _text(item, "x"), **HX).status_code == 404


@pytest.mark.parametrize("headers", [{}, HX])
def test_participants_cannot_use_the_editor_parts(client, participant, item, headers):
    statement = StatementFactory(meeting=item.meeting, agenda_item=item)
    client.force_login(participant)
    urls = [
        _item_url(item),
        reverse("meetings:statement-create", args=[item.meeting_id]) + f"?item={item.pk}",
        reverse("meetings:statement-edit", args=[statement.pk]),
        reverse("meetings:statement-delete", args=[statement.pk]),
        reverse("meetings:action-delete", args=[ActionItemFactory(meeting=item.meeting).pk]),
    ]
    for url in urls:
        assert client.post(url, _text(item, "x"), **headers).status_code == 403
    item.refresh_from_db()
    assert item.discussion_summary == "First draft" and Statement.objects.filter(pk=statement.pk).exists()


def test_the_summary_card_saves_in_place_and_publish_saves_first(client, secretariat, meeting):
    client.force_login(secretariat)
    url = reverse("meetings:meeting-minutes-edit", args=[meeting.pk])
    data = {"minutes_summary": "The summary", "version": meeting.version}
    response = client.post(url, data, **HX)
    assert response["X-Minutes-Saved"] == "1" and 'id="id_version"' in response.content.decode()
    meeting.refresh_from_db()
    response = client.post(url, {**data, "minutes_summary": "Final", "version": meeting.version, "publish": "1"}, **HX)
    assert response["HX-Redirect"] == reverse("meetings:meeting-minutes-publish", args=[meeting.pk])
    meeting.refresh_from_db()
    assert meeting.minutes_summary == "Final" and meeting.minutes_status == MinutesStatus.DRAFT


def test_a_statement_is_added_in_its_card(client, secretariat, item):
    speaker = ContactFactory()
    client.force_login(secretariat)
    url = reverse("meetings:statement-create", args=[item.meeting_id]) + f"?item={item.pk}"
    form = client.get(url, **HX).content.decode()
    assert f'name="new-statement-{item.pk}-agenda_item"' in form and 'type="hidden"' in form
    assert "<html" not in form  # a partial, not a page
    prefix = f"new-statement-{item.pk}"
    data = {f"{prefix}-speaker": speaker.pk, f"{prefix}-summary": "We need shelters", f"{prefix}-agenda_item": item.pk}
    response = client.post(url, data, **HX)
    body = response.content.decode()
    assert f'hx-swap-oob="beforeend:#item-{item.pk}-statement-rows"' in body and "We need shelters" in body
    statement = Statement.objects.get()
    assert statement.agenda_item == item and statement.organization == speaker.organization


def test_a_bad_statement_comes_back_with_its_errors_and_text(client, secretariat, item):
    client.force_login(secretariat)
    url = reverse("meetings:statement-create", args=[item.meeting_id]) + f"?item={item.pk}"
    prefix = f"new-statement-{item.pk}"
    response = client.post(url, {f"{prefix}-summary": "No speaker given"}, **HX)
    body = response.content.decode()
    assert response.status_code == 200 and "No speaker given" in body and "is-invalid" in body
    assert not Statement.objects.exists()


def test_without_javascript_an_entry_added_from_a_card_returns_to_that_card(client, secretariat, item):
    client.force_login(secretariat)
    url = reverse("meetings:decision-create", args=[item.meeting_id]) + f"?item={item.pk}"
    page = client.get(url).content.decode()
    assert "<html" in page and f'<option value="{item.pk}" selected' in page
    response = client.post(url, {"text": "Adopt the plan", "agenda_item": item.pk})
    assert response.status_code == 302 and response.url.endswith(f"#item-{item.pk}")
    assert Decision.objects.get().agenda_item == item


def test_an_entry_is_edited_in_place_and_cancel_gives_the_row_back(client, secretariat, item):
    decision = DecisionFactory(meeting=item.meeting, agenda_item=item, text="Old wording")
    client.force_login(secretariat)
    url = reverse("meetings:decision-edit", args=[decision.pk])
    form = client.get(url, **HX).content.decode()
    assert f'<li class="list-group-item" id="decision-{decision.pk}">' in form and "<form" in form
    row = client.get(url + "?row=1", **HX).content.decode()
    assert "<form method" in row and "Old wording" in row and 'hx-get="' + url in row
    assert client.get(reverse("meetings:decision-create", args=[item.meeting_id]) + "?cancel=1", **HX).content == b""
    data = {f"decision-{decision.pk}-text": "New wording", f"decision-{decision.pk}-version": decision.version}
    response = client.post(url, {**data, f"decision-{decision.pk}-agenda_item": item.pk}, **HX)
    assert "New wording" in response.content.decode() and "hx-swap-oob" not in response.content.decode()
    decision.refresh_from_db()
    assert decision.text == "New wording"


def test_an_entry_changed_by_someone_else_shows_their_version(client, secretariat, item):
    decision = DecisionFactory(meeting=item.meeting, agenda_item=item, text="Original")
    stale = decision.version
    decision.text = "Their wording"
    services.save_decision(decision=decision, expected_version=stale)
    client.force_login(secretariat)
    data = {f"decision-{decision.pk}-text": "My wording", f"decision-{decision.pk}-version": stale}
    response = client.post(reverse("meetings:decision-edit", args=[decision.pk]), data, **HX)
    body = response.content.decode()
    assert "NOT saved" in body and "Their wording" in body and "My wording" in body
    decision.refresh_from_db()
    assert decision.text == "Their wording"


def test_entries_are_removed_in_place(client, secretariat, item):
    statement = StatementFactory(meeting=item.meeting, agenda_item=item)
    action = ActionItemFactory(meeting=item.meeting, agenda_item=item)
    client.force_login(secretariat)
    assert client.post(reverse("meetings:statement-delete", args=[statement.pk]), **HX).content == b""
    response = client.post(reverse("meetings:action-delete", args=[action.pk]))
    assert response.status_code == 302 and response.url.endswith(f"#item-{item.pk}")
    assert not Statement.objects.exists() and not ActionItem.objects.exists()


def test_an_action_with_progress_is_kept(client, secretariat, item):
    action = ActionItemFactory(meeting=item.meeting, agenda_item=item)
    ActionUpdateFactory(action=action)
    client.force_login(secretariat)
    response = client.post(reverse("meetings:action-delete", args=[action.pk]), **HX)
    assert "drop it instead" in response.content.decode()
    assert ActionItem.objects.filter(pk=action.pk).exists()


def test_saving_every_card_at_once_moves_the_item_versions(secretariat, meeting, item):
    services.save_minutes(
        meeting=meeting, minutes_summary="", item_minutes={item.pk: ("Changed", "")}, expected_version=meeting.version
    )
    assert AgendaItem.objects.get(pk=item.pk).version == item.version + 1


def test_their_values_lists_only_what_differs(item):
    form = ItemMinutesForm(_text(item, "Mine"), instance=AgendaItem.objects.get(pk=item.pk))
    form.is_valid()
    current = AgendaItem.objects.get(pk=item.pk)
    current.outcome = "information"
    assert [(value.name, value.theirs, value.yours) for value in their_values(form, current)] == [
        ("discussion_summary", "First draft", "Mine")
    ]


def test_saving_the_same_text_again_is_not_a_conflict(item):
    """Saving the same text again (autosave on blur after a debounced save) neither conflicts nor adds history."""
    services.save_item_minutes(item=item, expected_version=item.version, texts={"discussion_summary": "Same"})
    history = item.history.count()
    services.save_item_minutes(item=item, expected_version=1, texts={"discussion_summary": "Same"})
    assert item.history.count() == history


def test_an_entry_moved_to_another_item_leaves_its_card_for_the_other(client, secretariat, meeting, item):
    other = AgendaItemFactory(meeting=meeting)
    decision = DecisionFactory(meeting=meeting, agenda_item=item, text="Moved")
    client.force_login(secretariat)
    prefix = f"decision-{decision.pk}"
    data = {f"{prefix}-text": "Moved", f"{prefix}-agenda_item": other.pk, f"{prefix}-version": decision.version}
    body = client.post(reverse("meetings:decision-edit", args=[decision.pk]), data, **HX).content.decode()
    assert body.strip().startswith(f'<ul hx-swap-oob="beforeend:#item-{other.pk}-decision-rows">')


def test_the_cards_speak_the_readers_language_and_word_their_blank_choices(client, secretariat, meeting, item):
    item.title_ru = "Положение дел"
    item.save()
    client.force_login(secretariat)
    client.cookies["django_language"] = "ru"
    content = client.get(reverse("meetings:meeting-minutes-edit", args=[meeting.pk])).content.decode()
    assert f"{item.position}. Положение дел" in content
    assert "---------" not in content


# At the speed of a note-taker: defaults from the item, one line and Enter, the next form open.


@pytest.fixture
def presented(meeting):
    """An item presented by a contact of its lead organisation."""
    presenter = ContactFactory(name="Gulnora Karimova")
    return AgendaItemFactory(meeting=meeting, presenter=presenter, lead_organization=presenter.organization)


def _selected(html: str, name: str) -> list[str]:
    select = re.search(rf'<select name="{name}".*?</select>', html, re.S).group(0)
    return re.findall(r'<option value="(\d+)" selected', select)


def test_a_new_statements_speaker_is_the_items_presenter_and_can_be_changed(client, secretariat, presented):
    client.force_login(secretariat)
    url = reverse("meetings:statement-create", args=[presented.meeting_id]) + f"?item={presented.pk}"
    prefix = f"new-statement-{presented.pk}"
    in_place = client.get(url, **HX).content.decode()
    assert _selected(in_place, f"{prefix}-speaker") == [str(presented.presenter_id)]
    page = client.get(url).content.decode()  # the form's own page, without JavaScript
    assert _selected(page, "speaker") == [str(presented.presenter_id)]
    other = ContactFactory(name="Bakhtiyor Rashidov")
    data = {
        f"{prefix}-speaker": other.pk,
        f"{prefix}-summary": "Shelters are full",
        f"{prefix}-agenda_item": presented.pk,
    }
    client.post(url, data, **HX)
    assert Statement.objects.get().speaker == other


def test_without_a_presenter_or_with_an_inactive_one_the_speaker_is_left_to_choose(client, secretariat, presented):
    presented.presenter.is_active = False
    presented.presenter.save()
    client.force_login(secretariat)
    url = reverse("meetings:statement-create", args=[presented.meeting_id]) + f"?item={presented.pk}"
    assert _selected(client.get(url, **HX).content.decode(), f"new-statement-{presented.pk}-speaker") == []


def test_a_new_action_goes_to_the_items_lead_organisation_until_changed(client, secretariat, presented):
    client.force_login(secretariat)
    url = reverse("meetings:action-create", args=[presented.meeting_id]) + f"?item={presented.pk}"
    prefix = f"new-action-{presented.pk}"
    form = client.get(url, **HX).content.decode()
    assert _selected(form, f"{prefix}-responsible_organization") == [str(presented.lead_organization_id)]
    assert f'name="{prefix}-title"' in form and f'name="{prefix}-due_on"' in form


def test_an_entry_added_in_place_brings_an_empty_focused_form_for_the_next(client, secretariat, presented):
    client.force_login(secretariat)
    url = reverse("meetings:decision-create", args=[presented.meeting_id]) + f"?item={presented.pk}"
    prefix = f"new-decision-{presented.pk}"
    form = client.get(url, **HX).content.decode()
    text_input = re.search(rf'<input type="text" name="{prefix}-text"[^>]*>', form).group(0)
    assert "autofocus" in text_input  # one line: Enter in it submits the form
    data = {f"{prefix}-text": "Adopt the shelter standards", f"{prefix}-agenda_item": presented.pk}
    body = client.post(url, {**data, "in_card": "1"}, **HX).content.decode()
    assert f'hx-swap-oob="beforeend:#item-{presented.pk}-decision-rows"' in body
    assert "Adopt the shelter standards" in body
    next_input = re.search(rf'<input type="text" name="{prefix}-text"[^>]*>', body).group(0)
    assert "autofocus" in next_input and "value=" not in next_input
    assert Decision.objects.get().agenda_item == presented


def test_without_javascript_enter_saves_and_the_card_comes_back_with_the_next_form_open(client, secretariat, presented):
    client.force_login(secretariat)
    url = reverse("meetings:statement-create", args=[presented.meeting_id]) + f"?item={presented.pk}"
    prefix = f"new-statement-{presented.pk}"
    data = {
        "in_card": "1",
        f"{prefix}-speaker": presented.presenter_id,
        f"{prefix}-summary": "We need more shelters",
        f"{prefix}-agenda_item": presented.pk,
    }
    response = client.post(url, data)  # a plain POST: the form open in the card, JavaScript off
    editor = reverse("meetings:meeting-minutes-edit", args=[presented.meeting_id])
    assert response.status_code == 302
    assert response.url == f"{editor}?add=statement-{presented.pk}#item-{presented.pk}"
    assert Statement.objects.get().summary == "We need more shelters"
    page = client.get(response.url).content.decode()
    assert "We need more shelters" in page and "The statement has been saved." in page
    open_form = page[page.index(f'id="item-{presented.pk}-statement-new"') :]
    open_form = open_form[: open_form.index("</form>")]
    assert f'action="{url}"' in open_form and 'name="in_card" value="1"' in open_form
    assert re.search(rf'<input type="text" name="{prefix}-summary"[^>]*autofocus', open_form)
    assert _selected(open_form, f"{prefix}-speaker") == [str(presented.presenter_id)]
    # The next one, the same way.
    second = client.post(url, {**data, f"{prefix}-summary": "And more staff"})
    assert second.status_code == 302 and Statement.objects.count() == 2


def test_without_javascript_a_bad_entry_comes_back_open_in_its_card_with_what_was_typed(client, secretariat, presented):
    client.force_login(secretariat)
    url = reverse("meetings:decision-create", args=[presented.meeting_id]) + f"?item={presented.pk}"
    prefix = f"new-decision-{presented.pk}"
    data = {"in_card": "1", f"{prefix}-text": "", f"{prefix}-agenda_item": presented.pk}
    response = client.post(url, data)
    page = response.content.decode()
    assert response.status_code == 200 and "<html" in page and 'id="summary"' in page  # the editor
    open_form = page[page.index(f'id="item-{presented.pk}-decision-new"') :]
    assert "is-invalid" in open_form[: open_form.index("</form>")]
    assert not Decision.objects.exists()


def test_the_forms_own_page_saves_and_comes_back_to_the_card_with_the_next_form_open(client, secretariat, presented):
    client.force_login(secretariat)
    url = reverse("meetings:action-create", args=[presented.meeting_id]) + f"?item={presented.pk}"
    data = {"title": "Send the shelter list", "agenda_item": presented.pk, "responsible_organization": ""}
    data["responsible_organization"] = presented.lead_organization_id
    response = client.post(url, data)
    editor = reverse("meetings:meeting-minutes-edit", args=[presented.meeting_id])
    assert response.url == f"{editor}?add=action-{presented.pk}#item-{presented.pk}"
    assert ActionItem.objects.get().title == "Send the shelter list"


def test_the_editor_with_a_form_open_stays_within_its_query_bound(
    client, secretariat, meeting, presented, django_assert_max_num_queries
):
    client.force_login(secretariat)
    url = reverse("meetings:meeting-minutes-edit", args=[meeting.pk])
    with CaptureQueriesContext(connection) as closed:
        client.get(url)
    with django_assert_max_num_queries(len(closed.captured_queries) + 2):  # the open form's chosen speaker
        page = client.get(f"{url}?add=statement-{presented.pk}").content.decode()
    assert f'name="new-statement-{presented.pk}-summary"' in page


@pytest.mark.parametrize("on", ["", "live"])
def test_hostile_values_posted_plainly_to_a_cards_open_form_come_back_escaped(client, secretariat, presented, on):
    """The card's open form posted without JavaScript (in_card) answers with the editor's or the control's page: the
    hostile-input crawl posts each form once, through its own page, so this path is checked here."""
    from meetings.services.live import move_to_item
    from tests.test_hostile_input import MARKER, assert_normal_page

    move_to_item(meeting=presented.meeting, from_item_id=None, to_item_id=presented.pk)
    client.force_login(secretariat)
    query = f"?item={presented.pk}" + ("&on=live" if on else "")
    prefix = f"new-statement-{presented.pk}"
    data = {
        "in_card": "1",
        f"{prefix}-speaker": "99999999999999999999999",
        f"{prefix}-summary": MARKER + "\x00",
        f"{prefix}-agenda_item": "-1",
        f"{prefix}-source_url": "javascript:alert(1)",
        f"{prefix}-kind": "no-such-choice",
    }
    response = client.post(reverse("meetings:statement-create", args=[presented.meeting_id]) + query, data)
    assert_normal_page(response, "a card's open form posted plainly")
    assert response.status_code == 200 and not Statement.objects.exists()
