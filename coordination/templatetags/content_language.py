from django import template

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


@register.filter
def participation_status(code: str):
    """The label of a participation status code ("attended" -> "Attended" in the active language); "" for none."""
    from meetings.models import ParticipationStatus

    return ParticipationStatus(code).label if code in ParticipationStatus.values else ""
