import pytest
from django.conf import settings
from django.utils import translation

from tests.stakeholders.factories import OrganizationFactory, UserFactory, participant_user, secretariat_user


@pytest.fixture
def organization(db):
    return OrganizationFactory()


@pytest.fixture
def secretariat(db):
    return secretariat_user(username="sec")


@pytest.fixture
def participant(db, organization):
    """A participant whose organisation is `organization`."""
    return participant_user(organization=organization, username="part")


@pytest.fixture
def other_participant(db):
    """A participant of another organisation."""
    return participant_user(username="other")


@pytest.fixture
def admin_user(db):
    return UserFactory(username="root", is_staff=True, is_superuser=True)


@pytest.fixture
def client_for(client):
    """Log the test client in as the given user (or stay anonymous with None)."""

    def login(user):
        if user is not None:
            client.force_login(user)
        return client

    return login


@pytest.fixture(autouse=True)
def back_to_the_default_language():
    """LocaleMiddleware leaves the last request's language active in the thread: no test passes it on."""
    yield
    translation.activate(settings.LANGUAGE_CODE)
