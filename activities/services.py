"""Business rules of the quarter review: what a meeting records about a quarter's activities, and plan endorsement."""

from collections.abc import Iterable
from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Prefetch, QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from activities.models import Activity, ActivityPlan, ActivityReview, ActivityStatus, PlanStatus
from common.i18n import translations_copied
from common.versioning import EditConflict, claim_version
from meetings.models import Meeting, MeetingStatus, Topic
from stakeholders.models import Organization


@dataclass(frozen=True)
class ReviewEntry:
    """What the meeting says about one activity: its status, how many people it reached, a note."""

    activity: Activity
    status: str
    people_reached: int | None = None
    note: str = ""
    version: int | None = None  # the activity's version the reviewer saw; None: whatever it is now


def activities_under_review(meeting: Meeting) -> QuerySet[Activity]:
    """The activities of the plan(s) for the quarter the meeting reviews, in its series.

    Each activity carries `reviews_at_meeting`: its review at this meeting, if any (a list of zero or one).
    """
    quarter = meeting.reviewed_quarter
    if quarter is None:
        return Activity.objects.none()
    return (
        Activity.objects.filter(plan__series_id=meeting.series_id, plan__in=ActivityPlan.objects.for_quarter(quarter))
        .select_related("lead_organization", "plan")
        .prefetch_related(
            Prefetch(
                "reviews",
                queryset=ActivityReview.objects.filter(meeting=meeting),
                to_attr="reviews_at_meeting",
            )
        )
        .order_by("starts_on", "title", "id")
    )


def plan_to_endorse(meeting: Meeting) -> ActivityPlan | None:
    """The plan for the quarter after the one the meeting reviews, in the meeting's series (or None)."""
    quarter = meeting.reviewed_quarter
    if quarter is None:
        return None
    return (
        ActivityPlan.objects.for_quarter(quarter.next())
        .filter(series_id=meeting.series_id)
        .select_related("endorsed_at")
        .first()
    )


@transaction.atomic
def record_quarter_review(
    *,
    meeting: Meeting,
    entries: Iterable[ReviewEntry],
    recorded_by: AbstractBaseUser | None = None,
) -> list[ActivityReview]:
    """Record (or update) the meeting's review of each activity; the activity's own progress follows the review.

    Every activity must belong to a plan of the meeting's series for the quarter the meeting reviews.
    Raises ValidationError (and saves nothing) otherwise. A status or reach that changes the activity is an edit
    like any other: it moves the activity's version (and so its calendar SEQUENCE), and it is refused with
    ``StaleReview`` (saving nothing) when someone changed the activity since the reviewer loaded it.
    """
    quarter = meeting.reviewed_quarter
    if quarter is None:
        raise ValidationError(_("This meeting does not review a quarter; set the quarter it reviews first."))
    if meeting.status == MeetingStatus.CANCELLED:
        raise ValidationError(_("A cancelled meeting cannot review activities."))

    reviews, stale = [], []
    for entry in entries:
        activity = entry.activity
        if activity.plan.series_id != meeting.series_id or activity.plan.quarter != quarter:
            raise ValidationError(
                _("“%(activity)s” is not in the %(quarter)s plan that this meeting reviews.")
                % {"activity": activity, "quarter": quarter.label}
            )
        values = {
            "status": entry.status,
            "people_reached": entry.people_reached,
            "note": entry.note,
            "recorded_by": recorded_by,
        }
        ActivityReview(activity=activity, meeting=meeting, **values).full_clean(validate_constraints=False)
        review, _created = ActivityReview.objects.update_or_create(activity=activity, meeting=meeting, defaults=values)
        reviews.append(review)

        if (activity.status, activity.people_reached) != (entry.status, entry.people_reached):
            expected = activity.version if entry.version is None else entry.version
            try:
                activity.version = claim_version(Activity, activity.pk, expected)
            except EditConflict as conflict:
                stale.append(activity)
                activity.version = conflict.current_version
                continue
            activity.status = entry.status
            activity.people_reached = entry.people_reached
            activity.full_clean()
            activity.save()
    if stale:  # raised out of the atomic block: the reviews written above are rolled back too
        raise StaleReview(stale)
    return reviews


class StaleReview(Exception):
    """Activities changed by someone else since the review grid was loaded; nothing was saved.

    ``activities`` carry their current version, so the grid can be shown again for a deliberate second save.
    """

    def __init__(self, activities: list[Activity]):
        super().__init__(", ".join(str(activity) for activity in activities))
        self.activities = activities


@transaction.atomic
def endorse_plan(*, plan: ActivityPlan, meeting: Meeting) -> ActivityPlan:
    """Endorse, at `meeting`, the plan for the quarter after the one the meeting reviews.

    Endorsing again at the same meeting changes nothing; a plan endorsed by another meeting stays as it is.
    """
    quarter = meeting.reviewed_quarter
    if quarter is None:
        raise ValidationError(
            _("This meeting does not review a quarter, so it cannot endorse the next quarter's plan.")
        )
    if meeting.status == MeetingStatus.CANCELLED:
        raise ValidationError(_("A cancelled meeting cannot endorse a plan."))
    if plan.series_id != meeting.series_id:
        raise ValidationError(_("The plan belongs to another meeting series."))
    if plan.quarter != quarter.next():
        raise ValidationError(
            _("This meeting reviews %(quarter)s; it endorses the plan for %(next)s, not %(plan)s.")
            % {"quarter": quarter.label, "next": quarter.next().label, "plan": plan.quarter.label}
        )
    plan = ActivityPlan.objects.select_for_update().get(pk=plan.pk)
    if plan.status == PlanStatus.ENDORSED:
        if plan.endorsed_at_id == meeting.pk:
            return plan
        raise ValidationError(
            _("The %(quarter)s plan was already endorsed at another meeting.") % {"quarter": plan.quarter.label}
        )
    plan.status = PlanStatus.ENDORSED
    plan.endorsed_at = meeting
    plan.full_clean()
    plan.save()
    return plan


@transaction.atomic
def create_activity(
    *, activity: Activity, partners: Iterable[Organization] = (), topics: Iterable[Topic] = ()
) -> Activity:
    """Validate and save a new activity with its partner organisations and topics."""
    activity.full_clean()
    activity.save()
    activity.partners.set(partners)
    activity.topics.set(topics)
    return activity


@transaction.atomic
def update_activity(
    *,
    activity: Activity,
    expected_version: int,
    partners: Iterable[Organization] | None = None,
    topics: Iterable[Topic] | None = None,
) -> Activity:
    """Validate and save an edited activity (partners and topics too when given). The edit is refused with
    EditConflict when someone else saved the activity since ``expected_version``; each saved edit moves the version
    on, which calendar apps see as the event's SEQUENCE."""
    activity.full_clean()
    activity.version = claim_version(Activity, activity.pk, expected_version)
    activity.save()
    if partners is not None:
        activity.partners.set(partners)
    if topics is not None:
        activity.topics.set(topics)
    return activity


def deletion_refusal(activity: Activity) -> str:
    """Why the activity may not be deleted, or "" when it may: one a meeting has reviewed is part of that record."""
    review_count = activity.reviews.count()
    if not review_count:
        return ""
    return ngettext(
        "“%(title)s” was reviewed at %(count)s meeting, so it is kept with that record; "
        "set its status to Cancelled instead.",
        "“%(title)s” was reviewed at %(count)s meetings, so it is kept with those records; "
        "set its status to Cancelled instead.",
        review_count,
    ) % {"title": activity.title, "count": review_count}


@transaction.atomic
def delete_activity(*, activity: Activity) -> None:
    """Delete an activity no meeting has reviewed; a reviewed one is refused with ValidationError."""
    activity = Activity.objects.select_for_update().get(pk=activity.pk)
    refusal = deletion_refusal(activity)
    if refusal:
        raise ValidationError(refusal)
    activity.delete()


CARRIED_STATUSES = (ActivityStatus.POSTPONED, ActivityStatus.ONGOING)


def activities_to_carry(meeting: Meeting) -> QuerySet[Activity]:
    """The reviewed quarter's activities that were postponed or are still going on: candidates for the next plan."""
    return activities_under_review(meeting).filter(status__in=CARRIED_STATUSES).prefetch_related("partners", "topics")


@transaction.atomic
def carry_into_plan(*, activities: Iterable[Activity], plan: ActivityPlan) -> list[Activity]:
    """Copy each activity into ``plan`` as planned, from the plan's first day, saying where it came from.

    An activity already carried into that plan (same title) is not copied twice, so a second click adds nothing.
    """
    present = set(plan.activities.values_list("title", flat=True))
    carried = []
    for source in activities:
        if source.title in present:
            continue
        copy = Activity.objects.create(
            plan=plan,
            title=source.title,
            kind=source.kind,
            description=source.description,
            lead_organization=source.lead_organization,
            starts_on=plan.quarter.first_day,
            places=source.places,
            target_group=source.target_group,
            status=ActivityStatus.PLANNED,
            outcome=_("Carried over from %(quarter)s (%(status)s there).")
            % {"quarter": source.plan.quarter.label, "status": source.get_status_display().lower()},
            **translations_copied(source, "title", "description", "target_group"),
        )
        copy.partners.set(source.partners.all())
        copy.topics.set(source.topics.all())
        present.add(source.title)
        carried.append(copy)
    return carried
