"""The quarter review, plan endorsement, activity editing and meeting documents, in a real browser."""

import datetime
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from activities.models import Activity, ActivityPlan, ActivityReview, PlanStatus
from meetings.models import Document
from tests.activities.factories import ActivityFactory, ActivityPlanFactory
from tests.browser.pickers import pick
from tests.meetings.factories import MeetingFactory, MeetingSeriesFactory
from tests.stakeholders.factories import OrganizationFactory, participant_user, secretariat_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PDF_BYTES = b"%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


@pytest.fixture
def platform():
    ministry = OrganizationFactory(name="Ministry of Internal Affairs", acronym="MIA")
    series = MeetingSeriesFactory(title="Counter-trafficking coordination platform")
    meeting = MeetingFactory(series=series, number=4, title="Fourth meeting", review_year=2023, review_quarter_number=3)
    q3_plan = ActivityPlanFactory(series=series, year=2023, quarter_number=3)
    ActivityFactory(plan=q3_plan, title="World Day against Trafficking", starts_on=datetime.date(2023, 7, 30))
    ActivityFactory(plan=q3_plan, title="Study visit of the Estonian delegation", starts_on=datetime.date(2023, 9, 12))
    ActivityPlanFactory(series=series, year=2023, quarter_number=4)
    return {
        "ministry": ministry,
        "meeting": meeting,
        "secretariat": secretariat_user(username="aziza"),
        "participant": participant_user(organization=ministry, username="bekzod"),
    }


def test_secretariat_reviews_the_quarter_and_endorses_the_next_plan(login, platform):
    page = login(platform["secretariat"])
    page.goto(platform["meeting"].get_absolute_url())
    page.get_by_role("link", name="Record the quarter review and endorse the next plan").click()
    expect(page.get_by_role("heading", name="Quarter review: Q3 2023")).to_be_visible()

    page.get_by_label("Status of World Day against Trafficking").select_option("completed")
    page.get_by_label("People reached by World Day against Trafficking").fill("-4")
    page.get_by_role("button", name="Save review").click()
    expect(page.get_by_text("Ensure this value is greater than or equal to 0.")).to_be_visible()
    assert not ActivityReview.objects.exists()

    page.get_by_label("People reached by World Day against Trafficking").fill("500")
    page.get_by_label("Note on World Day against Trafficking").fill("Flash mob in Tashkent")
    page.get_by_label("Status of Study visit of the Estonian delegation").select_option("postponed")
    page.get_by_role("button", name="Save review").click()
    expect(page.get_by_text("The review of 2 activities was saved.")).to_be_visible()
    expect(page.get_by_label("Note on World Day against Trafficking")).to_have_value("Flash mob in Tashkent")
    assert Activity.objects.get(title="World Day against Trafficking").people_reached == 500

    page.get_by_role("button", name="Endorse the Q4 2023 plan at this meeting").click()
    expect(page.get_by_text("The Q4 2023 plan is endorsed at the 4th meeting.")).to_be_visible()
    assert ActivityPlan.objects.get(year=2023, quarter_number=4).status == PlanStatus.ENDORSED


def test_secretariat_adds_an_activity_with_a_date_outside_the_quarter_corrected(login, platform):
    plan = ActivityPlan.objects.get(year=2023, quarter_number=4)
    page = login(platform["secretariat"])
    page.goto(f"/activities/?quarter={plan.quarter}")
    page.get_by_role("link", name="Add activity").click()
    page.get_by_label(re.compile(r"^\s*Title\s*\*?\s*$")).fill("Training of trainers")
    page.get_by_label("Kind").select_option("tot")
    page.get_by_label("Starts on").fill("2023-07-06")
    page.get_by_label("Ends on").fill("2023-07-08")
    page.get_by_label("Places").fill("Bukhara, Fergana, Namangan")
    pick(page.get_by_label("Lead organisation"), str(platform["ministry"]))
    page.get_by_role("button", name="Save activity").click()
    expect(page.get_by_text("The activity must start within its plan's quarter (Q4 2023).")).to_be_visible()

    page.get_by_label("Starts on").fill("2023-11-06")
    page.get_by_label("Ends on").fill("2023-11-08")
    page.get_by_role("button", name="Save activity").click()
    # Back on the plan the form was opened from, with the new activity in it.
    expect(page.get_by_text("“Training of trainers” was added to the plan.")).to_be_visible()
    assert f"quarter={plan.quarter}" in page.url
    expect(page.get_by_role("link", name="Training of trainers")).to_be_visible()
    expect(page.get_by_text("Bukhara, Fergana, Namangan")).to_be_visible()


def test_secretariat_uploads_and_participant_downloads_a_document(login, platform, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    meeting = platform["meeting"]
    page = login(platform["secretariat"])
    page.goto(meeting.get_absolute_url())
    page.get_by_role("link", name="Upload a document").click()

    page.get_by_label("File").set_input_files(
        {"name": "agenda.docx", "mimeType": "application/octet-stream", "buffer": PDF_BYTES}
    )
    page.get_by_role("button", name="Upload").click()
    expect(page.get_by_text("is a PDF, but its name ends in .docx")).to_be_visible()

    page.get_by_label("File").set_input_files(
        {"name": "Agenda of the 4th meeting.pdf", "mimeType": "application/pdf", "buffer": PDF_BYTES}
    )
    page.get_by_label("Kind").select_option("agenda")
    page.get_by_role("button", name="Upload").click()
    expect(page.get_by_text("“Agenda of the 4th meeting” was uploaded.")).to_be_visible()
    assert Document.objects.get().content_type == "application/pdf"

    reader = login(platform["participant"])
    reader.goto(meeting.get_absolute_url())
    with reader.expect_download() as download_info:
        reader.get_by_role("link", name="Agenda of the 4th meeting").click()
    download = download_info.value
    assert download.suggested_filename == "Agenda_of_the_4th_meeting.pdf"
    assert Path(download.path()).read_bytes() == PDF_BYTES
    expect(reader.get_by_role("button", name="Delete")).to_have_count(0)
