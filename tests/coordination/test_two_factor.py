"""Two factors for the secretariat and admins (MFA_REQUIRED_FOR_STAFF on in these tests), over HTTP."""

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.auth import SESSION_KEY
from django.test import Client
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from stakeholders.models import AccountEvent, AccountEventKind, Contact
from tests.security.test_login import PASSWORD, attempt

SETUP = "/accounts/two-factor/setup/"
VERIFY = "/accounts/two-factor/verify/"


@pytest.fixture(autouse=True)
def second_factor_required(settings):
    settings.MFA_REQUIRED_FOR_STAFF = True


def current_code(device: TOTPDevice, offset: int = 0) -> str:
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time += offset * device.step
    return f"{totp.token():0{device.digits}d}"


def enrol(user) -> tuple[TOTPDevice, list[str]]:
    """An app and recovery codes, as the enrolment page leaves them."""
    from coordination.two_factor import new_recovery_codes

    device = TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=True)
    return device, new_recovery_codes(user)


def log_in(username, ip="10.0.0.1"):
    client = Client()
    response = attempt(client, PASSWORD, username=username, ip=ip)
    assert response.status_code == 302
    return client


@pytest.mark.django_db
class TestRequired:
    def test_a_secretariat_member_without_an_app_reaches_only_enrolment(self, secretariat):
        client = log_in("sec")
        for path in (reverse("dashboard"), reverse("meetings:meeting-list"), "/admin/", reverse("password_change")):
            response = client.get(path)
            assert response.status_code == 302, path
            assert response.url.startswith(SETUP), path
        assert client.get(SETUP).status_code == 200
        assert client.post(reverse("logout")).status_code == 302  # logging out works

    def test_an_admin_with_an_app_reaches_only_verification_including_the_admin(self, admin_user):
        enrol(admin_user)
        client = log_in("root")
        response = client.get("/admin/auth/user/")
        assert response.status_code == 302
        assert response.url == f"{VERIFY}?next=%2Fadmin%2Fauth%2Fuser%2F"
        assert client.get(SETUP).url.startswith(VERIFY)  # no new app without passing the current one

    def test_participants_are_not_asked(self, participant):
        client = log_in("part")
        assert client.get(reverse("dashboard")).status_code == 200
        assert client.get(SETUP).status_code == 403

    def test_off_by_setting(self, settings, secretariat):
        settings.MFA_REQUIRED_FOR_STAFF = False
        assert log_in("sec").get(reverse("dashboard")).status_code == 200


@pytest.mark.django_db
class TestEnrolment:
    def test_scan_type_the_code_and_get_recovery_codes(self, secretariat):
        client = log_in("sec")
        page = client.get(f"{SETUP}?next=/meetings/")
        assert 'src="data:image/svg+xml;base64,' in page.text
        device = TOTPDevice.objects.get(user=secretariat, confirmed=False)
        wrong = "000000" if current_code(device) != "000000" else "111111"
        assert client.post(SETUP, {"code": wrong}).status_code == 200
        response = client.post(SETUP, {"code": current_code(device), "next": "/meetings/"})
        assert response.status_code == 200
        codes = StaticToken.objects.filter(device__user=secretariat).values_list("token", flat=True)
        assert len(codes) == 10 and all(code in response.text for code in codes)
        device.refresh_from_db()
        assert device.confirmed
        assert client.get(reverse("meetings:meeting-list")).status_code == 200  # this session passed its second factor


@pytest.mark.django_db
class TestVerification:
    def test_the_apps_code_lets_in_and_a_reused_one_is_refused(self, secretariat):
        device, _codes = enrol(secretariat)
        client = log_in("sec")
        code = current_code(device)
        response = client.post(VERIFY, {"code": code, "next": "/meetings/"})
        assert response.status_code == 302 and response.url == "/meetings/"
        assert client.get(reverse("dashboard")).status_code == 200
        again = log_in("sec")
        response = again.post(VERIFY, {"code": code})
        assert response.status_code == 200
        assert "This code is not right, or it was used already." in response.text
        assert again.get(reverse("dashboard")).status_code == 302

    def test_a_recovery_code_works_once(self, secretariat):
        _device, codes = enrol(secretariat)
        client = log_in("sec")
        assert client.post(VERIFY, {"code": codes[0].upper()}).status_code == 302
        assert client.get(reverse("dashboard")).status_code == 200
        assert log_in("sec").post(VERIFY, {"code": codes[0]}).status_code == 200

    def test_wrong_codes_lock_the_account_like_wrong_passwords(self, secretariat, settings):
        device, _codes = enrol(secretariat)
        client = log_in("sec")
        for _ in range(settings.AXES_FAILURE_LIMIT - 1):
            assert client.post(VERIFY, {"code": "12345x"}).status_code == 200
        response = client.post(VERIFY, {"code": "12345x"})
        assert response.status_code == 429
        assert "Login temporarily locked" in response.text
        response = client.post(VERIFY, {"code": current_code(device)})  # the right code is refused while locked
        assert response.status_code == 429
        assert client.get(reverse("dashboard")).status_code == 302
        assert attempt(Client(), PASSWORD, username="sec", ip="10.9.9.9").status_code == 429  # and the password

    def test_a_right_code_clears_earlier_wrong_ones(self, secretariat, settings):
        device, _codes = enrol(secretariat)
        client = log_in("sec")
        for _ in range(settings.AXES_FAILURE_LIMIT - 1):
            client.post(VERIFY, {"code": "999999x"})
        assert client.post(VERIFY, {"code": current_code(device)}).status_code == 302
        other = log_in("sec", ip="10.0.0.2")
        assert other.post(VERIFY, {"code": "999999x"}).status_code == 200  # counting starts again


@pytest.mark.django_db
def test_an_admins_reset_is_recorded_and_the_user_enrols_again(secretariat, admin_user):
    enrol(secretariat)
    enrol(admin_user)
    admin = log_in("root")
    admin_device = TOTPDevice.objects.get(user=admin_user)
    assert admin.post(VERIFY, {"code": current_code(admin_device)}).status_code == 302
    response = admin.post(
        "/admin/auth/user/",
        {"action": "reset_two_factor_authentication", "_selected_action": [secretariat.pk]},
    )
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=secretariat).exists()
    assert not StaticToken.objects.filter(device__user=secretariat).exists()
    assert LogEntry.objects.filter(object_id=str(secretariat.pk), user=admin_user).exists()
    contact = Contact.objects.get(user=secretariat)
    assert AccountEvent.objects.filter(
        contact=contact, kind=AccountEventKind.SECOND_FACTOR_RESET, actor=admin_user
    ).exists()
    client = log_in("sec")
    assert client.get(reverse("dashboard")).url.startswith(SETUP)
    assert SESSION_KEY in client.session
