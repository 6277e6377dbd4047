"""Production settings: `check --deploy` passes with the documented variables, and the values are the strict ones."""

import json
import os
import secrets
import subprocess
import sys

import pytest
from django.conf import settings

from coordination.settings import BASE_DIR
from tests.stakeholders.factories import FACTORY_PASSWORD
from tests.subprocess_database import url_of_the_test_database

ONE_YEAR = 60 * 60 * 24 * 365

PRODUCTION_ENV = {
    "DEBUG": "False",
    "SECRET_KEY": secrets.token_urlsafe(60),
    "ALLOWED_HOSTS": "portal.example.org",
    "CSRF_TRUSTED_ORIGINS": "https://portal.example.org",
    "PORTAL_BASE_URL": "https://portal.example.org",
    "DJANGO_SETTINGS_MODULE": "coordination.settings",
}

DEPLOY_CHECK = ["manage.py", "check", "--deploy", "--fail-level", "WARNING"]

PRINT_SETTINGS = """
import json, django
from django.conf import settings
django.setup()
names = ["DEBUG", "SECURE_HSTS_SECONDS", "SECURE_HSTS_INCLUDE_SUBDOMAINS", "SECURE_SSL_REDIRECT",
         "SECURE_PROXY_SSL_HEADER", "SESSION_COOKIE_NAME", "SESSION_COOKIE_SECURE", "SESSION_COOKIE_PATH",
         "SESSION_COOKIE_DOMAIN", "SESSION_COOKIE_HTTPONLY", "SESSION_COOKIE_AGE", "CSRF_COOKIE_NAME",
         "CSRF_COOKIE_SECURE", "CSRF_COOKIE_PATH", "CSRF_COOKIE_DOMAIN", "AXES_FAILURE_LIMIT",
         "LANGUAGE_COOKIE_NAME", "LANGUAGE_COOKIE_SECURE", "LANGUAGE_COOKIE_PATH", "LANGUAGE_COOKIE_DOMAIN"]
print(json.dumps({name: getattr(settings, name, None) for name in names}))
"""


def run_in_production(args, **extra_env):
    # The browser tests allow async-unsafe calls in this process; a production process never does.
    inherited = {key: value for key, value in os.environ.items() if key != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {**inherited, **PRODUCTION_ENV, **extra_env}
    if "DATABASE_URL" not in extra_env:
        # Never the development database: `make run` loads demo accounts there, which the deploy check refuses.
        env.pop("DATABASE_URL", None)
    return subprocess.run(  # noqa: S603 (fixed argv)
        [sys.executable, *args], cwd=BASE_DIR, env=env, capture_output=True, text=True, timeout=120, check=False
    )


def production_settings(**extra_env):
    result = run_in_production(["-c", PRINT_SETTINGS], **extra_env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.mark.django_db
def test_deploy_check_passes_with_the_documented_production_variables():
    result = run_in_production(DEPLOY_CHECK, DATABASE_URL=url_of_the_test_database())
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.django_db
def test_deploy_check_passes_behind_a_proxy_that_redirects_to_https():
    result = run_in_production(
        DEPLOY_CHECK,
        DATABASE_URL=url_of_the_test_database(),
        SECURE_SSL_REDIRECT="False",
        SECURE_PROXY_SSL_HEADER="HTTP_X_FORWARDED_PROTO,https",
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.django_db
def test_deploy_check_fails_when_a_production_setting_is_weakened():
    result = run_in_production(DEPLOY_CHECK, DATABASE_URL=url_of_the_test_database(), SECURE_HSTS_SECONDS="0")
    assert result.returncode != 0
    assert "security.W004" in result.stderr + result.stdout


def test_production_values():
    values = production_settings()
    assert values["DEBUG"] is False
    assert values["SECURE_HSTS_SECONDS"] >= ONE_YEAR
    assert values["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is True
    assert values["SECURE_SSL_REDIRECT"] is True
    assert values["SECURE_PROXY_SSL_HEADER"] is None  # only when the proxy is known to set it
    assert values["SESSION_COOKIE_NAME"] == "__Host-sessionid"
    assert values["CSRF_COOKIE_NAME"] == "__Host-csrftoken"
    assert values["LANGUAGE_COOKIE_NAME"] == "__Host-django_language"
    for cookie in ("SESSION", "CSRF", "LANGUAGE"):
        assert values[f"{cookie}_COOKIE_SECURE"] is True
        assert values[f"{cookie}_COOKIE_PATH"] == "/"
        assert values[f"{cookie}_COOKIE_DOMAIN"] is None
    assert values["SESSION_COOKIE_HTTPONLY"] is True
    assert 0 < values["SESSION_COOKIE_AGE"] <= 60 * 60 * 24
    assert values["AXES_FAILURE_LIMIT"] == 5


def test_proxy_header_and_hsts_come_from_the_environment():
    values = production_settings(
        SECURE_PROXY_SSL_HEADER="HTTP_X_FORWARDED_PROTO,https", SECURE_HSTS_SECONDS=str(2 * ONE_YEAR)
    )
    assert values["SECURE_PROXY_SSL_HEADER"] == ["HTTP_X_FORWARDED_PROTO", "https"]
    assert values["SECURE_HSTS_SECONDS"] == 2 * ONE_YEAR


@pytest.mark.django_db
def test_production_cookies_are_host_prefixed_secure_and_host_only(client, settings, participant):
    settings.SESSION_COOKIE_NAME = "__Host-sessionid"
    settings.CSRF_COOKIE_NAME = "__Host-csrftoken"
    settings.SESSION_COOKIE_SECURE = settings.CSRF_COOKIE_SECURE = True
    response = client.get("/accounts/login/", secure=True)
    csrf = response.cookies["__Host-csrftoken"]
    response = client.post(
        "/accounts/login/",
        {"username": "part", "password": FACTORY_PASSWORD, "csrfmiddlewaretoken": csrf.value},
        secure=True,
    )
    assert response.status_code == 302
    for cookie in (response.cookies["__Host-sessionid"], csrf):
        assert cookie["secure"] is True
        assert cookie["path"] == "/"
        assert cookie["domain"] == ""
    assert response.cookies["__Host-sessionid"]["httponly"] is True


def test_test_settings_keep_the_security_block():
    # The test settings only swap the axes backend for one that lets Client.login through.
    assert settings.AUTHENTICATION_BACKENDS[-1] == "common.auth_backends.PortalModelBackend"
    assert settings.MIDDLEWARE[-1] == "axes.middleware.AxesMiddleware"


@pytest.mark.django_db
def test_deploy_check_fails_without_the_portal_address():
    result = run_in_production(
        ["manage.py", "check", "--deploy"], DATABASE_URL=url_of_the_test_database(), PORTAL_BASE_URL=""
    )
    assert result.returncode != 0
    assert "coordination.E001" in result.stderr + result.stdout


@pytest.mark.django_db
def test_deploy_check_fails_while_a_demo_account_has_the_demo_password(settings):
    from coordination.checks import no_demo_credentials
    from tests.stakeholders.factories import UserFactory

    settings.DEBUG = False
    admin = UserFactory(username="admin", password="demo")
    assert [error.id for error in no_demo_credentials()] == ["coordination.E002"]
    admin.set_password("a long and unguessable passphrase")
    admin.save()
    assert no_demo_credentials() == []
    settings.DEBUG = True
    admin.set_password("demo")
    admin.save()
    assert no_demo_credentials() == []  # development: the demo accounts are the point


@pytest.mark.django_db(transaction=True)  # committed, so that the check's own process sees the account
def test_the_deploy_check_reads_the_test_database_never_the_development_one(settings):
    """`make run` loads the demo accounts into the development database; `make test` after it must not see them."""
    from tests.stakeholders.factories import UserFactory

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]  # what the subprocess knows
    UserFactory(username="secretariat", password="demo")
    result = run_in_production(DEPLOY_CHECK, DATABASE_URL=url_of_the_test_database())
    assert result.returncode != 0
    assert "The demo account(s) secretariat accept the demo password." in result.stderr


@pytest.mark.django_db(transaction=True)
def test_the_demo_password_check_cannot_be_silenced_from_the_environment(settings):
    from tests.stakeholders.factories import UserFactory

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]
    UserFactory(username="secretariat", password="demo")
    result = run_in_production(
        DEPLOY_CHECK, DATABASE_URL=url_of_the_test_database(), SILENCED_SYSTEM_CHECKS="coordination.E002"
    )
    assert result.returncode != 0
    assert "coordination.E002" in result.stderr
