import pytest
from django import forms
from django.contrib import admin
from django.contrib.admin.widgets import RelatedFieldWidgetWrapper
from django.forms.renderers import get_default_renderer
from django.urls import reverse

from common.form_renderer import FormRenderer


def test_the_portal_renders_widgets_with_jinja2():
    renderer = get_default_renderer()
    assert isinstance(renderer, FormRenderer)
    template = renderer.get_template("django/forms/widgets/select.html")
    assert type(template).__module__ == "django.template.backends.jinja2"


def test_a_select_renders_as_with_django_templates():
    field = forms.ChoiceField(choices=[("a", "Alpha & Omega"), ("b", "<b>")])
    html = field.widget.render("letter", "b", attrs={"id": "id_letter"}, renderer=FormRenderer())
    assert '<select name="letter" id="id_letter">' in html
    assert '<option value="a">Alpha &amp; Omega</option>' in html
    assert '<option value="b" selected>&lt;b&gt;</option>' in html


@pytest.mark.django_db
def test_the_admins_own_widget_templates_still_render(admin_client):
    """Django ships the admin's widget wrappers for its own template engine only."""
    assert FormRenderer().get_template(RelatedFieldWidgetWrapper.template_name) is not None
    assert admin_client.get(reverse("admin:meetings_meeting_add")).status_code == 200


@pytest.mark.django_db
def test_every_admin_form_renders(admin_client):
    for model in admin.site._registry:
        opts = model._meta
        response = admin_client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_add"))
        assert response.status_code in (200, 403), opts.label  # 403: records the portal's workflows create


def test_a_widget_template_lives_in_the_project_templates_forms_folder(settings, tmp_path):
    """The one home of the portal's form and widget templates: templates/forms/, in Jinja2 syntax."""
    (tmp_path / "forms" / "widgets").mkdir(parents=True)
    (tmp_path / "forms" / "widgets" / "shouting.html").write_text(
        '<input name="{{ widget.name }}" value="{{ widget.value|upper }}">'
    )
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [tmp_path]}]

    class ShoutingInput(forms.TextInput):
        template_name = "forms/widgets/shouting.html"

    html = ShoutingInput().render("title", "quiet <please>", renderer=FormRenderer())
    assert html == '<input name="title" value="QUIET &lt;PLEASE&gt;">'
