"""Forms of the secretariat's pages. Dates and times are entered in the meeting's own time zone."""

import datetime
import zoneinfo

from django import forms
from django.forms import BaseModelFormSet, modelformset_factory
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from activities.quarter import Quarter
from coordination.i18n import translation_fields
from coordination.versioning import VersionedFormMixin, VersionedModelFormMixin
from coordination.widgets import PortalModelForm, QuickSelect, QuickSelectMultiple
from meetings.models import (
    ActionItem,
    ActionStatus,
    AgendaItem,
    Decision,
    Meeting,
    Participation,
    ParticipationRole,
    Statement,
)
from stakeholders.models import Contact, Organization


# Choice lists load only what an option shows (Contact.__str__, Organization.__str__): they run to thousands of rows.
def _contacts():
    return (
        Contact.objects.select_related("organization")
        .only("name", "organization__name", "organization__acronym")
        .order_by("name")
    )


def _organizations():
    return Organization.objects.only("name", "acronym").order_by("name")


class DateInput(forms.DateInput):
    input_type = "date"


class TimeInput(forms.TimeInput):
    input_type = "time"


class MeetingForm(VersionedFormMixin, PortalModelForm):
    date = forms.DateField(label=_("Date"), widget=DateInput, help_text=_("In the meeting's time zone."))
    start_time = forms.TimeField(widget=TimeInput, label=_("Starts at"))
    end_time = forms.TimeField(widget=TimeInput, label=_("Ends at"))
    reviewed_quarter = forms.CharField(
        label=_("Reviewed quarter"),
        required=False,
        max_length=10,
        help_text=_("The quarter whose activities this meeting reviews, written like 2023-Q3."),
    )

    field_order = [
        "number",
        "title",
        "date",
        "start_time",
        "end_time",
        "time_zone",
        "venue",
        "format",
        "status",
        "reviewed_quarter",
        *translation_fields("title"),
    ]

    class Meta(PortalModelForm.Meta):
        model = Meeting
        fields = ["number", "title", "time_zone", "venue", "format", "status", *translation_fields("title")]

    def __init__(self, *args, series, **kwargs):
        super().__init__(*args, **kwargs)
        self.series = series
        meeting = self.instance
        self.fields["version"].initial = meeting.version
        if meeting.pk is None:
            self.fields["version"].required = False
        if meeting.starts_at:
            self.fields["date"].initial = meeting.local_start.date()
            self.fields["start_time"].initial = meeting.local_start.time()
        if meeting.ends_at:
            self.fields["end_time"].initial = meeting.local_end.time()
        if meeting.reviewed_quarter:
            self.fields["reviewed_quarter"].initial = str(meeting.reviewed_quarter)

    def clean_number(self):
        number = self.cleaned_data["number"]
        others = Meeting.objects.filter(series=self.series, number=number).exclude(pk=self.instance.pk)
        if number is not None and others.exists():
            raise forms.ValidationError(_("The series already has a meeting number %(number)s.") % {"number": number})
        return number

    def clean_reviewed_quarter(self):
        text = self.cleaned_data["reviewed_quarter"].strip()
        if not text:
            return None
        try:
            return Quarter.parse(text)
        except ValueError as error:
            raise forms.ValidationError(str(error)) from error

    def clean(self):
        cleaned = super().clean()
        day, start, end = cleaned.get("date"), cleaned.get("start_time"), cleaned.get("end_time")
        zone_name = cleaned.get("time_zone")
        if day and start and end and zone_name:
            zone = zoneinfo.ZoneInfo(zone_name)
            starts_at = datetime.datetime.combine(day, start, tzinfo=zone)
            ends_at = datetime.datetime.combine(day, end, tzinfo=zone)
            if ends_at <= starts_at:
                self.add_error("end_time", _("The meeting must end after it starts."))
            else:
                self.instance.starts_at, self.instance.ends_at = starts_at, ends_at
        if "reviewed_quarter" in cleaned:
            self.instance.reviewed_quarter = cleaned["reviewed_quarter"]
        self.instance.series = self.series
        return cleaned


class AgendaItemForm(VersionedFormMixin, PortalModelForm):
    class Meta(PortalModelForm.Meta):
        model = AgendaItem
        fields = [
            "title",
            "description",
            "presenter",
            "lead_organization",
            "planned_minutes",
            "is_standing",
            "topics",
            *translation_fields("title"),
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 3}), "topics": forms.CheckboxSelectMultiple}

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["version"].initial = meeting.version
        self.fields["presenter"].queryset = _contacts()
        self.fields["lead_organization"].queryset = _organizations()


class MinutesForm(VersionedFormMixin, forms.Form):
    minutes_summary = forms.CharField(
        label=_("Summary of the meeting"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    minutes_summary_ru = forms.CharField(
        label=_("Summary in Russian (optional)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    minutes_summary_uz = forms.CharField(
        label=_("Summary in Uzbek (optional)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


# A posted TOTAL_FORMS builds that many forms: cap it well above any real meeting, far below an abusive number.
MAX_FORMSET_ROWS = 500

AgendaItemMinutesFormSet = modelformset_factory(
    AgendaItem,
    fields=["discussion_summary", "outcome", *translation_fields("discussion_summary")],
    extra=0,
    max_num=MAX_FORMSET_ROWS,
    absolute_max=MAX_FORMSET_ROWS,
    widgets={
        "discussion_summary": forms.Textarea(attrs={"rows": 4}),
        "discussion_summary_ru": forms.Textarea(attrs={"rows": 2}),
        "discussion_summary_uz": forms.Textarea(attrs={"rows": 2}),
    },
)


class ParticipationRowForm(PortalModelForm):
    """One row of the register; the table gives each field its label."""

    class Meta(PortalModelForm.Meta):
        model = Participation
        fields = ["role", "status"]
        widgets = {
            "role": forms.Select(attrs={"class": "form-select form-select-sm"}),
            "status": forms.Select(attrs={"class": "form-select form-select-sm"}),
        }


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
        widget=QuickSelectMultiple(attrs={"size": 10}),
        help_text=_("Hold Ctrl (or Cmd) to pick several."),
    )

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organizations"].queryset = Organization.objects.active().exclude(participations__meeting=meeting)


class AddParticipantForm(forms.Form):
    contact = forms.ModelChoiceField(queryset=Contact.objects.none(), label=_("Person"), widget=QuickSelect)
    role = forms.ChoiceField(label=_("Role"), choices=ParticipationRole.choices, initial=ParticipationRole.PARTICIPANT)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["contact"].queryset = _contacts().filter(is_active=True)


class StatementForm(VersionedModelFormMixin, PortalModelForm):
    class Meta(PortalModelForm.Meta):
        model = Statement
        fields = ["speaker", "organization", "agenda_item", "summary"]
        widgets = {"summary": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.meeting = meeting
        self.fields["speaker"].queryset = _contacts()
        self.fields["organization"].queryset = _organizations()
        self.fields["organization"].required = False
        self.fields["organization"].help_text = _("Leave empty for the speaker's own organisation.")
        self.fields["agenda_item"].queryset = AgendaItem.objects.filter(meeting=meeting).order_by("position")

    def clean_organization(self):
        organization = self.cleaned_data.get("organization")
        speaker = self.cleaned_data.get("speaker")
        return organization or (speaker.organization if speaker else None)


class DecisionForm(VersionedModelFormMixin, PortalModelForm):
    class Meta(PortalModelForm.Meta):
        model = Decision
        fields = ["text", "agenda_item"]
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.meeting = meeting
        self.fields["agenda_item"].queryset = AgendaItem.objects.filter(meeting=meeting).order_by("position")


class ActionItemForm(VersionedModelFormMixin, PortalModelForm):
    class Meta(PortalModelForm.Meta):
        model = ActionItem
        fields = ["title", "description", "agenda_item", "decision", "responsible_organization", "owner", "due_on"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3}), "due_on": DateInput}

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.meeting = meeting
        self.fields["agenda_item"].queryset = AgendaItem.objects.filter(meeting=meeting).order_by("position")
        self.fields["decision"].queryset = Decision.objects.filter(meeting=meeting)
        self.fields["responsible_organization"].queryset = _organizations()
        self.fields["owner"].queryset = _contacts()


class ActionUpdateForm(VersionedFormMixin, forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=ActionStatus.choices)
    noted_on = forms.DateField(widget=DateInput, label=_("Date"))
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, action, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["version"].initial = action.version
        self.fields["status"].initial = action.status
        self.fields["noted_on"].initial = timezone.localdate()
