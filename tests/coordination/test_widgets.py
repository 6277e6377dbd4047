import pytest
from django import forms
from django.test.html import parse_html

from coordination.widgets import QuickSelect
from stakeholders.models import Organization
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
    from coordination.widgets import OptionsInPython, SearchSelect
    from meetings.forms import AgendaItemForm
    from stakeholders.forms import ContactForm

    # Short lists: every option in Python; long ones (people, organisations, plans): searched as you type
    # (tests/coordination/test_pickers.py), rendered in Python too.
    assert type(ActivityPlanForm.base_fields["series"].widget) is QuickSelect
    assert type(ContactForm.base_fields["user"].widget) is QuickSelect
    assert isinstance(AgendaItemForm.base_fields["presenter"].widget, SearchSelect)
    assert isinstance(AgendaItemForm.base_fields["presenter"].widget, OptionsInPython)
