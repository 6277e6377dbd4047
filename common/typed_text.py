"""What people type, as the portal keeps it: no invisible format characters, and long texts of a bounded length.

Invisible format characters (Unicode category Cf: zero-width spaces and joiners, the right-to-left overrides and
isolates, the byte order mark, the soft hyphen...) change how the rest of a line is shown (U+202E reverses it on a
recipient list) and hide a name from search, and no Russian, Uzbek or English name needs one: they are removed on
input, by every portal form (TypedTextForm) and by the models' own cleaning (TypedTextModel, for the admin).
"""

import sys
import unicodedata
from functools import cache

from django import forms
from django.contrib.postgres.forms import SimpleArrayField
from django.core.validators import MaxLengthValidator
from django.db import models

# The longest text a long text field accepts (a meeting's or an agenda item's minutes, a description): about 40
# pages, and far within what the search index holds (common.fulltext).
LONG_TEXT_MAX_CHARACTERS = 100_000


@cache
def _invisible_characters() -> dict[int, None]:
    return {code: None for code in range(sys.maxunicode + 1) if unicodedata.category(chr(code)) == "Cf"}


def without_invisible_characters(text: str) -> str:
    if text.isascii():  # every Cf character is outside ASCII
        return text
    return text.translate(_invisible_characters())


def _removing_invisible_characters(to_python):
    def cleaned_to_python(value):
        return to_python(without_invisible_characters(value) if isinstance(value, str) else value)

    return cleaned_to_python


class TypedTextForm:
    """A form mixin: every text field's value loses its invisible format characters before it is validated (so a
    name of only such characters is blank), and a text field without a length of its own (a textarea) is bounded
    by LONG_TEXT_MAX_CHARACTERS, with an error naming the limit."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if not isinstance(field, forms.CharField | SimpleArrayField):  # an array: its text before the split
                continue
            field.to_python = _removing_invisible_characters(field.to_python)
            if isinstance(field, forms.CharField) and field.max_length is None:
                field.max_length = LONG_TEXT_MAX_CHARACTERS
                field.validators.append(MaxLengthValidator(LONG_TEXT_MAX_CHARACTERS))


class TypedTextModel(models.Model):
    """A model mixin: full_clean() (the admin's forms, the services) removes invisible format characters from
    every text column first."""

    class Meta:
        abstract = True

    def clean_fields(self, exclude=None):
        for field in self._meta.concrete_fields:
            if isinstance(field, models.CharField | models.TextField) and not field.generated:
                value = getattr(self, field.attname)
                if isinstance(value, str):
                    setattr(self, field.attname, without_invisible_characters(value))
        super().clean_fields(exclude=exclude)
