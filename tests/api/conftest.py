import pytest
from django.test import Client

from api.models import ApiToken


@pytest.fixture
def token_client():
    """A client reading the API with a new token of ``user``: ``token_client(user)`` -> (client, token, secret)."""

    def make(user, name="script"):
        token, secret = ApiToken.create_for(owner=user, name=name)
        return Client(HTTP_AUTHORIZATION=f"Bearer {secret}"), token, secret

    return make
