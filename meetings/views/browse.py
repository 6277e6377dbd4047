import datetime
from dataclasses import dataclass
from urllib.parse import urlencode

from django.conf import settings
from django.db.models import Max, Min, Prefetch, Q
from django.utils import timezone
from django.views.generic import DetailView, TemplateView
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
from meetings.services.invitees import sees_join_link, sees_live_mode
from meetings.services.live import room_tools_offered
from stakeholders.models import Contact, may_answer_for_organization, organization_of


@dataclass(frozen=True)
class ListPosition:
    """A place in the meetings list's order (newest first: starts_at, then id), written in a link as
    `<ISO time>~<id>`. The list pages from such a place (keyset paging) instead of by page number: an OFFSET read
    every row before the page, so a deep page cost in proportion to its depth."""

    starts_at: datetime.datetime
    pk: int

    @classmethod
    def of(cls, meeting) -> "ListPosition":
        return cls(meeting.starts_at, meeting.pk)

    @classmethod
    def start_of_year(cls, year: int) -> "ListPosition":
        """Before every meeting of `year` (in the portal's time zone): the list from there back is the year's."""
        return cls(timezone.make_aware(datetime.datetime(year, 1, 1)), 0)

    @classmethod
    def parse(cls, text: str | None) -> "ListPosition | None":
        """The position a link wrote, or None for anything else (a hand-edited or truncated link)."""
        when, _, pk = (text or "").rpartition("~")
        try:
            starts_at, pk = datetime.datetime.fromisoformat(when), int(pk)
        except (ValueError, OverflowError):
            return None
        return cls(starts_at, pk) if timezone.is_aware(starts_at) and 0 <= pk < 2**63 else None

    def __str__(self) -> str:
        return f"{self.starts_at.isoformat()}~{self.pk}"

    def older(self) -> Q:
        return Q(starts_at__lt=self.starts_at) | Q(starts_at=self.starts_at, pk__lt=self.pk)

    def newer(self) -> Q:
        return Q(starts_at__gt=self.starts_at) | Q(starts_at=self.starts_at, pk__gt=self.pk)


def _year(text: str | None) -> int | None:
    return int(text) if text and text.isdigit() and 1 < int(text) < 9999 else None


class MeetingListView(TemplateView):
    """The past meetings newest first, a page at a time from a position (`?before=`, `?after=`: "Next" and
    "Previous") or from the start of a year (`?year=`), with the upcoming ones above the first page.

    No page numbers and no count of all meetings: each page reads its rows through the (starts_at, id) index from
    where it starts, the years from the index's two ends, so every page costs the same however long the list is.
    """

    template_name = "meetings/meeting_list.html"
    page_size = settings.PAGE_SIZE
    upcoming_limit = 20
    newest_first = ["-starts_at", "-id"]  # the index meeting_list_order_idx, read backwards

    def past(self):
        return Meeting.objects.visible_to(self.request.user).filter(ends_at__lt=timezone.now())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = self.request.GET
        past = self.past()
        before, after, year = ListPosition.parse(query.get("before")), ListPosition.parse(query.get("after")), None
        if after is None and before is None and (year := _year(query.get("year"))) is not None:
            before = ListPosition.start_of_year(year + 1)
        rows = past.select_related("series").with_counts()
        if after is not None:  # the page before a position: read oldest first from it, shown newest first
            meetings = list(rows.filter(after.newer()).order_by("starts_at", "id")[: self.page_size + 1])
            has_newer, meetings = len(meetings) > self.page_size, meetings[: self.page_size][::-1]
            has_older = bool(meetings) and past.filter(ListPosition.of(meetings[-1]).older()).exists()
        else:
            if before is not None:
                rows = rows.filter(before.older())
            meetings = list(rows.order_by(*self.newest_first)[: self.page_size + 1])
            has_older, meetings = len(meetings) > self.page_size, meetings[: self.page_size]
            has_newer = (
                before is not None
                and past.filter(before.newer() if not meetings else ListPosition.of(meetings[0]).newer()).exists()
            )
        first_page = before is None and after is None
        span = past.aggregate(oldest=Min("starts_at"), newest=Max("starts_at"))
        years = (
            range(timezone.localtime(span["newest"]).year, timezone.localtime(span["oldest"]).year - 1, -1)
            if span["newest"]
            else range(0)
        )
        context.update(
            meetings=meetings,
            first_page=first_page,
            newer_url=self.link(after=ListPosition.of(meetings[0])) if has_newer and meetings else None,
            older_url=self.link(before=ListPosition.of(meetings[-1])) if has_older else None,
            years=[str(each) for each in years],
            shown_year=str(year or timezone.localtime(meetings[0].starts_at).year) if meetings else None,
        )
        if first_page:
            context["upcoming"] = list(
                Meeting.objects.visible_to(self.request.user)
                .filter(ends_at__gte=timezone.now())
                .select_related("series")
                .with_counts()
                .order_by("starts_at", "id")[: self.upcoming_limit]
            )
        return context

    def link(self, **position) -> str:
        return "?" + urlencode({name: str(value) for name, value in position.items()})


class MeetingDetailView(DetailView):
    template_name = "meetings/meeting_detail.html"
    context_object_name = "meeting"

    def get_queryset(self):
        user = self.request.user
        meetings = Meeting.objects.visible_to(user)
        return meetings.select_related("series", "minutes_published_by").prefetch_related(
            Prefetch(
                "agenda_items",
                queryset=AgendaItem.objects.readable_by(user)
                .select_related(
                    "presenter__organization",
                    "lead_organization",
                    "approves_minutes_of__minutes_approved_at_meeting",
                )
                .prefetch_related("topics", services.carried_actions(user)),
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
        # The approval loop: the circulated draft for those it was circulated to, and the earlier minutes this
        # meeting approves (meetings.services.approval).
        context["reads_circulated_draft"] = meeting.minutes_circulated and services.may_read_circulated_minutes(
            self.request.user, meeting
        )
        approved_under_items = (getattr(item, "approves_minutes_of", None) for item in meeting.agenda_items.all())
        context["minutes_to_approve"] = sorted(
            (earlier for earlier in approved_under_items if earlier is not None),
            key=lambda earlier: earlier.starts_at,
            reverse=True,
        )
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
        context["show_join_link"] = sees_join_link(meeting, self.request.user)
        context["room_tools"] = room_tools_offered(meeting) and sees_live_mode(meeting, self.request.user)
        if is_secretariat(self.request.user):
            if not meeting.is_draft:
                # How many people were e-mailed the invitation, how many have an outdated version (one query).
                context["invitations"] = invitation_status(meeting=meeting)
            context["next_step"] = services.next_step(meeting)
            context["can_prepare_next"] = meeting.lifecycle_stage in (
                LifecycleStage.HELD,
                LifecycleStage.MINUTES_DRAFT,
                LifecycleStage.MINUTES_CIRCULATED,
                LifecycleStage.MINUTES_PUBLISHED,
                LifecycleStage.MINUTES_APPROVED,
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
