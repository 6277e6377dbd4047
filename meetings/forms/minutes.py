"""The forms of the minutes: the summary and each item's text, statements, decisions and follow-up actions, publishing
and reopening, the review of carried actions and status updates on actions."""

from django import forms
from django.forms import modelformset_factory
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from common.i18n import translation_fields, writer_language, written_in_fields
from common.typed_text import TypedTextForm
from common.versioning import VersionedFormMixin, VersionedModelFormMixin
from common.widgets import (
    DateInput,
    PortalModelForm,
    WrittenInLanguageForm,
    contact_picker,
    organization_picker,
    quick_formfield,
    translations_folded,
    visibility_kept_when_absent,
)
from meetings.forms.meetings import _contacts
from meetings.models import (
    ActionItem,
    ActionStatus,
    ActionUpdate,
    AgendaItem,
    Decision,
    Document,
    ReviewOutcome,
    Statement,
    StatementKind,
)
from stakeholders.models import Organization


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


class StatementForm(WrittenInLanguageForm, VersionedModelFormMixin, PortalModelForm):
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
            "visibility",
            *written_in_fields("summary"),
        ]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 4}),
            **{name: forms.Textarea(attrs={"rows": 2}) for name in written_in_fields("summary")[1:]},
            "speaker": contact_picker(),
            "organization": organization_picker(),
        }

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        visibility_kept_when_absent(self)
        self.helper = translations_folded(self)
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


class DecisionForm(WrittenInLanguageForm, VersionedModelFormMixin, PortalModelForm):
    class Meta(PortalModelForm.Meta):
        model = Decision
        fields = ["text", "agenda_item", *written_in_fields("text")]
        widgets = {
            "text": forms.Textarea(attrs={"rows": 3}),
            **{name: forms.Textarea(attrs={"rows": 2}) for name in written_in_fields("text")[1:]},
        }

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = translations_folded(self)
        self.instance.meeting = meeting
        self.fields["agenda_item"].queryset = AgendaItem.objects.filter(meeting=meeting).order_by("position")


class ActionItemForm(WrittenInLanguageForm, VersionedModelFormMixin, PortalModelForm):
    class Meta(PortalModelForm.Meta):
        model = ActionItem
        fields = [
            "title",
            "description",
            "agenda_item",
            "decision",
            "responsible_organization",
            "owner",
            "due_on",
            *written_in_fields("title", "description"),
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            **{name: forms.Textarea(attrs={"rows": 2}) for name in written_in_fields("description")[1:]},
            "due_on": DateInput,
            "responsible_organization": organization_picker(),
            "owner": contact_picker(),
        }

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = translations_folded(self)
        self.instance.meeting = meeting
        self.fields["agenda_item"].queryset = AgendaItem.objects.filter(meeting=meeting).order_by("position")
        self.fields["decision"].queryset = Decision.objects.filter(meeting=meeting)
        self.fields["responsible_organization"].queryset = Organization.objects.for_choices()
        self.fields["owner"].queryset = _contacts(self.instance.owner_id)


class PublishMinutesForm(forms.Form):
    """The confirming POST: publishing needs ``confirm`` as well as the button that leads to the question."""

    confirm = forms.BooleanField(widget=forms.HiddenInput, initial=True)
    correction = forms.ChoiceField(
        label=_("The minutes were published before: tell the participants?"),
        choices=[
            ("nothing", _("Send nothing")),
            ("notice", _("Send a short correction notice with the reason")),
        ],
        widget=forms.RadioSelect,
        initial="nothing",
        required=False,
    )
    # The confirmation screen's fingerprint of who the mail goes to (meetings.notifications.recipients_token).
    recipients = forms.CharField(widget=forms.HiddenInput, required=False, max_length=64)

    @property
    def sends_correction_notice(self) -> bool:
        return self.cleaned_data.get("correction") == "notice"


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
    source_language = ActionUpdate._meta.get_field("source_language").formfield(required=False)

    def __init__(self, *args, action, statuses: list[str] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["source_language"].initial = writer_language()
        self.fields["version"].initial = action.version
        self.fields["status"].initial = action.status
        if statuses is not None:  # what this user may set (meetings.services.action_statuses_for)
            self.fields["status"].choices = [
                (value, label) for value, label in ActionStatus.choices if value in statuses
            ]
        self.fields["noted_on"].initial = timezone.localdate()
