"""Hostile input: every form of the portal and every page's query string, through real HTTP requests.

The forms are found by crawling every page of the site as the secretariat and as a participant and reading the
<form> elements (so a new form is covered without editing this file). The hostile values are grouped by the kind of
field they attack (HOSTILE_VALUES_BY_KIND: text, number, date, choice, multiple choice, e-mail, URL, file): NUL
bytes, a 100 kB string, HTML/script tags, SQL fragments, bad dates, negative and huge numbers, unknown choice values,
header and script injection in e-mail addresses, javascript: links, files that are not what they claim. Each form
gets one request per kind of field it has, every field of that kind hostile at once and the others left as the page
gave them (so validation reaches past the untouched fields); which value goes into which field rotates over the
whole crawl, so every value of a kind reaches some field of that kind, and every text value carries the
script and attribute markers, so any text field echoed unescaped is found. Every page's query string is sent the same
way (its filter form's fields plus common names).

The answer must be a normal page (below 500) that never echoes what was typed unescaped; a POST that saved (a
redirect) must lead to a page that shows what was stored escaped, and a hostile file is never stored.
Generated (hypothesis) data for each form class is in tests/security/test_form_fuzz.py.
"""

import itertools
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import Resolver404, resolve, reverse

from tests.security.world import path_kwargs, shared_world, site_urls
from tests.test_permission_matrix import LOGIN, MATRIX

MARKER = "<script>alert('hostile-7q')</script>"
ATTRIBUTE_MARKER = "\"><img src=x onerror=alert('hostile-8r')>"
JAVASCRIPT_LINK = "javascript:alert('hostile-9s')"
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
    "unicode": "Oʻzbekiston \u202e 🚫 \u200b",
    "header-injection": "someone@example.org\r\nBcc: everyone@example.org",
    "script-address": f"{MARKER}@example.org",
    "javascript-link": JAVASCRIPT_LINK,
    "data-link": "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
}
PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
HOSTILE_FILES = {
    "executable-named-pdf": ("report.pdf", b"MZ\x90\x00\x03\x00\x00\x00 an executable"),
    "html-named-pdf": ("report.pdf", b"<html><script>alert(1)</script></html>"),
    "html": ("report.html", b"<html><script>alert(1)</script></html>"),
    "empty": ("report.pdf", b""),
    "traversal-html": ("../../../report.html", b"<html><script>alert(1)</script></html>"),
}
# The hostile values that attack each kind of field (see field_kind), as labels of HOSTILE_VALUES / HOSTILE_FILES.
HOSTILE_VALUES_BY_KIND = {
    "text": ["nul", "long", "script", "attribute", "sql", "sql-or", "unicode", "huge"],
    "number": ["negative", "huge", "sql-or", "nul", "long"],
    "date": ["bad-date", "garbage-date", "huge", "nul", "script"],
    "choice": ["unknown-choice", "negative", "huge", "sql", "nul", "attribute"],
    "multiple": ["unknown-choice", "huge", "negative", "script"],
    "email": ["header-injection", "script-address", "nul", "long"],
    "url": ["javascript-link", "data-link", "attribute", "nul"],
    "file": list(HOSTILE_FILES),
}
UNESCAPED = (MARKER.encode(), ATTRIBUTE_MARKER.encode(), f'href="{JAVASCRIPT_LINK}"'.encode())
# Appended to every text field's hostile value: a page that echoes a text field unescaped is found whichever value
# the rotation gave the field.
ECHO_MARKERS = f" {MARKER} {ATTRIBUTE_MARKER}"
# Names tried on every page's query string, with the kind of field each stands for.
COMMON_QUERY_NAMES = {
    "q": "text",
    "page": "number",
    "quarter": "choice",
    "year": "number",
    "status": "choice",
    "kind": "choice",
    "organization": "choice",
    "meeting": "choice",
    "sort": "choice",
    "city": "text",
}
SKIPPED_FIELDS = {"csrfmiddlewaretoken"}
INPUT_KINDS = {
    "number": "number",
    "range": "number",
    "date": "date",
    "datetime-local": "date",
    "time": "date",
    "month": "date",
    "week": "date",
    "email": "email",
    "url": "url",
    "file": "file",
    "radio": "choice",
    "checkbox": "choice",  # a group of checkboxes under one name: "multiple" (FormParser)
}


class FormParser(HTMLParser):
    """The forms of a page: action, method, and each field's name, the value the page gives it and its kind."""

    def __init__(self):
        super().__init__()
        self.forms = []
        self._form = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self._form = {"action": attrs.get("action") or "", "method": (attrs.get("method") or "get").lower()}
            self._form.update(fields={}, kinds={})
            self.forms.append(self._form)
        elif self._form is not None and tag in ("input", "select", "textarea") and attrs.get("name"):
            input_type = attrs.get("type")
            if input_type in ("submit", "button", "image", "reset"):
                return
            name = attrs["name"]
            if tag == "select":
                kind = "multiple" if "multiple" in attrs else "choice"
            elif tag == "textarea":
                kind = "text"
            else:
                kind = INPUT_KINDS.get(input_type, "text")
            if name in self._form["kinds"] and kind == "choice" and input_type == "checkbox":
                kind = "multiple"
            self._form["kinds"][name] = kind
            if kind != "file":
                self._form["fields"].setdefault(name, attrs.get("value") or "")

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None


def forms_of(response, page_path):
    parser = FormParser()
    parser.feed(response.content.decode(errors="replace"))
    for form in parser.forms:
        form["path"] = urlsplit(form["action"]).path or page_path
    return parser.forms


def hostile_requests(targets):
    """{target: [{field: label}, ...]}: one request per kind of field of each target, every field of that kind
    given a hostile value of its kind; the values rotate over all targets' fields of a kind (in the given order),
    and a kind with fewer fields in the whole crawl than hostile values gets requests until each value was sent.

    `targets` is [(target, {field: kind})].
    """
    rotation = {kind: itertools.count() for kind in HOSTILE_VALUES_BY_KIND}
    requests, sent, first_with_kind = {}, {kind: set() for kind in HOSTILE_VALUES_BY_KIND}, {}
    for target, kinds in targets:
        requests[target] = []
        for kind in HOSTILE_VALUES_BY_KIND:
            fields = [
                field for field, field_kind in kinds.items() if field_kind == kind and field not in SKIPPED_FIELDS
            ]
            if not fields:
                continue
            first_with_kind.setdefault(kind, (target, fields))
            labels = HOSTILE_VALUES_BY_KIND[kind]
            request = {field: labels[next(rotation[kind]) % len(labels)] for field in fields}
            sent[kind] |= set(request.values())
            requests[target].append(request)
    for kind, (target, fields) in first_with_kind.items():
        unsent = [label for label in HOSTILE_VALUES_BY_KIND[kind] if label not in sent[kind]]
        for start in range(0, len(unsent), len(fields)):
            chunk = unsent[start : start + len(fields)]
            requests[target].append({field: chunk[i % len(chunk)] for i, field in enumerate(fields)})
    return requests


def hostile_data(defaults, kinds, request):
    """The POST or query data of one request: the page's values, the request's fields hostile."""
    data = {field: value for field, value in defaults.items() if field not in SKIPPED_FIELDS}
    for field, label in request.items():
        if kinds[field] == "file":
            data[field] = SimpleUploadedFile(*HOSTILE_FILES[label])
        elif kinds[field] == "multiple":
            data[field] = [HOSTILE_VALUES[label]]
        elif kinds[field] == "text":
            data[field] = HOSTILE_VALUES[label] + ECHO_MARKERS
        else:
            data[field] = HOSTILE_VALUES[label]
    return data


def describe(request):
    return ", ".join(f"{label} in {field}" for field, label in request.items())


SITE_URLS = site_urls()
READABLE = [url for url in SITE_URLS if MATRIX[url.name]["GET"]["secretariat"] == 200]
# Pages only a participant reads (their own comment on circulated minutes, in its edit form): crawled as them too.
PARTICIPANT_ONLY = [
    url
    for url in SITE_URLS
    if MATRIX[url.name]["GET"]["participant"] == 200 and MATRIX[url.name]["GET"]["secretariat"] != 200
]


@pytest.fixture(autouse=True)
def no_nplusone_raise(settings):
    """Query counts are the page tests' job (django-zeal); here only the answer to hostile input matters."""
    settings.ZEAL_RAISE = False


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    with shared_world(django_db_blocker) as shared:
        yield shared


@pytest.fixture(scope="module")
def pages(world, django_db_blocker):
    """Every readable page's forms as the secretariat and as a participant: {role: {url name: (path, forms)}}."""
    found = {}
    with django_db_blocker.unblock():
        for role in ("secretariat", "participant"):
            client = world.client_as(role)
            found[role] = {}
            for url in READABLE + (PARTICIPANT_ONLY if role == "participant" else []):
                path = reverse(url.name, kwargs=path_kwargs(world, url))
                response = client.get(path)
                if response.status_code != 200 or not response["Content-Type"].startswith("text/html"):
                    continue
                found[role][url.name] = (path, forms_of(response, path))
    return found


def posting_url_names():
    names = []
    for url in SITE_URLS:
        post = MATRIX[url.name]["POST"]
        if any(post[role] not in (403, 404, 405, LOGIN) for role in ("secretariat", "participant", "anonymous")):
            names.append(url.name)
    return names


@pytest.fixture(scope="module")
def post_forms(world, pages):
    """The POST form of every URL that takes one, by URL name: {name: (role, form)}. A form on no page (e.g.
    reached from an e-mail) is posted as its matrix role with the common names."""
    found = {}
    for role in ("secretariat", "participant"):
        for _path, forms in pages[role].values():
            for form in forms:
                if form["method"] != "post":
                    continue
                try:
                    name = resolve(form["path"]).view_name  # "meetings:meeting-edit", as SITE_URLS names it
                except Resolver404:
                    continue
                found.setdefault(name, (role, form))
    for name in posting_url_names():
        if name not in found:
            url = next(url for url in SITE_URLS if url.name == name)
            role = next(
                role for role in ("secretariat", "participant", "anonymous") if MATRIX[name]["POST"][role] != 403
            )
            path = reverse(name, kwargs=path_kwargs(world, url))
            form = {"path": path, "fields": dict.fromkeys(COMMON_QUERY_NAMES, ""), "kinds": dict(COMMON_QUERY_NAMES)}
            found[name] = (role, form)
    return found


@pytest.fixture(scope="module")
def post_requests(post_forms):
    return hostile_requests([(name, post_forms[name][1]["kinds"]) for name in posting_url_names()])


def query_names(pages, name):
    """The query-string fields of a page, with their kinds: the common names and its own GET form's fields."""
    kinds = dict(COMMON_QUERY_NAMES)
    if name in pages["secretariat"]:
        path, forms = pages["secretariat"][name]
        for form in forms:
            if form["method"] == "get" and form["path"] == path:
                kinds.update(form["kinds"])
    return {field: kind for field, kind in kinds.items() if kind != "file" and field not in SKIPPED_FIELDS}


@pytest.fixture(scope="module")
def query_requests(pages):
    return hostile_requests([(url.name, query_names(pages, url.name)) for url in READABLE])


def body_of(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def assert_normal_page(response, what):
    assert response.status_code < 500, what
    body = body_of(response)
    for marker in UNESCAPED:
        assert marker not in body, f"{what}: user input rendered unescaped"


def is_local_redirect(response):
    if response.status_code not in (301, 302, 303):
        return False
    location = urlsplit(response.url)
    return not location.scheme and not location.netloc and location.path.startswith("/")


def test_every_hostile_value_reaches_a_field_of_the_kind_it_attacks(post_forms, post_requests, pages, query_requests):
    kinds_of = {("POST", name): form["kinds"] for name, (_role, form) in post_forms.items()}
    kinds_of |= {("GET", url.name): query_names(pages, url.name) for url in READABLE}
    sent, present = set(), set()
    for method, plan in (("POST", post_requests), ("GET", query_requests)):
        for target, requests in plan.items():
            kinds = kinds_of[(method, target)]
            present |= {kind for field, kind in kinds.items() if field not in SKIPPED_FIELDS}
            sent |= {(kinds[field], label) for request in requests for field, label in request.items()}
    for kind in present:
        assert {label for sent_kind, label in sent if sent_kind == kind} == set(HOSTILE_VALUES_BY_KIND[kind]), kind
    assert {label for _kind, label in sent} == set(HOSTILE_VALUES) | set(HOSTILE_FILES), "a value no field receives"


@pytest.mark.parametrize("name", posting_url_names())
def test_every_form_survives_hostile_values(world, post_forms, post_requests, db, settings, tmp_path, name):
    settings.MEDIA_ROOT = tmp_path
    role, form = post_forms[name]
    client = world.client_as(role)
    for request in post_requests[name]:
        what = f"POST {form['path']} as {role} with {describe(request)}"
        response = client.post(form["path"], hostile_data(form["fields"], form["kinds"], request))
        assert_normal_page(response, what)
        if response.status_code == 200 and response["Content-Type"].startswith("text/html"):
            # The form came back with errors: it must still be escaped when the value is echoed.
            assert b"hostile-7q" not in response.content or b"&lt;script&gt;" in response.content, what
        if any(form["kinds"][field] == "file" for field in request):
            assert not any(path.is_file() for path in tmp_path.rglob("*")), f"{what}: a hostile file was stored"
        if is_local_redirect(response):  # it saved: the page it leads to shows what was stored, escaped
            assert_normal_page(client.get(response.url), f"{what}, then GET {response.url}")


@pytest.mark.parametrize("url", READABLE, ids=[url.name for url in READABLE])
def test_every_query_string_survives_hostile_values(world, pages, query_requests, db, url):
    client = Client()
    client.force_login(world.secretariat)
    path = reverse(url.name, kwargs=path_kwargs(world, url))
    kinds = query_names(pages, url.name)
    for request in query_requests[url.name]:
        response = client.get(path, hostile_data({}, kinds, request))
        assert_normal_page(response, f"GET {path} with {describe(request)}")


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
