"""Meeting documents: the secretariat uploads, replaces and deletes them; whoever may see the meeting downloads them
and their earlier versions.

Files are never served from a public /media/ URL: every download goes through DocumentDownloadView's check.
"""

import posixpath

from django.contrib import messages
from django.db.models import Prefetch
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.generic import FormView
from django.views.generic.detail import SingleObjectMixin

from common.permissions import SecretariatRequiredMixin
from meetings.documents import DocumentForm, DocumentReplaceForm, DocumentSizeLimitHandler
from meetings.models import Document, DocumentVersion, Meeting
from meetings.services.documents import delete_document, replace_document_file


class SizeLimitedUploadMixin(SingleObjectMixin):
    """A form on one object (``self.object``) whose file is refused while it streams in when it is too large.

    The size limit is enforced while the upload streams in, which needs our upload handler installed before anything
    reads request.POST; CSRF middleware would read it first, so the check is done in post() instead: each view marks
    its dispatch (the first in its MRO, the role check's) csrf_exempt."""

    def dispatch(self, request, *args, **kwargs):
        request.upload_handlers.insert(0, DocumentSizeLimitHandler(request))
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        return super().get(request, *args, **kwargs)

    @method_decorator(csrf_protect)
    def post(self, request, *args, **kwargs):
        self.object = self.get_object()
        return super().post(request, *args, **kwargs)

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["too_large"] = getattr(self.request, "document_too_large", False)
        return kwargs


@method_decorator(csrf_exempt, name="dispatch")
class DocumentUploadView(SecretariatRequiredMixin, SizeLimitedUploadMixin, FormView):
    model = Meeting
    form_class = DocumentForm
    template_name = "meetings/document_form.html"

    def get_queryset(self):
        return Meeting.objects.select_related("series")

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["instance"] = Document(meeting=self.object, uploaded_by=self.request.user)
        return kwargs

    def get_initial(self):
        # "Attach a document" under an item of the agenda builder names the item.
        item = self.request.GET.get("item", "")
        return {"agenda_item": item} if item.isdigit() else {}

    def get_context_data(self, **kwargs):
        kwargs["meeting"] = self.object
        return super().get_context_data(**kwargs)

    def form_valid(self, form):
        document = form.save()
        messages.success(self.request, _("“%(title)s” was uploaded.") % {"title": document.title})
        if document.agenda_item_id and "item" in self.request.GET:  # opened from the agenda builder: back to it
            return redirect(
                reverse("meetings:meeting-agenda", args=[self.object.pk]) + f"#item-{document.agenda_item_id}"
            )
        return redirect(self.object.get_absolute_url() + "#documents")

    def form_invalid(self, form):
        messages.error(self.request, _("The document was not uploaded; see the error below."))
        return super().form_invalid(form)


@method_decorator(csrf_exempt, name="dispatch")
class DocumentReplaceView(SecretariatRequiredMixin, SizeLimitedUploadMixin, FormView):
    """A new file for a document, at the same address; the file it had is kept as an earlier version."""

    model = Document
    form_class = DocumentReplaceForm
    template_name = "meetings/document_replace.html"

    def get_queryset(self):
        return Document.objects.select_related("meeting__series", "uploaded_by").prefetch_related(
            Prefetch("versions", queryset=DocumentVersion.objects.select_related("uploaded_by"))
        )

    def get_context_data(self, **kwargs):
        kwargs.update(document=self.object, meeting=self.object.meeting)
        return super().get_context_data(**kwargs)

    def form_valid(self, form):
        document = replace_document_file(
            document=self.object,
            upload=form.cleaned_data["file"],
            content_type=form.file_type.content_type,
            user=self.request.user,
        )
        messages.success(
            self.request,
            _("“%(title)s” now has version %(number)s; the earlier file is kept.")
            % {"title": document.title, "number": document.file_version},
        )
        return redirect(document.meeting.get_absolute_url() + "#documents")

    def form_invalid(self, form):
        messages.error(self.request, _("The file was not replaced; see the error below."))
        return super().form_invalid(form)


def _file_response(stored_file, content_type: str):
    try:
        handle = stored_file.open("rb")
    except FileNotFoundError as error:
        raise Http404("The file of this document is missing.") from error
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=posixpath.basename(stored_file.name),
        content_type=content_type or "application/octet-stream",
    )
    response["Cache-Control"] = "private, no-store"
    return response


class DocumentDownloadView(View):
    """The document's newest file (the address stays the same when the file is replaced)."""

    http_method_names = ["get", "head"]

    def get(self, request, pk):
        # A minutes document of draft minutes answers 404 to those who may not see drafts: its existence stays hidden.
        document = get_object_or_404(Document.objects.visible_to(request.user).select_related("meeting"), pk=pk)
        return _file_response(document.file, document.content_type)


class DocumentVersionDownloadView(View):
    """An earlier file of a document, to whoever may see the document."""

    http_method_names = ["get", "head"]

    def get(self, request, pk, version):
        version = get_object_or_404(
            DocumentVersion.objects.filter(document__in=Document.objects.visible_to(request.user)),
            document_id=pk,
            number=version,
        )
        return _file_response(version.file, version.content_type)


class DocumentDeleteView(SecretariatRequiredMixin, View):
    http_method_names = ["post"]

    def post(self, request, pk):
        document = get_object_or_404(Document.objects.select_related("meeting"), pk=pk)
        meeting = document.meeting
        delete_document(document=document, user=request.user)
        messages.success(request, _("“%(title)s” was deleted.") % {"title": document.title})
        return redirect(meeting.get_absolute_url() + "#documents")
