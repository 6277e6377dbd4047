from django import template

from meetings.notifications.delivery import invitation_status as status_of

register = template.Library()


@register.simple_tag
def invitation_status(meeting):
    """How many people were e-mailed the meeting's invitation, and how many have an outdated version (one query)."""
    return status_of(meeting=meeting)
