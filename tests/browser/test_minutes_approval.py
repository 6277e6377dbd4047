"""The approval loop in a real browser: the secretariat circulates the draft minutes, a focal point of an attending
organisation comments beside an item and corrects the comment, the secretariat resolves it beside the text, the next
meeting approves the minutes, and they are locked."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from playwright.sync_api import expect

from common.roles import FOCAL_POINT
from meetings.models import MeetingStatus, ParticipationStatus
from tests.meetings.factories import AgendaItemFactory, MeetingFactory, MeetingSeriesFactory, ParticipationFactory
from tests.stakeholders.factories import OrganizationFactory, participant_user, secretariat_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_circulate_comment_resolve_approve_and_lock(login):
    ministry = OrganizationFactory(name="Ministry of Labour", acronym="MOL")
    series = MeetingSeriesFactory(title="Labour migration platform")
    fourth = MeetingFactory(series=series, number=4, starts_at=datetime.datetime(2023, 1, 10, 10, tzinfo=datetime.UTC))
    item = AgendaItemFactory(
        meeting=fourth, position=1, title="Airport screening", discussion_summary="Partners shared the figures."
    )
    ParticipationFactory(meeting=fourth, organization=ministry, status=ParticipationStatus.ATTENDED)
    now = timezone.now()
    fifth = MeetingFactory(
        series=series,
        number=5,
        status=MeetingStatus.PLANNED,
        starts_at=now - datetime.timedelta(hours=1),
        ends_at=now + datetime.timedelta(hours=2),
    )
    focal_point = participant_user(organization=ministry, username="dilnoza")
    focal_point.groups.add(Group.objects.get(name=FOCAL_POINT))

    office = login(secretariat_user(username="aziza"))
    office.goto(f"/meetings/{fourth.pk}/minutes/edit/")
    office.get_by_role("link", name="Circulate for comment").click()
    expect(office.locator("#circulate-audience")).to_contain_text("1 person will be e-mailed a link to the draft")
    office.get_by_role("button", name="Yes, circulate the draft").click()
    expect(office.locator("#minutes-state")).to_have_text("Circulated for comment")

    reader = login(focal_point)
    reader.goto(fourth.get_absolute_url())
    reader.get_by_role("link", name="Read the draft and comment").click()
    expect(reader.locator(".minutes-record")).to_contain_text("Partners shared the figures.")
    # The comment is written beside the item it is about, in place (htmx), then corrected by its author.
    beside_item = reader.locator(f"#comments-{item.pk}")
    beside_item.get_by_label("Your comment on item 1").fill("Please add the 2023 figure.")
    beside_item.get_by_role("button", name="Send the comment").click()
    expect(beside_item.locator(".minutes-comment")).to_contain_text("Please add the 2023 figure.")
    expect(beside_item.get_by_label("Your comment on item 1")).to_have_value("")
    expect(reader.locator("#comments-general .minutes-comment")).to_have_count(0)
    beside_item.get_by_role("link", name="Edit").click()
    beside_item.get_by_label("Your comment", exact=True).fill("Please add the 2023 figure for Tashkent.")
    beside_item.get_by_role("button", name="Save the comment").click()
    expect(beside_item.locator(".minutes-comment")).to_contain_text("Please add the 2023 figure for Tashkent.")
    expect(beside_item.locator(".comment-edited")).to_be_visible()
    reader.reload()  # saved, not only shown
    expect(reader.locator(f"#comments-{item.pk} .comment-text")).to_have_text(
        "Please add the 2023 figure for Tashkent."
    )

    office.goto(f"/meetings/{fourth.pk}/minutes/edit/")
    card = office.locator(f"#item-{item.pk}")
    expect(card.locator(".minutes-comment")).to_contain_text("Please add the 2023 figure for Tashkent.")
    expect(card.locator(".comment-edited")).to_contain_text("edited by its author")
    card.get_by_placeholder("Resolution note (optional)").fill("Added to the summary.")
    card.get_by_role("button", name="Resolve").click()
    expect(card.locator(".comment-resolution")).to_contain_text("Added to the summary.")
    office.reload()  # resolved in place, and saved
    expect(office.locator(f"#item-{item.pk} .comment-resolution")).to_contain_text("Added to the summary.")

    reader.reload()  # resolved: its author can no longer change it
    expect(reader.locator(f"#comments-{item.pk} .comment-resolution")).to_contain_text("Added to the summary.")
    expect(reader.locator(f"#comments-{item.pk}").get_by_role("link", name="Edit")).to_have_count(0)

    office.goto(fifth.get_absolute_url())
    expect(office.locator(f"#approve-minutes-{fourth.pk}")).to_contain_text("to be approved at this meeting")
    office.locator(f"#approve-minutes-{fourth.pk}").get_by_role("link", name="Approved at the 5th meeting").click()
    expect(office.locator("#approve-audience")).to_contain_text("will be e-mailed that the minutes are approved")
    office.get_by_role("button", name="Approved at the 5th meeting").click()
    expect(office.locator("#minutes-approved")).to_have_text("Approved, version 1")

    office.goto(f"/meetings/{fourth.pk}/minutes/edit/")
    expect(office.locator("#minutes-locked")).to_contain_text("approved at the 5th meeting and are locked")
    expect(office.locator(f"#item-{item.pk} textarea").first).to_be_disabled()
    office.get_by_role("link", name="Versions").click()
    expect(office.locator("#minutes-versions")).to_contain_text("Approved at the 5th meeting")
