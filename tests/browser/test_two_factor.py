"""Two factors in the browser: enrolment, the next sign-in with the app's code, a lost phone, an admin's reset."""

import re

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from tests.coordination.test_two_factor import current_code
from tests.stakeholders.factories import UserFactory, secretariat_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def second_factor_required(settings):
    settings.MFA_REQUIRED_FOR_STAFF = True


def test_enrol_sign_in_again_and_recover_from_a_lost_phone(login, new_page):
    secretary = secretariat_user(username="secretary")
    page = login(secretary)
    page.goto("/meetings/")
    page.wait_for_url(re.compile(r"/accounts/two-factor/setup/"))  # nothing else before the second factor
    expect(page.get_by_role("img", name="QR code for your authenticator app")).to_be_visible()
    device = TOTPDevice.objects.get(user=secretary, confirmed=False)
    page.get_by_label("Code").fill(current_code(device))
    page.get_by_role("button", name="Confirm").click()
    codes = page.get_by_test_id("recovery-codes").locator("li").all_inner_texts()
    assert len(codes) == 10
    page.get_by_role("link", name="I have kept them: continue").click()
    page.wait_for_url(re.compile(r"/meetings/$"))

    # The next sign-in asks for the code; a lost phone: a recovery code instead, then a new app.
    again = login(secretary)
    again.goto("/")
    again.wait_for_url(re.compile(r"/accounts/two-factor/verify/"))
    again.get_by_label("Code").fill("000000x")
    again.get_by_role("button", name="Verify").click()
    expect(again.get_by_text("This code is not right, or it was used already.")).to_be_visible()
    again.get_by_label("Code").fill(codes[0])
    again.get_by_role("button", name="Verify").click()
    again.wait_for_url(re.compile(r"/$"))
    again.goto("/accounts/two-factor/setup/")
    expect(again.get_by_text("Setting up a new app replaces your current one")).to_be_visible()
    new_device = TOTPDevice.objects.get(user=secretary, confirmed=False)
    again.get_by_label("Code").fill(current_code(new_device))
    again.get_by_role("button", name="Confirm").click()
    expect(again.get_by_test_id("recovery-codes").locator("li")).to_have_count(10)
    assert list(TOTPDevice.objects.filter(user=secretary).values_list("pk", flat=True)) == [new_device.pk]


def test_an_admin_resets_a_lost_second_factor(login):
    secretary = secretariat_user(username="secretary")
    TOTPDevice.objects.create(user=secretary, name="Authenticator app", confirmed=True)
    admin = UserFactory(username="root", is_staff=True, is_superuser=True)
    admin_device = TOTPDevice.objects.create(user=admin, name="Authenticator app", confirmed=True)
    page = login(admin)
    page.goto("/")
    page.get_by_label("Code").fill(current_code(admin_device))
    page.get_by_role("button", name="Verify").click()
    page.wait_for_url(re.compile(r"/$"))
    page.goto("/admin/auth/user/")
    page.get_by_role("row", name=re.compile("secretary")).get_by_role("checkbox").check()
    page.locator("select[name=action]").select_option("reset_two_factor_authentication")
    page.get_by_role("button", name="Go").click()
    expect(page.get_by_text("Two-factor authentication reset")).to_be_visible()
    assert not TOTPDevice.objects.filter(user=secretary).exists()
    secretary_page = login(secretary)
    secretary_page.goto("/")
    secretary_page.wait_for_url(re.compile(r"/accounts/two-factor/setup/"))
