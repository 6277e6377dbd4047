"""Form widgets shared by the apps."""

from django import forms
from django.db import models
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe


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


def quick_formfield(db_field, **kwargs):
    """A ModelForm's `formfield_callback`: references to other rows get the Python-rendered selects."""
    if "widget" not in kwargs:
        if isinstance(db_field, models.ForeignKey):
            kwargs["widget"] = QuickSelect
        elif isinstance(db_field, models.ManyToManyField):
            kwargs["widget"] = QuickSelectMultiple
    return db_field.formfield(**kwargs)


class PortalModelForm(forms.ModelForm):
    """The base of the portal's model forms (see quick_formfield); a subclass's Meta inherits PortalModelForm.Meta,
    as Django reads formfield_callback from the form's own Meta only."""

    class Meta:
        formfield_callback = quick_formfield


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
