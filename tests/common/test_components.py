"""The data table component: one scaffolding (region, table, empty state) for every table of the portal."""

import re
from pathlib import Path

from django.template import Context, Template
from django.utils import translation

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"


def render(source: str, **context) -> str:
    return Template("{% load components %}" + source).render(Context(context))


def test_a_table_is_a_named_region_a_keyboard_can_reach():
    html = render(
        '{% table label="Organisations" classes="table-hover" id="orgs" rows=rows %}<tbody>'
        "{% for row in rows %}<tr><td>{{ row }}</td></tr>{% endfor %}</tbody>{% endtable %}",
        rows=["UNODC", "<IOM>"],
    )
    assert html.startswith('<div class="table-responsive" role="region" tabindex="0" aria-label="Organisations">')
    assert '<table class="table table-hover" id="orgs"><tbody><tr><td>UNODC</td></tr>' in html
    assert "<td>&lt;IOM&gt;</td>" in html  # the rows are escaped once, not twice and not raw
    assert html.endswith("</table></div>")


def test_no_rows_draw_the_empty_state_instead_of_an_empty_table():
    source = '{% table label="Actions" rows=rows empty="No actions match." %}<tbody></tbody>{% endtable %}'
    html = render(source, rows=[])
    assert html == '<p class="text-muted">No actions match.</p>'


def test_a_heading_on_the_page_can_name_the_region():
    html = render('{% table labelledby="activities-involved" %}<tbody></tbody>{% endtable %}')
    assert 'aria-labelledby="activities-involved"' in html
    assert "aria-label=" not in html


def test_labels_given_as_translatable_strings_follow_the_reader_language():
    with translation.override("ru"):
        html = render(
            '{% table label=_("Organisations") rows=rows empty=_("No organisations found.") %}{% endtable %}',
            rows=[],
        )
    assert html == '<p class="text-muted">Организации не найдены.</p>'


def test_no_template_writes_the_table_scaffolding_by_hand():
    by_hand = [
        str(path.relative_to(TEMPLATES))
        for path in TEMPLATES.rglob("*.html")
        if re.search(r'<div class="table-responsive"', path.read_text())
    ]
    assert by_hand == []
