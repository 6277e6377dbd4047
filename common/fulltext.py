"""The full-text search documents of the portal's models.

Each searchable model stores its documents in generated columns (`stored`), kept by PostgreSQL on every write,
with a GIN index on each. The search page (coordination/pages/search.py) matches and ranks on those columns, so
neither finding nor ranking parses a row's text again (ranking a common word over long minutes used to parse
each candidate's text on every search). Change a document here and a migration follows.
"""

import math

from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.db import connection
from django.db.models import (
    BooleanField,
    ExpressionWrapper,
    F,
    FloatField,
    Func,
    GeneratedField,
    Manager,
    Q,
    TextField,
    Value,
)
from django.db.models.functions import Cast
from django.db.models.lookups import GreaterThanOrEqual

SEARCH_CONFIG = "english"
# The text search configuration of each content language: the original text is English; the optional
# ``<field>_ru`` versions are Russian (stemmed by PostgreSQL's Snowball Russian stemmer) and the ``<field>_uz``
# versions Uzbek in Latin script, for which PostgreSQL has no stemmer: 'simple' only lowercases the words.
LANGUAGE_CONFIGS = {"en": "english", "ru": "russian", "uz": "simple"}

# A place list joined into one string. PostgreSQL's own array_to_string() is only STABLE,
# which an index expression may not use; this wrapper (created by activities migration 0002)
# is IMMUTABLE because joining text never depends on settings.
IMMUTABLE_ARRAY_TO_TEXT_SQL = (
    "CREATE OR REPLACE FUNCTION portal_array_to_text(text[]) RETURNS text "
    "LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT array_to_string($1, ' ') $$"
)


# Typo tolerance for names: the trigrams of a text (each word padded as pg_trgm pads it: two spaces before, one
# after), and the share of one trigram set found in another. The embedded PostgreSQL of development has no
# pg_trgm, so these two IMMUTABLE functions (created by stakeholders' first migration) do its work: a name's
# trigrams are stored (stored_trigrams), a GIN index on them answers the overlap (&&), and the share filters the
# few candidates.
TRIGRAM_FUNCTIONS_SQL = [
    "CREATE OR REPLACE FUNCTION portal_trigrams(text) RETURNS text[] "
    "LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$ "
    "SELECT coalesce(array_agg(DISTINCT substr(padded, position, 3)), '{}') FROM ("
    "SELECT '  ' || word || ' ' AS padded FROM regexp_split_to_table(lower($1), '[^[:alnum:]]+') AS word "
    "WHERE word <> '') AS words, generate_series(1, length(padded) - 2) AS position $$",
    "CREATE OR REPLACE FUNCTION portal_trigram_share(text[], text[]) RETURNS real "
    "LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$ "
    "SELECT CASE WHEN cardinality($1) = 0 THEN 0 "
    "ELSE (SELECT count(*) FROM unnest($1) AS trigram WHERE trigram = ANY($2))::real / cardinality($1) END $$",
]
DROP_TRIGRAM_FUNCTIONS_SQL = [
    "DROP FUNCTION IF EXISTS portal_trigrams(text)",
    "DROP FUNCTION IF EXISTS portal_trigram_share(text[], text[])",
]
# The share of the searched words' trigrams a name must contain (pg_trgm's word_similarity_threshold).
TRIGRAM_THRESHOLD = 0.6


class Trigrams(Func):
    function = "portal_trigrams"
    output_field = ArrayField(TextField())


def stored_trigrams(field_name):
    """The trigrams of a name, kept by PostgreSQL on every write, so a search neither computes them per row to
    find candidates nor again to measure their share."""
    return GeneratedField(expression=Trigrams(F(field_name)), output_field=ArrayField(TextField()), db_persist=True)


def name_trigrams(text: str) -> list[str]:
    """The trigrams of ``text`` as PostgreSQL computes them for the stored columns."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT portal_trigrams(%s)", [text])
        return cursor.fetchone()[0] or []


def key_trigrams(trigrams: list[str]) -> list[str]:
    """A subset of ``trigrams`` of which every similar name has at least one.

    A name with at least TRIGRAM_THRESHOLD of the trigrams misses fewer than ``(1 - threshold) * n`` of them, so
    it contains one of any ``floor((1 - threshold) * n) + 1``. The GIN index answers that overlap; trigrams from
    inside a word come first because the padded ones at a word's edges ("  t", " ta") begin and end countless
    names and would make the index return nearly every row.
    """
    needed = math.floor((1 - TRIGRAM_THRESHOLD) * len(trigrams) + 1e-9) + 1
    inner_first = sorted(trigrams, key=lambda trigram: (trigram.startswith(" ") or trigram.endswith(" "), trigram))
    return inner_first[:needed]


def similar_name(trigrams_field, trigrams: list[str]):
    """A condition: the name (its stored trigrams) has most of ``trigrams`` ("Boboyev" finds "Boboev")."""
    if not trigrams:
        return Q(pk__in=[])
    searched = Value(trigrams, output_field=ArrayField(TextField()))
    keys = Value(key_trigrams(trigrams), output_field=ArrayField(TextField()))
    overlaps = Func(F(trigrams_field), keys, function="", arg_joiner=" && ", output_field=BooleanField())
    share = Func(searched, F(trigrams_field), function="portal_trigram_share", output_field=FloatField())
    return ExpressionWrapper(Q(overlaps) & Q(GreaterThanOrEqual(share, TRIGRAM_THRESHOLD)), BooleanField())


class ArrayToText(Func):
    function = "portal_array_to_text"
    output_field = TextField()

    def __init__(self, field_name, **extra):
        super().__init__(Cast(F(field_name), ArrayField(TextField())), **extra)


def document(*weighted_parts):
    """A weighted search vector over ``(field name or expression, weight[, configuration])`` parts, in order."""
    vector = None
    for part, weight, *config in weighted_parts:
        piece = SearchVector(part, weight=weight, config=config[0] if config else SEARCH_CONFIG)
        vector = piece if vector is None else vector + piece
    return vector


def translated(field_name, weight):
    """A field and its Russian and Uzbek versions (``<field>_ru``, ``<field>_uz``), each in its configuration."""
    return [
        (field_name, weight, LANGUAGE_CONFIGS["en"]),
        (f"{field_name}_ru", weight, LANGUAGE_CONFIGS["ru"]),
        (f"{field_name}_uz", weight, LANGUAGE_CONFIGS["uz"]),
    ]


# The generated columns' names, read only inside SQL. History tables leave them out too (each model names its own:
# simple-history looks up every name it is given on the model).
STORED_FIELDS = ["search_document", "minutes_search_document", "name_trigrams"]


class WithoutStoredDocuments(Manager):
    """Reads rows without their stored documents: only the search page needs them, and only inside SQL.

    A select_related() join from another model still reads them (about as many bytes as the text they index).
    """

    def get_queryset(self):
        stored_here = [field.name for field in self.model._meta.concrete_fields if field.name in STORED_FIELDS]
        return super().get_queryset().defer(*stored_here)


def stored(vector):
    """A tsvector column PostgreSQL computes from the row on every insert and update."""
    return GeneratedField(expression=vector, output_field=SearchVectorField(), db_persist=True)


def meeting_document():
    return document(*translated("title", "A"), ("venue", "B"))


def meeting_minutes_document():
    return document(*translated("minutes_summary", "B"))


def agenda_item_document():
    return document(*translated("title", "A"), ("description", "B"))


def agenda_item_minutes_document():
    return document(*translated("discussion_summary", "B"))


def statement_document():
    return document(("summary", "B"))


def action_document():
    return document(("title", "A"), ("description", "B"))


def activity_document():
    return document(
        *translated("title", "A"),
        *translated("description", "B"),
        (ArrayToText("places"), "B"),
        ("target_group", "C"),
        ("outcome", "C"),
    )


def organization_document():
    return document(*translated("name", "A"), *translated("acronym", "A"), ("country", "C"))
