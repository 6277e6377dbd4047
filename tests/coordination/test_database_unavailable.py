"""While the database cannot be reached, /healthz and every page answer 503 with Retry-After (a load balancer reads
the status), pages with a short page in the reader's language; nothing is rendered from the database."""

import contextlib
import socket

import pytest
from django.conf import settings
from django.db import connections
from django.test import Client
from django.urls import reverse

from tests.subprocess_database import direct_connection_settings

pytestmark = pytest.mark.django_db


@contextlib.contextmanager
def unreachable_database():
    """Requests inside the block talk to a closed port on 127.0.0.1 instead of the database; the test's own
    connection (with its transaction) is put back afterwards, so the test and later tests use the database as before."""
    working = connections["default"]
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed_port = probe.getsockname()[1]
    unreachable = type(working)(direct_connection_settings(HOST="127.0.0.1", PORT=str(closed_port)), "default")
    connections["default"] = unreachable
    try:
        yield
    finally:
        unreachable.close()
        connections["default"] = working


@pytest.fixture
def database_unreachable():
    with unreachable_database():
        yield


@pytest.fixture
def browser():
    """A client that gets the response a real server sends, rather than the exception re-raised."""
    return Client(raise_request_exception=False)


def test_healthz_answers_503_while_the_database_is_unreachable(browser, database_unreachable):
    response = browser.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "database unavailable"}
    assert response["Retry-After"] == "30"
    assert "no-store" in response["Cache-Control"]


def test_a_page_whose_view_needs_the_database_answers_503(browser, database_unreachable):
    response = browser.get(reverse("login"))  # the view runs in a transaction (ATOMIC_REQUESTS)
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    page = response.content.decode()
    assert "The portal is briefly unavailable" in page
    assert "Nothing you saved is lost. Please try again in a minute." in page


def test_a_logged_in_page_answers_503_when_the_session_cannot_be_read(browser, participant):
    browser.force_login(participant)
    with unreachable_database():
        response = browser.get(reverse("meetings:meeting-list"))  # the login check reads the session before the view
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "The portal is briefly unavailable" in response.content.decode()
    # The database is back: the same session works again.
    assert browser.get(reverse("meetings:meeting-list")).status_code == 200


def test_the_page_is_in_the_language_the_reader_chose(browser, database_unreachable):
    browser.cookies[settings.LANGUAGE_COOKIE_NAME] = "ru"
    response = browser.get(reverse("login"))
    assert response.status_code == 503
    assert response["Content-Language"] == "ru"
    assert "Портал ненадолго недоступен" in response.content.decode()


def test_the_page_follows_accept_language_without_a_choice(browser, database_unreachable):
    response = browser.get(reverse("login"), headers={"accept-language": "uz"})
    assert response.status_code == 503
    assert "Portal qisqa vaqtga ishlamayapti" in response.content.decode()
