"""The attendance as the minutes record it: one line per organisation present naming who represented it (contacts,
people named by the focal point, walk-ins), the organisations excused and the headcount; the same partial on the
print view, the PDF's HTML and the meeting page, in a number of queries that does not grow with the list."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.meetings.factories import MeetingFactory, ParticipationFactory
from tests.stakeholders.factories import ContactFactory, OrganizationFactory

pytestmark = pytest.mark.django_db


def attendance_lines(content: str) -> list[str]:
    """The rows of the attendance record's table, tags removed and spaces collapsed."""
    table = re.search(r'<table class="table table-sm attendance-record">(.*?)</table>', content, re.S)
    assert table, "no attendance record on the page"
    rows = re.findall(r"<tr>(.*?)</tr>", table.group(1).split("<tbody>")[1], re.S)
    return [" ".join(re.sub(r"<[^>]+>", " ", row).split()) for row in rows]


def meeting_with_attendance(participant=None):
    meeting = MeetingFactory(published=True, headcount=23)
    ministry = OrganizationFactory(name="Ministry of Labour", acronym="MOL")
    ParticipationFactory(meeting=meeting, organization=ministry, role="chair", status="attended")
    for name, role in [("Aziza Karimova", "speaker"), ("Bobur Aliev", "participant")]:
        contact = ContactFactory(organization=ministry, name=name, position="")
        ParticipationFactory(
            meeting=meeting, organization=ministry, contact=contact, role=role, status="attended", named_by=participant
        )
    agency = OrganizationFactory(name="Youth Agency", acronym="")
    ParticipationFactory(meeting=meeting, organization=agency, status="invited")
    ParticipationFactory(
        meeting=meeting, organization=agency, attendee_name="Dilnoza Yusupova", walk_in=True, status="attended"
    )
    excused = OrganizationFactory(name="Border Guard", acronym="BG")
    ParticipationFactory(meeting=meeting, organization=excused, status="excused")
    absent = OrganizationFactory(name="Absent Office", acronym="AO")
    ParticipationFactory(meeting=meeting, organization=absent, status="absent")
    return meeting


EXPECTED_LINES = [
    "Ministry of Labour (MOL) — chair Aziza Karimova (speaker); Bobur Aliev",
    "Youth Agency Dilnoza Yusupova (walk-in)",
]


def test_print_view_has_one_line_per_organisation_naming_everyone_who_attended(client, participant):
    meeting = meeting_with_attendance(participant)
    client.force_login(participant)
    response = client.get(reverse("meetings:meeting-minutes-print", args=[meeting.pk]))
    content = response.content.decode()
    assert attendance_lines(content) == EXPECTED_LINES
    assert "Excused: BG." in " ".join(content.split())
    assert "Absent Office" not in content
    assert "Headcount: 23 people in the room." in content


def test_meeting_page_shows_the_same_attendance_record(client, participant):
    meeting = meeting_with_attendance(participant)
    client.force_login(participant)
    content = client.get(meeting.get_absolute_url()).content.decode()
    assert attendance_lines(content) == EXPECTED_LINES
    assert "Excused: BG." in " ".join(content.split())
    assert '<p class="headcount" id="headcount">Headcount: 23 people in the room.</p>' in content


def test_compiled_minutes_show_the_attendance_record_of_each_meeting(client, participant):
    meeting = meeting_with_attendance(participant)
    client.force_login(participant)
    response = client.get(reverse("meetings:series-minutes", args=[meeting.series.pk]), {"year": "all"})
    assert attendance_lines(response.content.decode()) == EXPECTED_LINES


def meeting_with_organizations(count: int):
    meeting = MeetingFactory(published=True, headcount=count * 2)
    for number in range(count):
        organization = OrganizationFactory()
        ParticipationFactory(
            meeting=meeting,
            organization=organization,
            contact=ContactFactory(organization=organization),
            status="attended",
        )
        ParticipationFactory(
            meeting=meeting,
            organization=organization,
            attendee_name=f"Walk-in {number}",
            walk_in=True,
            status="attended",
        )
        ParticipationFactory(meeting=meeting, organization=OrganizationFactory(), status="excused")
    return meeting


@pytest.mark.parametrize("page", ["print", "meeting"])
def test_attendance_record_query_count_does_not_grow_with_organisations(client, participant, page):
    queries = []
    client.force_login(participant)
    for count in (3, 30):
        meeting = meeting_with_organizations(count)
        url = (
            reverse("meetings:meeting-minutes-print", args=[meeting.pk])
            if page == "print"
            else meeting.get_absolute_url()
        )
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        assert len(attendance_lines(response.content.decode())) == count
        queries.append(len(captured))
    assert queries[0] == queries[1]
