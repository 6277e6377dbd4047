from django.http import Http404, HttpResponse
from django.template.loader import render_to_string
from django.utils.http import content_disposition_header
from django.views.generic import DetailView

from meetings.analytics import meeting_years
from meetings.models import MeetingSeries
from meetings.printing import meetings_for_print, participants_by_organization, render_pdf
from meetings.record import minutes_record
from meetings.services import attendance_record
from meetings.services.agenda import lay_out_agenda


class PrintedMixin:
    """Print and PDF: texts name their original's language instead of offering to open it (no widgets on paper)."""

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs) | {"content_medium": "static"}


class PdfOrHtmlMixin:
    """Renders the page as HTML, or with ``as_pdf`` as a PDF download of the same template."""

    as_pdf = False

    def pdf_filename(self, context) -> str:
        raise NotImplementedError

    def render_to_response(self, context, **response_kwargs):
        if not self.as_pdf:
            return super().render_to_response(context, **response_kwargs)
        html = render_to_string(self.template_name, context, request=self.request)
        response = HttpResponse(render_pdf(html), content_type="application/pdf")
        response["Content-Disposition"] = content_disposition_header(True, self.pdf_filename(context))
        return response


class MeetingPrintMixin(PrintedMixin):
    context_object_name = "meeting"

    def get_queryset(self):
        return meetings_for_print(self.request.user).visible_to(self.request.user)


class AgendaPrintView(MeetingPrintMixin, DetailView):
    template_name = "meetings/print/agenda.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["invited"] = participants_by_organization(self.object)
        context["total_minutes"] = sum(item.planned_minutes or 0 for item in self.object.agenda_items.all())
        lay_out_agenda(self.object, self.object.agenda_items.all())
        return context


class MinutesPrintView(PdfOrHtmlMixin, MeetingPrintMixin, DetailView):
    """The minutes, ready to print; a 404 for those who may not read them yet."""

    template_name = "meetings/print/minutes.html"

    def get_object(self, queryset=None):
        meeting = super().get_object(queryset)
        if not meeting.minutes_visible_to(self.request.user):
            raise Http404("These minutes are not published yet.")
        return meeting

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        meeting = self.object
        record = attendance_record(meeting)
        context.update(
            attendance_record=record,
            attendance=record.present,
            excused=record.excused,
            minutes_record=minutes_record(meeting, meeting.reviews),
            for_pdf=self.as_pdf,
        )
        return context

    def pdf_filename(self, context) -> str:
        return self.object.file_name("pdf", "minutes")


ALL_YEARS = "all"


class CompiledMinutesView(PdfOrHtmlMixin, PrintedMixin, DetailView):
    """The published minutes of a series' meetings of a year (the latest by default) or all years, in order.

    For the annual report; the whole history of a long series is one click away (``?year=all``) but is not what
    every visit renders.
    """

    template_name = "meetings/print/compiled_minutes.html"
    context_object_name = "series"

    def get_queryset(self):
        return MeetingSeries.objects.select_related("convening_organization", "funding_organization")

    def _year(self, published) -> int | None:
        """The year asked for; "all" for every year; by default the latest year with published minutes."""
        asked = self.request.GET.get("year", "")
        if asked == ALL_YEARS:
            return None
        if not asked:
            latest = published.dates("starts_at", "year", order="DESC").first()
            return latest.year if latest else None
        try:
            year = int(asked)
        except ValueError:
            return None
        return year if 2000 <= year <= 2100 else None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        meetings = (
            meetings_for_print(self.request.user)
            .filter(series=self.object)
            .with_published_minutes()
            .order_by("starts_at", "number")
        )
        year = self._year(meetings)
        if year:
            meetings = meetings.filter(starts_at__year=year)
        meetings = list(meetings)
        for meeting in meetings:
            meeting.minutes_record = minutes_record(meeting, meeting.reviews)
            meeting.attendance_record = attendance_record(meeting)
        context.update(
            year=year,
            all_years=ALL_YEARS,
            years=sorted(meeting_years(self.object)),
            entries=[
                (meeting, meeting.attendance_record.present, meeting.attendance_record.excused) for meeting in meetings
            ],
            for_pdf=self.as_pdf,
        )
        return context

    def pdf_filename(self, context) -> str:
        suffix = f"-{context['year']}" if context["year"] else ""
        return f"{self.object.file_slug}-minutes{suffix}.pdf"
