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

# A ministry may list hundreds of people: the page shows this many, and all of them on request.
CONTACTS_SHOWN = 30


class OrganizationDetailView(DetailView):
    template_name = "stakeholders/organization_detail.html"
    context_object_name = "organization"

    def show_inactive(self) -> bool:
        return self.request.GET.get("inactive") == "1"

    def show_all_contacts(self) -> bool:
        return self.request.GET.get("contacts") == "all"

    def get_queryset(self):
        contacts = Contact.objects.all() if self.show_inactive() else Contact.objects.active()
        contacts = contacts.order_by("-is_active", "name")
        if not self.show_all_contacts():
            contacts = contacts[:CONTACTS_SHOWN]
        return (
            Organization.objects.select_related("parent")
            .annotate(
                inactive_contact_count=Count("contacts", filter=Q(contacts__is_active=False)),
                active_contact_count=Count("contacts", filter=Q(contacts__is_active=True)),
            )
            .prefetch_related("children", Prefetch("contacts", queryset=contacts, to_attr="listed_contacts"))
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
            show_all_contacts=self.show_all_contacts(),
            inactive_contacts=organization.inactive_contact_count,
            contacts_not_shown=self.contacts_not_shown(organization),
            attendance_dots=meeting_analytics.attendance_dots(organization),
            action_record=meeting_analytics.action_record(organization, self.request.user),
            owned_actions=meeting_analytics.owned_actions(organization, self.request.user),
            statements=meeting_analytics.statements_made(organization, self.request.user),
            activities=activity_analytics.activities_involved(organization),
        )
        return context

    def contacts_not_shown(self, organization) -> int:
        listed = organization.active_contact_count
        if self.show_inactive():
            listed += organization.inactive_contact_count
        return 0 if self.show_all_contacts() else max(0, listed - CONTACTS_SHOWN)
