"""How form widgets are rendered."""

from functools import cached_property

from django.forms.renderers import DjangoTemplates, Jinja2
from django.template import TemplateDoesNotExist


class FormRenderer(Jinja2):
    """Django's own widget and form templates rendered with Jinja2, several times faster than the Django template
    engine for forms and formsets of many fields. A template Django ships only for its own engine (the admin's
    widget wrappers) is rendered by that engine."""

    @cached_property
    def _django_templates(self) -> DjangoTemplates:
        return DjangoTemplates()

    def get_template(self, template_name):
        try:
            return super().get_template(template_name)
        except TemplateDoesNotExist:
            return self._django_templates.get_template(template_name)
