"""`make test` fails when a catalogue is out of date: a marked string missing from the .po files (or one no longer
used), a string not translated into Russian or Uzbek, a fuzzy entry, or a .mo file not compiled from its .po."""

import ast
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings

LOCALES = ["ru", "uz"]
LOCALE_DIR = Path(settings.BASE_DIR) / "locale"
# What `makemessages` must skip (docs/translations.md): not the portal's own code or templates.
IGNORED = [".venv", "node_modules", "var", "staticfiles", "bench", "tests"]

needs_gettext = pytest.mark.skipif(shutil.which("msgfmt") is None, reason="GNU gettext (msgfmt) is not installed")


def read_catalogue(path: Path) -> list[dict]:
    """The entries of a .po file: msgctxt, msgid, msgid_plural, msgstr forms and flags (obsolete ones left out)."""
    entries, entry, field = [], None, None
    for raw in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        line = raw.strip()
        if not line:
            if entry and "msgid" in entry:
                entries.append(entry)
            entry, field = None, None
            continue
        entry = entry or {"flags": set(), "msgstr": {}}
        if line.startswith("#,"):
            entry["flags"] |= {flag.strip() for flag in line[2:].split(",")}
        elif line.startswith("#~"):
            entry["obsolete"] = True
        elif line.startswith("#"):
            continue
        elif match := re.match(r"^(msgctxt|msgid_plural|msgid|msgstr)(?:\[(\d+)\])?\s+(\".*\")$", line):
            key, index, value = match.group(1), match.group(2), ast.literal_eval(match.group(3))
            if key == "msgstr":
                field = ("msgstr", int(index or 0))
                entry["msgstr"][field[1]] = value
            else:
                field = (key, None)
                entry[key] = value
        elif line.startswith('"'):
            value = ast.literal_eval(line)
            if field[0] == "msgstr":
                entry["msgstr"][field[1]] += value
            else:
                entry[field[0]] += value
    return [entry for entry in entries if entry["msgid"] and not entry.get("obsolete")]


def message_keys(entries) -> set[tuple]:
    return {(entry.get("msgctxt"), entry["msgid"], entry.get("msgid_plural")) for entry in entries}


def describe(keys) -> str:
    return "\n".join(
        f"  {msgid!r}" + (f" (context {context!r})" if context else "")
        for context, msgid, _ in sorted(keys, key=lambda key: key[1])
    )


@pytest.fixture(scope="module")
def extracted(tmp_path_factory) -> set[tuple]:
    """The strings marked for translation in the code and templates now, extracted by makemessages afresh.

    makemessages writes next to the nearest ``locale`` folder it finds, so it runs in a scratch folder that links
    to the project's sources (without ``locale``) and writes a new catalogue there; the committed one is untouched.
    """
    scratch = tmp_path_factory.mktemp("makemessages")
    sources, locale_dir = scratch / "src", scratch / "locale"
    sources.mkdir()
    for entry in Path(settings.BASE_DIR).iterdir():
        if entry.name not in [*IGNORED, "locale"] and not entry.name.startswith("."):
            (sources / entry.name).symlink_to(entry)
    cwd = os.getcwd()
    os.chdir(sources)
    try:
        with override_settings(LOCALE_PATHS=[locale_dir]):
            call_command("makemessages", locale=["ru"], ignore_patterns=IGNORED, symlinks=True, verbosity=0)
    finally:
        os.chdir(cwd)
    return message_keys(read_catalogue(locale_dir / "ru" / "LC_MESSAGES" / "django.po"))


@needs_gettext
@pytest.mark.parametrize("language", LOCALES)
def test_catalogue_holds_every_marked_string_and_no_stale_ones(extracted, language):
    committed = message_keys(read_catalogue(LOCALE_DIR / language / "LC_MESSAGES" / "django.po"))
    missing, stale = extracted - committed, committed - extracted
    assert not missing, (
        f"{len(missing)} string(s) marked for translation are not in locale/{language}: run "
        "`manage.py makemessages -l ru -l uz` (see docs/translations.md) and translate them:\n" + describe(missing)
    )
    assert not stale, f"locale/{language} holds {len(stale)} string(s) no longer used:\n" + describe(stale)


@pytest.mark.parametrize("language", LOCALES)
def test_every_string_is_translated(language):
    entries = read_catalogue(LOCALE_DIR / language / "LC_MESSAGES" / "django.po")
    assert len(entries) > 500
    untranslated = {
        (e.get("msgctxt"), e["msgid"], None) for e in entries if not all(e["msgstr"].values()) or not e["msgstr"]
    }
    fuzzy = {(e.get("msgctxt"), e["msgid"], None) for e in entries if "fuzzy" in e["flags"]}
    assert not untranslated, f"Untranslated in locale/{language}:\n" + describe(untranslated)
    assert not fuzzy, f"Fuzzy (unchecked) translations in locale/{language}:\n" + describe(fuzzy)


@pytest.mark.parametrize("language", LOCALES)
def test_translations_keep_the_placeholders(language):
    """A translation that drops or renames %(name)s would raise KeyError at run time or lose information."""
    for entry in read_catalogue(LOCALE_DIR / language / "LC_MESSAGES" / "django.po"):
        placeholders = set(re.findall(r"%\((\w+)\)[sd]", entry["msgid"] + entry.get("msgid_plural", "")))
        for translation in entry["msgstr"].values():
            assert set(re.findall(r"%\((\w+)\)[sd]", translation)) == placeholders, (entry["msgid"], translation)


@needs_gettext
@pytest.mark.parametrize("language", LOCALES)
def test_compiled_catalogue_is_up_to_date(tmp_path, language):
    po_file = LOCALE_DIR / language / "LC_MESSAGES" / "django.po"
    compiled = tmp_path / "django.mo"
    subprocess.run(["msgfmt", "--check", "-o", str(compiled), str(po_file)], check=True)  # noqa: S603, S607
    assert compiled.read_bytes() == po_file.with_suffix(".mo").read_bytes(), (
        f"locale/{language}/LC_MESSAGES/django.mo is not compiled from its .po: run `manage.py compilemessages`."
    )
