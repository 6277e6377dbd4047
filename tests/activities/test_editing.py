import datetime

import pytest
from django.db.models import ProtectedError
from django.test import Client
from django.urls import reverse

from activities.calendar import activity_event
from activities.models import Activity, ActivityPlan, ActivityReview, PlanStatus
from tests.activities.factories import ActivityFactory, ActivityPlanFactory, ActivityReviewFactory
from tests.meetings.factories import MeetingFactory, MeetingSeriesFactory, TopicFactory
from tests.stakeholders.factories import OrganizationFactory, participant_user

pytestmark = pytest.mark.django_db


def _activity_data(plan, lead, **overrides):
    data = {
        "plan": plan.pk,
        "title": "Training of airport staff",
        "kind": "training",
        "description": "",
        "starts_on": plan.quarter.first_day.isoformat(),
        "ends_on": "",
        "places": "Bukhara, Fergana,  Namangan, Bukhara,",
        "lead_organization": lead.pk,
        "target_group": "Border guards",
        "status": "planned",
        "people_reached": "",
        "outcome": "",
    }
    data.update(overrides)
    return data


# Permissions


@pytest.fixture
def edit_urls():
    activity = ActivityFactory()
    meeting = MeetingFactory(review_year=2023, review_quarter_number=3)
    return {
        "get": [
            reverse("activities:plan-create"),
            reverse("activities:plan-update", args=[activity.plan.pk]),
            reverse("activities:activity-create"),
            reverse("activities:activity-update", args=[activity.pk]),
            reverse("activities:quarter-review", args=[meeting.pk]),
        ],
        "post_only": [
            reverse("activities:activity-delete", args=[activity.pk]),
            reverse("activities:endorse-plan", args=[meeting.pk]),
        ],
    }


def test_participants_get_403_on_every_editing_page(client, participant, edit_urls):
    client.force_login(participant)
    for url in edit_urls["get"]:
        assert client.get(url).status_code == 403, url
        assert client.post(url).status_code == 403, url
    for url in edit_urls["post_only"]:
        assert client.post(url).status_code == 403, url
    assert Activity.objects.count() == 1


# Plans


def test_secretariat_creates_a_plan_from_quarter_text(client, secretariat):
    series = MeetingSeriesFactory()
    client.force_login(secretariat)
    response = client.post(
        reverse("activities:plan-create"), {"series": series.pk, "quarter": "2023-q4", "notes": "Draft"}
    )
    plan = ActivityPlan.objects.get()
    assert (plan.series, plan.year, plan.quarter_number, plan.status) == (series, 2023, 4, PlanStatus.DRAFT)
    assert response.url == plan.get_absolute_url()
    messages = [str(message) for message in client.get(response.url).context["messages"]]
    assert messages == ["The activity plan for Q4 2023 was created."]


def test_a_second_plan_for_the_same_series_and_quarter_is_a_field_error(client, secretariat):
    plan = ActivityPlanFactory(year=2023, quarter_number=4)
    client.force_login(secretariat)
    response = client.post(reverse("activities:plan-create"), {"series": plan.series.pk, "quarter": "2023-Q4"})
    assert response.status_code == 200
    assert "already has a plan for Q4 2023" in response.context["form"].errors["quarter"][0]
    assert ActivityPlan.objects.count() == 1


@pytest.mark.parametrize("quarter", ["2023-Q5", "Q4", "next quarter", ""])
def test_a_quarter_that_cannot_be_read_is_a_field_error(client, secretariat, quarter):
    series = MeetingSeriesFactory()
    client.force_login(secretariat)
    response = client.post(reverse("activities:plan-create"), {"series": series.pk, "quarter": quarter})
    assert response.status_code == 200
    assert "quarter" in response.context["form"].errors
    assert not ActivityPlan.objects.exists()


def test_editing_a_plan_keeps_it_and_refuses_a_quarter_its_activities_are_not_in(client, secretariat):
    activity = ActivityFactory(plan=ActivityPlanFactory(year=2023, quarter_number=3))
    plan = activity.plan
    client.force_login(secretariat)
    url = reverse("activities:plan-update", args=[plan.pk])
    assert client.get(url).context["form"]["quarter"].value() == "2023-Q3"
    response = client.post(url, {"series": plan.series.pk, "quarter": "2023-Q4"})
    assert "1 of this plan's activities falls outside Q4 2023" in response.context["form"].errors["quarter"][0]
    response = client.post(url, {"series": plan.series.pk, "quarter": "2023-Q3", "notes": "Agreed in June"})
    assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.notes == "Agreed in June"
    assert plan.history.count() == 2


# Activities


def test_secretariat_creates_an_activity_with_places_partners_and_topics(client, secretariat):
    plan = ActivityPlanFactory(year=2023, quarter_number=4)
    lead, partner = OrganizationFactory(), OrganizationFactory()
    topic = TopicFactory()
    client.force_login(secretariat)
    response = client.post(
        reverse("activities:activity-create"),
        _activity_data(
            plan,
            lead,
            starts_on="2023-11-06",
            ends_on="2023-11-08",
            partners=[partner.pk],
            topics=[topic.pk],
        ),
    )
    activity = Activity.objects.get()
    assert response.url == activity.get_absolute_url()
    assert activity.places == ["Bukhara", "Fergana", "Namangan"]
    assert (activity.starts_on, activity.ends_on) == (datetime.date(2023, 11, 6), datetime.date(2023, 11, 8))
    assert list(activity.partners.all()) == [partner]
    assert list(activity.topics.all()) == [topic]
    assert activity.history.count() == 1
    assert "Bukhara, Fergana, Namangan" in client.get(response.url).content.decode()


def test_the_create_page_starts_from_the_plan_given(client, secretariat):
    plan = ActivityPlanFactory(year=2023, quarter_number=4)
    client.force_login(secretariat)
    form = client.get(reverse("activities:activity-create") + f"?plan={plan.pk}").context["form"]
    assert form.initial["plan"] == plan.pk
    assert form.initial["starts_on"] == datetime.date(2023, 10, 1)


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"starts_on": "2023-11-08", "ends_on": "2023-11-06"}, "ends_on", "cannot end before it starts"),
        ({"starts_on": "2023-07-30"}, "starts_on", "within its plan's quarter (Q4 2023)"),
        ({"people_reached": "-3"}, "people_reached", "greater than or equal to 0"),
        ({"kind": "picnic"}, "kind", "Select a valid choice"),
        ({"status": "finished"}, "status", "Select a valid choice"),
        ({"starts_on": "30/02/2023"}, "starts_on", "Enter a valid date"),
        ({"starts_on": ""}, "starts_on", "This field is required"),
        ({"title": ""}, "title", "This field is required"),
        ({"places": "x" * 101}, "places", "at most 100 characters"),
    ],
)
def test_bad_activity_input_is_a_field_error(client, secretariat, overrides, field, message):
    plan = ActivityPlanFactory(year=2023, quarter_number=4)
    client.force_login(secretariat)
    response = client.post(
        reverse("activities:activity-create"), _activity_data(plan, OrganizationFactory(), **overrides)
    )
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field])
    assert not Activity.objects.exists()


def test_the_lead_organisation_is_not_its_own_partner(client, secretariat):
    plan = ActivityPlanFactory(year=2023, quarter_number=4)
    lead = OrganizationFactory()
    client.force_login(secretariat)
    response = client.post(reverse("activities:activity-create"), _activity_data(plan, lead, partners=[lead.pk]))
    assert "partners" in response.context["form"].errors


def test_secretariat_edits_an_activity_and_history_records_it(client, secretariat):
    activity = ActivityFactory(plan=ActivityPlanFactory(year=2023, quarter_number=4), places=["Tashkent"])
    client.force_login(secretariat)
    url = reverse("activities:activity-update", args=[activity.pk])
    assert client.get(url).context["form"]["places"].value() == "Tashkent"
    response = client.post(
        url,
        _activity_data(
            activity.plan, activity.lead_organization, title="Renamed", places="Samarkand", version=activity.version
        ),
    )
    assert response.status_code == 302
    activity.refresh_from_db()
    assert (activity.title, activity.places) == ("Renamed", ["Samarkand"])
    latest = activity.history.first()
    assert (latest.title, latest.history_user) == ("Renamed", secretariat)


def test_secretariat_deletes_an_activity(client, secretariat):
    activity = ActivityFactory()
    client.force_login(secretariat)
    response = client.post(reverse("activities:activity-delete", args=[activity.pk]))
    assert response.url == activity.plan.get_absolute_url()
    assert not Activity.objects.exists()


def test_a_reviewed_activity_is_not_deleted_and_the_message_says_why(client, secretariat):
    review = ActivityReviewFactory()
    client.force_login(secretariat)
    response = client.post(reverse("activities:activity-delete", args=[review.activity.pk]), follow=True)
    assert Activity.objects.filter(pk=review.activity.pk).exists()
    assert "was reviewed at 1 meeting, so it is kept with that record" in response.content.decode()


# Progress by the lead organisation


def test_the_lead_organisation_updates_progress_only(client, participant, organization):
    activity = ActivityFactory(lead_organization=organization, title="Original")
    client.force_login(participant)
    url = reverse("activities:activity-progress", args=[activity.pk])
    assert "Update progress" in client.get(activity.get_absolute_url()).content.decode()
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {"status": "completed", "people_reached": "35", "outcome": "35 trained", "title": "Hijacked", "version": "1"},
    )
    assert response.status_code == 302
    activity.refresh_from_db()
    assert (activity.status, activity.people_reached, activity.outcome) == ("completed", 35, "35 trained")
    assert activity.title == "Original"
    assert activity.history.first().history_user == participant


def test_progress_input_errors_are_field_errors(client, participant, organization):
    activity = ActivityFactory(lead_organization=organization)
    client.force_login(participant)
    response = client.post(
        reverse("activities:activity-progress", args=[activity.pk]),
        {"status": "done", "people_reached": "-1", "version": "1"},
    )
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"status", "people_reached"}


def test_an_edit_based_on_an_old_version_is_refused_and_kept_on_screen(client, secretariat):
    activity = ActivityFactory(title="Seminar for judges")
    client.force_login(secretariat)
    url = reverse("activities:activity-update", args=[activity.pk])
    loaded_version = client.get(url).context["form"]["version"].value()
    first = _activity_data(
        activity.plan, activity.lead_organization, title="Seminar for prosecutors", version=loaded_version
    )
    assert client.post(url, first).status_code == 302
    second = _activity_data(
        activity.plan, activity.lead_organization, title="Seminar for lawyers", version=loaded_version
    )
    response = client.post(url, second)
    assert response.status_code == 200
    assert "your changes were NOT saved" in response.content.decode()
    assert response.context["form"]["title"].value() == "Seminar for lawyers"  # the user's text, not lost
    activity.refresh_from_db()
    assert activity.title == "Seminar for prosecutors"
    # Saving again from the conflict page is deliberate, and wins.
    assert client.post(url, {**second, "version": response.context["form"]["version"].value()}).status_code == 302
    activity.refresh_from_db()
    assert (activity.title, activity.version) == ("Seminar for lawyers", 3)


def test_progress_saved_while_the_secretariat_edits_is_not_overwritten(client, secretariat, participant, organization):
    activity = ActivityFactory(lead_organization=organization, title="Awareness campaign")
    lead = Client()
    lead.force_login(participant)
    client.force_login(secretariat)
    edit_url = reverse("activities:activity-update", args=[activity.pk])
    loaded_version = client.get(edit_url).context["form"]["version"].value()
    progress = {"status": "completed", "people_reached": "120", "outcome": "Leaflets handed out", "version": "1"}
    assert lead.post(reverse("activities:activity-progress", args=[activity.pk]), progress).status_code == 302
    stale = _activity_data(activity.plan, organization, title="Awareness campaign, Nukus", version=loaded_version)
    assert client.post(edit_url, stale).status_code == 200
    activity.refresh_from_db()
    assert (activity.status, activity.people_reached, activity.title) == ("completed", 120, "Awareness campaign")


def test_each_saved_edit_moves_the_calendar_sequence_on(client, secretariat):
    activity = ActivityFactory()
    client.force_login(secretariat)
    url = reverse("activities:activity-update", args=[activity.pk])
    data = _activity_data(activity.plan, activity.lead_organization, title="Study visit", version=activity.version)
    client.post(url, data)
    activity.refresh_from_db()
    assert activity.version == 2
    assert "SEQUENCE:1" in activity_event(activity).to_ical().decode()


def test_another_organisation_cannot_update_progress(client, other_participant, organization):
    activity = ActivityFactory(lead_organization=organization)
    client.force_login(other_participant)
    url = reverse("activities:activity-progress", args=[activity.pk])
    assert "Update progress" not in client.get(activity.get_absolute_url()).content.decode()
    assert client.get(url).status_code == 403
    assert client.post(url, {"status": "cancelled"}).status_code == 403
    activity.refresh_from_db()
    assert activity.status == "planned"


def test_a_user_without_organisation_cannot_update_progress(client, organization):
    from tests.stakeholders.factories import UserFactory

    activity = ActivityFactory(lead_organization=organization)
    client.force_login(UserFactory(role="Participant"))
    assert (
        client.post(reverse("activities:activity-progress", args=[activity.pk]), {"status": "cancelled"}).status_code
        == 403
    )


# Quarter review page


@pytest.fixture
def reviewing_meeting():
    series = MeetingSeriesFactory()
    meeting = MeetingFactory(series=series, review_year=2023, review_quarter_number=3)
    meeting.q3_plan = ActivityPlanFactory(series=series, year=2023, quarter_number=3)
    return meeting


def _review_post(formset, rows):
    data = {
        "review-TOTAL_FORMS": str(len(rows)),
        "review-INITIAL_FORMS": str(len(rows)),
        "review-MIN_NUM_FORMS": "0",
        "review-MAX_NUM_FORMS": "1000",
    }
    for index, row in enumerate(rows):
        known = formset is not None and index < len(formset.forms)
        data[f"review-{index}-version"] = formset.forms[index].initial["version"] if known else "1"
        for key, value in row.items():
            data[f"review-{index}-{key}"] = value
    return data


def test_a_review_and_a_progress_update_cannot_both_win(client, secretariat, reviewing_meeting, organization):
    """The grid is loaded, then the lead organisation reports progress: saving the grid is refused, not an undo."""
    activity = ActivityFactory(
        plan=reviewing_meeting.q3_plan, title="Airport staff training", lead_organization=organization
    )
    client.force_login(secretariat)
    url = reverse("activities:quarter-review", args=[reviewing_meeting.pk])
    formset = client.get(url).context["formset"]
    reporter = participant_user(organization=organization, username="lead")
    lead = Client()
    lead.force_login(reporter)
    progress = {"status": "completed", "people_reached": "120", "outcome": "Done", "version": activity.version}
    assert lead.post(reverse("activities:activity-progress", args=[activity.pk]), progress).status_code == 302

    rows = [{"activity": activity.pk, "status": "postponed", "people_reached": "", "note": "Moved to December"}]
    response = client.post(url, _review_post(formset, rows))

    assert response.status_code == 200
    assert "Someone else changed “Airport staff training”" in response.text
    assert "Moved to December" in response.text  # what the reviewer typed is still there
    activity.refresh_from_db()
    assert (activity.status, activity.people_reached) == ("completed", 120)
    assert not ActivityReview.objects.exists()
    # Saving the grid shown again is a deliberate decision, and moves the activity's calendar SEQUENCE.
    version = activity.version
    again = response.context["formset"]
    assert client.post(url, _review_post(again, rows)).status_code == 302
    activity.refresh_from_db()
    assert activity.status == "postponed" and activity.version == version + 1


def test_the_admin_cannot_delete_a_reviewed_activity(client, admin_user, reviewing_meeting):
    activity = ActivityFactory(plan=reviewing_meeting.q3_plan)
    ActivityReview.objects.create(activity=activity, meeting=reviewing_meeting, status="completed")
    client.force_login(admin_user)
    url = reverse("admin:activities_activity_delete", args=[activity.pk])
    page = client.get(url)
    assert page.status_code == 200 and "protected" in page.text.lower()
    client.post(url, {"post": "yes"})
    assert ActivityReview.objects.filter(activity=activity).exists()
    with pytest.raises(ProtectedError):
        activity.delete()


def test_secretariat_records_the_review_for_every_activity_in_one_form(client, secretariat, reviewing_meeting):
    first = ActivityFactory(
        plan=reviewing_meeting.q3_plan, title="World Day campaign", starts_on=datetime.date(2023, 7, 30)
    )
    second = ActivityFactory(plan=reviewing_meeting.q3_plan, title="Study visit", starts_on=datetime.date(2023, 9, 12))
    client.force_login(secretariat)
    url = reverse("activities:quarter-review", args=[reviewing_meeting.pk])
    response = client.get(url)
    formset = response.context["formset"]
    assert [form.activity_object for form in formset] == [first, second]
    assert "World Day campaign" in response.content.decode()

    rows = [
        {"activity": first.pk, "status": "completed", "people_reached": "500", "note": "Held on 30 July"},
        {"activity": second.pk, "status": "postponed", "people_reached": "", "note": ""},
    ]
    response = client.post(url, _review_post(formset, rows))
    assert response.status_code == 302
    assert ActivityReview.objects.count() == 2
    first.refresh_from_db()
    assert (first.status, first.people_reached) == ("completed", 500)

    # The page now shows what was recorded, and saving again updates the same rows.
    formset = client.get(url).context["formset"]
    assert formset.forms[0].initial["note"] == "Held on 30 July"
    rows[0]["note"] = "Held on 30 July in Tashkent"
    client.post(url, _review_post(formset, rows))
    assert ActivityReview.objects.count() == 2
    assert ActivityReview.objects.get(activity=first).note == "Held on 30 July in Tashkent"


def test_review_errors_are_shown_per_field_and_nothing_is_saved(client, secretariat, reviewing_meeting):
    activity = ActivityFactory(plan=reviewing_meeting.q3_plan)
    client.force_login(secretariat)
    url = reverse("activities:quarter-review", args=[reviewing_meeting.pk])
    rows = [{"activity": activity.pk, "status": "finished", "people_reached": "-2", "note": ""}]
    response = client.post(url, _review_post(None, rows))
    assert response.status_code == 200
    errors = response.context["formset"].errors[0]
    assert set(errors) == {"status", "people_reached"}
    assert not ActivityReview.objects.exists()


def test_review_of_a_foreign_activity_is_refused(client, secretariat, reviewing_meeting):
    ActivityFactory(plan=reviewing_meeting.q3_plan)
    foreign = ActivityFactory()
    client.force_login(secretariat)
    rows = [{"activity": foreign.pk, "status": "completed", "people_reached": "", "note": ""}]
    response = client.post(reverse("activities:quarter-review", args=[reviewing_meeting.pk]), _review_post(None, rows))
    assert response.status_code == 200
    assert "reload it" in " ".join(response.context["formset"].non_form_errors())
    assert not ActivityReview.objects.exists()


def test_a_meeting_without_reviewed_quarter_says_so(client, secretariat):
    client.force_login(secretariat)
    response = client.get(reverse("activities:quarter-review", args=[MeetingFactory().pk]))
    assert "does not review a quarter" in response.content.decode()


def test_secretariat_endorses_the_next_quarter_plan(client, secretariat, reviewing_meeting):
    q4_plan = ActivityPlanFactory(series=reviewing_meeting.series, year=2023, quarter_number=4)
    client.force_login(secretariat)
    url = reverse("activities:quarter-review", args=[reviewing_meeting.pk])
    assert "Endorse the Q4 2023 plan" in client.get(url).content.decode()
    response = client.post(
        reverse("activities:endorse-plan", args=[reviewing_meeting.pk]), {"plan": q4_plan.pk}, follow=True
    )
    q4_plan.refresh_from_db()
    assert (q4_plan.status, q4_plan.endorsed_at) == (PlanStatus.ENDORSED, reviewing_meeting)
    assert "is endorsed at the" in response.content.decode()


def test_endorsing_the_wrong_plan_gives_a_message_not_an_error(client, secretariat, reviewing_meeting):
    client.force_login(secretariat)
    response = client.post(
        reverse("activities:endorse-plan", args=[reviewing_meeting.pk]),
        {"plan": reviewing_meeting.q3_plan.pk},
        follow=True,
    )
    assert response.status_code == 200
    assert "not Q3 2023" in response.content.decode()
    assert (
        client.post(reverse("activities:endorse-plan", args=[reviewing_meeting.pk]), {"plan": "x"}).status_code == 404
    )


def test_the_review_page_offers_to_create_the_missing_next_plan(client, secretariat, reviewing_meeting):
    client.force_login(secretariat)
    content = client.get(reverse("activities:quarter-review", args=[reviewing_meeting.pk])).content.decode()
    assert f"series={reviewing_meeting.series_id}&amp;quarter=2023-Q4" in content


# Query counts


@pytest.mark.parametrize("rows", [3, 30])
def test_review_page_query_count_does_not_grow(
    client, secretariat, reviewing_meeting, django_assert_max_num_queries, rows
):
    for _ in range(rows):
        activity = ActivityFactory(plan=reviewing_meeting.q3_plan)
        ActivityReviewFactory(activity=activity, meeting=reviewing_meeting)
    client.force_login(secretariat)
    with django_assert_max_num_queries(10):
        response = client.get(reverse("activities:quarter-review", args=[reviewing_meeting.pk]))
    assert len(response.context["formset"].forms) == rows


@pytest.mark.parametrize("rows", [3, 30])
def test_activity_form_query_count_does_not_grow(client, secretariat, django_assert_max_num_queries, rows):
    activity = ActivityFactory()
    for _ in range(rows):
        ActivityPlanFactory(series=activity.plan.series, year=2000 + len(str(_)) + _)
        activity.partners.add(OrganizationFactory())
        activity.topics.add(TopicFactory())
    client.force_login(secretariat)
    with django_assert_max_num_queries(14):
        assert client.get(reverse("activities:activity-update", args=[activity.pk])).status_code == 200
    with django_assert_max_num_queries(14):
        assert client.get(reverse("activities:activity-create")).status_code == 200


@pytest.mark.parametrize("rows", [3, 30])
def test_activity_list_and_detail_query_count_for_the_secretariat(
    client, secretariat, django_assert_max_num_queries, rows
):
    plan = ActivityPlanFactory()
    for _ in range(rows):
        activity = ActivityFactory(plan=plan)
        ActivityReviewFactory(activity=activity)
    client.force_login(secretariat)
    with django_assert_max_num_queries(11):
        assert client.get(reverse("activities:activity-list")).status_code == 200
    with django_assert_max_num_queries(11):
        assert client.get(activity.get_absolute_url()).status_code == 200


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"review-TOTAL_FORMS": "5000", "review-INITIAL_FORMS": "0"},
        {"review-TOTAL_FORMS": "1", "review-INITIAL_FORMS": "1", "review-0-activity": "abc", "review-0-status": "x"},
    ],
)
def test_a_tampered_review_form_is_an_error_not_a_500(client, secretariat, reviewing_meeting, data):
    ActivityFactory(plan=reviewing_meeting.q3_plan)
    client.force_login(secretariat)
    response = client.post(reverse("activities:quarter-review", args=[reviewing_meeting.pk]), data)
    assert response.status_code == 200
    assert not response.context["formset"].is_valid()
    assert len(response.context["formset"].forms) <= len(response.context["formset"].activities) + 1
    assert not ActivityReview.objects.exists()


# Keeping one's place: back to the page the form was opened from, "save and add another", a quarter picker


def test_a_plan_created_from_the_quarter_review_returns_to_it(client, secretariat, reviewing_meeting):
    client.force_login(secretariat)
    review = reverse("activities:quarter-review", args=[reviewing_meeting.pk])
    link = client.get(review).context["plan_to_endorse"]
    assert link is None  # no Q4 plan yet: the page links to creating it, with the way back
    page = client.get(review).text
    create = f"{reverse('activities:plan-create')}?series={reviewing_meeting.series_id}&amp;quarter=2023-Q4&amp;next="
    assert create in page

    form = client.get(
        reverse("activities:plan-create"), {"series": reviewing_meeting.series_id, "quarter": "2023-Q4", "next": review}
    )
    assert f'name="next" value="{review}"' in form.text
    assert '<option value="2023-Q4" selected>Q4 2023</option>' in form.text  # picked, not typed
    response = client.post(
        reverse("activities:plan-create"), {"series": reviewing_meeting.series_id, "quarter": "2023-Q4", "next": review}
    )
    assert response.status_code == 302 and response.url == review


def test_save_and_add_another_keeps_the_plan_and_the_way_back(client, secretariat, reviewing_meeting):
    client.force_login(secretariat)
    plan = reviewing_meeting.q3_plan
    review = reverse("activities:quarter-review", args=[reviewing_meeting.pk])
    data = {
        "plan": plan.pk,
        "title": "Training of trainers",
        "kind": "tot",
        "lead_organization": OrganizationFactory().pk,
        "starts_on": "2023-08-06",
        "status": "planned",
        "next": review,
        "add_another": "",
    }
    response = client.post(reverse("activities:activity-create"), data)
    assert response.status_code == 302, response.context["form"].errors
    assert response.url == f"{reverse('activities:activity-create')}?plan={plan.pk}&next={review.replace('/', '%2F')}"
    again = client.get(response.url)
    assert again.context["form"].initial["plan"] == plan.pk and again.context["return_to"] == review
    del data["add_another"]
    data["title"] = "Seminar"
    assert client.post(reverse("activities:activity-create"), data).url == review
    assert set(plan.activities.values_list("title", flat=True)) == {"Training of trainers", "Seminar"}


@pytest.mark.parametrize("target", ["https://evil.example.org/", "//evil.example.org/", "javascript:alert(1)"])
def test_the_way_back_never_leaves_the_site(client, secretariat, reviewing_meeting, target):
    client.force_login(secretariat)
    data = {"series": reviewing_meeting.series_id, "quarter": "2024-Q1", "next": target}
    response = client.post(reverse("activities:plan-create"), data)
    assert response.status_code == 302 and response.url.startswith("/activities/")


def test_postponed_and_ongoing_activities_are_offered_for_the_next_plan_and_carried_once(
    client, secretariat, reviewing_meeting
):
    plan = reviewing_meeting.q3_plan
    postponed = ActivityFactory(
        plan=plan, title="Airport staff training", status="postponed", places=["Bukhara", "Fergana"]
    )
    ongoing = ActivityFactory(plan=plan, title="Awareness campaign", status="ongoing")
    ActivityFactory(plan=plan, title="Study visit", status="completed")
    next_plan = ActivityPlanFactory(series=reviewing_meeting.series, year=2023, quarter_number=4)
    client.force_login(secretariat)
    url = reverse("activities:quarter-review", args=[reviewing_meeting.pk])
    page = client.get(url)
    assert [activity.title for activity in page.context["to_carry"]] == ["Airport staff training", "Awareness campaign"]
    assert "Carry into the Q4 2023 plan" in page.text

    carry = reverse("activities:carry-activities", args=[reviewing_meeting.pk])
    response = client.post(carry, {"activity": [postponed.pk]})
    assert response.status_code == 302 and response.url == url
    [copy] = next_plan.activities.all()
    assert (copy.title, copy.status, copy.starts_on, copy.places) == (
        "Airport staff training",
        "planned",
        datetime.date(2023, 10, 1),
        ["Bukhara", "Fergana"],
    )
    assert "Carried over from Q3 2023" in copy.outcome
    client.post(carry, {"activity": [postponed.pk, ongoing.pk]})
    assert sorted(next_plan.activities.values_list("title", flat=True)) == [
        "Airport staff training",
        "Awareness campaign",
    ]
    postponed.refresh_from_db()
    assert postponed.status == "postponed" and postponed.plan == plan  # the reviewed quarter's record is unchanged


def test_the_activity_form_shows_the_essentials_first_and_opens_the_folded_part_on_its_errors(client, secretariat):
    plan = ActivityPlanFactory(year=2023, quarter_number=4)
    client.force_login(secretariat)
    page = client.get(reverse("activities:activity-create") + f"?plan={plan.pk}").content.decode()
    folded = page.index('id="activity-more"')
    for essential in ("title", "kind", "starts_on", "ends_on", "places", "lead_organization", "partners"):
        assert page.index(f'name="{essential}"') < folded
    for rest in ("description", "target_group", "status", "people_reached", "outcome", "topics", "title_ru"):
        assert page.index(f'name="{rest}"') > folded
    assert 'id="activity-more">' in page  # closed

    bad_folded = _activity_data(plan, OrganizationFactory(), people_reached="-3")
    assert 'id="activity-more" open>' in client.post(reverse("activities:activity-create"), bad_folded).content.decode()
    bad_essential = _activity_data(plan, OrganizationFactory(), title="")
    assert 'id="activity-more">' in client.post(reverse("activities:activity-create"), bad_essential).content.decode()
