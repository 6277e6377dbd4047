"""Personal API tokens: created on the settings page and shown once, stored hashed, revocable, never more than
their owner."""

import hashlib
import re

from django.test import Client

from api.models import ApiToken
from tests.stakeholders.factories import participant_user


def create_on_the_settings_page(user, name="Monthly report"):
    page = Client()
    page.force_login(user)
    response = page.post("/accounts/profile/api-tokens/", {"name": name})
    assert response.status_code == 200
    secret = re.search(r"cp_[A-Za-z0-9_-]{20,}", response.content.decode()).group(0)
    return page, secret


def test_a_token_is_shown_once_stored_hashed_and_reads_as_its_owner(db):
    user = participant_user()
    page, secret = create_on_the_settings_page(user)
    token = ApiToken.objects.get(owner=user)
    assert token.secret_hash == hashlib.sha256(secret.encode()).hexdigest()
    assert secret not in {token.secret_hash, token.display_prefix, token.name}
    assert secret not in page.get("/accounts/profile/api-tokens/").content.decode()  # shown once only
    assert token.last_used_at is None

    response = Client(HTTP_AUTHORIZATION=f"Bearer {secret}").get("/api/v1/meetings/")
    assert response.status_code == 200
    token.refresh_from_db()
    assert token.last_used_at is not None
    assert "Monthly report" in page.get("/accounts/profile/api-tokens/").content.decode()


def test_a_revoked_token_is_refused_with_a_401_problem(db):
    user = participant_user()
    page, secret = create_on_the_settings_page(user)
    token = ApiToken.objects.get(owner=user)
    assert page.post(f"/accounts/profile/api-tokens/{token.pk}/revoke/").status_code == 302
    response = Client(HTTP_AUTHORIZATION=f"Bearer {secret}").get("/api/v1/meetings/")
    assert response.status_code == 401
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["detail"] == "The token has been revoked."


def test_a_token_of_a_deactivated_account_is_refused(db, token_client):
    user = participant_user()
    client, _token, _secret = token_client(user)
    assert client.get("/api/v1/meetings/").status_code == 200
    user.is_active = False
    user.save()
    response = client.get("/api/v1/meetings/")
    assert response.status_code == 401
    assert response.json()["status"] == 401


def test_nobody_revokes_someone_elses_token(db, token_client):
    client, token, _secret = token_client(participant_user())
    other = Client()
    other.force_login(participant_user())
    assert other.post(f"/accounts/profile/api-tokens/{token.pk}/revoke/").status_code == 404
    assert client.get("/api/v1/meetings/").status_code == 200


def test_unknown_and_malformed_tokens_are_401_problems(db):
    for header in ("Bearer cp_not-a-token", "Bearer", "Bearer a b", "Bearer \u00e9t\u00e9"):
        response = Client(HTTP_AUTHORIZATION=header).get("/api/v1/meetings/")
        assert response.status_code == 401, header
        assert set(response.json()) >= {"type", "title", "status", "detail"}


def test_an_empty_token_name_is_a_field_error(db):
    page = Client()
    page.force_login(participant_user())
    response = page.post("/accounts/profile/api-tokens/", {"name": ""})
    assert response.status_code == 200
    assert not ApiToken.objects.exists()
