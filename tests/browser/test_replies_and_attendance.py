"""Replies and attendance in a real browser, each walked at the width its person uses (tests/browser/layout.py).

- an invitee answers from the link in the invitation e-mail (read from the outbox after the secretariat sent it), in a
  fresh browser with no login, and the secretariat's recipient list shows the answer and the counts;
- a participant answers on the meeting page;
- a focal point answers for their organisation and names who attends; the secretariat sees who named them;
- the whole cycle from the dashboard: prepare, preview, invite, confirm and announce in at most 9 clicks, then
  attendance for 15 organisations, when everyone came, in at most 3;
- attendance after the start: "everyone came" for 15 organisations nobody heard from, in 2 clicks.
On a phone the recipient list and the register fit the screen (no sideways scrolling).
"""

import datetime
import re
from urllib.parse import urlsplit

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from playwright.sync_api import expect

from common.models import OutgoingMail
from common.outbox import deliver_pending_mail_with_backoff
from common.roles import FOCAL_POINT
from meetings import services
from meetings.models import Meeting, MeetingStatus, Rsvp
from tests.browser.layout import DESKTOP, PHONE, assert_fits
from tests.meetings.factories import AgendaItemFactory, MeetingFactory, MeetingSeriesFactory
from tests.stakeholders.factories import ContactFactory, OrganizationFactory, participant_user, secretariat_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def convened():
    """An announced meeting in ten days: the ministry (with a focal point and a participant) and an embassy."""
    ministry = OrganizationFactory(name="Ministry of Internal Affairs", acronym="MIA")
    embassy = OrganizationFactory(name="Embassy of Estonia", acronym="")
    ContactFactory(organization=embassy, name="Kadri Tamm", email="kadri@example.org")
    ContactFactory(organization=ministry, name="Aziz Karimov", email="aziz@example.org", position="Inspector")
    series = MeetingSeriesFactory(title="Counter-trafficking coordination platform")
    start = timezone.now() + datetime.timedelta(days=10)
    meeting = MeetingFactory(
        series=series,
        number=5,
        title="Fifth meeting",
        status=MeetingStatus.PLANNED,
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=3),
    )
    services.invite_organizations(meeting=meeting, organizations=[ministry, embassy])
    focal_point = participant_user(organization=ministry, username="nodira")
    focal_point.groups.set([Group.objects.get(name=FOCAL_POINT)])
    return {
        "meeting": meeting,
        "secretariat": secretariat_user(username="aziza"),
        "participant": participant_user(organization=ministry, username="bekzod"),
        "focal_point": focal_point,
    }


def _open(login, user, width):
    page = login(user)
    page.set_viewport_size({"width": width, "height": 900})
    return page


@pytest.mark.parametrize("width", [PHONE])
def test_an_invitee_answers_from_the_mail_link_and_the_secretariat_sees_it(login, new_page, convened, width):
    meeting = convened["meeting"]
    secretariat = _open(login, convened["secretariat"], width)
    secretariat.goto(f"/meetings/{meeting.pk}/invitations/")
    recipients = secretariat.locator("#recipients")
    expect(recipients.locator("tr", has_text="Kadri Tamm")).to_contain_text("Not yet invited")
    assert_fits(secretariat)
    secretariat.get_by_role("button", name=re.compile(r"Send the invitation to \d+ people")).click()
    expect(secretariat.locator("#mail-preview")).to_contain_text("Kadri Tamm")  # the confirmation screen
    secretariat.locator("#confirm-send-button").click()
    expect(secretariat.locator(".alert").first).to_be_visible()
    deliver_pending_mail_with_backoff()  # what the worker does (the live server runs no worker)

    mail = OutgoingMail.objects.get(to=["kadri@example.org"])
    assert mail.status == "sent"
    link = next(line for line in mail.body.splitlines() if "answer=accepted" in line).split(": ", 1)[1].strip()
    parts = urlsplit(link)

    invitee = new_page()  # a fresh browser: no login
    invitee.set_viewport_size({"width": width, "height": 900})
    invitee.goto(f"{parts.path}?{parts.query}")
    expect(invitee.get_by_text("Kadri Tamm, will you attend?")).to_be_visible()
    assert not Rsvp.objects.exists()  # opening the link records nothing: it asks for a click
    assert_fits(invitee)
    invitee.get_by_role("button", name="Yes, I will attend").click()
    expect(invitee.locator("#rsvp-recorded")).to_have_text(
        "Thank you, Kadri Tamm: your answer is recorded (Will attend)."
    )

    secretariat.reload()
    expect(secretariat.locator("#rsvp-counts")).to_contain_text("Replies: 1 will attend, 0 will not")
    expect(recipients.locator("tr", has_text="Kadri Tamm")).to_contain_text("Sent")
    expect(recipients.locator("tr", has_text="Kadri Tamm")).to_contain_text("Will attend")
    assert_fits(secretariat)


@pytest.mark.parametrize("width", [PHONE])
def test_a_participant_answers_on_the_meeting_page(login, convened, width):
    page = _open(login, convened["participant"], width)
    page.goto(convened["meeting"].get_absolute_url())
    reply = page.locator("#rsvp")
    expect(reply).to_contain_text("Will you attend?")
    expect(page.locator("#organization-reply")).to_have_count(0)  # a participant answers only for themselves
    reply.get_by_role("button", name="No, I cannot attend").click()
    expect(page.locator(".alert", has_text="Your answer is recorded: Will not attend.")).to_be_visible()
    expect(page.locator("#rsvp")).to_contain_text("Your answer: Will not attend.")
    assert_fits(page)


@pytest.mark.parametrize("width", [DESKTOP])
def test_a_focal_point_names_who_attends_and_the_secretariat_sees_who_named_them(login, convened, width):
    meeting = convened["meeting"]
    page = _open(login, convened["focal_point"], width)
    page.goto(meeting.get_absolute_url())
    panel = page.locator("#organization-reply")
    expect(panel.get_by_role("heading")).to_have_text("Answer for MIA")
    assert_fits(page)
    panel.get_by_role("button", name="Send our answer").click()  # nobody ticked: an error, nothing lost
    expect(page.get_by_text("Tick at least one person who will attend.")).to_be_visible()
    page.get_by_label("Aziz Karimov, Inspector").check()
    page.get_by_role("button", name="Send our answer").click()
    expect(page.locator(".alert", has_text="Your organisation's answer is recorded: Will attend.")).to_be_visible()
    expect(page.locator("#organization-reply-current")).to_contain_text("Attending: Aziz Karimov.")
    participants = page.locator("#participants").locator("xpath=..").locator("table.participant-list")
    expect(participants.locator("tr", has_text="Aziz Karimov")).to_contain_text("named by Participant nodira")
    expect(participants.locator("tr", has_text="Aziz Karimov")).to_contain_text("Confirmed")
    assert_fits(page)

    secretariat = _open(login, convened["secretariat"], width)
    secretariat.goto(f"/meetings/{meeting.pk}/invitations/")
    recipients = secretariat.locator("#recipients")
    expect(recipients.locator("tr", has_text="Aziz Karimov")).to_contain_text(
        "Named as attending by Participant nodira"
    )
    expect(recipients).to_contain_text("For the organisation: Will attend (Participant nodira)")
    expect(secretariat.locator("#rsvp-counts")).to_contain_text(
        "Organisations that answered through their focal point: 1 will attend, 0 will not."
    )
    assert_fits(secretariat)
    secretariat.goto(f"/meetings/{meeting.pk}/participants/")
    expect(secretariat.locator("#register tr", has_text="Aziz Karimov")).to_contain_text("named by Participant nodira")
    assert_fits(secretariat)


@pytest.fixture
def platform_of_fifteen():
    """The 4th meeting held, with 15 member organisations, each with a contact who has an e-mail address."""
    series = MeetingSeriesFactory(title="Counter-trafficking coordination platform")
    members = [OrganizationFactory(name=f"Member body {number:02d}") for number in range(1, 16)]
    for organization in members:
        ContactFactory(organization=organization, name=f"Contact of {organization.name}")
    series.members.set(members)
    fourth = MeetingFactory(series=series, number=4, title="Fourth meeting")
    AgendaItemFactory(meeting=fourth, position=1, title="Opening remarks", is_standing=True)
    return {"series": series, "secretariat": secretariat_user(username="aziza")}


@pytest.mark.parametrize("width", [DESKTOP])
def test_the_cycle_from_the_dashboard_in_9_clicks_then_everyone_came_in_3(login, platform_of_fifteen, width):
    page = _open(login, platform_of_fifteen["secretariat"], width)
    clicks = 0

    def click(locator):
        nonlocal clicks
        clicks += 1
        locator.click()

    page.goto("/")
    click(page.get_by_role("link", name="Prepare the next meeting"))
    expect(page.locator("#preview-invitations")).to_contain_text("15 organisations")
    expect(page.locator("#preview-standing")).to_contain_text("Opening remarks")
    page.get_by_label("Date").fill("2030-01-23")
    click(page.get_by_role("button", name="Prepare the draft meeting"))
    expect(page.locator("#lifecycle [aria-current=step]")).to_have_text("Draft")
    click(page.locator("#lifecycle").get_by_role("link", name="Invite and announce"))
    expect(page).to_have_url(re.compile(r"/invitations/"))
    assert_fits(page)
    click(page.get_by_role("button", name="Send the invitation to 15 people and announce"))
    expect(page.locator("#mail-preview")).to_contain_text("15 recipients")  # nothing leaves without this screen
    click(page.locator("#confirm-send-button"))
    expect(page.locator(".alert", has_text="The meeting is announced")).to_be_visible()
    page.reload()
    expect(page.locator("#recipients .invitation-sent")).to_have_count(15)
    assert clicks <= 9, clicks  # 8 before the confirmation screen, which every message to many people now has
    meeting = Meeting.objects.get(series=platform_of_fifteen["series"], number=5)
    assert not meeting.is_draft

    # Everyone came, recorded before the start here: the register is under "More actions" (the next step of an
    # announced meeting is elsewhere) and the page asks for the explicit confirmation, so one click more than after
    # the start (two clicks: test_everyone_came_after_the_start_in_two_clicks_even_without_replies).
    page.goto(meeting.get_absolute_url())
    clicks = 0
    click(page.get_by_role("button", name="More actions"))
    click(page.locator("#secretariat-toolbar").get_by_role("link", name="Participants"))
    expect(page).to_have_url(re.compile(r"/participants/"))
    assert_fits(page)
    click(page.get_by_label("I confirm I am recording attendance before the meeting has started"))
    click(page.get_by_role("button", name="Everyone came: mark all 15 invited as attended and save"))
    expect(page.locator(".alert", has_text="The participation register has been saved.")).to_be_visible()
    assert clicks <= 4, clicks
    expect(page.locator("#attendance-rollup tbody tr")).to_have_count(15)
    expect(page.locator("#attendance-rollup tbody tr", has_text="No")).to_have_count(0)
    assert set(meeting.participations.values_list("status", flat=True)) == {"attended"}
    assert_fits(page)


@pytest.mark.parametrize("width", [PHONE])
def test_everyone_came_after_the_start_in_two_clicks_even_without_replies(login, width):
    series = MeetingSeriesFactory()
    start = timezone.now() - datetime.timedelta(hours=1)
    meeting = MeetingFactory(
        series=series, status=MeetingStatus.PLANNED, starts_at=start, ends_at=start + datetime.timedelta(hours=3)
    )
    services.invite_organizations(
        meeting=meeting, organizations=[OrganizationFactory(name=f"Body {n:02d}") for n in range(15)]
    )
    page = _open(login, secretariat_user(username="aziza"), width)
    page.goto(meeting.get_absolute_url())
    page.locator("#lifecycle").get_by_role("link", name="Record attendance").click()
    page.get_by_role("button", name="Everyone came: mark all 15 invited as attended and save").click()
    expect(page.locator(".alert", has_text="The participation register has been saved.")).to_be_visible()
    expect(page.locator("#register input[value=attended]:checked")).to_have_count(15)
    assert_fits(page)
