"""An organisation's page: its contacts, and its part in meetings, actions and activities (so it sits above the
apps it draws on)."""

from django.conf import settings
from django.db.models import Count, Prefetch, Q
from django.views.generic import DetailView

from activities import analytics as activity_analytics
from meetings import analytics as meeting_analytics
from meetings.models import Meeting, ParticipationStatus
from stakeholders import accounts
from stakeholders.models import Contact, Organization, units_below


class OrganizationDetailView(DetailView):
    template_name = "stakeholders/organization_detail.html"
    context_object_name = "organization"

    def show_inactive(self) -> bool:
        return self.request.GET.get("inactive") == "1"

    def get_queryset(self):
        contacts = Contact.objects.all() if self.show_inactive() else Contact.objects.active()
        return (
            Organization.objects.select_related("parent")
            .annotate(inactive_contact_count=Count("contacts", filter=Q(contacts__is_active=False)))
            .prefetch_related("children", Prefetch("contacts", queryset=contacts.order_by("-is_active", "name")))
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        organization = self.object
        # Attendance rolls up: the organisation attended when it, or one of its units at any depth, did.
        context["meetings_attended"] = (
            Meeting.objects.filter(
                Q(participations__organization=organization)
                | Q(participations__organization__in=units_below([organization.pk])),
                participations__status=ParticipationStatus.ATTENDED,
            )
            .select_related("series")
            .distinct()
            .order_by("-starts_at")[: settings.PAGE_SIZE]
        )
        context.update(
            may_maintain_contacts=accounts.may_maintain_contacts(self.request.user, organization),
            show_inactive=self.show_inactive(),
            inactive_contacts=organization.inactive_contact_count,
            attendance_dots=meeting_analytics.attendance_dots(organization),
            action_record=meeting_analytics.action_record(organization, self.request.user),
            owned_actions=meeting_analytics.owned_actions(organization, self.request.user),
            statements=meeting_analytics.statements_made(organization, self.request.user),
            activities=activity_analytics.activities_involved(organization),
        )
        return context
