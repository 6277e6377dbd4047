"""Uploaded meeting documents: which files are accepted (judged by their content, not their name) and the form.

A file is accepted when its bytes are one of the allowed formats AND its name ends in an extension of that
format, it is not empty, and it is no larger than settings.DOCUMENT_MAX_BYTES. The stored name is a safe
basename: no directories, no leading dots, only letters, digits, '-', '_' and '.'.
"""

import re
import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import PurePosixPath

from crispy_forms.helper import FormHelper
from django import forms
from django.conf import settings
from django.core.files.uploadhandler import FileUploadHandler, SkipFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from common.i18n import localized
from common.typed_text import TypedTextForm
from common.widgets import visibility_kept_when_absent
from meetings.models import AgendaItem, Document


@dataclass(frozen=True)
class FileType:
    label: str
    content_type: str
    extensions: tuple[str, ...]


PDF = FileType("PDF", "application/pdf", ("pdf",))
PNG = FileType("PNG image", "image/png", ("png",))
JPEG = FileType("JPEG image", "image/jpeg", ("jpg", "jpeg"))
DOCX = FileType("Word document", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ("docx",))
XLSX = FileType("Excel workbook", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ("xlsx",))
PPTX = FileType(
    "PowerPoint presentation", "application/vnd.openxmlformats-officedocument.presentationml.presentation", ("pptx",)
)
ODT = FileType("OpenDocument text", "application/vnd.oasis.opendocument.text", ("odt",))
ODS = FileType("OpenDocument spreadsheet", "application/vnd.oasis.opendocument.spreadsheet", ("ods",))
ODP = FileType("OpenDocument presentation", "application/vnd.oasis.opendocument.presentation", ("odp",))
TEXT = FileType("plain text", "text/plain", ("txt",))
CSV = FileType("CSV table", "text/csv", ("csv",))

ALLOWED_TYPES = (PDF, DOCX, XLSX, PPTX, ODT, ODS, ODP, PNG, JPEG, TEXT, CSV)
ALLOWED_EXTENSIONS = tuple(extension for file_type in ALLOWED_TYPES for extension in file_type.extensions)

# The part that tells an Office Open XML package's kind, and the ODF "mimetype" entry's value.
_OOXML_MAIN_PARTS = {"word/document.xml": DOCX, "xl/workbook.xml": XLSX, "ppt/presentation.xml": PPTX}
_ODF_MIMETYPES = {file_type.content_type: file_type for file_type in (ODT, ODS, ODP)}
# Bytes that do not occur in text files (NUL and the C0 controls other than tab, newlines, form feed, escape).
_BINARY_BYTES = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")
_CHUNK = 64 * 1024


def detect_file_type(upload) -> FileType | None:
    """The allowed format the file's bytes are in, or None. Reads the file; leaves it at its start."""
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    try:
        if head.startswith(b"%PDF-"):
            return PDF
        if head.startswith(b"\x89PNG\r\n\x1a\n"):
            return PNG
        if head.startswith(b"\xff\xd8\xff"):
            return JPEG
        if head.startswith(b"PK\x03\x04"):
            return _zip_package_type(upload)
        if _looks_like_text(upload):
            return TEXT
        return None
    finally:
        upload.seek(0)


def _zip_package_type(upload) -> FileType | None:
    """DOCX/XLSX/PPTX or ODT/ODS/ODP, from the package's table of contents (nothing is decompressed but 'mimetype')."""
    try:
        with zipfile.ZipFile(upload) as package:
            names = set(package.namelist())
            if "mimetype" in names:
                info = package.getinfo("mimetype")
                if info.file_size <= 100:
                    mimetype = package.read(info).decode("ascii", "replace").strip()
                    return _ODF_MIMETYPES.get(mimetype)
                return None
            if "[Content_Types].xml" in names:
                for part, file_type in _OOXML_MAIN_PARTS.items():
                    if part in names:
                        return file_type
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, KeyError, ValueError):
        return None
    return None


def _looks_like_text(upload) -> bool:
    while chunk := upload.read(_CHUNK):
        if _BINARY_BYTES.search(chunk):
            return False
    return True


def safe_filename(name: str, extension: str) -> str:
    """A basename that is safe to store and to send back: no path, no leading dot, a short name, the extension."""
    basename = re.split(r"[\\/]", name or "")[-1]
    stem = PurePosixPath(basename).stem if "." in basename else basename
    stem = unicodedata.normalize("NFKC", stem)
    stem = re.sub(r"[^\w.-]+", "_", stem, flags=re.UNICODE).strip("._-")
    stem = re.sub(r"_{2,}", "_", stem)[:80].strip("._-")
    return f"{stem or 'document'}.{extension}"


def extension_of(name: str) -> str:
    basename = re.split(r"[\\/]", name or "")[-1]
    return basename.rsplit(".", 1)[-1].lower() if "." in basename else ""


def check_upload(upload) -> FileType:
    """Validate an uploaded file; raise forms.ValidationError with a message for the user, or return its type."""
    max_bytes = settings.DOCUMENT_MAX_BYTES
    if upload.size == 0:
        raise forms.ValidationError(_("The file is empty."), code="empty")
    if upload.size > max_bytes:
        raise forms.ValidationError(
            _("The file is %(size)s; the limit is %(limit)s.")
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(max_bytes)},
            code="too_large",
        )
    extension = extension_of(upload.name)
    allowed = ", ".join(extension.upper() for extension in ALLOWED_EXTENSIONS)
    if extension not in ALLOWED_EXTENSIONS:
        raise forms.ValidationError(
            _("Files of this type (.%(extension)s) cannot be uploaded. Allowed: %(allowed)s.")
            % {"extension": extension or "?", "allowed": allowed},
            code="type",
        )
    file_type = detect_file_type(upload)
    if file_type is None:
        raise forms.ValidationError(
            _("The file's content is not a document of an allowed type (%(allowed)s).") % {"allowed": allowed},
            code="content",
        )
    if file_type is TEXT and extension == "csv":
        file_type = CSV
    if extension not in file_type.extensions:
        raise forms.ValidationError(
            _("The file's content is a %(type)s, but its name ends in .%(extension)s.")
            % {"type": file_type.label, "extension": extension},
            code="mismatch",
        )
    return file_type


class DocumentSizeLimitHandler(FileUploadHandler):
    """Stops receiving an upload as soon as it exceeds the limit, so an oversized file never fills the disk.

    The request is marked, and the form reports the size instead of a missing file.
    """

    def __init__(self, request=None):
        super().__init__(request)
        self.max_bytes = settings.DOCUMENT_MAX_BYTES

    def receive_data_chunk(self, raw_data, start):
        if start + len(raw_data) > self.max_bytes:
            self.request.document_too_large = True
            raise SkipFile()
        return raw_data

    def file_complete(self, file_size):
        return None


def _file_help_text() -> str:
    return _("PDF, Word, Excel, PowerPoint, OpenDocument, PNG, JPEG, text or CSV; at most %(limit)s.") % {
        "limit": filesizeformat(settings.DOCUMENT_MAX_BYTES)
    }


class CheckedUploadMixin:
    """The ``file`` field checked by its content (check_upload) and stored under a safe name; an upload dropped by
    DocumentSizeLimitHandler reported as too large."""

    def _set_up_file_field(self, too_large: bool) -> None:
        self.too_large = too_large
        self.file_type: FileType | None = None
        self.fields["file"].help_text = _file_help_text()
        self.fields["file"].widget.attrs["accept"] = ",".join(f".{extension}" for extension in ALLOWED_EXTENSIONS)
        self.helper = FormHelper()
        self.helper.form_tag = False

    def clean_file(self):
        upload = self.cleaned_data["file"]
        self.file_type = check_upload(upload)
        upload.name = safe_filename(upload.name, extension_of(upload.name))
        return upload

    def _report_too_large(self) -> bool:
        if not self.too_large:
            return False
        # The upload handler dropped the file, so the field reports it missing: say what really happened.
        self._errors.pop("file", None)
        self.add_error(
            "file",
            forms.ValidationError(
                _("The file is larger than the limit of %(limit)s.")
                % {"limit": filesizeformat(settings.DOCUMENT_MAX_BYTES)},
                code="too_large",
            ),
        )
        return True


class DocumentForm(CheckedUploadMixin, TypedTextForm, forms.ModelForm):
    class Meta:
        model = Document
        fields = ["file", "title", "kind", "agenda_item", "visibility"]
        help_texts = {
            "title": gettext_lazy("Leave empty to use the file name."),
            "agenda_item": gettext_lazy("The item the document belongs to, if any: it is listed under it."),
        }

    def __init__(self, *args, too_large: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self._set_up_file_field(too_large)
        visibility_kept_when_absent(self)
        self.fields["title"].required = False
        items = self.fields["agenda_item"]
        items.queryset = AgendaItem.objects.filter(meeting=self.instance.meeting_id).order_by("position", "id")
        items.label_from_instance = lambda item: f"{item.position}. {localized(item, 'title')}"
        items.empty_label = _("None: the meeting as a whole")

    def clean(self):
        cleaned_data = super().clean()
        if self._report_too_large():
            return cleaned_data
        upload = cleaned_data.get("file")
        if upload is not None and not cleaned_data.get("title"):
            cleaned_data["title"] = PurePosixPath(upload.name).stem.replace("_", " ")[:255]
        return cleaned_data

    def save(self, commit=True):
        document = super().save(commit=False)
        document.size = document.file.size
        document.content_type = self.file_type.content_type
        if commit:
            document.save()
        return document


class DocumentReplaceForm(CheckedUploadMixin, forms.Form):
    """A new file for a document: the document keeps its address, the file it had becomes an earlier version."""

    file = forms.FileField(label=gettext_lazy("New file"), max_length=255)

    def __init__(self, *args, too_large: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self._set_up_file_field(too_large)

    def clean(self):
        cleaned_data = super().clean()
        self._report_too_large()
        return cleaned_data
