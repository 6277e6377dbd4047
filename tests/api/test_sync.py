"""Building on the API: cursor paging, ETags, tombstones, languages, rate limits, errors, the OpenAPI description."""

import base64
from urllib.parse import urlencode

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from tests.meetings.factories import ActionItemFactory, MeetingFactory, StatementFactory
from tests.stakeholders.factories import participant_user, secretariat_user


@pytest.fixture
def reader(db, token_client):
    client, _token, _secret = token_client(participant_user())
    return client


def test_cursor_paging_walks_through_every_meeting_once(reader):
    meetings = {MeetingFactory(published=True).pk for _ in range(7)}
    seen, url = [], "/api/v1/meetings/?page_size=3"
    while url:
        page = reader.get(url).json()
        seen += [row["id"] for row in page["results"]]
        url = page["next"]
    assert sorted(seen) == sorted(meetings)


@pytest.mark.parametrize(
    "cursor",
    [
        "garbage",
        base64.b64encode(b"p=abc&r=0").decode(),  # a position that is not an id
        base64.b64encode(b"o=-5").decode(),
        "%00",
    ],
)
def test_a_tampered_cursor_is_a_400_problem(reader, cursor):
    MeetingFactory(published=True)
    response = reader.get("/api/v1/meetings/?" + urlencode({"cursor": cursor}))
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["type"].endswith("invalid-cursor")


@pytest.mark.parametrize("size", ["0", "-1", "100000", "many", "1e9"])
def test_an_absurd_page_size_is_a_400_problem(reader, size):
    response = reader.get(f"/api/v1/actions/?page_size={size}")
    assert response.status_code == 400
    assert response.json()["type"].endswith("invalid-page-size")


def test_unknown_parameters_are_refused_with_the_allowed_ones(reader):
    for path in ("/api/v1/meetings/?colour=red", "/api/v1/actions/?colour=red"):
        response = reader.get(path)
        assert response.status_code == 400
        assert "colour" in response.json()["detail"]
        assert "organization" in response.json()["detail"]


def test_bad_filter_values_are_400_problems_with_the_field(reader):
    for query in ("series=abc", "year=99999", "status=nope", "organization=99999999999999999999999"):
        response = reader.get(f"/api/v1/actions/?{query}")
        assert response.status_code == 400, query
        assert query.split("=")[0] in response.json()["errors"]


def test_filters_match_the_pages(reader):
    mine = MeetingFactory(published=True)
    action = ActionItemFactory(meeting=mine)
    ActionItemFactory(meeting=MeetingFactory(published=True))
    rows = reader.get(f"/api/v1/actions/?series={mine.series_id}&status=open").json()["results"]
    assert [row["id"] for row in rows] == [action.pk]
    assert reader.get(f"/api/v1/meetings/?year={mine.starts_at.year}&series={mine.series_id}").json()["results"]


def test_etag_answers_304_until_something_changes(reader):
    meeting = MeetingFactory(published=True)
    for path in ("/api/v1/meetings/", f"/api/v1/meetings/{meeting.pk}/"):
        first = reader.get(path)
        assert first.status_code == 200
        assert first["Last-Modified"]
        again = reader.get(path, HTTP_IF_NONE_MATCH=first["ETag"])
        assert again.status_code == 304
        assert again.content == b""
    etag = reader.get("/api/v1/meetings/")["ETag"]
    meeting.venue = "Samarkand"
    meeting.save()
    changed = reader.get("/api/v1/meetings/", HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200
    assert changed["ETag"] != etag


def test_sync_with_etags_sees_a_tombstone_after_a_deletion(db, token_client):
    client, _token, _secret = token_client(secretariat_user())
    start = timezone.now()
    meeting = MeetingFactory(published=True)
    statement = StatementFactory(meeting=meeting)
    action = ActionItemFactory(meeting=meeting)
    listing = client.get("/api/v1/actions/")
    assert [row["id"] for row in listing.json()["results"]] == [action.pk]
    deleted = client.get("/api/v1/deleted/?" + urlencode({"since": start.isoformat()}))
    assert deleted.json()["results"] == []

    action_id, statement_id = action.pk, statement.pk
    action.delete()
    statement.delete()

    assert client.get("/api/v1/actions/", HTTP_IF_NONE_MATCH=listing["ETag"]).status_code == 200
    tombstones = client.get("/api/v1/deleted/?" + urlencode({"since": start.isoformat()})).json()["results"]
    assert {(row["type"], row["id"]) for row in tombstones} == {("action", action_id), ("statement", statement_id)}
    assert all(row["deleted_at"] for row in tombstones)


def test_tombstones_of_draft_minutes_do_not_reach_participants(db, token_client):
    client, _token, _secret = token_client(participant_user())
    ActionItemFactory(meeting=MeetingFactory()).delete()  # minutes still a draft
    assert client.get("/api/v1/deleted/").json()["results"] == []


def test_a_since_that_is_not_a_moment_is_a_400_problem(reader):
    for since in ("yesterday", "2026-13-01T00:00:00Z", "2026-01-01T00:00:00", "\x00"):
        response = reader.get("/api/v1/deleted/?" + urlencode({"since": since}))
        assert response.status_code == 400, since
        assert "since" in response.json()["errors"]


def test_content_comes_in_the_requested_language_with_the_original_marked(reader):
    meeting = MeetingFactory(published=True, title="Fourth meeting", title_ru="Четвёртое заседание")
    english = reader.get(f"/api/v1/meetings/{meeting.pk}/").json()
    russian = reader.get(f"/api/v1/meetings/{meeting.pk}/", HTTP_ACCEPT_LANGUAGE="ru").json()
    assert (english["title"], english["original"]) == ("Fourth meeting", {})
    assert russian["title"] == "Четвёртое заседание"
    assert russian["language"] == "ru"
    assert russian["original"] == {"title": "Fourth meeting"}


@override_settings(API_RATE_LIMIT="3/min")
def test_the_rate_limit_is_per_token_with_a_429_problem(db, token_client):
    user = participant_user()
    first, _token, _secret = token_client(user)
    second, _token, _secret = token_client(user)
    assert [first.get("/api/v1/series/").status_code for _ in range(3)] == [200, 200, 200]
    refused = first.get("/api/v1/series/")
    assert refused.status_code == 429
    assert refused["Content-Type"] == "application/problem+json"
    assert int(refused["Retry-After"]) > 0
    assert refused.json()["status"] == 429
    assert second.get("/api/v1/series/").status_code == 200  # another token has its own count


def test_an_unknown_record_is_a_404_problem(reader):
    response = reader.get("/api/v1/meetings/999999/")
    assert response.status_code == 404
    assert response.json() | {"detail": ""} == {
        "type": "/api/v1/problems/not-found",
        "title": "Not found",
        "status": 404,
        "detail": "",
    }


def test_the_openapi_description_validates(db, tmp_path):
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(tmp_path / "schema.yaml"))
    assert "/api/v1/meetings/{id}/" in (tmp_path / "schema.yaml").read_text()


def test_the_reference_page_lists_the_endpoints(db, client):
    client.force_login(participant_user())
    page = client.get("/api/v1/docs/").content.decode()
    assert "/api/v1/actions/" in page and "/api/v1/deleted/" in page
