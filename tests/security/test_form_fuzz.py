"""Every form class of the portal, driven by hypothesis with generated and hostile data.

Each example either has field errors or is valid and saves cleanly (inside a rolled-back savepoint): never an
exception, so a view built on the form cannot answer 500. The HTTP-level sweep is tests/test_hostile_input.py.
"""

import datetime

import pytest
from django import forms
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import from_field, from_form

from activities.forms import ActivityForm, ActivityPlanForm, ActivityProgressForm, ActivityReviewForm
from coordination.pages.search import SearchForm
from meetings.forms import (
    ActionItemForm,
    ActionUpdateForm,
    AddParticipantForm,
    AgendaItemForm,
    DecisionForm,
    InviteOrganizationsForm,
    MeetingForm,
    MinutesForm,
    ParticipationRowForm,
    StatementForm,
)
from stakeholders.forms import ContactForm, OrganizationForm
from stakeholders.profile import ProfileForm
from tests.security.world import shared_world

HOSTILE = st.sampled_from(
    [
        "",
        "abc\x00def",
        "x" * 100_000,
        "<script>alert(1)</script>",
        "1'; DROP TABLE meetings_meeting; --",
        "2023-02-30",
        "9999-99-99",
        "-1",
        "99999999999999999999999",
        "no-such-choice",
        "0",
        "1.5",
        "2023-Q5",
    ]
)
# text without surrogates (they cannot arrive over HTTP), including NUL and other controls
TEXT = st.text(st.characters(exclude_categories=["Cs"]), max_size=300)


def strategy_for(field):
    if isinstance(field, forms.ModelMultipleChoiceField):
        pks = list(field.queryset.values_list("pk", flat=True)[:20])
        return st.lists(st.sampled_from([*pks, 0, -1, 10**20, "x"]), max_size=4)
    if isinstance(field, forms.ModelChoiceField):
        pks = list(field.queryset.values_list("pk", flat=True)[:20])
        return st.sampled_from([*pks, "", 0, -1, 10**20, "x"])
    if isinstance(field, forms.ChoiceField):
        values = [value for value, _ in field.choices if not isinstance(value, list | tuple)]
        if isinstance(field, forms.MultipleChoiceField):
            return st.lists(st.sampled_from([*values, "bogus"]), max_size=3)
        return st.sampled_from([*values, "bogus", ""])
    try:
        valid = from_field(field)
    except Exception:  # a custom field hypothesis cannot infer: text and hostile values only
        valid = TEXT
    if isinstance(field, forms.DateField):
        valid = st.dates(datetime.date(1900, 1, 1), datetime.date(2100, 12, 31)).map(str)
    return st.one_of(valid, HOSTILE, TEXT)


def form_strategy(form_class, **form_kwargs):
    fields = form_class(**form_kwargs).fields
    return from_form(form_class, form_kwargs=form_kwargs, **{name: strategy_for(f) for name, f in fields.items()})


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    with shared_world(django_db_blocker) as shared:
        yield shared


def form_cases(world):
    """Every form class with the constructor arguments its view gives it."""
    meeting, action, activity = world.meeting, world.action, world.activity
    contact = world.objects["contact"]
    return {
        "MeetingForm": (MeetingForm, {"series": world.series}),
        "AgendaItemForm": (AgendaItemForm, {"instance": world.agenda_item, "meeting": world.meeting}),  # its edit view
        "MinutesForm": (MinutesForm, {}),
        "ParticipationRowForm": (ParticipationRowForm, {"instance": world.participation}),
        "InviteOrganizationsForm": (InviteOrganizationsForm, {"meeting": meeting}),
        "AddParticipantForm": (AddParticipantForm, {}),
        "StatementForm": (StatementForm, {"meeting": world.draft_meeting}),
        "DecisionForm": (DecisionForm, {"meeting": world.draft_meeting}),
        "ActionItemForm": (ActionItemForm, {"meeting": meeting}),
        "ActionUpdateForm": (ActionUpdateForm, {"action": action}),
        "OrganizationForm": (OrganizationForm, {}),
        "ContactForm": (ContactForm, {}),
        "ProfileForm": (ProfileForm, {"instance": contact}),
        "ActivityPlanForm": (ActivityPlanForm, {}),
        "ActivityForm": (ActivityForm, {}),
        "ActivityProgressForm": (ActivityProgressForm, {"instance": activity}),
        "ActivityReviewForm": (ActivityReviewForm, {}),
        "SearchForm": (SearchForm, {}),
    }


FORM_NAMES = [
    "MeetingForm",
    "AgendaItemForm",
    "MinutesForm",
    "ParticipationRowForm",
    "InviteOrganizationsForm",
    "AddParticipantForm",
    "StatementForm",
    "DecisionForm",
    "ActionItemForm",
    "ActionUpdateForm",
    "OrganizationForm",
    "ContactForm",
    "ProfileForm",
    "ActivityPlanForm",
    "ActivityForm",
    "ActivityProgressForm",
    "ActivityReviewForm",
    "SearchForm",
]
EXAMPLES = 60


@pytest.mark.parametrize("name", FORM_NAMES)
def test_a_form_has_field_errors_or_saves_cleanly(world, db, name):
    form_class, form_kwargs = form_cases(world)[name]
    outcomes = {"valid": 0, "errors": 0}

    @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    @given(form=form_strategy(form_class, **form_kwargs))
    def check(form):
        if not form.is_valid():
            assert form.errors
            outcomes["errors"] += 1
            return
        outcomes["valid"] += 1
        if isinstance(form, forms.ModelForm):
            with transaction.atomic():
                form.save()  # the database's constraints agree with the form's validation
                transaction.set_rollback(True)

    check()
    assert sum(outcomes.values()) >= EXAMPLES // 2
