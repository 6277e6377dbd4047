from django import template

from meetings.forms import ActionUpdateForm
from meetings.services import action_statuses_for, can_update_action

register = template.Library()


@register.simple_tag(takes_context=True)
def action_update_form(context, action):
    """The status-update form for the action page, or None when the user may not update this action."""
    user = context["request"].user
    if not can_update_action(user, action):
        return None
    return ActionUpdateForm(action=action, statuses=action_statuses_for(user, action))
