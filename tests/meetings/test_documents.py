import io
import zipfile

import pytest
from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from meetings.documents import check_upload, safe_filename
from meetings.models import Document
from tests.meetings.factories import DocumentFactory, MeetingFactory

pytestmark = pytest.mark.django_db

PDF_BYTES = b"%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
PNG_BYTES = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
JPEG_BYTES = b"\xff\xd8\xff\xe0" + b"\x00" * 32


def _zip(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        for name, data in entries.items():
            package.writestr(name, data)
    return buffer.getvalue()


def _ooxml(main_part: str) -> bytes:
    return _zip({"[Content_Types].xml": b"<Types/>", "_rels/.rels": b"<Relationships/>", main_part: b"<x/>"})


def _odf(mimetype: str) -> bytes:
    return _zip({"mimetype": mimetype.encode(), "content.xml": b"<office:document-content/>"})


def _upload(name: str, data: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="application/octet-stream")


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


# What is accepted


@pytest.mark.parametrize(
    ("name", "data", "content_type"),
    [
        ("agenda.pdf", PDF_BYTES, "application/pdf"),
        ("photo.PNG", PNG_BYTES, "image/png"),
        ("photo.jpg", JPEG_BYTES, "image/jpeg"),
        ("photo.jpeg", JPEG_BYTES, "image/jpeg"),
        (
            "report.docx",
            _ooxml("word/document.xml"),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        ("budget.xlsx", _ooxml("xl/workbook.xml"), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        (
            "slides.pptx",
            _ooxml("ppt/presentation.xml"),
            "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        ),
        ("notes.odt", _odf("application/vnd.oasis.opendocument.text"), "application/vnd.oasis.opendocument.text"),
        (
            "table.ods",
            _odf("application/vnd.oasis.opendocument.spreadsheet"),
            "application/vnd.oasis.opendocument.spreadsheet",
        ),
        (
            "talk.odp",
            _odf("application/vnd.oasis.opendocument.presentation"),
            "application/vnd.oasis.opendocument.presentation",
        ),
        ("readme.txt", "Повестка дня\tTashkent\r\n".encode(), "text/plain"),
        ("list.csv", b"name,city\nUNODC,Tashkent\n", "text/csv"),
    ],
)
def test_allowed_types_are_recognised_by_content(name, data, content_type):
    assert check_upload(_upload(name, data)).content_type == content_type


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.pdf", b"", "empty"),
        ("program.exe", b"MZ\x90\x00" + b"\x00" * 60, "cannot be uploaded"),
        ("no-extension", PDF_BYTES, "cannot be uploaded"),
        ("page.html", b"<html><script>alert(1)</script></html>", "cannot be uploaded"),
        ("report.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 40, "cannot be uploaded"),
        ("fake.pdf", b"MZ\x90\x00" + b"\x00" * 60, "not a document of an allowed type"),
        ("fake.png", b"<svg onload=alert(1)>", "is a plain text, but its name ends in .png"),
        ("renamed.docx", PDF_BYTES, "is a PDF, but its name ends in .docx"),
        ("archive.docx", _zip({"evil.exe": b"MZ"}), "not a document of an allowed type"),
        ("sheet.docx", _ooxml("xl/workbook.xml"), "is a Excel workbook, but its name ends in .docx"),
        ("odd.odt", _zip({"mimetype": b"application/x-unknown"}), "not a document of an allowed type"),
        ("broken.xlsx", b"PK\x03\x04 this is not really a zip", "not a document of an allowed type"),
        ("binary.txt", b"text\x00with NUL", "not a document of an allowed type"),
    ],
)
def test_disallowed_files_are_refused_with_a_reason(name, data, message):
    with pytest.raises(forms.ValidationError) as error:
        check_upload(_upload(name, data))
    assert message in error.value.messages[0]


def test_files_over_the_limit_are_refused(settings):
    settings.DOCUMENT_MAX_BYTES = 20
    with pytest.raises(forms.ValidationError, match="the limit is 20"):
        check_upload(_upload("agenda.pdf", PDF_BYTES))


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("../../etc/passwd.pdf", "passwd.pdf"),
        ("..\\..\\windows\\evil.pdf", "evil.pdf"),
        (".hidden.pdf", "hidden.pdf"),
        ("a b;c$(rm -rf).pdf", "a_b_c_rm_-rf.pdf"),
        ("Повестка дня.pdf", "Повестка_дня.pdf"),
        ("....pdf", "document.pdf"),
        ("x" * 300 + ".pdf", "x" * 80 + ".pdf"),
    ],
)
def test_stored_names_are_safe_basenames(name, expected):
    assert safe_filename(name, "pdf") == expected


# Upload page


def test_secretariat_uploads_a_document(client, secretariat, media_root):
    meeting = MeetingFactory()
    client.force_login(secretariat)
    url = reverse("meetings:document-upload", args=[meeting.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, {"file": _upload("../../Agenda of the 5th meeting.PDF", PDF_BYTES), "kind": "agenda"})
    assert response.status_code == 302
    document = Document.objects.get()
    assert document.meeting == meeting
    assert document.title == "Agenda of the 5th meeting"
    assert (document.size, document.content_type, document.uploaded_by) == (
        len(PDF_BYTES),
        "application/pdf",
        secretariat,
    )
    assert document.file.name == f"meetings/{meeting.pk}/Agenda_of_the_5th_meeting.pdf"
    assert (media_root / document.file.name).read_bytes() == PDF_BYTES
    assert document.history.first().history_user == secretariat
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert reverse("meetings:document-download", args=[document.pk]) in page
    assert "/media/" not in page


def test_a_wrong_upload_is_a_field_error_and_nothing_is_stored(client, secretariat, media_root):
    meeting = MeetingFactory()
    client.force_login(secretariat)
    response = client.post(
        reverse("meetings:document-upload", args=[meeting.pk]),
        {"file": _upload("slides.pptx", PDF_BYTES), "title": "Slides", "kind": "presentation"},
    )
    assert response.status_code == 200
    assert "is a PDF, but its name ends in .pptx" in response.context["form"].errors["file"][0]
    assert not Document.objects.exists()
    assert not any(media_root.rglob("*.*"))


@pytest.mark.parametrize(("data", "kind"), [({}, "agenda"), ({"title": "x"}, "unknown-kind")])
def test_a_missing_file_or_unknown_kind_is_a_field_error(client, secretariat, data, kind):
    meeting = MeetingFactory()
    client.force_login(secretariat)
    response = client.post(reverse("meetings:document-upload", args=[meeting.pk]), {**data, "kind": kind})
    assert response.status_code == 200
    assert response.context["form"].errors
    assert not Document.objects.exists()


def test_an_oversized_upload_is_stopped_while_it_streams_in(client, secretariat, settings, media_root):
    settings.DOCUMENT_MAX_BYTES = 1000
    meeting = MeetingFactory()
    client.force_login(secretariat)
    response = client.post(
        reverse("meetings:document-upload", args=[meeting.pk]),
        {"file": _upload("big.pdf", PDF_BYTES + b"0" * 5000), "title": "Big", "kind": "report"},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["file"] == ["The file is larger than the limit of 1000\xa0bytes."]
    assert not Document.objects.exists()
    assert not any(media_root.rglob("*.*"))


def test_upload_requires_the_csrf_token(secretariat):
    meeting = MeetingFactory()
    client = Client(enforce_csrf_checks=True)
    client.force_login(secretariat)
    response = client.post(
        reverse("meetings:document-upload", args=[meeting.pk]), {"file": _upload("a.pdf", PDF_BYTES), "kind": "agenda"}
    )
    assert response.status_code == 403
    assert not Document.objects.exists()

    token = client.get(reverse("meetings:document-upload", args=[meeting.pk])).context["csrf_token"]
    response = client.post(
        reverse("meetings:document-upload", args=[meeting.pk]),
        {"file": _upload("a.pdf", PDF_BYTES), "kind": "agenda", "csrfmiddlewaretoken": str(token)},
    )
    assert response.status_code == 302
    assert Document.objects.count() == 1


def test_participants_cannot_upload_or_delete(client, participant):
    document = DocumentFactory()
    client.force_login(participant)
    url = reverse("meetings:document-upload", args=[document.meeting.pk])
    assert client.get(url).status_code == 403
    assert client.post(url, {"file": _upload("a.pdf", PDF_BYTES), "kind": "agenda"}).status_code == 403
    assert client.post(reverse("meetings:document-delete", args=[document.pk])).status_code == 403
    assert Document.objects.count() == 1


# Download


def test_participants_download_as_an_attachment(client, participant):
    document = DocumentFactory(file__filename="agenda.pdf", file__data=PDF_BYTES, content_type="application/pdf")
    client.force_login(participant)
    response = client.get(reverse("meetings:document-download", args=[document.pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF_BYTES
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="agenda.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "private" in response["Cache-Control"]


def test_a_non_ascii_name_is_sent_encoded(client, participant):
    document = DocumentFactory(file__filename='Повестка"дня.pdf', file__data=PDF_BYTES)
    client.force_login(participant)
    disposition = client.get(reverse("meetings:document-download", args=[document.pk]))["Content-Disposition"]
    assert disposition.startswith("attachment; filename*=utf-8''")
    assert '"' not in disposition and "\n" not in disposition


def test_a_minutes_document_follows_the_minutes_visibility(client, participant, secretariat):
    draft = DocumentFactory(kind="minutes", title="Draft minutes file")
    published = DocumentFactory(kind="minutes", meeting=MeetingFactory(published=True))
    client.force_login(participant)
    assert (
        client.get(reverse("meetings:document-download", args=[draft.pk])).status_code == 404
    )  # hidden, as the minutes
    assert "Draft minutes file" not in client.get(draft.meeting.get_absolute_url()).content.decode()
    assert client.get(reverse("meetings:document-download", args=[published.pk])).status_code == 200
    client.force_login(secretariat)
    assert client.get(reverse("meetings:document-download", args=[draft.pk])).status_code == 200


def test_a_missing_file_is_a_404_not_a_500(client, participant, media_root):
    document = DocumentFactory()
    (media_root / document.file.name).unlink()
    client.force_login(participant)
    assert client.get(reverse("meetings:document-download", args=[document.pk])).status_code == 404


# Delete


def test_secretariat_deletes_a_document_and_its_file(
    client, secretariat, media_root, django_capture_on_commit_callbacks
):
    document = DocumentFactory()
    stored = media_root / document.file.name
    assert stored.exists()
    client.force_login(secretariat)
    assert client.get(reverse("meetings:document-delete", args=[document.pk])).status_code == 405
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("meetings:document-delete", args=[document.pk]))
    assert response.status_code == 302
    assert not Document.objects.exists()
    assert not stored.exists()


# Query count of the meeting page with documents


@pytest.mark.parametrize("rows", [3, 30])
def test_meeting_page_with_documents_query_count_does_not_grow(
    client, secretariat, django_assert_max_num_queries, rows
):
    meeting = MeetingFactory()
    for _ in range(rows):
        DocumentFactory(meeting=meeting)
    client.force_login(secretariat)
    with django_assert_max_num_queries(18):
        response = client.get(meeting.get_absolute_url())
    assert response.content.decode().count("/download/") == rows


def test_documents_live_in_whatever_storage_the_settings_name(client, secretariat, participant, settings, tmp_path):
    """An object store is a settings change away: nothing reads a document's path on a local disk."""
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"}}
    settings.MEDIA_ROOT = tmp_path  # nothing may land here
    meeting = MeetingFactory()
    client.force_login(secretariat)
    upload = reverse("meetings:document-upload", args=[meeting.pk])
    assert client.post(upload, {"file": _upload("Agenda.pdf", PDF_BYTES), "kind": "agenda"}).status_code == 302
    document = Document.objects.get()
    assert list(tmp_path.iterdir()) == []
    client.force_login(participant)
    download = client.get(reverse("meetings:document-download", args=[document.pk]))
    assert download.status_code == 200 and b"".join(download.streaming_content) == PDF_BYTES


def test_the_document_storage_comes_from_the_environment():
    import json
    import os
    import subprocess
    import sys

    from django.conf import settings as django_settings

    env = {
        **os.environ,
        "DOCUMENT_STORAGE_BACKEND": "storages.backends.s3.S3Storage",
        "DOCUMENT_STORAGE_OPTIONS": json.dumps({"bucket_name": "portal-documents"}),
    }
    script = (
        "import django, json; django.setup(); from django.conf import settings; "
        "print(json.dumps(settings.STORAGES['default']))"
    )
    result = subprocess.run(  # noqa: S603 (fixed argv)
        [sys.executable, "-c", script],
        cwd=django_settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(result.stdout.strip().splitlines()[-1]) == {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {"bucket_name": "portal-documents"},
    }
