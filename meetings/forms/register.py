"""The forms of the participation register: its rows, walk-ins, invited organisations and added participants."""

from django import forms
from django.conf import settings
from django.forms import BaseModelFormSet, modelformset_factory
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from common.typed_text import TypedTextForm
from common.versioning import VersionedModelFormMixin
from common.widgets import (
    BlankChoicesLabelled,
    PortalModelForm,
    contact_picker,
    organization_picker,
    organizations_picker,
)
from meetings.forms.meetings import _contacts
from meetings.forms.minutes import MAX_FORMSET_ROWS
from meetings.models import Participation, ParticipationRole
from meetings.services import EDITABLE_ROW_FIELDS, RowChange
from stakeholders.models import Contact, Organization


class ParticipationRowForm(VersionedModelFormMixin, PortalModelForm):
    """One row of the register; the table gives each field its label.

    The row carries the version it was shown at and, in hidden inputs, the values it was shown with (Django's
    ``show_hidden_initial``), so a save knows what the user changed on this page, not what differs from the row as
    saved now: ``row_change`` is what ``meetings.services.record_attendance`` takes."""

    class Meta(PortalModelForm.Meta):
        model = Participation
        fields = ["role", "status"]
        widgets = {
            "role": forms.Select(attrs={"class": "form-select form-select-sm register-role"}),
            "status": forms.RadioSelect(attrs={"class": "btn-check"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in EDITABLE_ROW_FIELDS:
            self.fields[name].show_hidden_initial = True

    def shown_status_input(self):
        """The hidden input with the status the row was shown with (the radios are laid out one by one)."""
        return self["status"].as_hidden(only_initial=True)

    def shown_value(self, name: str) -> str:
        """The value of ``name`` the page was shown with (posted back in its hidden input)."""
        return str(self.data.get(self[name].html_initial_name, "") or "")

    def row_change(self) -> RowChange | None:
        """What the user changed on this row (after ``is_valid()``), or None when nothing."""
        changed = set(self.changed_data)
        chosen = {name: self.cleaned_data[name] for name in EDITABLE_ROW_FIELDS if name in changed}
        remove = bool(self.cleaned_data.get("DELETE"))
        if not chosen and not remove:
            return None
        return RowChange(
            row_id=self.instance.pk,
            version=self.cleaned_data["version"],
            shown={name: self.shown_value(name) for name in EDITABLE_ROW_FIELDS},
            chosen=chosen,
            remove=remove,
        )


class AttendanceOptionsForm(forms.Form):
    """What goes with the register: marking everyone expected as attended, and the confirmation that attendance is
    being recorded before the meeting has started."""

    confirm_before_start = forms.BooleanField(
        label=_("I confirm I am recording attendance before the meeting has started"),
        required=False,
        widget=forms.CheckboxInput(attrs={"class": "form-check-input"}),
    )
    headcount = forms.IntegerField(
        label=_("Headcount"),
        required=False,
        min_value=0,
        max_value=100000,
        help_text=_("How many people were in the room, counted on the day."),
        widget=forms.NumberInput(attrs={"class": "form-control form-control-sm w-auto"}),
    )


class WalkInForm(TypedTextForm, BlankChoicesLabelled, forms.Form):
    name = forms.CharField(label=pgettext_lazy("person", "Name"), max_length=200)
    organization = forms.ModelChoiceField(
        queryset=Organization.objects.none(), label=_("Organisation"), widget=organization_picker(active_only=True)
    )
    create_contact = forms.BooleanField(label=_("Also add this person to the organisation's contacts"), required=False)
    confirm_before_start = forms.BooleanField(
        label=_("I confirm I am recording attendance before the meeting has started"), required=False
    )

    def __init__(self, *args, meeting, on_register=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = Organization.objects.for_choices().filter(is_active=True)
        if meeting.has_started or on_register:  # on the register, the register's own confirmation counts
            del self.fields["confirm_before_start"]
        if on_register:  # its inputs belong to the register's form, so recording a walk-in also saves the rows
            for field in self.fields.values():
                field.widget.attrs["form"] = REGISTER_FORM_ID


REGISTER_FORM_ID = "register-form"
WALK_IN_PREFIX = "walk_in"


class KnownRowChoiceField(forms.ModelChoiceField):
    """A formset row's hidden id, looked up among the rows the formset already loaded (not one query per row)."""

    def __init__(self, *args, rows, **kwargs):
        super().__init__(*args, **kwargs)
        self.rows = rows

    def to_python(self, value):
        if value in self.empty_values:
            return None
        try:
            return self.rows[int(value)]
        except (KeyError, TypeError, ValueError):
            raise forms.ValidationError(self.error_messages["invalid_choice"], code="invalid_choice") from None


class BaseParticipationFormSet(BaseModelFormSet):
    def total_form_count(self):
        """The register edits the meeting's existing rows only (people are added by their own forms), so a posted
        TOTAL_FORMS larger than that builds no more forms than there are rows."""
        count = super().total_form_count()
        return min(count, len(self.get_queryset())) if self.is_bound else count

    def _should_delete_form(self, form):
        """A row ticked for removal is still checked (Django's formsets skip a deleted form's errors): its version
        says whether it changed meanwhile, and a tampered value is an error, not a removal."""
        return super()._should_delete_form(form) and not form.errors

    def add_fields(self, form, index):
        super().add_fields(form, index)
        form.fields["DELETE"].widget.attrs["class"] = "form-check-input"
        if not hasattr(self, "_rows"):
            self._rows = {row.pk: row for row in self.get_queryset()}
        id_field = form.fields["id"]
        form.fields["id"] = KnownRowChoiceField(
            id_field.queryset, rows=self._rows, initial=id_field.initial, required=False, widget=id_field.widget
        )


ParticipationFormSet = modelformset_factory(
    Participation,
    form=ParticipationRowForm,
    formset=BaseParticipationFormSet,
    extra=0,
    can_delete=True,
    max_num=MAX_FORMSET_ROWS,
    absolute_max=MAX_FORMSET_ROWS,
)


class InviteOrganizationsForm(forms.Form):
    organizations = forms.ModelMultipleChoiceField(
        queryset=Organization.objects.none(),
        label=_("Organisations"),
        widget=organizations_picker(active_only=True),
        help_text=_("Hold Ctrl (or Cmd) to pick several."),
    )

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organizations"].queryset = Organization.objects.active().exclude(participations__meeting=meeting)


class AddParticipantForm(TypedTextForm, BlankChoicesLabelled, forms.Form):
    contact = forms.ModelChoiceField(queryset=Contact.objects.none(), label=_("Person"), widget=contact_picker())
    role = forms.ChoiceField(label=_("Role"), choices=ParticipationRole.choices, initial=ParticipationRole.PARTICIPANT)
    only_this_person = forms.BooleanField(
        label=_("Invite only this person, not the organisation's other contacts"), required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["contact"].queryset = _contacts()


class RecipientContactForm(TypedTextForm, forms.Form):
    """A contact added from the recipient list: whom the invitation should reach at one of the invited
    organisations (``meetings.services.add_recipient``)."""

    organization = forms.ModelChoiceField(label=_("Organisation"), queryset=Organization.objects.none())
    name = forms.CharField(label=pgettext_lazy("person", "Name"), max_length=200)
    email = forms.EmailField(label=_("E-mail"), max_length=254)
    preferred_language = forms.ChoiceField(label=_("E-mail language"), choices=settings.LANGUAGES, initial="en")

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = Organization.objects.filter(
            pk__in=meeting.participations.values("organization")
        ).order_by("name")
