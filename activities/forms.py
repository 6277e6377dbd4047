from crispy_forms.helper import FormHelper
from django import forms
from django.contrib.postgres.forms import SimpleArrayField
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from activities.models import Activity, ActivityPlan, ActivityStatus, DatePrecision, Place
from activities.services import ReviewEntry
from common.i18n import with_translations, written_in_fields
from common.quarter import Quarter
from common.typed_text import TypedTextForm
from common.versioning import VersionedModelFormMixin
from common.widgets import (
    DateInput,
    PortalModelForm,
    WrittenInLanguageForm,
    organization_picker,
    organizations_picker,
    plan_picker,
    translations_folded,
)
from stakeholders.models import Organization


class PlacesField(SimpleArrayField):
    """Cities typed as comma-separated text ("Bukhara, Fergana"): blanks and repeats are dropped."""

    def __init__(self, **kwargs):
        kwargs.setdefault("help_text", _("Cities, separated by commas."))
        super().__init__(forms.CharField(max_length=100), delimiter=",", **kwargs)

    def prepare_value(self, value):
        if isinstance(value, list):
            return ", ".join(value)
        return value

    def to_python(self, value):
        if isinstance(value, list):
            value = ",".join(value)
        places = []
        for place in (value or "").split(self.delimiter):
            place = " ".join(place.split())
            if place and place not in places:
                places.append(place)
        return super().to_python(self.delimiter.join(places))


def _helper() -> FormHelper:
    helper = FormHelper()
    helper.form_tag = False
    return helper


def quarter_choices(around: Quarter | None = None) -> list[tuple[str, str]]:
    """The quarters a plan is usually made for: from three years back to two years ahead of ``around`` (today)."""
    around = around or Quarter.current()
    quarter, last = Quarter(around.year - 3, 1), Quarter(around.year + 2, 4)
    choices = []
    while quarter <= last:
        choices.append((str(quarter), quarter.label))
        quarter = quarter.next()
    return choices


class QuarterField(forms.ChoiceField):
    """A quarter picked from a list ("Q4 2023"), cleaned to a ``Quarter``; an edited plan keeps its own quarter."""

    def __init__(self, **kwargs):
        super().__init__(choices=quarter_choices, **kwargs)

    def valid_value(self, value):
        try:
            Quarter.parse(value)
        except ValueError:
            return False
        return True

    def clean(self, value) -> Quarter:
        return Quarter.parse(super().clean(value))


class ActivityPlanForm(PortalModelForm):
    quarter = QuarterField(label=_("Quarter"))

    class Meta(PortalModelForm.Meta):
        model = ActivityPlan
        fields = ["series", "quarter", "notes"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper()
        if self.instance.pk:
            self.initial["quarter"] = str(self.instance.quarter)
        quarter = self.fields["quarter"]
        if self.initial.get("quarter") and self.initial["quarter"] not in dict(quarter.choices):
            try:  # a plan far in the past or future: its own quarter is offered too
                own = Quarter.parse(self.initial["quarter"])
            except ValueError:
                pass
            else:
                quarter.choices = sorted([*quarter.choices, (str(own), own.label)])

    def clean(self):
        cleaned_data = super().clean()
        quarter = cleaned_data.get("quarter")
        series = cleaned_data.get("series")
        if quarter is None:
            return cleaned_data
        self.instance.year, self.instance.quarter_number = quarter.year, quarter.number
        if series is not None:
            duplicates = ActivityPlan.objects.for_quarter(quarter).filter(series=series).exclude(pk=self.instance.pk)
            if duplicates.exists():
                self.add_error(
                    "quarter",
                    _("%(series)s already has a plan for %(quarter)s.") % {"series": series, "quarter": quarter.label},
                )
        if self.instance.pk:
            outside = [
                activity
                for activity in self.instance.activities.all()
                if activity.starts_on and activity.starts_on not in quarter
            ]
            if outside:
                names = ", ".join(f"“{activity.title}”" for activity in outside[:3])
                self.add_error(
                    "quarter",
                    ngettext(
                        "%(count)s of this plan's activities falls outside %(quarter)s (%(names)s); move it first.",
                        "%(count)s of this plan's activities fall outside %(quarter)s (%(names)s); move them first.",
                        len(outside),
                    )
                    % {"count": len(outside), "quarter": quarter.label, "names": names},
                )
        return cleaned_data


# Shown first in the activity form; the rest is folded away and opens by itself when one of its fields has an error.
ESSENTIAL_ACTIVITY_FIELDS = (
    "plan",
    "title",
    "kind",
    "starts_on",
    "ends_on",
    "date_precision",
    "places",
    "lead_organization",
    "partners",
)


class ActivityForm(WrittenInLanguageForm, VersionedModelFormMixin, PortalModelForm):
    places = PlacesField(label=_("Places"), required=False)

    class Meta(PortalModelForm.Meta):
        model = Activity
        fields = [
            *ESSENTIAL_ACTIVITY_FIELDS,
            "description",
            "target_group",
            "status",
            "people_reached",
            "outcome",
            "topics",
            *written_in_fields("title", "description", "target_group"),
        ]
        widgets = {
            "starts_on": DateInput(),
            "ends_on": DateInput(),
            "description": forms.Textarea(attrs={"rows": 4}),
            "description_en": forms.Textarea(attrs={"rows": 3}),
            "description_ru": forms.Textarea(attrs={"rows": 3}),
            "description_uz": forms.Textarea(attrs={"rows": 3}),
            "outcome": forms.Textarea(attrs={"rows": 3}),
            "plan": plan_picker(),
            "lead_organization": organization_picker(),
            "partners": organizations_picker(),
            "topics": forms.SelectMultiple(attrs={"size": 6}),
        }
        help_texts = {"starts_on": _("Must fall within the plan's quarter.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = translations_folded(self)
        self.fields["plan"].queryset = ActivityPlan.objects.select_related("series").only(
            "year", "quarter_number", *with_translations("title", prefix="series__")
        )
        for name in ["lead_organization", "partners"]:
            self.fields[name].queryset = Organization.objects.for_choices()
        self.fields["plan"].label_from_instance = lambda plan: plan.choice_label
        self.fields["starts_on"].required = True
        self.fields["date_precision"].required = False  # left out: the day is known

    def essential_fields(self):
        return [self[name] for name in ESSENTIAL_ACTIVITY_FIELDS]

    TRANSLATED_FIELDS = tuple(written_in_fields("title", "description", "target_group"))

    def folded_fields(self):
        return [
            field
            for field in self.visible_fields()
            if field.name not in ESSENTIAL_ACTIVITY_FIELDS and field.name not in self.TRANSLATED_FIELDS
        ]

    def folded_has_errors(self) -> bool:
        return any(field.errors for field in self.folded_fields())

    def translated_fields(self):
        return [self[name] for name in self.TRANSLATED_FIELDS]

    def translations_have_errors(self) -> bool:
        return any(field.errors for field in self.translated_fields())

    def clean_date_precision(self):
        return self.cleaned_data.get("date_precision") or DatePrecision.DAY

    def clean(self):
        cleaned_data = super().clean()
        lead = cleaned_data.get("lead_organization")
        partners = cleaned_data.get("partners")
        if lead is not None and partners is not None and lead in partners:
            self.add_error("partners", _("The lead organisation is not also its own partner."))
        return cleaned_data


class ActivityProgressForm(VersionedModelFormMixin, PortalModelForm):
    """What the lead organisation itself may update: how the activity is going."""

    class Meta(PortalModelForm.Meta):
        model = Activity
        fields = ["status", "people_reached", "outcome"]
        widgets = {"outcome": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper()


class ActivityReviewForm(TypedTextForm, forms.Form):
    """One row of the quarter review: what the meeting records about one activity."""

    activity = forms.IntegerField(widget=forms.HiddenInput)
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)  # the activity's, when the grid was loaded
    status = forms.ChoiceField(label=_("Status"), choices=ActivityStatus.choices)
    people_reached = forms.IntegerField(label=_("People reached"), min_value=0, required=False)
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class BaseActivityReviewFormSet(forms.BaseFormSet):
    """One form per activity under review, each activity exactly once (the ids are checked, not trusted)."""

    def __init__(self, *args, activities, **kwargs):
        self.activities = list(activities)
        kwargs.setdefault("initial", [self._initial_for(activity) for activity in self.activities])
        super().__init__(*args, **kwargs)
        activities_by_id = {activity.pk: activity for activity in self.activities}
        for form in self.forms:
            activity_id = form.initial.get("activity") if not self.is_bound else _as_int(form["activity"].value())
            form.activity_object = activities_by_id.get(activity_id)

    def total_form_count(self):
        """No more forms than activities, plus one to tell a stale or tampered list: a posted count of thousands
        built as many forms before being refused."""
        return min(super().total_form_count(), len(self.activities) + 1)

    @staticmethod
    def _initial_for(activity: Activity) -> dict:
        review = activity.reviews_at_meeting[0] if getattr(activity, "reviews_at_meeting", None) else None
        source = review or activity
        return {
            "activity": activity.pk,
            "version": activity.version,
            "status": source.status,
            "people_reached": source.people_reached,
            "note": review.note if review else "",
        }

    def clean(self):
        if any(self.errors):
            return
        submitted = [form.cleaned_data.get("activity") for form in self.forms]
        expected = [activity.pk for activity in self.activities]
        if sorted(submitted) != sorted(expected):
            raise forms.ValidationError(
                _(
                    "The list of activities has changed since you opened this page; "
                    "reload it and enter the review again."
                )
            )

    def entries(self) -> list[ReviewEntry]:
        return [
            ReviewEntry(
                activity=form.activity_object,
                version=form.cleaned_data["version"],
                status=form.cleaned_data["status"],
                people_reached=form.cleaned_data["people_reached"],
                note=form.cleaned_data["note"],
            )
            for form in self.forms
        ]

    def data_with_current_versions(self):
        """The submitted grid with each activity's current version, so saving it again is deliberate."""
        data = self.data.copy()
        for form in self.forms:
            if form.activity_object is not None:
                data[form.add_prefix("version")] = str(form.activity_object.version)
        return data


def _as_int(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


ActivityReviewFormSet = forms.formset_factory(
    ActivityReviewForm, formset=BaseActivityReviewFormSet, extra=0, max_num=1000, absolute_max=1000
)


class PlaceForm(WrittenInLanguageForm, PortalModelForm):
    """A place's name in every language. The name activities store it by is not edited here: it is what their
    city filter finds."""

    class Meta(PortalModelForm.Meta):
        model = Place
        fields = written_in_fields("name")
