"""The secretariat's meeting cycle and the participant's view of it, in a real browser."""

import datetime
import re

import pytest
from playwright.sync_api import expect

from meetings.models import ActionStatus, Meeting
from tests.browser.pickers import pick
from tests.meetings.factories import ActionItemFactory, AgendaItemFactory, MeetingFactory, MeetingSeriesFactory
from tests.stakeholders.factories import ContactFactory, OrganizationFactory, participant_user, secretariat_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def platform():
    """A series with three members, its 4th meeting (a standing item) and one open follow-up action."""
    ministry = OrganizationFactory(name="Ministry of Internal Affairs", acronym="MIA")
    members = [ministry, OrganizationFactory(name="Supreme Court"), OrganizationFactory(name="Embassy of Estonia")]
    series = MeetingSeriesFactory(title="Counter-trafficking coordination platform")
    series.members.set(members)
    fourth = MeetingFactory(series=series, number=4, title="Fourth meeting")
    AgendaItemFactory(meeting=fourth, position=1, title="Opening remarks", is_standing=True, planned_minutes=10)
    AgendaItemFactory(meeting=fourth, position=2, title="Emerging trends", is_standing=False)
    ActionItemFactory(meeting=fourth, title="Share the airport training report", status=ActionStatus.OPEN)
    return {
        "series": series,
        "ministry": ministry,
        "members": members,
        "secretariat": secretariat_user(username="aziza", first_name="Aziza", last_name="Karimova"),
        "participant": participant_user(organization=ministry, username="bekzod"),
    }


def field(page, label):
    """The form field with exactly this label (crispy adds "*" to required ones; translations add "Title (Russian)")."""
    return page.get_by_label(re.compile(rf"^\s*{re.escape(label)}\*?\s*$"))


def _flash(page):
    return page.locator(".alert")


def test_prepare_the_next_meeting_and_set_its_date(login, platform):
    page = login(platform["secretariat"])
    page.goto(platform["series"].get_absolute_url())
    page.get_by_role("link", name="Prepare the next meeting").click()
    page.get_by_role("button", name="Prepare the draft meeting").click()
    expect(_flash(page).first).to_contain_text("The 5th meeting has been prepared")
    expect(_flash(page).first).to_contain_text("3 organisations invited")
    page.get_by_role("button", name="More actions").click()  # the meeting page groups the other steps
    page.get_by_role("link", name="Edit details").click()
    expect(page.get_by_role("heading", name="Edit the 5th meeting")).to_be_visible()

    field(page, "Title").fill("Fifth multi-stakeholder coordination meeting")
    field(page, "Date").fill("2030-01-23")
    field(page, "Starts at").fill("10:00")
    field(page, "Ends at").fill("09:00")
    page.get_by_role("button", name="Save the meeting").click()
    expect(page.get_by_text("The meeting must end after it starts.")).to_be_visible()

    field(page, "Ends at").fill("13:00")
    # The quarter is chosen, not typed; shown again, the select offers the quarters around the new date.
    field(page, "Reviewed quarter").select_option("2029-Q4")
    page.get_by_role("button", name="Save the meeting").click()
    expect(_flash(page).first).to_contain_text("The 5th meeting has been saved")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Fifth multi-stakeholder coordination meeting")
    expect(page.get_by_text(re.compile("Wednesday,? 23 January 2030, 10:00–13:00"))).to_be_visible()
    agenda = page.locator("#agenda").locator("xpath=..")
    expect(agenda).to_contain_text("Opening remarks")
    expect(agenda).to_contain_text("Review of follow-up actions")
    expect(agenda).not_to_contain_text("Emerging trends")


def test_build_and_reorder_the_agenda(login, platform):
    meeting = MeetingFactory(series=platform["series"], number=5)
    presenter = ContactFactory(organization=platform["ministry"], name="Dilnoza Rashidova")
    page = login(platform["secretariat"])
    page.goto(meeting.get_absolute_url())
    page.get_by_role("button", name="More actions").click()  # the meeting page groups the other steps
    page.get_by_role("link", name="Build the agenda").click()
    expect(page.get_by_text("The agenda is empty")).to_be_visible()

    for title, minutes in (("Opening", "10"), ("Situation overview", "30"), ("Plans for the next quarter", "45")):
        field(page, "Title").fill(title)
        field(page, "Planned minutes").fill(minutes)
        if title == "Situation overview":
            pick(field(page, "Presenter"), str(presenter))
        page.get_by_role("button", name="Add to the agenda").click()
        expect(_flash(page).first).to_contain_text(f"Added “{title}” to the agenda")
    expect(page.locator(".planned-total")).to_contain_text("85 minutes")

    page.get_by_role("button", name="Move “Plans for the next quarter” up").click()
    expect(_flash(page).first).to_contain_text("Moved “Plans for the next quarter” up")
    expect(page.locator(".agenda-item-title")).to_have_text(
        ["Opening", "Plans for the next quarter", "Situation overview"]
    )

    page.on("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Remove “Opening”").click()
    expect(_flash(page).first).to_contain_text("Removed “Opening”")
    expect(page.locator(".agenda-item-title")).to_have_text(["Plans for the next quarter", "Situation overview"])

    page.get_by_role("link", name="View page").click()
    expect(page.locator("#agenda ~ ol li strong")).to_have_text(["Plans for the next quarter", "Situation overview"])
    expect(page.get_by_text("Presented by Dilnoza Rashidova")).to_be_visible()


def test_record_attendance(login, platform):
    meeting = MeetingFactory(series=platform["series"], number=5)
    chair = ContactFactory(organization=platform["ministry"], name="Chair Person")
    page = login(platform["secretariat"])
    page.goto(f"/meetings/{meeting.pk}/participants/")
    page.get_by_role("button", name="Invite all 3 member organisations not yet invited").click()
    expect(_flash(page).first).to_contain_text("Invited 3 member organisations")
    pick(field(page, "Person"), str(chair))
    field(page, "Role").last.select_option("chair")
    page.get_by_role("button", name="Add the person").click()
    expect(_flash(page).first).to_contain_text("Added Chair Person to the list")

    register = page.locator("#register")
    expect(register.locator("tbody tr")).to_have_count(4)  # naming a person keeps the organisation-wide invitation
    register.locator("tr", has_text="Chair Person").get_by_text("Attended", exact=True).click()
    register.locator("tr", has_text="Supreme Court").get_by_text("Excused", exact=True).click()
    register.locator("tr", has_text="Embassy of Estonia").get_by_text("Absent", exact=True).click()
    register.locator("tr", has_text="Embassy of Estonia").locator("select[name$='-role']").select_option("observer")
    expect(register.locator("tr", has_text="Chair Person").get_by_label("Attended", exact=True)).to_be_checked()
    page.get_by_label("Headcount").fill("23")
    page.get_by_role("button", name="Save the register").click()
    expect(_flash(page).first).to_contain_text("The participation register has been saved")

    walk_in = page.locator("#walk-in-form")
    field(walk_in, "Name").fill("Walk-in Visitor")
    pick(field(walk_in, "Organisation"), str(platform["ministry"]))
    walk_in.get_by_role("button", name="Record the walk-in").click()
    expect(_flash(page).first).to_contain_text("Recorded Walk-in Visitor as attended")
    expect(register.locator("tr", has_text="Walk-in Visitor")).to_contain_text("walk-in")

    rollup = page.locator("#attendance-rollup")
    expect(rollup.locator("tr", has_text="Ministry of Internal Affairs")).to_contain_text("Yes")
    expect(rollup.locator("tr", has_text="Supreme Court")).to_contain_text("No")
    page.goto(meeting.get_absolute_url())
    participants = page.locator("#participants").locator("xpath=..").locator("table.participant-list")
    expect(participants.locator("tr", has_text="Chair Person")).to_contain_text("Attended")
    expect(page.locator("#headcount")).to_have_text("Headcount: 23 people in the room.")
    expect(participants.locator("tr", has_text="Embassy of Estonia")).to_contain_text("Observer")


def test_write_and_publish_minutes_which_the_participant_then_reads(login, platform):
    meeting = MeetingFactory(series=platform["series"], number=5, minutes_summary="")
    AgendaItemFactory(meeting=meeting, position=1, title="Situation overview")
    speaker = ContactFactory(organization=platform["ministry"], name="Speaker Person")

    reader = login(platform["participant"])
    reader.goto(meeting.get_absolute_url())
    expect(reader.get_by_text("Situation overview")).to_be_visible()
    expect(reader.get_by_text("have not been published yet")).to_be_visible()

    page = login(platform["secretariat"])
    page.goto(meeting.get_absolute_url())
    page.locator("#next-step").click()  # the lifecycle's one next step: "Write the minutes"
    field(page, "Summary of the meeting").fill("Partners reviewed the quarter and agreed the next steps.")
    card = page.locator("section.minutes-card").nth(1)  # the first agenda item's card
    field(card, "Discussion summary (English)").fill("The ministry presented new recruitment routes.")
    field(card, "Outcome").select_option("action")
    expect(card.locator(".save-state")).to_contain_text("Saved at", timeout=15_000)

    card.get_by_role("link", name="Add a statement").click()
    pick(field(card, "Speaker"), str(speaker))
    card.get_by_text("More details (optional)").click()  # the kind and the source are folded under the line
    field(card, "Kind of text").select_option(label="Summary (reported speech)")
    field(card, "Text").fill("She said that recruitment through social media is rising.")
    field(card, "Source title").fill("Notes of the secretariat")
    card.get_by_role("button", name="Save the statement").click()
    expect(card.locator(".entry-rows").first).to_contain_text("recruitment through social media is rising")

    card.get_by_role("link", name="Add a follow-up action").click()
    field(card, "Title").fill("Circulate the route analysis")
    pick(card.get_by_label(re.compile("Responsible organi[sz]ation")), str(platform["ministry"]))
    day_before = meeting.local_start.date() - datetime.timedelta(days=1)
    field(card, "Due on").fill(day_before.isoformat())
    card.get_by_role("button", name="Save the follow-up action").click()
    expect(card.get_by_text("The due date cannot be before the meeting")).to_be_visible()
    field(card, "Due on").fill((meeting.local_start.date() + datetime.timedelta(days=30)).isoformat())
    card.get_by_role("button", name="Save the follow-up action").click()
    expect(card.get_by_role("link", name="Circulate the route analysis")).to_be_visible()

    page.get_by_role("button", name="Publish the minutes").click()  # saves the minutes first, then asks
    expect(page.locator("#publish-audience")).to_be_visible()
    page.get_by_role("button", name=re.compile(r"^Yes, publish")).click()
    expect(_flash(page).first).to_contain_text("The minutes are published")
    expect(page.get_by_text(re.compile(r"Published .* by Aziza Karimova"))).to_be_visible()

    reader.reload()
    expect(reader.get_by_text("Partners reviewed the quarter and agreed the next steps.")).to_be_visible()
    expect(reader.get_by_text("The ministry presented new recruitment routes.")).to_be_visible()
    expect(reader.get_by_text("She said that recruitment through social media is rising.")).to_be_visible()
    expect(reader.get_by_text("Notes of the secretariat")).to_be_visible()
    expect(reader.locator(".statement blockquote")).to_have_count(0)  # a summary is not shown as a quotation
    expect(reader.get_by_role("link", name="Circulate the route analysis")).to_be_visible()
    expect(reader.get_by_text("have not been published yet")).to_have_count(0)

    # The participant records progress on their own organisation's action.
    reader.get_by_role("link", name="Circulate the route analysis").click()
    field(reader, "Status").select_option("in_progress")
    field(reader, "Note").fill("Draft analysis shared with the unit.")
    reader.get_by_role("button", name="Record the update").click()
    expect(_flash(reader).first).to_contain_text("is now in progress")
    expect(reader.get_by_text("Draft analysis shared with the unit.")).to_be_visible()

    page.get_by_role("button", name="More actions").click()  # the meeting page groups the other steps
    page.get_by_role("link", name="History").click()
    history = page.locator("#history")
    expect(history).to_contain_text("Draft → Published")
    expect(history).to_contain_text("Follow-up action changed")


def test_concurrent_minutes_edit_shows_a_conflict(login, platform):
    meeting = MeetingFactory(series=platform["series"], number=5, minutes_summary="")
    AgendaItemFactory(meeting=meeting, position=1, title="Situation overview")
    url = f"/meetings/{meeting.pk}/minutes/edit/"
    first = login(platform["secretariat"])
    second = login(secretariat_user(username="malika"))
    first.goto(url)
    second.goto(url)

    field(first, "Summary of the meeting").fill("Aziza's summary.")
    expect(first.locator("#summary .save-state")).to_contain_text("Saved at", timeout=15_000)

    field(second, "Summary of the meeting").fill("Malika's summary, typed at the same time.")
    conflict = second.locator("#summary .conflict")
    expect(conflict).to_contain_text("someone else changed this", timeout=15_000)
    expect(conflict).to_contain_text("Aziza's summary.")
    expect(field(second, "Summary of the meeting")).to_have_value("Malika's summary, typed at the same time.")
    assert Meeting.objects.get(pk=meeting.pk).minutes_summary == "Aziza's summary."

    first.goto(meeting.get_absolute_url())
    expect(first.get_by_text("Aziza's summary.")).to_be_visible()
