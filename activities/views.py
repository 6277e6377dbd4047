from django.db.models import Prefetch
from django.views.generic import DetailView, ListView

from activities.models import Activity, ActivityPlan
from activities.quarter import Quarter


class ActivityListView(ListView):
    """The activity plans, newest quarter first, each with its activities."""

    template_name = "activities/activity_list.html"
    context_object_name = "plans"
    paginate_by = 4

    def get_queryset(self):
        plans = ActivityPlan.objects.select_related("series", "endorsed_at").prefetch_related(
            Prefetch(
                "activities",
                queryset=Activity.objects.select_related("lead_organization").prefetch_related("partners"),
            )
        )
        quarter = self._selected_quarter()
        if quarter:
            plans = plans.for_quarter(quarter)
        return plans

    def _selected_quarter(self) -> Quarter | None:
        try:
            return Quarter.parse(self.request.GET.get("quarter", ""))
        except ValueError:
            return None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["selected_quarter"] = self._selected_quarter()
        return context


class ActivityDetailView(DetailView):
    template_name = "activities/activity_detail.html"
    context_object_name = "activity"

    def get_queryset(self):
        return Activity.objects.select_related("plan__series", "lead_organization").prefetch_related(
            "partners", "topics", "reviews__meeting"
        )
