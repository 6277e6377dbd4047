"""Print-ready agenda and minutes, and their PDF rendering with WeasyPrint."""

import logging
import re
from collections import OrderedDict

from django.contrib.staticfiles import finders
from django.db.models import Prefetch
from django.utils.translation import gettext as _

from meetings import services
from meetings.models import (
    ActionItem,
    ActionUpdate,
    AgendaItem,
    Decision,
    Meeting,
    Participation,
    Statement,
)

PRINT_STYLESHEET = "css/print.css"

# WeasyPrint reports every layout step at INFO level.
logging.getLogger("weasyprint").setLevel(logging.WARNING)


def meetings_for_print(user):
    """Meetings with everything their agenda and minutes show, in a fixed number of queries; the actions carried to
    their review of follow-up actions as ``user`` may read them, and what each meeting decided about them."""
    return Meeting.objects.select_related("series__convening_organization", "minutes_published_by").prefetch_related(
        Prefetch(
            "agenda_items",
            queryset=AgendaItem.objects.readable_by(user)
            .select_related("presenter__organization", "lead_organization")
            .order_by("position", "id"),
        ),
        services.carried_actions(user, "agenda_items__actions_to_review"),
        Prefetch("action_updates", queryset=ActionUpdate.objects.visible_to(user), to_attr="reviews"),
        Prefetch(
            "participations",
            queryset=Participation.objects.select_related("organization", "contact").order_by(
                "organization__name", "contact__name", "id"
            ),
        ),
        Prefetch(
            "statements",
            queryset=Statement.objects.visible_to(user).select_related(
                "speaker", "organization", "agenda_item", "source_document"
            ),
        ),
        Prefetch("decisions", queryset=Decision.objects.visible_to(user)),
        Prefetch("action_items", queryset=ActionItem.objects.select_related("responsible_organization", "owner")),
    )


def participants_by_organization(meeting, statuses=None) -> list[tuple]:
    """[(organisation, [participation, ...]), ...] in name order, optionally only some statuses."""
    grouped = OrderedDict()
    for participation in meeting.participations.all():
        if statuses is None or participation.status in statuses:
            grouped.setdefault(participation.organization, []).append(participation)
    return list(grouped.items())


PAGE_COUNTERS = {"%(number)s": "counter(page)", "%(total)s": "counter(pages)"}


def css_string(text: str) -> str:
    """``text`` as a quoted CSS string, every character but letters, digits and spaces escaped (so nothing in it can
    end the string or the style element)."""
    return '"' + "".join(char if char.isalnum() or char == " " else f"\\{ord(char):x} " for char in text) + '"'


def pdf_page_style() -> str:
    """The PDF's page numbers ("Page 3 of 7") in the reader's language, a stylesheet after print.css (which numbers
    pages "3 / 7" for the browser's print dialogue)."""
    pattern = _("Page %(number)s of %(total)s")
    parts = [part for part in re.split(r"(%\((?:number|total)\)s)", pattern) if part]
    content = " ".join(PAGE_COUNTERS.get(part) or css_string(part) for part in parts)
    return f"@page {{ @bottom-right {{ content: {content}; }} }}"


def render_pdf(html: str) -> bytes:
    """Render an HTML page to PDF: no network or file access, only the portal's print stylesheet (and the page
    numbers' words in the reader's language)."""
    from weasyprint import CSS, HTML, URLFetcher

    with open(finders.find(PRINT_STYLESHEET), encoding="utf-8") as stylesheet:
        css = CSS(string=stylesheet.read())
    fetcher = URLFetcher(allowed_protocols={"data"})
    return HTML(string=html, base_url=None, url_fetcher=fetcher).write_pdf(
        stylesheets=[css, CSS(string=pdf_page_style())]
    )
