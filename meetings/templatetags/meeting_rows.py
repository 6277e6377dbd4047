"""The meetings list's rows, each rendered once per version of the meeting (and language) and then read from the
fragment cache (common.fragment_cache) by every reader."""

import functools

from django import template
from django.template.loader import get_template
from django.utils.html import format_html_join

from common import fragment_cache

register = template.Library()

ROW_TEMPLATE = "meetings/partials/meeting_row.html"


@functools.cache
def _row_layout() -> str:
    return fragment_cache.layout(
        *(get_template(name).template.source for name in (ROW_TEMPLATE, "partials/illustrative_badge.html"))
    )


def meeting_row_key(meeting) -> tuple:
    """Everything a meeting's row shows can change with: the meeting's own writes (every save moves ``updated``,
    an edit through a form or a translation ``version``), its series' name (the series' ``updated``), its status
    as the clock and the attendance make it, and its two counts (agenda items and organisations are rows of their
    own). Nothing of the reader: the row is the same for everyone who may see the meeting."""
    return (
        _row_layout(),
        meeting.pk,
        meeting.version,
        meeting.updated,
        meeting.series_id,
        meeting.series.updated,
        str(meeting.status_label),
        meeting.agenda_item_count,
        meeting.organization_count,
    )


def _render_rows(meetings) -> list[str]:
    # Rendered without the request (no user, no context processors): a row cannot show anything of its reader.
    row = get_template(ROW_TEMPLATE)
    return [row.render({"meeting": meeting}) for meeting in meetings]


@register.simple_tag
def meeting_rows(meetings):
    """The table rows of ``meetings`` (select_related("series").with_counts())."""
    rows = fragment_cache.fragments("meeting-row", meetings, meeting_row_key, _render_rows)
    return format_html_join("", "{}", ((row,) for row in rows))  # each row is safe (rendered with autoescape)
