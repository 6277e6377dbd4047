"""Mail only when meant, in a real browser at a desk (both widths measured): a contact added from the recipient list
without leaving it, invitations sent only after the screen that names the number of recipients and shows the message,
and an update that lists what changed."""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from common.models import OutgoingMail
from meetings import services
from meetings.models import Meeting, MeetingStatus
from tests.browser.layout import DESKTOP, assert_fits
from tests.meetings.factories import AgendaItemFactory, MeetingFactory, MeetingSeriesFactory
from tests.stakeholders.factories import ContactFactory, OrganizationFactory, secretariat_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def announced_meeting():
    ministry = OrganizationFactory(name="Ministry of Justice", acronym="MoJ")
    embassy = OrganizationFactory(name="Embassy of Estonia", acronym="")
    ContactFactory(organization=embassy, name="Kadri Tamm", email="kadri@example.org", preferred_language="en")
    start = timezone.now() + datetime.timedelta(days=10)
    meeting = MeetingFactory(
        series=MeetingSeriesFactory(title="Counter-trafficking coordination platform"),
        number=5,
        title="Fifth meeting",
        status=MeetingStatus.PLANNED,
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=3),
        venue="Hyatt Regency, Tashkent",
    )
    AgendaItemFactory(meeting=meeting, position=1, title="Opening remarks")
    services.invite_organizations(meeting=meeting, organizations=[ministry, embassy])
    return {"meeting": meeting, "secretariat": secretariat_user(username="aziza")}


@pytest.mark.parametrize("width", [DESKTOP])
def test_invite_after_the_preview_add_a_contact_in_place_and_send_an_update_that_says_what_changed(
    login, announced_meeting, width
):
    meeting = announced_meeting["meeting"]
    page = login(announced_meeting["secretariat"])
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"/meetings/{meeting.pk}/invitations/")
    expect(page.locator("#unreachable")).to_contain_text("Ministry of Justice")

    # A contact for the ministry, from the recipient list, without leaving it.
    page.get_by_text("Add a contact to an invited organisation").click()
    form = page.locator("#add-recipient-form")
    form.get_by_label("Organisation").select_option(label="Ministry of Justice (MoJ)")
    form.get_by_label("Name").fill("Nodira Alimova")
    form.get_by_role("textbox", name=re.compile(r"^E-mail")).fill("nodira@example.org")
    form.get_by_label("E-mail language").select_option("ru")
    form.get_by_role("button", name="Add").click()
    expect(page.locator("#recipient-added")).to_contain_text("Nodira Alimova (Ministry of Justice) was added")
    expect(page.locator("#recipients tr", has_text="Nodira Alimova")).to_contain_text("Not yet invited")
    assert page.url.endswith(f"/meetings/{meeting.pk}/invitations/")  # never left the list
    assert_fits(page)

    # Invitations: the screen names the number of recipients and shows the message; nothing leaves before it.
    page.get_by_role("button", name="Send the invitation to 2 people").click()
    preview = page.locator("#mail-preview")
    expect(preview).to_contain_text("2 recipients")
    expect(page.locator("#preview-recipients tr", has_text="Nodira Alimova")).to_contain_text("Русский")
    expect(page.locator("#preview-subject")).to_contain_text("Invitation: ")
    assert not OutgoingMail.objects.exists()
    assert_fits(page)
    page.locator("#preview-languages").get_by_role("link", name="Русский").click()
    expect(page.locator("#preview-subject")).to_contain_text("Приглашение: ")
    page.get_by_role("button", name="Send the invitation to 2 people").click()
    expect(page.locator(".alert", has_text="The invitation is being sent to 2 people.")).to_be_visible()
    assert OutgoingMail.objects.count() == 2

    # The meeting moves: the update lists what changed, on the screen and in the mail.
    moved = Meeting.objects.get(pk=meeting.pk)
    moved.venue = "UNODC office"
    moved.save()
    page.goto(meeting.get_absolute_url())
    page.get_by_role("link", name="Send update (2 people)").click()
    expect(page.locator("#mail-preview")).to_contain_text("2 recipients")
    message = page.locator("#preview-message")
    expect(message).to_contain_text("What changed since the last message")
    expect(message).to_contain_text(re.compile(r"Where: Hyatt Regency, Tashkent · In person → UNODC office"))
    assert_fits(page)
    page.get_by_role("button", name="Send the update to 2 people").click()
    expect(page.locator(".alert", has_text="The updated invitation is being sent to 2 people.")).to_be_visible()
    updates = OutgoingMail.objects.filter(key__contains=":update:")
    assert updates.count() == 2
    assert all("UNODC office" in mail.body and "Hyatt Regency" in mail.body for mail in updates)

    # Each person's row says what they were sent.
    page.goto(f"/meetings/{meeting.pk}/invitations/")
    expect(page.locator("#recipients tr", has_text="Kadri Tamm").locator(".sent-mail")).to_have_count(2)
    assert_fits(page)
