from django.contrib import messages
from django.contrib.messages.views import SuccessMessageMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.generic import CreateView, DetailView, ListView, TemplateView, UpdateView, View
from django.views.generic.detail import SingleObjectMixin

from activities.filters import ActivityFilter
from activities.forms import ActivityForm, ActivityPlanForm, ActivityProgressForm, ActivityReviewFormSet
from activities.models import Activity, ActivityPlan, ActivityReview
from activities.services import (
    CARRIED_STATUSES,
    StaleReview,
    activities_to_carry,
    activities_under_review,
    carry_into_plan,
    create_activity,
    delete_activity,
    endorse_plan,
    plan_to_endorse,
    record_quarter_review,
    update_activity,
)
from common.edit_conflicts import VersionedUpdateMixin
from common.permissions import SecretariatRequiredMixin
from common.quarter import Quarter
from meetings.models import Meeting, MeetingSeries
from stakeholders.models import may_report_for


class ActivityListView(ListView):
    """The activity plans, newest quarter first, each with its activities."""

    template_name = "activities/activity_list.html"
    context_object_name = "plans"
    paginate_by = 4

    def get_queryset(self):
        plans = ActivityPlan.objects.select_related("series", "endorsed_at").prefetch_related(
            Prefetch("activities", queryset=self.activity_filter.qs)
        )
        quarter = self._selected_quarter()
        if quarter:
            plans = plans.for_quarter(quarter)
        return plans

    @cached_property
    def activity_filter(self) -> ActivityFilter:
        """Kind, status, lead organisation and city narrow the activities shown in each plan (and the export)."""
        activities = Activity.objects.select_related("lead_organization").prefetch_related("partners")
        return ActivityFilter(self.request.GET, queryset=activities)

    def _selected_quarter(self) -> Quarter | None:
        try:
            return Quarter.parse(self.request.GET.get("quarter", ""))
        except ValueError:
            return None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["selected_quarter"] = self._selected_quarter()
        context["filter"] = self.activity_filter
        query = self.request.GET.copy()
        query.pop("page", None)
        context["filter_query"] = query.urlencode()
        # A plan's table leaves out the Places and Partners columns when no activity in it has any (prefetched rows).
        for plan in context["plans"]:
            activities = plan.activities.all()
            plan.shows_places = any(activity.places for activity in activities)
            plan.shows_partners = any(activity.partners.all() for activity in activities)
        return context


class ActivityDetailView(DetailView):
    template_name = "activities/activity_detail.html"
    context_object_name = "activity"

    def get_queryset(self):
        reviews = ActivityReview.objects.visible_to(self.request.user).select_related("meeting")
        return Activity.objects.select_related("plan__series", "lead_organization").prefetch_related(
            "partners", "topics", Prefetch("reviews", queryset=reviews)
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["may_update_progress"] = may_update_progress(self.request.user, self.object)
        return context


# Editing: the secretariat creates and edits plans and activities; a lead organisation updates its progress.


class ReturnToMixin:
    """A form opened from another page (a quarter review, a plan) goes back there after saving.

    The page is passed as ``?next=`` (and kept in a hidden field); only a path on this site is followed.
    "Save and add another" opens an empty activity form for the same plan instead.
    """

    def return_to(self) -> str:
        target = self.request.POST.get("next") or self.request.GET.get("next") or ""
        safe = url_has_allowed_host_and_scheme(target, allowed_hosts={self.request.get_host()}, require_https=False)
        return target if safe and target.startswith("/") else ""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["return_to"] = self.return_to()
        return context

    def get_success_url(self):
        if "add_another" in self.request.POST:
            query = {"plan": self.object.plan_id} if isinstance(self.object, Activity) else {"plan": self.object.pk}
            if self.return_to():
                query["next"] = self.return_to()
            return f"{reverse('activities:activity-create')}?{urlencode(query)}"
        return self.return_to() or super().get_success_url()


class ActivityPlanCreateView(SecretariatRequiredMixin, ReturnToMixin, SuccessMessageMixin, CreateView):
    model = ActivityPlan
    form_class = ActivityPlanForm
    template_name = "activities/plan_form.html"
    success_message = _("The activity plan for %(quarter)s was created.")

    def get_initial(self):
        initial = super().get_initial()
        initial["quarter"] = self.request.GET.get("quarter", "")
        series_id = self.request.GET.get("series", "")
        if series_id.isdigit():
            initial["series"] = int(series_id)
        elif (only_series := list(MeetingSeries.objects.all()[:2])) and len(only_series) == 1:
            initial["series"] = only_series[0].pk
        return initial

    def get_success_message(self, cleaned_data):
        return self.success_message % {"quarter": cleaned_data["quarter"].label}


class ActivityPlanUpdateView(SecretariatRequiredMixin, ReturnToMixin, SuccessMessageMixin, UpdateView):
    model = ActivityPlan
    form_class = ActivityPlanForm
    template_name = "activities/plan_form.html"
    success_message = _("The activity plan was saved.")

    def get_queryset(self):
        return ActivityPlan.objects.select_related("series")


class ActivityCreateView(SecretariatRequiredMixin, ReturnToMixin, SuccessMessageMixin, CreateView):
    model = Activity
    form_class = ActivityForm
    template_name = "activities/activity_form.html"
    success_message = _("“%(title)s” was added to the plan.")

    def get_initial(self):
        initial = super().get_initial()
        plan_id = self.request.GET.get("plan", "")
        if plan_id.isdigit():
            plan = ActivityPlan.objects.filter(pk=plan_id).first()
            if plan is not None:
                initial["plan"] = plan.pk
                initial["starts_on"] = plan.quarter.first_day
        return initial

    def form_valid(self, form):
        self.object = create_activity(
            activity=form.save(commit=False),
            partners=form.cleaned_data["partners"],
            topics=form.cleaned_data["topics"],
        )
        messages.success(self.request, self.get_success_message(form.cleaned_data))
        return redirect(self.get_success_url())


class VersionCheckedSaveMixin(VersionedUpdateMixin):
    """For an activity's UpdateView: a save based on an old version is refused and the user's text shown back with
    the other person's values (common.edit_conflicts)."""

    conflict_noun = _("activity")

    def save_versioned(self, form):
        return update_activity(
            activity=form.save(commit=False),
            expected_version=form.cleaned_data["version"],
            partners=form.cleaned_data.get("partners"),
            topics=form.cleaned_data.get("topics"),
        )


class ActivityUpdateView(
    SecretariatRequiredMixin, ReturnToMixin, VersionCheckedSaveMixin, SuccessMessageMixin, UpdateView
):
    model = Activity
    form_class = ActivityForm
    template_name = "activities/activity_form.html"
    success_message = _("“%(title)s” was saved.")

    def get_queryset(self):
        return Activity.objects.select_related("plan__series").prefetch_related("partners", "topics")


class ActivityDeleteView(SecretariatRequiredMixin, SingleObjectMixin, View):
    """POST only. An activity that a meeting has reviewed is kept: the review is part of that meeting's record."""

    model = Activity
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        activity = self.get_object()
        plan_url = activity.plan.get_absolute_url()
        try:
            delete_activity(activity=activity)
        except ValidationError as refusal:
            messages.error(request, " ".join(refusal.messages))
            return redirect(activity)
        messages.success(request, _("“%(title)s” was deleted.") % {"title": activity.title})
        return redirect(plan_url)


class ActivityProgressView(VersionCheckedSaveMixin, SuccessMessageMixin, UpdateView):
    """The lead organisation's own people (and the secretariat) record how the activity is going."""

    model = Activity
    form_class = ActivityProgressForm
    template_name = "activities/activity_progress_form.html"
    success_message = _("The progress of “%(title)s” was saved.")

    def get_queryset(self):
        return Activity.objects.select_related("plan", "lead_organization")

    def get_object(self, queryset=None):
        activity = super().get_object(queryset)
        if not may_update_progress(self.request.user, activity):
            raise PermissionDenied(_("Only the lead organisation and the secretariat may update this activity."))
        return activity

    def get_success_message(self, cleaned_data):
        return self.success_message % {"title": self.object.title}


def may_update_progress(user, activity: Activity) -> bool:
    return may_report_for(user, activity.lead_organization_id)


# The quarter review at a meeting, and the endorsement of the next quarter's plan.


class QuarterReviewView(SecretariatRequiredMixin, SingleObjectMixin, TemplateView):
    model = Meeting
    template_name = "activities/quarter_review.html"

    def get_queryset(self):
        return Meeting.objects.select_related("series")

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        return super().get(request, *args, **kwargs)

    def _formset(self, data=None):
        return ActivityReviewFormSet(data, activities=activities_under_review(self.object), prefix="review")

    def get_context_data(self, **kwargs):
        kwargs.setdefault("formset", self._formset())
        context = super().get_context_data(**kwargs)
        meeting = self.object
        context["meeting"] = meeting
        context["quarter"] = meeting.reviewed_quarter
        context["next_quarter"] = meeting.reviewed_quarter.next() if meeting.reviewed_quarter else None
        context["plan_to_endorse"] = plan_to_endorse(meeting)
        context["to_carry"] = [
            activity for activity in context["formset"].activities if activity.status in CARRIED_STATUSES
        ]
        return context

    def post(self, request, *args, **kwargs):
        self.object = self.get_object()
        formset = self._formset(request.POST)
        if formset.is_valid():
            try:
                reviews = record_quarter_review(
                    meeting=self.object, entries=formset.entries(), recorded_by=request.user
                )
            except ValidationError as error:
                formset._non_form_errors = formset.error_class(error.messages)
            except StaleReview as conflict:
                formset = self._formset(self._formset(request.POST).data_with_current_versions())
                formset.is_valid()
                formset._non_form_errors = formset.error_class(
                    [
                        _(
                            "Someone else changed %(activities)s since you opened this review, so nothing was saved. "
                            "Your entries are still below: check them against the activity pages and save again."
                        )
                        % {"activities": ", ".join(f"“{activity.title}”" for activity in conflict.activities)}
                    ]
                )
            else:
                messages.success(
                    request,
                    ngettext(
                        "The review of %(count)s activity was saved.",
                        "The review of %(count)s activities was saved.",
                        len(reviews),
                    )
                    % {"count": len(reviews)},
                )
                return redirect("activities:quarter-review", pk=self.object.pk)
        messages.error(request, _("The review was not saved; see the errors below."))
        return self.render_to_response(self.get_context_data(formset=formset))


class CarryActivitiesView(SecretariatRequiredMixin, SingleObjectMixin, View):
    """POST only: the ticked postponed or ongoing activities of the reviewed quarter go into the next plan."""

    model = Meeting
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        meeting = self.get_object()
        plan = plan_to_endorse(meeting)
        if plan is None:
            messages.error(request, _("Create the next quarter's plan first."))
            return redirect("activities:quarter-review", pk=meeting.pk)
        chosen = set(request.POST.getlist("activity"))
        activities = [activity for activity in activities_to_carry(meeting) if str(activity.pk) in chosen]
        carried = carry_into_plan(activities=activities, plan=plan)
        if carried:
            messages.success(
                request,
                ngettext(
                    "%(count)s activity was added to the %(quarter)s plan as planned.",
                    "%(count)s activities were added to the %(quarter)s plan as planned.",
                    len(carried),
                )
                % {"count": len(carried), "quarter": plan.quarter.label},
            )
        else:
            messages.info(request, _("Nothing was added: tick the activities to carry over (each is added once)."))
        return redirect("activities:quarter-review", pk=meeting.pk)


class EndorsePlanView(SecretariatRequiredMixin, SingleObjectMixin, View):
    """POST only: the meeting endorses the plan for the quarter after the one it reviews."""

    model = Meeting
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        meeting = self.get_object()
        plan_id = request.POST.get("plan", "")
        plan = get_object_or_404(ActivityPlan, pk=plan_id if plan_id.isdigit() else 0)
        try:
            plan = endorse_plan(plan=plan, meeting=meeting)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _("The %(quarter)s plan is endorsed at the %(ordinal)s meeting.")
                % {"quarter": plan.quarter.label, "ordinal": meeting.ordinal},
            )
        return redirect("activities:quarter-review", pk=meeting.pk)
