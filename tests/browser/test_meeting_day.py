"""A whole meeting day in a real browser, clicked through like a person from the secretariat's dashboard.

Prepare the next meeting (hybrid, with a join link) -> a 4-item agenda with an external presenter and a document on
an item -> the recipient list (the presenter without an address flagged) -> announce after the preview -> replies
from the mail's links in browsers with no login -> the meeting starts: live mode with its timer, two devices
checking people in at the door at once (one a 1280 px laptop, one a 390 px phone) -> a little of the minutes ->
publish after its confirmation.

Asserted on the way: the stage on the meeting page moves announced -> in progress -> held with nobody choosing a
status; no mail leaves before a confirmation screen that names the number of recipients, and after it each recipient
gets exactly one message; after reloading, nothing anyone entered is lost.

The clock: the meeting is prepared for a day ahead of today, so replies are open; when the day comes the test moves
the meeting's start and end back by the same amount (what the passing of time does to "now - start"), and touches
nothing else. Nobody sets a status.
"""

import datetime
import re
from urllib.parse import urlsplit

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from common.models import OutgoingMail
from common.outbox import deliver_pending_mail_with_backoff
from meetings.models import ActionStatus, Document, Meeting, MeetingStatus, ParticipationStatus, Rsvp, RsvpAnswer
from stakeholders.models import Contact
from tests.browser.layout import PHONE, assert_fits
from tests.browser.pickers import pick
from tests.browser.test_secretariat_flow import field
from tests.meetings.factories import ActionItemFactory, AgendaItemFactory, MeetingFactory, MeetingSeriesFactory
from tests.stakeholders.factories import ContactFactory, OrganizationFactory, participant_user, secretariat_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

JOIN_LINK = "https://meet.example.org/ctp-fifth"
PDF_BYTES = b"%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
INVITEES = {"aziz@example.org", "kadri@example.org", "dilnoza@example.org", "bekzod@example.org"}


@pytest.fixture
def platform():
    """A series of three member organisations whose 4th meeting was held; four people the mail can reach."""
    ministry = OrganizationFactory(name="Ministry of Internal Affairs", acronym="MIA")
    embassy = OrganizationFactory(name="Embassy of Estonia", acronym="")
    court = OrganizationFactory(name="Supreme Court", acronym="")
    OrganizationFactory(name="Estonian Police and Border Guard Board", acronym="")  # the presenter's, not a member
    ContactFactory(organization=ministry, name="Aziz Karimov", email="aziz@example.org", preferred_language="en")
    ContactFactory(organization=embassy, name="Kadri Tamm", email="kadri@example.org", preferred_language="en")
    ContactFactory(organization=court, name="Dilnoza Yusupova", email="dilnoza@example.org", preferred_language="en")
    reader = participant_user(organization=ministry, username="bekzod")
    Contact.objects.filter(user=reader).update(email="bekzod@example.org", preferred_language="en")
    series = MeetingSeriesFactory(title="Counter-trafficking coordination platform")
    series.members.set([ministry, embassy, court])
    fourth = MeetingFactory(series=series, number=4, title="Fourth meeting")
    AgendaItemFactory(meeting=fourth, position=1, title="Opening remarks", is_standing=True)
    ActionItemFactory(meeting=fourth, title="Share the airport training report", status=ActionStatus.OPEN)
    return {
        "series": series,
        "secretariat": secretariat_user(username="aziza"),
        "door": secretariat_user(username="timur"),
        "reader": reader,
    }


def _stage(page):
    return page.locator("#lifecycle [aria-current=step]")


def _mails(mailoutbox, subject_starts):
    return [message for message in mailoutbox if message.subject.startswith(subject_starts)]


def _one_each(messages, addresses):
    """Each address got exactly one of these messages, and nobody else got one."""
    recipients = sorted(address for message in messages for address in message.to)
    assert recipients == sorted(addresses), recipients


def _ics_text(message) -> str:
    [part] = [part for part in message.message().walk() if part.get_content_type() == "text/calendar"]
    unfolded = re.sub(r"\r?\n[ \t]", "", part.get_payload(decode=True).decode())  # RFC 5545 line folding
    return unfolded.replace("\\n", "\n")


def _reply_link(message, answer) -> str:
    line = next(line for line in message.body.splitlines() if f"answer={answer}" in line)
    parts = urlsplit(line.split(": ", 1)[1].strip())
    return f"{parts.path}?{parts.query}"


def _line(page, text):
    return page.locator("#door-list li", has_text=text)


def test_a_whole_meeting_day_from_the_dashboard(login, new_page, platform, mailoutbox, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    page = login(platform["secretariat"])

    # 1. Prepare the next meeting from the dashboard: hybrid, with its join link, ten days ahead.
    page.goto("/")
    page.get_by_role("link", name="Prepare the next meeting").click()
    day = timezone.localdate() + datetime.timedelta(days=10)
    page.get_by_label("Date").fill(day.isoformat())
    field(page, "Format").select_option(label="Hybrid")
    field(page, "Join link").fill(JOIN_LINK)
    page.get_by_role("button", name="Prepare the draft meeting").click()
    expect(page.locator(".alert").first).to_contain_text("The 5th meeting has been prepared as a draft")
    expect(_stage(page)).to_have_text("Draft")
    meeting = Meeting.objects.get(series=platform["series"], number=5)
    meeting_url = meeting.get_absolute_url()

    # 2. The agenda: two items carried over, two added; one presented by someone not yet in the contacts.
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("link", name="Build the agenda").click()
    field(page, "Title").fill("Cooperation with Estonia")
    page.get_by_label("Or a presenter not yet in the contacts: name").fill("Kristiina Tamm")
    pick(page.get_by_label("Presenter's organisation"), "Estonian Police")
    page.get_by_role("button", name="Add to the agenda").click()
    expect(page.get_by_text("Added “Cooperation with Estonia” to the agenda.")).to_be_visible()
    field(page, "Title").fill("Emerging trends in recruitment")
    page.get_by_role("button", name="Add to the agenda").click()
    expect(page.get_by_text("Added “Emerging trends in recruitment” to the agenda.")).to_be_visible()
    items = page.locator("#agenda-items > li.agenda-item")
    expect(items).to_have_count(4)
    expect(items.filter(has_text="Cooperation with Estonia")).to_contain_text("Kristiina Tamm")

    # A document on an item, from the item's own link.
    page.get_by_role("link", name="Attach a document to “Emerging trends in recruitment”").click()
    page.get_by_label("File").set_input_files(
        {"name": "Trends analysis.pdf", "mimeType": "application/pdf", "buffer": PDF_BYTES}
    )
    page.get_by_role("button", name="Upload").click()
    expect(page.get_by_text("“Trends analysis” was uploaded.")).to_be_visible()

    # 3. Invite and announce: the presenter without an address is flagged; nothing leaves before the confirmation.
    page.goto(meeting_url)
    page.locator("#lifecycle").get_by_role("link", name="Invite and announce").click()
    flagged = page.locator("#presenters-without-address")
    expect(flagged).to_contain_text("Kristiina Tamm (Estonian Police and Border Guard Board)")
    expect(flagged.get_by_role("link", name="Add an e-mail address")).to_be_visible()
    page.get_by_role("button", name="Send the invitation to 4 people and announce").click()
    expect(page.locator("#mail-preview")).to_contain_text("4 recipients")
    assert not OutgoingMail.objects.exists() and not mailoutbox
    page.locator("#confirm-send-button").click()
    expect(page.locator(".alert", has_text="The meeting is announced")).to_be_visible()
    deliver_pending_mail_with_backoff()  # what the worker does (the live server runs no worker)
    invitations = _mails(mailoutbox, "Invitation: ")
    _one_each(invitations, INVITEES)
    assert len(mailoutbox) == len(invitations)
    for message in invitations:
        assert JOIN_LINK in message.body
        assert JOIN_LINK in _ics_text(message)
    page.goto(meeting_url)
    expect(_stage(page)).to_have_text("Announced")

    # 4. Replies from the mail's links, each in a browser with no login.
    by_address = {message.to[0]: message for message in invitations}
    for address, answer, button in [
        ("kadri@example.org", "accepted", "Yes, I will attend"),
        ("dilnoza@example.org", "declined", "No, I cannot attend"),
    ]:
        invitee = new_page()
        invitee.goto(_reply_link(by_address[address], answer))
        invitee.get_by_role("button", name=button).click()
        expect(invitee.locator("#rsvp-recorded")).to_contain_text("your answer is recorded")
    page.goto(f"/meetings/{meeting.pk}/invitations/")
    expect(page.locator("#rsvp-counts")).to_contain_text("Replies: 1 will attend, 1 will not")

    # 5. The day comes: the meeting started ten minutes ago. Nobody chose a status.
    shift = meeting.starts_at - (timezone.now() - datetime.timedelta(minutes=10))
    Meeting.objects.filter(pk=meeting.pk).update(starts_at=meeting.starts_at - shift, ends_at=meeting.ends_at - shift)
    page.goto(meeting_url)
    expect(_stage(page)).to_have_text("In progress")

    # 6. Live mode: the room takes up the first item; a participant follows, with the timers running.
    page.locator("#live-control-link").click()
    page.get_by_role("button", name=re.compile("Start with the first item")).click()
    expect(page.locator("#live-items li[aria-current=step]")).to_contain_text("Opening remarks")
    projector = login(platform["reader"])
    projector.goto(meeting_url)
    projector.get_by_role("link", name="Follow the meeting live").click()
    expect(projector.locator("#live-current")).to_have_text("Opening remarks")
    expect(projector.locator("#live-item-timer .live-elapsed")).to_have_text(re.compile(r"^\d+:\d\d$"))
    expect(projector.locator("#live-total-timer .live-elapsed")).to_have_text(re.compile(r"^\d+:\d\d$"))

    # 7. The door: two devices, both loaded before either taps, a laptop and a phone.
    page.goto(meeting_url)
    page.locator("#check-in-link").click()
    phone = login(platform["door"])
    phone.set_viewport_size({"width": PHONE, "height": 900})
    phone.goto(meeting_url)
    phone.locator("#check-in-link").click()
    page.get_by_label("Find a person or an organisation").fill("kadri")
    _line(page, "Kadri Tamm").get_by_role("button", name=re.compile("Check in")).click()
    phone.get_by_label("Find a person or an organisation").fill("aziz")
    _line(phone, "Aziz Karimov").get_by_role("button", name=re.compile("Check in")).click()
    expect(_line(page, "Kadri Tamm").locator(".door-attended")).to_be_visible()
    expect(_line(phone, "Aziz Karimov").locator(".door-attended")).to_be_visible()
    assert_fits(phone)
    assert_fits(page)
    phone.reload()  # each device keeps the other's tap
    for name in ("Kadri Tamm", "Aziz Karimov"):
        expect(_line(phone, name).locator(".door-attended")).to_be_visible()

    # Attendance is recorded: the meeting is held, and the room's tools stay while it runs.
    page.goto(meeting_url)
    expect(_stage(page)).to_have_text("Held")
    expect(page.locator("#live-control-link")).to_be_visible()
    expect(page.locator("#check-in-link")).to_be_visible()
    page.locator("#live-control-link").click()
    page.get_by_role("button", name=re.compile("Next item")).click()
    expect(page.locator("#live-items li[aria-current=step]")).to_contain_text("Review of follow-up actions")
    expect(projector.locator("#live-current")).to_have_text("Review of follow-up actions", timeout=15_000)

    # 8. A little of the minutes, through the editor as it is.
    page.goto(meeting_url)
    page.locator("#lifecycle").get_by_role("link", name="Write the minutes").click()
    trends = meeting.agenda_items.get(title="Emerging trends in recruitment")
    card = page.locator(f"#item-{trends.pk}")
    card.get_by_label("Discussion summary (English)").fill("Recruitment has moved to social media")
    expect(card.locator(".save-state")).to_contain_text("Saved at", timeout=15_000)
    page.get_by_label("Summary of the meeting", exact=True).fill("The platform reviewed trends and partners")

    # 9. Publish: the confirmation names how many are e-mailed; nothing leaves before it, one each after it.
    deliver_pending_mail_with_backoff()
    assert mailoutbox == invitations  # replies, the room and the minutes so far sent nothing, nothing again
    page.get_by_role("button", name="Publish the minutes").click()
    expect(page.locator("#publish-audience")).to_contain_text("4 people will be e-mailed a link to the minutes")
    assert not OutgoingMail.objects.filter(subject__startswith="Minutes published").exists()
    page.get_by_role("button", name="Yes, publish and e-mail 4 people").click()
    expect(page.locator(".alert").first).to_contain_text("The minutes are published")
    deliver_pending_mail_with_backoff()
    deliver_pending_mail_with_backoff()  # the worker's next sweep sends nothing twice
    _one_each(_mails(mailoutbox, "Minutes published"), INVITEES)
    assert len(mailoutbox) == 2 * len(INVITEES)

    # 10. Reload everything: nothing entered was lost.
    page.goto(meeting_url)
    expect(_stage(page)).to_have_text("Minutes published")
    agenda = page.locator("#agenda").locator("xpath=..")
    for title in (
        "Opening remarks",
        "Review of follow-up actions",
        "Cooperation with Estonia",
        "Emerging trends in recruitment",
    ):
        expect(agenda).to_contain_text(title)
    expect(agenda.locator(".agenda-item", has_text="Cooperation with Estonia")).to_contain_text("Kristiina Tamm")
    expect(
        agenda.locator(".agenda-item", has_text="Emerging trends in recruitment").get_by_role(
            "link", name="Trends analysis", exact=True
        )
    ).to_be_visible()
    assert meeting.agenda_items.count() == 4
    presenter = Contact.objects.get(name="Kristiina Tamm")
    assert presenter.organization.name == "Estonian Police and Border Guard Board"
    assert Document.objects.get().agenda_item == trends
    meeting.refresh_from_db()
    assert meeting.join_url == JOIN_LINK and meeting.status == MeetingStatus.PLANNED  # nobody chose "held"
    answers = dict(Rsvp.objects.filter(meeting=meeting).values_list("contact__name", "answer"))
    assert answers == {"Kadri Tamm": RsvpAnswer.ACCEPTED, "Dilnoza Yusupova": RsvpAnswer.DECLINED}
    attended = meeting.participations.filter(status=ParticipationStatus.ATTENDED).exclude(contact=None)
    assert set(attended.values_list("contact__name", flat=True)) == {"Kadri Tamm", "Aziz Karimov"}
    page.goto(f"/meetings/{meeting.pk}/invitations/")
    expect(page.locator("#rsvp-counts")).to_contain_text("Replies: 1 will attend, 1 will not")

    # The published page, as a participant reads it.
    projector.goto(meeting_url)
    expect(projector.get_by_text("The platform reviewed trends and partners")).to_be_visible()
    expect(projector.get_by_text("Recruitment has moved to social media")).to_be_visible()
