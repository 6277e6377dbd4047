"""Signing in with the organisation's accounts in the browser, through a real OpenID provider's own pages."""

import re

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from tests.oidc import callback_path, configure_portal, running_provider
from tests.stakeholders.factories import OrganizationFactory, participant_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def identity_provider(live_server):
    with running_provider([f"{live_server.url}{callback_path()}"]) as issuer:
        yield configure_portal(issuer)


def test_an_invited_person_signs_in_with_their_organisations_account(identity_provider, new_page):
    ministry = OrganizationFactory(name="Ministry of Internal Affairs", acronym="MIA")
    anna = participant_user(organization=ministry, username="anna", email="anna.karimova@ministry.example")
    page = new_page()
    page.goto("/accounts/login/")
    expect(page.get_by_label("Username")).to_be_visible()  # the password login stays
    page.get_by_label("Work e-mail address").fill("anna.karimova@ministry.example")
    page.get_by_role("button", name="Continue with your organisation's sign-in").click()

    page.wait_for_url(re.compile(r"^http://127\.0\.0\.1:\d+/interaction/"))  # the provider's login page
    page.locator("input[name=login]").fill("anna")
    page.locator("input[name=password]").fill("any password")
    page.get_by_role("button", name="Sign-in").click()
    page.get_by_role("button", name="Continue").click()  # the provider's consent page

    page.wait_for_url(re.compile(r"^http://localhost:\d+/$"))
    expect(page.locator("[data-role=participant]")).to_have_count(1)
    assert get_user_model().objects.get(socialaccount__uid="anna") == anna


def test_an_unknown_address_at_the_provider_gets_a_clear_page(identity_provider, new_page):
    page = new_page()
    page.goto("/accounts/login/")
    page.get_by_label("Work e-mail address").fill("stranger@ministry.example")
    page.get_by_role("button", name="Continue with your organisation's sign-in").click()
    page.locator("input[name=login]").fill("stranger")
    page.locator("input[name=password]").fill("any password")
    page.get_by_role("button", name="Sign-in").click()
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("alert")).to_contain_text(
        "no portal account uses stranger@ministry.example. Ask the secretariat for an invitation."
    )
    assert not get_user_model().objects.filter(email="stranger@ministry.example").exists()
