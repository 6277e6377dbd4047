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
from django.urls import reverse
from django.utils import timezone

from common.models import MailStatus, OutgoingMail
from common.outbox import deliver_pending

PASSWORD = "correct horse battery staple"
LOGIN = "/accounts/login/"


def attempt(client, password, username="part", ip="10.0.0.1"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=ip)


def wrong_passwords(client, count, **kwargs):
    for _ in range(count):
        response = attempt(client, "wrong password", **kwargs)
    return response


@pytest.mark.django_db
class TestLockout:
    def test_settings_are_explicit(self):
        assert settings.AXES_FAILURE_LIMIT == 5
        assert datetime.timedelta(minutes=15) == settings.AXES_COOLOFF_TIME
        assert settings.AXES_LOCKOUT_PARAMETERS == [["username", "ip_address"]]

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

    def test_the_lock_is_per_username_and_address(self, client, participant, other_participant):
        wrong_passwords(client, 5)
        assert attempt(client, PASSWORD, ip="10.0.0.2").status_code == 302  # same user, another address
        client.logout()
        assert attempt(client, PASSWORD, username="other").status_code == 302  # another user, same address

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
        deliver_pending()
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
        assert client.get(reverse("meeting-list")).status_code == 200
        participant.is_active = False
        participant.save()
        response = client.get(reverse("meeting-list"))
        assert response.status_code == 302
        assert response.url.startswith(reverse("login"))
        assert attempt(client, PASSWORD).status_code == 200  # and cannot log in again

    def test_a_password_change_elsewhere_ends_other_sessions(self, client, participant):
        client.force_login(participant)
        participant.set_password("another long passphrase 77")
        participant.save()
        response = client.get(reverse("meeting-list"))
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
    assert attempt(client, PASSWORD).status_code == 302  # the real user is not locked out by it
