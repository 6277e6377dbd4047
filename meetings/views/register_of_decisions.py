"""The register of decisions and follow-up actions across all series, and its CSV download."""

from django.core.paginator import Paginator
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from django.views.generic import TemplateView

from common.exports import MAX_ROWS, export_response
from common.i18n import localized
from meetings.decision_register import COLUMNS, DECISION, RegisterFilter, register_entries, with_meetings

PAGE_SIZE = 30


class RegisterOfDecisionsView(TemplateView):
    """Every decision and action the reader may see (published minutes only for participants), newest meeting
    first; each row links to its place in its minutes."""

    template_name = "meetings/register_of_decisions.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        register_filter = RegisterFilter(self.request.GET)
        entries = register_entries(self.request.user, register_filter.criteria)
        page = Paginator(entries, PAGE_SIZE).get_page(self.request.GET.get("page"))
        page.object_list = with_meetings(page.object_list)
        query = self.request.GET.copy()
        query.pop("page", None)
        context.update(
            filter=register_filter,
            page_obj=page,
            paginator=page.paginator,
            entries=page.object_list,
            filter_query=query.urlencode(),
        )
        return context


@require_safe
def export_register(request):
    """The register as CSV, filtered like the page, with the citable number of every row."""
    entries = register_entries(request.user, RegisterFilter(request.GET).criteria)[:MAX_ROWS]
    header = [_("Number"), _("Kind"), _("Text"), _("Series"), _("Meeting"), _("Meeting date")]
    header += [_("Responsible organisation"), _("Due"), _("Status"), _("Link")]
    kinds = {DECISION: _("Decision"), "action": _("Follow-up action")}

    def rows(chunk):
        for row in with_meetings(dict(zip(COLUMNS, row_values, strict=True)) for row_values in chunk):
            meeting = row["meeting"]
            yield [
                row["reference"],
                kinds[row["kind"]],
                localized(row["entry"], row["entry_field"]),
                str(meeting.series),
                meeting.ordinal,
                meeting.local_start.date(),
                row["organization"] or "",
                row["due"],
                row["status_label"],
                request.build_absolute_uri(row["url"]),
            ]

    title = _("Register of decisions and actions")
    return export_response("csv", "register", title, header, entries, COLUMNS, rows)
