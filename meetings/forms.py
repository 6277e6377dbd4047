"""Forms of the secretariat's pages. Dates and times are entered in the meeting's own time zone."""

import datetime
import zoneinfo

from django import forms
from django.db.models import Q
from django.forms import BaseModelFormSet, modelformset_factory
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from common.formatting import zone_choices, zone_label
from common.i18n import translation_fields
from common.quarter import Quarter
from common.time_zones import time_zone_choices
from common.typed_text import TypedTextForm
from common.versioning import VersionedFormMixin, VersionedModelFormMixin
from common.widgets import (
    BlankChoicesLabelled,
    DateInput,
    PortalModelForm,
    TimeInput,
    contact_picker,
    organization_picker,
    organizations_picker,
    quick_formfield,
    translations_folded,
)
from meetings.models import (
    ActionItem,
    ActionStatus,
    AgendaItem,
    Decision,
    Document,
    Meeting,
    MeetingFormat,
    Participation,
    ParticipationRole,
    ReviewOutcome,
    RsvpAnswer,
    Statement,
    StatementKind,
)
from meetings.services import EDITABLE_ROW_FIELDS, RowChange
from stakeholders.models import ORGANIZATION_LABEL_FIELDS, Contact, Organization


# Choice lists load only what an option shows (Contact.__str__, Organization.__str__): they run to thousands of rows.
def _contacts(current_id=None):
    """Active contacts to choose from; ``current_id`` keeps the one already chosen on a record even if inactive now."""
    return (
        Contact.objects.filter(Q(is_active=True) | Q(pk=current_id))
        .select_related("organization")
        .only("name", *(f"organization__{name}" for name in ORGANIZATION_LABEL_FIELDS))
        .order_by("name")
    )


class JoinLinkField(forms.URLField):
    """The video call of an online or hybrid meeting, on the meeting form and when preparing the next one."""

    def __init__(self, **kwargs):
        defaults = {
            "label": _("Join link"),
            "max_length": 500,
            "required": False,
            "assume_scheme": "https",
            "help_text": _("For an online or hybrid meeting: the video call."),
        }
        super().__init__(**(defaults | kwargs))


class MeetingForm(VersionedFormMixin, PortalModelForm):
    date = forms.DateField(label=_("Date"), widget=DateInput, help_text=_("In the meeting's time zone."))
    start_time = forms.TimeField(widget=TimeInput, label=_("Starts at"))
    end_time = forms.TimeField(widget=TimeInput, label=_("Ends at"))
    join_url = JoinLinkField()
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
        "join_url",
        "status",
        "reviewed_quarter",
        *translation_fields("title"),
    ]

    class Meta(PortalModelForm.Meta):
        model = Meeting
        fields = [
            "number",
            "title",
            "time_zone",
            "venue",
            "format",
            "join_url",
            "status",
            *translation_fields("title"),
        ]

    def __init__(self, *args, series, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = translations_folded(self)
        self.series = series
        meeting = self.instance
        # Stored as the zone's name (Asia/Tashkent), shown as "Tashkent time (UTC+5)".
        self.fields["time_zone"].choices = zone_choices(
            [name for name, _label in time_zone_choices()], at=meeting.starts_at
        )
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


class PrepareNextMeetingForm(TypedTextForm, forms.Form):
    """The date and what to carry over from the latest held meeting (services.prepare_next_meeting)."""

    date = forms.DateField(label=_("Date"), widget=DateInput, help_text=_("In the meeting's time zone."))
    start_time = forms.TimeField(widget=TimeInput, label=_("Starts at"))
    end_time = forms.TimeField(widget=TimeInput, label=_("Ends at"))
    copy_standing_items = forms.BooleanField(label=_("Standing agenda items"), required=False, initial=True)
    copy_other_items = forms.BooleanField(label=_("The other agenda items"), required=False, initial=False)
    carry_open_actions = forms.BooleanField(
        label=_("Open follow-up actions, to review under “Review of follow-up actions”"), required=False, initial=True
    )
    copy_invitations = forms.BooleanField(
        label=_("Invited organisations and named people (and the series' members)"), required=False, initial=True
    )
    copy_venue_and_format = forms.BooleanField(label=_("Venue and format"), required=False, initial=True)
    venue = forms.CharField(
        label=_("Venue"),
        max_length=255,
        required=False,
        help_text=_("What you type here is used; left blank, the copied venue is kept."),
    )
    format = forms.ChoiceField(label=_("Format"), choices=MeetingFormat.choices, initial=MeetingFormat.IN_PERSON)
    join_url = JoinLinkField()
    another_planned_confirmed = forms.BooleanField(
        label=_("Yes, prepare another meeting although one is already planned"), required=False
    )

    def __init__(self, *args, source: Meeting | None, starts_at, ends_at, already_planned: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.source = source
        self.zone = source.zone if source else timezone.get_current_timezone()
        self.fields["date"].help_text = _("In the meeting's time zone: %(zone)s.") % {
            "zone": zone_label(str(self.zone), at=starts_at)
        }
        local_start, local_end = timezone.localtime(starts_at, self.zone), timezone.localtime(ends_at, self.zone)
        self.fields["date"].initial = local_start.date()
        self.fields["start_time"].initial = local_start.time()
        self.fields["end_time"].initial = local_end.time()
        if source is None:
            for name in ("copy_standing_items", "copy_other_items", "copy_venue_and_format"):
                del self.fields[name]
        if not already_planned:
            del self.fields["another_planned_confirmed"]

    def clean(self):
        cleaned = super().clean()
        day, start, end = cleaned.get("date"), cleaned.get("start_time"), cleaned.get("end_time")
        if day and start and end:
            cleaned["starts_at"] = datetime.datetime.combine(day, start, tzinfo=self.zone)
            cleaned["ends_at"] = datetime.datetime.combine(day, end, tzinfo=self.zone)
            if cleaned["ends_at"] <= cleaned["starts_at"]:
                self.add_error("end_time", _("The meeting must end after it starts."))
        if self.source is not None and cleaned.get("copy_venue_and_format") and not cleaned.get("venue"):
            # The fields start with the copied venue and format, so what the user typed over them wins; only a
            # venue left blank falls back to the copied one.
            cleaned["venue"] = self.source.venue
        if cleaned.get("join_url") and cleaned.get("format") == MeetingFormat.IN_PERSON:
            self.add_error("join_url", _("Only an online or hybrid meeting has a join link."))
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
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "topics": forms.CheckboxSelectMultiple,
            "presenter": contact_picker(),
            "lead_organization": organization_picker(),
        }

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = translations_folded(self)
        self.fields["version"].initial = meeting.version
        self.fields["presenter"].queryset = _contacts(self.instance.presenter_id)
        self.fields["lead_organization"].queryset = Organization.objects.for_choices()


class MinutesForm(TypedTextForm, VersionedFormMixin, forms.Form):
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


class ItemMinutesForm(TypedTextForm, VersionedFormMixin, forms.ModelForm):
    """One card of the minutes editor: an agenda item's discussion summary and outcome, with the Russian and Uzbek
    versions of the summary; saved by meetings.services.save_item_minutes against the item's version."""

    class Meta:
        model = AgendaItem
        formfield_callback = quick_formfield
        fields = ["discussion_summary", "outcome", *translation_fields("discussion_summary")]
        labels = {
            "discussion_summary": _("Discussion summary (English)"),
            "discussion_summary_ru": _("In Russian"),
            "discussion_summary_uz": _("In Uzbek"),
        }
        widgets = {
            "discussion_summary": forms.Textarea(attrs={"rows": 4}),
            "discussion_summary_ru": forms.Textarea(attrs={"rows": 3}),
            "discussion_summary_uz": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        instance = kwargs["instance"]
        kwargs.setdefault("prefix", f"item-{instance.pk}")
        super().__init__(*args, **kwargs)
        self.fields["version"].initial = instance.version


# A posted TOTAL_FORMS builds that many forms: cap it well above any real meeting, far below an abusive number.
MAX_FORMSET_ROWS = 500


class ItemMinutesRowForm(TypedTextForm, forms.ModelForm):
    """One agenda item's text in the minutes editor's all-in-one POST (AgendaItemMinutesFormSet)."""


AgendaItemMinutesFormSet = modelformset_factory(
    AgendaItem,
    form=ItemMinutesRowForm,
    formfield_callback=quick_formfield,
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
    name = forms.CharField(label=_("Name"), max_length=200)
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


class StatementForm(VersionedModelFormMixin, PortalModelForm):
    source_url = forms.URLField(label=capfirst(_("source link")), required=False, max_length=500, assume_scheme="https")

    class Meta(PortalModelForm.Meta):
        model = Statement
        fields = [
            "speaker",
            "organization",
            "agenda_item",
            "kind",
            "summary",
            "source_document",
            "source_title",
            "source_url",
        ]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 4}),
            "speaker": contact_picker(),
            "organization": organization_picker(),
        }

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.meeting = meeting
        self.fields["speaker"].queryset = _contacts(self.instance.speaker_id)
        self.fields["organization"].queryset = Organization.objects.for_choices()
        self.fields["organization"].required = False
        self.fields["organization"].help_text = _("Leave empty for the speaker's own organisation.")
        self.fields["agenda_item"].queryset = AgendaItem.objects.filter(meeting=meeting).order_by("position")
        self.fields["source_document"].queryset = Document.objects.filter(meeting=meeting).order_by("title")
        self.fields["kind"].required = False  # left out: a summary, the safe reading

    def clean_kind(self):
        return self.cleaned_data.get("kind") or StatementKind.SUMMARY

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
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "due_on": DateInput,
            "responsible_organization": organization_picker(),
            "owner": contact_picker(),
        }

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.meeting = meeting
        self.fields["agenda_item"].queryset = AgendaItem.objects.filter(meeting=meeting).order_by("position")
        self.fields["decision"].queryset = Decision.objects.filter(meeting=meeting)
        self.fields["responsible_organization"].queryset = Organization.objects.for_choices()
        self.fields["owner"].queryset = _contacts(self.instance.owner_id)


class PublishMinutesForm(forms.Form):
    """The confirming POST: publishing needs ``confirm`` as well as the button that leads to the question."""

    confirm = forms.BooleanField(widget=forms.HiddenInput, initial=True)


class ReopenMinutesForm(TypedTextForm, forms.Form):
    reason = forms.CharField(
        label=_("Why are the minutes reopened?"),
        max_length=100,
        help_text=_("Kept in the meeting's history, for example “Correct the decision under item 3”."),
    )


class ActionReviewForm(TypedTextForm, VersionedFormMixin, forms.Form):
    """What the meeting decided about one action carried to its review (meetings.services.review_carried_action)."""

    outcome = forms.ChoiceField(
        label=_("Outcome"),
        choices=ReviewOutcome.choices,
        widget=forms.RadioSelect(attrs={"class": "form-check-input"}),
    )
    due_on = forms.DateField(
        widget=DateInput(attrs={"class": "form-control form-control-sm"}), label=_("New due date"), required=False
    )
    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.TextInput(attrs={"class": "form-control form-control-sm"})
    )

    def __init__(self, *args, action=None, **kwargs):
        kwargs.setdefault("prefix", f"review-{action.pk}" if action is not None else None)
        super().__init__(*args, **kwargs)
        if action is not None:
            self.fields["version"].initial = action.version
            self.fields["due_on"].initial = action.due_on


class ActionUpdateForm(TypedTextForm, VersionedFormMixin, forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=ActionStatus.choices)
    noted_on = forms.DateField(widget=DateInput, label=_("Date"))
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, action, statuses: list[str] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["version"].initial = action.version
        self.fields["status"].initial = action.status
        if statuses is not None:  # what this user may set (meetings.services.action_statuses_for)
            self.fields["status"].choices = [
                (value, label) for value, label in ActionStatus.choices if value in statuses
            ]
        self.fields["noted_on"].initial = timezone.localdate()


class AttendeeChoiceField(forms.ModelMultipleChoiceField):
    """The organisation's contacts by name and position (the organisation goes without saying)."""

    def label_from_instance(self, contact):
        return f"{contact.name}, {contact.position}" if contact.position else contact.name


class OrganizationReplyForm(forms.Form):
    """A focal point's answer for their organisation, and who attends for it (services.answer_for_organization)."""

    answer = forms.ChoiceField(
        label=_("Will your organisation attend?"),
        choices=[
            (RsvpAnswer.ACCEPTED, _("Yes, we will attend")),
            (RsvpAnswer.DECLINED, _("No, we cannot attend")),
        ],
        widget=forms.RadioSelect(attrs={"class": "form-check-input"}),
    )
    attendees = AttendeeChoiceField(
        queryset=Contact.objects.none(),
        label=_("Who attends"),
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "form-check-input"}),
        help_text=_("Tick the people who will come. Someone missing? Add them to your organisation's contacts first."),
    )

    def __init__(self, *args, contacts, **kwargs):
        super().__init__(*args, **kwargs)
        # The contacts are already loaded for the page: the field chooses among them without another query.
        field = self.fields["attendees"]
        field.queryset = Contact.objects.filter(pk__in=[contact.pk for contact in contacts]).order_by("name", "pk")
        field.choices = [(contact.pk, field.label_from_instance(contact)) for contact in contacts]

    @classmethod
    def for_answer(cls, answer, data=None):
        """The form for an organisation's current answer (meetings.services.OrganizationAnswer)."""
        initial = {
            "answer": answer.reply.answer if answer.reply else RsvpAnswer.ACCEPTED,
            "attendees": [contact.pk for contact in answer.attending],
        }
        return cls(data, contacts=answer.contacts, initial=initial)

    def clean_attendees(self):
        return list(self.cleaned_data["attendees"])
