"""Hostile input: every form of the portal and every page's query string, through real HTTP requests.

The forms are found by crawling every page of the site as the secretariat and as a participant and reading the
<form method="post"> elements (so a new form is covered without editing this file). Each is sent NUL bytes, a
100 kB string, HTML/script tags, SQL fragments, bad dates, negative and huge numbers and unknown choice values in
every field; every page gets the same in its query string (its filter form's fields plus common names). The
answer must be a normal page (below 500), and what was typed must never come back unescaped.
Generated (hypothesis) data for each form class is in tests/security/test_form_fuzz.py.
"""

from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from django.test import Client
from django.urls import Resolver404, resolve, reverse

from tests.security.world import path_kwargs, shared_world, site_urls
from tests.test_permission_matrix import LOGIN, MATRIX

MARKER = "<script>alert('hostile-7q')</script>"
ATTRIBUTE_MARKER = "\"><img src=x onerror=alert('hostile-8r')>"
HOSTILE_VALUES = {
    "nul": "abc\x00def",
    "long": "x" * 100_000,
    "script": MARKER,
    "attribute": ATTRIBUTE_MARKER,
    "sql": "1'; DROP TABLE meetings_meeting; --",
    "sql-or": "' OR '1'='1",
    "bad-date": "2023-02-30",
    "garbage-date": "9999-99-99T99:99",
    "negative": "-1",
    "huge": "99999999999999999999999",
    "unknown-choice": "no-such-choice",
    "unicode": "Oʻzbekiston ‮ 🚫 \u200b",
}
UNESCAPED = (MARKER.encode(), ATTRIBUTE_MARKER.encode())
COMMON_QUERY_NAMES = ["q", "page", "quarter", "year", "status", "kind", "organization", "meeting", "sort", "city"]
SKIPPED_FIELDS = {"csrfmiddlewaretoken"}


class FormParser(HTMLParser):
    """The forms of a page: action, method and field names (with the options of selects)."""

    def __init__(self):
        super().__init__()
        self.forms = []
        self._form = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self._form = {
                "action": attrs.get("action") or "",
                "method": (attrs.get("method") or "get").lower(),
                "fields": {},
                "files": set(),
            }
            self.forms.append(self._form)
        elif self._form is not None and tag in ("input", "select", "textarea") and attrs.get("name"):
            if attrs.get("type") == "file":
                self._form["files"].add(attrs["name"])
            elif attrs.get("type") not in ("submit", "button", "image", "reset"):
                self._form["fields"].setdefault(attrs["name"], attrs.get("value") or "")

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None


def forms_of(response, page_path):
    parser = FormParser()
    parser.feed(response.content.decode(errors="replace"))
    for form in parser.forms:
        form["path"] = urlsplit(form["action"]).path or page_path
    return parser.forms


SITE_URLS = site_urls()
READABLE = [url for url in SITE_URLS if MATRIX[url.name]["GET"]["secretariat"] == 200]


@pytest.fixture(autouse=True)
def no_nplusone_raise(settings):
    """Query counts are the page tests' job (django-zeal); here only the answer to hostile input matters."""
    settings.ZEAL_RAISE = False


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    with shared_world(django_db_blocker) as shared:
        yield shared


@pytest.fixture(scope="module")
def post_forms(world, django_db_blocker):
    """Every POST form on every page, by the URL name it posts to: {name: (role, form)}."""
    found = {}
    with django_db_blocker.unblock():
        for role in ("secretariat", "participant"):
            client = Client()
            client.force_login(getattr(world, role))
            for url in READABLE:
                path = reverse(url.name, kwargs=path_kwargs(world, url))
                response = client.get(path)
                if response.status_code != 200 or not response["Content-Type"].startswith("text/html"):
                    continue
                for form in forms_of(response, path):
                    if form["method"] != "post":
                        continue
                    try:
                        name = resolve(form["path"]).url_name
                    except Resolver404:
                        continue
                    found.setdefault(name, (role, form))
    return found


def posting_url_names():
    names = []
    for url in SITE_URLS:
        post = MATRIX[url.name]["POST"]
        if any(post[role] not in (403, 404, 405, LOGIN) for role in ("secretariat", "participant", "anonymous")):
            names.append(url.name)
    return names


def assert_normal_page(response, what):
    assert response.status_code < 500, what
    body = b"".join(response.streaming_content) if response.streaming else response.content
    for marker in UNESCAPED:
        assert marker not in body, f"{what}: user input rendered unescaped"


@pytest.mark.parametrize("name", posting_url_names())
def test_every_form_survives_hostile_values(world, post_forms, db, name):
    url = next(url for url in SITE_URLS if url.name == name)
    role, form = post_forms.get(name, (None, None))
    if form is None:  # a form not on any page (e.g. reached from an e-mail): its matrix role and common names
        role = next(role for role in ("secretariat", "participant", "anonymous") if MATRIX[name]["POST"][role] != 403)
        form = {"path": reverse(name, kwargs=path_kwargs(world, url)), "fields": dict.fromkeys(COMMON_QUERY_NAMES, "")}
    client = Client()
    if role not in (None, "anonymous"):
        client.force_login(getattr(world, role))
    for label, value in HOSTILE_VALUES.items():
        data = {field: value for field in form["fields"] if field not in SKIPPED_FIELDS}
        response = client.post(form["path"], data)
        assert_normal_page(response, f"POST {form['path']} with {label} values as {role}")
        if response.status_code == 200 and response["Content-Type"].startswith("text/html"):
            # The form came back with errors: it must still be escaped when the value is echoed.
            assert b"hostile-7q" not in response.content or b"&lt;script&gt;" in response.content
        # One field at a time keeps the others valid, which reaches deeper validation.
    for field in [field for field in form["fields"] if field not in SKIPPED_FIELDS][:12]:
        for label in ("nul", "huge", "script", "bad-date"):
            data = {
                **{k: v for k, v in form["fields"].items() if k not in SKIPPED_FIELDS},
                field: HOSTILE_VALUES[label],
            }
            response = client.post(form["path"], data)
            assert_normal_page(response, f"POST {form['path']} with {label} in {field} as {role}")


@pytest.mark.parametrize("url", READABLE, ids=[url.name for url in READABLE])
def test_every_query_string_survives_hostile_values(world, db, url):
    client = Client()
    client.force_login(world.secretariat)
    path = reverse(url.name, kwargs=path_kwargs(world, url))
    page = client.get(path)
    names = set(COMMON_QUERY_NAMES)
    if page["Content-Type"].startswith("text/html"):
        for form in forms_of(page, path):
            if form["method"] == "get" and form["path"] == path:
                names |= set(form["fields"])
    for label, value in HOSTILE_VALUES.items():
        response = client.get(path, dict.fromkeys(sorted(names), value))
        assert_normal_page(response, f"GET {path} with {label} in {sorted(names)}")


PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("report.pdf", b"MZ\x90\x00\x03\x00\x00\x00 an executable", "wrong type by content"),
        ("report.pdf", b"<html><script>alert(1)</script></html>", "HTML named .pdf"),
        ("report.html", b"<html><script>alert(1)</script></html>", "HTML"),
        ("report.pdf", b"", "empty"),
        ("report.pdf", PDF + b"0" * 3000, "oversize"),
    ],
)
def test_hostile_uploads_are_refused(world, db, settings, tmp_path, name, content, reason):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from meetings.models import Document

    settings.DOCUMENT_MAX_BYTES = 2000
    settings.MEDIA_ROOT = tmp_path
    client = Client()
    client.force_login(world.secretariat)
    before = Document.objects.count()
    response = client.post(
        reverse("meetings:document-upload", args=[world.meeting.pk]),
        {"file": SimpleUploadedFile(name, content), "title": "Upload", "kind": "report"},
    )
    assert response.status_code == 200, reason
    assert response.context["form"].errors["file"], reason
    assert Document.objects.count() == before
    assert not any(tmp_path.rglob("*.*"))


def test_a_path_traversal_name_is_stored_as_a_plain_name_and_served_as_an_attachment(world, db, settings, tmp_path):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from meetings.models import Document

    settings.MEDIA_ROOT = tmp_path
    client = Client()
    client.force_login(world.secretariat)
    response = client.post(
        reverse("meetings:document-upload", args=[world.meeting.pk]),
        {"file": SimpleUploadedFile("../../../etc/passwd.pdf", PDF), "title": "Traversal", "kind": "report"},
    )
    assert response.status_code == 302
    document = Document.objects.get(title="Traversal")
    assert ".." not in document.file.name
    stored = tmp_path / document.file.name
    assert stored.resolve().is_relative_to(tmp_path.resolve())
    client.force_login(world.other_participant)
    download = client.get(reverse("meetings:document-download", args=[document.pk]))
    assert download.status_code == 200
    assert download["Content-Disposition"].startswith("attachment;")
    assert download["X-Content-Type-Options"] == "nosniff"
    assert b"".join(download.streaming_content) == PDF
    anonymous = Client().get(reverse("meetings:document-download", args=[document.pk]))
    assert anonymous.status_code == 302
