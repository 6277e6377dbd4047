"""Meeting documents: replacing a document's file keeps the document (its address) and the earlier file as a
version; deleting a document deletes every file it had."""

from django.db import transaction
from django.utils import timezone

from meetings.models import Document, DocumentVersion
from meetings.services._common import _with_history_user


@transaction.atomic
def replace_document_file(*, document: Document, upload, content_type: str, user=None) -> Document:
    """Give ``document`` the file ``upload`` (already checked) and keep the file it had as its latest earlier
    version, with who uploaded that one and when. The document's download address now serves the new file."""
    document = Document.objects.select_for_update().get(pk=document.pk)
    DocumentVersion.objects.create(
        document=document,
        number=document.file_version,
        file=document.file.name,
        size=document.size,
        content_type=document.content_type,
        uploaded_by=document.uploaded_by,
        uploaded_at=document.file_uploaded_at,
    )
    document.file = upload
    document.size = upload.size
    document.content_type = content_type
    document.uploaded_by = user if user is not None and user.is_authenticated else None
    document.file_version += 1
    document.file_uploaded_at = timezone.now()
    _with_history_user(document, user).save()
    return document


@transaction.atomic
def delete_document(*, document: Document, user=None) -> None:
    """Delete the document and, once that is committed, its file and the files of its earlier versions."""
    storage = document.file.storage
    names = [document.file.name, *document.versions.values_list("file", flat=True)]
    _with_history_user(document, user).delete()

    def delete_files():
        for name in names:
            if name:
                storage.delete(name)

    transaction.on_commit(delete_files)
