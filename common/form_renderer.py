"""How form widgets are rendered.

Form and widget templates of the portal live in ``templates/forms/`` (named ``forms/...``), written in Jinja2 syntax:
the renderer looks in the project's template folders before Django's own form templates."""

from functools import cached_property
from pathlib import Path

import django.forms
from django.conf import settings
from django.forms.renderers import DjangoTemplates, Jinja2
from django.template import TemplateDoesNotExist


class FormRenderer(Jinja2):
    """Django's own widget and form templates rendered with Jinja2, several times faster than the Django template
    engine for forms and formsets of many fields. A template Django ships only for its own engine (the admin's
    widget wrappers) is rendered by that engine."""

    @cached_property
    def engine(self):
        project_dirs = [Path(folder) for folder in settings.TEMPLATES[0]["DIRS"]]
        return self.backend(
            {
                "APP_DIRS": True,
                "DIRS": [*project_dirs, Path(django.forms.__file__).parent / self.backend.app_dirname],
                "NAME": "djangoforms",
                "OPTIONS": {},
            }
        )

    @cached_property
    def _django_templates(self) -> DjangoTemplates:
        return DjangoTemplates()

    def get_template(self, template_name):
        try:
            return super().get_template(template_name)
        except TemplateDoesNotExist:
            return self._django_templates.get_template(template_name)
