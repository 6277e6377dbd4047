"""The language a text is written in, chosen in a real browser: the translation field in that same language is
hidden (the original is the text itself), also in an entry form the minutes editor swaps in with htmx."""

import datetime
import re

import pytest
from playwright.sync_api import expect

from meetings.models import Statement
from tests.browser.pickers import pick
from tests.meetings.factories import AgendaItemFactory, MeetingFactory
from tests.stakeholders.factories import ContactFactory, secretariat_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_statement_written_in_russian_offers_its_english_translation_and_not_a_russian_one(login):
    meeting = MeetingFactory(starts_at=datetime.datetime(2023, 4, 11, 10, tzinfo=datetime.UTC))
    item = AgendaItemFactory(meeting=meeting, position=1, title="Emerging trends")
    speaker = ContactFactory(name="Representative of the ministry")
    page = login(secretariat_user(username="aziza"))
    page.goto(f"/meetings/{meeting.pk}/minutes/edit/")
    card = page.locator(f"#item-{item.pk}")
    card.get_by_role("link", name="Add a statement").click()
    form = card.locator("form.entry-form")
    pick(form.get_by_label("Speaker"), speaker.name)
    form.get_by_role("textbox", name=re.compile("^Text")).first.fill("Министерство усилит работу по выявлению жертв.")
    form.locator("summary", has_text="More details (optional)").click()  # a new entry folds all but its one line
    language = form.get_by_label("Written in")
    expect(language).to_have_value("en")  # the writer's interface language
    expect(form.get_by_label("Text (English)")).to_be_hidden()
    expect(form.get_by_label("Text (Russian)")).to_be_visible()

    language.select_option("ru")
    expect(form.get_by_label("Text (Russian)")).to_be_hidden()
    english = form.get_by_label("Text (English)")
    expect(english).to_be_visible()
    english.fill("The ministry will step up the identification of victims.")
    form.get_by_role("button", name="Save the statement").click()
    expect(card.locator(f"#item-{item.pk}-statement-rows")).to_contain_text("Министерство усилит")

    statement = Statement.objects.get()
    assert statement.source_language == "ru"
    assert statement.summary == "Министерство усилит работу по выявлению жертв."
    assert statement.summary_en == "The ministry will step up the identification of victims."
