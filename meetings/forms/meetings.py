"""The forms of a meeting and its agenda: a meeting's details, the next meeting of a series, an agenda item. Dates and
times are entered in the meeting's own time zone."""

import datetime
import zoneinfo

from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from common.formatting import zone_choices, zone_label
from common.i18n import written_in_fields
from common.quarter import Quarter
from common.time_zones import time_zone_choices
from common.typed_text import TypedTextForm
from common.versioning import VersionedFormMixin
from common.widgets import (
    DateInput,
    PortalModelForm,
    TimeInput,
    WrittenInLanguageForm,
    contact_picker,
    organization_picker,
    translations_folded,
    visibility_kept_when_absent,
)
from meetings.models import AgendaItem, Meeting, MeetingFormat, MeetingStatus
from meetings.services.lifecycle import start_needs_confirmation
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


def past_start_confirmation_field():
    """A checkbox shown only when the start typed is in the past (services.start_needs_confirmation)."""
    return forms.BooleanField(
        label=_("Yes, this meeting took place at that time"), required=False, widget=forms.HiddenInput
    )


def ask_to_confirm_past_start(form, starts_at, *, stored_start=None) -> None:
    """Refuse a start in the past unless its checkbox is ticked, and show the checkbox."""
    if not start_needs_confirmation(starts_at, stored_start=stored_start):
        return
    field = form.fields["past_start_confirmed"]
    field.widget = forms.CheckboxInput()
    if not form.cleaned_data.get("past_start_confirmed"):
        form.add_error(
            "past_start_confirmed",
            _(
                "This start is in the past: the meeting would count as held. If it really took place then, tick "
                "the box below; otherwise correct the date or time."
            ),
        )


def reviewed_quarter_choices(day: datetime.date, stored: Quarter | None) -> list[tuple[str, str]]:
    """The quarters from four before ``day``'s to one after, latest first, and the stored one if outside them."""
    quarter = Quarter.containing(day).next()
    quarters = []
    for _step in range(6):
        quarters.append(quarter)
        quarter = quarter.previous()
    if stored and stored not in quarters:
        quarters.append(stored)
    return [("", "—"), *((str(quarter), quarter.label) for quarter in sorted(quarters, reverse=True))]


class MeetingForm(WrittenInLanguageForm, VersionedFormMixin, PortalModelForm):
    date = forms.DateField(label=_("Date"), widget=DateInput, help_text=_("In the meeting's time zone."))
    start_time = forms.TimeField(widget=TimeInput, label=_("Starts at"))
    end_time = forms.TimeField(widget=TimeInput, label=_("Ends at"))
    join_url = JoinLinkField()
    # A select of the quarters around the meeting's date (reviewed_quarter_choices); the typed value is still parsed.
    reviewed_quarter = forms.CharField(
        label=_("Reviewed quarter"),
        required=False,
        max_length=10,
        widget=forms.Select,
        help_text=_("The quarter whose activities this meeting reviews."),
    )
    reviewed_quarter_confirmed = forms.BooleanField(
        label=_("Yes, this meeting reviews that quarter"), required=False, widget=forms.HiddenInput
    )
    past_start_confirmed = past_start_confirmation_field()

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
        "reviewed_quarter_confirmed",
        "past_start_confirmed",
        *written_in_fields("title", "venue"),
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
            *written_in_fields("title", "venue"),
        ]

    def __init__(self, *args, series, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = translations_folded(self)
        self.series = series
        meeting = self.instance
        self.stored_start = meeting.starts_at if meeting.pk else None
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
        around = meeting.local_start.date() if meeting.starts_at else timezone.localdate()
        self.fields["reviewed_quarter"].widget.choices = reviewed_quarter_choices(around, meeting.reviewed_quarter)
        # Held follows the clock and the facts (Meeting.is_held): only cancelling is chosen. A meeting stored as
        # held before keeps that choice, so that saving it changes nothing it did not mean to.
        explicit = [MeetingStatus.PLANNED, MeetingStatus.CANCELLED]
        if meeting.status == MeetingStatus.HELD:
            explicit.insert(1, MeetingStatus.HELD)
        self.fields["status"].choices = [(status.value, status.label) for status in explicit]

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
            ask_to_confirm_past_start(self, starts_at, stored_start=self.stored_start)
            reviewed = cleaned.get("reviewed_quarter")
            # Shown again with an error, the select offers the quarters around the date just typed.
            self.fields["reviewed_quarter"].widget.choices = reviewed_quarter_choices(day, reviewed)
            if reviewed and reviewed.quarters_from(Quarter.containing(day)) > 1:
                self.fields["reviewed_quarter_confirmed"].widget = forms.CheckboxInput()
                if not cleaned.get("reviewed_quarter_confirmed"):
                    self.add_error(
                        "reviewed_quarter",
                        _("%(quarter)s is far from the meeting's date (%(date_quarter)s): check it, or tick the box.")
                        % {"quarter": reviewed.label, "date_quarter": Quarter.containing(day).label},
                    )
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
    past_start_confirmed = past_start_confirmation_field()

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
            ask_to_confirm_past_start(self, cleaned["starts_at"])
        if self.source is not None and cleaned.get("copy_venue_and_format") and not cleaned.get("venue"):
            # The fields start with the copied venue and format, so what the user typed over them wins; only a
            # venue left blank falls back to the copied one.
            cleaned["venue"] = self.source.venue
        if cleaned.get("join_url") and cleaned.get("format") == MeetingFormat.IN_PERSON:
            self.add_error("join_url", _("Only an online or hybrid meeting has a join link."))
        return cleaned


class AgendaItemForm(WrittenInLanguageForm, VersionedFormMixin, PortalModelForm):
    # A presenter who is not a stored contact: typed here, made into a contact on saving (name_external_presenter).
    presenter_name = forms.CharField(
        label=_("Or a presenter not yet in the contacts: name"),
        max_length=200,
        required=False,
        help_text=_("Saved as a new contact (without an e-mail) of the organisation below."),
    )
    presenter_organization = forms.ModelChoiceField(
        label=_("Presenter's organisation"),
        queryset=Organization.objects.none(),
        required=False,
        widget=organization_picker(),
    )
    presenter_organization_name = forms.CharField(
        label=_("Or the organisation's name, if it is not listed"),
        max_length=255,
        required=False,
    )
    field_order = [
        "title",
        "description",
        "presenter",
        "presenter_name",
        "presenter_organization",
        "presenter_organization_name",
    ]

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
            "visibility",
            *written_in_fields("title", "description"),
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            **{name: forms.Textarea(attrs={"rows": 2}) for name in written_in_fields("description")[1:]},
            "topics": forms.CheckboxSelectMultiple,
            "presenter": contact_picker(),
            "lead_organization": organization_picker(),
        }

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        visibility_kept_when_absent(self)
        self.helper = translations_folded(self)
        self.fields["version"].initial = meeting.version
        self.fields["presenter"].queryset = _contacts(self.instance.presenter_id)
        self.fields["lead_organization"].queryset = Organization.objects.for_choices()
        self.fields["presenter_organization"].queryset = Organization.objects.for_choices()

    def clean(self):
        cleaned_data = super().clean()
        name = cleaned_data.get("presenter_name", "").strip()
        organization = cleaned_data.get("presenter_organization")
        organization_name = cleaned_data.get("presenter_organization_name", "").strip()
        if not name:
            if organization or organization_name:
                self.add_error("presenter_name", _("Type the presenter's name, or leave the organisation empty."))
            return cleaned_data
        if cleaned_data.get("presenter"):
            self.add_error("presenter_name", _("Choose a stored contact or type a new presenter's name, not both."))
        if organization and organization_name:
            self.add_error("presenter_organization_name", _("Pick the organisation or type its name, not both."))
        elif not organization and not organization_name:
            self.add_error("presenter_organization", _("Say which organisation the presenter is from."))
        return cleaned_data

    @property
    def new_presenter(self) -> dict | None:
        """What name_external_presenter needs, when a presenter was typed rather than picked."""
        if not self.cleaned_data.get("presenter_name", "").strip():
            return None
        return {
            "name": self.cleaned_data["presenter_name"],
            "organization": self.cleaned_data.get("presenter_organization"),
            "organization_name": self.cleaned_data.get("presenter_organization_name", ""),
        }
