from django.conf import settings
from django.db.models import Count, Prefetch, Q
from django.views.generic import DetailView, ListView

from meetings.models import Meeting, ParticipationStatus
from stakeholders.models import Contact, Organization, OrganizationKind


class OrganizationListView(ListView):
    template_name = "stakeholders/organization_list.html"
    context_object_name = "organizations"
    paginate_by = settings.PAGE_SIZE

    def get_queryset(self):
        organizations = (
            Organization.objects.select_related("parent")
            .annotate(contact_count=Count("contacts", filter=Q(contacts__is_active=True), distinct=True))
            .order_by("name")
        )
        kind = self.request.GET.get("kind")
        if kind in OrganizationKind.values:
            organizations = organizations.filter(kind=kind)
        return organizations

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["kinds"] = OrganizationKind.choices
        context["selected_kind"] = self.request.GET.get("kind", "")
        return context


class OrganizationDetailView(DetailView):
    template_name = "stakeholders/organization_detail.html"
    context_object_name = "organization"

    def get_queryset(self):
        return Organization.objects.select_related("parent").prefetch_related(
            "children", Prefetch("contacts", queryset=Contact.objects.active())
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        organization = self.object
        context["meetings_attended"] = (
            Meeting.objects.filter(
                participations__organization=organization,
                participations__status=ParticipationStatus.ATTENDED,
            )
            .select_related("series")
            .distinct()
            .order_by("-starts_at")[: settings.PAGE_SIZE]
        )
        return context
