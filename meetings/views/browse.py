from django.conf import settings
from django.db.models import Prefetch
from django.utils import timezone
from django.views.generic import DetailView, ListView
from django_filters.views import FilterView

from common.roles import is_secretariat
from meetings import services
from meetings.filters import ActionFilter, reviewing_meetings, tracked_actions
from meetings.forms import ActionUpdateForm, OrganizationReplyForm
from meetings.models import (
    ActionItem,
    ActionUpdate,
    AgendaItem,
    Decision,
    Document,
    DocumentVersion,
    Invitation,
    LifecycleStage,
    Meeting,
    MeetingSeries,
    Participation,
    RsvpAnswer,
    Statement,
)
from meetings.notifications.delivery import invitation_status
from meetings.record import meeting_reviews, minutes_record
from meetings.services.agenda import lay_out_agenda
from stakeholders.models import Contact, may_answer_for_organization, organization_of


class MeetingListView(ListView):
    template_name = "meetings/meeting_list.html"
    context_object_name = "meetings"
    paginate_by = settings.PAGE_SIZE

    ordering = ["-starts_at", "-id"]  # the index meeting_list_order_idx, read backwards
    upcoming_limit = 20

    def get_queryset(self):
        """The past meetings, paginated; the upcoming ones come above them (get_context_data)."""
        return Meeting.objects.visible_to(self.request.user).filter(ends_at__lt=timezone.now()).order_by(*self.ordering)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["upcoming"] = list(
            Meeting.objects.visible_to(self.request.user)
            .filter(ends_at__gte=timezone.now())
            .select_related("series")
            .with_counts()
            .order_by("starts_at", "id")[: self.upcoming_limit]
        )
        return context

    def paginate_queryset(self, queryset, page_size):
        """Page through the bare index first; only the page's rows get their series and counts.

        With OFFSET, PostgreSQL computes every selected column for each skipped row, so counting
        before cutting the page made deep pages slow (page 320 of 400: hundreds of ms).
        """
        paginator, page, rows, is_paginated = super().paginate_queryset(queryset, page_size)
        page.object_list = (
            Meeting.objects.filter(pk__in=rows.values("pk"))
            .select_related("series")
            .with_counts()
            .order_by(*self.ordering)
        )
        return paginator, page, page.object_list, is_paginated


class MeetingDetailView(DetailView):
    template_name = "meetings/meeting_detail.html"
    context_object_name = "meeting"

    def get_queryset(self):
        user = self.request.user
        meetings = Meeting.objects.visible_to(user)
        return meetings.select_related("series", "minutes_published_by").prefetch_related(
            Prefetch(
                "agenda_items",
                queryset=AgendaItem.objects.select_related(
                    "presenter__organization", "lead_organization"
                ).prefetch_related("topics", services.carried_actions(user)),
            ),
            Prefetch(
                "participations",
                queryset=Participation.objects.select_related("organization", "contact", "named_by__contact"),
            ),
            Prefetch(
                "statements",
                queryset=Statement.objects.visible_to(user).select_related(
                    "speaker", "organization", "agenda_item", "source_document"
                ),
            ),
            Prefetch("decisions", queryset=Decision.objects.visible_to(user)),
            Prefetch(
                "action_items",
                queryset=ActionItem.objects.visible_to(user).select_related("responsible_organization", "owner"),
            ),
            Prefetch(
                "documents",
                queryset=Document.objects.visible_to(user).select_related("agenda_item", "uploaded_by"),
            ),
            Prefetch("documents__versions", queryset=DocumentVersion.objects.select_related("uploaded_by")),
        )

    def get_object(self, queryset=None):
        meeting = super().get_object(queryset)
        if not meeting.minutes_visible_to(self.request.user):
            meeting.withhold_minutes_text()
        return meeting

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        meeting = self.object
        context["show_minutes"] = meeting.minutes_visible_to(self.request.user)
        if context["show_minutes"]:
            reviews = meeting_reviews(meeting, self.request.user)
            context["minutes_record"] = minutes_record(meeting, reviews)
        # A column empty on every row is left out (the demo's actions, for one, are owned by no named person).
        context["show_action_owner"] = any(action.owner_id for action in meeting.action_items.all())
        context["attendance_record"] = services.attendance_record(meeting)
        context["planned_total_minutes"] = sum(item.planned_minutes or 0 for item in meeting.agenda_items.all())
        # The prefetched items get their planned start and documents (those the reader may see: visible_to above).
        lay_out_agenda(meeting, meeting.agenda_items.all(), meeting.documents.all())
        contact = Contact.objects.of_user(self.request.user).select_related("organization").first()
        rsvp_refusal = services.rsvp_refusal(meeting)
        if contact is not None and not rsvp_refusal and services.is_invited(meeting, contact):
            context["rsvp_contact"] = contact
            context["my_rsvp"] = meeting.rsvps.filter(contact=contact).first()
            context["rsvp_answers"] = RsvpAnswer
        elif contact is not None and meeting.has_started and services.is_invited(meeting, contact):
            context["rsvp_closed"] = rsvp_refusal  # a sentence where the reply buttons were
        if contact is not None and may_answer_for_organization(self.request.user, contact.organization_id):
            context.update(self.organization_reply_context(meeting, contact.organization))
        # An "invited" row says "not yet invited" until mail went out to someone of its organisation.
        context["reached_organizations"] = set(
            Invitation.objects.filter(meeting=meeting).values_list("contact__organization_id", flat=True)
        )
        if is_secretariat(self.request.user):
            if not meeting.is_draft:
                # How many people were e-mailed the invitation, how many have an outdated version (one query).
                context["invitations"] = invitation_status(meeting=meeting)
            context["next_step"] = services.next_step(meeting)
            context["can_prepare_next"] = meeting.lifecycle_stage in (
                LifecycleStage.HELD,
                LifecycleStage.MINUTES_DRAFT,
                LifecycleStage.MINUTES_PUBLISHED,
            ) and services.is_latest_held(meeting)
        return context

    @staticmethod
    def organization_reply_context(meeting, organization) -> dict:
        """A focal point's panel: their organisation's answer and who attends, while the meeting takes replies (or
        the answer once given). Nothing when the organisation is not invited."""
        refusal = services.organization_reply_refusal(meeting, organization)
        if not any(row.organization_id == organization.pk for row in meeting.participations.all()):
            return {}
        answer = services.organization_answer(meeting=meeting, organization=organization)
        if refusal and answer.reply is None:
            return {}
        return {
            "organization_answer": answer,
            "organization_reply_form": OrganizationReplyForm.for_answer(answer),
            "organization_refusal": refusal,
        }


class SeriesDetailView(DetailView):
    template_name = "meetings/series_detail.html"
    context_object_name = "series"

    def get_queryset(self):
        return MeetingSeries.objects.select_related("convening_organization", "funding_organization").prefetch_related(
            "members",
            Prefetch("meetings", queryset=Meeting.objects.visible_to(self.request.user).order_by("number")),
        )


class ActionListView(FilterView):
    """The follow-up tracker across meetings: filter by organisation, status, overdue and meeting."""

    template_name = "meetings/action_list.html"
    context_object_name = "actions"
    paginate_by = settings.PAGE_SIZE
    filterset_class = ActionFilter
    strict = False

    def get_queryset(self):
        return tracked_actions(self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        for action in context["actions"]:
            action.reviewed_at = reviewing_meetings(action)
        query = self.request.GET.copy()
        query.pop("page", None)
        context["filter_query"] = query.urlencode()
        context["show_action_owner"] = any(action.owner_id for action in context["actions"])
        return context


class ActionDetailView(DetailView):
    template_name = "meetings/action_detail.html"
    context_object_name = "action"

    def get_queryset(self):
        user = self.request.user
        return (
            ActionItem.objects.visible_to(user)
            .select_related("responsible_organization", "owner", "meeting", "agenda_item", "decision")
            .prefetch_related(
                Prefetch("updates", queryset=ActionUpdate.objects.visible_to(user).select_related("author", "meeting"))
            )
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        organization = organization_of(self.request.user)
        context["is_own_action"] = (
            organization is not None and organization.pk == self.object.responsible_organization_id
        )
        user = self.request.user
        context["update_refusal"] = services.action_update_refusal(user, self.object)
        if not context["update_refusal"]:
            statuses = services.action_statuses_for(user, self.object)
            context["update_form"] = ActionUpdateForm(action=self.object, statuses=statuses)
        return context
