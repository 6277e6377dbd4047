"""Meeting documents: the secretariat uploads and deletes them; whoever may see the meeting downloads them.

Files are never served from a public /media/ URL: every download goes through DocumentDownloadView's check.
"""

import posixpath

from django.contrib import messages
from django.db import transaction
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.generic import FormView
from django.views.generic.detail import SingleObjectMixin

from common.permissions import SecretariatRequiredMixin
from meetings.documents import DocumentForm, DocumentSizeLimitHandler
from meetings.models import Document, Meeting


# The size limit is enforced while the upload streams in, which needs our upload handler installed before
# anything reads request.POST; CSRF middleware would read it first, so the check is done in post() instead.
@method_decorator(csrf_exempt, name="dispatch")
class DocumentUploadView(SecretariatRequiredMixin, SingleObjectMixin, FormView):
    model = Meeting
    form_class = DocumentForm
    template_name = "meetings/document_form.html"

    def get_queryset(self):
        return Meeting.objects.select_related("series")

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
        kwargs["instance"] = Document(meeting=self.object, uploaded_by=self.request.user)
        kwargs["too_large"] = getattr(self.request, "document_too_large", False)
        return kwargs

    def get_context_data(self, **kwargs):
        kwargs["meeting"] = self.object
        return super().get_context_data(**kwargs)

    def form_valid(self, form):
        document = form.save()
        messages.success(self.request, _("“%(title)s” was uploaded.") % {"title": document.title})
        return redirect(self.object.get_absolute_url() + "#documents")

    def form_invalid(self, form):
        messages.error(self.request, _("The document was not uploaded; see the error below."))
        return super().form_invalid(form)


class DocumentDownloadView(View):
    http_method_names = ["get", "head"]

    def get(self, request, pk):
        # A minutes document of draft minutes answers 404 to those who may not see drafts: its existence stays hidden.
        document = get_object_or_404(Document.objects.visible_to(request.user).select_related("meeting"), pk=pk)
        try:
            handle = document.file.open("rb")
        except FileNotFoundError as error:
            raise Http404("The file of this document is missing.") from error
        response = FileResponse(
            handle,
            as_attachment=True,
            filename=posixpath.basename(document.file.name),
            content_type=document.content_type or "application/octet-stream",
        )
        response["Cache-Control"] = "private, no-store"
        return response


class DocumentDeleteView(SecretariatRequiredMixin, View):
    http_method_names = ["post"]

    def post(self, request, pk):
        document = get_object_or_404(Document.objects.select_related("meeting"), pk=pk)
        meeting = document.meeting
        name, storage = document.file.name, document.file.storage
        document.delete()
        transaction.on_commit(lambda: storage.delete(name))
        messages.success(request, _("“%(title)s” was deleted.") % {"title": document.title})
        return redirect(meeting.get_absolute_url() + "#documents")
