"""The secretariat gives a new person access from the contact's page; the person sets a password from the e-mail."""

import re

import pytest
from playwright.sync_api import expect

from common.models import OutgoingMail
from stakeholders.models import Contact
from tests.stakeholders.factories import ContactFactory, OrganizationFactory, secretariat_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_secretariat_invites_a_contact_who_sets_a_password_and_lands_on_the_dashboard(login, new_page):
    ministry = OrganizationFactory(name="Ministry of Justice", acronym="MoJ")
    ContactFactory(organization=ministry, name="Dilnoza Karimova", email="dilnoza@example.org")
    secretariat = login(secretariat_user(username="secretary"))

    secretariat.goto(ministry.get_absolute_url())
    secretariat.get_by_role("link", name="Dilnoza Karimova").click()  # click 1: the contact's page
    expect(secretariat.get_by_role("heading", name=re.compile("Access to the portal"))).to_contain_text("No account")
    secretariat.get_by_label("Role in the portal").select_option("participant")  # click 2 (already the default)
    secretariat.get_by_role("button", name="Send invitation").click()  # click 3
    expect(secretariat.get_by_role("alert")).to_contain_text("An invitation was sent to dilnoza@example.org")
    expect(secretariat.get_by_role("heading", name=re.compile("Access to the portal"))).to_contain_text("Invited")

    mail = OutgoingMail.objects.get(to=["dilnoza@example.org"])
    link = re.search(r"https?://\S+(/accounts/invitation/\S+/)", mail.body).group(1)

    newcomer = new_page()  # a fresh browser context: no session of the secretariat's
    newcomer.goto(link)
    expect(newcomer.get_by_role("heading", name="Welcome to the coordination portal")).to_be_visible()
    newcomer.locator("#id_new_password1").fill("a quiet harbour at dawn 42")
    newcomer.locator("#id_new_password2").fill("a quiet harbour at dawn 42")
    newcomer.get_by_role("button", name="Set password and enter").click()
    newcomer.wait_for_url(re.compile(r"/$"))
    expect(newcomer.get_by_role("alert")).to_contain_text("Welcome!")
    expect(newcomer.locator("[data-role=participant]")).to_have_count(1)
    assert Contact.objects.get(name="Dilnoza Karimova").user.username == "dilnoza@example.org"

    # The same link again: a clear page, not a second account.
    newcomer.goto(link)
    expect(newcomer.get_by_role("heading", name="This invitation link cannot be used")).to_be_visible()
