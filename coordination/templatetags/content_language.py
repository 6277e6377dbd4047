from django import template
from django.template.defaultfilters import linebreaksbr
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _

from common.i18n import interface_language_name, plain_text_with_note, reading, translated_from_note
from common.i18n import localized as localized_value

register = template.Library()


@register.filter
def localized(obj, field: str):
    """``{{ meeting|localized:"title" }}``: the Russian or Uzbek version of a field when there is one.

    Nothing for no object, as ``{{ meeting.title }}`` would show (a form row whose activity is gone, say).
    """
    if obj is None or obj == "":
        return ""
    return localized_value(obj, field)


# Where a text is read: a page (the original can be opened), print and HTML mail (no widgets: the original's
# language is stated), plain text (mail, calendar files: the note in brackets). Views and mail set
# ``content_medium`` in the context; a tag's ``medium`` argument overrides it.
PAGE = "page"
STATIC = "static"
PLAIN = "text"


def _medium(context, medium: str) -> str:
    return medium or context.get("content_medium") or PAGE


@register.simple_tag(takes_context=True)
def translated_text(context, obj, field: str, medium: str = "", quoted: bool = False):
    """A running text in the reader's language, in an element that says its language, with its line breaks. When it
    is shown in another language (no current translation) a note says so; when a translation is shown, the original
    can be opened on a page, and its language is named in print and mail. ``quoted``: a speaker's own words, in
    quotation marks (the note outside them)."""
    if not obj:
        return ""
    medium = _medium(context, medium)
    if medium == PLAIN:
        return plain_text_with_note(obj, field)
    shown = reading(obj, field)
    if not shown.text:
        return ""
    text = format_html("“{}”", linebreaksbr(shown.text)) if quoted else linebreaksbr(shown.text)
    parts = [format_html('<span class="content-text" lang="{}">{}</span>', shown.language, text)]
    parts.append(_note_html(obj, field, shown, medium))
    return format_html_join("", "{}", ((part,) for part in parts if part))


@register.simple_tag(takes_context=True)
def translation_note(context, obj, field: str, medium: str = ""):
    """Only the note of a text shown elsewhere in a sentence ("{{ meeting }}") or a title: nothing when it is in the
    reader's language; in plain text a bracketed line."""
    if not obj:
        return ""
    note = reading(obj, field).note
    if not note:
        return ""  # a title shown in the reader's language needs no word on its original
    medium = _medium(context, medium)
    if medium == PLAIN:
        return f"[{note}]"
    return _note_element(note, medium)


def _note_element(note: str, medium: str):
    if medium == STATIC:
        # On its own line without the page's stylesheet (mail has none; print.css styles the class).
        return format_html('<br><small class="muted translation-note">{}</small>', note)
    return format_html('<span class="d-block small text-muted muted translation-note">{}</span>', note)


def _note_html(obj, field: str, shown, medium: str):
    note = shown.note or (translated_from_note(obj, field, shown.language) if medium == STATIC else "")
    if note:
        return _note_element(note, medium)
    if medium == PAGE and shown.language != obj.source_language:
        return format_html(
            '<details class="small translation-original"><summary>{}</summary><span lang="{}">{}</span></details>',
            _("Original (%(language)s)") % {"language": interface_language_name(obj.source_language)},
            obj.source_language,
            linebreaksbr(getattr(obj, field)),
        )
    return ""


@register.filter
def participation_status(code: str):
    """The label of a participation status code ("attended" -> "Attended" in the active language), or of
    NOT_RECORDED; "" for none."""
    from meetings.analytics import NOT_RECORDED
    from meetings.models import ParticipationStatus

    if code == NOT_RECORDED:
        return _("not recorded: the source names only some of the participants")
    return ParticipationStatus(code).label if code in ParticipationStatus.values else ""


@register.simple_tag(takes_context=True)
def places(context, names):
    """An activity's places in the reader's language ("Бухара, Фергана" on a Russian page), as written where a
    place is not translated. The vocabulary of places is small and read once per page (kept on the request), so a
    list of activities costs one query."""
    from activities.models import place_vocabulary, shown_places

    if not names:
        return ""
    request = context.get("request")
    vocabulary = getattr(request, "_place_vocabulary", None)
    if vocabulary is None:
        vocabulary = place_vocabulary()
        if request is not None:
            request._place_vocabulary = vocabulary
    return ", ".join(shown_places(names, vocabulary))
