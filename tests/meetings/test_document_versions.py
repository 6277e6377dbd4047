"""Documents per agenda item, and document versions: a replaced file keeps the document's address."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from meetings.models import Document, DocumentVersion
from meetings.services.documents import delete_document, replace_document_file
from tests.meetings.factories import AgendaItemFactory, DocumentFactory, MeetingFactory

pytestmark = pytest.mark.django_db

FIRST = b"%PDF-1.4\n% the first draft\n%%EOF\n"
SECOND = b"%PDF-1.4\n% the corrected report\n%%EOF\n"


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def meeting():
    return MeetingFactory(published=True)


def _pdf(name, data):
    return SimpleUploadedFile(name, data, content_type="application/pdf")


def _downloaded(response) -> bytes:
    assert response.status_code == 200
    return b"".join(response.streaming_content)


# Documents per agenda item


def test_a_document_uploaded_for_an_item_is_listed_under_it(client, secretariat, participant, meeting):
    item = AgendaItemFactory(meeting=meeting, title="Study visit of the Estonian delegation")
    client.force_login(secretariat)
    upload_url = reverse("meetings:document-upload", args=[meeting.pk]) + f"?item={item.pk}"
    form_page = client.get(upload_url).content.decode()
    assert f'<option value="{item.pk}" selected>' in form_page
    response = client.post(
        upload_url,
        {"file": _pdf("visit.pdf", FIRST), "title": "Visit report", "kind": "report", "agenda_item": item.pk},
    )
    assert response.status_code == 302
    assert response.url.endswith(f"/agenda/#item-{item.pk}")
    document = Document.objects.get(title="Visit report")
    assert document.agenda_item == item
    builder = client.get(reverse("meetings:meeting-agenda", args=[meeting.pk])).content.decode()
    under_item = builder[builder.index(f'id="item-{item.pk}"') : builder.index("planned-total")]
    assert reverse("meetings:document-download", args=[document.pk]) in under_item
    client.force_login(participant)
    page = client.get(meeting.get_absolute_url()).content.decode()
    under_item = page[page.index(f'id="agenda-item-{item.pk}"') : page.index('id="participants"')]
    assert reverse("meetings:document-download", args=[document.pk]) in under_item


def test_the_upload_form_offers_only_this_meetings_items(client, secretariat, meeting):
    other_item = AgendaItemFactory(title="Another meeting's item")
    client.force_login(secretariat)
    url = reverse("meetings:document-upload", args=[meeting.pk])
    assert "Another meeting&#x27;s item" not in client.get(url).content.decode()
    response = client.post(url, {"file": _pdf("a.pdf", FIRST), "kind": "report", "agenda_item": other_item.pk})
    assert response.status_code == 200
    assert response.context["form"].errors["agenda_item"]
    assert not Document.objects.filter(meeting=meeting).exists()


def test_removing_an_item_keeps_its_documents(meeting, secretariat):
    item = AgendaItemFactory(meeting=meeting)
    document = DocumentFactory(meeting=meeting, agenda_item=item)
    item.delete()
    document.refresh_from_db()
    assert document.agenda_item is None


# Versions


def test_replacing_a_file_keeps_the_address_and_the_earlier_version(secretariat, meeting, media_root):
    document = DocumentFactory(
        meeting=meeting, file=_pdf("report.pdf", FIRST), size=len(FIRST), content_type="application/pdf"
    )
    first_name = document.file.name
    replaced = replace_document_file(
        document=document, upload=_pdf("report.pdf", SECOND), content_type="application/pdf", user=secretariat
    )
    assert replaced.pk == document.pk
    assert replaced.file_version == 2 and replaced.size == len(SECOND) and replaced.uploaded_by == secretariat
    assert replaced.file.read() == SECOND
    earlier = DocumentVersion.objects.get(document=document)
    assert (earlier.number, earlier.file.name, earlier.size) == (1, first_name, len(FIRST))
    assert earlier.uploaded_at == document.file_uploaded_at
    assert (media_root / first_name).read_bytes() == FIRST


def test_the_secretariat_replaces_a_file_and_everyone_who_sees_the_document_gets_each_version(
    client, secretariat, participant, meeting
):
    document = DocumentFactory(meeting=meeting, title="Progress report", file=_pdf("report.pdf", FIRST))
    address = reverse("meetings:document-download", args=[document.pk])
    client.force_login(secretariat)
    replace_url = reverse("meetings:document-replace", args=[document.pk])
    assert "Version 1 (current)" in client.get(replace_url).content.decode()
    response = client.post(replace_url, {"file": _pdf("report-v2.pdf", SECOND)})
    assert response.status_code == 302
    client.force_login(participant)
    assert _downloaded(client.get(address)) == SECOND
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "Version 2 (current)" in page and "sec" in page
    earlier = reverse("meetings:document-version-download", args=[document.pk, 1])
    assert earlier in page
    assert _downloaded(client.get(earlier)) == FIRST
    assert client.get(reverse("meetings:document-version-download", args=[document.pk, 2])).status_code == 404


def test_a_hostile_replacement_is_refused_and_the_file_stays(client, secretariat, meeting):
    document = DocumentFactory(meeting=meeting, file=_pdf("report.pdf", FIRST))
    client.force_login(secretariat)
    response = client.post(
        reverse("meetings:document-replace", args=[document.pk]),
        {"file": SimpleUploadedFile("report.pdf", b"<html><script>alert(1)</script></html>")},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    document.refresh_from_db()
    assert document.file_version == 1 and document.file.read() == FIRST
    assert not document.versions.exists()


@pytest.mark.parametrize("role", ["participant", "other_participant"])
def test_only_the_secretariat_replaces_a_file(client, request, meeting, role):
    document = DocumentFactory(meeting=meeting, file=_pdf("report.pdf", FIRST))
    client.force_login(request.getfixturevalue(role))
    response = client.post(reverse("meetings:document-replace", args=[document.pk]), {"file": _pdf("x.pdf", SECOND)})
    assert response.status_code == 403
    document.refresh_from_db()
    assert document.file_version == 1


def test_earlier_versions_of_draft_minutes_are_hidden_like_the_document(client, participant):
    meeting = MeetingFactory()
    document = DocumentFactory(meeting=meeting, kind="minutes", file=_pdf("minutes.pdf", FIRST))
    replace_document_file(document=document, upload=_pdf("minutes.pdf", SECOND), content_type="application/pdf")
    client.force_login(participant)
    assert client.get(reverse("meetings:document-version-download", args=[document.pk, 1])).status_code == 404


def test_deleting_a_document_deletes_every_file_it_had(django_capture_on_commit_callbacks, meeting, media_root):
    document = DocumentFactory(meeting=meeting, file=_pdf("report.pdf", FIRST))
    replace_document_file(document=document, upload=_pdf("report.pdf", SECOND), content_type="application/pdf")
    names = [document.file.name, *document.versions.values_list("file", flat=True)]
    document.refresh_from_db()
    names.append(document.file.name)
    with django_capture_on_commit_callbacks(execute=True):
        delete_document(document=Document.objects.get(pk=document.pk))
    assert not any((media_root / name).exists() for name in names)
