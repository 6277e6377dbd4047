"""Components every page draws the same way.

``{% table %}`` is a data table's scaffolding: the scrollable region a keyboard can reach and a screen reader names,
the table with the portal's classes, and the empty state when there are no rows::

    {% table label=_("Organisations") rows=organizations empty=_("No organisations found.") classes="table-hover" %}
      <thead>…</thead>
      <tbody>{% for organization in organizations %}…{% endfor %}</tbody>
    {% endtable %}

The region is named by ``label`` or, when a heading on the page already names it, by ``labelledby`` (the heading's
id). Without ``rows`` the table is always drawn (the caller decided there is something to show)."""

from django import template
from django.utils.html import format_html, format_html_join

register = template.Library()

_NO_ROWS = object()


@register.simple_block_tag
def table(content, *, label="", labelledby="", classes="", id="", rows=_NO_ROWS, empty=""):
    if rows is not _NO_ROWS and not rows:
        return format_html('<p class="text-muted">{}</p>', empty) if empty else ""
    naming = ("aria-labelledby", labelledby) if labelledby else ("aria-label", label)
    table_attributes = [("class", f"table {classes}".strip())] + ([("id", id)] if id else [])
    return format_html(
        '<div class="table-responsive" role="region" tabindex="0" {}="{}"><table{}>{}</table></div>',
        *naming,
        format_html_join("", ' {}="{}"', table_attributes),
        content,
    )
