"""Every piece of text a person sees in a template is marked for translation.

The check strips what is not text for a reader (template tags and variables, comments, translated blocks, scripts
and styles, HTML tags, entities, numbers and punctuation) and fails naming file:line for any word left over. Text
in the attributes people read (placeholder, title, alt, aria-label, data-confirm) is checked the same way.
"""

import re
from pathlib import Path

from django.conf import settings

TEMPLATES = Path(settings.BASE_DIR) / "templates"
# Words that are the same in every language: file formats, product names, symbols.
ALLOWED_WORDS = {"CSV", "Excel", "PDF", "ics", "A4"}
READABLE_ATTRIBUTES = ("placeholder", "title", "alt", "aria-label", "data-confirm", "value")


def _blank(match: re.Match) -> str:
    """The matched text as spaces, keeping its newlines so that line numbers stay right."""
    return "".join("\n" if char == "\n" else " " for char in match.group(0))


STRIPPED = [
    re.compile(r"\{%\s*comment\s*%\}.*?\{%\s*endcomment\s*%\}", re.S),
    re.compile(r"\{#.*?#\}", re.S),
    re.compile(r"\{%\s*blocktrans(?:late)?\b.*?\{%\s*endblocktrans(?:late)?\s*%\}", re.S),
    re.compile(r"\{%.*?%\}", re.S),
    re.compile(r"\{\{.*?\}\}", re.S),
    re.compile(r"<(script|style)\b.*?</\1\s*>", re.S | re.I),
    re.compile(r"<!--.*?-->", re.S),
    re.compile(r"<!doctype[^>]*>", re.I),
]
TAG = re.compile(r"<[^>]*>", re.S)
ATTRIBUTE = re.compile(r"\s(" + "|".join(READABLE_ATTRIBUTES) + r')\s*=\s*"([^"]*)"', re.S)
ENTITY = re.compile(r"&[#\w]+;")
WORD = re.compile(r"[^\W\d_]{2,}")


def untranslated_text(source: str) -> list[tuple[int, str]]:
    """(line, text) for every run of words outside translation tags."""
    text = source
    for pattern in STRIPPED:
        text = pattern.sub(_blank, text)
    findings = []

    def check_tag(match: re.Match) -> str:
        for attribute in ATTRIBUTE.finditer(match.group(0)):
            if match.group(0).lstrip("<").split()[0].lower() == "input" and attribute.group(1) == "value":
                continue  # an input's value is data, not a label
            value = attribute.group(2)
            words = [word for word in WORD.findall(ENTITY.sub(" ", value)) if word not in ALLOWED_WORDS]
            if words:
                line = text.count("\n", 0, match.start() + attribute.start()) + 1
                findings.append((line, f'{attribute.group(1)}="{value.strip()}"'))
        return _blank(match)

    text = TAG.sub(check_tag, text)
    text = ENTITY.sub(" ", text)
    for number, line in enumerate(text.splitlines(), start=1):
        words = [word for word in WORD.findall(line) if word not in ALLOWED_WORDS]
        if words:
            findings.append((number, " ".join(line.split())))
    return sorted(findings)


def test_every_template_text_is_marked_for_translation():
    problems = []
    for path in sorted(TEMPLATES.rglob("*.html")):
        for line, text in untranslated_text(path.read_text(encoding="utf-8")):
            problems.append(f"{path.relative_to(settings.BASE_DIR)}:{line}: {text}")
    assert not problems, "Text not marked for translation ({% translate %} / {% blocktranslate %}):\n" + "\n".join(
        problems
    )


def test_the_checker_finds_unmarked_text_and_accepts_marked_text():
    source = (
        '{% load i18n %}<h1>{% translate "Meetings" %}</h1>\n'
        "<p>Plain words here</p>\n"
        '<input placeholder="Search">\n'
        "{# a comment #}<p>{{ meeting.title }} · CSV</p>\n"
        "{% blocktranslate %}Hello {{ name }}{% endblocktranslate %}\n"
        '<a title="{% translate \'Edit\' %}" href="/x/">&raquo;</a>\n'
    )
    assert untranslated_text(source) == [(2, "Plain words here"), (3, 'placeholder="Search"')]
