"""The search-as-you-type pickers: the widget renders only what is chosen, the JSON endpoint answers with at most
a screenful in a constant number of queries and asks the permission of the forms that use it."""

import pytest
from django import forms
from django.test.html import parse_html
from django.urls import reverse

from activities.models import ActivityPlan
from common.widgets import SearchSelect, SearchSelectMultiple, organization_picker
from coordination.pickers import PICKER_LIMIT
from stakeholders.models import Contact, Organization
from tests.activities.factories import ActivityPlanFactory
from tests.meetings.factories import MeetingSeriesFactory
from tests.stakeholders.factories import ContactFactory, OrganizationFactory

pytestmark = pytest.mark.django_db


def _results(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    return [row["text"] for row in response.json()["results"]]


# The widget ---------------------------------------------------------------------------------------------------


def test_the_widget_renders_only_the_chosen_option(django_assert_num_queries):
    OrganizationFactory.create_batch(5)
    chosen = OrganizationFactory(name="Supreme Court", acronym="SC")
    field = forms.ModelChoiceField(
        Organization.objects.order_by("name"), empty_label="Any", widget=organization_picker()
    )
    with django_assert_num_queries(1):
        html = field.widget.render("organization", chosen.pk, attrs={"id": "id_organization"})
    select = parse_html(html).children[-1]
    assert select.name == "select"
    assert [child.children[0] for child in select.children] == ["Any", "Supreme Court (SC)"]
    assert f'data-picker-url="{reverse("picker", args=["organizations"])}"' in html
    assert "pickers.js" in html and "tom-select.complete.min.js" in html


def test_nothing_chosen_costs_no_query(django_assert_num_queries):
    OrganizationFactory.create_batch(3)
    field = forms.ModelChoiceField(Organization.objects.all(), required=True, widget=organization_picker())
    with django_assert_num_queries(0):
        html = field.widget.render("organization", None)
    assert html.count("<option") == 1  # the empty choice only


def test_the_multiple_widget_keeps_the_order_and_ignores_junk(django_assert_num_queries):
    first, second, _other = OrganizationFactory.create_batch(3)
    field = forms.ModelMultipleChoiceField(
        Organization.objects.all(), widget=SearchSelectMultiple("organizations"), required=False
    )
    with django_assert_num_queries(1):
        html = field.widget.render("partners", [str(second.pk), "junk", "", str(first.pk), "99999999"])
    assert "multiple" in html
    assert html.index(str(second)) < html.index(str(first))
    assert html.count("<option") == 2


def test_validation_still_uses_the_field_s_queryset():
    allowed = OrganizationFactory()
    refused = OrganizationFactory()

    class Form(forms.Form):
        organization = forms.ModelChoiceField(Organization.objects.filter(pk=allowed.pk), widget=organization_picker())

    assert Form({"organization": allowed.pk}).is_valid()
    form = Form({"organization": refused.pk})
    assert not form.is_valid() and "organization" in form.errors
    assert not Form({"organization": "not a number"}).is_valid()


def test_a_bound_form_with_junk_re_renders_without_error():
    class Form(forms.Form):
        partners = forms.ModelMultipleChoiceField(
            Organization.objects.all(), widget=SearchSelectMultiple("organizations")
        )

    form = Form({"partners": ["x", "\x00", "12345678901234567890123"]})
    assert not form.is_valid()
    assert "<select" in str(form["partners"])


def test_the_portal_s_large_selects_are_pickers():
    from activities.filters import ActivityFilter
    from activities.forms import ActivityForm
    from meetings.filters import ActionFilter, ParticipationFilter
    from meetings.forms import (
        ActionItemForm,
        AddParticipantForm,
        AgendaItemForm,
        InviteOrganizationsForm,
        StatementForm,
        WalkInForm,
    )
    from stakeholders.forms import ContactForm, OrganizationForm

    kinds = {
        (AgendaItemForm, "presenter"): "contacts",
        (AgendaItemForm, "lead_organization"): "organizations",
        (StatementForm, "speaker"): "contacts",
        (StatementForm, "organization"): "organizations",
        (ActionItemForm, "responsible_organization"): "organizations",
        (ActionItemForm, "owner"): "contacts",
        (AddParticipantForm, "contact"): "contacts",
        (InviteOrganizationsForm, "organizations"): "organizations",
        (WalkInForm, "organization"): "organizations",
        (ActivityForm, "plan"): "plans",
        (ActivityForm, "lead_organization"): "organizations",
        (ActivityForm, "partners"): "organizations",
        (OrganizationForm, "parent"): "organizations",
        (ContactForm, "organization"): "organizations",
    }
    for (form, name), kind in kinds.items():
        widget = form.base_fields[name].widget
        assert isinstance(widget, SearchSelect) and widget.kind == kind, (form, name)
    filters = [(ActionFilter, "organization"), (ActivityFilter, "lead"), (ParticipationFilter, "organization")]
    for filterset, name in filters:
        widget = filterset.base_filters[name].extra["widget"]
        assert isinstance(widget, SearchSelect) and widget.kind == "organizations", (filterset, name)


# The endpoint -------------------------------------------------------------------------------------------------


def test_organisations_match_name_or_acronym_and_are_capped(client_for, participant, django_assert_max_num_queries):
    for number in range(PICKER_LIMIT + 5):
        OrganizationFactory(name=f"Regional office {number}")
    OrganizationFactory(name="Ministry of Internal Affairs", acronym="MIA")
    client = client_for(participant)
    url = reverse("picker", args=["organizations"])
    assert _results(client.get(url, {"q": "mia"})) == ["Ministry of Internal Affairs (MIA)"]
    assert _results(client.get(url, {"q": "internal ministry"})) == ["Ministry of Internal Affairs (MIA)"]
    with django_assert_max_num_queries(7):
        everything = _results(client.get(url, {"q": ""}))
    assert len(everything) == PICKER_LIMIT


def test_the_endpoint_costs_the_same_for_few_and_many_rows(client_for, secretariat, django_assert_max_num_queries):
    # The session, the user, their permissions (two), the atomic request's savepoint and its release, the search.
    client = client_for(secretariat)
    for count in (3, 30):
        ContactFactory.create_batch(count)
        for kind in ("contacts", "organizations", "plans"):
            with django_assert_max_num_queries(7):
                client.get(reverse("picker", args=[kind]), {"q": "o"})


def test_active_only_leaves_inactive_organisations_out(client_for, secretariat):
    OrganizationFactory(name="Closed bureau", acronym="", is_active=False)
    OrganizationFactory(name="Open bureau", acronym="")
    url = reverse("picker", args=["organizations"])
    client = client_for(secretariat)
    assert _results(client.get(url, {"q": "bureau", "active": "1"})) == ["Open bureau"]
    assert _results(client.get(url, {"q": "bureau"})) == ["Closed bureau", "Open bureau"]


def test_contacts_are_active_people_with_their_organisation(client_for, secretariat):
    ministry = OrganizationFactory(name="Ministry of Justice", acronym="MoJ")
    ContactFactory(name="Dilnoza Rashidova", organization=ministry)
    ContactFactory(name="Dilnoza Left", organization=ministry, is_active=False)
    url = reverse("picker", args=["contacts"])
    client = client_for(secretariat)
    assert _results(client.get(url, {"q": "dilnoza"})) == ["Dilnoza Rashidova, MoJ"]
    assert _results(client.get(url, {"q": "moj rashid"})) == ["Dilnoza Rashidova, MoJ"]


def test_plans_by_series_year_and_quarter(client_for, secretariat):
    series = MeetingSeriesFactory(title="Counter-trafficking platform")
    ActivityPlanFactory(series=series, year=2023, quarter_number=4)
    ActivityPlanFactory(series=series, year=2023, quarter_number=3)
    ActivityPlanFactory(series=MeetingSeriesFactory(title="Other series"), year=2023, quarter_number=4)
    url = reverse("picker", args=["plans"])
    client = client_for(secretariat)
    assert _results(client.get(url, {"q": "2023-Q4 counter"})) == ["Q4 2023 · Counter-trafficking platform"]
    assert _results(client.get(url, {"q": "q3 2023"})) == ["Q3 2023 · Counter-trafficking platform"]
    assert len(_results(client.get(url, {"q": "2023"}))) == ActivityPlan.objects.count()


@pytest.mark.parametrize("query", ["\x00", "x" * 5000, "' OR 1=1 --", "%", "2023-Q9", "   "])
def test_hostile_queries_answer_200(client_for, secretariat, query):
    for kind in ("contacts", "organizations", "plans"):
        assert client_for(secretariat).get(reverse("picker", args=[kind]), {"q": query}).status_code == 200


def test_permissions(client, client_for, participant, secretariat):
    urls = {kind: reverse("picker", args=[kind]) for kind in ("contacts", "organizations", "plans")}
    assert client.get(urls["organizations"]).status_code == 302  # anonymous: to the login page
    reader = client_for(participant)
    assert reader.get(urls["organizations"]).status_code == 200  # the list filters
    assert reader.get(urls["contacts"]).status_code == 403  # only the secretariat's forms pick people
    assert reader.get(urls["plans"]).status_code == 403
    assert reader.get(reverse("picker", args=["users"])).status_code == 404
    assert client_for(secretariat).post(urls["contacts"]).status_code == 405
    assert Contact.objects.exists()
