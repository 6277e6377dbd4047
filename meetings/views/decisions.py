"""A decision's permalink: what was decided, at which meeting and item, and the actions that follow from it."""

from django.db.models import Prefetch
from django.views.generic import DetailView

from meetings.models import ActionItem, Decision


class DecisionDetailView(DetailView):
    """Readable by whoever may read the minutes that record it: draft minutes' decisions are a 404 to participants."""

    model = Decision
    template_name = "meetings/decision_detail.html"
    context_object_name = "decision"

    def get_queryset(self):
        user = self.request.user
        return (
            Decision.objects.visible_to(user)
            .select_related("meeting__series", "agenda_item")
            .prefetch_related(
                Prefetch(
                    "actions",
                    queryset=ActionItem.objects.visible_to(user).select_related("meeting", "responsible_organization"),
                )
            )
        )
