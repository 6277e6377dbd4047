"""The PDF an office files: a running header (series, the meeting's number, date, venue, chair), a footer with the
series and the status of the minutes, the pages numbered "Page X of Y" in the reader's language; compiled minutes
open with contents linking to each meeting and, in the PDF, the page it starts on.

pdftotext is not installed here, so the tests read the HTML the PDF is rendered from and the print stylesheet that
puts its running header and footer in the page margins."""

import re

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse
from django.utils import translation

from meetings.printing import pdf_page_style
from tests.meetings.factories import MeetingFactory, MeetingSeriesFactory, ParticipationFactory
from tests.stakeholders.factories import ContactFactory, OrganizationFactory

pytestmark = pytest.mark.django_db


def running(name: str, content: str) -> str:
    found = re.search(rf'<div class="running-{name}">(.*?)</div>', content, re.S)
    assert found, f"no running {name}"
    return " ".join(found.group(1).split())


def chaired_meeting(**kwargs):
    meeting = MeetingFactory(
        number=4,
        venue="UN House, Tashkent",
        starts_at="2024-03-12T10:00+05:00",
        ends_at="2024-03-12T12:00+05:00",
        time_zone="Asia/Tashkent",
        **kwargs,
    )
    meeting.series.title = "Counter-trafficking platform"
    meeting.series.save()
    ministry = OrganizationFactory(name="Ministry of Labour", acronym="MOL")
    chair = ContactFactory(organization=ministry, name="Aziza Karimova")
    ParticipationFactory(meeting=meeting, organization=ministry, contact=chair, role="chair", status="attended")
    return meeting


def test_published_minutes_carry_the_running_header_and_a_published_footer(client, participant):
    meeting = chaired_meeting(published=True)
    client.force_login(participant)
    content = client.get(reverse("meetings:meeting-minutes-print", args=[meeting.pk])).content.decode()
    assert running("header", content) == (
        "Counter-trafficking platform · 4th meeting · 12 March 2024 · UN House, Tashkent · Chair: Aziza Karimova (MOL)"
    )
    assert running("footer", content) == "Counter-trafficking platform · 4th meeting · Minutes: Published"
    assert "<dt>Chair</dt>" in content and "<dd>Aziza Karimova (MOL)</dd>" in content


def test_the_secretariats_draft_print_says_draft_in_the_footer(client, secretariat):
    meeting = chaired_meeting()
    client.force_login(secretariat)
    content = client.get(reverse("meetings:meeting-minutes-print", args=[meeting.pk])).content.decode()
    assert running("footer", content) == "Counter-trafficking platform · 4th meeting · Minutes: Draft"
    pdf = client.get(reverse("meetings:meeting-minutes-pdf", args=[meeting.pk]))
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF-")


def test_print_stylesheet_puts_header_footer_and_page_numbers_in_the_margins():
    with open(finders.find("css/print.css"), encoding="utf-8") as stylesheet:
        css = stylesheet.read()
    page_rule = css[css.index("@page") : css.index(".running-header")]
    assert "@top-center { content: element(running-header)" in page_rule
    assert "@bottom-left { content: element(running-footer)" in page_rule
    assert 'counter(page) " / " counter(pages)' in page_rule
    assert ".running-header { position: running(running-header)" in css
    assert ".running-footer { position: running(running-footer)" in css


def test_pdf_numbers_pages_in_the_readers_language(client, participant):
    assert pdf_page_style() == '@page { @bottom-right { content: "Page " counter(page) " of " counter(pages); } }'
    with translation.override("uz"):
        assert pdf_page_style() == (
            '@page { @bottom-right { content: counter(pages) " sahifadan " counter(page) "\\2d sahifa"; } }'
        )
    with translation.override("ru"):
        assert 'content: "Страница " counter(page) " из " counter(pages)' in pdf_page_style()
    meeting = chaired_meeting(published=True)
    client.force_login(participant)
    client.cookies["django_language"] = "uz"
    pdf = client.get(reverse("meetings:meeting-minutes-pdf", args=[meeting.pk]))
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF-")


def test_compiled_minutes_open_with_contents_linking_to_each_meeting(client, participant):
    series = MeetingSeriesFactory(title="Counter-trafficking platform")
    for number, month in [(2, "10"), (1, "06")]:
        MeetingFactory(
            series=series,
            number=number,
            title=f"Meeting {number}",
            published=True,
            starts_at=f"2023-{month}-24T10:00+05:00",
            ends_at=f"2023-{month}-24T13:00+05:00",
            time_zone="Asia/Tashkent",
        )
    client.force_login(participant)
    content = client.get(reverse("meetings:series-minutes", args=[series.pk])).content.decode()
    contents = re.search(r'<nav class="contents".*?</nav>', content, re.S)
    assert contents
    links = [
        (href, " ".join(text.split()))
        for href, text in re.findall(r'<a href="(#[^"]+)">(.*?)</a>', contents.group(0), re.S)
    ]
    assert links == [
        ("#meeting-1", "1st meeting: Meeting 1, 24 June 2023"),
        ("#meeting-2", "2nd meeting: Meeting 2, 24 October 2023"),
    ]
    sections = re.findall(r'<article class="meeting-minutes" id="(meeting-\d+)">', content)
    assert sections == ["meeting-1", "meeting-2"]
    with open(finders.find("css/print.css"), encoding="utf-8") as stylesheet:
        assert '.contents a::after { content: leader(". ") target-counter(attr(href), page); }' in stylesheet.read()
    pdf = client.get(reverse("meetings:series-minutes-pdf", args=[series.pk]))
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF-")
