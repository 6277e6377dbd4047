"""Form widgets shared by the apps."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Fieldset, Layout
from django import forms
from django.db import models
from django.templatetags.static import static
from django.urls import reverse
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from common.i18n import content_language, content_languages, translated_languages
from common.typed_text import TypedTextForm

TRANSLATION_SUFFIXES = tuple(f"_{language}" for language in translated_languages())

# The blank choice of a select box says what it means instead of Django's "---------".
CHOOSE_LABEL = _("— choose —")  # a required field: pick one
NONE_LABEL = _("— none —")  # an optional field: leaving it blank is an answer


def _attributes(attrs: dict) -> SafeString:
    """Like django/forms/widgets/attrs.html: False leaves an attribute out, True writes its bare name."""
    parts = []
    for name, value in attrs.items():
        if value is True:
            parts.append(format_html(" {}", name))
        elif value is not False:
            parts.append(format_html(' {}="{}"', name, str(value)))
    # Safe: every part went through format_html.
    return mark_safe("".join(parts))  # noqa: S308  # nosec B308 B703


class OptionsInPython:
    """Renders a <select> in Python, with the same HTML as Django's select.html.

    Django renders each <option> through a template include (tens of microseconds each); the portal's lists of
    500 organisations and 2,000 people made that the largest single cost of the filters and of the secretariat's
    forms (300 ms for the agenda page at bench scale).
    """

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        parts = [format_html('<select name="{}"{}>', widget["name"], _attributes(widget["attrs"]))]
        for group_name, options, _index in widget["optgroups"]:
            if group_name:
                parts.append(format_html('<optgroup label="{}">', group_name))
            parts.extend(
                format_html(
                    '<option value="{}"{}>{}</option>',
                    str(option["value"]),
                    _attributes(option["attrs"]),
                    conditional_escape(option["label"]),
                )
                for option in options
            )
            if group_name:
                parts.append("</optgroup>")
        parts.append("</select>")
        # Safe: every part went through format_html.
        return mark_safe("".join(parts))  # noqa: S308  # nosec B308 B703


class QuickSelect(OptionsInPython, forms.Select):
    pass


class QuickSelectMultiple(OptionsInPython, forms.SelectMultiple):
    pass


def blank_label(required: bool):
    return CHOOSE_LABEL if required else NONE_LABEL


def label_blank_choice(field: forms.Field) -> forms.Field:
    """Replaces the "---------" of a choice field's blank option (a model field's choices, a ModelChoiceField's
    empty label) with words: "— choose —" when a value is required, "— none —" when blank is allowed."""
    if isinstance(field, forms.ModelChoiceField):  # never iterate its choices here: that would run a query
        if field.empty_label is not None and str(field.empty_label).strip("-") == "":
            field.empty_label = blank_label(field.required)
    elif isinstance(field, forms.ChoiceField) and not isinstance(field.choices, forms.models.ModelChoiceIterator):
        # A model field's choices arrive as Django's BlankChoiceIterator: a list of constants, cheap to read.
        choices = list(field.choices)
        if choices and choices[0][0] in ("", None) and str(choices[0][1]).strip("-") == "":
            field.choices = [("", blank_label(field.required)), *choices[1:]]
    return field


def quick_formfield(db_field, **kwargs):
    """A ModelForm's `formfield_callback`: references to other rows get the Python-rendered selects, and no select
    box offers "---------"."""
    if "widget" not in kwargs:
        if isinstance(db_field, models.ForeignKey):
            kwargs["widget"] = QuickSelect
        elif isinstance(db_field, models.ManyToManyField):
            kwargs["widget"] = QuickSelectMultiple
    field = db_field.formfield(**kwargs)
    return label_blank_choice(field) if field is not None else None


class BlankChoicesLabelled:
    """A form mixin for forms that are not PortalModelForms: every choice field's blank option gets its words."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            label_blank_choice(field)


class PortalModelForm(TypedTextForm, forms.ModelForm):
    """The base of the portal's model forms (see quick_formfield; typed text as common.typed_text keeps it); a
    subclass's Meta inherits PortalModelForm.Meta, as Django reads formfield_callback from the form's own Meta
    only."""

    class Meta:
        formfield_callback = quick_formfield


def visibility_kept_when_absent(form) -> None:
    """A form's `visibility` (common.access.Visibility): a client that does not send it (an older page, a script)
    keeps the piece's audience (Django leaves a model default or the stored value for a field absent from the data)
    instead of getting an error."""
    form.fields["visibility"].required = False


class FoldedTranslations(Fieldset):
    """The language a form's texts are written in and their ``<field>_<language>`` translations, folded under
    "Translations" (open when one has an error)."""

    template = "partials/folded_translations.html"

    def __init__(self, *fields):
        super().__init__(
            _("Original language and translations")
            if "source_language" in fields
            else _("Translations (Russian, Uzbek)"),
            *fields,
        )

    def render(self, form, context, template_pack=None, **kwargs):
        context.update(
            {
                "translations_open": getattr(form, "translations_open", False)
                or any(name in form.errors for name in self.fields),
                "written_in": "source_language" in self.fields,
            }
        )
        return super().render(form, context, template_pack or "bootstrap5", **kwargs)


def translation_field_names(form) -> list[str]:
    """The fields of ``form`` that say what language its texts are in and hold their translations."""
    model = getattr(getattr(form, "_meta", None), "model", None)
    versions = {
        f"{text}_{language}" for text in getattr(model, "TRANSLATED_FIELDS", ()) for language in content_languages()
    }
    return [
        name
        for name in form.fields
        if name == "source_language" or name in versions or name.endswith(TRANSLATION_SUFFIXES)
    ]


class WrittenInLanguageForm:
    """A model form for a record with translated texts whose fields include ``common.i18n.written_in_fields``.

    The language the texts are written in is one small select: the record's own, or for a new record the writer's
    interface language (a statement typed on a Russian page is Russian). A form posted without it (an older page,
    a script) keeps that. The translation into the original's own language is not kept: the original is the text
    (static/js/written_in.js hides that field).
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("source_language")
        if field is None:
            return
        field.required = False
        field.widget.attrs["data-written-in"] = ""
        if self.instance._state.adding and "source_language" not in (kwargs.get("initial") or {}):
            language = content_language()
            if language in content_languages():
                self.instance.source_language = language
                self.initial["source_language"] = language
        for text in self._meta.model.TRANSLATED_FIELDS:
            for language in content_languages():
                version = self.fields.get(f"{text}_{language}")
                if version is not None:
                    version.widget.attrs["data-translation-language"] = language

    def clean(self):
        cleaned = super().clean()
        source = cleaned.get("source_language") or self.instance.source_language
        for text in self._meta.model.TRANSLATED_FIELDS:
            if f"{text}_{source}" in self.fields:
                cleaned[f"{text}_{source}"] = ""
        return cleaned


def translations_folded(form) -> FormHelper:
    """A crispy helper for ``form`` (no <form> tag): its own fields, then its translations folded at the end."""
    translated = translation_field_names(form)
    helper = FormHelper()
    helper.form_tag = False
    helper.disable_csrf = True
    helper.layout = Layout(*(name for name in form.fields if name not in translated))
    if translated:
        helper.layout.append(FoldedTranslations(*translated))
    return helper


def bootstrap_filter_form(form):
    """Bootstrap's small form classes on a filter form's widgets."""
    for field in form.fields.values():
        widget = field.widget
        if isinstance(widget, forms.CheckboxInput):
            css = "form-check-input"
        elif isinstance(widget, forms.Select):
            css = "form-select form-select-sm"
        else:
            css = "form-control form-control-sm"
        widget.attrs.setdefault("class", css)


class DateInput(forms.DateInput):
    """A browser date picker; its value is always ISO (2023-11-06), whatever the page's language."""

    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class TimeInput(forms.TimeInput):
    input_type = "time"


class SearchSelect(OptionsInPython, forms.Select):
    """A select that renders only its selected option(s) and searches the rest as you type.

    A list of every organisation, person or plan made the secretariat's forms and the list filters grow with the
    data (2,000 people and 3,000 plans at bench scale). This widget asks the database only for the chosen rows,
    through the field's own queryset and labels; static/js/pickers.js turns it into a Tom Select that asks the JSON
    endpoint `picker` (coordination/pickers.py) for at most a screenful of matches. The field's queryset still
    validates what is posted, so the server accepts nothing the plain select would not.
    """

    def __init__(self, kind: str, attrs=None, *, active_only: bool = False):
        super().__init__(attrs)
        self.kind = kind
        self.active_only = active_only

    def _field(self):
        return getattr(self.choices, "field", None)  # a ModelChoiceIterator knows its field

    def _empty_label(self):
        field = self._field()
        return None if field is None or self.allow_multiple_selected else field.empty_label

    def use_required_attribute(self, initial):
        # Select's own test reads the first choice, which would query the whole list.
        return forms.Widget.use_required_attribute(self, initial) and (
            self.allow_multiple_selected or self._empty_label() is not None
        )

    def selected(self, values) -> list[tuple[str, str]]:
        """(value, label) of the chosen rows, in the order given: one query, none when nothing is chosen."""
        ids = []
        for value in values:
            try:
                ids.append(int(str(value)))
            except ValueError:
                continue  # not a row of this list: the form's validation says so
        field = self._field()
        if not ids or field is None:
            return []
        rows = {row.pk: row for row in field.queryset.filter(pk__in=ids)}
        return [(str(pk), field.label_from_instance(rows[pk])) for pk in dict.fromkeys(ids) if pk in rows]

    def optgroups(self, name, value, attrs=None):
        options = []
        empty_label = self._empty_label()
        if empty_label is not None:
            options.append(self.create_option(name, "", empty_label, not any(value), 0, attrs=attrs))
        for index, (pk, label) in enumerate(self.selected(value), start=1):
            options.append(self.create_option(name, pk, label, True, index, attrs=attrs))
        return [(None, options, 0)]

    def get_context(self, name, value, attrs):
        url = reverse("picker", args=[self.kind]) + ("?active=1" if self.active_only else "")
        attrs = {
            **(attrs or {}),
            "data-picker-url": url,
            "data-picker-no-results": gettext("No matches"),
            "data-picker-placeholder": gettext("Type to search"),
        }
        return super().get_context(name, value, attrs)

    def render(self, name, value, attrs=None, renderer=None):
        # The assets come with the widget, so no page template has to know about them (the browser fetches each
        # file once; pickers.js sets each select up once).
        assets = format_html(
            '<link rel="stylesheet" href="{}"><link rel="stylesheet" href="{}">'
            '<script src="{}" defer></script><script src="{}" defer></script>',
            static("vendor/tom-select/css/tom-select.bootstrap5.min.css"),
            static("css/pickers.css"),
            static("vendor/tom-select/js/tom-select.complete.min.js"),
            static("js/pickers.js"),
        )
        return assets + super().render(name, value, attrs, renderer)


class SearchSelectMultiple(SearchSelect):
    allow_multiple_selected = True

    def value_from_datadict(self, data, files, name):
        return forms.SelectMultiple.value_from_datadict(self, data, files, name)

    def value_omitted_from_data(self, data, files, name):
        return False  # an empty multiple select sends nothing


def contact_picker(**kwargs):
    return SearchSelect("contacts", **kwargs)


def contacts_picker(**kwargs):
    return SearchSelectMultiple("contacts", **kwargs)


def organization_picker(**kwargs):
    return SearchSelect("organizations", **kwargs)


def organizations_picker(**kwargs):
    return SearchSelectMultiple("organizations", **kwargs)


def plan_picker(**kwargs):
    return SearchSelect("plans", **kwargs)
