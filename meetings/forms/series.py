"""The secretariat's forms for a meeting series and the topics put on the meetings' content, with the language each
text is written in and its translations (common.i18n)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from common.i18n import written_in_fields
from common.widgets import (
    DateInput,
    PortalModelForm,
    WrittenInLanguageForm,
    organization_picker,
    organizations_picker,
    translations_folded,
)
from meetings.models import MeetingSeries, Topic
from stakeholders.models import Organization


class SeriesForm(WrittenInLanguageForm, PortalModelForm):
    class Meta(PortalModelForm.Meta):
        model = MeetingSeries
        fields = [
            "title",
            "description",
            "convening_organization",
            "funding_organization",
            "programme",
            "country",
            "started_on",
            "members",
            *written_in_fields("title", "description", "country"),
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 4}),
            **{name: forms.Textarea(attrs={"rows": 3}) for name in written_in_fields("description")[1:]},
            "started_on": DateInput(),
            "convening_organization": organization_picker(),
            "funding_organization": organization_picker(),
            "members": organizations_picker(),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = translations_folded(self)
        for name in ("convening_organization", "funding_organization", "members"):
            self.fields[name].queryset = Organization.objects.for_choices()

    def clean_title(self):
        title = " ".join(self.cleaned_data["title"].split())
        if MeetingSeries.objects.filter(title__iexact=title).exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(_("A series with this title already exists."), code="unique")
        return title


class TopicForm(WrittenInLanguageForm, PortalModelForm):
    class Meta(PortalModelForm.Meta):
        model = Topic
        fields = ["name", "description", "is_emerging_trend", *written_in_fields("name")]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = translations_folded(self)

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        if Topic.objects.filter(name__iexact=name).exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(_("A topic with this name already exists."), code="unique")
        return name
