"""Login protection: lockout with cool-off, password rules and reset, session rotation, logout, deactivation."""

import datetime
import re

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.models import Session
from django.core import mail
from django.core.management import call_command
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import timezone

from common.models import MailStatus, OutgoingMail
from common.outbox import deliver_pending_mail_with_backoff
from tests.stakeholders.factories import FACTORY_PASSWORD

PASSWORD = FACTORY_PASSWORD
LOGIN = "/accounts/login/"


def attempt(client, password, username="part", ip="10.0.0.1", **headers):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=ip, **headers)


def wrong_passwords(client, count, **kwargs):
    for _ in range(count):
        response = attempt(client, "wrong password", **kwargs)
    return response


@pytest.mark.django_db
class TestLockout:
    def test_settings_are_explicit(self):
        assert settings.AXES_FAILURE_LIMIT == 5
        assert settings.AXES_ADDRESS_FAILURE_LIMIT == 30
        assert datetime.timedelta(minutes=15) == settings.AXES_COOLOFF_TIME
        assert settings.AXES_LOCKOUT_PARAMETERS == ["ip_address", "username"]
        assert settings.PASSWORD_RESET_LIMIT_PER_EMAIL == 4
        assert settings.PASSWORD_RESET_LIMIT_PER_ADDRESS == 20
        assert datetime.timedelta(minutes=15) == settings.PASSWORD_RESET_WINDOW

    def test_four_wrong_passwords_still_allow_the_right_one(self, client, participant):
        response = wrong_passwords(client, 4)
        assert response.status_code == 200
        assert "Please enter a correct username and password" in response.text
        assert attempt(client, PASSWORD).status_code == 302

    def test_the_fifth_failure_locks_out_even_the_right_password(self, client, participant):
        response = wrong_passwords(client, 5)
        assert response.status_code == 429
        assert "Login temporarily locked" in response.text
        assert "15 minutes" in response.text
        assert "Content-Security-Policy" in response.headers
        response = attempt(client, PASSWORD)
        assert response.status_code == 429
        assert SESSION_KEY not in client.session
        # The admin's login form is protected by the same lock.
        response = client.post("/admin/login/", {"username": "part", "password": PASSWORD}, REMOTE_ADDR="10.0.0.1")
        assert response.status_code == 429

    def test_a_locked_username_stays_locked_from_any_address(self, client, participant, other_participant):
        """Issue 12, finding 4: a username under attack stays locked from any address (for browsers it never
        logged in on)."""
        wrong_passwords(client, 5)
        assert attempt(Client(), PASSWORD, ip="10.0.0.2").status_code == 429  # same user, another address
        assert attempt(Client(), PASSWORD, username="other", ip="10.0.0.3").status_code == 302

    def test_the_lock_page_says_the_account_is_locked_from_every_address(self, client, participant):
        """A username lock holds from any address: the page must not say it is about "this address"."""
        wrong_passwords(client, 5)
        response = attempt(Client(), PASSWORD, ip="10.0.0.2")
        assert response.status_code == 429
        assert (
            "There were 5 failed login attempts for the account <strong>part</strong>, so logging in to this account"
            " is blocked from every address" in response.text
        )
        assert "from this address" not in response.text
        response = attempt(Client(), PASSWORD, ip="10.0.0.2", HTTP_ACCEPT_LANGUAGE="ru")
        assert "вход в эту учётную запись заблокирован с любого адреса" in response.text

    def test_five_typos_do_not_lock_a_colleague_on_the_same_address(self, client, participant, other_participant):
        """A ministry's staff share one NAT address: one person's typos lock only the username typed."""
        assert wrong_passwords(client, 5).status_code == 429
        assert attempt(Client(), PASSWORD, username="other").status_code == 302

    def test_a_username_cycled_from_one_address_locks_that_address(self, participant, other_participant):
        limit = settings.AXES_ADDRESS_FAILURE_LIMIT
        script = Client()
        for number in range(limit - 1):  # four guesses per username: no username reaches its own limit
            attempt(script, "wrong password", username=f"guess-{number // 4}")
        assert attempt(Client(), PASSWORD, username="other").status_code == 302  # below the address's limit
        attempt(script, "wrong password", username="guess-last")
        response = attempt(Client(), PASSWORD, username="other")
        assert response.status_code == 429
        assert (
            f"There were {limit} failed login attempts from this address, so logging in from this address is blocked"
            " for every account" in response.text
        )
        assert "<strong>other</strong>" not in response.text
        assert attempt(Client(), PASSWORD, username="other", ip="10.0.0.2").status_code == 302

    def test_an_account_holder_cannot_reset_the_count_with_logins_of_their_own(self, participant, other_participant):
        """Guesses at a victim's password alternated with successful logins of the attacker's own account: the
        victim's username still locks at the limit."""
        attacker = Client()
        for _ in range(4):
            assert attempt(attacker, "wrong password", username="part").status_code == 200
        assert attempt(attacker, PASSWORD, username="other").status_code == 302
        attacker.logout()
        assert attempt(attacker, "wrong password", username="part").status_code == 429
        assert attempt(attacker, PASSWORD, username="part").status_code == 429
        assert attempt(Client(), PASSWORD, username="part", ip="10.0.0.2").status_code == 429  # from anywhere

    def test_a_script_cannot_lock_the_owner_out_of_a_known_device(self, participant):
        owner = Client()
        assert attempt(owner, PASSWORD, ip="10.0.0.7").status_code == 302  # this browser is now a known device
        owner.cookies.pop(settings.SESSION_COOKIE_NAME)  # logged out, the device cookie kept
        script = Client()
        for number in range(20):
            attempt(script, "wrong password", ip=f"10.1.0.{number}")
        assert attempt(script, PASSWORD, ip="10.1.0.99").status_code == 429  # the script's own right guess: refused
        assert attempt(owner, "wrong password", ip="10.0.0.7").status_code == 429  # a wrong one is still refused
        assert attempt(owner, PASSWORD, ip="10.0.0.8").status_code == 302  # the owner gets in

    def test_a_known_device_cookie_is_only_good_for_its_account(self, participant, other_participant):
        browser = Client()
        assert attempt(browser, PASSWORD).status_code == 302
        browser.cookies.pop(settings.SESSION_COOKIE_NAME)
        wrong_passwords(Client(), 5, username="other", ip="10.2.0.1")
        assert attempt(browser, PASSWORD, username="other", ip="10.2.0.2").status_code == 429

    def test_the_lock_ends_after_the_cool_off(self, client, participant):
        wrong_passwords(client, 5)
        AccessAttempt.objects.update(attempt_time=timezone.now() - datetime.timedelta(minutes=16))
        assert attempt(client, PASSWORD).status_code == 302

    def test_an_admin_unlocks_with_axes_reset(self, client, participant):
        wrong_passwords(client, 5)
        assert attempt(client, PASSWORD).status_code == 429
        call_command("axes_reset_username", "part")
        assert attempt(client, PASSWORD).status_code == 302

    def test_a_successful_login_clears_the_failures(self, client, participant):
        wrong_passwords(client, 4)
        assert attempt(client, PASSWORD).status_code == 302
        client.logout()
        assert wrong_passwords(client, 4).status_code == 200
        assert attempt(client, PASSWORD).status_code == 302


@pytest.mark.django_db
class TestPasswords:
    def test_validators_refuse_weak_passwords(self, client, participant):
        client.force_login(participant)
        for weak in ["short1", "password123", "12345678901", "part"]:
            response = client.post(
                reverse("password_change"),
                {"old_password": PASSWORD, "new_password1": weak, "new_password2": weak},
            )
            assert response.status_code == 200, weak
            assert response.context["form"].errors["new_password2"], weak
        participant.refresh_from_db()
        assert participant.check_password(PASSWORD)

    def test_password_reset_by_email(self, client, participant):
        response = client.post(reverse("password_reset"), {"email": participant.email})
        assert response.status_code == 302
        # Written to the outbox in the request's transaction, sent in the background once it commits.
        [waiting] = OutgoingMail.objects.all()
        assert waiting.status == MailStatus.PENDING and mail.outbox == []
        deliver_pending_mail_with_backoff()
        assert len(mail.outbox) == 1
        message = mail.outbox[0]
        assert message.to == [participant.email]
        link = re.search(r"http://testserver(/accounts/reset/\S+/)", message.body).group(1)
        response = client.get(link)  # redirects to the set-password form with the token in the session
        assert response.status_code == 302
        new_password = "a much longer new passphrase 42"
        response = client.post(response.url, {"new_password1": new_password, "new_password2": new_password})
        assert response.status_code == 302
        assert response.url == reverse("password_reset_complete")
        assert attempt(client, new_password).status_code == 302
        # The link works once only.
        client.logout()
        response = client.get(link, follow=True)
        assert "no longer valid" in response.text

    def test_reset_for_an_unknown_address_sends_nothing_and_says_the_same(self, client, participant):
        response = client.post(reverse("password_reset"), {"email": "nobody@example.org"})
        assert response.status_code == 302
        assert response.url == reverse("password_reset_done")
        assert mail.outbox == []


@pytest.mark.django_db
class TestSessions:
    def test_login_rotates_the_session_key(self, client, participant):
        client.get(LOGIN)
        session = client.session
        session["before_login"] = True
        session.save()
        before = session.session_key
        assert attempt(client, PASSWORD).status_code == 302
        assert client.session.session_key != before
        assert client.session[SESSION_KEY] == str(participant.pk)

    def test_logout_is_post_only_and_ends_the_session(self, client, participant):
        client.force_login(participant)
        key = client.session.session_key
        assert client.get(reverse("logout")).status_code == 405
        assert client.get(reverse("dashboard")).status_code == 200
        response = client.post(reverse("logout"))
        assert response.status_code == 302
        assert not Session.objects.filter(session_key=key).exists()
        response = client.get(reverse("dashboard"))
        assert response.status_code == 302
        assert response.url.startswith(reverse("login"))

    def test_a_deactivated_users_session_stops_working(self, client, participant):
        client.force_login(participant)
        assert client.get(reverse("meetings:meeting-list")).status_code == 200
        participant.is_active = False
        participant.save()
        response = client.get(reverse("meetings:meeting-list"))
        assert response.status_code == 302
        assert response.url.startswith(reverse("login"))
        assert attempt(client, PASSWORD).status_code == 200  # and cannot log in again

    def test_a_password_change_elsewhere_ends_other_sessions(self, client, participant):
        client.force_login(participant)
        participant.set_password("another long passphrase 77")
        participant.save()
        response = client.get(reverse("meetings:meeting-list"))
        assert response.status_code == 302

    def test_the_session_has_an_explicit_lifetime(self, client, participant):
        assert attempt(client, PASSWORD).status_code == 302
        assert client.session.get_expiry_age() == settings.SESSION_COOKIE_AGE == 12 * 60 * 60


@pytest.mark.django_db
@pytest.mark.parametrize("username", ["x" * 300, "part\x00", "<script>alert(1)</script>" * 20])
def test_hostile_usernames_are_a_failed_login_not_an_error(client, participant, username):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        response = attempt(client, "wrong password", username=username)
        assert response.status_code in (200, 429)
    assert attempt(Client(), PASSWORD, ip="10.0.0.2").status_code == 302  # the real user is not locked out by it


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        (0, "203.0.113.9", "192.0.2.1"),  # no trusted proxy: the header is the client's word, ignored
        (1, "198.51.100.7", "198.51.100.7"),
        (1, "6.6.6.6, 198.51.100.7", "198.51.100.7"),  # the client wrote the first entry itself
        (2, "6.6.6.6, 198.51.100.7, 10.0.0.2", "198.51.100.7"),
        (1, "not-an-address", "192.0.2.1"),
    ],
)
def test_the_client_address_behind_trusted_proxies(settings, proxies, forwarded, expected):
    from coordination.lockout import client_ip

    settings.TRUSTED_PROXY_COUNT = proxies
    request = RequestFactory().get("/", REMOTE_ADDR="192.0.2.1", HTTP_X_FORWARDED_FOR=forwarded)
    assert client_ip(request) == expected


@pytest.mark.django_db
def test_password_reset_requests_are_throttled(client, participant):
    """Issue 12, finding 6: twelve reset mails to one victim in a second."""
    answers = [
        client.post(reverse("password_reset"), {"email": "part@example.org"}, REMOTE_ADDR=f"10.3.0.{n}").status_code
        for n in range(12)
    ]
    assert answers[:4] == [302] * 4 and set(answers[4:]) == {429}  # PASSWORD_RESET_LIMIT_PER_EMAIL requests count
    assert OutgoingMail.objects.count() == 4  # written to the outbox, sent after commit


@pytest.mark.django_db
def test_password_reset_requests_from_one_address_are_throttled(client, participant):
    limit = settings.PASSWORD_RESET_LIMIT_PER_ADDRESS
    for number in range(limit):
        response = client.post(reverse("password_reset"), {"email": f"someone-{number}@example.org"})
        assert response.status_code == 302
    response = client.post(reverse("password_reset"), {"email": "part@example.org"})
    assert response.status_code == 429
    assert "Too many password reset requests. Please try again in 15 minutes." in response.text
    assert 'value="part@example.org"' in response.text  # the form keeps what was typed
    assert OutgoingMail.objects.count() == 0
    other_address = client.post(reverse("password_reset"), {"email": "part@example.org"}, REMOTE_ADDR="10.3.1.1")
    assert other_address.status_code == 302


@pytest.mark.django_db
def test_password_reset_requests_never_lock_the_login(client, participant, other_participant):
    """Reset requests need no password: however many come from one address, nobody there is locked out of logging
    in, and the reset throttle's refusals do not count either."""
    for number in range(settings.PASSWORD_RESET_LIMIT_PER_ADDRESS + 5):
        client.post(reverse("password_reset"), {"email": f"someone-{number % 3}@example.org"}, REMOTE_ADDR="10.0.0.1")
    client.post(reverse("password_reset"), {"email": "part@example.org"}, REMOTE_ADDR="10.0.0.1")
    assert attempt(Client(), PASSWORD, username="part").status_code == 302
    assert attempt(Client(), PASSWORD, username="other").status_code == 302
    assert AccessAttempt.objects.count() == 0


@pytest.mark.django_db
def test_old_password_guesses_on_the_change_form_are_throttled(client, participant):
    client.force_login(participant)
    for _ in range(5):
        data = {
            "old_password": "guess",
            "new_password1": "a new long passphrase",
            "new_password2": "a new long passphrase",
        }
        client.post(reverse("password_change"), data)
    data["old_password"] = PASSWORD
    assert client.post(reverse("password_change"), data).status_code == 429
