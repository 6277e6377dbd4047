from django import template
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _

from common.i18n import interface_language_name, reading
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


@register.simple_tag
def translated_text(obj, field: str):
    """A running text in the reader's language, in an element that says its language. When it is shown in another
    language (no current translation) a note says so; when a translation is shown, the original can be opened."""
    if not obj:
        return ""
    shown = reading(obj, field)
    if not shown.text:
        return ""
    parts = [format_html('<span class="content-text" lang="{}">{}</span>', shown.language, shown.text)]
    if shown.note:
        parts.append(format_html('<span class="d-block small text-muted muted translation-note">{}</span>', shown.note))
    elif shown.language != obj.source_language:
        parts.append(
            format_html(
                '<details class="small translation-original"><summary>{}</summary><span lang="{}">{}</span></details>',
                _("Original (%(language)s)") % {"language": interface_language_name(obj.source_language)},
                obj.source_language,
                getattr(obj, field),
            )
        )
    return format_html_join("", "{}", ((part,) for part in parts))


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
