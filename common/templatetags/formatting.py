"""Template filters for dates, ranges, times, zones and numbers (``{% load formatting %}``); see common.formatting.

{{ action.due_on|day }}                              20 February 2024
{{ activity.starts_on|day_range:activity.ends_on }}  20–21 February 2024
{{ series.started_on|month }}                        February 2022
{{ item.planned_start|clock }}                      10:30 (as it is: pass a meeting's local time)
{{ entry.date|timestamp }}                           1 December 2026, 08:35 (the reader's zone)
{{ meeting.time_zone|zone_label:meeting.starts_at }} Tashkent time (UTC+5)
{{ activity.people_reached|number }}                 12,345
{% time_range meeting.local_start meeting.local_end meeting.time_zone weekday=True %}
"""

from django import template

from common import formatting

register = template.Library()


@register.filter
def day(value):
    return formatting.date_text(value)


@register.filter
def day_range(start, end=None):
    return formatting.date_range_text(start, end)


@register.filter
def month(value):
    return formatting.month_text(value)


@register.filter
def clock(value):
    return formatting.clock_text(value)


@register.filter
def timestamp(value):
    return formatting.timestamp_text(value)


@register.filter
def zone_label(zone_name, at=None):
    return formatting.zone_label(zone_name, at)


@register.filter
def number(value):
    return formatting.number_text(value)


@register.simple_tag
def time_range(start, end, zone_name=None, weekday=False):
    return formatting.time_range_text(start, end, zone_name, weekday=weekday)


@register.filter
def iso_moment(value):
    """A moment for scripts to read (a data attribute), not for people: ISO 8601, empty for none."""
    return value.isoformat() if value else ""
