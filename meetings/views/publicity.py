"""The secretariat's choice of whether a series is public (its pages: coordination/pages/public.py)."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views import View

from common.permissions import SecretariatRequiredMixin
from meetings.forms.publicity import SeriesPublicityForm
from meetings.models import MeetingSeries


class SeriesPublicityView(SecretariatRequiredMixin, View):
    template_name = "meetings/series_publicity.html"

    def get(self, request, pk):
        series = get_object_or_404(MeetingSeries, pk=pk)
        return render(request, self.template_name, {"series": series, "form": SeriesPublicityForm(instance=series)})

    def post(self, request, pk):
        series = get_object_or_404(MeetingSeries, pk=pk)
        form = SeriesPublicityForm(request.POST, instance=series)
        if not form.is_valid():
            return render(request, self.template_name, {"series": series, "form": form})
        form.save()
        if series.is_public:
            messages.success(request, _("The series is public: its public pages are open to everyone."))
        else:
            messages.success(request, _("The series is no longer public."))
        return redirect(series.get_absolute_url())
