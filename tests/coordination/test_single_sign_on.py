"""Signing in with the organisation's accounts, over HTTP against a real OpenID provider (tests/oidc/provider.mjs).

The test client plays the browser on the portal's side, requests plays it on the provider's login and consent pages;
the portal itself talks to the provider (discovery, token, userinfo) over real HTTP.
"""

import socket
from urllib.parse import urlsplit

import pytest
from allauth.socialaccount.models import SocialAccount
from django.contrib.auth import SESSION_KEY, get_user_model
from django.urls import reverse

from stakeholders.accounts import invite_to_portal
from stakeholders.models import AccountEvent, AccountEventKind, AccountInvitation
from tests.oidc import callback_path, configure_portal, running_provider, sign_in_at_provider
from tests.stakeholders.factories import ContactFactory, participant_user

ANNA = "anna.karimova@ministry.example"
User = get_user_model()


@pytest.fixture(scope="module")
def issuer():
    with running_provider([f"http://testserver{callback_path()}"]) as url:
        yield url


@pytest.fixture
def provider(db, issuer):
    return configure_portal(issuer)


def start(client, email):
    return client.post(reverse("single-sign-on"), {"email": email})


def sign_in(client, email, account):
    """The whole round trip: the e-mail on the portal, the provider's pages, back to the portal's callback."""
    response = start(client, email)
    assert response.status_code == 302, response.content[:300]
    back = urlsplit(sign_in_at_provider(response.url, account))
    assert back.path == callback_path()
    return client.get(f"{back.path}?{back.query}")


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_the_login_page_offers_the_organisations_sign_in_once_a_provider_is_configured(client, db, issuer):
    assert "Continue with your organisation" not in client.get(reverse("login")).text
    configure_portal(issuer)
    page = client.get(reverse("login")).text
    assert "Continue with your organisation" in page
    assert 'name="username"' in page and 'name="password"' in page  # the password login stays


def test_the_e_mail_domain_chooses_the_provider(client, provider):
    response = start(client, "Anna.Karimova@Ministry.Example")
    assert response.status_code == 302
    assert response.url.startswith(provider.settings["server_url"] + "/auth?")
    assert "client_id=portal-tests" in response.url


def test_an_unknown_domain_says_so_and_points_to_the_password(client, provider):
    response = start(client, "someone@example.org")
    assert response.status_code == 200
    assert "No organisation&#x27;s sign-in is set up for example.org" in response.text
    assert "username and password" in response.text
    assert 'value="someone@example.org"' in response.text


def test_a_first_sign_in_links_the_existing_account_with_that_verified_address(client, provider, organization):
    anna = participant_user(organization=organization, username="anna", email=ANNA.upper())
    response = sign_in(client, ANNA, "anna")
    assert response.status_code == 302
    assert response.url == reverse("dashboard")
    assert client.session[SESSION_KEY] == str(anna.pk)
    assert SocialAccount.objects.get(user=anna).uid == "anna"
    assert client.get(reverse("dashboard")).status_code == 200
    client.logout()
    # The next sign-in finds the link, not the address.
    anna.email = "changed@example.org"
    anna.save()
    assert sign_in(client, ANNA, "anna").status_code == 302
    assert client.session[SESSION_KEY] == str(anna.pk)


def test_a_first_sign_in_takes_up_the_open_invitation(client, provider, secretariat, organization):
    contact = ContactFactory(organization=organization, email=ANNA, name="Anna Karimova")
    invite_to_portal(contact=contact, role="participant", invited_by=secretariat)
    users_before = User.objects.count()
    response = sign_in(client, ANNA, "anna")
    assert response.status_code == 302
    contact.refresh_from_db()
    assert contact.user is not None and client.session[SESSION_KEY] == str(contact.user.pk)
    assert User.objects.count() == users_before + 1
    assert not contact.user.has_usable_password()
    assert list(contact.user.groups.values_list("name", flat=True)) == ["Participant"]
    assert AccountInvitation.objects.get(contact=contact).accepted_at is not None
    assert AccountEvent.objects.filter(contact=contact, kind=AccountEventKind.JOINED_BY_SINGLE_SIGN_ON).exists()


def test_an_address_without_an_account_is_refused_and_nothing_is_created(client, provider, participant):
    users_before = User.objects.count()
    response = sign_in(client, "stranger@ministry.example", "stranger")
    assert response.status_code == 403
    assert (
        "Your organisation&#x27;s sign-in worked, but no portal account uses stranger@ministry.example. Ask the "
        "secretariat for an invitation." in response.text
    )
    assert SESSION_KEY not in client.session
    assert User.objects.count() == users_before
    assert not SocialAccount.objects.exists()


def test_an_unverified_address_is_refused(client, provider, organization):
    participant_user(organization=organization, username="bobur", email="bobur@ministry.example")
    response = sign_in(client, "bobur@ministry.example", "bobur")
    assert response.status_code == 403
    assert "did not confirm that bobur@ministry.example is verified" in response.text
    assert SESSION_KEY not in client.session
    assert not SocialAccount.objects.exists()


def test_a_provider_may_not_vouch_for_another_domains_address(client, provider, organization):
    """A ministry's provider saying "this is someone@elsewhere.example" does not sign in that person's account."""
    participant_user(organization=organization, username="elsewhere", email="someone@elsewhere.example")
    response = sign_in(client, ANNA, "outsider")
    assert response.status_code == 403
    assert SESSION_KEY not in client.session
    assert not SocialAccount.objects.exists()


def test_a_deactivated_account_is_refused(client, provider, organization):
    anna = participant_user(organization=organization, username="anna", email=ANNA)
    anna.is_active = False
    anna.save()
    response = sign_in(client, ANNA, "anna")
    assert response.status_code == 403
    assert "is deactivated" in response.text
    assert SESSION_KEY not in client.session


def test_a_provider_that_is_down_gets_a_clear_page(client, db):
    configure_portal(f"http://127.0.0.1:{closed_port()}")
    response = start(client, ANNA)
    assert response.status_code == 503
    assert "could not reach your organisation&#x27;s sign-in service" in response.text


def test_a_provider_that_goes_down_during_the_sign_in_gets_a_clear_page(client, db, organization):
    participant_user(organization=organization, username="anna", email=ANNA)
    with running_provider([f"http://testserver{callback_path()}"]) as issuer:
        configure_portal(issuer)
        response = start(client, ANNA)
        back = urlsplit(sign_in_at_provider(response.url, "anna"))
    response = client.get(f"{back.path}?{back.query}")  # the token exchange finds nobody
    assert response.status_code == 503
    assert "could not reach your organisation&#x27;s sign-in service" in response.text
    assert SESSION_KEY not in client.session


def test_a_callback_without_a_started_sign_in_is_refused(client, provider):
    response = client.get(f"{callback_path()}?code=forged&state=forged")
    assert response.status_code == 400
    assert "did not complete" in response.text
    assert SESSION_KEY not in client.session
