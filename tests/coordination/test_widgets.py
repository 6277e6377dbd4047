import re

import pytest
from django import forms
from django.test.html import parse_html
from django.urls import reverse
from django.utils.module_loading import import_string

from common.widgets import QuickSelect, label_blank_choice
from stakeholders.models import Organization
from tests.meetings.factories import MeetingFactory
from tests.stakeholders.factories import OrganizationFactory

CHOICES = [
    ("", "Any"),
    ("1", 'Ministry of "Justice" & <Courts>'),
    ("Cities", [("tashkent", "Tashkent"), ("nukus", "Nukus")]),
    (3, "Third"),
]


@pytest.mark.parametrize("value", [None, "", "1", "nukus", 3, "not offered"])
@pytest.mark.parametrize("attrs", [None, {"class": "form-select", "required": True, "disabled": False, "id": "id_x"}])
def test_the_html_is_django_s_own(value, attrs):
    expected = forms.Select(attrs=attrs, choices=CHOICES).render("organization", value)
    actual = QuickSelect(attrs=attrs, choices=CHOICES).render("organization", value)
    assert parse_html(actual) == parse_html(expected)
    assert "&lt;Courts&gt;" in actual


@pytest.mark.django_db
def test_a_model_choice_field_renders_alike():
    chosen = OrganizationFactory(name="Supreme Court")
    OrganizationFactory(name="Embassy <of> Somewhere")
    field = forms.ModelChoiceField(Organization.objects.order_by("name"), empty_label="Any")
    expected = field.widget.render("organization", chosen.pk)
    field.widget = QuickSelect(choices=field.choices)
    assert parse_html(field.widget.render("organization", chosen.pk)) == parse_html(expected)


def test_the_portal_s_model_forms_render_references_in_python():
    from activities.forms import ActivityPlanForm
    from common.widgets import OptionsInPython, SearchSelect
    from meetings.forms import AgendaItemForm
    from stakeholders.forms import ContactForm

    # Short lists: every option in Python; long ones (people, organisations, plans): searched as you type
    # (tests/coordination/test_pickers.py), rendered in Python too.
    assert type(ActivityPlanForm.base_fields["series"].widget) is QuickSelect
    assert type(ContactForm.base_fields["user"].widget) is QuickSelect
    assert isinstance(AgendaItemForm.base_fields["presenter"].widget, SearchSelect)
    assert isinstance(AgendaItemForm.base_fields["presenter"].widget, OptionsInPython)


BLANK_LABELS = {"— choose —", "— none —", "Any"}


def blank_option_labels(html: str) -> list[str]:
    return re.findall(r'<option value=""(?: selected)?>([^<]*)</option>', html)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "form_path",
    [
        ("meetings.forms.ActionItemForm", True),
        ("meetings.forms.StatementForm", True),
        ("activities.forms.ActivityForm", False),
        ("stakeholders.forms.ContactForm", False),
        ("stakeholders.forms.OrganizationForm", False),
    ],
)
def test_no_select_box_offers_dashes(form_path):
    """Django's blank choice reads "---------"; the portal's says what leaving it blank means."""
    path, needs_meeting = form_path
    html = str(import_string(path)(**({"meeting": MeetingFactory()} if needs_meeting else {})))
    labels = blank_option_labels(html)
    assert labels, "the form has a select box with a blank choice"
    assert "---------" not in html
    assert set(labels) <= BLANK_LABELS


def test_a_required_reference_asks_to_choose_an_optional_one_offers_none():
    required = label_blank_choice(forms.ModelChoiceField(Organization.objects.none(), required=True))
    optional = label_blank_choice(forms.ModelChoiceField(Organization.objects.none(), required=False))
    assert required.empty_label == "— choose —"
    assert optional.empty_label == "— none —"
    choices = label_blank_choice(forms.ChoiceField(choices=[("", "---------"), ("a", "A")], required=False))
    assert choices.choices == [("", "— none —"), ("a", "A")]
    kept = label_blank_choice(forms.ChoiceField(choices=[("", "Everything"), ("a", "A")], required=False))
    assert kept.choices[0] == ("", "Everything")


@pytest.mark.django_db
def test_filters_and_plain_forms_have_worded_blank_choices(client):
    from tests.stakeholders.factories import secretariat_user

    client.force_login(secretariat_user())
    html = client.get(reverse("activities:activity-list")).content.decode()
    assert "---------" not in html
    assert "Any" in blank_option_labels(html)
    from meetings.forms import AddParticipantForm, WalkInForm

    assert "---------" not in str(AddParticipantForm()) + str(WalkInForm(meeting=MeetingFactory()))


def test_labelling_blank_choices_runs_no_query():
    """Model choice fields are labelled without listing their rows: forms are built at import, with no database
    (no django_db mark here, so a query would fail the test)."""
    label_blank_choice(forms.ModelMultipleChoiceField(Organization.objects.all()))
    assert label_blank_choice(forms.ModelChoiceField(Organization.objects.all())).empty_label == "— choose —"
