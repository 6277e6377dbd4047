"""What the dashboard shows a given user, gathered in one place."""

from dataclasses import dataclass

from django.db.models import DateField
from django.utils.translation import gettext as _

from activities.models import Activity, ActivityPlan
from common.access import may_see_draft_minutes
from common.quarter import Quarter
from common.queries import sort_key_without_index
from common.roles import is_secretariat
from meetings.models import ActionItem, Meeting, MeetingSeries
from stakeholders.models import Contact, organization_of

LIST_LIMIT = 10


@dataclass
class Dashboard:
    next_meeting: Meeting | None
    next_meeting_is_upcoming: bool
    latest_minutes: Meeting | None
    actions: list
    actions_scope: str
    quarter: Quarter
    plan_quarter: Quarter | None
    activities: list
    draft_minutes: list
    overdue_count: int = 0
    actions_query: str = "status=open"
    # The secretariat's "Prepare the next meeting": the series when there is just one, else None (choose one).
    can_prepare: bool = False
    series_to_prepare: MeetingSeries | None = None


def _next_meeting(user) -> Meeting | None:
    """The next announced meeting not yet held or over that the reader is invited to (their organisation or
    themselves on its list); for the secretariat, of any series."""
    meetings = Meeting.objects.visible_to(user).announced().not_held().upcoming().select_related("series")
    if not is_secretariat(user):
        meetings = meetings.inviting(organization=organization_of(user), contact=Contact.objects.of_user(user).first())
    return meetings.first()


def build_dashboard(user) -> Dashboard:
    def _meetings():
        return Meeting.objects.visible_to(user).select_related("series")

    next_meeting = _next_meeting(user)
    upcoming = next_meeting is not None
    if next_meeting is None:
        next_meeting = _meetings().past().first()

    actions = (
        ActionItem.objects.visible_to(user).still_open().select_related("responsible_organization", "owner", "meeting")
    )
    organization = organization_of(user)
    can_see_drafts = may_see_draft_minutes(user)
    actions_query = "status=open"
    if organization and not can_see_drafts:
        actions = actions.for_organization(organization)
        scope = _("for %(organization)s") % {"organization": organization.short_name}
        actions_query += f"&organization={organization.pk}"
    else:
        scope = _("across all organisations")

    quarter = Quarter.current()
    plan = (
        ActivityPlan.objects.for_quarter(quarter).first()
        or ActivityPlan.objects.order_by("-year", "-quarter_number").first()
    )
    activities = []
    if plan:
        activities = list(
            Activity.objects.filter(plan__in=ActivityPlan.objects.for_quarter(plan.quarter))
            .select_related("lead_organization")
            .order_by(sort_key_without_index("starts_on", DateField()), "title")[:LIST_LIMIT]
        )

    drafts = list(_meetings().with_draft_minutes().order_by("-starts_at")[:LIST_LIMIT]) if can_see_drafts else []
    can_prepare = is_secretariat(user)
    all_series = list(MeetingSeries.objects.order_by("pk")[:2]) if can_prepare else []

    return Dashboard(
        next_meeting=next_meeting,
        next_meeting_is_upcoming=upcoming,
        latest_minutes=_meetings().with_published_minutes().order_by("-starts_at").first(),
        actions=list(actions.order_by("due_on", "id")[:LIST_LIMIT]),
        actions_scope=scope,
        quarter=quarter,
        plan_quarter=plan.quarter if plan else None,
        activities=activities,
        draft_minutes=drafts,
        overdue_count=actions.overdue().count(),
        actions_query=actions_query,
        can_prepare=can_prepare,
        series_to_prepare=all_series[0] if len(all_series) == 1 else None,
    )
